/**
 * GraphQL responses (spec.graphql.org, §7.1 "Response"; GraphQL-over-HTTP draft,
 * `application/graphql-response+json`): `{data?, errors?, extensions?}`, each error
 * `{message, locations?, path?, extensions?: {code?, ...}}`. Over `application/json` every
 * response is a 200, so errors inside a 200 are errors.
 *
 * Partial results: a response with `data` AND `errors` (§7.1.2 "field errors") is read as an
 * error, because part of what was asked for is missing or null, and a caller that only checks
 * `ok` must not take it for complete. Nothing is lost: the partial `data` stays in
 * `extensions.data` for callers that can use it.
 *
 * Each error with a `path` (the response field that failed) is an issue; a lone error with no
 * path is the error itself (its message the detail), and of several, every one is an issue.
 * The kind comes from the HTTP status first, then from the error's code (Apollo Server's, and
 * the rate-limit, access and not-found codes of GitHub, Shopify and Linear), then from an
 * `extensions.statusCode` all errors share (Linear); without either, an error with no `data`
 * and no `path` is a request error (§7.1.2: the request was invalid), so a bad request.
 */
import { fromStatusAlone, isSuccessStatus, type DialectParser, type ErrorFacts } from '../dialect.ts';
import { createIssue, maxDepth } from '../issues.ts';
import type { ErrorKind, Issue } from '../model.ts';
import { isRecord, readOwn, setMember, toCode, toOptionalString } from '../members.ts';
import { toErrorKind } from '../status.ts';

/** Apollo Server's built-in error codes (apollographql.com, "Error handling", built-in codes), and the APIs' own. */
const kindsByCode: Readonly<Record<string, ErrorKind>> = {
  GRAPHQL_PARSE_FAILED: 'bad_request',
  GRAPHQL_VALIDATION_FAILED: 'bad_request',
  BAD_REQUEST: 'bad_request',
  OPERATION_RESOLUTION_FAILURE: 'bad_request',
  PERSISTED_QUERY_NOT_SUPPORTED: 'bad_request',
  PERSISTED_QUERY_NOT_FOUND: 'not_found',
  BAD_USER_INPUT: 'validation',
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  INTERNAL_SERVER_ERROR: 'server',
  // GitHub's `type` (docs.github.com, "Rate limits and query limits for the GraphQL API").
  RATE_LIMITED: 'rate_limited',
  RATE_LIMIT: 'rate_limited',
  NOT_FOUND: 'not_found',
  // Shopify Admin (shopify.dev, "Shopify API rate limits"; "Status and error codes").
  THROTTLED: 'rate_limited',
  ACCESS_DENIED: 'forbidden',
  // Linear (linear.app/developers, "Rate limiting"; "Errors").
  RATELIMITED: 'rate_limited',
  AUTHENTICATION_ERROR: 'unauthenticated',
};

/** A response path (§7.1.2): field names and list indices; anything else makes it absent. */
function toResponsePath(value: unknown): (string | number)[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const path = value.slice(0, maxDepth);
  return path.every((part: unknown) => typeof part === 'string' || (typeof part === 'number' && Number.isInteger(part) && part >= 0)) ? (path as (string | number)[]) : undefined;
}

/** The error's code: `extensions.code` (§7.1.2), else its own `code`, else GitHub's `type`. */
const readCode = (error: Record<string, unknown>): string | undefined => {
  const extensions = readOwn(error, 'extensions');
  return (isRecord(extensions) ? toCode(readOwn(extensions, 'code')) : undefined) ?? toCode(readOwn(error, 'code')) ?? toCode(readOwn(error, 'type'));
};

/** The kind a code names; an own-property lookup: a code such as "constructor" or "__proto__" names no kind. */
const toCodeKind = (code: unknown): ErrorKind | undefined => (typeof code === 'string' && Object.hasOwn(kindsByCode, code) ? kindsByCode[code] : undefined);

/** Linear's `extensions.statusCode`, when it is an error status. */
const readStatusCode = (error: Record<string, unknown>): string | undefined => {
  const extensions = readOwn(error, 'extensions');
  const status = isRecord(extensions) ? readOwn(extensions, 'statusCode') : undefined;
  return typeof status === 'number' && status >= 400 && status < 600 ? String(status) : undefined;
};

/** The value every error that has one gives for `read`, or `undefined` when two differ. */
function toShared(errors: readonly Record<string, unknown>[], read: (error: Record<string, unknown>) => string | undefined): string | undefined {
  let shared: string | undefined;
  for (const error of errors) {
    const value = read(error);
    if (value === undefined) continue;
    if (shared !== undefined && value !== shared) return undefined;
    shared = value;
  }
  return shared;
}

function toKind(errors: readonly Record<string, unknown>[], hasData: boolean, hasPath: boolean): ErrorKind | undefined {
  for (const error of errors) {
    // GitHub's newer errors carry a `code` beside the `type` that names the kind.
    const kind = toCodeKind(readCode(error)) ?? toCodeKind(readOwn(error, 'type'));
    if (kind !== undefined) return kind;
  }
  // Linear's `extensions.statusCode`, when every error gives the same (it answers a 400 for a 401).
  const status = errors.every((error) => readStatusCode(error) !== undefined) ? toShared(errors, readStatusCode) : undefined;
  if (status !== undefined) return toErrorKind(Number(status));
  return hasData || hasPath ? undefined : 'bad_request';
}

