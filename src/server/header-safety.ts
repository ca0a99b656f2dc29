/**
 * Header values a server sends. RFC 9110 §5.5: CR, LF and NUL never appear in a field value;
 * a value carrying them is refused with an error, never sent (response splitting).
 */

/** Echoed ids (request ids, trace ids) are cut to this length. */
export const maxIdLength = 128;

const forbidden = /[\r\n\0]/;

/** Throws a TypeError naming the header when its value carries CR, LF or NUL. */
export function assertHeaderValue(name: string, value: string): string {
  if (forbidden.test(value)) throw new TypeError(`Header ${name} must not contain CR, LF or NUL`);
  return value;
}

/** An id as it may be echoed: at most {@link maxIdLength} characters. */
export function toEchoedId(id: string): string {
  return id.length > maxIdLength ? id.slice(0, maxIdLength) : id;
}

/** The caller's extra headers as a record, each value checked. */
export function toHeaderRecord(headers: HeadersInit | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  if (!headers) return record;
  const entries: Iterable<[string, string]> =
    headers instanceof Headers ? headers.entries() : Array.isArray(headers) ? (headers as [string, string][]) : Object.entries(headers as Record<string, string>);
  for (const [name, value] of entries) record[name.toLowerCase()] = assertHeaderValue(name, String(value));
  return record;
}
