/**
 * Kubernetes API conventions, "Response Status Kind": every failure, and a successful DELETE,
 * answers with `{kind: "Status", apiVersion: "v1", metadata, status: "Success" | "Failure",
 * message, reason, details: {name, group, kind, uid, causes[{reason, message, field}],
 * retryAfterSeconds}, code}`. "The reason clarifies an HTTP status code but does not override
 * it", and `code` is only the suggested status: the HTTP status decides first.
 */
import { fromStatusAlone, isSuccessStatus, type BodyFacts, type DialectParser } from '../dialect.ts';
import { createIssue, parseFieldPath } from '../issues.ts';
import type { ErrorKind, Issue } from '../model.ts';
import { isRecord, readOwn, toCount, toOptionalString } from '../members.ts';
import { readMembers } from '../read-members.ts';

/** The `StatusReason` values of k8s.io/apimachinery and the kinds they mean. */
const kindsByReason: Readonly<Record<string, ErrorKind>> = {
  BadRequest: 'bad_request',
  Unauthorized: 'unauthenticated',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  Gone: 'not_found',
  AlreadyExists: 'conflict',
  Conflict: 'conflict',
  Invalid: 'validation',
  MethodNotAllowed: 'method_not_allowed',
  NotAcceptable: 'bad_request',
  UnsupportedMediaType: 'bad_request',
  RequestEntityTooLarge: 'payload_too_large',
  TooManyRequests: 'rate_limited',
  // apimachinery's NewTimeoutError answers 504; ServerTimeout too (api-conventions).
  Timeout: 'timeout',
  ServerTimeout: 'timeout',
  InternalError: 'server',
  ServiceUnavailable: 'unavailable',
};

/** One `StatusCause`: `field` "may include dot and postfix notation" (`items[0].name`). */
function toIssue(cause: unknown): Issue | undefined {
  if (!isRecord(cause)) return undefined;
  const message = toOptionalString(readOwn(cause, 'message'));
  if (message === undefined) return undefined;
  const field = toOptionalString(readOwn(cause, 'field')) || undefined;
  const reason = toOptionalString(readOwn(cause, 'reason')) || undefined;
  return createIssue(field === undefined ? [] : parseFieldPath(field), message, field, reason);
}

function parseStatus(body: Record<string, unknown>, status: number): BodyFacts {
  // `code` is the suggested HTTP status: dropped when it agrees with the real one, kept when not.
  const facts = readMembers(body, { message: 'detail', code: 'status' }, status);
  const { extensions } = facts;
  // api-conventions: "If this value is empty there is no information available."
  const reason = toOptionalString(readOwn(body, 'reason')) || undefined;
  if (reason !== undefined) delete extensions['reason'];
  // The members that only say "this is a Status" carry nothing for the model.
  if (typeof readOwn(body, 'kind') === 'string') delete extensions['kind'];
  if (typeof readOwn(body, 'apiVersion') === 'string') delete extensions['apiVersion'];
  if (typeof readOwn(body, 'status') === 'string') delete extensions['status'];
  if (isRecord(readOwn(body, 'metadata'))) delete extensions['metadata'];
  const details = readOwn(body, 'details');
  const causes = isRecord(details) ? readOwn(details, 'causes') : undefined;
  const issues = Array.isArray(causes) ? causes.flatMap((cause: unknown) => toIssue(cause) ?? []) : [];
  const retryAfterSeconds = isRecord(details) ? toCount(readOwn(details, 'retryAfterSeconds')) : undefined;
  return {
    ok: false,
    kind: reason !== undefined && Object.hasOwn(kindsByReason, reason) ? kindsByReason[reason] : undefined,
    detail: facts.detail || undefined,
    code: reason,
    issues,
    // A value of 0 is the default, meaning none was given.
    retryAfterMs: retryAfterSeconds && Number.isFinite(retryAfterSeconds * 1000) ? retryAfterSeconds * 1000 : undefined,
    extensions,
  };
}

/** Kubernetes `Status` bodies, recognised by `kind: "Status"` with an `apiVersion`. */
export const kubernetesDialect: DialectParser = {
  id: 'kubernetes',
  mediaTypes: [],
  requiresOneOf: ['kind'],
  detect: (body) => isRecord(body) && readOwn(body, 'kind') === 'Status' && typeof readOwn(body, 'apiVersion') === 'string',
  parse(body, { status }) {
    if (!isRecord(body)) return fromStatusAlone(body, status);
    // A Status that says "Failure" is an error whatever the status; a 2xx one (a DELETE) is data.
    return isSuccessStatus(status) && readOwn(body, 'status') !== 'Failure' ? { ok: true, data: body } : parseStatus(body, status);
  },
};
