/**
 * The engine of faultline/fetch: one request, its attempts, their timeouts and the waits between
 * them, each response read into an {@link ApiResult}. Expected failures — error statuses,
 * network failures, timeouts, aborts, bodies that fail the schema — are results, never thrown.
 * What is thrown is a bug: an exception from a hook or from a custom `fetch` that is not a
 * network failure (a `TypeError`) propagates at once and is never retried, as in ky.
 */
import { toApiError } from '../create-error.ts';
import { isJsonMediaType, toMediaType } from '../headers.ts';
import { isHttpUrl, setMember } from '../members.ts';
import type { ApiError, ApiResult, DialectId } from '../model.ts';
import type { Normalize } from '../normalize.ts';
import { describeCause, messageOf, readResponse, toFailureKind } from '../normalize-response.ts';
import { ResponseError } from '../response-error.ts';
import type { AnyHeaders, BodyInput, HeadersShape } from '../web-types.ts';
import { createPaginator, type PaginateOptions, type Paginator, type PageSource } from './paginate.ts';
import { cancelBody, credentialHeaders, fetchFollowing, toOrigin } from './redirects.ts';
import { isRetryableError, isRetryableMethod, mergeRetryOptions, toRetryDelayMs, toRetryPolicy, type RetryOptions, type RetryPolicy } from './retry.ts';
import { toStandardSchema, validateSuccess, type InferInput, type InferOutput, type StandardSchemaV1 } from './schema.ts';
import { linkAttemptSignal, toCallerCause, toReasonText, waitFor, type AbortCause, type AttemptSignal } from './timeouts.ts';
import { abortedFirst, untilAborted } from '../until-aborted.ts';

/** Headers of the client or of a call: {@link AnyHeaders}, or a record in which a header given as `undefined` removes the client's (ky's rule). */
export type RequestHeaders = AnyHeaders | Readonly<Record<string, string | undefined>>;

/** A query value; `undefined` and `null` leave the parameter out, arrays repeat it. */
export type QueryValue = string | number | boolean | null | undefined;

/** Query parameters: an object of values (or arrays of them), or `URLSearchParams`. */
export type Query = Readonly<Record<string, QueryValue | readonly QueryValue[]>> | URLSearchParams;

/** What `onRetry` is told before each wait. */
export interface RetryEvent {
  /** The number of the retry about to be made: 1 for the second request. */
  readonly attempt: number;
  /** How long the client waits first, in ms: the server's delay, or the jittered backoff. */
  readonly delayMs: number;
  /** The error of the attempt that failed. */
  readonly error: ApiError;
  /** The request method, upper-cased. */
  readonly method: string;
  /** The URL requested, query included. */
  readonly url: string;
}

/** Called before each attempt with the request about to be sent; may return another request, or a response to use instead. */
export type BeforeRequestHook = (request: Request, attempt: number) => Request | Response | void | Promise<Request | Response | void>;

/**
 * Called after each response arrives, before its body is read; may return another response (after
 * refreshing a token, say). `request` is unsent: `request.clone()` can be changed and sent again,
 * body included. A stream body (`ReadableStream`) is sent once only: its request's body is used.
 */
export type AfterResponseHook = (response: Response, request: Request, attempt: number) => Response | void | Promise<Response | void>;

/**
 * What is passed to `fetch` as it is: `credentials: 'include'` for cookies sent to another
 * origin, `cache`, `mode`, `keepalive`, `priority`, `referrerPolicy`, `integrity`, undici's
 * `dispatcher` (a proxy agent in Node). The client's own members — method, headers, body and
 * signal — are its to set; `redirect` other than `'follow'` hands redirects to the caller.
 */
export type FetchOptions = Omit<RequestInit, 'method' | 'headers' | 'body' | 'signal' | 'window' | 'dispatcher'> & {
  /** Node's fetch (undici): the dispatcher to send through, a `ProxyAgent` say; `unknown`, as the undici a project installs may differ from the one @types/node describes. */
  readonly dispatcher?: unknown;
  // Spelt out: @types/node 20's RequestInit (undici-types 6) has neither, and a Node-only project
  // without the DOM lib could not write the README's `cache: 'no-store'`.
  /** The request's cache mode (Fetch standard §5.3). */
  readonly cache?: 'default' | 'no-store' | 'reload' | 'no-cache' | 'force-cache' | 'only-if-cached' | undefined;
  /** The request's priority (Fetch standard §5.3). */
  readonly priority?: 'high' | 'low' | 'auto' | undefined;
};

/** Hooks for logging and auth refresh. Anything they throw propagates and is not retried. */
export interface Hooks {
  /** Run in order before each attempt; one that returns a `Request` replaces the request, one that returns a `Response` answers it without `fetch`. */
  readonly beforeRequest?: readonly BeforeRequestHook[] | undefined;
  /** Run in order after each response, before its body is read; one that returns a `Response` replaces it (the replaced body is cancelled). */
  readonly afterResponse?: readonly AfterResponseHook[] | undefined;
}

