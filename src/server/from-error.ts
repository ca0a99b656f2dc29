/**
 * `fromError`: whatever a route threw, as an error that is safe to send. Internals never leak:
 * a 5xx shows none of the thrown message, stack or cause unless `expose: true`; a 4xx from an
 * http-errors-style error shows its message (the http-errors `expose` rule).
 *
 * An error this server made (`createError`, `fromZodError`) is answered as it is. Any other
 * `ApiError` is an upstream API's answer — a `ResponseError` (`unwrap` of a faultline/fetch
 * call), or `result.error` itself thrown — and so is the error of another HTTP client (axios,
 * ofetch, ky) or API SDK (Stripe, AWS, OpenAI, Twilio) that carries what it received (see
 * {@link isUpstreamError}): it is not this server's own error. An upstream client error (404,
 * 409, 422, ...) is passed on with its message and field issues (another client's, by status); an
 * upstream 401, 403 or 407 concerns this server's credentials, not the caller's, and an upstream
 * 5xx, time-out or network failure is this server's gateway failure: those become a 502 (a 504
 * for a time-out, RFC 9110 §15.6.3 and §15.6.5). The upstream's body, extensions, ids and batch
 * items (`rawData`) stay behind, unless `expose: true`; another client's message, which names the
 * upstream URL, too.
 *
 * It never throws: whatever the thrown value does when read, the answer is at worst a plain 500.
 */
import { isApiError, isResponseError } from '../response-error.ts';
// `read`: a member of what was thrown, or of what it holds, never one a polluted Object.prototype lends.
import { isRecord, readClassMember as read, toOwnView } from '../members.ts';
import type { ApiError, ErrorKind } from '../model.ts';
import { isOwn } from '../own-errors.ts';
import { isHttpStatus, toErrorKind } from '../status.ts';
import { createError } from './create-error.ts';

/** How to turn a thrown value into an error. */
export interface FromErrorOptions {
  /** Show the thrown message (and, for 5xx, the stack) in the body. For development only. @default false */
  readonly expose?: boolean | undefined;
}

function readStatus(thrown: { status?: unknown; statusCode?: unknown; code?: unknown; response?: unknown }, isError: boolean): number | undefined {
  // http-errors, Express and Fastify put the status on the error as `status` or `statusCode`;
  // Elysia's `throw status(403, 'Not yours')` as a numeric `code` beside its `response`, in an
  // object that is no Error (a mail client's `{code: 450, response}` Error is a reply's, no status).
  const { status, statusCode, code, response } = thrown;
  const candidate = typeof status === 'number' ? status : statusCode ?? (isError || response === undefined ? undefined : code);
  return isHttpStatus(candidate) && candidate >= 400 ? candidate : undefined;
}

/** What of an upstream error may be passed on: see the module comment. */
function fromUpstream(upstream: { readonly kind: ErrorKind; readonly status?: number | undefined } & Partial<Omit<ApiError, 'kind' | 'status'>>): ApiError {
  const { status, kind } = upstream;
  const clientError = status !== undefined && status >= 400 && status < 500 && status !== 401 && status !== 403 && status !== 407;
  if (!clientError) return createError({ status: kind === 'timeout' ? 504 : 502 });
  const { title, detail, code, issues, failures, retryAfterMs } = upstream;
  // Each failed item as the upstream understood it (seed 004 `rawData`) is its body: its index and issues go on.
  return createError({ kind, status, title, detail, code, issues, failures: failures?.map(({ index, issues }) => ({ index, rawData: undefined, issues })), retryAfterMs });
}

/**
 * An error to answer with, from anything a route threw.
 * @example
 * app.use((thrown, request, response, next) => send(response, fromError(thrown)));
 */
export function fromError(thrown: unknown, options?: FromErrorOptions): ApiError {
  try {
    return readThrown(thrown, options?.expose === true);
  } catch {
    // It runs in Express's and Hono's error handlers, where a throw is a crash or a hung request:
    // a hostile value (a throwing getter, a Proxy whose traps throw) becomes a plain 500.
    return createError({ status: 500 });
  }
}

/** Whether a member is a text that starts so; never `String()` of it, which a null-prototype object makes throw. */
const startsWith = (value: unknown, prefix: string): boolean => typeof value === 'string' && value.startsWith(prefix);

/**
 * Headers received with a response, a record or a Headers object (Web, undici, axios): they name
 * Date or Server, which an origin's answer carries (RFC 9110 §6.6.1, §10.2.4), while headers to
 * send (http-errors' Allow, Retry-After, WWW-Authenticate) never do: the server writes them.
 */
function isReceived(headers: unknown): boolean {
  const get = read(headers, 'get');
  return typeof get === 'function' ? get.call(headers, 'date') != null || get.call(headers, 'server') != null : isRecord(headers) && Object.keys(headers).some((name) => /^(date|server)$/i.test(name));
}

