/**
 * Seeds 000 and 003: JSON as is. Errors are flat `{code, message}`-like objects (and the
 * common spellings around them), text, HTML pages from proxies, or nothing at all; seed 003
 * adds chunked reads `{result, offset, hasNext}`. Plain claims every body, so it goes last.
 */
import { isSuccessStatus, type BodyFacts, type DialectParser, type ErrorFacts, type SuccessFacts } from '../dialect.ts';
import { createIssue, namesFields, parseFieldPath, toIssues } from '../issues.ts';
import { isPageUrl, isRecord, readOwn, screamingSnakeCaseCode, setMember, snakeCaseCode, toCode, toCount, toOptionalString } from '../members.ts';
import type { ErrorKind, Issue } from '../model.ts';
import { addIssues, readFieldMessages, readIdCode, readMembers, type MemberFacts, type MemberRule } from '../read-members.ts';

/** The spellings of a flat error body, first one present winning. */
const rules: Readonly<Record<string, MemberRule>> = {
  message: 'detail',
  error_description: 'detail',
  detail: 'detail',
  description: 'detail',
  msg: 'detail',
  // Huawei Cloud's API gateway: `{error_code, error_msg, request_id}`; Plaid's
  // `{error_type, error_code, error_message, display_message, request_id}`; Dropbox's `error_summary`.
  error_msg: 'detail',
  error_message: 'detail',
  error_summary: 'detail',
  // Apple's App Store Server API: `{errorCode, errorMessage}`.
  errorMessage: 'detail',
  // ASP.NET Web API 2's HttpError `{Message, ModelState}`; Alibaba Cloud's `{Code, Message, RequestId}`.
  Message: 'detail',
  Code: 'code',
  // Postmark: `{ErrorCode: 300, Message}`; ClickUp: `{err, ECODE}`, Figma: `{status, err}`.
  ErrorCode: 'code',
  ECODE: 'code',
  err: 'detail',
  ModelState: 'issues',
  RequestId: 'requestId',
  error: 'error',
  title: 'title',
  // Okta: `{errorCode, errorSummary, errorId, errorCauses[{errorSummary}]}`.
  errorSummary: 'detail',
  code: 'code',
  error_code: 'code',
  errorCode: 'code',
  errors: 'issues',
  // Jira's `errorMessages[]` beside its `errors` map.
  errorMessages: 'issues',
  errorCauses: 'issues',
  request_id: 'requestId',
  requestId: 'requestId',
  errorId: 'requestId',
  // HubSpot's request id, and Klarna's, with its `error_messages[]`.
  correlationId: 'requestId',
  correlation_id: 'requestId',
  error_messages: 'issues',
  // The ids PayPal's and Facebook's support ask for.
  debug_id: 'requestId',
  fbtrace_id: 'requestId',
  trace_id: 'traceId',
  traceId: 'traceId',
  // Clerk's `{errors: [{message, long_message, code, meta}], clerk_trace_id}`.
  clerk_trace_id: 'traceId',
};

/** How much of a text body may become `detail`; longer text is a page, not a message. */
const maxTextDetail = 1024;

/** A text body's facts: short plain text is the detail; markup (an HTML page, XML) and long text are not. */
export function parseText(text: string, mediaType: string): ErrorFacts {
  const trimmed = text.trim();
  // Proxies and CDNs answer with HTML pages: their markup is no message for a person.
  const isMarkup = mediaType === 'text/html' || mediaType.endsWith('xml') || trimmed.startsWith('<');
  return { ok: false, detail: isMarkup || trimmed.length > maxTextDetail ? undefined : trimmed };
}

/**
 * Asana's error phrase (developers.asana.com, "Errors"): a 500's `errors: [{message, phrase}]`, the
 * phrase ("6 sad squid snuggle softly", made by node-asana-phrase: a number and four words) naming
 * the occurrence for Asana's support, as PayPal's `debug_id` does: the request id.
 */
const asanaPhrase = /^\d+(?: [a-z]+){4}$/;

