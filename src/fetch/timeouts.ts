/**
 * Signals for one attempt and waits between attempts. The caller's signal, the attempt timeout
 * and the total deadline become one `AbortController` per attempt, and every listener put on the
 * caller's signal is taken off again when the attempt ends. `AbortSignal.any` (Node 20.3+) is not
 * used: it is missing in older runtimes and keeps its sources referenced until collected.
 */
import { maxTimerMs } from './retry.ts';

/** Why an attempt's signal fired. `attempt`: its own timeout; `total`: the request's deadline. */
export type AbortCause = 'aborted' | 'attempt' | 'total';

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

/**
 * Why the caller's signal aborted. `AbortSignal.timeout(ms)` aborts with a `DOMException` named
 * `TimeoutError` (DOM standard §3.2): the caller's own deadline for the whole request, a `total`
 * time-out as `totalTimeoutMs` is, not an abort.
 */
export const toCallerCause = (reason: unknown): AbortCause => ((reason as { name?: unknown } | null)?.name === 'TimeoutError' ? 'total' : 'aborted');

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
