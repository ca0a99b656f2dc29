/**
 * Header values a server sends. RFC 9110 §5.5: CR, LF and NUL never appear in a field value;
 * a value carrying them is refused with an error, never sent (response splitting). An echoed id
 * that no header can carry is left out instead.
 */
import type { AnyHeaders } from '../web-types.ts';

/** Echoed ids (request ids, trace ids) are cut to this length. */
export const maxIdLength = 128;

// RFC 9110 §5.5: a field value is visible ASCII, spaces, tabs and obs-text (bytes 0x80-0xFF).
// CR, LF and NUL would split the response; other controls are forbidden too, and node:http
// throws on them; characters past Latin-1 make node:http and the Response constructor throw —
// errors that do not say which header.
const control = /[\0-\x08\n-\x1f\x7f]/;
const pastLatin1 = /[^\0-\xff]/u;

const toRefusal = (name: string, char: string, why: string): TypeError => new TypeError(`Header ${name} cannot carry ${JSON.stringify(char)}: ${why} (RFC 9110 §5.5)`);

// RFC 9110 §5.1: a field name is a token.
const fieldName = /^[!#$%&'*+.^_`|~\dA-Za-z-]+$/;

/** Whether a text is a header name (RFC 9110 §5.1: a token). */
export const isFieldName = (name: string): boolean => fieldName.test(name);

/** Whether a header can carry the value: no control, no character past Latin-1. */
export const isHeaderValue = (value: string): boolean => !control.test(value) && !pastLatin1.test(value);

/** Throws a TypeError naming the header when its value carries CR, LF, NUL or another control. */
export function assertNoControl(name: string, value: string): string {
  const char = control.exec(value)?.[0];
  if (char !== undefined) throw toRefusal(name, char, 'no CR, LF, NUL or other control');
  return value;
}

/** Throws a TypeError naming the header when its value carries CR, LF or NUL, another control, or a character past Latin-1. */
export function assertHeaderValue(name: string, value: string): string {
  const char = pastLatin1.exec(assertNoControl(name, value))?.[0];
  if (char !== undefined) throw toRefusal(name, char, 'a character past Latin-1');
  return value;
}

/**
 * An id as it may be echoed: at most {@link maxIdLength} characters, never half of a surrogate
 * pair. cut-text.ts's `cutWhole` written out: this module imports nothing, so that the faultline
 * command takes its header rule without the core.
 */
export function toEchoedId(id: string): string {
  return id.length > maxIdLength ? id.slice(0, (id.charCodeAt(maxIdLength - 1) & 0xfc00) === 0xd800 ? maxIdLength - 1 : maxIdLength) : id;
}

/**
 * An id as its header echoes it ({@link toEchoedId}), or `undefined` when no header can carry it:
 * a control (CR, LF and NUL, or a DEL, which Bun's request headers let through) or a character
 * past Latin-1. Never sent, as RELIABILITY.md asks, but never a throw either: an id comes from a
 * request or an upstream body, and an error answer must not fail to build for it (a body with a
 * member for it still echoes it, escaped by JSON).
 */
export function toIdHeader(id: string | undefined): string | undefined {
  const echoed = id === undefined ? undefined : toEchoedId(id);
  return echoed !== undefined && isHeaderValue(echoed) ? echoed : undefined;
}

/**
 * The caller's extra headers as a record, each value checked. A name given twice has its values
 * joined with ", " (RFC 9110 §5.3), as `Headers` joins them — but `Set-Cookie`, which cannot be
 * joined (RFC 6265 §3), goes to `cookies` after its first value: a Web `Response` carries them
 * all; without `cookies` (a record for node:http) a second one is a TypeError, never dropped.
 */
export function toHeaderRecord(headers: AnyHeaders | undefined, cookies?: string[]): Record<string, string> {
  const record: Record<string, string> = {};
  if (!headers) return record;
  // A text was written as a header per letter ("0": "x").
  if (typeof headers !== 'object') throw new TypeError(`headers must be a Headers, a record or [name, value] pairs, not a ${typeof headers}`);
  // A Headers by shape, as normalize reads one: another implementation's (undici's own, a
  // polyfill's, another realm's) is no `instanceof Headers`, and has no own entries to list.
  let entries: [string, string | undefined][] = [];
  if (typeof (headers as Headers).forEach === 'function' && !Array.isArray(headers)) (headers as Headers).forEach((value, name) => entries.push([name, value]));
  else entries = Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [name, value] of entries) {
    // A record's `undefined` or `null` is a header not given (`{ 'retry-after': seconds }` with
    // none), never the text "undefined", as faultline/fetch reads them.
    if (value == null) continue;
    // A name with a space, a colon or a CR would split the response in a writer that does not
    // check it; node:http's ERR_INVALID_HTTP_TOKEN does not say where it came from.
    if (!isFieldName(name)) throw new TypeError(`Header name ${JSON.stringify(name)} is not a token (RFC 9110 §5.1)`);
    const key = name.toLowerCase();
    const text = assertHeaderValue(name, String(value));
    if (!Object.hasOwn(record, key)) record[key] = text;
    else if (key !== 'set-cookie') record[key] = `${record[key]}, ${text}`;
    else if (cookies) cookies.push(text);
    else throw new TypeError('Set-Cookie given twice: a record holds one value per name; use toResponse or ok');
  }
  return record;
}
