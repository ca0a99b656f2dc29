// Helpers for the tests of the client's signals: how many abort listeners a signal still holds.

/** Wraps a signal's listener methods to count the abort listeners left registered. */
export function countListeners(signal: AbortSignal): () => number {
  const registered = new Set<unknown>();
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((type: string, listener: EventListener, options?: AddEventListenerOptions) => {
    if (type === 'abort') registered.add(listener);
    add(type, listener, options);
  }) as typeof signal.addEventListener;
  signal.removeEventListener = ((type: string, listener: EventListener, options?: EventListenerOptions) => {
    if (type === 'abort') registered.delete(listener);
    remove(type, listener, options);
  }) as typeof signal.removeEventListener;
  return () => registered.size;
}