/** A machine code in words run together, as Zendesk's `RecordInvalid`: two capitalised words or more, no space. */
const pascalCaseCode = /^(?:[A-Z][a-z\d]+){2,}$/;

/**
 * `{"error": {"code": 400, "message": "..."}}`: many APIs nest their error one level down. It is
 * read when nothing beside it explains, one level only; the members it does not define stay in
 * `extensions.error`.
 */
/**
 * zod's ZodError as `JSON.stringify` writes it — zod 4 keeps its issues only in the JSON text of
 * its message, `{name: "ZodError", message: "[{\"code\": …}]"}` — as a route sends `safeParse`'s
 * result or its error on (Hono's zod-validator by default): the message's issues are the issues,
 * and its JSON text is no detail.
 */
function readZodError(facts: MemberFacts): void {
  // zod's issues as a route sends them on (`{message, issues: err.issues}`), or zod 3's ZodError as
  // JSON: only a list of issues with a path list and a message each, not an API's `issues` of data.
  const listed = readOwn(facts.extensions, 'issues');
  if (Array.isArray(listed) && listed.every((issue) => isRecord(issue) && Array.isArray(readOwn(issue, 'path')) && typeof readOwn(issue, 'message') === 'string') && addIssues(facts, listed)) delete facts.extensions['issues'];
  if (readOwn(facts.extensions, 'name') !== 'ZodError' || !facts.detail?.startsWith('[')) return;
  try {
    if (addIssues(facts, JSON.parse(facts.detail))) facts.detail = undefined;
  } catch {
    // A message that is no JSON stays the detail.
  }
}

function readNestedError(facts: MemberFacts, status: number): void {
  // Ashby names it `errorInfo`: `{success: false, errorInfo: {code, message, requestId}}`.
  const key = isRecord(readOwn(facts.extensions, 'error')) ? 'error' : 'errorInfo';
  const nested = readOwn(facts.extensions, key);
  if (facts.detail !== undefined || facts.error !== undefined || !isRecord(nested)) return;
  const inner = readMembers(nested, rules, status);
  readZodError(inner);
  readListedIssues(inner, 'detail');
  readListedIssues(inner, 'details');
  // Strapi: `error: {status, name: "ValidationError", message, details: {errors: [{path, message, name}]}}`.
  const details = readOwn(inner.extensions, 'details');
  const listed = isRecord(details) ? readOwn(details, 'errors') : undefined;
  if (Array.isArray(listed) && addIssues(inner, listed) && Object.keys(details as object).length === 1) delete inner.extensions['details'];
  const name = readOwn(inner.extensions, 'name');
  if (inner.code === undefined && typeof name === 'string' && pascalCaseCode.test(name)) inner.code = takeExtension(inner, 'name') as string;
  facts.detail = inner.detail ?? inner.error ?? takeReason(inner);
  facts.title ??= inner.title;
  // Elasticsearch names the error in `type` (`index_not_found_exception`), as Stripe's copies do.
  facts.code ??= inner.code ?? toOptionalString(readOwn(nested, 'type'));
  facts.requestId ??= inner.requestId;
  facts.traceId ??= inner.traceId;
  if (inner.issues) facts.issues = facts.issues ? facts.issues.concat(inner.issues) : inner.issues;
  if (Object.keys(inner.extensions).length > 0) facts.extensions[key] = inner.extensions;
  else delete facts.extensions[key];
}

/**
 * Codes that a first spelling hides or that sit under another name: a numeric `code` that only
 * repeats the status gives way to an `error_code` (Supabase Auth: `{code: 422, error_code:
 * "weak_password", msg}`), and Checkout.com names it `error_type`, a word code (`request_invalid`)
 * — never a sentence ("Invalid Request Error"), which stays data.
 */
