/**
 * Cloudflare API v4 (developers.cloudflare.com/api, the `api-response-common` and
 * `api-response-common-failure` schemas): every answer is `{success, errors, messages, result}`,
 * and a list adds `result_info {page, per_page, count, total_count, total_pages}`. `success:
 * false` is a failure whatever the status — it usually comes with a 4xx, but not always — and its
 * `errors[{code, message, documentation_url?, source?: {pointer}}]` say why. Many other APIs copy
 * this envelope (Cloudflare's own SDKs and the APIs built on Workers); they read the same.
 *
 * A success's `data` is `result`; `result_info` becomes `page`, so that `paginate` walks it.
 */
import { fromStatusAlone, isSuccessStatus, type BodyFacts, type DialectParser } from '../dialect.ts';
import { namesFields, readIssues } from '../issues.ts';
import type { PageInfo } from '../model.ts';
import { isRecord, readOwn, setMember, toCount, toOwnCopy } from '../members.ts';

/** The envelope's own members, which are not kept in `extensions`. */
const envelopeMembers = ['success', 'errors', 'messages', 'result', 'result_info'];

/**
 * An error entry as the common issue reader takes it: Cloudflare's `source.pointer` (RFC 6901)
 * moved up to `pointer`. Copies of the envelope name the field in `field`, which it reads too.
 */
function withPointer(entry: unknown): unknown {
  const source = isRecord(entry) ? readOwn(entry, 'source') : undefined;
  const pointer = isRecord(source) ? readOwn(source, 'pointer') : undefined;
  return typeof pointer === 'string' ? { ...toOwnCopy(entry as Record<string, unknown>), pointer } : entry;
}

/** `result_info` as page figures; `total_pages` is left out by older endpoints, and counted then. */
function toPage(info: unknown): PageInfo | undefined {
  if (!isRecord(info)) return undefined;
  const page: { -readonly [K in keyof PageInfo]: PageInfo[K] } = {};
  const number = toCount(readOwn(info, 'page'));
  const perPage = toCount(readOwn(info, 'per_page'));
  const total = toCount(readOwn(info, 'total_count'));
  const pages = toCount(readOwn(info, 'total_pages')) ?? (total !== undefined && perPage ? Math.ceil(total / perPage) : undefined);
  if (number !== undefined) page.page = number;
  if (pages !== undefined) page.pagesCount = pages;
  if (perPage !== undefined) page.recordsPerPage = perPage;
  if (total !== undefined) page.recordsCount = total;
  return Object.keys(page).length > 0 ? page : undefined;
}

function parseCloudflare(body: Record<string, unknown>, status: number): BodyFacts {
  if (readOwn(body, 'success') === true && isSuccessStatus(status)) return { ok: true, data: readOwn(body, 'result'), page: toPage(readOwn(body, 'result_info')) };
  const errors = readOwn(body, 'errors');
  const { issues, complete } = readIssues(Array.isArray(errors) ? errors.map(withPointer) : []);
  // What the model has no place for is kept: non-empty `messages`, a non-null `result`, an
  // entry that gave no issue (then the whole list), and any member beside the envelope.
  const extensions: Record<string, unknown> = {};
  for (const key of Object.keys(body)) {
    const value = body[key];
    const kept = !envelopeMembers.includes(key) || (key === 'errors' && !complete) || (key === 'messages' && Array.isArray(value) && value.length > 0) || (key === 'result' && value !== null);
    if (kept) setMember(extensions, key, value);
  }
  const first = issues[0];
  return {
    ok: false,
    kind: namesFields(issues) ? 'validation' : undefined,
    detail: first?.message,
    code: first?.code,
    issues,
    extensions,
  };
}

/** Cloudflare API v4 and its copies, recognised by a boolean `success` beside an `errors` list (`null` on some successes) and a `messages` list or a `result`. */
export const cloudflareDialect: DialectParser = {
  id: 'cloudflare',
  mediaTypes: [],
  requiresOneOf: ['success'],
  detect(body) {
    if (!isRecord(body)) return false;
    const success = readOwn(body, 'success');
    const errors = readOwn(body, 'errors');
    // `{success: false, errors, message, code}` is many Express APIs' own shape, read by plain for
    // its message and code: Cloudflare's envelope also has its `messages` list or its `result`.
    return typeof success === 'boolean' && (Array.isArray(errors) || (success && errors === null)) && (Array.isArray(readOwn(body, 'messages')) || Object.hasOwn(body, 'result'));
  },
  parse: (body, { status }) => (isRecord(body) ? parseCloudflare(body, status) : fromStatusAlone(body, status)),
};