/**
 * Whether a thrown value is another HTTP client's or an API SDK's error, known by what it received:
 * a `response` or `rawResponse` with headers (axios, ofetch, ky, got, Octokit, gaxios, SendGrid,
 * Fern's SDKs), undici's `UND_ERR_RESPONSE_STATUS_CODE`, received `headers` (openai's and
 * Anthropic's `APIError`, stripe-node's `StripeError`, Slack's `WebAPIHTTPError`), or the members
 * an SDK documents, two together, since an application's own error class may have one of them
 * (a `retryable` flag, a `raw` record): `StripeError`'s `raw` beside a `type` of its (stripe-node
 * src/Error.ts), `AWSError`'s `retryable` beside its `time` (aws-sdk lib/error.d.ts),
 * `ServiceException`'s `$fault` beside its `$metadata` (@smithy/smithy-client), `RestException`'s
 * `moreInfo` link to Twilio's docs (twilio-node). A NestJS `HttpException`'s `response` is a
 * body, without headers: the server's own, as a developer's `{status, message, requestId}` is.
 */
export function isUpstreamError(thrown: unknown): boolean {
  return (
    isRecord(read(read(thrown, 'response') ?? read(thrown, 'rawResponse'), 'headers')) ||
    read(thrown, 'code') === 'UND_ERR_RESPONSE_STATUS_CODE' ||
    isReceived(read(thrown, 'headers')) ||
    (isRecord(read(thrown, 'raw')) && startsWith(read(thrown, 'type'), 'Stripe')) ||
    // A Date of any realm (an SDK loaded in a vm): `instanceof` sees one realm's only.
    (typeof read(thrown, 'retryable') === 'boolean' && Object.prototype.toString.call(read(thrown, 'time')) === '[object Date]') ||
    (typeof read(thrown, '$fault') === 'string' && isRecord(read(thrown, '$metadata'))) ||
    startsWith(read(thrown, 'moreInfo'), 'https://www.twilio.com/docs/errors/')
  );
}

/**
 * The status of the upstream response an {@link isUpstreamError} error carries: its response's
 * (a Web `Response`'s, got's `statusCode`), else its own (`status`, `statusCode`, aws-sdk v3's
 * `$metadata.httpStatusCode`, SendGrid's `code`).
 */
function readUpstreamStatus(thrown: unknown): number | undefined {
  if (!isUpstreamError(thrown)) return undefined;
  const response = read(thrown, 'response') ?? read(thrown, 'rawResponse');
  return [read(response, 'status'), read(response, 'statusCode'), read(thrown, 'status'), read(thrown, 'statusCode'), read(read(thrown, '$metadata'), 'httpStatusCode'), read(thrown, 'code')].find(isHttpStatus);
}

function readThrown(thrown: unknown, expose: boolean): ApiError {
  if (isApiError(thrown)) return expose || isOwn(thrown) ? thrown : fromUpstream(thrown);
  if (isResponseError(thrown)) return expose ? thrown.error : fromUpstream(thrown.error);
  // Own members only while Object.prototype is polluted: an inherited `status: 404` would show a
  // 5xx's message (RELIABILITY.md).
  const members: { status?: unknown; statusCode?: unknown; code?: unknown; expose?: unknown; message?: unknown; response?: unknown } = isRecord(thrown) ? toOwnView(thrown) : {};
  // Read on the value itself: a class's members (a Response's, ofetch's accessors) are no own copy's.
  const upstreamStatus = expose ? undefined : readUpstreamStatus(thrown);
  if (upstreamStatus !== undefined) return fromUpstream({ kind: toErrorKind(upstreamStatus, false), status: upstreamStatus });
  // A route's own call upstream that timed out (`AbortSignal.timeout`) or could not connect
  // (Node's fetch throws `TypeError: fetch failed`) is a gateway's failure: 504 and 502, as for
  // an upstream ResponseError — unless the error names a status of its own.
  const name = thrown instanceof Error ? thrown.name : undefined;
  const upstream = name === 'TimeoutError' ? 504 : thrown instanceof TypeError && thrown.message === 'fetch failed' ? 502 : undefined;
  const status = readStatus(members, thrown instanceof Error) ?? upstream;
  // `throw { status: 404, message: '...' }` is an http-errors-style error too; Elysia's says it in `response`.
  const { response } = members;
  const message: unknown = thrown instanceof Error ? thrown.message : typeof thrown === 'object' && thrown !== null ? (members.message ?? response) : thrown;
  const declared = members.expose;
  // http-errors: `expose` is true for 4xx, false for 5xx, unless the error says otherwise.
  const shown = expose || (status !== undefined && (typeof declared === 'boolean' ? declared : status < 500));
  const extensions: Record<string, unknown> = {};
  if (expose && thrown instanceof Error && thrown.stack) extensions['stack'] = thrown.stack;
  // A NestJS HttpException keeps its body in `response`: ValidationPipe's messages as a list
  // (its own message is then "Bad Request Exception"), a code the route gave beside a message.
  const body: Record<string, unknown> = shown && isRecord(response) ? toOwnView(response) : { __proto__: null };
  const issues = Array.isArray(body['message']) ? body['message'].filter((text): text is string => typeof text === 'string').map((text) => ({ path: [], message: text })) : [];
  const code = typeof body['code'] === 'string' ? body['code'] : undefined;
  return createError({ status: status ?? 500, detail: shown && typeof message === 'string' && message ? message : undefined, code, issues, extensions });
}