function readCodeSpellings(facts: MemberFacts, body: Record<string, unknown>, status: number): void {
  // A `code` that only repeats the status says less than a word code beside it: Supabase's
  // `error_code`, Appwrite's `type` ("user_invalid_credentials").
  const errorCode = readOwn(facts.extensions, 'error_code');
  const named = readOwn(facts.extensions, 'type');
  const word = typeof errorCode === 'string' ? 'error_code' : typeof named === 'string' && snakeCaseCode.test(named) ? 'type' : undefined;
  // Only a code `code` gave: one spelled `errorCode` first says more, and stays.
  if (readOwn(body, 'code') === status && facts.code === String(status) && word !== undefined) {
    facts.code = takeExtension(facts, word) as string;
    facts.extensions['code'] = status;
  }
  const type = readOwn(facts.extensions, 'error_type');
  if (facts.code === undefined && typeof type === 'string' && snakeCaseCode.test(type)) facts.code = takeExtension(facts, 'error_type') as string;
  readIdCode(facts, body);
}

/**
 * WordPress's REST API (WP_REST_Request::has_valid_params): `{code: "rest_invalid_param", message,
 * data: {status, params: {field: message}, details: {field: {code, message}}}}` — each param an
 * issue, its code from `details`. `data` stays as received.
 */
function readWordPressParams(facts: MemberFacts): void {
  const data = readOwn(facts.extensions, 'data');
  const params = isRecord(data) ? readOwn(data, 'params') : undefined;
  if (!isRecord(params) || facts.issues) return;
  const details = readOwn(data as Record<string, unknown>, 'details');
  const issues: Issue[] = [];
  for (const field of Object.keys(params)) {
    const message = params[field];
    const detail = isRecord(details) ? readOwn(details, field) : undefined;
    if (typeof message === 'string') issues.push(createIssue(parseFieldPath(field), message, field, isRecord(detail) ? toCode(readOwn(detail, 'code')) : undefined));
  }
  if (issues.length > 0) facts.issues = issues;
}

/**
 * Xero's Accounting API ("HTTP Response Codes & Errors", developer.xero.com): a 400's `{ErrorNumber,
 * Type: "ValidationException", Message, Elements}` lists in `Elements` the entities sent, each with
 * its `ValidationErrors: [{Message}]`, which name no field: each message an issue. `Elements`, the
 * entities' data, stays as received.
 */
function readValidationErrors(facts: MemberFacts): void {
  const elements = readOwn(facts.extensions, 'Elements');
  for (const element of Array.isArray(elements) ? elements : []) {
    const errors = isRecord(element) ? readOwn(element, 'ValidationErrors') : undefined;
    if (Array.isArray(errors)) addIssues(facts, errors.map((error) => (isRecord(error) ? readOwn(error, 'Message') : undefined)));
  }
}

/** Keeps in the extensions the member that gave `facts.code` (read by `rules`): the first code spelling not kept already. */
function keepCodeMember(facts: MemberFacts, body: Record<string, unknown>): void {
  const key = Object.keys(body).find((name) => readOwn(rules, name) === 'code' && !Object.hasOwn(facts.extensions, name));
  if (key !== undefined) setMember(facts.extensions, key, body[key]);
}

/** Moves a body member the model has a place for out of `extensions`, returning it. */
function takeExtension(facts: MemberFacts, key: string): unknown {
  const value = readOwn(facts.extensions, key);
  delete facts.extensions[key];
  return value;
}

/**
 * A `reason` is the message where nothing else gives one — Elasticsearch's nested error,
 * CouchDB's `{error: "not_found", reason: "missing"}` — but a machine word beside a `message`
 * (Spotify's `reason: "PREMIUM_REQUIRED"`), where it stays in `extensions`.
 */
function takeReason(facts: MemberFacts): string | undefined {
  return typeof readOwn(facts.extensions, 'reason') === 'string' ? (takeExtension(facts, 'reason') as string) : undefined;
}

/**
 * A list of errors under another name — FastAPI's `detail: [{loc, msg, type}]`, PayPal's
 * `details: [{field, issue, description}]` — read as issues; it leaves `extensions` only when
 * every entry gave one. A map under these names is data, not field errors.
 */
