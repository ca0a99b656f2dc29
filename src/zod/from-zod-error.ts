/**
 * A failed `safeParse` → a `validation` `ApiError`, so that a route answers it in any
 * dialect in one line. Only types are imported from zod: this module costs no zod at run time,
 * and the error is read by shape, so it may come from any copy or version of zod.
 */
import type * as z from 'zod';
import { toApiError } from '../create-error.ts';
import { cutWhole } from '../cut-text.ts';
import { markOwn } from '../own-errors.ts';
import { createIssue, maxDepth } from '../issues.ts';
import { toCode } from '../members.ts';
import type { ApiErrorOf, Issue, IssueParam } from '../model.ts';

/** One issue as zod (or any Standard Schema library) reports it; only these members are read. */
export interface ZodIssueLike {
  /** Zod's issue code (`invalid_type`, `too_small`, ...), kept as the issue's `code`; a number (`1001`) as its text. */
  readonly code?: string | number | undefined;
  /** Zod gives property keys; Standard Schema may give `{ key }` segments. */
  readonly path?: readonly (PropertyKey | {
    /**
     * The key of this segment: a property key, or any value where a library says so (valibot
     * gives a map's key, which may be an object; the path then ends before it).
     */
    readonly key: unknown;
  })[] | undefined;
  /** What is wrong, kept as the issue's `message`; required, or `fromZodError` throws a `TypeError`. */
  readonly message: string;
}

/** Anything with zod's `issues` array: a `ZodError` of any zod copy, or a Standard Schema failure. */
export interface ZodErrorLike {
  /** The problems found, each one becoming an `Issue` of the error. */
  readonly issues: readonly ZodIssueLike[];
}

