/**
 * The retry policy, as pure functions: which request may be sent again after which error, and
 * how long to wait first. RELIABILITY.md "Client" decides every default; ky's policy is the model.
 * When a server says when to come back, `normalize` has already read it into `retryAfterMs`
 * (from `Retry-After`, `X-RateLimit-Reset` or `RateLimit-Reset`, see ../retry-timing.ts), so
 * nothing here parses a header.
 */
import type { ApiError } from '../model.ts';
import { isRetryableStatus } from '../status.ts';

/** How a client retries. Every member has a default; a number given as `retry` sets `limit`. */
export interface RetryOptions {
  /** How many times a request is sent again: `limit = N` makes at most N + 1 requests. @default 2 */
  readonly limit?: number | undefined;
  /** The methods that may be sent again; POST and PATCH also are when an `Idempotency-Key` is set. @default ['GET', 'PUT', 'HEAD', 'DELETE', 'OPTIONS'] */
  readonly methods?: readonly string[] | undefined;
  /** The error statuses that are retried; 413 only when the server said when to come back. @default [408, 413, 429, 500, 502, 503, 504] */
  readonly statusCodes?: readonly number[] | undefined;
  /** The first backoff step in ms; attempt n waits `random() * min(backoffLimitMs, delayMs * 2^n)`. @default 300 */
  readonly delayMs?: number | undefined;
  /** The cap of the exponential backoff, in ms. @default 10_000 */
  readonly backoffLimitMs?: number | undefined;
  /** The longest server-given delay (`Retry-After`, a rate-limit reset) honoured; longer ones are cut to it. @default 60_000 */
  readonly maxRetryAfterMs?: number | undefined;
  /** The source of randomness of the jitter, for tests. @default Math.random */
  readonly random?: (() => number) | undefined;
  /**
   * Decides, in place of `statusCodes` and the defaults, whether an error is retried: `true`
   * retries it, `false` does not, `undefined` leaves it to them. `error => error.retryable ||
   * undefined` also retries what the model calls retryable under another status (AWS throttling
   * in a 400, Anthropic's 529, a 409 Stripe marks `Stripe-Should-Retry: true`). `limit`, `methods`, the caller's abort and the total timeout
   * still hold. What it throws propagates, as a hook's does.
   */
  readonly shouldRetry?: ((error: ApiError, retry: number) => boolean | undefined | Promise<boolean | undefined>) | undefined;
}

/** {@link RetryOptions} with every default filled in. */
export interface RetryPolicy {
  /** How many times a request may be sent again: at most `limit + 1` requests in all. */
  readonly limit: number;
  /** The methods that may be sent again, upper-cased (POST and PATCH also with an `Idempotency-Key`). */
  readonly methods: readonly string[];
  /** The error statuses that are retried; 413 only with a server-given delay. */
  readonly statusCodes: readonly number[];
  /** The first backoff step, in ms. */
  readonly delayMs: number;
  /** The cap of the exponential backoff, in ms. */
  readonly backoffLimitMs: number;
  /** The longest server-given delay honoured, in ms; longer ones are cut to it. */
  readonly maxRetryAfterMs: number;
  /** The source of the jitter's randomness, returning [0, 1). */
  readonly random: () => number;
  /** The caller's own decision, before the status list's. */
  readonly shouldRetry: RetryOptions['shouldRetry'];
}

/** The longest delay `setTimeout` keeps: longer ones fire at once in browsers and Node. */
export const maxTimerMs = 2_147_483_647;

const defaultMethods: readonly string[] = ['GET', 'PUT', 'HEAD', 'DELETE', 'OPTIONS'];
/** Frozen: `toRetryPolicy` hands it out, and a `push` through a cast would change every client's retries. */
const defaultStatusCodes: readonly number[] = /* @__PURE__ */ Object.freeze([408, 413, 429, 500, 502, 503, 504]);

/** A count or a time given, else the default; a negative or NaN one is a mistake, said at once rather than replaced. */
function toCount(options: RetryOptions, name: 'limit' | 'delayMs' | 'backoffLimitMs' | 'maxRetryAfterMs', fallback: number): number {
  const value = options[name];
  if (value === undefined) return fallback;
  if (typeof value === 'number' && value >= 0) return value;
  throw new (typeof value === 'number' ? RangeError : TypeError)(`retry.${name} must be a number of 0 or more, not ${typeof value === 'number' ? value : `a ${typeof value}`}`);
}