function readListedIssues(facts: MemberFacts, key: string): void {
  const listed = readOwn(facts.extensions, key);
  if (Array.isArray(listed) && addIssues(facts, listed)) delete facts.extensions[key];
}

/** A Zendesk field error: `{description, error}`, its `error` a code in words run together. */
const isZendeskEntry = (entry: unknown): boolean => isRecord(entry) && typeof readOwn(entry, 'description') === 'string' && Object.keys(entry).every((key) => key === 'description' || key === 'error');

/**
 * Zendesk's 422 (developer.zendesk.com, "Requests"): `{error: "RecordInvalid", description,
 * details: {requester: [{description, error: "UserSuspended"}]}}`, a map of fields to their
 * errors, each an issue of that field with its `error` the code. Any other `details` stays.
 */
function readZendeskDetails(facts: MemberFacts): void {
  const given = readOwn(facts.extensions, 'details');
  const details: Record<string, unknown> = isRecord(given) && facts.issues === undefined ? given : {};
  const fields = Object.keys(details);
  if (fields.length === 0 || !fields.every((field) => Array.isArray(details[field]) && (details[field] as unknown[]).every(isZendeskEntry))) return;
  const issues = fields.flatMap((field) =>
    (details[field] as Record<string, unknown>[]).map((entry) => {
      const code = readOwn(entry, 'error');
      return createIssue([field], entry['description'] as string, field, typeof code === 'string' && pascalCaseCode.test(code) ? code : undefined);
    }),
  );
  // Lists without an entry say nothing: the map stays as received.
  if (issues.length === 0) return;
  facts.issues = issues;
  delete facts.extensions['details'];
}

/**
 * Phoenix's generated ErrorJSON (`phx.new`, `render(template)`): `{errors: {detail: "Not Found"}}`
 * for a 404 or 500. A body of that alone is a message, not an error of a field named `detail`;
 * a changeset's `{errors: {email: ["can't be blank"]}}` stays field errors.
 */
function readPhoenixDetail(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const errors = readOwn(body, 'errors');
  return isRecord(errors) && Object.keys(body).length === 1 && Object.keys(errors).length === 1 && typeof readOwn(errors, 'detail') === 'string' ? errors : undefined;
}