/**
 * Shopify's wait for a throttled query (shopify.dev, "Shopify API rate limits"): the bucket
 * refills at `restoreRate` points a second, and the query runs once its `requestedQueryCost`
 * is available.
 */
function readThrottleWaitMs(body: Record<string, unknown>): number | undefined {
  const extensions = readOwn(body, 'extensions');
  const cost = isRecord(extensions) ? readOwn(extensions, 'cost') : undefined;
  const throttle = isRecord(cost) ? readOwn(cost, 'throttleStatus') : undefined;
  if (!isRecord(throttle)) return undefined;
  const requested = readOwn(cost as Record<string, unknown>, 'requestedQueryCost');
  const available = readOwn(throttle, 'currentlyAvailable');
  const rate = readOwn(throttle, 'restoreRate');
  if (typeof requested !== 'number' || typeof available !== 'number' || typeof rate !== 'number' || !(rate > 0)) return undefined;
  const seconds = Math.ceil((requested - available) / rate);
  return seconds > 0 && seconds < Number.POSITIVE_INFINITY ? seconds * 1000 : undefined;
}

function parseErrors(body: Record<string, unknown>, list: unknown): ErrorFacts {
  const errors = Array.isArray(list) ? list.filter(isRecord) : [];
  // Every other member is kept: the partial `data` and the response `extensions` among them
  // (and `errors` itself when it is no list, RFC 9457 §3.1: ignored, not lost).
  const extensions: Record<string, unknown> = {};
  for (const key of Object.keys(body)) if (key !== 'errors' || !Array.isArray(list)) setMember(extensions, key, body[key]);
  const lone = errors.length === 1;
  const issues: Issue[] = [];
  let hasPath = false;
  for (const error of errors) {
    const message = toOptionalString(readOwn(error, 'message'));
    const path = toResponsePath(readOwn(error, 'path'));
    if (path !== undefined) hasPath = true;
    if (message !== undefined && (path !== undefined || !lone)) issues.push(createIssue(path ?? [], message, undefined, readCode(error)));
  }
  const message = errors[0] === undefined ? undefined : toOptionalString(readOwn(errors[0], 'message'));
  return {
    ok: false,
    kind: toKind(errors, readOwn(body, 'data') !== undefined, hasPath),
    detail: message !== undefined && errors.every((error) => readOwn(error, 'message') === message) ? message : undefined,
    code: toShared(errors, readCode),
    issues,
    retryAfterMs: readThrottleWaitMs(body),
    extensions,
  };
}

/** The members of a GraphQL error (§7.1.2), and GitHub's `type` and `code`. */
const errorMembers: readonly string[] = ['message', 'locations', 'path', 'extensions', 'type', 'code'];

/**
 * GitHub's errors without `data` (docs.github.com, "Rate limits and query limits for the GraphQL
 * API": `{errors: [{type: "RATE_LIMITED", message}]}`): every error a `message` and a `type`,
 * strings, of no members but a GraphQL error's and GitHub's, beside no member but `extensions`.
 * A REST list of `{message}` entries — SendGrid's `field`, Twitter's numeric `code`, Airtable's
 * `error` — has no `type` or a member GraphQL has not, and is left to other dialects.
 */
function isTypedErrorList(body: Record<string, unknown>, errors: readonly unknown[]): boolean {
  return (
    Object.keys(body).every((key) => key === 'errors' || key === 'extensions') &&
    errors.every((error) => isRecord(error) && typeof readOwn(error, 'message') === 'string' && typeof readOwn(error, 'type') === 'string' && Object.keys(error).every((key) => errorMembers.includes(key) && (key !== 'code' || typeof error[key] === 'string')))
  );
}

/** GraphQL, recognised by `application/graphql-response+json`, or `errors[]` of `{message}` with `data`, `locations`, `path` or `extensions`, or GitHub's `type`. */
export const graphqlDialect: DialectParser = {
  id: 'graphql',
  mediaTypes: ['application/graphql-response+json'],
  requiresOneOf: ['errors', 'data'],
  detect(body) {
    if (!isRecord(body)) return false;
    const errors = readOwn(body, 'errors');
    if (!Array.isArray(errors)) {
      // A success is `{data}` alone, too common a wrapper to claim; `{data, extensions}` is GraphQL's.
      return readOwn(body, 'data') !== undefined && isRecord(readOwn(body, 'extensions')) && Object.keys(body).length === 2;
    }
    // §7.1.2: every error has a string `message`; `{errors: [{message}]}` alone is left to other
    // dialects unless `data`, `locations`, `path`, `extensions` or GitHub's `type` say GraphQL.
    const first: unknown = errors[0];
    if (!isRecord(first) || typeof readOwn(first, 'message') !== 'string') return false;
    return readOwn(body, 'data') !== undefined || Array.isArray(readOwn(first, 'locations')) || Array.isArray(readOwn(first, 'path')) || isRecord(readOwn(first, 'extensions')) || isTypedErrorList(body, errors);
  },
  parse(body, { status }) {
    if (!isRecord(body)) return fromStatusAlone(body, status);
    const errors = readOwn(body, 'errors');
    // §7.1.2: `errors`, when present, is a non-empty list; an empty one reports nothing.
    const failed = Array.isArray(errors) && errors.some(isRecord);
    if (!failed && isSuccessStatus(status)) return { ok: true, data: readOwn(body, 'data') };
    return parseErrors(body, errors);
  },
};
