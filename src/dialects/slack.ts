/**
 * Slack Web API (api.slack.com/web, "Evaluating responses"): every answer is HTTP 200 with a
 * top-level boolean `ok`. `{ok: false, error: "channel_not_found"}` is an error whatever the
 * status; `response_metadata.messages` explains invalid arguments ("[ERROR] missing required
 * field: channel"). `{ok: true, ...}` is a success; cursor-paginated methods put the next
 * cursor in `response_metadata.next_cursor` (api.slack.com/apis/pagination).
 *
 * A success's `data` is the body without the envelope controls `ok`, `warning` and
 * `response_metadata` (as HAL controls leave `data` in the problem dialect); the next cursor
 * becomes `cursor`, and the whole body stays in `body`.
 */
import { fromStatusAlone, isSuccessStatus, type BodyFacts, type DialectParser } from '../dialect.ts';
import { createIssue, parseFieldPath } from '../issues.ts';
import type { Cursor, ErrorKind, Issue } from '../model.ts';
import { isRecord, readOwn, setMember } from '../members.ts';

/** Error codes most Slack methods share, and what they mean; any other code is a bad request. */
const kindsByErrorCode: Readonly<Record<string, ErrorKind>> = {
  not_authed: 'unauthenticated',
  invalid_auth: 'unauthenticated',
  token_revoked: 'unauthenticated',
  token_expired: 'unauthenticated',
  account_inactive: 'unauthenticated',
  missing_scope: 'forbidden',
  not_allowed_token_type: 'forbidden',
  access_denied: 'forbidden',
  no_permission: 'forbidden',
  ekm_access_denied: 'forbidden',
  channel_not_found: 'not_found',
  user_not_found: 'not_found',
  message_not_found: 'not_found',
  method_not_supported_for_channel_type: 'method_not_allowed',
  ratelimited: 'rate_limited',
  rate_limited: 'rate_limited',
  invalid_arguments: 'validation',
  request_timeout: 'timeout',
  internal_error: 'server',
  fatal_error: 'server',
  service_unavailable: 'unavailable',
};

const envelopeMembers = ['ok', 'error', 'warning', 'response_metadata'];

// "[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0/text]" (Block Kit errors).
const levelPrefix = /^\[(ERROR|WARN|WARNING)\]\s*/;
const pointerMark = '[json-pointer:';

/** The JSON Pointer a message ends with, and where its mark starts; string searches keep this linear. */
function findPointer(text: string): { readonly pointer: string; readonly index: number } | undefined {
  if (!text.endsWith(']')) return undefined;
  const index = text.lastIndexOf(pointerMark);
  const pointer = index === -1 ? undefined : text.slice(index + pointerMark.length, -1);
  return pointer === undefined || pointer.includes(']') ? undefined : { pointer, index };
}

/** The `[ERROR]` lines of `response_metadata.messages` as issues; warnings are no issues. */
function toIssues(metadata: unknown): Issue[] {
  const messages = isRecord(metadata) ? readOwn(metadata, 'messages') : undefined;
  if (!Array.isArray(messages)) return [];
  const issues: Issue[] = [];
  for (const line of messages) {
    if (typeof line !== 'string') continue;
    const level = levelPrefix.exec(line);
    if (level && level[1] !== 'ERROR') continue;
    const text = level ? line.slice(level[0].length) : line;
    const found = findPointer(text);
    const message = found ? text.slice(0, found.index).trimEnd() : text;
    if (message !== '') issues.push(found ? createIssue(parseFieldPath(found.pointer), message, found.pointer) : createIssue([], message));
  }
  return issues;
}

function toCursor(metadata: unknown): Cursor | undefined {
  const next = isRecord(metadata) ? readOwn(metadata, 'next_cursor') : undefined;
  // api.slack.com/apis/pagination: an empty next_cursor means there are no further results.
  return typeof next === 'string' ? { offset: next, hasNext: next !== '' } : undefined;
}

/** The members that are not Slack's envelope, on a fresh object. */
function toPayload(body: Record<string, unknown>, keep: (key: string) => boolean): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const key of Object.keys(body)) if (keep(key)) setMember(payload, key, body[key]);
  return payload;
}

function parseSlack(body: Record<string, unknown>, status: number): BodyFacts {
  const metadata = readOwn(body, 'response_metadata');
  if (readOwn(body, 'ok') === true) {
    const data = toPayload(body, (key) => !envelopeMembers.includes(key));
    // An `ok: true` with an error status is no success: the status decides.
    return isSuccessStatus(status) ? { ok: true, data, cursor: toCursor(metadata) } : { ok: false, extensions: data };
  }
  const code = readOwn(body, 'error');
  const issues = toIssues(metadata);
  // `warning`, `response_metadata`, and `needed` / `provided` of missing_scope are kept as received.
  const extensions = toPayload(body, (key) => key !== 'ok' && (key !== 'error' || typeof code !== 'string'));
  if (typeof code !== 'string') return { ok: false, issues, extensions };
  const named = Object.hasOwn(kindsByErrorCode, code) ? kindsByErrorCode[code] : undefined;
  return { ok: false, kind: named ?? (issues.length > 0 ? 'validation' : 'bad_request'), code, issues, extensions };
}

/** The Slack Web API, recognised by `ok: false` with a string `error`, or `ok: true` with `response_metadata`. */
export const slackDialect: DialectParser = {
  id: 'slack',
  mediaTypes: [],
  requiresOneOf: ['ok'],
  detect(body) {
    if (!isRecord(body)) return false;
    const ok = readOwn(body, 'ok');
    // `{ok: false, error}` is Slack's mark. `{ok: true}` alone is too common a shape (CouchDB,
    // Telegram, many REST APIs) to claim and strip: only with Slack's `response_metadata`.
    return (ok === false && typeof readOwn(body, 'error') === 'string') || (ok === true && isRecord(readOwn(body, 'response_metadata')));
  },
  parse: (body, { status }) => (isRecord(body) ? parseSlack(body, status) : fromStatusAlone(body, status)),
};
