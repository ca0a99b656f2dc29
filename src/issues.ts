/**
 * Field-level problems in the shapes servers send them: arrays of `{field, message}`-like
 * objects or strings, RFC 9457 `{detail, pointer}`, seed 001's `{title, detail}`, and
 * field → messages maps. Walks stop at {@link maxDepth}, so no body can overflow the stack.
 */
import type { Issue } from './model.ts';
import { isRecord, readOwn, toCode, toOptionalString } from './members.ts';

/** How deep any walk of a received body goes (RELIABILITY.md "Depth"). */
export const maxDepth = 64;

const canonicalIndex = /^(?:0|[1-9]\d*)$/;
const toSegment = (segment: string): string | number => (canonicalIndex.test(segment) ? Number(segment) : segment);

// `tags["a.b"]`: a key that dots cannot carry, quoted as JavaScript (and zod's prettifyError) quotes it.
const quotedSegment = /\["((?:[^"\\]|\\.)*)"\]|([^.[\]]+)/g;

/** The segments of a path with quoted keys; a quoted key stays a string, even `["0"]`. */
function splitQuoted(field: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const [, quoted, plain] of field.matchAll(quotedSegment)) {
    if (plain !== undefined) segments.push(toSegment(plain));
    else {
      try {
        segments.push(JSON.parse(`"${quoted}"`) as string);
      } catch {
        segments.push(quoted!);
      }
    }
  }
  return segments;
}

/**
 * The path of a field as the server spelled it: a JSON Pointer (`/items/0/name`, `#/age`,
 * RFC 6901), dotted and bracketed (`items[0].name`, `items.0.name`, `tags["a.b"]`), or a JSONPath
 * (`$.items[0].name`) without its root. Seed 001 prefixes
 * fields with the request part (`body.name`); `body.` is dropped so the path names the payload,
 * but not a quoted `["body"]`, which is the payload's own key (as faultline/server writes it).
 */
export function parseFieldPath(field: string): (string | number)[] {
  const pointer = field.startsWith('#/') ? field.slice(1) : field;
  const segments = pointer.startsWith('/')
    ? pointer.slice(1).split('/').map((segment) => toSegment(segment.replaceAll('~1', '/').replaceAll('~0', '~')))
    : field.includes('["')
      ? splitQuoted(field)
      : field.split(/[.[\]]+/).filter((segment) => segment !== '').map(toSegment);
  if (segments.length > 1 && segments[0] === 'body' && field.startsWith('body')) segments.shift();
  // A JSONPath's root (ASP.NET Core's System.Text.Json errors: `$.items[0].name`, `$` for the body as a whole).
  else if (segments[0] === '$' && field.startsWith('$')) segments.shift();
  return segments.slice(0, maxDepth);
}

/**
 * Keys that hold errors of the object as a whole: DRF's `non_field_errors` (its default
 * `NON_FIELD_ERRORS_KEY`), Rails' `base` (`errors.add :base`), Discord's `_errors` and zod's
 * `flatten()` `formErrors`. Their issues have the path of the object they sit in; the key stays
 * in `field`. The `fieldErrors` beside `formErrors` holds the fields' map: it names no field either.
 */
export const isObjectKey = (key: string): boolean => key === 'non_field_errors' || key === 'base' || key === '_errors' || key === 'formErrors' || key === 'fieldErrors';

/**
 * `prefix` followed by `segments`, at most {@link maxDepth} of them, as {@link parseFieldPath} cuts
 * one field's: each level of a nested map adds its key's segments, and a body 64 maps deep, each
 * key of 64 segments, gave every issue below a path 4,096 long (seconds for a 100 KB body).
 */
export const joinPath = (prefix: readonly (string | number)[], segments: readonly (string | number)[]): (string | number)[] => [...prefix, ...segments].slice(0, maxDepth);

function toPath(value: unknown): (string | number)[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.slice(0, maxDepth).filter((part): part is string | number => typeof part === 'string' || (typeof part === 'number' && Number.isInteger(part)));
}

/** How many lists and maps one walk enters at most; `steps` counts them, from 0 at each walk's start (depth 0; a walk is synchronous). */
export const maxSteps = 100_000;
let steps = 0;

/** The members an entry's message may be in (see {@link fromObject}). */
const messageKeys = ['detail', 'message', 'msg', 'title', 'description', 'errorSummary'];

/** OpenAPI's parameter locations (`in`), which name no field. */
const requestParts = ['query', 'header', 'path', 'cookie', 'body', 'formData'];

// Seed 001: "`body.name` is `undefined`, but `string` is expected." names its field first.
const leadingCodeSpan = /^`([\w$.[\]]+)`/;

/**
 * The most characters an issue keeps of its field and of each key in its path. Real names are
 * short; a body that nests 40,000 fields under one 400 KB key gives as many issues that each
 * repeat it, a model of gigabytes once serialized (JSON.stringify, structuredClone, a log). The
 * body keeps the whole key.
 */
