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
 * The kind comes from the HTTP status first, then from `extensions.code` (Apollo Server's
 * codes); without a known code, an error with no `data` and no `path` is a request error
 * (§7.1.2: the request was invalid), so a bad request.
 */
import { fromStatusAlone, isSuccessStatus, type DialectParser, type ErrorFacts } from '../dialect.ts';
import { createIssue, maxDepth } from '../issues.ts';
import type { ErrorKind, Issue } from '../model.ts';
import { isRecord, readOwn, setMember, toCode, toOptionalString } from '../members.ts';

/** Apollo Server's built-in error codes (apollographql.com, "Error handling", built-in codes). */
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
};

/** A response path (§7.1.2): field names and list indices; anything else makes it absent. */
function toResponsePath(value: unknown): (string | number)[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const path = value.slice(0, maxDepth);
  return path.every((part: unknown) => typeof part === 'string' || (typeof part === 'number' && Number.isInteger(part) && part >= 0)) ? (path as (string | number)[]) : undefined;
}

const readCode = (error: Record<string, unknown>): string | undefined => {
  const extensions = readOwn(error, 'extensions');
  return isRecord(extensions) ? toCode(readOwn(extensions, 'code')) : undefined;
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
    const code = readCode(error);
    // An own-property lookup: a code such as "constructor" or "__proto__" names no kind.
    if (code !== undefined && Object.hasOwn(kindsByCode, code)) return kindsByCode[code];
  }
  return hasData || hasPath ? undefined : 'bad_request';
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
    extensions,
  };
}

/** GraphQL, recognised by `application/graphql-response+json`, or `errors[]` of `{message}` with `data`, `locations`, `path` or `extensions`. */
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
    // dialects unless `data`, `locations`, `path` or `extensions` say GraphQL.
    const first: unknown = errors[0];
    if (!isRecord(first) || typeof readOwn(first, 'message') !== 'string') return false;
    return readOwn(body, 'data') !== undefined || Array.isArray(readOwn(first, 'locations')) || Array.isArray(readOwn(first, 'path')) || isRecord(readOwn(first, 'extensions'));
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
