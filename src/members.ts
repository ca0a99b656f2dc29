/**
 * Reading untrusted JSON without trusting its prototype. Every read of a body member goes
 * through `Object.keys` or {@link readOwn}, so a polluted `Object.prototype` never leaks in,
 * and every write of a received key goes through {@link setMember}, so `__proto__` stays data.
 */

const hasOwn = Object.prototype.hasOwnProperty;

/** A JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value of an own property, never an inherited one. */
export function readOwn(target: object, key: string): unknown {
  return hasOwn.call(target, key) ? (target as Record<string, unknown>)[key] : undefined;
}

/**
 * A member of `target` itself or of a prototype of its class: a Web `Response`'s `status` and
 * `headers` are accessors of Response.prototype. Never one Object.prototype lends, polluted or
 * not; `undefined` when `target` is no record (a text, a list, nothing).
 */
export function readClassMember(target: unknown, key: string): unknown {
  if (!isRecord(target)) return undefined;
  for (let owner: object | null = target; owner !== null && owner !== Object.prototype; owner = Object.getPrototypeOf(owner) as object | null) {
    if (hasOwn.call(owner, key)) return (target as Record<string, unknown>)[key];
  }
  return undefined;
}

/** Stores a received member; a `__proto__` key becomes an own data property, not a prototype. */
export function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * Whether a text starts with an `http:` or `https:` scheme, in any case (RFC 3986 §3.1). Prefixes
 * rather than a regex literal: happy-dom's module loader (pages tested in it import faultline)
 * misread `/^https?:/i` and left a chunk's exports undefined.
 */
export function isHttpUrl(text: string): boolean {
  const scheme = text.slice(0, 6).toLowerCase();
  return scheme === 'https:' || scheme.startsWith('http:');
}

/** A URL a next page may be at: absolute, or a path (a relative one is resolved by the client). */
export const isPageUrl = (value: unknown): value is string => typeof value === 'string' && (value.startsWith('/') || isHttpUrl(value));

/** A string as is; anything else absent (RFC 9457 §3.1: a member of the wrong type is ignored). */
export function toOptionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A machine code as a string: `"E42"` or `1001` (seed 004 codes are integers); anything else absent. */
export function toCode(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

/** A machine code such as OAuth's `invalid_grant` (RFC 6749 §5.2) or Resend's `validation_error`: lower-case words joined by `_`. */
export const snakeCaseCode: RegExp = /^[a-z\d]+(_[a-z\d]+)+$/;

/** A machine code in capitals joined by `_`, as Airtable's `NOT_FOUND` and Firebase Auth's `EMAIL_EXISTS`. */
export const screamingSnakeCaseCode: RegExp = /^[A-Z][A-Z\d]*(_[A-Z\d]+)+$/;

/** A non-negative integer, or absent. */
export function toCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** A frozen empty array, shared: most errors have no issues and no failures, and freezing costs. Pure, so that a bundle that never uses it (faultline/i18n) drops it. */
export const emptyList: readonly never[] = /* @__PURE__ */ Object.freeze([]) as readonly never[];

/**
 * Whether `Object.prototype` carries no enumerable member of its own making. Pollution through
 * JSON merges assigns, so it is enumerable; while this holds, a plain object's named reads see
 * only its own members and the hot path can skip per-read checks.
 */
export function isPrototypeClean(): boolean {
  for (const _ in emptyRecord) return false;
  return true;
}

const emptyRecord = {};

/**
 * A copy of `target`'s own members on no prototype, so that named reads of it cannot reach a
 * polluted `Object.prototype`. Spread defines members, so a `__proto__` key stays data.
 */
export function toOwnCopy<T extends object>(target: T): T {
  return { __proto__: null, ...target };
}

/** `target` itself while `Object.prototype` is clean, else {@link toOwnCopy} of it: named reads of it see only its own members. */
export function toOwnView<T extends object>(target: T): T {
  return isPrototypeClean() ? target : toOwnCopy(target);
}