export const maxNameLength = 1_024;

/**
 * A name cut at {@link maxNameLength}, never between the halves of a surrogate pair (a lone one is
 * JSON that strict parsers refuse); joined names are cut as they are joined, so that no spelling grows past it.
 * cut-text.ts's `cutWhole` written out: as a call, it cost the seed normalizer's bundle 15 bytes.
 */
export const toName = <T extends string | number>(name: T): T =>
  typeof name === 'string' ? (name.slice(0, (name.charCodeAt(maxNameLength - 1) & 0xfc00) === 0xd800 ? maxNameLength - 1 : maxNameLength) as T) : name;

/** Builds a frozen issue, dropping absent optional members (exactOptionalPropertyTypes); names cut at {@link maxNameLength}. */
export function createIssue(path: readonly (string | number)[], message: string, field?: string, code?: string, params?: Issue['params']): Issue {
  const issue: { -readonly [K in keyof Issue]: Issue[K] } = { path: Object.freeze(path.map(toName)), message };
  if (field !== undefined) issue.field = toName(field);
  if (code !== undefined) issue.code = code;
  if (params !== undefined) issue.params = Object.freeze(params);
  return Object.freeze(issue);
}

/**
 * The parameter a map of one names with the values sent: Twitter's `{"parameters": {"ids": ["123x"]}}`.
 * A map of placeholders to values (Magento's `{"fieldName": "email"}` for `"%fieldName" is required`) names none.
 */
function toSoleParameter(parameters: unknown): string | undefined {
  const names = isRecord(parameters) ? Object.keys(parameters) : [];
  return names.length === 1 && Array.isArray((parameters as Record<string, unknown>)[names[0]!]) ? names[0] : undefined;
}

/** Adds to `out` the issue of one entry; `false` when the entry gave none (no message anywhere in it). */
function fromObject(item: Record<string, unknown>, prefix: readonly (string | number)[], out: Issue[], depth: number): boolean {
  const before = out.length;
  const detail = toOptionalString(readOwn(item, 'detail'));
  const title = toOptionalString(readOwn(item, 'title'));
  // PayPal's `details[]` explain in `description`, Okta's `errorCauses[]` in `errorSummary`; Clerk's
  // `long_message` says whole what its `message` says in two words ("is invalid").
  const message = toOptionalString(readOwn(item, 'long_message')) ?? detail ?? toOptionalString(readOwn(item, 'message')) ?? toOptionalString(readOwn(item, 'msg')) ?? title ?? toOptionalString(readOwn(item, 'description')) ?? toOptionalString(readOwn(item, 'errorSummary'));
  // FastAPI (Pydantic): `loc` is the path led by the request part (`["body", "name"]`), `type` the code.
  const location = toPath(readOwn(item, 'loc'));
  // Seed 001 puts the problem code in `title` ("invalid_type") and the message in `detail`; a
  // title of words beside a `type` is a problem's own (Akamai's `{type, title, detail}`), the type its code.
  // Salesforce names it `errorCode`, PayPal `issue`, Ghost `errorType` ("UnauthorizedError").
  const type = toOptionalString(readOwn(item, 'type'));
  const code =
    toCode(readOwn(item, 'code') ?? readOwn(item, 'errorCode') ?? readOwn(item, 'issue') ?? readOwn(item, 'errorType')) ??
    (detail !== undefined ? (type !== undefined && title?.includes(' ') ? type : title) : location ? type : undefined);
  const arrayPath = toPath(readOwn(item, 'path')) ?? (location?.[0] === 'body' ? location.slice(1) : location);
  // HubSpot names the field in `in`; OpenAPI-minded APIs name the request part there, no field.
  const place = toOptionalString(readOwn(item, 'in'));
  // Akamai names the field `requestField`, Clerk `meta.param_name`.
  const meta = readOwn(item, 'meta');
  let field =
    toOptionalString(readOwn(item, 'pointer')) ??
    toOptionalString(readOwn(item, 'field')) ??
    toOptionalString(readOwn(item, 'path')) ??
    toOptionalString(readOwn(item, 'requestField')) ??
    (isRecord(meta) ? toOptionalString(readOwn(meta, 'param_name')) : undefined) ??
    (place === undefined || requestParts.includes(place) ? undefined : place);
  // Twitter's API v2 names a query parameter (`tweet.fields`, one name, dots and all) in a map of one.
  const parameter = field === undefined && arrayPath === undefined ? toSoleParameter(readOwn(item, 'parameters')) : undefined;
  field ??= parameter;
  if (field === undefined && arrayPath === undefined && detail !== undefined && title !== undefined) field = leadingCodeSpan.exec(detail)?.[1];
  // RFC 6901: the pointer "#" is the whole document — an issue tied to no field.
  const path = joinPath(prefix, arrayPath ?? (parameter !== undefined ? [parameter] : field === undefined || (field === '#' && readOwn(item, 'pointer') === '#') ? [] : parseFieldPath(field)));
  // GitHub's 422 entries `{resource, field, code: "missing_field"}` carry no message: the code
  // says what is wrong with the field, and stands in for one.
  const said = message ?? (field !== undefined || arrayPath !== undefined ? code : undefined);
  if (said !== undefined) out.push(createIssue(path, said, field, code));
  // RFC 9457 and seed 001: an entry may itself be a problem with its own `errors`.
  collectIssues(readOwn(item, 'errors'), path, out, depth + 1);
  return out.length > before;
}

