/**
 * Google APIs (cloud.google.com/apis/design/errors, AIP-193): `{error: {code, message, status,
 * details[]}}`, where `code` is the HTTP status, `status` the canonical `google.rpc.Code` name
 * and `details` typed messages of google/rpc/error_details.proto, each named by its `@type`.
 *
 * The details the model has a place for become model fields and leave `extensions.details`:
 * `BadRequest.fieldViolations` the issues, `RetryInfo.retryDelay` the wait, `RequestInfo.requestId`
 * the request id. `ErrorInfo.reason` is the machine code (AIP-193: "the reason is the most
 * specific code"), but `ErrorInfo` stays in the details for its `domain` and `metadata`, as do
 * `Help`, `LocalizedMessage`, `QuotaFailure` and the rest. Success bodies are resources as is.
 *
 * Drive, Gmail, Calendar, YouTube and BigQuery still send the older `errors[{domain, reason,
 * message, location, locationType}]` (developers.google.com/drive/api/guides/handle-errors), with
 * or without `status`: the first entry's `reason` is the code, a `parameter` it names an issue's
 * field, and a `…RateLimitExceeded` reason a rate limit even as a 403. The list stays in the
 * extensions for its domains.
 *
 * grpc-gateway (github.com/grpc-ecosystem/grpc-gateway, `runtime.DefaultHTTPErrorHandler`) answers a
 * gRPC service's error with the `google.rpc.Status` itself: `{code: 3, message, details: [...]}`,
 * the code a number of google/rpc/code.proto; it is read as the error object above, its code's name
 * (`INVALID_ARGUMENT`) standing for `status`.
 */
import { isSuccessStatus, type BodyFacts, type DialectParser, type ErrorFacts } from '../dialect.ts';
import { createIssue, parseFieldPath } from '../issues.ts';
import type { ErrorKind, Issue } from '../model.ts';
import { isRecord, readOwn, setMember, toOptionalString } from '../members.ts';

/** The canonical codes (google/rpc/code.proto) and what they mean for the caller. */
const kindsByStatus: Readonly<Record<string, ErrorKind>> = {
  INVALID_ARGUMENT: 'bad_request',
  FAILED_PRECONDITION: 'bad_request',
  OUT_OF_RANGE: 'bad_request',
  UNAUTHENTICATED: 'unauthenticated',
  PERMISSION_DENIED: 'forbidden',
  NOT_FOUND: 'not_found',
  ALREADY_EXISTS: 'conflict',
  ABORTED: 'conflict',
  RESOURCE_EXHAUSTED: 'rate_limited',
  UNIMPLEMENTED: 'not_implemented',
  UNAVAILABLE: 'unavailable',
  DEADLINE_EXCEEDED: 'timeout',
  INTERNAL: 'server',
  UNKNOWN: 'server',
  DATA_LOSS: 'server',
  // CANCELLED (HTTP 499) is left to the status: the model's `aborted` means the caller gave up
  // and no response came, which is not what a server's CANCELLED says.
};

/**
 * google/rpc/code.proto's codes by number. A `google.rpc.Status` sent as is — grpc-gateway's
 * `{code: 3, message, details}`, which answers a gRPC service's error over HTTP — names its code
 * by number only: the name is the code, as AIP-193's `status` is.
 */
const codeNames: readonly string[] = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
];

/** Members of the error object the model reads; the others are kept as extensions. */
const errorMembers: Readonly<Record<string, true>> = { code: true, message: true, status: true, details: true };

// google/protobuf/duration.proto, JSON mapping: seconds with up to nine fractional digits and an "s".
const duration = /^(\d{1,12})(?:\.(\d{1,9}))?s$/;

/** A `google.protobuf.Duration` ("30s", "1.5s") in milliseconds, rounded up so that a retry is never early. */
function parseDuration(value: unknown): number | undefined {
  const match = typeof value === 'string' ? duration.exec(value) : null;
  if (!match) return undefined;
  const nanos = match[2] === undefined ? 0 : Number(match[2].padEnd(9, '0'));
  return Number(match[1]) * 1000 + Math.ceil(nanos / 1e6);
}

/** A detail's message name: `type.googleapis.com/google.rpc.BadRequest` → `google.rpc.BadRequest`. */
function toMessageName(detail: unknown): string | undefined {
  const type = isRecord(detail) ? toOptionalString(readOwn(detail, '@type')) : undefined;
  return type?.slice(type.lastIndexOf('/') + 1);
}

