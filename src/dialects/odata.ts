/**
 * OData JSON Format v4.01 §21 "Error Response", as Microsoft Graph ("Microsoft Graph error
 * responses and resource types") and the Microsoft and Azure REST API guidelines send it:
 * `{error: {code, message, target?, details?: [{code, message, target?}], innererror?}}`.
 * `code` is a service-defined string, `target` names what the error is about.
 *
 * Each of `details` is an issue (its `target` the field); an error with a `target` and no
 * details is one issue of its own. `innererror` is free-form (OData: "service-defined") and
 * is kept whole; Graph puts the request id there, spelled `innerError` in its responses.
 * Told apart from Google (numeric `code`, string `status`) and Stripe (string `type`).
 *
 * Successes (OData JSON Format v4.01 §4.5 control information, §12 collections): a body marked
 * by `@odata.context` or `@odata.nextLink`. A
 * collection's `value` is the data; `@odata.nextLink` becomes `links.next` (Microsoft Graph
 * pages this way, so `paginate` follows it), `@odata.deltaLink` `links.delta`, and `@odata.count`
 * the page's `recordsCount`. A single entity is data as it came, annotations included.
 *
 * Vercel's REST API sends the same error, a rate limit's figures in its `limit` (see {@link readLimit}).
 *
 * Azure Storage ("Status and error codes") answers in XML, `<Error><Code/><Message/></Error>`,
 * and since version 2017-07-29 names the code in an `x-ms-error-code` header too — the header
 * that selects this dialect for a body of any kind, and the only code a HEAD's error carries.
 */
import { isSuccessStatus, type BodyFacts, type DialectParser, type ErrorFacts, type SuccessFacts } from '../dialect.ts';
import { createIssue, parseFieldPath } from '../issues.ts';
import type { HalLink, Issue, RateLimit } from '../model.ts';
import { isRecord, readOwn, setMember, toCode, toCount, toOptionalString } from '../members.ts';
import { toRateLimit } from '../retry-timing.ts';
import { readTextError } from './xml-error.ts';

/** Members of the error object the model reads; the others (innererror, Azure's additionalInfo) are kept. */
const errorMembers: Readonly<Record<string, true>> = { code: true, message: true, target: true, details: true };

const toIssuePath = (target: string | undefined): (string | number)[] => (target === undefined ? [] : parseFieldPath(target));

/** The issues of `details`, and whether every entry became one. */
function toDetailIssues(details: readonly unknown[]): { issues: Issue[]; complete: boolean } {
  const issues: Issue[] = [];
  for (const detail of details) {
    const message = isRecord(detail) ? toOptionalString(readOwn(detail, 'message')) : undefined;
    if (message === undefined) continue;
    const record = detail as Record<string, unknown>;
    const target = toOptionalString(readOwn(record, 'target'));
    issues.push(createIssue(toIssuePath(target), message, target, toCode(readOwn(record, 'code'))));
  }
  return { issues, complete: issues.length === details.length };
}

/**
 * Hetzner Cloud's copy of the shape names its fields in `details: {fields: [{name, messages}]}`
 * (docs.hetzner.cloud, "Errors": `invalid_input`): each message an issue of its field.
 */
function toFieldIssues(details: Record<string, unknown>): { issues: Issue[]; complete: boolean } {
  const fields = readOwn(details, 'fields');
  const issues: Issue[] = [];
  let unread = Array.isArray(fields) ? 0 : 1;
  for (const field of Array.isArray(fields) ? fields : []) {
    const name = isRecord(field) ? toOptionalString(readOwn(field, 'name')) : undefined;
    const messages = isRecord(field) ? readOwn(field, 'messages') : undefined;
    if (name === undefined || !Array.isArray(messages)) unread++;
    else for (const message of messages) if (typeof message === 'string') issues.push(createIssue(toIssuePath(name), message, name));
  }
  return { issues, complete: unread === 0 && Object.keys(details).length === 1 };
}

function readRequestId(error: Record<string, unknown>): string | undefined {
  // OData spells it `innererror`; Microsoft Graph's responses `innerError`.
  const inner = readOwn(error, 'innererror') ?? readOwn(error, 'innerError');
  return isRecord(inner) ? toOptionalString(readOwn(inner, 'request-id')) : undefined;
}

/**
 * Vercel's REST API ("Errors", vercel.com/docs/rest-api/errors) copies the shape and adds to its
 * `rate_limited` error `limit: {remaining, reset, resetMs, total}`: the figures of the headers, which
 * a browser does not see unless CORS exposes them. `reset` (epoch seconds) is not read, so `limit`
 * stays in `extensions` as received too.
 */
