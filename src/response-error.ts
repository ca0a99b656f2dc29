/**
 * For callers who prefer exceptions: `unwrap` returns the success or throws a
 * {@link ResponseError} that carries the {@link ApiError}.
 */
import type { ApiError, ApiResult, ApiSuccess } from './model.ts';
import { errorKinds } from './model.ts';
import { isRecord } from './members.ts';
import { toSafeText } from './safe-text.ts';
import { cutWhole } from './cut-text.ts';

/** At most this many characters of a message: an error tracker's title, a log line's. */
const maxMessageLength = 300;

/**
 * A message for one log line: a server's text with its controls and bidirectional characters
 * escaped (`\n`, `\u001b`, {@link toSafeText}), so that it forges no line of a log or sequence of a terminal, and cut to
 * {@link maxMessageLength} characters, never inside an escape or a surrogate pair (a 900 KB
 * server message made a 900 KB tracker title). The model keeps the text whole.
 */
function toMessage(text: string): string {
  const line = toSafeText(text);
  if (line.length <= maxMessageLength) return line;
  const end = maxMessageLength - 1;
  const escape = line.lastIndexOf('\\', end - 1);
  return `${cutWhole(line, escape !== -1 && escape + (line[escape + 1] === 'u' ? 6 : 2) > end ? escape : end)}…`;
}

/** The error `unwrap` throws. `error` holds the normalized model. */
export class ResponseError extends Error {
  /** Always `'ResponseError'`. */
  override readonly name = 'ResponseError';
  /** The normalized error of the failed response. */
  readonly error: ApiError;

  constructor(error: ApiError) {
    if (!isApiError(error)) throw new TypeError(`ResponseError needs an ApiError, not ${String(error)}`);
    const status = error.status === undefined ? '' : `${error.status} `;
    super(toMessage(`${status}${error.title}${error.detail === undefined ? '' : `: ${error.detail}`}`));
    this.error = error;
  }

  /** What `JSON.stringify` writes (a log line): the name, the message and the error (an Error's own `message` is not enumerable). */
  toJSON(): { name: string; message: string; error: ApiError } {
    return { name: this.name, message: this.message, error: this.error };
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