function parseObject(given: Record<string, unknown>, status: number): MemberFacts & { kind?: ErrorKind } {
  const body = readPhoenixDetail(given) ?? given;
  const facts = readMembers(body, rules, status);
  const { error } = facts;
  // OAuth 2.0 (RFC 6749 §5.2): `error` is a code, `error_description` the message; Zendesk's
  // `RecordInvalid` and Airtable's `NOT_FOUND` too. Beside `error_description` it is the code whatever else the body names,
  // before any other spelling is looked for: Amadeus adds a numeric `code` of its own, kept in the extensions.
  const wordCode = error !== undefined && (snakeCaseCode.test(error) || pascalCaseCode.test(error) || screamingSnakeCaseCode.test(error)) ? error : undefined;
  if (wordCode !== undefined && typeof readOwn(body, 'error_description') === 'string') {
    if (facts.code !== undefined) keepCodeMember(facts, body);
    facts.code = wordCode;
  }
  // FastAPI answers a refused body with `detail: [{loc, msg, type}]`, a list where others send a string.
  readListedIssues(facts, 'detail');
  readListedIssues(facts, 'details');
  // Quarkus's (Hibernate Validator's) `{title: "Constraint Violation", status, violations: [{field, message}]}`.
  readListedIssues(facts, 'violations');
  // Mistral wraps FastAPI's answer in its `message`: `{object: "error", message: {detail: [{loc, msg, type}]}, type, param, code}`.
  const message = readOwn(facts.extensions, 'message');
  const listed = isRecord(message) && Object.keys(message).length === 1 ? readOwn(message, 'detail') : undefined;
  if (Array.isArray(listed) && addIssues(facts, listed)) delete facts.extensions['message'];
  readZendeskDetails(facts);
  // Discord sends the wait of a 429 in the body, in seconds (`retry_after: 64.57`); a browser
  // sees no Retry-After header without CORS exposing it.
  // Telegram's Bot API nests it: `parameters.retry_after` (ResponseParameters), kept as received.
  const parameters = readOwn(facts.extensions, 'parameters');
  // Hugging Face's Inference API answers a model still loading with a 503 of `{error, estimated_time: 20.0}`
  // alone, the seconds to wait; elsewhere an `estimated_time` may be a job's.
  const loading = facts.error !== undefined && Object.keys(body).length === 2 && Object.hasOwn(facts.extensions, 'estimated_time');
  const key = Object.hasOwn(facts.extensions, 'retry_after') ? 'retry_after' : loading ? 'estimated_time' : 'retryAfter';
  const wait = readOwn(facts.extensions, key) ?? (isRecord(parameters) ? readOwn(parameters, 'retry_after') : undefined);
  // Finite in milliseconds too: `1e306` seconds is no wait a model can hold.
  if (typeof wait === 'number' && wait >= 0 && Number.isFinite(wait * 1000)) {
    facts.retryAfterMs = Math.round(wait * 1000);
    takeExtension(facts, key);
  }
  readZodError(facts);
  readNestedError(facts, status);
  // Contentful names the error in `sys: {type: "Error", id: "NotFound"}`, its code.
  const sys = readOwn(facts.extensions, 'sys');
  if (facts.code === undefined && isRecord(sys) && readOwn(sys, 'type') === 'Error' && typeof readOwn(sys, 'id') === 'string' && Object.keys(sys).length === 2) {
    facts.code = sys['id'] as string;
    delete facts.extensions['sys'];
  }
  facts.detail ??= takeReason(facts);
  readCodeSpellings(facts, body, status);
  readWordPressParams(facts);
  readFieldMessages(facts);
  readValidationErrors(facts);
  // A word code alone stays the detail as well: `{error: "NotFound"}` says no more.
  if (wordCode !== undefined && (facts.code === undefined || facts.code === wordCode)) {
    facts.code = wordCode;
    facts.detail ??= wordCode;
  }
  // `{error: "Not Found", message: "..."}` names the problem in `error`; alone, `error` is the message.
  else if (facts.detail === undefined) facts.detail = error;
  else facts.title ??= error;
  // Asana's phrase, in its first error; an own read, which a polluted prototype cannot lend.
  const errors = readOwn(body, 'errors');
  const first = Array.isArray(errors) ? readOwn(errors, '0') : undefined;
  const phrase = isRecord(first) ? readOwn(first, 'phrase') : undefined;
  if (typeof phrase === 'string' && asanaPhrase.test(phrase)) facts.requestId ??= phrase;
  // Shopify: `{"errors": "[API] Invalid API key or access token"}`, the message where a list is expected.
  if (facts.detail === undefined && typeof readOwn(facts.extensions, 'errors') === 'string') facts.detail = takeExtension(facts, 'errors') as string;
  explainByList(facts);
  // Square's errors name a `category`; PAYMENT_METHOD_ERROR (a 402 CARD_DECLINED) is a valid
  // request the card refused, as Stripe's card errors are.
  return isRecord(first) && readOwn(first, 'category') === 'PAYMENT_METHOD_ERROR' ? { ...facts, kind: 'unprocessable' } : facts;
}

/**
 * `{"errors": [{"code": 32, "message": "Could not authenticate you."}]}` (Twitter and many
 * others), Jira's `errorMessages[]`, Salesforce's bare list: an entry naming no field explains
 * the error as a whole, and the first such entry is the detail.
 */
function explainByList(facts: { detail?: string | undefined; code?: string | undefined; issues?: readonly Issue[] | undefined }): void {
  const first = facts.issues?.find((issue) => issue.path.length === 0);
  if (facts.detail === undefined && first) {
    facts.detail = first.message;
    // An own read: an issue without a code must not lend one from a polluted Object.prototype.
    facts.code ??= readOwn(first, 'code') as string | undefined;
  }
}

