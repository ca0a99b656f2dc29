/** Helpers the builders share. */
import type { ApiError, Cursor, Issue } from '../../model.ts';
import { setMember } from '../../members.ts';

/**
 * Members some seed dialect reads or detects by. An extension of one of these names is not
 * written: on the wire it would be read as that member (a plain error with an extension `title`
 * and `detail` looks like a problem, one with `result: "error"` like an envelope).
 */
const readMembers: readonly string[] = [
  'type', 'title', 'status', 'detail', 'instance', 'code', 'errors', 'message', 'request_id', 'trace_id', 'requestId',
  'traceId', 'error', 'error_description', 'description', 'msg', 'error_code', 'errorCode', 'result', '_links', '_embedded',
  // The plain dialect's other spellings: kept in extensions when a first spelling gave the fact,
  // they would be read again by the next reader, issues twice or a second message first.
  'details', 'reason', 'errorSummary', 'errorMessages', 'errorCauses', 'errorId', 'error_msg', 'error_message',
  'error_summary', 'Message', 'Code', 'ModelState', 'RequestId', 'debug_id', 'fbtrace_id',
  // And the vendors' read since: Apple's, HubSpot's, Ashby's, Contentful's; Adyen's (status-message); Mollie's (problem).
  'errorMessage', 'correlationId', 'errorInfo', 'sys', 'pspReference', 'field',
  // Postmark's, ClickUp's and Figma's, Klarna's, Checkout.com's.
  'ErrorCode', 'ECODE', 'err', 'correlation_id', 'error_messages', 'error_type',
];

/**
 * The marks by which other dialects claim a JSON body: GraphQL's `data` beside `errors`, AWS's
 * `__type`, NestJS's `statusCode`, JSON:API's `jsonapi`, Kubernetes' `apiVersion`, Cloudflare's
 * `success`, Slack's `ok`. A problem is read by its media type whatever its members; a body sent
 * as `application/json` that carried one would be read as that other dialect, its facts lost.
 */
const markerMembers: readonly string[] = ['data', '__type', 'statusCode', 'jsonapi', 'apiVersion', 'success', 'ok'];

/** A body that starts with the error's extensions, leaving out the names any dialect reads, and the other dialects' marks unless `typed` (sent with its own media type). */
export function startBody(error: ApiError, typed = false): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(error.extensions)) if (!readMembers.includes(key) && (typed || !markerMembers.includes(key))) setMember(body, key, error.extensions[key]);
  return body;
}

/** Sets `key` when `value` is defined; a `__proto__` key (an `itemsKey`) as a member, never the body's prototype. */
export function put(body: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) setMember(body, key, value);
}

// A segment that dots and brackets cannot carry: empty, or holding `.`, `[`, `]`, `/` or `~`.
const unsafeSegment = (segment: string | number): boolean => typeof segment === 'string' && (segment === '' || /[.[\]/~]/.test(segment));

/**
 * A path spelled for the `field` member when the issue has none: `items[0].name`, a key spelled
 * in digits quoted (`tags["0"]`), or a JSON Pointer (`/a.b/0`, RFC 6901) when a segment cannot
 * be spelled with dots and brackets (a pointer cannot tell the key `"0"` from the index `0`).
 */
function toDottedField(path: Issue['path']): string | undefined {
  if (path.length === 0) return undefined;
  if (path.some(unsafeSegment)) return toPointer(path)!.slice(1);
  // A key in digits is quoted, as faultline/zod and zod's prettifyError quote it: `tags.0` is
  // read back as the index 0 (parseFieldPath), `tags["0"]` as the key.
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : /^\d+$/.test(segment) ? `["${segment}"]` : index === 0 ? segment : `.${segment}`)).join('');
}

/**
 * The `field` member of an issue: its own spelling, else its path spelled. A path led by the key
 * `body` or `$` has that key quoted, `["body"].name`, `["$"]`: readers drop a leading `body.`,
 * seed 001's request-part prefix (`body.name` names the payload's `name`), and a JSONPath's root
 * `$`, and the key was lost.
 */
export function toField(issue: Issue): string | undefined {
  const field = issue.field ?? toDottedField(issue.path);
  const lead = issue.path[0];
  const dropped = field !== undefined && (lead === 'body' ? /^body[.[]/ : lead === '$' ? /^\$(?:[.[]|$)/ : undefined)?.test(field);
  return dropped ? `["${lead}"]${field!.slice(String(lead).length)}` : field;
}

/** RFC 6901 JSON Pointer of a path, `#/items/0/name` as in RFC 9457 §3's example; `undefined` for `[]`. */
export function toPointer(path: Issue['path']): string | undefined {
  if (path.length === 0) return undefined;
  return `#/${path.map((segment) => String(segment).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
}

/** Seed 003's chunk: the items, where the next chunk starts, and whether there is one. */
export function toChunk(data: unknown, cursor: Cursor): Record<string, unknown> {
  // Seed 003's `result` is a list of records: a chunk of one object broke clients typed from the
  // seed, and faultline/zod's chunkSchema refused it.
  if (!Array.isArray(data)) throw new TypeError("A cursor makes seed 003's chunk, whose result is a list: give the records as an array");
  return { result: data, offset: cursor.offset, hasNext: cursor.hasNext };
}
