/**
 * The one constructor of {@link ApiError}: fills what the facts leave open (the title from the
 * status or kind, empty issues, whether to retry) and returns a frozen plain object whose
 * absent members are really absent, so it survives `structuredClone` and `JSON.stringify`.
 */
import type { ApiError, Dialect, ErrorKind, Issue, ItemFailure, RateLimit } from './model.ts';
import { isRetryableStatus, toKindTitle, toReasonPhrase } from './status.ts';

/** What an error is made of; every member but `kind` may be left out. */
export interface ApiErrorInit {
  kind: ErrorKind;
  status?: number | undefined;
  title?: string | undefined;
  detail?: string | undefined;
  code?: string | undefined;
  type?: string | undefined;
  instance?: string | undefined;
  issues?: readonly Issue[] | undefined;
  failures?: readonly ItemFailure[] | undefined;
  requestId?: string | undefined;
  traceId?: string | undefined;
  retryAfterMs?: number | undefined;
  rateLimit?: RateLimit | undefined;
  retryable?: boolean | undefined;
  dialect?: Dialect | undefined;
  extensions?: Readonly<Record<string, unknown>> | undefined;
  body?: unknown;
}

// Kinds that are worth another try whatever the status (a 2xx envelope `system` error, seed 004).
const retryableKinds: ReadonlySet<ErrorKind> = new Set(['server', 'unavailable', 'timeout', 'network', 'rate_limited']);

/** The default of `retryable`: by status when there is one (RELIABILITY.md "Client"), else by kind. */
export function isRetryable(kind: ErrorKind, status: number | undefined, hasRetryAfter: boolean): boolean {
  return status !== undefined && status >= 400 ? isRetryableStatus(status, hasRetryAfter) : retryableKinds.has(kind);
}

/** Builds a frozen {@link ApiError}. */
export function toApiError(init: ApiErrorInit): ApiError {
  const { kind, status } = init;
  const error: Record<string, unknown> = { kind };
  if (status !== undefined) error['status'] = status;
  error['title'] = init.title ?? (status === undefined ? undefined : toReasonPhrase(status)) ?? toKindTitle(kind);
  if (init.detail !== undefined) error['detail'] = init.detail;
  if (init.code !== undefined) error['code'] = init.code;
  if (init.type !== undefined) error['type'] = init.type;
  if (init.instance !== undefined) error['instance'] = init.instance;
  error['issues'] = Object.freeze(init.issues ?? []);
  error['failures'] = Object.freeze(init.failures ?? []);
  if (init.requestId !== undefined) error['requestId'] = init.requestId;
  if (init.traceId !== undefined) error['traceId'] = init.traceId;
  if (init.retryAfterMs !== undefined) error['retryAfterMs'] = init.retryAfterMs;
  if (init.rateLimit !== undefined) error['rateLimit'] = init.rateLimit;
  error['retryable'] = init.retryable ?? isRetryable(kind, status, init.retryAfterMs !== undefined);
  error['dialect'] = init.dialect ?? 'unknown';
  error['extensions'] = Object.freeze(init.extensions ?? {});
  error['body'] = init.body;
  return Object.freeze(error) as unknown as ApiError;
}