/** How a client sends its requests. */
export interface ClientOptions {
  /** Prefixed to every path: `https://api.example.com/v1`; a query in it (`?api-version=2024-06-01`) is added after the path. */
  readonly baseUrl: string | URL;
  /** Sent with every request; per-call headers win. */
  readonly headers?: RequestHeaders | undefined;
  /** Sent as `x-api-key` (seed 003); never to another origin. One that cannot be a header value throws a `TypeError`. */
  readonly apiKey?: string | undefined;
  /** Sent as `Accept-Language` (seed 003), for messages in this language; an empty one is none. One that is no text or cannot be a header value throws a `TypeError`. */
  readonly language?: string | undefined;
  /**
   * The dialect every response is read as, skipping detection: for an API whose data could pass
   * for another dialect's body (`{ok: false, ...}` as a record, `{result: "error"}` as a job).
   * An id `normalize` does not know is detected as usual.
   */
  readonly dialect?: DialectId | undefined;
  /**
   * The normalize function every response is read with: one of `createNormalizer`'s, for an API
   * that speaks a dialect of your own (`createNormalizer({ dialects: [acmeDialect, ...dialects] })`).
   * Anything but a function is a `TypeError`. @default normalize, with every built-in dialect
   */
  readonly normalize?: Normalize | undefined;
  /**
   * The longest one attempt may take, body included, in ms; an attempt that times out is retried.
   * Off by default: a timeout needs an `AbortSignal` on every `fetch`, which costs Node's fetch
   * (undici) 15–60 µs of CPU a request, as much as everything else the client does. Node's fetch
   * gives up on its own after 300 s without headers or body data; browsers have limits of their own.
   * @default Infinity
   */
  readonly timeoutMs?: number | undefined;
  /** The longest a request may take, all attempts and waits included, in ms. @default Infinity */
  readonly totalTimeoutMs?: number | undefined;
  /** How to retry, or just the retry limit. @default { limit: 2 } */
  readonly retry?: number | RetryOptions | undefined;
  /** The most bytes of an error body read; the rest is cancelled unread. 0 or more, else a `RangeError`. @default 1_048_576 (1 MiB) */
  readonly maxErrorBodyBytes?: number | undefined;
  /** The most bytes of a success body read; a longer one is an `invalid_response`. 0 or more, else a `RangeError`. @default Infinity */
  readonly maxBodyBytes?: number | undefined;
  /** Told before each retry: which attempt, after which error, after how long a wait. */
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
  /** Functions run on every attempt, before sending and after each response: for logging and token refresh. */
  readonly hooks?: Hooks | undefined;
  /** The `fetch` to call. @default globalThis.fetch */
  readonly fetch?: typeof fetch | undefined;
  /** Passed to every `fetch` as they are: `credentials`, `cache`, `mode`, `keepalive`, `dispatcher`… */
  readonly fetchOptions?: FetchOptions | undefined;
  /**
   * Waits between attempts: resolves after `ms`, or early when `signal` aborts. For tests that
   * capture the delays asked for, and for custom schedulers. @default a `setTimeout`
   */
  readonly wait?: ((ms: number, signal: AbortSignal | undefined) => Promise<unknown>) | undefined;
}

/** What one call may add. */
export interface RequestOptions {
  /** Query parameters, added to those already in the path. */
  readonly query?: Query | undefined;
  /** A body sent as JSON with `Content-Type: application/json`; with `body` too, the call throws a `TypeError`. */
  readonly json?: unknown;
  /** A body sent as is: `FormData` (see `toFormData`), `Blob`, text, `URLSearchParams`. */
  readonly body?: BodyInput | undefined;
  /** Headers of this call; they win over the client's, `x-api-key` and `Accept-Language` included. */
  readonly headers?: RequestHeaders | undefined;
  /**
   * Aborts the request at any stage, waits between attempts included: an `aborted` error whose
   * detail keeps the reason given (`The request was aborted: superseded`), or a `timeout` when
   * the signal timed out (`AbortSignal.timeout`).
   */
  readonly signal?: AbortSignal | undefined;
  /** Sent as `Idempotency-Key` on every attempt; lets POST and PATCH be retried. */
  readonly idempotencyKey?: string | undefined;
  /** Overrides the client's `timeoutMs` for this call. */
  readonly timeoutMs?: number | undefined;
  /** Overrides the client's `totalTimeoutMs` for this call. */
  readonly totalTimeoutMs?: number | undefined;
  /** This call's retry options, over the client's: a number is the limit, the rest stays the client's; an object's members win one by one. */
  readonly retry?: number | RetryOptions | undefined;
  /** Passed to `fetch` as they are, over the client's `fetchOptions`. */
  readonly fetchOptions?: FetchOptions | undefined;
}

/** A call with a Standard Schema (zod 4, valibot, arktype) that validates and types the success data. */
export interface SchemaRequestOptions<S extends StandardSchemaV1> extends RequestOptions {
  /** Validates and types the success data; data that fails it gives an `invalid_response` error with the schema's issues. */
  readonly schema: S;
}

/** A request with its method fixed. */
export interface SendMethod {
  /**
   * Sends the request and validates the success data with `schema`, which types it. Never
   * rejects for an HTTP, network, timeout or abort failure: they are `ok: false` results.
   * @example
   * const result = await api.get('/customers/7', { schema: Customer });
   * if (result.ok) show(result.value.data); else report(result.error.kind);
   */
  <S extends StandardSchemaV1>(path: string | URL, init: SchemaRequestOptions<S>): Promise<ApiResult<InferOutput<S>>>;
  /**
   * Sends the request; the success data is typed `T`, unchecked. Never rejects for an HTTP,
   * network, timeout or abort failure: they are `ok: false` results.
   * @example
   * const result = await api.post<Order>('/orders', { json: { items }, idempotencyKey: crypto.randomUUID() });
   */
  <T = unknown>(path: string | URL, init?: RequestOptions & { readonly schema?: StandardSchemaV1 | undefined }): Promise<ApiResult<T>>;
}

