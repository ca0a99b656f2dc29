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
  | 'tencent'
  | 'cloudflare'
  | 'jsend'
  | 'quickbooks'
  | 'kraken'
  | 'json-rpc'
  | 'unknown';

/**
 * The id of the dialect that read a response: a built-in {@link Dialect}, or the id of a custom
 * dialect given to `createNormalizer` (`'acme'`), which a built-in union would refuse to compare.
 */
export type DialectId = Dialect | (string & {});

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
  /** What is wrong, in the server's (or the validator's) words. */
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
  /** The item's data as the server sent it back (seed 004 `rawData`: "raw item data as the API understands it"). */
  readonly rawData: unknown;
  /** What is wrong with this item; paths are relative to the item (the error's `issues` prefix them with `index`). */
  readonly issues: readonly Issue[];
}

/** Rate-limit facts from the `X-RateLimit-Limit / -Remaining / -Reset` or `RateLimit-Limit / -Remaining / -Reset` headers, else from the body (Vercel's `error.limit`). */
export interface RateLimit {
  /** Requests allowed in the window: `X-RateLimit-Limit`, else `RateLimit-Limit`. */
  readonly limit?: number;
  /** Requests left in the current window: `X-RateLimit-Remaining`, else `RateLimit-Remaining`. */
  readonly remaining?: number;
  /** When the window resets, in epoch milliseconds. */
  readonly resetAt?: number;
}

/** The fields every error has, whatever its kind. */
export interface ApiErrorBase {
  /** What went wrong: the HTTP status decides, the body refines a status that says little (a 2xx envelope error, a plain 400 or 422). */
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
  /** A URI reference to this occurrence (RFC 9457 §3.1.5), also read from Spring's `path` and JSON:API's `links.about`. */
  readonly instance?: string;
  /** Field-level problems; `[]` when the error is not about fields. */
  readonly issues: readonly Issue[];
  /** Envelope batch failures, mapped to the request items by index (seed 004). */
  readonly failures: readonly ItemFailure[];
  /** The request id: the body's, else the `X-Request-Id` / `Request-Id` header (or AWS's and Slack's own). */
  readonly requestId?: string;
  /** The trace id: the body's, else `X-Trace-Id` or the trace-id of a W3C `traceparent` header. */
  readonly traceId?: string;
  /** How long to wait before trying again: from `Retry-After`, a rate-limit reset, or the body. */
  readonly retryAfterMs?: number;
  /** The rate-limit headers of the response, else the figures its body names; absent when it sent none. */
  readonly rateLimit?: RateLimit;
  /** Whether sending the same request again may succeed. */
  readonly retryable: boolean;
  /** The dialect that read the body (a custom dialect's id too); `unknown` when none did (and for failures without a response). */
  readonly dialect: DialectId;
  /** Body members the dialect does not define, kept as received. */
  readonly extensions: Readonly<Record<string, unknown>>;
  /** What was received: parsed JSON, or text. */
  readonly body: unknown;
}

/** Fields that a kind guarantees, so that narrowing on `kind` gives them their precise type. */
export interface KindFields {
  /** The caller gave up: no response was received. */
  aborted: {
    /** Always absent: no response came, so there is no status. */
    readonly status?: undefined;
  };
  /** Only an HTTP response says "too many requests". */
  rate_limited: {
    /** Always present: 429, or the status of a response whose body names a rate limit (AWS throttles with a 400). */
    readonly status: number;
  };
}

/** An error of one kind. */
export type ApiErrorOf<K extends ErrorKind> = Omit<ApiErrorBase, 'kind' | keyof (K extends keyof KindFields ? KindFields[K] : object)> & {
  /** The one kind of this variant. */
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
  /** The target: a URI, or a URI template when `templated` (§5.1). */
  readonly href: string;
  /** Whether `href` is a URI template (RFC 6570) to fill in (§5.2). */
  readonly templated?: boolean;
  /** A hint of the target's media type (§5.3). */
  readonly type?: string;
  /** A URL explaining that the link is deprecated (§5.4). */
  readonly deprecation?: string;
  /** A secondary key that tells apart links of one relation (§5.5). */
  readonly name?: string;
  /** A URI of a profile of the target resource, RFC 6906 (§5.6). */
  readonly profile?: string;
  /** A human-readable label of the link (§5.7). */
  readonly title?: string;
  /** The language of the target resource (§5.8). */
  readonly hreflang?: string;
}