/** Retry options as an object: a number is the limit. Anything else (`false`, as ofetch takes it) is a TypeError, not the defaults. */
function toRetryOptions(retry: number | RetryOptions | undefined): RetryOptions {
  if (typeof retry === 'number') return { limit: retry };
  if (retry != null && (typeof retry !== 'object' || Array.isArray(retry))) throw new TypeError(`retry must be a number (the limit; 0 for none) or retry options, not ${JSON.stringify(retry)}`);
  return retry ?? {};
}

/**
 * A call's retry options over the client's: what the call names wins, the rest stays the client's
 * (ky's rule: "If `retry` is a number, it will be used as `limit` and other defaults will remain
 * in place"). A member given as `undefined` is not given.
 */
export function mergeRetryOptions(client: number | RetryOptions | undefined, call: number | RetryOptions): RetryOptions {
  const merged: Record<string, unknown> = { ...toRetryOptions(client) };
  const own = toRetryOptions(call);
  for (const name of Object.keys(own)) if (own[name as keyof RetryOptions] !== undefined) merged[name] = own[name as keyof RetryOptions];
  return merged;
}

/** Fills in the defaults of RELIABILITY.md "Client". */
export function toRetryPolicy(retry: number | RetryOptions | undefined): RetryPolicy {
  const options = toRetryOptions(retry);
  const { shouldRetry } = options;
  if (shouldRetry !== undefined && typeof shouldRetry !== 'function') throw new TypeError(`retry.shouldRetry must be a function, not ${typeof shouldRetry}`);
  return {
    limit: Math.floor(toCount(options, 'limit', 2)),
    methods: (options.methods ?? defaultMethods).map((method) => method.toUpperCase()),
    statusCodes: options.statusCodes ?? defaultStatusCodes,
    delayMs: toCount(options, 'delayMs', 300),
    backoffLimitMs: toCount(options, 'backoffLimitMs', 10_000),
    maxRetryAfterMs: toCount(options, 'maxRetryAfterMs', 60_000),
    random: options.random ?? Math.random,
    shouldRetry,
  };
}

/**
 * Whether the method may be sent again. POST and PATCH are not idempotent (RFC 9110 §9.2.2);
 * with an `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header) the server dedupes them.
 */
export function isRetryableMethod(policy: RetryPolicy, method: string, hasIdempotencyKey: boolean): boolean {
  return policy.methods.includes(method) || (hasIdempotencyKey && (method === 'POST' || method === 'PATCH'));
}

/**
 * Whether an error may go away on its own. Statuses follow the policy's list (413 only with a
 * server-given delay; 400 401 403 404 422 never are in it). An error inside a 2xx (a seed 004
 * envelope `type: "system"`) is retryable like a 5xx, a validation error never: the error's own
 * `retryable` says which. Without a status, network failures and attempt timeouts are retried;
 * aborts, total timeouts and unreadable responses are not (`attemptTimedOut` tells them apart).
 */
export function isRetryableError(policy: RetryPolicy, error: ApiError, attemptTimedOut: boolean): boolean {
  const { status } = error;
  if (status !== undefined && status >= 400) {
    if (!policy.statusCodes.includes(status)) return false;
    // A status that is retried unless the server says otherwise, marked not retryable: the server
    // said so (`Stripe-Should-Retry: false`, OpenAI's `insufficient_quota` 429), no retry succeeds.
    if (!error.retryable && isRetryableStatus(status, true)) return false;
    return status !== 413 || isRetryableStatus(status, error.retryAfterMs !== undefined);
  }
  if (status !== undefined) return error.retryable && error.kind !== 'invalid_response';
  return error.kind === 'network' || (error.kind === 'timeout' && attemptTimedOut);
}

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and
 * Jitter"): attempt 0 waits up to `delayMs`, each next one twice as long, never over the cap.
 */
export function toBackoffMs(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.backoffLimitMs, policy.delayMs * 2 ** attempt, maxTimerMs);
  return policy.random() * ceiling;
}

/**
 * How long to wait before attempt `attempt + 1`: the server's delay when it gave one — exactly,
 * without jitter, cut to `maxRetryAfterMs` — else the backoff. Never more than a timer holds.
 */
export function toRetryDelayMs(policy: RetryPolicy, error: ApiError, attempt: number): number {
  const given = error.retryAfterMs;
  if (given !== undefined && Number.isFinite(given) && given >= 0) return Math.min(given, policy.maxRetryAfterMs, maxTimerMs);
  return toBackoffMs(policy, attempt);
}