/** A client, as {@link createClient} makes it. */
export interface Client {
  /** Sends a request and reads its response into an {@link ApiResult}. Never rejects for an HTTP, network, timeout or abort failure. */
  request<S extends StandardSchemaV1>(method: string, path: string | URL, init: SchemaRequestOptions<S>): Promise<ApiResult<InferOutput<S>>>;
  /** Sends a request without a schema: the success data is typed `T`, unchecked. */
  request<T = unknown>(method: string, path: string | URL, init?: RequestOptions & { readonly schema?: StandardSchemaV1 | undefined }): Promise<ApiResult<T>>;
  /** Sends a `GET`; retried by default. */
  readonly get: SendMethod;
  /** Sends a `POST`; retried only with an `idempotencyKey`. */
  readonly post: SendMethod;
  /** Sends a `PUT`; retried by default. */
  readonly put: SendMethod;
  /** Sends a `PATCH`; retried only with an `idempotencyKey`. */
  readonly patch: SendMethod;
  /** Sends a `DELETE`; retried by default. */
  readonly delete: SendMethod;
  /** Sends a `HEAD`; retried by default. A success's `data` is `undefined`. */
  readonly head: SendMethod;
  /** The items of a paginated collection, each validated and typed by the item schema; throws a `ResponseError` when a page or an item fails. */
  paginate<S extends StandardSchemaV1>(path: string | URL, init: PaginateOptions<InferInput<S>> & { readonly schema: S }): Paginator<InferOutput<S>>;
  /** The items of a paginated collection, page after page, typed `T` unchecked; throws a `ResponseError` when a page fails. */
  paginate<T = unknown>(path: string | URL, init?: PaginateOptions<T>): Paginator<T>;
  /** Seed 003: a `HEAD` of the base URL; `true` on 2xx, `false` on 401 or 403, a thrown `ResponseError` otherwise. */
  verifyKey(init?: RequestOptions): Promise<boolean>;
}

/** A response read, with what pagination needs besides the result. */
export interface Sent {
  readonly result: ApiResult<unknown>;
  readonly headers: Headers | undefined;
  readonly url: string;
}

const defaultAccept = 'application/json, */*;q=0.8';
const now: () => number = typeof performance === 'object' ? () => performance.now() : Date.now;

/**
 * Headers as a record with lower-case names, the form every attempt reuses. In a record, a header
 * given as `undefined` (or `null`) removes the one `target` has — ky's rule — rather than being
 * sent as the text "undefined": `{ authorization: undefined }` sends a call without the client's.
 */
function toHeaderRecord(target: Record<string, string>, headers: RequestHeaders | undefined): Record<string, string> {
  if (!headers) return target;
  if (typeof headers !== 'object') throw new TypeError(`headers must be a Headers, a record or [name, value] pairs, not a ${typeof headers}`);
  let given = headers as HeadersInit;
  if (Array.isArray(headers) || (Symbol.iterator in headers && typeof (headers as HeadersShape).forEach !== 'function')) {
    // Pairs (or another iterable of them), checked by Headers as they are.
  } else if (typeof (headers as HeadersShape).forEach === 'function') {
    // A Headers by shape: another implementation's (happy-dom's, node-fetch's, another realm's)
    // is no `instanceof Headers` and has no own keys to list; its entries are copied.
    const pairs: [string, string][] = [];
    (headers as HeadersShape).forEach((value, name) => pairs.push([name, value]));
    given = pairs;
  } else {
    // A record, in which `undefined` or `null` removes the client's header.
    const record = headers as Readonly<Record<string, string | undefined>>;
    const kept: Record<string, string> = {};
    for (const name of Object.keys(record)) {
      const value = record[name];
      if (value == null) delete target[name.toLowerCase()];
      else kept[name] = value;
    }
    given = kept;
  }
  new Headers(given).forEach((value, name) => (target[name] = value));
  return target;
}

/** A response's headers by lower-case name, a repeated one's values joined with `, ` (RFC 9110 §5.3), as `Headers` gives them. */
function toHeaderValues(headers: Headers): Readonly<Record<string, string>> {
  const record: Record<string, string> = {};
  // `Headers` joins a repeated field itself, all but `Set-Cookie`, which is left out: its values
  // cannot be joined (RFC 6265 §3; an `Expires` date holds a comma), and a browser hides it.
  // `setMember`: a `__proto__` header is a header, not a prototype.
  headers.forEach((value, name) => name !== 'set-cookie' && setMember(record, name, value));
  return record;
}

/** Appends query parameters to a URL; `undefined` and `null` are left out, arrays repeated. */
export function appendQuery(url: string, query: Query | undefined): string {
  if (!query) return url;
  // A text was spread into its letters (`?0=a&1=%3D`), an object value sent as "[object Object]".
  if (typeof query !== 'object') throw new TypeError(`query must be an object or URLSearchParams, not a ${typeof query}`);
  const params = query instanceof URLSearchParams ? new URLSearchParams(query) : new URLSearchParams();
  if (!(query instanceof URLSearchParams)) {
    for (const name of Object.keys(query)) {
      const value = query[name];
      for (const item of Array.isArray(value) ? value : [value]) {
        if (typeof item === 'object' && item !== null) throw new TypeError(`query.${name} must be a string, number or boolean`);
        if (item != null) params.append(name, String(item));
      }
    }
  }
  const text = params.toString();
  if (text === '') return url;
  const hash = url.indexOf('#');
  const bare = hash === -1 ? url : url.slice(0, hash);
  return `${bare}${bare.includes('?') ? '&' : '?'}${text}`;
}

