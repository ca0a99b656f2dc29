/**
 * Signals for one attempt and waits between attempts. The caller's signal, the attempt timeout
 * and the total deadline become one `AbortController` per attempt, and every listener put on the
 * caller's signal is taken off again when the attempt ends. `AbortSignal.any` (Node 20.3+) is not
 * used: it is missing in older runtimes and keeps its sources referenced until collected.
 */
import { maxTimerMs } from './retry.ts';

/**
 * Why an attempt's signal fired. `aborted`: the caller's signal; `expired`: the caller's signal
 * timed out (`AbortSignal.timeout`); `attempt`: its own timeout; `total`: the request's deadline.
 */
export type AbortCause = 'aborted' | 'expired' | 'attempt' | 'total';

/** The signal of one attempt, and how to let go of it. */
export interface AttemptSignal {
  readonly signal: AbortSignal | undefined;
  /** Why the signal fired; `undefined` while it has not. */
  readonly cause: () => AbortCause | undefined;
  /** Clears the timer and removes the listener on the caller's signal. */
  readonly release: () => void;
}

const noCause = (): undefined => undefined;
const nothing = (): void => {};
const unlinked: AttemptSignal = { signal: undefined, cause: noCause, release: nothing };

/** A member of an abort reason, which may be any value: `undefined` where reading it throws. */
function readReason(reason: unknown, member: string): unknown {
  try {
    return (reason as Record<string, unknown> | null | undefined)?.[member];
  } catch {
    return undefined;
  }
}

/**
 * Why the caller's signal aborted. `AbortSignal.timeout(ms)` aborts with a `DOMException` named
 * `TimeoutError` (DOM standard §3.2): the caller's own deadline for the whole request, a time-out
 * that ends it as `totalTimeoutMs` does, not an abort.
 */
export const toCallerCause = (reason: unknown): AbortCause => (readReason(reason, 'name') === 'TimeoutError' ? 'expired' : 'aborted');

/** The message of a plain `abort()`'s reason, which each runtime words its own way. */
let plainAbortMessage: unknown;

/**
 * The caller's abort reason as text, for the error's detail: the model must survive
 * `structuredClone` and `JSON.stringify`, which the reason itself (any value) may not. A string
 * as it is, an Error's message, another object as JSON, a number or other primitive as text;
 * `undefined` for none, and for the runtime's own reasons, which say no more than the kind: a
 * plain `abort()`'s, and `AbortSignal.timeout`'s (a `DOMException` named `TimeoutError`).
 */
export function toReasonText(reason: unknown): string | undefined {
  // No reason (the client's own total timeout): nothing to add, not the text "undefined".
  if (reason === undefined) return undefined;
  const message = readReason(reason, 'message');
  if (typeof message !== 'string') {
    try {
      // A function or symbol gives no JSON; a cycle or a BigInt inside throws.
      return (typeof reason === 'object' ? JSON.stringify(reason) : typeof reason === 'function' ? undefined : String(reason)) || undefined;
    } catch {
      return undefined;
    }
  }
  if (plainAbortMessage === undefined) {
    const controller = new AbortController();
    controller.abort();
    plainAbortMessage = readReason(controller.signal.reason, 'message') ?? null;
  }
  return message && message !== plainAbortMessage && !(readReason(reason, 'name') === 'TimeoutError' && typeof DOMException === 'function' && reason instanceof DOMException) ? message : undefined;
}

/** An abort reason of the kind `fetch` uses for timeouts (`DOMException` named `TimeoutError`). */
function toTimeoutReason(): unknown {
  try {
    return new DOMException('The operation timed out', 'TimeoutError');
  } catch {
    return new Error('The operation timed out');
  }
}

/**
 * Links the caller's signal and a timeout of `timeoutMs` (attempt or total, whichever ends
 * first: `totalEnds` says which) into one signal for one attempt.
 */
export function linkAttemptSignal(callerSignal: AbortSignal | undefined, timeoutMs: number, totalEnds: boolean): AttemptSignal {
  const timed = Number.isFinite(timeoutMs);
  if (!callerSignal && !timed) return unlinked;
  const controller = new AbortController();
  let cause: AbortCause | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onAbort = (): void => {
    cause ??= toCallerCause(callerSignal?.reason);
    controller.abort(callerSignal?.reason);
  };
  if (callerSignal) {
    if (callerSignal.aborted) onAbort();
    else callerSignal.addEventListener('abort', onAbort);
  }
  if (timed && !cause) {
    timer = setTimeout(
      () => {
        cause ??= totalEnds ? 'total' : 'attempt';
        controller.abort(toTimeoutReason());
      },
      Math.max(0, Math.min(timeoutMs, maxTimerMs)),
    );
  }
  return {
    signal: controller.signal,
    cause: () => cause,
    release: () => {
      if (timer !== undefined) clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
    },
  };
}

/** Waits `ms` (cut to what a timer holds); resolves `false` at once when `signal` aborts, `true` otherwise. */
export function waitFor(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(false);
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(true);
      },
      Math.max(0, Math.min(ms, maxTimerMs)),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