/**
 * Seed 003 chunks: `offset` is the next id or a running count; `hasNext: false` ends them. The
 * seed's `result` is a list; faultline/server writes other data the same way, taken for a chunk
 * only when the body is nothing else: `result`, an `offset` (string or number) and `hasNext`.
 */
function parseChunk(body: Record<string, unknown>): BodyFacts | undefined {
  const result = readOwn(body, 'result');
  const hasNext = readOwn(body, 'hasNext');
  const offset = toCode(readOwn(body, 'offset'));
  if (typeof hasNext !== 'boolean' || !(Array.isArray(result) || (offset !== undefined && result !== undefined && Object.keys(body).length === 3))) return undefined;
  return { ok: true, data: result, cursor: { offset: offset ?? '', hasNext } };
}

/** A non-empty text, list or object: `message: null` or `errors: []` explains nothing. */
const isExplanation = (value: unknown): boolean => (typeof value === 'string' || Array.isArray(value) ? value.length > 0 : isRecord(value));

/** The members that explain a `success: false` flag: one of them, not empty, makes a 2xx body a failure. */
const flagExplainers = ['error', 'errors', 'errorInfo', 'message'];
/**
 * The members a flagged failure is made of besides the spellings plain reads (`rules`); a body with
 * others (`id`, `attempts`) is a resource that records a failure.
 */
const envelopeMembers = ['success', 'errorInfo', 'data', 'meta', 'status', 'timestamp'];

/**
 * `{success: false, error: "..."}` in a 2xx: many APIs flag a failure in the body and answer
 * HTTP 200 (Ashby: "What would be 4XX errors will return 200 with success being false"). A
 * bare `success: false`, one with an empty explanation, or a body with members of its own (a
 * webhook delivery's `{id, success: false, message, attempts}`) is data, and stays a success.
 */
function parseFlaggedFailure(body: Record<string, unknown>, status: number): BodyFacts | undefined {
  if (readOwn(body, 'success') !== false) return undefined;
  if (!flagExplainers.some((key) => isExplanation(readOwn(body, key))) || Object.keys(body).some((key) => !Object.hasOwn(rules, key) && !envelopeMembers.includes(key))) return undefined;
  const facts = parseObject(body, status);
  return namesFields(facts.issues) ? { ...facts, kind: 'validation' } : facts;
}

/**
 * A 2xx body of nothing but a list of errors, each with a message — GraphQL's request errors as
 * some servers send them, without `locations` or `extensions` (`{errors: [{message}]}`) — is a
 * failure: no success is only a list of errors. A body with anything beside it stays data.
 */
function parseErrorList(body: Record<string, unknown>, status: number): BodyFacts | undefined {
  const errors = readOwn(body, 'errors');
  if (!Array.isArray(errors) || errors.length === 0 || Object.keys(body).length !== 1) return undefined;
  return errors.every((entry) => isRecord(entry) && typeof readOwn(entry, 'message') === 'string') ? { ...parseObject(body, status), kind: 'bad_request' } : undefined;
}

/** Whether a member of `body` is a list: a page of a list API has one. Stops at the first, listing nothing. */
function hasList(body: Record<string, unknown>): boolean {
  for (const key in body) if (Object.hasOwn(body, key) && Array.isArray(body[key])) return true;
  return false;
}

/**
 * The next page's URL where list APIs put it in the body, beside the page's list: `links.next`
 * (Zendesk, JSON:API's spelling), `links.pages.next` (DigitalOcean), `paging.next` (Facebook's
 * Graph API), or `next` (Django REST Framework's `{count, next, previous, results}`, Spotify's
 * paging object). It becomes `links.next`, which `paginate` follows; the data stays as received.
 * Without a list it is a resource's data (`{id, links: {next: "/lessons/3"}}`).
 */
