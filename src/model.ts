/**
 * The one model every HTTP response becomes: an {@link ApiSuccess} or an {@link ApiError},
 * wrapped in an {@link ApiResult}. Plain data, `structuredClone`-able and JSON-able; an error is
 * frozen, a success is not (its `data` is the caller's to keep, and freezing costs on the hot path).
 */

/**
 * The response conventions faultline knows; `unknown` when none of them matched. The first four
 * are the seeds'; the others are the error shapes of widely used APIs and frameworks.
 */
export type Dialect =
  | 'plain'
  | 'problem'
  | 'status-message'
  | 'envelope'
  | 'json-api'
  | 'graphql'
  | 'google'
  | 'odata'
  | 'field-map'
  | 'spring'
  | 'status-code'
  | 'stripe'
  | 'slack'
  | 'aws'
  | 'kubernetes'
  | 'unknown';

/** What went wrong, from the caller's point of view. Follows the HTTP status first, the body second. */
export type ErrorKind =
  | 'bad_request'
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'payload_too_large'
  | 'unprocessable'
  | 'rate_limited'
  | 'server'
  | 'not_implemented'
  | 'unavailable'
  | 'timeout'
  | 'network'
  | 'aborted'
  | 'invalid_response'
  | 'unknown';

/** Every {@link ErrorKind}, in the order of the type. */
export const errorKinds: readonly ErrorKind[] = [
  'bad_request',
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'payload_too_large',
  'unprocessable',
  'rate_limited',
  'server',
  'not_implemented',
  'unavailable',
  'timeout',
  'network',
  'aborted',
  'invalid_response',
  'unknown',
];

/** One field-level problem. */
export interface Issue {
  /** Where in the request the problem is: `['items', 0, 'name']`; `[]` when not tied to a field. */
  readonly path: readonly (string | number)[];
  /** The server's own spelling of the field: `items[0].name`, `/items/0/name`. */
  readonly field?: string;
  readonly message: string;
  /** The server's machine code for the problem, as a string: `invalid_type`, `1001`. */
  readonly code?: string;
  /**
   * The limits and names a message about this code is made of (`{ origin: 'string', minimum: 3 }`),
   * so that faultline/i18n can say it in another language. Set by `fromZodError`.
   */
  readonly params?: Readonly<Record<string, IssueParam>>;
}

/** One fact of an issue's {@link Issue.params}. */
export type IssueParam = string | number | boolean | readonly (string | number)[];

/** One item of a batch request that the server refused (seed 004 `failures[]`). */
export interface ItemFailure {
  /** The item's index in the request collection (seed 004: from `metadata.invalidItems`). */
  readonly index: number;
  readonly rawData: unknown;
  readonly issues: readonly Issue[];
}

/** Rate-limit facts from `X-RateLimit-*`, `RateLimit-*` or `RateLimit` headers. */
export interface RateLimit {
  readonly limit?: number;
  readonly remaining?: number;
  /** When the window resets, in epoch milliseconds. */
  readonly resetAt?: number;
}

/** The fields every error has, whatever its kind. */
export interface ApiErrorBase {
  readonly kind: ErrorKind;
  /** The HTTP status; absent for network failures, timeouts on the client and aborts. */
  readonly status?: number;
  /** A short summary: the server's, else the standard status text. */
  readonly title: string;
  /** The server's explanation of this occurrence. */
  readonly detail?: string;
  /** The machine code from the body, as a string. */
  readonly code?: string;
  /** RFC 9457 problem type URI. */
  readonly type?: string;
  readonly instance?: string;
  readonly issues: readonly Issue[];
  /** Envelope batch failures, mapped to the request items by index (seed 004). */
  readonly failures: readonly ItemFailure[];
  readonly requestId?: string;
  readonly traceId?: string;
  /** How long to wait before trying again: from `Retry-After`, a rate-limit reset, or the body. */
  readonly retryAfterMs?: number;
  readonly rateLimit?: RateLimit;
  /** Whether sending the same request again may succeed. */
  readonly retryable: boolean;
  readonly dialect: Dialect;
  /** Body members the dialect does not define, kept as received. */
  readonly extensions: Readonly<Record<string, unknown>>;
  /** What was received: parsed JSON, or text. */
  readonly body: unknown;
}

/** Fields that a kind guarantees, so that narrowing on `kind` gives them their precise type. */
interface KindFields {
  /** The caller gave up: no response was received. */
  aborted: { readonly status?: undefined };
  /** Only an HTTP response says "too many requests". */
  rate_limited: { readonly status: number };
}

/** An error of one kind. */
export type ApiErrorOf<K extends ErrorKind> = Omit<ApiErrorBase, 'kind' | keyof (K extends keyof KindFields ? KindFields[K] : object)> & {
  readonly kind: K;
} & (K extends keyof KindFields ? KindFields[K] : object);

/**
 * A failed response, discriminated on `kind`.
 * @example
 * if (!result.ok && result.error.kind === 'rate_limited') wait(result.error.retryAfterMs);
 */
export type ApiError = { [K in ErrorKind]: ApiErrorOf<K> }[ErrorKind];

/** One HAL link (`_links` member), as in draft-kelly-json-hal. */
export interface HalLink {
  readonly href: string;
  readonly templated?: boolean;
  readonly type?: string;
  readonly deprecation?: string;
  readonly name?: string;
  readonly profile?: string;
  readonly title?: string;
  readonly hreflang?: string;
}

/** Page figures of a paged read (seed 004 `metadata`). */
export interface PageInfo {
  readonly page?: number;
  readonly pagesCount?: number;
  readonly recordsPerPage?: number;
  readonly recordsCount?: number;
}

/** Where the next chunk starts (seed 003 `{result, offset, hasNext}`). */
export interface Cursor {
  readonly offset: string;
  readonly hasNext: boolean;
}

/** What a batch write did with the items it received (seed 004 `metadata`). */
export interface BatchInfo {
  readonly receivedItemsCount?: number;
  readonly validItems?: readonly number[];
  readonly invalidItems?: readonly number[];
}

/** A successful response, its payload freed of envelopes and hypermedia controls. */
export interface ApiSuccess<T = unknown> {
  readonly status: number;
  /** The payload; `undefined` when the response had no body (204, HEAD). */
  readonly data: T;
  readonly links?: Readonly<Record<string, HalLink | readonly HalLink[]>>;
  readonly embedded?: Readonly<Record<string, unknown>>;
  readonly page?: PageInfo;
  readonly cursor?: Cursor;
  readonly batch?: BatchInfo;
  /** The `Location` header of a 201 Created or 202 Accepted (seed 001). */
  readonly location?: string;
  readonly dialect: Dialect;
  readonly requestId?: string;
  readonly traceId?: string;
  readonly body: unknown;
}

/** The result of normalizing a response: never thrown, always returned. */
export type ApiResult<T = unknown> = { readonly ok: true; readonly value: ApiSuccess<T> } | { readonly ok: false; readonly error: ApiError };
