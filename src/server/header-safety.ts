/**
 * Header values a server sends. RFC 9110 §5.5: CR, LF and NUL never appear in a field value;
 * a value carrying them is refused with an error, never sent (response splitting).
 */
import type { HeadersInput } from '../web-types.ts';

/** Echoed ids (request ids, trace ids) are cut to this length. */
export const maxIdLength = 128;

// RFC 9110 §5.5: a field value is visible ASCII, spaces, tabs and obs-text (bytes 0x80-0xFF).
// CR, LF and NUL would split the response; other controls are forbidden too, and node:http
// throws on them; characters past Latin-1 make node:http and the Response constructor throw —
// errors that do not say which header.
const unsendable = /[^\t\x20-\x7e\x80-\xff]/;

/** Throws a TypeError naming the header when its value carries CR, LF or NUL, another control, or a character past Latin-1. */
export function assertHeaderValue(name: string, value: string): string {
  const char = unsendable.exec(value)?.[0];
  if (char !== undefined) throw new TypeError(`Header ${name} cannot carry ${JSON.stringify(char)}: no CR, LF, NUL or other control (RFC 9110 §5.5)`);
  return value;
}

/** An id as it may be echoed: at most {@link maxIdLength} characters, never half of a surrogate pair. */
export function toEchoedId(id: string): string {
  return id.length > maxIdLength ? id.slice(0, (id.charCodeAt(maxIdLength - 1) & 0xfc00) === 0xd800 ? maxIdLength - 1 : maxIdLength) : id;
}

/**
 * The caller's extra headers as a record, each value checked. A name given twice has its values
 * joined with ", " (RFC 9110 §5.3), as `Headers` joins them — but `Set-Cookie`, which cannot be
 * joined (RFC 6265 §3), goes to `cookies` after its first value: a Web `Response` carries them
 * all; without `cookies` (a record for node:http) a second one is a TypeError, never dropped.
 */
export function toHeaderRecord(headers: HeadersInput | undefined, cookies?: string[]): Record<string, string> {
  const record: Record<string, string> = {};
  if (!headers) return record;
  const entries: Iterable<[string, string]> =
    headers instanceof Headers ? headers.entries() : Array.isArray(headers) ? (headers as [string, string][]) : Object.entries(headers as Record<string, string>);
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    const text = assertHeaderValue(name, String(value));
    if (!Object.hasOwn(record, key)) record[key] = text;
    else if (key !== 'set-cookie') record[key] = `${record[key]}, ${text}`;
    else if (cookies) cookies.push(text);
    else throw new TypeError('Set-Cookie given twice: a record holds one value per name; use toResponse or ok');
  }
  return record;
}