function readNextLink(body: Record<string, unknown>): SuccessFacts['links'] {
  const links = readOwn(body, 'links');
  const paging = readOwn(body, 'paging');
  const pages = isRecord(links) ? readOwn(links, 'pages') : undefined;
  // Laravel's paginator names it `next_page_url`, beside a `links` list of page buttons.
  const next = isRecord(links) ? (readOwn(links, 'next') ?? (isRecord(pages) ? readOwn(pages, 'next') : undefined)) : isRecord(paging) ? readOwn(paging, 'next') : (readOwn(body, 'next') ?? readOwn(body, 'next_page_url'));
  // Zendesk's cursor pages keep `links.next` on the last one, where `meta.has_more` is false.
  const meta = readOwn(body, 'meta');
  // The list asked last: looking through every success's members costs.
  return isPageUrl(next) && !(isRecord(meta) && readOwn(meta, 'has_more') === false) && hasList(body) ? { next: { href: next } } : undefined;
}

/** The model's page figures, in the order `readFigures` reads them. */
const pageFigures = ['page', 'pagesCount', 'recordsPerPage', 'recordsCount'];

/**
 * The page figures `{page, pagesCount, recordsPerPage, recordsCount}` from the first four members
 * `names` of `figures`, in that order: each a count, the page from 1. A figure the API documents
 * as unknown by a value of `unknown` (PocketBase's totals -1, Ghost's `limit` 'all') is left out;
 * any other value, or a missing member, and there are none.
 */
function readFigures(figures: Record<string, unknown>, names: readonly string[], unknown: Readonly<Record<string, unknown>>): SuccessFacts['page'] {
  const page: Record<string, number> = {};
  for (let index = 0; index < 4; index++) {
    const name = names[index]!;
    const value = readOwn(figures, name);
    const count = toCount(value);
    if (count !== undefined && (index > 0 || count > 0)) page[pageFigures[index]!] = count;
    else if (value === undefined || value !== readOwn(unknown, name)) return undefined;
  }
  return page;
}

/** Whether `record` has no member but `names`. */
const hasOnly = (record: Record<string, unknown>, names: readonly string[]): boolean => Object.keys(record).every((key) => names.includes(key));

/** PocketBase's records list (tools/search's Result): its figures in `readFigures`' order, and the list. */
const pocketBaseMembers = ['page', 'totalPages', 'perPage', 'totalItems', 'items'];
/** Payload's `find` (payloadcms.com/docs/queries/pagination): its figures in `readFigures`' order, the documents, and the other members it documents. */
const payloadMembers = ['page', 'totalPages', 'limit', 'totalDocs', 'docs', 'pagingCounter', 'hasPrevPage', 'hasNextPage', 'prevPage', 'nextPage'];
/** Ghost's `meta.pagination` (docs.ghost.org/content-api/pagination): its figures in `readFigures`' order, then the next and previous page numbers. */
const ghostMembers = ['page', 'pages', 'limit', 'total', 'next', 'prev'];
/** Strapi's `meta.pagination` (docs.strapi.io, REST API "Pagination by page"): its figures in `readFigures`' order. */
const strapiMembers = ['page', 'pageCount', 'pageSize', 'total'];
/** Laravel's `paginate()` (laravel.com/docs/pagination, "Converting Results to JSON"): its figures in `readFigures`' order, known by its `next_page_url` beside them. */
const laravelFigures = ['current_page', 'last_page', 'per_page', 'total'];

/**
 * The page figures of list APIs that give them beside their one list, which `paginate` walks by
 * `page` (the query parameter all three take); the data stays as received. PocketBase's
 * `{page, perPage, totalPages, totalItems, items}` (`skipTotal` leaves both totals at -1,
 * unknown), Payload's `{docs, totalDocs, limit, totalPages, page, ...}`, Ghost's
 * `{posts: [...], meta: {pagination: {page, limit, pages, total, next, prev}}}` (`limit` is
 * 'all' when all were asked for), Strapi's `{data: [...], meta: {pagination: {page, pageSize,
 * pageCount, total}}}`, Laravel's `{current_page, data, last_page, per_page, total, next_page_url,
 * ...}`. A body with any other member (but Laravel's, whose `next_page_url` marks it) is a
 * resource with a `page` of its own.
 */
