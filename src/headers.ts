/**
 * Header access that never throws: a `Headers` object, `[name, value]` pairs, or a record
 * such as node:http's `IncomingHttpHeaders` (values may be arrays). Names are matched
 * case-insensitively (RFC 9110 §5.1); anything malformed is skipped.
 */

/** Headers as faultline accepts them: `HeadersInit` or node:http's header record. */
export type HeadersLike = HeadersInit | Readonly<Record<string, string | number | readonly string[] | undefined>>;

/** Looks up a header by its lower-case name. */
export type HeaderLookup = (name: string) => string | undefined;

/**
 * Headers read once: lower-case names at even indices, their values after them. One flat array
 * searched linearly: responses carry a handful of headers, and on `normalize`'s hot path this
 * beats a dictionary object and the closures a lookup function would allocate.
 */
export type HeaderList = string[];

function toHeaderValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  // RFC 9110 §5.3: repeated fields combine with commas.
  if (Array.isArray(value)) return value.filter((part) => typeof part === 'string').join(', ');
  return undefined;
}

function addHeader(list: HeaderList, name: unknown, value: unknown): void {
  const text = toHeaderValue(value);
  if (typeof name !== 'string' || text === undefined) return;
  const key = name.toLowerCase();
  const index = findHeader(list, key);
  if (index === -1) list.push(key, text);
  else list[index] += `, ${text}`;
}

/** The index of a header's value in a {@link HeaderList}, or -1. */
function findHeader(list: HeaderList, name: string): number {
  for (let index = 0; index < list.length; index += 2) if (list[index] === name) return index + 1;
  return -1;
}

/** Reads all headers once into a {@link HeaderList}. */
export function toHeaderList(headers: unknown): HeaderList {
  const list: HeaderList = [];
  try {
    if (typeof headers !== 'object' || headers === null) {
      // nothing to read
    } else if (typeof (headers as Headers).forEach === 'function' && !Array.isArray(headers)) {
      (headers as Headers).forEach((value, name) => addHeader(list, name, value));
    } else if (Array.isArray(headers) || typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function') {
      for (const pair of headers as Iterable<unknown>) if (Array.isArray(pair)) addHeader(list, pair[0], pair[1]);
    } else {
      for (const name of Object.keys(headers)) addHeader(list, name, (headers as Record<string, unknown>)[name]);
    }
  } catch {
    // A hostile or broken headers object: keep what was read before it threw.
  }
  return list;
}

/** The value of a header in a {@link HeaderList}, by its lower-case name. */
export function readHeader(list: HeaderList, name: string): string | undefined {
  const index = findHeader(list, name);
  return index === -1 ? undefined : list[index];
}

/** Reads all headers once into a lookup by lower-case name. */
export function readHeaders(headers: unknown): HeaderLookup {
  const list = toHeaderList(headers);
  return (name) => readHeader(list, name);
}

/** The media type of a `Content-Type` value, lower-cased, without parameters: `application/problem+json`. */
export function toMediaType(contentType: string | undefined): string {
  if (contentType === undefined) return '';
  const end = contentType.indexOf(';');
  return (end === -1 ? contentType : contentType.slice(0, end)).trim().toLowerCase();
}

/** Whether a media type carries JSON: `application/json`, any `+json` suffix (RFC 6839 §3.1). */
export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json') || mediaType === 'text/json';
}

// W3C Trace Context §3.2: version "-" trace-id (32 hex) "-" parent-id (16 hex) "-" flags.
const traceparent = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}/i;

/** The request id a server or its gateway echoed. */
export function readRequestId(list: HeaderList): string | undefined {
  return readHeader(list, 'x-request-id') ?? readHeader(list, 'request-id');
}

/** The trace id: `X-Trace-Id`, else the trace-id part of a W3C `traceparent`. */
export function readTraceId(list: HeaderList): string | undefined {
  const parent = readHeader(list, 'traceparent');
  return readHeader(list, 'x-trace-id') ?? (parent === undefined ? undefined : traceparent.exec(parent)?.[1]);
}