/** Appends a `BadRequest`'s field violations to `issues`; whether each one became an issue. */
function collectViolations(detail: Record<string, unknown>, issues: Issue[]): boolean {
  const violations = readOwn(detail, 'fieldViolations');
  if (!Array.isArray(violations)) return false;
  let complete = true;
  for (const violation of violations) {
    const description = isRecord(violation) ? toOptionalString(readOwn(violation, 'description')) : undefined;
    if (!isRecord(violation) || description === undefined) {
      complete = false;
      continue;
    }
    // A localized message has no place in an issue: the detail stays for it.
    if (readOwn(violation, 'localizedMessage') !== undefined) complete = false;
    // error_details.proto: `field` is a path in the request, "emailAddresses[1].email" in JSON.
    const field = toOptionalString(readOwn(violation, 'field'));
    issues.push(createIssue(field === undefined ? [] : parseFieldPath(field), description, field, toOptionalString(readOwn(violation, 'reason'))));
  }
  return complete;
}

/**
 * Firebase Auth's REST API (firebase.google.com/docs/reference/rest/auth) sends the older shape
 * with its code as the message, an explanation after ` : ` when there is one:
 * `EMAIL_EXISTS`, `WEAK_PASSWORD : Password should be at least 6 characters`; every entry's
 * reason is the generic `invalid`.
 */
const codedMessage = /^([A-Z][A-Z\d]*(?:_[A-Z\d]+)+)(?: : ([^]+))?$/;

/** Drive's `rateLimitExceeded`, `userRateLimitExceeded` and `sharingRateLimitExceeded`. */
const rateLimitReason = /rateLimitExceeded$/i;

/** The older `errors[]` of Google APIs, known by its first entry's `domain` and `reason`. */
function readErrorList(error: Record<string, unknown>): unknown[] | undefined {
  const errors = readOwn(error, 'errors');
  // An own read: an empty list must not lend an entry from a polluted Object.prototype.
  const first = Array.isArray(errors) ? readOwn(errors, '0') : undefined;
  return isRecord(first) && typeof readOwn(first, 'domain') === 'string' && typeof readOwn(first, 'reason') === 'string' ? (errors as unknown[]) : undefined;
}

/** Appends an issue for each entry of the older list that names a request parameter (`locationType: "parameter"`). */
function collectLocations(errors: readonly unknown[], issues: Issue[]): void {
  for (const entry of errors) {
    const field = isRecord(entry) && readOwn(entry, 'locationType') === 'parameter' ? toOptionalString(readOwn(entry, 'location')) : undefined;
    const message = field === undefined ? undefined : toOptionalString(readOwn(entry as Record<string, unknown>, 'message'));
    if (message !== undefined) issues.push(createIssue(parseFieldPath(field!), message, field, toOptionalString(readOwn(entry as Record<string, unknown>, 'reason'))));
  }
}

