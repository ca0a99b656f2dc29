/**
 * For callers who prefer exceptions: `unwrap` returns the success or throws a
 * {@link ResponseError} that carries the {@link ApiError}.
 */
import type { ApiError, ApiResult, ApiSuccess } from './model.ts';
import { errorKinds } from './model.ts';
import { isRecord } from './members.ts';

/** The error `unwrap` throws. `error` holds the normalized model. */
export class ResponseError extends Error {
  /** Always `'ResponseError'`. */
  override readonly name = 'ResponseError';
  /** The normalized error of the failed response. */
  readonly error: ApiError;

  constructor(error: ApiError) {
    if (!isApiError(error)) throw new TypeError(`ResponseError needs an ApiError, not ${String(error)}`);
    const status = error.status === undefined ? '' : `${error.status} `;
    super(`${status}${error.title}${error.detail === undefined ? '' : `: ${error.detail}`}`);
    this.error = error;
  }

  /** A brand that survives realms and duplicate copies of faultline, where `instanceof` does not. */
  get isResponseError(): true {
    return true;
  }
}

/** Whether a value is a {@link ResponseError}, from any copy of faultline or any realm. */
export function isResponseError(value: unknown): value is ResponseError {
  // The brand alone: an `instanceof` here would pull the class into every bundle that checks.
  return (typeof value === 'object' && value !== null && (value as { isResponseError?: unknown }).isResponseError === true && isApiError((value as { error?: unknown }).error));
}

/**
 * Whether a value is an {@link ApiError}: checked by shape, not by class, so that errors
 * from another copy of faultline, another realm or `structuredClone` are recognised.
 */
export function isApiError(value: unknown): value is ApiError {
  if (!isRecord(value)) return false;
  const { kind, title, issues, failures, retryable, dialect, extensions } = value;
  return typeof kind === 'string' && (errorKinds as readonly string[]).includes(kind) && typeof title === 'string' && Array.isArray(issues) && Array.isArray(failures) && typeof retryable === 'boolean' && typeof dialect === 'string' && typeof extensions === 'object' && extensions !== null;
}

/**
 * The success of a result, or a thrown {@link ResponseError}.
 * @example
 * const user = unwrap(await normalizeResponse<User>(response)).data;
 */
export function unwrap<T>(result: ApiResult<T>): ApiSuccess<T> {
  if (!isRecord(result) || typeof result.ok !== 'boolean') throw new TypeError(`Not an ApiResult: ${isRecord(result) ? 'an object without ok' : String(result)}`);
  if (result.ok) return result.value;
  throw new ResponseError(result.error);
}