function toFailure(kind: 'network' | 'timeout' | 'aborted', detail: string | undefined): ApiResult<never> {
  return { ok: false, error: toApiError({ kind, detail }) };
}

/** A fetch failure's message; never throws, whatever a custom `fetch` rejects with. */
function describeFailure(failure: unknown): string | undefined {
  const message = messageOf(failure);
  // undici says "fetch failed" and puts the reason (ECONNRESET, ECONNREFUSED) in `cause`.
  const cause = describeCause(failure);
  return message === undefined || cause === undefined ? (message ?? cause) : `${message}: ${cause}`;
}

/**
 * The error of an attempt whose signal fired, whatever the stage it fired at. The caller's abort
 * reason is kept in the detail (`The request was aborted: superseded by a newer search`).
 */
function toAbortFailure(cause: AbortCause | undefined, timeoutMs: number, reason: unknown): ApiResult<never> {
  // The client's own time-outs abort with a DOMException named TimeoutError: no text of their own.
  const text = toReasonText(reason);
  const detail = cause === 'aborted' ? 'The request was aborted' : cause === 'expired' ? "The caller's signal timed out" : cause === 'total' ? 'The request took longer than its total timeout' : `No response within ${timeoutMs} ms`;
  return toFailure(cause === 'aborted' ? 'aborted' : 'timeout', text ? `${detail}: ${text}` : detail);
}

/** What an attempt gives when its signal fired: the caller's abort, or a time-out. */
const toAbortedSent = (link: AttemptSignal, timeoutMs: number, url: string): Sent => ({ result: toAbortFailure(link.cause(), timeoutMs, link.signal?.reason), headers: undefined, url });

const hasCredentials = (headers: Record<string, string>): boolean => credentialHeaders.some((name) => headers[name] !== undefined);

/** A stream can be sent once only; every other body can be sent again. */
const resendableBody = (body: BodyInit | null | undefined): boolean => !(typeof ReadableStream === 'function' && body instanceof ReadableStream);

/**
 * A relative base URL (`/api`) resolved against the page, as fetch resolves it: pagination and
 * the same-origin checks need an absolute one. Where there is no page (Node), it stays as given.
 */
const isAbsoluteUrl = (url: string): boolean => /^[a-z][a-z\d+.-]*:/i.test(url);

function toPageUrl(url: string): string {
  if (isAbsoluteUrl(url)) return url;
  try {
    // Inside the `try`: Deno's `location` throws when it was started without `--location`.
    return typeof location === 'object' && location !== null ? new URL(url, location.href).href : url;
  } catch {
    return url;
  }
}

/**
 * A limit given — a time in ms, a number of bytes — else `fallback` (none: Infinity); a negative
 * or NaN one is a mistake, said at once, as retry options do: read as no limit, or as some other
 * limit, it would hide the mistake.
 */
function toLimit(value: number | undefined, name: string, fallback = Number.POSITIVE_INFINITY): number {
  // `null` from a JavaScript caller means none too.
  if (value == null) return fallback;
  if (typeof value === 'number' && value >= 0) return value;
  throw new (typeof value === 'number' ? RangeError : TypeError)(`${name} must be a number of 0 or more, not ${typeof value === 'number' ? value : `a ${typeof value}`}`);
}

/** ky's names for what is named otherwise here: given, they would be ignored unsaid (a ky user would believe the call has a timeout). */
const kyNames: Readonly<Record<string, string>> = { prefixUrl: 'baseUrl', searchParams: 'query', timeout: 'totalTimeoutMs' };

/** Refuses ky's option names, naming faultline's. */
function refuseKyNames(options: object | undefined): void {
  // Given as `undefined`, a name says nothing, as every option here.
  for (const name in kyNames) if ((options as Record<string, unknown> | undefined)?.[name] !== undefined) throw new TypeError(`${name} is ky's name; use ${kyNames[name]}`);
}

/** A function option (`fetch`, `wait`, `onRetry`, a hook) is checked when given, not when the first call would fail on it. */
function toFunction<T>(value: T, name: string): T | undefined {
  // `null` from a JavaScript caller means none, as for the limits.
  if (value != null && typeof value !== 'function') throw new TypeError(`${name} must be a function, not ${typeof value}`);
  return value ?? undefined;
}

/**
 * Sets a header an option gives. A value fetch refuses (RFC 9110 §5.5: no CR, LF or NUL; the
 * Fetch standard: no character beyond Latin-1) is said at once, naming the option — not by
 * undici on every call, in words that do not name it. The value is not repeated: it may be a key.
 */
function setOptionHeader(target: Record<string, string>, name: string, value: string | undefined, option: string): void {
  // An empty one is none, as faultline/server takes an empty `language`: an empty header says nothing.
  if (value == null || value === '') return;
  try {
    // Checked here too: React Native's Headers (whatwg-fetch) takes a CR or LF as it comes. A
    // number would be sent as its digits.
    if (typeof value !== 'string' || /[\0\r\n]/.test(value)) throw value;
    toHeaderRecord(target, [[name, value]]);
  } catch {
    throw new TypeError(`${option} is not a valid ${name} value`);
  }
}

