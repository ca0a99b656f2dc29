/**
 * Header access that never throws: a `Headers` object, `[name, value]` pairs, or a record
 * such as node:http's `IncomingHttpHeaders` (values may be arrays). Names are matched
 * case-insensitively (RFC 9110 §5.1); anything malformed is skipped.
 */
import type { AnyHeaders } from './web-types.ts';

/** Headers as faultline accepts them: {@link AnyHeaders} (lib.dom's `HeadersInit` among them) or node:http's header record. */
export type HeadersLike = AnyHeaders | Readonly<Record<string, string | number | readonly string[] | undefined>>;

/** Looks up a header by its lower-case name. */
export type HeaderLookup = (name: string) => string | undefined;

const hasOwn = Object.prototype.hasOwnProperty;

function toHeaderValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  // RFC 9110 §5.3: repeated fields combine with commas.
  if (Array.isArray(value)) return value.filter((part) => typeof part === 'string').join(', ');
  return undefined;
}

type Keep<T> = (target: T, name: string, value: string) => void;

function addHeader<T>(target: T, keep: Keep<T>, name: unknown, value: unknown): void {
  const text = toHeaderValue(value);
  if (typeof name === 'string' && text !== undefined) keep(target, name.toLowerCase(), text);
}

/** Gives `keep` each header with its lower-case name; a broken headers object ends the walk, never throws. */
function forEachHeader<T>(headers: unknown, target: T, keep: Keep<T>): void {
  try {
    if (typeof headers !== 'object' || headers === null) {
      // nothing to read
    } else if (typeof (headers as Headers).forEach === 'function' && !Array.isArray(headers)) {
      (headers as Headers).forEach((value, name) => addHeader(target, keep, name, value));
    } else if (Array.isArray(headers) || typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function') {
      for (const pair of headers as Iterable<unknown>) if (Array.isArray(pair)) addHeader(target, keep, pair[0], pair[1]);
    } else {
      for (const name of Object.keys(headers)) addHeader(target, keep, name, (headers as Record<string, unknown>)[name]);
    }
  } catch {
    // A hostile or broken headers object: keep what was read before it threw.
  }
}

/** Reads all headers once into a lookup by lower-case name. */
export function readHeaders(headers: unknown): HeaderLookup {
  // A Map, not a list searched per header: a request's headers are the client's to multiply,
  // and 100,000 of them took 12 s searched so.
  const values = new Map<string, string>();
  forEachHeader(headers, values, (target, name, value) => {
    const previous = target.get(name);
    target.set(name, previous === undefined ? value : `${previous}, ${value}`);
  });
  return (name) => values.get(name);
}

/** The headers `normalize` reads, by lower-case name; `undefined` when absent. */
export interface ResponseHeaders {
  'content-type': string | undefined;
  location: string | undefined;
  'x-request-id': string | undefined;
  'request-id': string | undefined;
  'x-amzn-requestid': string | undefined;
  'x-amz-request-id': string | undefined;
  'x-slack-req-id': string | undefined;
  'x-ms-request-id': string | undefined;
  'twilio-request-id': string | undefined;
  'x-github-request-id': string | undefined;
  'x-amzn-errortype': string | undefined;
  'x-ms-error-code': string | undefined;
  'x-trace-id': string | undefined;
  traceparent: string | undefined;
  'retry-after': string | undefined;
  'retry-after-ms': string | undefined;
  'stripe-should-retry': string | undefined;
  'x-ms-retry-after-ms': string | undefined;
  'x-ratelimit-limit': string | undefined;
  'x-ratelimit-remaining': string | undefined;
  'x-ratelimit-reset': string | undefined;
  'x-rate-limit-limit': string | undefined;
  'x-rate-limit-remaining': string | undefined;
  'x-rate-limit-reset': string | undefined;
  'ratelimit-limit': string | undefined;
  'ratelimit-remaining': string | undefined;
  'ratelimit-reset': string | undefined;
  ratelimit: string | undefined;
  'ratelimit-policy': string | undefined;
  'x-ratelimit-limit-requests': string | undefined;
  'x-ratelimit-remaining-requests': string | undefined;
  'x-ratelimit-reset-requests': string | undefined;
  'x-ratelimit-limit-tokens': string | undefined;
  'x-ratelimit-remaining-tokens': string | undefined;
  'x-ratelimit-reset-tokens': string | undefined;
  'cf-ray': string | undefined;
}

function keepKnown(known: ResponseHeaders, name: string, value: string): void {
  if (!hasOwn.call(known, name)) return;
  const previous = known[name as keyof ResponseHeaders];
  known[name as keyof ResponseHeaders] = previous === undefined ? value : `${previous}, ${value}`;
}

/**
 * Reads the headers `normalize` needs in one pass into an object of one shape: each of the
 * dozen reads that follow is then a field load, where searching a list for each cost more
 * than all the rest of reading the headers.
 */