/** Page figures of a paged read (seed 004 `metadata`). */
export interface PageInfo {
  /** The current page number. */
  readonly page?: number;
  /** The total number of pages. */
  readonly pagesCount?: number;
  /** The most records a page holds. */
  readonly recordsPerPage?: number;
  /** The total number of records in the collection. */
  readonly recordsCount?: number;
}

/** Where the next chunk starts (seed 003 `{result, offset, hasNext}`). */
export interface Cursor {
  /** The `offset` to send for the next chunk (seed 003: the next id, or the running count of a `sliceSize` read); `''` when the body gave none. */
  readonly offset: string;
  /** Whether another chunk follows; `false` on the last one. */
  readonly hasNext: boolean;
}

/** What a batch write did with the items it received (seed 004 `metadata`). */
export interface BatchInfo {
  /** How many items the request carried. */
  readonly receivedItemsCount?: number;
  /** Indices of the valid items in the request collection. */
  readonly validItems?: number[];
  /** Indices of the invalid items in the request collection; `failures` map to them in order. */
  readonly invalidItems?: number[];
}

/** A successful response, its payload freed of envelopes and hypermedia controls. */
export interface ApiSuccess<T = unknown> {
  /** The HTTP status, a 2xx. */
  readonly status: number;
  /** The payload; `undefined` when the response had no body (204, HEAD). */
  readonly data: T;
  /** Links by relation: HAL `_links` (problem dialect) or JSON:API's top-level `links`. */
  readonly links?: Readonly<Record<string, HalLink | HalLink[]>>;
  /** HAL `_embedded` resources, or JSON:API's `included` as `{ included }`, taken out of `data`. */
  readonly embedded?: Readonly<Record<string, unknown>>;
  /** Page figures of an envelope read (seed 004 `metadata`). */
  readonly page?: PageInfo;
  /** Where the next chunk starts: seed 003's `{offset, hasNext}`, or Slack's `response_metadata.next_cursor`. */
  readonly cursor?: Cursor;
  /** What an envelope batch write did with the items (seed 004 `metadata`). */
  readonly batch?: BatchInfo;
  /** The `Location` header of a 201 Created or 202 Accepted (seed 001). */
  readonly location?: string;
  /** The dialect that read the body (a custom dialect's id too); `unknown` when none did. */
  readonly dialect: DialectId;
  /** The request id: the `X-Request-Id` / `Request-Id` header (or AWS's and Slack's own), unless the dialect read one from the body. */
  readonly requestId?: string;
  /** The trace id: `X-Trace-Id`, else the trace-id of a W3C `traceparent` header, unless the dialect read one from the body. */
  readonly traceId?: string;
  /** The whole body as received, envelopes and controls included: parsed JSON, or text. */
  readonly body: unknown;
  /**
   * The response's headers by lower-case name, a repeated one's values joined with `, `: on the
   * successes of faultline/fetch's client (an `ETag`, a `Content-Disposition`, a HEAD's
   * `Content-Length`). `normalize` leaves it out: its caller has them.
   */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * `T` as it is given rather than read: each optional member also takes `undefined`, so that
 * `{ field: row.field }` compiles under `exactOptionalPropertyTypes`. What is read (the model)
 * keeps its members absent rather than `undefined`.
 */
export type Init<T> = { readonly [K in keyof T]: T[K] | ({} extends Pick<T, K> ? undefined : never) };

/** An issue as given to `createError`, `processBatch` or a custom dialect's facts. */
export type IssueInit = Init<Issue>;

/** An item failure as given to `createError` or a custom dialect's facts. */
export type ItemFailureInit = Init<Omit<ItemFailure, 'issues'>> & { readonly issues: readonly IssueInit[] };

/** The result of normalizing a response: never thrown, always returned. */
export type ApiResult<T = unknown> =
  | {
      /** `true`: a 2xx whose body does not say it failed. */
      readonly ok: true;
      /** The success: the payload in `data`, with what else the response said. */
      readonly value: ApiSuccess<T>;
      /** Never set on a success; declared so that `if (!result.ok) result.error` narrows without `strictNullChecks` too. */
      readonly error?: undefined;
    }
  | {
      /** `false`: an error status, an error body in a 2xx, or no usable response at all. */
      readonly ok: false;
      /** The error, discriminated on `kind`. */
      readonly error: ApiError;
      /** Never set on a failure; declared so that `if (result.ok) result.value` narrows without `strictNullChecks` too. */
      readonly value?: undefined;
    };