function parseError(body: Record<string, unknown>, error: Record<string, unknown>, status: number): ErrorFacts {
  const extensions: Record<string, unknown> = {};
  for (const key of Object.keys(body)) if (key !== 'error') setMember(extensions, key, body[key]);
  for (const key of Object.keys(error)) if (readOwn(errorMembers, key) === undefined) setMember(extensions, key, error[key]);
  // The body's `code` repeats the HTTP status; a disagreement is kept visible (RFC 9457 §3.1.2 reading).
  const code = readOwn(error, 'code');
  if (code !== undefined && code !== status) setMember(extensions, 'code', code);
  // RFC 9457 §3.1: members of the wrong type are ignored as the model's values, and kept.
  const message = readOwn(error, 'message');
  if (message !== undefined && typeof message !== 'string') setMember(extensions, 'message', message);
  const statusName = readOwn(error, 'status');
  if (statusName !== undefined && typeof statusName !== 'string') setMember(extensions, 'status', statusName);

  const details = readOwn(error, 'details');
  const issues: Issue[] = [];
  const kept: unknown[] = [];
  let reason: string | undefined;
  let retryAfterMs: number | undefined;
  let requestId: string | undefined;
  for (const detail of Array.isArray(details) ? details : []) {
    const name = toMessageName(detail);
    const record = detail as Record<string, unknown>;
    if (name === 'google.rpc.BadRequest' && collectViolations(record, issues)) continue;
    if (name === 'google.rpc.RetryInfo') {
      const delay = parseDuration(readOwn(record, 'retryDelay'));
      retryAfterMs ??= delay;
      if (delay !== undefined) continue;
    }
    if (name === 'google.rpc.RequestInfo') {
      const id = toOptionalString(readOwn(record, 'requestId'));
      requestId ??= id;
      // `servingData` is for the service's own debugging: the detail stays for it.
      if (id !== undefined && readOwn(record, 'servingData') === undefined) continue;
    }
    if (name === 'google.rpc.ErrorInfo') reason ??= toOptionalString(readOwn(record, 'reason'));
    kept.push(detail);
  }
  if (!Array.isArray(details) && details !== undefined) setMember(extensions, 'details', details);
  else if (kept.length > 0) setMember(extensions, 'details', kept);

  const errors = readErrorList(error);
  if (errors) collectLocations(errors, issues);
  const listed = errors ? toOptionalString(readOwn(readOwn(errors, '0') as Record<string, unknown>, 'reason')) : undefined;
  const coded = errors && typeof message === 'string' ? codedMessage.exec(message) : null;
  const known = typeof statusName === 'string' && Object.hasOwn(kindsByStatus, statusName) ? kindsByStatus[statusName] : undefined;
  return {
    ok: false,
    // Drive answers `userRateLimitExceeded` with a 403 and asks for a retry with backoff; Firebase
    // Auth locks an account after failed sign-ins with a 400 TOO_MANY_ATTEMPTS_TRY_LATER, a wait.
    // AIP-193: INVALID_ARGUMENT with field violations is a validation error.
    kind: (listed !== undefined && rateLimitReason.test(listed)) || coded?.[1] === 'TOO_MANY_ATTEMPTS_TRY_LATER' ? 'rate_limited' : known === 'bad_request' && issues.length > 0 ? 'validation' : known,
    detail: coded?.[2] ?? toOptionalString(message),
    code: reason ?? coded?.[1] ?? listed ?? toOptionalString(statusName),
    issues,
    requestId,
    retryAfterMs,
    extensions,
  };
}

/**
 * A body that is a `google.rpc.Status` and nothing else: `code` one of code.proto's numbers, and
 * `details` a list of typed messages, each with its `@type` (grpc-gateway sends `[]` when there are none).
 */
function isRpcStatus(body: Record<string, unknown>): boolean {
  const code = readOwn(body, 'code');
  const details = readOwn(body, 'details');
  return (
    Number.isInteger(code) &&
    (code as number) >= 0 &&
    (code as number) < codeNames.length &&
    Array.isArray(details) &&
    details.every((detail) => toMessageName(detail) !== undefined) &&
    Object.keys(body).every((key) => key === 'code' || key === 'message' || key === 'details')
  );
}

/** Google APIs (AIP-193), recognised by an `error` object with a numeric `code` and a string `status` or the older `errors[{domain, reason}]`, or a bare `google.rpc.Status` (grpc-gateway). */
export const googleDialect: DialectParser = {
  id: 'google',
  mediaTypes: [],
  requiresOneOf: ['error', 'details'],
  detect(body) {
    if (!isRecord(body)) return false;
    const error = readOwn(body, 'error');
    return (isRecord(error) && typeof readOwn(error, 'code') === 'number' && (typeof readOwn(error, 'status') === 'string' || readErrorList(error) !== undefined)) || isRpcStatus(body);
  },
  parse(body, { status }): BodyFacts {
    const error = isRecord(body) ? readOwn(body, 'error') : undefined;
    // A 2xx whose whole body is the error is an error; a resource that merely has an `error` member is data.
    if (isSuccessStatus(status) && !(isRecord(body) && Object.keys(body).length === 1 && isRecord(error))) return { ok: true, data: body };
    // grpc-gateway's Status is read as the error object it would be: its code's name the `status`.
    if (isRecord(body) && isRpcStatus(body)) return parseError({}, { code: status, message: readOwn(body, 'message'), status: codeNames[readOwn(body, 'code') as number], details: readOwn(body, 'details') }, status);
    return isRecord(body) && isRecord(error) ? parseError(body, error, status) : { ok: false };
  },
};