export function readResponseHeaders(headers: unknown): ResponseHeaders {
  const known: ResponseHeaders = {
    'content-type': undefined,
    location: undefined,
    'x-request-id': undefined,
    'request-id': undefined,
    'x-amzn-requestid': undefined,
    'x-amz-request-id': undefined,
    'x-slack-req-id': undefined,
    'x-ms-request-id': undefined,
    'twilio-request-id': undefined,
    'x-github-request-id': undefined,
    'x-amzn-errortype': undefined,
    'x-ms-error-code': undefined,
    'x-trace-id': undefined,
    traceparent: undefined,
    'retry-after': undefined,
    'retry-after-ms': undefined,
    'stripe-should-retry': undefined,
    'x-ms-retry-after-ms': undefined,
    'x-ratelimit-limit': undefined,
    'x-ratelimit-remaining': undefined,
    'x-ratelimit-reset': undefined,
    'x-rate-limit-limit': undefined,
    'x-rate-limit-remaining': undefined,
    'x-rate-limit-reset': undefined,
    'ratelimit-limit': undefined,
    'ratelimit-remaining': undefined,
    'ratelimit-reset': undefined,
    ratelimit: undefined,
    'ratelimit-policy': undefined,
    'x-ratelimit-limit-requests': undefined,
    'x-ratelimit-remaining-requests': undefined,
    'x-ratelimit-reset-requests': undefined,
    'x-ratelimit-limit-tokens': undefined,
    'x-ratelimit-remaining-tokens': undefined,
    'x-ratelimit-reset-tokens': undefined,
    'cf-ray': undefined,
  };
  forEachHeader(headers, known, keepKnown);
  return known;
}

/** Every header, by lower-case name, repeated ones joined with `, `: what a custom dialect's `parse` may ask for. */
export function readAllHeaders(headers: unknown): Readonly<Record<string, string | undefined>> {
  const all: Record<string, string> = Object.create(null);
  forEachHeader(headers, all, (target, name, value) => (target[name] = target[name] === undefined ? value : `${target[name]}, ${value}`));
  return all;
}

/** The media type of a `Content-Type` value, lower-cased, without parameters: `application/problem+json`. */
export function toMediaType(contentType: string | undefined): string {
  if (contentType === undefined) return '';
  const end = contentType.indexOf(';');
  return (end === -1 ? contentType : contentType.slice(0, end)).trim().toLowerCase();
}

/** Whether a media type carries JSON: `application/json`, any `+json` suffix (RFC 6839 §3.1). */
export function isJsonMediaType(mediaType: string): boolean {
  // And AWS's JSON protocols: `application/x-amz-json-1.0` (DynamoDB), `-1.1`.
  return mediaType === 'application/json' || mediaType.endsWith('+json') || mediaType === 'text/json' || mediaType.startsWith('application/x-amz-json');
}

/**
 * Whether a body of this media type is text: `text/*`, JSON and XML types, form data, and an
 * absent type (many servers send JSON without one). Anything else (`image/png`,
 * `application/pdf`, `application/octet-stream`) is bytes.
 */
export function isTextMediaType(mediaType: string): boolean {
  return mediaType === '' || mediaType.startsWith('text/') || isJsonMediaType(mediaType) || mediaType.endsWith('xml') || mediaType === 'application/javascript' || mediaType === 'application/x-www-form-urlencoded';
}

// W3C Trace Context §3.2: version "-" trace-id (32 hex) "-" parent-id (16 hex) "-" flags, in
// lower-case hex; version ff (§3.2.2.1) and an all-zero trace-id or parent-id (§3.2.2.3, §3.2.2.4)
// are invalid. Version 00 is 55 characters exactly; a later version may go on after a "-" (§4.3).
const traceparent = /^(?!ff)(?:00(?=.{53}$)|(?!00)[\da-f]{2})-(?!0{32})([\da-f]{32})-(?!0{16})[\da-f]{16}-[\da-f]{2}(?![^-])/;

/**
 * An id as one value: a proxy that adds the id its upstream already sent makes a list, which
 * `fetch` and node:http join with ", " (RFC 9110 §5.3), and whose first member is taken. A comma
 * without a space stays: it may be part of an opaque id.
 */
function toSingleId(value: string | undefined): string | undefined {
  const separator = value === undefined ? -1 : value.indexOf(', ');
  return separator === -1 ? value : value!.slice(0, separator);
}

/**
 * The request id a server or its gateway echoed; AWS (`x-amzn-RequestId`, S3's `x-amz-request-id`),
 * Slack, Azure (`x-ms-request-id`), Twilio (`Twilio-Request-Id`) and GitHub (`X-GitHub-Request-Id`) name their own, and Cloudflare's `cf-ray`, the id its support
 * asks for, stands in when no other is given (a 5xx page from the edge has no other).
 */
export function readRequestId(headers: ResponseHeaders): string | undefined {
  return (
    toSingleId(headers['x-request-id']) ??
    toSingleId(headers['request-id']) ??
    toSingleId(headers['x-amzn-requestid']) ??
    toSingleId(headers['x-amz-request-id']) ??
    toSingleId(headers['x-slack-req-id']) ??
    toSingleId(headers['x-ms-request-id']) ??
    toSingleId(headers['twilio-request-id']) ??
    toSingleId(headers['x-github-request-id']) ??
    toSingleId(headers['cf-ray'])
  );
}

/**
 * A body's trace id as the model keeps it: the trace-id part of a W3C `traceparent`, which
 * ASP.NET Core writes as its ProblemDetails `traceId` (`00-<trace-id>-<parent-id>-00`), so that
 * one trace is one id whether a header or a body gave it; any other id as it is.
 */
export const toTraceId = (id: string): string => traceparent.exec(id)?.[1] ?? id;

/** The trace id: `X-Trace-Id`, else the trace-id part of a valid W3C `traceparent`. */
export function readTraceId(headers: ResponseHeaders): string | undefined {
  const parent = headers.traceparent;
  // Most responses carry no traceparent: not running the expression on '' saves ~13 ns a call.
  return toSingleId(headers['x-trace-id']) ?? (parent === undefined ? undefined : traceparent.exec(parent)?.[1]);
}