function readListPage(body: Record<string, unknown>): SuccessFacts['page'] {
  const meta = readOwn(body, 'meta');
  const pagination = isRecord(meta) ? readOwn(meta, 'pagination') : undefined;
  if (isRecord(pagination)) {
    if (Object.keys(body).length !== 2 || Object.keys(meta as Record<string, unknown>).length !== 1 || !hasList(body)) return undefined;
    if (hasOnly(pagination, ghostMembers)) return readFigures(pagination, ghostMembers, { limit: 'all' });
    return hasOnly(pagination, strapiMembers) ? readFigures(pagination, strapiMembers, {}) : undefined;
  }
  if (Array.isArray(readOwn(body, 'data')) && Object.hasOwn(body, 'next_page_url')) return readFigures(body, laravelFigures, {});
  const members = Array.isArray(readOwn(body, 'items')) ? pocketBaseMembers : Array.isArray(readOwn(body, 'docs')) ? payloadMembers : undefined;
  return members && hasOnly(body, members) ? readFigures(body, members, members === pocketBaseMembers ? { totalPages: -1, totalItems: -1 } : {}) : undefined;
}

/**
 * A success as it is, with the next page's link, and the collection's size where a list API gives
 * it beside its list (DRF's `count` beside `results`, Spotify's `total` beside `items`), or its
 * page figures (Linode's `{data, page, pages, results}`, which `paginate` walks by `page`, and
 * PocketBase's, Payload's and Ghost's: `readListPage`), or the offset of the next page
 * (Airtable's, which it walks as seed 003's chunks).
 */
function parseList(body: Record<string, unknown>): SuccessFacts {
  // Airtable's `{records, offset}`: the offset to send for the next page, absent on the last. Only
  // a body of a list and its offset: elsewhere an `offset` is where this page started.
  const offset = readOwn(body, 'offset');
  if (typeof offset === 'string' && offset !== '' && Object.keys(body).length === 2 && hasList(body)) return { ok: true, data: body, cursor: { offset, hasNext: true } };
  const links = readNextLink(body);
  const total = !links ? undefined : Array.isArray(readOwn(body, 'results')) ? toCount(readOwn(body, 'count')) : Array.isArray(readOwn(body, 'items')) ? toCount(readOwn(body, 'total')) : undefined;
  if (total !== undefined) return { ok: true, data: body, links, page: { recordsCount: total } };
  const page = toCount(readOwn(body, 'page'));
  const pages = toCount(readOwn(body, 'pages'));
  if (page === undefined || pages === undefined || !Array.isArray(readOwn(body, 'data'))) return { ok: true, data: body, links, page: readListPage(body) };
  const records = toCount(readOwn(body, 'results'));
  return { ok: true, data: body, links, page: records === undefined ? { page, pagesCount: pages } : { page, pagesCount: pages, recordsCount: records } };
}

/** Seeds 000 and 003 (flat `{code, message}` errors, text and HTML pages, `{result, offset, hasNext}` chunks), recognised by anything: it claims every body, so it goes last. */
export const plainDialect: DialectParser = {
  id: 'plain',
  mediaTypes: [],
  detect: () => true,
  parse(body, { status, mediaType }) {
    if (isSuccessStatus(status)) return (isRecord(body) && (parseChunk(body) || parseFlaggedFailure(body, status) || parseErrorList(body, status) || parseList(body))) || { ok: true, data: body };
    if (typeof body === 'string') return parseText(body, mediaType);
    if (isRecord(body)) return parseObject(body, status);
    // A bare array of errors: `[{"field": "email", "message": "is invalid"}]`.
    const facts = { ok: false as const, detail: undefined, code: undefined, issues: toIssues(body) };
    explainByList(facts);
    return facts;
  },
};