/** How {@link fromZodError} builds the error. */
export interface FromZodErrorOptions {
  /**
   * The HTTP status. Seeds 001 and 003 answer a request that fails validation with 400; seed 004
   * answers data that is well-formed but invalid with 422. Either way the kind is `validation`;
   * any other value is a `RangeError`.
   * @default 400
   */
  readonly status?: 400 | 422 | undefined;
  /** The explanation of this occurrence, e.g. `'Request failed validation'` (seed 001). */
  readonly detail?: string | undefined;
  /**
   * The most issues the error lists: the first ones are kept, and `detail` says how many there
   * were (`'Request failed validation (10000 issues; the first 1000 are listed)'`). An array of
   * 10,000 bad items made an answer over 1 MiB, more than faultline's `normalizeResponse` and
   * faultline/fetch's client read by default (which then saw an empty `bad_request`). Fewer are
   * listed when their paths, fields, messages and codes pass 256 KiB of JSON. A positive
   * integer, else a `RangeError`.
   * @default 1000
   */
  readonly maxIssues?: number | undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The most characters an issue keeps of its message. zod writes what it was given into some
 * (`z.strictObject` lists every unknown key: 60,000 keys made one message of 768,907 characters,
 * an answer no client read whole); a message cut says so with an ellipsis.
 */
const maxMessageLength = 1_000;

/**
 * The most UTF-8 bytes the listed issues' paths, fields, messages and codes take as JSON, which
 * is what a builder writes of them: past it no further issue is listed, and `detail` says how
 * many there were, as past `maxIssues`. A dialect writes each at most twice as long (a pointer
 * spells `~` as `~0`), so the answer stays well under a client's 1 MiB cap; 1,000 issues of a
 * 250-level recursive schema, each path spelled whole, made a 2.6 MB answer of an 18 KB request.
 */
const maxIssueBytes = 256 * 1024;

/** The encoder that counts {@link maxIssueBytes}, made once, on the first issue. */
let utf8: TextEncoder | undefined;

/** A message cut at {@link maxMessageLength} with an ellipsis, never between the halves of a surrogate pair. */
function toMessage(message: string): string {
  return message.length <= maxMessageLength ? message : `${cutWhole(message, maxMessageLength - 1)}…`;
}

/**
 * A path segment as the model holds it; `undefined` for one no path can name (an object as a
 * map's key, a `{ key }` segment without one). An index is an integer of 0 or more: any other
 * number is a key (a map's -1 or 1.5), kept as text, where dropping it would make the path name
 * another place. Symbols, which have no JSON form, become their `String`.
 */
function toSegment(segment: unknown): string | number | undefined {
  const key = isObject(segment) ? segment['key'] : segment;
  if (typeof key === 'string' || (Number.isInteger(key) && (key as number) >= 0)) return key as string | number;
  // `String` of an object may throw (`Object.create(null)`) or run the caller's code.
  return key === undefined || (typeof key === 'object' && key !== null) || typeof key === 'function' ? undefined : String(key);
}

/** The path spelled as zod's `prettifyError` spells it: `items[0].name`, `tags["a b"]` (and `tags["0"]`, a key, not an index). */
function toField(path: readonly (string | number)[]): string {
  let field = '';
  for (const segment of path) {
    if (typeof segment === 'number') field += `[${segment}]`;
    // A key that is no identifier is quoted; `"0"` too, which `.0` would make an index when read back.
    else if (/[^\w$]|^\d/.test(segment) || segment === '') field += `[${JSON.stringify(segment)}]`;
    else field += field === '' ? segment : `.${segment}`;
  }
  return field;
}

/** A zod path as the model holds it, up to a segment no path can name (the issue then sits at the map); `[]` when there is none. */
function toPath(path: unknown): (string | number)[] {
  const segments: (string | number)[] = [];
  // A text path (TypeBox's `/name`, Elysia's `error.all`) is no zod issue's: read as none, it put the issue on no field.
  if (path !== undefined && !Array.isArray(path)) throw new TypeError('its path is no list of keys');
  if (!Array.isArray(path)) return segments;
  for (const segment of path) {
    const named = toSegment(segment);
    if (named === undefined) break;
    segments.push(named);
  }
  return segments;
}

/** The model's issue of a zod issue; `undefined` when it has no message. */
function toIssue(issue: unknown, prefix: readonly (string | number)[]): Issue | undefined {
  if (!isObject(issue) || typeof issue['message'] !== 'string') return undefined;
  // The first of the model's 64 keys, as every reader cuts a path (issues.ts `maxDepth`), and the
  // field spelled of them: a recursive schema 250 levels deep gave issues paths of 250 keys.
  const path = [...prefix, ...toPath(issue['path'])].slice(0, maxDepth);
  // DESIGN: a code is a string; a numeric one (`1001`) was dropped.
  const code = toCode(issue['code']);
  const zod3 = code !== undefined && Object.hasOwn(zod3Codes, code) ? zod3Codes[code] : undefined;
  // The facts the message is made of (minimum, format, ...) go in `params`, so that
  // faultline/i18n can say the message in another language.
  return createIssue(path, toMessage(issue['message']), path.length > 0 ? toField(path) : undefined, zod3?.[0] ?? code, toParams(issue, zod3));
}

/** One walk of an error's issues (see {@link addIssue}). */
interface Walk {
  /** The issues found so far, up to `maxIssues`. */
  readonly issues: Issue[];
  /** How many issues `issues` keeps at most; lowered to the number kept once their bytes would pass {@link maxIssueBytes}. */
  maxIssues: number;
  /** The UTF-8 bytes of the kept issues' JSON (see {@link maxIssueBytes}). */
  bytes: number;
  /** How many issues were found, the ones not kept too. */
  found: number;
  /** The wrappers opened so far: an error made by hand may hold one in itself. */
  readonly opened: Set<object>;
  /** Whether an issue without a message was found. */
  unsaid: boolean;
}

/**
 * Zod 4's issues that stand for the issues of a record's or a map's key (`invalid_key`), or of a
 * map's or a set's element (`invalid_element`), which they hold in `issues`.
 */
const wrapperCodes: readonly unknown[] = ['invalid_key', 'invalid_element'];

/**
 * Adds the issues one zod issue stands for: itself, or for a key or an element wrapper the issues
 * it holds, their paths led by its own (and by a map element's key), as zod's own `treeifyError`
 * reads them; alone, "Invalid key in record" said nothing of what was wrong with the key. An
 * `invalid_union` stays one issue: its branches' issues contradict each other.
 */
function addIssue(issue: unknown, prefix: readonly (string | number)[], walk: Walk): void {
  const nested = isObject(issue) && wrapperCodes.includes(issue['code']) ? issue['issues'] : undefined;
  if (!isObject(issue) || !Array.isArray(nested) || nested.length === 0 || walk.opened.has(issue)) {
    // Past the cap an issue is counted, not read.
    if (++walk.found > walk.maxIssues) return;
    const converted = toIssue(issue, prefix);
    if (!converted) {
      walk.unsaid = true;
      return;
    }
    const { path, field, message, code } = converted;
    walk.bytes += (utf8 ??= new TextEncoder()).encode(JSON.stringify([path, field, message, code])).length;
    // The first issue is always listed: alone, its 64 keys of 1,024 characters are under the cap.
    if (walk.bytes > maxIssueBytes && walk.issues.length > 0) walk.maxIssues = walk.issues.length;
    else walk.issues.push(converted);
    return;
  }
  walk.opened.add(issue);
  const key = issue['code'] === 'invalid_element' ? issue['key'] : undefined;
  // A map's key that is an object has no place in a path: its element's issues sit at the map.
  const keyPath = typeof key === 'string' || typeof key === 'number' ? toPath([key]) : [];
  const path = [...prefix, ...toPath(issue['path']), ...keyPath];
  for (let index = 0; index < nested.length; index++) addIssue(nested[index], path, walk);
}

/** Zod issue members a message is made of. */
const paramNames = ['origin', 'expected', 'minimum', 'maximum', 'inclusive', 'exact', 'format', 'divisor', 'values', 'keys'];

/**
 * An entry of a list param (a literal's or an enum's choices): strings and finite numbers as they
 * are; `true`, `null`, `5n` as text, which a message can show (dropped, `z.literal(true)` read
 * "Must be one of: ."); objects and functions left out.
 */
const toListItem = (item: unknown): string | number | undefined =>
  typeof item === 'string' || Number.isFinite(item) ? (item as string | number) : item === null || !['object', 'function'].includes(typeof item) ? String(item) : undefined;

/** A zod fact as a JSON-safe param: bigints and dates as text, lists of primitives kept. */
function toParam(value: unknown): IssueParam | undefined {
  if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
  if (typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const items = value.map(toListItem).filter((item) => item !== undefined);
    // An empty list would be shown as "Must be one of: ."; without it, the code's own text is said.
    // One longer than a message may be (60,000 unknown keys) made faultline/i18n's message of it
    // as long as zod's; without it, the message cut at maxMessageLength stays.
    return items.length > 0 && items.join(', ').length <= maxMessageLength ? items : undefined;
  }
  return undefined;
}

/** Zod 3 names two of these facts otherwise, for the same codes: `type` (of too_small / too_big) and `multipleOf`. */
const zod3Names: Readonly<Record<string, string>> = { type: 'origin', multipleOf: 'divisor' };

/**
 * A zod 3 code's zod 4 successor, the zod 3 member holding the fact its texts need, that fact's
 * zod 4 name, and its value when zod 3 gives none.
 */
type Zod3Code = readonly [code: string, member?: string, param?: string, value?: string];

/**
 * Zod 3 codes that zod 4 renamed. faultline/i18n has texts for zod 4's codes only, so a zod 3
 * issue under its own code and names kept its English message (`invalid_string` with
 * `validation: 'email'` is zod 4's `invalid_format` with `format: 'email'`).
 */
const zod3Codes: Readonly<Record<string, Zod3Code>> = {
  invalid_string: ['invalid_format', 'validation', 'format'],
  invalid_enum_value: ['invalid_value', 'options', 'values'],
  // zod 4 gives a literal's one choice as `values: [choice]`.
  invalid_literal: ['invalid_value', 'expected', 'values'],
  // zod 4 reports an invalid Date as `invalid_type` with `expected: 'date'`; zod 3 says no more than its code.
  invalid_date: ['invalid_type', 'expected', 'expected', 'date'],
  // zod 4 reports a discriminator no option has as `invalid_union`, whose `options` are not read either.
  invalid_union_discriminator: ['invalid_union', 'options'],
};

/** An issue's facts under zod 4's names: zod's own, a zod 3 issue's renamed, a refinement's params; `undefined` when there are none. */
function toParams(issue: Record<string, unknown>, zod3: Zod3Code | undefined): Record<string, IssueParam> | undefined {
  const params: Record<string, IssueParam> = {};
  // The first value given for a name stays: zod's own facts before a refinement's params.
  const put = (name: string, value: unknown): void => {
    const param = toParam(value);
    if (param !== undefined && name !== '__proto__') params[name] ??= param;
  };
  const [, member = '', name, fixed] = zod3 ?? [];
  if (name) put(name, fixed ?? (name === 'values' && !Array.isArray(issue[member]) ? [issue[member]] : issue[member]));
  for (const name of paramNames) if (name !== member) put(name, issue[name]);
  // Under zod 4's names, or faultline/i18n finds no `origin` or `divisor` for a zod 3 issue and
  // leaves its English message. `type` only for the size codes: other libraries' issues use it otherwise.
  for (const name of Object.keys(zod3Names)) if (name !== 'type' || issue['code'] === 'too_small' || issue['code'] === 'too_big') put(zod3Names[name]!, issue[name]);
  // A refinement's own params (`refine(check, { params: { limit: 3 } })`), the JSON-safe ones.
  const own = issue['params'];
  if (isObject(own) && !Array.isArray(own)) for (const name of Object.keys(own)) put(name, own[name]);
  if (Object.keys(params).length === 0) return undefined;
  if (params['origin'] === 'date') toDateLimits(params);
  if (params['inclusive'] === false) toExclusiveLimits(params);
  return params;
}

/**
 * An exclusive bound (`positive()`, `gt(5)`; zod 3's too) under JSON Schema's names,
 * `exclusiveMinimum` and `exclusiveMaximum`: faultline/i18n's "Must be at least {{minimum}}" then
 * finds no `minimum` and says "This value is too small.", where it said 0 was at least 0.
 */
function toExclusiveLimits(params: Record<string, IssueParam>): void {
  for (const [name, exclusiveName] of [['minimum', 'exclusiveMinimum'], ['maximum', 'exclusiveMaximum']] as const) {
    if (params[name] === undefined) continue;
    params[exclusiveName] = params[name];
    delete params[name];
  }
}

/**
 * A date's limits as ISO dates (`2024-01-01`, with the time when it is not midnight UTC): zod 4
 * and zod 3 give them as epoch milliseconds, which a reader of the params, or faultline/i18n's
 * "Must be on or after {{minimum}}", would show as 1704067200000.
 */
function toDateLimits(params: Record<string, IssueParam>): void {
  for (const name of ['minimum', 'maximum']) {
    const value = params[name];
    // ECMA-262 TimeClip: a time value beyond ±8.64e15 ms is no date, and toISOString would throw.
    if (typeof value === 'number' && Math.abs(value) <= 8.64e15) params[name] = new Date(value).toISOString().replace('T00:00:00.000Z', '');
  }
}

/**
 * A `validation` error (400 Bad Request by default) with one issue per zod issue: its path,
 * the path spelled `items[0].name` as `field`, its message and its code. A record's or a map's
 * key and a map's or a set's element that failed (zod 4's `invalid_key`, `invalid_element`) give
 * the issues found in them, as zod's `treeifyError` does. At most `maxIssues` (1,000) are listed,
 * fewer when their paths and messages pass 256 KiB; a path keeps its first 64 keys, a message its
 * first 1,000 characters.
 * @example
 * const parsed = userSchema.safeParse(await request.json());
 * if (!parsed.success) return toResponse(fromZodError(parsed.error), { dialect: 'problem' });
 */
export function fromZodError(error: z.core.$ZodError | z.ZodError | ZodErrorLike, options: FromZodErrorOptions = {}): ApiErrorOf<'validation'> {
  const { status = 400 } = options;
  // From JavaScript any status came through: a 500 or a 200 made a `validation` error that no client reads as one.
  if (status !== 400 && status !== 422) throw new RangeError('fromZodError: options.status must be 400 or 422');
  const { maxIssues = 1000 } = options;
  if (!Number.isInteger(maxIssues) || maxIssues < 1) throw new RangeError('fromZodError: options.maxIssues must be a positive integer');
  const [issues, length] = readIssueList(error);
  const walk: Walk = { issues: [], maxIssues, bytes: 0, found: 0, opened: new Set(), unsaid: false };
  for (let position = 0; position < length; position++) {
    try {
      addIssue(issues[position], [], walk);
    } catch (cause) {
      // A getter or a Proxy trap that throws, a revoked Proxy: the caller learns which issue.
      throw new TypeError(`fromZodError: issue ${position} cannot be read; expected a zod issue`, { cause });
    }
    // A hole in the list too: zod's own issues always have a message.
    if (walk.unsaid) throw new TypeError(`fromZodError: issue ${position} has no string \`message\`; expected a zod issue`);
  }
  // The kind is fixed, so the caller gets the narrowed type.
  return markOwn(toApiError({ kind: 'validation', status, detail: toDetail(options.detail, walk), issues: walk.issues, dialect: 'unknown' })) as ApiErrorOf<'validation'>;
}

/** The `issues` of a zod error and their number, or a TypeError that says what was received instead. */
function readIssueList(error: unknown): [issues: readonly unknown[], length: number] {
  let received: string;
  try {
    // Read by shape, not `instanceof`: a second copy of zod in the bundle has its own classes.
    const issues: unknown = isObject(error) ? error['issues'] : undefined;
    if (Array.isArray(issues)) return [issues, issues.length];
    received = error === null ? 'null' : Array.isArray(error) ? 'an array' : isObject(error) ? 'an object without one' : typeof error;
  } catch {
    received = 'an object whose `issues` cannot be read';
  }
  throw new TypeError(`fromZodError expects a zod error (an object with an \`issues\` array); received ${received}`);
}

/** The caller's detail, and how many issues there were when not all are listed. */
function toDetail(detail: string | undefined, { found, issues }: Walk): string | undefined {
  if (found <= issues.length) return detail;
  const count = `${found} issues; ${issues.length === 1 ? 'the first is' : `the first ${issues.length} are`} listed`;
  return detail === undefined ? count : `${detail} (${count})`;
}
