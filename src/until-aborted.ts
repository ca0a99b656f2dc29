/**
 * A wait ended by an `AbortSignal`, whether or not what is waited for honours it: a hook, a
 * custom `fetch` (a mock, a polyfill) or a body stream that ignores the signal would otherwise
 * hold a call past its abort or time-out (README "Timeouts": the signal is respected at every
 * stage). In the core: `normalizeResponse`'s body read uses it as the client's hooks do.
 */

/** What {@link untilAborted} gives when the signal fired first. */
export const abortedFirst: unique symbol = /* @__PURE__ */ Symbol('aborted');

/**
 * What `work` gives (a hook's answer, a fetch's response, a body read), or {@link abortedFirst}
 * as soon as `signal` aborts, whichever comes first. The work runs on; a `Response` it gives after
 * the abort is cancelled, so that its connection is freed, and what it throws after the abort has
 * no caller left to hear it: it is dropped, never an unhandled rejection. One listener for the
 * whole wait, none without a signal.
 */
export function untilAborted<T>(work: T | PromiseLike<T>, signal: AbortSignal | undefined): Promise<T | typeof abortedFirst> {
  // Any thenable, not only this realm's Promise: a fetch of another realm (a vm context, a test
  // environment's window) gives its own.
  if (!signal || typeof (work as Partial<PromiseLike<T>> | null | undefined)?.then !== 'function') return Promise.resolve(work);
  return new Promise((resolve, reject) => {
    // An abort before: the event has fired already (a hook that aborted before its first await).
    let late = signal.aborted;
    const onAbort = (): void => {
      late = true;
      resolve(abortedFirst);
    };
    if (late) resolve(abortedFirst);
    else signal.addEventListener('abort', onAbort, { once: true });
    (work as PromiseLike<T>).then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        // By shape: a Response of another realm or polyfill holds a connection too.
        if (late) (value as { body?: { cancel?: () => Promise<void> } } | null)?.body?.cancel?.().catch(() => {});
        resolve(value);
      },
      (failure: unknown) => {
        signal.removeEventListener('abort', onAbort);
        // After the abort, what the work throws has no caller left to hear it.
        if (!late) reject(failure);
      },
    );
  });
}
