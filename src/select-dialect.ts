/**
 * Which dialect reads a body. Asking every dialect's `detect` in turn cost more than all the rest
 * of `normalize` together (19 calls through one call site, each reading members of a body of
 * another shape): a normalizer indexes its dialects once, by media type and by the members their
 * `detect` requires, and asks only the dialects whose members the body has.
 */
import type { DialectParser } from './dialect.ts';
import { isRecord, readOwn } from './members.ts';
import { isJsonMediaType, type ResponseHeaders } from './headers.ts';

/** A normalizer's dialects, in order, with what selects them. */
export interface DialectIndex {
  readonly list: readonly DialectParser[];
  /** The dialects that name each media type (lower-cased), in order. */
  readonly byMediaType: ReadonlyMap<string, readonly DialectParser[]>;
  /** For each member a dialect requires (`requiresOneOf`), the bits of the dialects that require it. */
  readonly byMember: ReadonlyMap<string, number>;
  /** The bits of the dialects asked only about bodies with one of their members. */
  readonly filtered: number;
  /** Each marker header (`markerHeaders`, lower-cased) with the position of the dialect that names it, in order. */
  readonly byHeader: readonly (readonly [name: string, position: number])[];
}

/** Dialects past this position are always asked: a mask is a 31-bit integer. */
const maskablePositions = 31;

/** Indexes `list` once: what `selectDialect` reads on every response. */
export function indexDialects(list: readonly DialectParser[]): DialectIndex {
  const byMediaType = new Map<string, DialectParser[]>();
  const byMember = new Map<string, number>();
  const byHeader: [string, number][] = [];
  let filtered = 0;
  list.forEach((dialect, position) => {
    // Media types and header names match case-insensitively (RFC 9110 §8.3.1, §5.1): the response's are lower-cased.
    if (Array.isArray(dialect.mediaTypes)) {
      for (const given of dialect.mediaTypes) {
        const type = String(given).toLowerCase();
        const named = byMediaType.get(type);
        if (named === undefined) byMediaType.set(type, [dialect]);
        else if (!named.includes(dialect)) named.push(dialect);
      }
    }
    if (Array.isArray(dialect.markerHeaders)) for (const name of dialect.markerHeaders) byHeader.push([String(name).toLowerCase(), position]);
    const members = dialect.requiresOneOf;
    if (!Array.isArray(members)) return;
    // Past the mask's 31 bits, `selectDialect` checks the members itself.
    if (position >= maskablePositions) return;
    const bit = 1 << position;
    filtered |= bit;
    for (const member of members) byMember.set(member, (byMember.get(member) ?? 0) | bit);
  });
  return { list, byMediaType, byMember, filtered, byHeader };
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The bits of the dialects that require a member `body` has, when it is a plain object as JSON
 * gives (its members enumerable, its prototype `Object.prototype` or none); `undefined` for any
 * other object — a class instance, an Error, a Proxy that throws — which every dialect is asked
 * about. Its members are walked while they are fewer than the required names; a larger object is
 * asked for each name instead, so that a body of 100,000 members costs no more than a small one.
 */
function candidatesOf(index: DialectIndex, body: Record<string, unknown>): number | undefined {
  try {
    const prototype: unknown = Object.getPrototypeOf(body);
    if (prototype !== Object.prototype && prototype !== null) return undefined;
    let mask = 0;
    let seen = 0;
    for (const key in body) {
      if (++seen > index.byMember.size) {
        mask = 0;
        for (const [member, bits] of index.byMember) if (hasOwn.call(body, member)) mask |= bits;
        return mask;
      }
      mask |= index.byMember.get(key) ?? 0;
    }
    return mask;
  } catch {
    return undefined;
  }
}

/** Whether a plain object lacks every member a dialect requires (`requiresOneOf`), so that its `detect` need not be asked. */
const lacksRequired = (body: object, members: readonly string[] | undefined): boolean => Array.isArray(members) && !members.some((member) => hasOwn.call(body, member));

/** Whether `dialect` claims the body; a `detect` that throws (a custom dialect's bug) does not. */
function claims(dialect: DialectParser, body: unknown, mediaType: string): boolean {
  try {
    return Boolean(dialect.detect(body, mediaType));
  } catch {
    return false;
  }
}

/**
 * The dialect named by `forced`; else the one that names the response's media type — of several
 * that name it, each but the last is asked its `detect` first, in order; else the first, in
 * order, whose marker header is present or whose `detect` claims the body; `undefined` when none
 * does. A JSON media type selects only for a parsed body (a text under it is malformed JSON,
 * which the dialects that read text read best); any other, whatever the body.
 */
export function selectDialect(
  index: DialectIndex,
  body: unknown,
  mediaType: string,
  forced: string | undefined,
  headers?: ResponseHeaders,
  context?: { readonly headers: Readonly<Record<string, string | undefined>> },
): DialectParser | undefined {
  // A dialect the normalizer does not know (a typo, or one left out of createNormalizer) would read
  // nothing at all: detection reads the body instead.
  const named = forced === undefined ? undefined : index.list.find((dialect) => dialect.id === forced);
  if (named) return named;
  // A media type is the server's word on what the body is: it wins over what the body looks like.
  const typed = (typeof body === 'object' ? body !== null : !isJsonMediaType(mediaType)) ? index.byMediaType.get(mediaType) : undefined;
  if (typed !== undefined) return typed.find((dialect, position) => position === typed.length - 1 || claims(dialect, body, mediaType));
  // A marker header names its dialect whatever the body — an XML text, or none at all (a HEAD) —
  // unless a dialect tried before it claims the body by its own marks.
  let marked = index.list.length;
  if (headers) {
    for (let mark = 0; mark < index.byHeader.length; mark++) {
      const [name, position] = index.byHeader[mark]!;
      // The headers normalize reads are at hand; another (a custom dialect's) is looked up among all.
      if ((hasOwn.call(headers, name) ? readOwn(headers, name) : context?.headers[name]) !== undefined) {
        marked = position;
        break;
      }
    }
  }
  // Text, arrays, `undefined` and objects that are not plain are asked of every dialect.
  const candidates = isRecord(body) ? candidatesOf(index, body) : undefined;
  const skipped = candidates === undefined ? 0 : index.filtered & ~candidates;
  for (let position = 0; position < marked; position++) {
    if (position < maskablePositions ? (skipped >> position) & 1 : candidates !== undefined && lacksRequired(body as object, index.list[position]!.requiresOneOf)) continue;
    const dialect = index.list[position]!;
    if (claims(dialect, body, mediaType)) return dialect;
  }
  return index.list[marked];
}
