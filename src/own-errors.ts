/**
 * The errors this server made to answer with (`createError`, `fromZodError`). `fromError` gives
 * such an error back as it is, while any other `ApiError` thrown in a route — `result.error` of a
 * faultline/fetch call, an error `normalize` read — is an upstream API's answer, passed on as a
 * gateway would. The set lives in the global symbol registry, so that the ESM and CJS copies of
 * faultline in one process know each other's errors; it holds them weakly.
 */
const registryKey: unique symbol = /* @__PURE__ */ Symbol.for('faultline.own-errors') as never;

/** This copy's own set, where the global one cannot be made (a frozen `globalThis`, as under SES). */
let local: WeakSet<object> | undefined;

function ownErrors(): WeakSet<object> {
  const holder = globalThis as { [registryKey]?: WeakSet<object> };
  try {
    return (holder[registryKey] ??= new WeakSet());
  } catch {
    return (local ??= new WeakSet());
  }
}

/** Marks an error as this server's own, and returns it. */
export function markOwn<T extends object>(error: T): T {
  ownErrors().add(error);
  return error;
}

/** Whether this server made the error (see {@link markOwn}). */
export const isOwn = (error: object): boolean => ownErrors().has(error);