function readLimit(error: Record<string, unknown>): RateLimit | undefined {
  // Only a rate limit's: a `project_limit_reached` error's `limit` counts projects, not requests.
  const limit = readOwn(error, 'code') === 'rate_limited' ? readOwn(error, 'limit') : undefined;
  return isRecord(limit) ? toRateLimit(toCount(readOwn(limit, 'total')), toCount(readOwn(limit, 'remaining')), toCount(readOwn(limit, 'resetMs'))) : undefined;
}

function parseError(body: Record<string, unknown>, error: Record<string, unknown>): ErrorFacts {
  const extensions: Record<string, unknown> = {};
  for (const key of Object.keys(body)) if (key !== 'error') setMember(extensions, key, body[key]);
  for (const key of Object.keys(error)) if (readOwn(errorMembers, key) === undefined) setMember(extensions, key, error[key]);
  // RFC 9457 §3.1: members of the wrong type are ignored as the model's values, and kept.
  for (const key of ['code', 'message'] as const) {
    const value = readOwn(error, key);
    if (value !== undefined && typeof value !== 'string') setMember(extensions, key, value);
  }
  const code = toOptionalString(readOwn(error, 'code'));
  const message = toOptionalString(readOwn(error, 'message'));
  const target = readOwn(error, 'target');
  const details = readOwn(error, 'details');
  const { issues, complete } = Array.isArray(details) ? toDetailIssues(details) : isRecord(details) ? toFieldIssues(details) : { issues: [], complete: details === undefined };
  if (!complete) setMember(extensions, 'details', details);
  if (issues.length === 0 && typeof target === 'string' && message !== undefined) issues.push(createIssue(toIssuePath(target), message, target, code));
  // With details, the top-level target names the whole request part ("query"): kept, since no issue holds it.
  else if (target !== undefined) setMember(extensions, 'target', target);
  return { ok: false, detail: message, code, issues, requestId: readRequestId(error), rateLimit: readLimit(error), extensions };
}

const isCollectionResponse = (body: Record<string, unknown>): boolean => typeof readOwn(body, '@odata.context') === 'string' || typeof readOwn(body, '@odata.nextLink') === 'string';

function parseSuccess(body: unknown): SuccessFacts {
  const value = isRecord(body) && isCollectionResponse(body) ? readOwn(body, 'value') : undefined;
  if (!Array.isArray(value)) return { ok: true, data: body };
  let links: Record<string, HalLink> | undefined;
  for (const rel of ['next', 'delta']) {
    const href = readOwn(body as Record<string, unknown>, `@odata.${rel}Link`);
    if (typeof href === 'string') (links ??= {})[rel] = { href };
  }
  const count = toCount(readOwn(body as Record<string, unknown>, '@odata.count'));
  return { ok: true, data: value, links, page: count === undefined ? undefined : { recordsCount: count } };
}

/** OData, Microsoft Graph and Azure: errors by an `error` object with a string `code` and `message` or by Azure's `x-ms-error-code` header; successes by `@odata.context` or `@odata.nextLink`. */
export const odataDialect: DialectParser = {
  id: 'odata',
  mediaTypes: [],
  requiresOneOf: ['error', '@odata.context', '@odata.nextLink'],
  detect(body) {
    if (!isRecord(body)) return false;
    if (isCollectionResponse(body)) return true;
    const error = readOwn(body, 'error');
    return (
      isRecord(error) &&
      typeof readOwn(error, 'code') === 'string' &&
      typeof readOwn(error, 'message') === 'string' &&
      typeof readOwn(error, 'status') !== 'string' &&
      typeof readOwn(error, 'type') !== 'string' &&
      // EasyPost's `{error: {code, message, errors: [{field, message}]}}`: OData names its list `details`.
      !Array.isArray(readOwn(error, 'errors'))
    );
  },
  markerHeaders: ['x-ms-error-code'],
  parse(body, context): BodyFacts {
    const { status, mediaType } = context;
    const error = isRecord(body) ? readOwn(body, 'error') : undefined;
    // A 2xx whose whole body is the error is an error; an Azure operation status with an `error` member is data.
    if (isSuccessStatus(status) && !(isRecord(body) && Object.keys(body).length === 1 && isRecord(error))) return parseSuccess(body);
    // Read only here: the context gathers every header when first asked (normalize.ts).
    const errorCode = context.headers?.['x-ms-error-code'];
    if (typeof body === 'string') return readTextError(body, mediaType, errorCode);
    if (!isRecord(body)) return { ok: false, code: errorCode };
    // Some Azure services (Cosmos DB) send the error object bare: `{code, message}`.
    const facts = isRecord(error) ? parseError(body, error) : parseError({}, body);
    return { ...facts, code: facts.code ?? errorCode };
  },
};