/**
 * Refuses an absolute URL that names a user or password before its host (`https://user:secret@host/`):
 * fetch refuses it (Fetch standard, the Request constructor) with a TypeError that spells the
 * password out, into the caller's logs; this one does not.
 */
function refuseUserinfo(what: string, url: string): void {
  // No `@`, no user: the URL is not parsed again on every call with an absolute path (a page's next link).
  if (!url.includes('@')) return;
  let named: boolean;
  try {
    // As the URL parser reads it: `https:user:pw@host` and `https:\\user:pw@host` name a user too.
    const parsed = new URL(url);
    named = parsed.username !== '' || parsed.password !== '';
  } catch {
    // No URL, or React Native's own, whose `username` is "not implemented": by its spelling, so
    // that the error that follows never spells a password out.
    named = /^[a-z][\w+.-]*:[/\\]*[^/?#\\]*@/i.test(url);
  }
  if (named) throw new TypeError(`${what} carries a user or password, which fetch refuses: send credentials in a header`);
}

/**
 * Makes a client for one API.
 * @example
 * const api = createClient({ baseUrl: 'https://api.example.com', apiKey: process.env.KEY });
 * const result = await api.get('/customers', { query: { page: 2 }, schema: Customers });
 * if (result.ok) show(result.value.data); else report(result.error.kind);
 */
export function createClient(options: ClientOptions): Client {
  // A base URL's query (`?api-version=2024-06-01`) goes after each path joined to it, not before
  // (RFC 3986 §3: the path ends at "?"); its fragment is never sent.
  refuseKyNames(options);
  const givenBase: unknown = options?.baseUrl;
  if (typeof givenBase !== 'string' && !(givenBase instanceof URL)) throw new TypeError('createClient needs a baseUrl');
  const [baseUrl = '', baseQuery] = String(givenBase).split('#')[0]!.split(/\?(.*)/);
  refuseUserinfo('baseUrl', baseUrl);
  // The base as given is what an empty path asks for (`verifyKey`'s HEAD): `/v1/` stays `/v1/`.
  const baseAsGiven = toPageUrl(baseUrl);
  const base = baseAsGiven.replace(/\/+$/, '');
  // Where there is no page (Node, Deno, Bun), `/api` has nothing to be resolved against: every call would fail.
  if (!isAbsoluteUrl(base)) throw new TypeError(`baseUrl "${options.baseUrl}" is not absolute, and no page is here to resolve it`);
  const baseParams = baseQuery ? new URLSearchParams(baseQuery) : undefined;
  const baseOrigin = toOrigin(base);
  // `http://exa mple.com` is absolute but no URL: every call would fail (README: a bad baseUrl throws at once).
  // React Native's own URL reads no `origin` ("not implemented"): said, rather than every base URL taken for no URL.
  if (baseOrigin === undefined) throw new TypeError(`baseUrl "${options.baseUrl}" is not a valid URL${toOrigin('http://a.b') ? '' : ": this runtime's URL reads no origin (React Native needs a URL polyfill)"}`);
  const defaults = toHeaderRecord({ accept: defaultAccept }, options.headers);
  const defaultType = defaults['content-type'];
  const jsonDefaultType = isJsonMediaType(toMediaType(defaultType));
  setOptionHeader(defaults, 'x-api-key', options.apiKey, 'apiKey');
  setOptionHeader(defaults, 'accept-language', options.language, 'language');
  const clientRetry = options.retry;
  const policy = toRetryPolicy(clientRetry);
  const attemptTimeoutMs = toLimit(options.timeoutMs, 'timeoutMs');
  const totalTimeoutMs = toLimit(options.totalTimeoutMs, 'totalTimeoutMs');
  const maxErrorBodyBytes = toLimit(options.maxErrorBodyBytes, 'maxErrorBodyBytes', 1_048_576);
  const maxBodyBytes = toLimit(options.maxBodyBytes, 'maxBodyBytes');
  const { dialect, normalize } = options;
  if (normalize !== undefined && typeof normalize !== 'function') throw new TypeError('normalize must be a function: one createNormalizer made');
  const successRead = { maxBodyBytes, dialect, normalize };
  const errorRead = { maxBodyBytes: maxErrorBodyBytes, dialect, normalize };
  const fetchFunction = toFunction(options.fetch, 'fetch') ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const wait = toFunction(options.wait, 'wait') ?? waitFor;
  const onRetry = toFunction(options.onRetry, 'onRetry');
  const { hooks } = options;
  const fetchOptions: FetchOptions = options.fetchOptions ?? {};
  const beforeRequest = hooks?.beforeRequest ?? [];
  const afterResponse = hooks?.afterResponse ?? [];
  // A hook that is none (`undefined` in the list) would fail every call.
  for (const hook of [...beforeRequest, ...afterResponse]) if (typeof hook !== 'function') throw new TypeError(`each hook must be a function, not ${typeof hook}`);
  const hasHooks = beforeRequest.length > 0 || afterResponse.length > 0;
  // Browsers hide redirects from `redirect: 'manual'`; there CORS already keeps custom headers from other origins that do not allow them.
  const followRedirects = typeof document === 'undefined';

  /** A path joined to the base URL (ky's `prefixUrl` rule: exactly one slash between them). */
  const toUrl = (given: string | URL, query: Query | undefined): string => {
    if (typeof given !== 'string' && !(given instanceof URL)) throw new TypeError(`path must be a string or a URL, not a ${typeof given}`);
    const path = String(given);
    // `HTTPS://…` is absolute too.
    const absolute = isHttpUrl(path);
    if (absolute) refuseUserinfo('The URL', path);
    const url = absolute ? path : path === '' ? baseAsGiven : path.charCodeAt(0) === 47 ? base + path : `${base}/${path}`;
    const withQuery = query ? appendQuery(url, query) : url;
    return baseParams && !absolute ? appendQuery(withQuery, baseParams) : withQuery;
  };

  /** The headers of one call: the client's defaults, without credentials for another origin, then the call's own. */
  const toHeaders = (url: string, init: RequestOptions | undefined): Record<string, string> => {
    const crossOrigin = !(url === base || url.startsWith(`${base}/`) || url.startsWith(`${base}?`)) && toOrigin(url) !== baseOrigin;
    // FormData and URLSearchParams carry a type of their own (multipart with its boundary, a form's),
    // which fetch sets only when no Content-Type is given: the client's default would break them.
    const ownType = init?.body instanceof URLSearchParams || (typeof FormData === 'function' && init?.body instanceof FormData);
    if (!init?.headers && init?.json === undefined && init?.idempotencyKey === undefined && !crossOrigin && !(ownType && defaultType !== undefined)) return defaults;
    const headers: Record<string, string> = { ...defaults };
    if (crossOrigin) for (const name of credentialHeaders) delete headers[name];
    if (ownType) delete headers['content-type'];
    // A JSON type of the client's (`application/vnd.api+json`, `application/merge-patch+json`) stays, as in ky and ofetch.
    if (init?.json !== undefined && !jsonDefaultType) headers['content-type'] = 'application/json';
    if (init?.idempotencyKey !== undefined) headers['idempotency-key'] = init.idempotencyKey;
    return toHeaderRecord(headers, init?.headers);
  };

  /**
   * A hook's `Request`, sent as `fetchFollowing` (redirects.ts) sends the client's own: a hook may have added
   * credentials, and fetch would keep `x-api-key` on a redirect to another origin. Its body is
   * read first, so that a 307 or 308 can send it again.
   */
  const fetchRequestFollowing = async (request: Request, headers: Record<string, string>, extra: FetchOptions): Promise<Response> => {
    const init: RequestInit = { ...extra, method: request.method, headers, signal: request.signal };
    // A GET or HEAD has none to read: React Native's Request (whatwg-fetch) has no `body` to say so,
    // and an empty one given back made every GET a TypeError ("Body not allowed for GET or HEAD").
    if (request.body !== null && request.method !== 'GET' && request.method !== 'HEAD') init.body = await request.arrayBuffer();
    return fetchFollowing(fetchFunction, request.url, init, baseOrigin);
  };

  /**
   * The afterResponse hooks, each given a copy of the response, as ky gives: one that reads it (a
   * logger's `await response.json()`) leaves the body to the client. A copy left unread is
   * cancelled once its hook is done, and a response that will not be read — replaced, or held when
   * a hook threw or the signal fired — is cancelled. A copy a hook has started to read is locked to
   * its reader and cannot be cancelled from here: its connection is held until it is read to the
   * end, or the attempt's signal (the caller's, a timeout) aborts the fetch (README "Hooks").
   */
  // No cancel is awaited here: the response and its copy are the two branches of one tee, and a
  // branch's cancel settles only once the other is cancelled or read to its end.
  const runAfterResponse = async (response: Response, request: Request, attempt: number, signal: AbortSignal | undefined): Promise<Response | typeof abortedFirst> => {
    let copy: Response | undefined;
    try {
      for (const hook of afterResponse) {
        copy = response.clone();
        const changed = await untilAborted(hook(copy, request, attempt), signal);
        const replaced = changed instanceof Response && changed !== response && changed !== copy;
        // A replacement built on the copy's body (`new Response(copy.body, copy)`, to change a
        // header) reads that body: it is the call's now, not a copy to cancel.
        if (!(replaced && changed.body !== null && changed.body === copy.body) && !copy.bodyUsed) void cancelBody(copy);
        copy = undefined;
        if (changed === abortedFirst || replaced) void cancelBody(response);
        if (changed === abortedFirst) return changed;
        if (replaced) response = changed;
      }
      return response;
    } catch (failure) {
      if (copy && !copy.bodyUsed) void cancelBody(copy);
      void cancelBody(response);
      throw failure;
    }
  };

  /** One attempt: send, run the hooks, read the body under the attempt's signal. */
  const attemptOnce = async (method: string, url: string, headers: Record<string, string>, body: BodyInit | null | undefined, extra: FetchOptions, link: AttemptSignal, attempt: number, timeoutMs: number): Promise<Sent> => {
    const init: RequestInit & { duplex?: 'half' } = { ...extra, method, headers };
    // fetch rejects `redirect: 'error'` with a TypeError, a network failure to retry; the redirect
    // is no failure of the network and comes back the same each time: it is the answer, as with 'manual'.
    if (extra.redirect === 'error') init.redirect = 'manual';
    // A caller who asked for `redirect: 'manual'` or `'error'` has redirects as fetch gives them.
    const follow = followRedirects && (extra.redirect ?? 'follow') === 'follow';
    if (body !== undefined) init.body = body;
    // The Fetch standard asks for `duplex: 'half'` with a stream body (Node refuses the request without it).
    if (!resendableBody(body)) init.duplex = 'half';
    if (link.signal) init.signal = link.signal;
    let request: Request | undefined;
    let response: Response | undefined;
    // The hooks run outside the `try` below: what they throw is a bug and propagates, a TypeError too (README "Calling APIs").
    if (hasHooks) {
      // Aborted or timed out already (during a wait, or an earlier hook): no hook runs for a call no one waits for.
      if (link.signal?.aborted) return toAbortedSent(link, timeoutMs, url);
      request = new Request(url, init);
      for (const hook of beforeRequest) {
        const changed: Request | Response | void | typeof abortedFirst = await untilAborted(hook(request, attempt), link.signal);
        if (changed === abortedFirst) return toAbortedSent(link, timeoutMs, url);
        if (changed instanceof Response) {
          response = changed;
          break;
        }
        // A request built anew (`new Request(request.url, …)`) lacks the attempt's signal: the caller's signal and the timeouts would never end it.
        if (changed instanceof Request) request = link.signal ? new Request(changed, { signal: link.signal }) : changed;
      }
    }
    // Aborted already (a signal the caller aborted before the call): nothing is sent, as the hooks'
    // path decides above; a fetch that ignores the signal would have sent the request.
    if (!response && link.signal?.aborted) return toAbortedSent(link, timeoutMs, url);
    try {
      let fetched: Response | Promise<Response>;
      if (response) fetched = response;
      else if (request) {
        // The afterResponse hooks get the request unsent, so that they can send it again (ky keeps
        // such a clone): `request.clone()` after a token refresh works for a PUT too. Not for a
        // stream body: it is read once, and a clone would hold all of it in memory.
        const outgoing = afterResponse.length > 0 && request.body !== null && resendableBody(body) ? request.clone() : request;
        const sent = follow ? Object.fromEntries(outgoing.headers) : undefined;
        fetched = sent && hasCredentials(sent) ? fetchRequestFollowing(outgoing, sent, extra) : fetchFunction(outgoing);
      } else fetched = follow && hasCredentials(headers) ? fetchFollowing(fetchFunction, url, init, baseOrigin) : fetchFunction(url, init);
      // Raced with the attempt's signal: a fetch that ignores it (a mock, a polyfill, a test's
      // `new Promise(() => {})`) would hold the call past its abort or time-out. Without a signal,
      // awaited as it is: the hot path of a call without time-outs.
      const answered = link.signal ? await untilAborted(fetched, link.signal) : await fetched;
      if (answered === abortedFirst) return toAbortedSent(link, timeoutMs, url);
      response = answered;
    } catch (failure) {
      if (link.cause()) return toAbortedSent(link, timeoutMs, url);
      // An abort or time-out of a signal not the attempt's (a hook's own, a page being closed), and
      // happy-dom's NetworkError: named failures, not bugs.
      const named = toFailureKind(failure);
      if (named) return { result: toFailure(named, describeFailure(failure)), headers: undefined, url };
      // Network failures reject with a TypeError (Fetch standard §4.1 "network error"); anything else is a bug.
      if (!(failure instanceof TypeError)) throw failure;
      // So does a request fetch refuses to build (a GET with a body, a URL that does not parse; Fetch
      // standard §5.4, the Request constructor), a bug too: building it again throws that. A stream
      // body has been read by now and cannot be given again; every other body can.
      if (!request) new Request(url, resendableBody(body) ? init : { ...init, body: null });
      return { result: toFailure('network', describeFailure(failure)), headers: undefined, url };
    }
    if (request) {
      const answered = await runAfterResponse(response, request, attempt, link.signal);
      if (answered === abortedFirst) return toAbortedSent(link, timeoutMs, url);
      response = answered;
    }
    // The body read is raced with the signal too, for a stream that ignores it (normalize-response.ts).
    let result = await readResponse(response, response.ok ? successRead : errorRead, link.signal);
    // An HTML page in a 2xx, asked for JSON first (the default Accept) and not for HTML: a single-page
    // app's fallback for an unknown /api route, a captive portal, a proxy's page. As data it would
    // be a string typed as the caller's `T`; ky's `.json()` throws on it.
    // Only markup: PHP labels its JSON text/html (parsed, it is no text here), Express its `res.send('ok')`;
    // a HEAD, a 204 or an empty body has no data. The header is asked only then (parsed JSON is the
    // hot path), and of the request as sent, a hook's Accept included.
    if (result.ok && typeof result.value.data === 'string' && result.value.data.trimStart().startsWith('<') && toMediaType(response.headers.get('content-type') ?? undefined) === 'text/html') {
      const accept = (request ? request.headers.get('accept') : headers['accept']) ?? '';
      if (isJsonMediaType(toMediaType(accept.split(',')[0])) && !accept.includes('html')) {
        const { status, requestId, traceId, body: page } = result.value;
        result = { ok: false, error: toApiError({ kind: 'invalid_response', status, detail: 'An HTML page where JSON was asked for', requestId, traceId, body: page }) };
      }
    }
    // A success says what its headers said (an ETag, a file name, a HEAD's Content-Length); an
    // error does not carry them: errors are logged and passed on, and their facts are read already.
    if (result.ok) (result.value as { headers?: Readonly<Record<string, string>> }).headers = toHeaderValues(response.headers);
    const cause = link.cause();
    if (!result.ok && cause) {
      const { kind } = result.error;
      // The signal fired while the body was read: say why, rather than "the body broke off". An
      // error status keeps its kind when only the attempt timed out (a 503 is retried as one); the
      // caller's abort and the total time-out end the call, whatever the status was.
      if (cause !== 'attempt' || kind === 'aborted' || kind === 'timeout' || kind === 'network' || kind === 'invalid_response') result = toAbortFailure(cause, timeoutMs, link.signal?.reason);
    }
    return { result, headers: response.headers, url: response.url || url };
  };

  /** All the attempts of one request. */
  const send = async (method: string, url: string, init: RequestOptions | undefined): Promise<Sent> => {
    // Sending the JSON would drop the body unsaid.
    if (init?.json !== undefined && init.body != null) throw new TypeError('give json or body, not both');
    const headers = toHeaders(url, init);
    const body = init?.json !== undefined ? JSON.stringify(init.json) : init?.body;
    const signal = init?.signal;
    if (signal && typeof signal.addEventListener !== 'function') throw new TypeError('signal must be an AbortSignal');
    refuseKyNames(init);
    const retry: RetryPolicy = init?.retry == null ? policy : toRetryPolicy(mergeRetryOptions(clientRetry, init.retry));
    const timeoutMs = toLimit(init?.timeoutMs, 'timeoutMs', attemptTimeoutMs);
    const totalMs = toLimit(init?.totalTimeoutMs, 'totalTimeoutMs', totalTimeoutMs);
    const deadline = Number.isFinite(totalMs) ? now() + totalMs : Number.POSITIVE_INFINITY;
    const mayRetry = resendableBody(body) && isRetryableMethod(retry, method, headers['idempotency-key'] !== undefined);
    // Merged only when a call has its own: the request loop is the hot path.
    const extra: FetchOptions = init?.fetchOptions ? { ...fetchOptions, ...init.fetchOptions } : fetchOptions;
    for (let attempt = 0; ; attempt++) {
      const remaining = deadline - now();
      if (remaining <= 0) return { result: toAbortFailure('total', timeoutMs, undefined), headers: undefined, url };
      const totalEnds = remaining <= timeoutMs;
      const link = linkAttemptSignal(signal, totalEnds ? remaining : timeoutMs, totalEnds);
      let sent: Sent;
      try {
        sent = await attemptOnce(method, url, headers, body, extra, link, attempt, timeoutMs);
      } finally {
        link.release();
      }
      const { result } = sent;
      const cause = link.cause();
      // The caller's abort and the total timeout end the request, whatever `shouldRetry` would say.
      if (result.ok || !mayRetry || attempt >= retry.limit || (cause !== undefined && cause !== 'attempt')) return sent;
      let decided: boolean | undefined | Promise<boolean | undefined> | typeof abortedFirst = retry.shouldRetry?.(result.error, attempt + 1);
      if (decided instanceof Promise) {
        // An asynchronous `shouldRetry` is raced with the caller's signal and the total timeout, as the hooks are.
        const limit = linkAttemptSignal(signal, deadline - now(), true);
        try {
          decided = await untilAborted(decided, limit.signal);
        } finally {
          limit.release();
        }
        if (limit.cause() === 'total') return { result: toAbortFailure('total', timeoutMs, undefined), headers: undefined, url };
      }
      if (decided !== abortedFirst) {
        if (!(decided ?? isRetryableError(retry, result.error, cause === 'attempt'))) return sent;
        const delayMs = toRetryDelayMs(retry, result.error, attempt);
        // No time left for another attempt after the wait: the last answer is the most useful one.
        if (now() + delayMs >= deadline) return sent;
        onRetry?.({ attempt: attempt + 1, delayMs, error: result.error, method, url });
        await wait(delayMs, signal);
      }
      if (signal?.aborted) return { result: toAbortFailure(toCallerCause(signal.reason), timeoutMs, signal.reason), headers: undefined, url };
    }
  };

  const request = async (method: string, path: string | URL, init?: RequestOptions & { readonly schema?: StandardSchemaV1 }): Promise<ApiResult<never>> => {
    const verb = method.toUpperCase();
    const schema = toStandardSchema(init?.schema);
    const { result } = await send(verb, toUrl(path, init?.query), init);
    return (schema && result.ok ? validateSuccess(result.value, schema) : result) as ApiResult<never>;
  };

  const withMethod =
    (method: string): SendMethod =>
    (path: string | URL, init?: RequestOptions) =>
      request(method, path, init);

  const source: PageSource = {
    baseOrigin,
    toUrl,
    send,
  };

  return {
    request,
    get: withMethod('GET'),
    post: withMethod('POST'),
    put: withMethod('PUT'),
    patch: withMethod('PATCH'),
    delete: withMethod('DELETE'),
    head: withMethod('HEAD'),
    paginate: <T>(path: string | URL, init?: PaginateOptions) => createPaginator<T>(source, path, init),
    async verifyKey(init?: RequestOptions) {
      const result = await request('HEAD', '', init);
      if (result.ok) return true;
      // Seed 003: an invalid or missing key is a 401. Anything else says nothing about the key.
      if (result.error.status === 401 || result.error.status === 403) return false;
      throw new ResponseError(result.error);
    },
  };
}
