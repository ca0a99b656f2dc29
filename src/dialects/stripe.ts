/**
 * Stripe (docs.stripe.com/api/errors): every error is `{error: {type, code?, decline_code?,
 * message?, param?, doc_url?, request_log_url?, charge?, ...}}` with a 4xx or 5xx status; a
 * success is the requested object as is. OpenAI, Anthropic and Facebook's Graph API (its
 * `fbtrace_id` the request id) copy this shape, and read the same;
 * Anthropic ("Errors", docs.anthropic.com) adds a top-level `type: "error"` and `request_id`.
 * Stripe's request id comes in the `Request-Id` header, which `normalize` reads already.
 * Elasticsearch's `{error: {root_cause, type, reason}, status}` has a string `type` too; its
 * `reason` tells it apart, and the plain dialect reads it.
 *
 * Paddle Billing (developer.paddle.com/api-reference/about/errors) words its message `detail`, lists
 * its field errors in `errors: [{field, message}]` and its request id in `meta.request_id`; Mux
 * (docs.mux.com) words it in a `messages` list.
 */
import { isSuccessStatus, type BodyFacts, type DialectParser } from '../dialect.ts';
import { createIssue, parseFieldPath } from '../issues.ts';
import type { ErrorKind } from '../model.ts';
import { isRecord, readOwn, setMember, toOptionalString } from '../members.ts';
import { readMembers, type MemberFacts } from '../read-members.ts';

/**
 * Stripe's error types and the kinds they mean, for a status that says little. Card errors come
 * as 402 "Request Failed: the parameters were valid but the request failed", so they are
 * unprocessable; `rate_limit_error` and `authentication_error` are the types of older API versions.
 */
const kindsByErrorType: Readonly<Record<string, ErrorKind>> = {
  api_error: 'server',
  card_error: 'unprocessable',
  idempotency_error: 'conflict',
  invalid_request_error: 'bad_request',
  rate_limit_error: 'rate_limited',
  authentication_error: 'unauthenticated',
  // Anthropic's own: a 529 (no registered status) is an overload, retryable.
  permission_error: 'forbidden',
  not_found_error: 'not_found',
  overloaded_error: 'unavailable',
};

/** Where a copy of Stripe's shape words its message when it has no `message`: Paddle's `detail`, a `description`. */
const messageSpellings = ['detail', 'description'];

/** Takes the detail from the first spelling present after `message`; Mux's `messages` list gives its first entry. */
function readMessageSpellings(facts: MemberFacts): void {
  const { extensions } = facts;
  for (const key of messageSpellings) {
    if (facts.detail !== undefined) return;
    const text = toOptionalString(readOwn(extensions, key));
    if (text !== undefined) {
      facts.detail = text;
      delete extensions[key];
    }
  }
  const messages = readOwn(extensions, 'messages');
  const first = Array.isArray(messages) ? readOwn(messages, '0') : undefined;
  if (facts.detail !== undefined || typeof first !== 'string') return;
  facts.detail = first;
  // A list of more messages stays as received: the detail holds only the first.
  if ((messages as unknown[]).length === 1) delete extensions['messages'];
}

function parseError(body: Record<string, unknown>, error: Record<string, unknown>, status: number): BodyFacts {
  // Facebook's Graph API has this shape too, its support id in `fbtrace_id`; Paddle lists field errors in `errors`.
  const facts = readMembers(error, { message: 'detail', code: 'code', fbtrace_id: 'requestId', errors: 'issues' }, status);
  readMessageSpellings(facts);
  const { extensions } = facts;
  // `param` names the request parameter in Stripe's form encoding: `card[number]`, `items[0][price]`.
  const param = toOptionalString(readOwn(error, 'param'));
  const issues = param === undefined || facts.detail === undefined ? [] : [createIssue(parseFieldPath(param), facts.detail, param, facts.code)];
  if (issues.length > 0) delete extensions['param'];
  if (facts.issues) issues.push(...facts.issues);
  // Members beside `error` are kept too; the error's own win a clash. Anthropic's `request_id` is
  // the request id, and Paddle's `meta.request_id`, its `meta` dropped when it holds nothing else.
  const meta = readOwn(body, 'meta');
  const metaRequestId = isRecord(meta) ? toOptionalString(readOwn(meta, 'request_id')) : undefined;
  const bodyRequestId = toOptionalString(readOwn(body, 'request_id'));
  for (const key of Object.keys(body)) {
    const read = (key === 'request_id' && bodyRequestId !== undefined) || (key === 'meta' && metaRequestId !== undefined && Object.keys(meta as object).length === 1);
    if (key !== 'error' && !read && !Object.hasOwn(extensions, key)) setMember(extensions, key, body[key]);
  }
  const requestId = bodyRequestId ?? metaRequestId ?? facts.requestId;
  const type = toOptionalString(readOwn(error, 'type'));
  let kind = type !== undefined && Object.hasOwn(kindsByErrorType, type) ? kindsByErrorType[type] : undefined;
  if (kind === 'bad_request' && issues.length > 0) kind = 'validation';
  // OpenAI's `insufficient_quota` comes as a 429, but it is the account's billing, not a rate:
  // no retry succeeds until someone pays (platform.openai.com/docs/guides/error-codes).
  const retryable = type === 'insufficient_quota' || facts.code === 'insufficient_quota' ? false : undefined;
  // Without a `code`, the type names the error: Anthropic's `overloaded_error`, Stripe's `api_error`.
  return { ok: false, kind, detail: facts.detail, code: facts.code ?? type, issues, requestId, retryable, extensions };
}

/** Stripe (and APIs that copy it, such as OpenAI and Anthropic), recognised by an `error` object with a string `type` and no `reason`. */
export const stripeDialect: DialectParser = {
  id: 'stripe',
  mediaTypes: [],
  requiresOneOf: ['error'],
  detect(body) {
    if (!isRecord(body)) return false;
    const error = readOwn(body, 'error');
    // Seed 004 errors have an `error.type` too, beside `result`, which no Stripe body has; so do
    // Elasticsearch's, with a `reason`, which no Stripe error has.
    return isRecord(error) && typeof readOwn(error, 'type') === 'string' && readOwn(body, 'result') === undefined && readOwn(error, 'reason') === undefined;
  },
  parse(body, { status }) {
    // Stripe sends its error object only with a 4xx or 5xx: on a 2xx the status decides.
    if (isSuccessStatus(status)) return { ok: true, data: body };
    const error = isRecord(body) ? readOwn(body, 'error') : undefined;
    return isRecord(body) && isRecord(error) ? parseError(body, error, status) : { ok: false };
  },
};