/** Whether an entry names its field as {@link fromObject} reads one (a string, or a list for `path` and `loc`): then its key in a map is not part of its path. */
function namesOwnField(item: Record<string, unknown>): boolean {
  const place = readOwn(item, 'in');
  return (
    ['field', 'path', 'pointer', 'requestField'].some((name) => typeof readOwn(item, name) === 'string') ||
    Array.isArray(readOwn(item, 'path')) ||
    Array.isArray(readOwn(item, 'loc')) ||
    (typeof place === 'string' && !requestParts.includes(place))
  );
}

/**
 * Appends the issues found in `value` (an array or a field → messages map) to `out`, and
 * counts the entries that gave none (a number, an object without a message): a list with such
 * entries is not all issues, and whoever reads it keeps it whole too. `spelled` is the field of
 * the map `value` sits in, as field-map spells it (`user.name`); `nested` a map inside a map,
 * which is messages only when its leaves are lists.
 */
export function collectIssues(value: unknown, prefix: readonly (string | number)[], out: Issue[], depth: number, spelled = '', nested = false): number {
  // A parsed body is a tree, walked once; a caller's object may share a member at every level
  // (`{a: x, b: x}`), 2^64 ways in: the walk stops after a number of steps no real body takes,
  // and what it did not read counts as unread.
  if (depth === 0) steps = 0;
  if (depth >= maxDepth || ++steps > maxSteps) return 1;
  let unread = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === 'string') out.push(createIssue(prefix, item));
      else if (!isRecord(item) || !fromObject(item, prefix, out, depth)) unread++;
    }
  } else if (isRecord(value)) {
    // Rails, Laravel and ASP.NET: `{ "email": ["is invalid"], "name": "is required" }`.
    for (const key of Object.keys(value)) {
      const messages = value[key];
      const objectKey = isObjectKey(key);
      const path = objectKey ? prefix : joinPath(prefix, parseFieldPath(key));
      // The key cut before it is joined (see field-map.ts's joinField); `spelled` is cut already.
      const field = objectKey ? key : toName(spelled + toName(key));
      if (isRecord(messages)) {
        if (messageKeys.some((name) => typeof readOwn(messages, name) === 'string')) {
          // A field's entry with a message of its own (Mongoose's `{message, path}`): its own field, if it names one, is its path.
          if (!fromObject(messages, namesOwnField(messages) ? prefix : path, out, depth)) unread++;
        } else {
          // A map one level down, read only when it is all messages, not data beside them: Discord
          // nests its form errors by field, `{activities: {"0": {platform: {_errors: [...]}}}}`.
          // Each record is walked once, as an entry or as a map: both would be exponential in depth.
          const found: Issue[] = [];
          if (collectIssues(messages, path, found, depth + 1, objectKey ? spelled : `${field}.`, true) === 0) out.push(...found);
          else unread++;
        }
        continue;
      }
      // A bare string beside keys one level down is data (`{request: {source: "web"}}`), not a message.
      if (nested && !Array.isArray(messages)) {
        unread++;
        continue;
      }
      // DRF's full details and Discord's `_errors` list entries `{code, message}` under the field.
      for (const message of Array.isArray(messages) ? messages : [messages]) {
        if (typeof message === 'string') out.push(createIssue(path, message, field));
        else if (!isRecord(message) || !fromObject(message, path, out, depth)) unread++;
      }
    }
  } else unread++;
  return unread;
}

/** Whether some issue names a field: a failure flagged in a 2xx with such issues is a refused input. */
export const namesFields = (issues: readonly Issue[] | undefined): boolean => issues?.some((issue) => issue.path.length > 0) === true;

/** The issues found in `value`; `[]` when it holds none. */
export function toIssues(value: unknown): Issue[] {
  const out: Issue[] = [];
  collectIssues(value, [], out, 0);
  return out;
}

/** The issues found in `value`, and whether every entry of it gave one. */
export function readIssues(value: unknown): { readonly issues: Issue[]; readonly complete: boolean } {
  const issues: Issue[] = [];
  const unread = collectIssues(value, [], issues, 0);
  return { issues, complete: unread === 0 };
}
