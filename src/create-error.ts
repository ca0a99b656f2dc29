/**
 * The one constructor of {@link ApiError}: fills what the facts leave open (the title from the
 * status or kind, empty issues, whether to retry) and returns a frozen plain object whose
 * absent members are really absent, so it survives `structuredClone` and `JSON.stringify`.
 */
import { emptyList, isRecord, toOptionalString as text, toOwnView } from './members.ts';
import type { ApiError, DialectId, ErrorKind, Issue, ItemFailure, RateLimit } from './model.ts';
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
  dialect?: DialectId | undefined;
  extensions?: Readonly<Record<string, unknown>> | undefined;
  body?: unknown;
}

const emptyExtensions: Readonly<Record<string, unknown>> = /* @__PURE__ */ Object.freeze({});

/** The default of `retryable`: by status when there is one (RELIABILITY.md "Client"), else by kind. */
export function isRetryable(kind: ErrorKind, status: number | undefined, hasRetryAfter: boolean): boolean {
  // Without an error status (a 2xx envelope `system` error, seed 004; a dropped connection) the
  // kind decides; with one, the status does — and also a rate limit, an outage or a time-out the
  // body or a proxy names (AWS sends throttling as a 400; Cloudflare time-outs are 522 and 524).
  return status !== undefined && status >= 400
    ? isRetryableStatus(status, hasRetryAfter) || kind === 'rate_limited' || kind === 'unavailable' || kind === 'timeout'
    : kind === 'server' || kind === 'unavailable' || kind === 'timeout' || kind === 'network' || kind === 'rate_limited';
}

// A list that is no array (a custom dialect's bug) is none: the model's `issues` is always a list.
const frozenList = <T>(list: readonly T[] | undefined): readonly T[] => (Array.isArray(list) && list.length > 0 ? Object.freeze(list) : emptyList);

/**
 * Builds a frozen {@link ApiError}; members are written in the order of the model, absent ones
 * left out. A member of the wrong type — which only a custom dialect's bug can give — is left
 * out too, so that the model keeps its types and `isApiError` holds for it.
 */
export function toApiError(given: ApiErrorInit): ApiError {
  const init = toOwnView(given);
  const { kind, status, extensions } = init;
  const retryAfterMs = typeof init.retryAfterMs === 'number' ? init.retryAfterMs : undefined;
  // Explicit assignments: a loop over member names or `delete` costs 5 to 20 times as much here.
  const error: Record<string, unknown> = { kind };
  if (status !== undefined) error['status'] = status;
  // An empty title says nothing: the status text (or the kind's title) stands in for it.
  error['title'] = text(init.title) || (status === undefined ? undefined : toReasonPhrase(status)) || toKindTitle(kind);
  const { detail, code, type, instance, requestId, traceId } = init;
  if (text(detail) !== undefined) error['detail'] = detail;
  if (text(code) !== undefined) error['code'] = code;
  if (text(type) !== undefined) error['type'] = type;
  if (text(instance) !== undefined) error['instance'] = instance;
  error['issues'] = frozenList(init.issues);
  error['failures'] = frozenList(init.failures);
  if (text(requestId) !== undefined) error['requestId'] = requestId;
  if (text(traceId) !== undefined) error['traceId'] = traceId;
  if (retryAfterMs !== undefined) error['retryAfterMs'] = retryAfterMs;
  if (isRecord(init.rateLimit)) error['rateLimit'] = init.rateLimit;
  error['retryable'] = typeof init.retryable === 'boolean' ? init.retryable : isRetryable(kind, status, retryAfterMs !== undefined);
  error['dialect'] = text(init.dialect) ?? 'unknown';
  // Frozen in place, not copied: a copy cost a tenth of normalize. A custom dialect gives a fresh
  // object (README "Fewer dialects, or your own"), as the built-in ones do.
  error['extensions'] = isRecord(extensions) && Object.keys(extensions).length > 0 ? Object.freeze(extensions) : emptyExtensions;
  error['body'] = init.body;
  return Object.freeze(error) as unknown as ApiError;
}
