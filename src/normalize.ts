/**
 * Any HTTP response → {@link ApiResult}. `normalize` is synchronous, pure and total: no input
 * makes it throw. It decodes the body, picks a dialect by media type or by the body's own
 * markers, lets the dialect read the body, and adds what the status and headers say.
 */
import { fromStatusAlone, isSuccessStatus, type BodyFacts, type DialectParser, type ErrorFacts, type ParseContext, type SuccessFacts } from './dialect.ts';
import { dialects as builtInDialects } from './dialects/index.ts';
import { toApiError } from './create-error.ts';
import { isJsonMediaType, isTextMediaType, readAllHeaders, readRequestId, readResponseHeaders, readTraceId, toMediaType, type HeadersLike } from './headers.ts';
import { nestsTooDeep, withoutRawData } from './deep-body.ts';
import { toModelFailures, toModelIssues, toModelRateLimit, toRecordFact, toWaitMs } from './dialect-facts.ts';
import { isPrototypeClean, readOwn, toOwnCopy } from './members.ts';
import { indexDialects, selectDialect, type DialectIndex } from './select-dialect.ts';
import type { ApiResult, ApiSuccess, Dialect, DialectId } from './model.ts';
import { parseRateLimit, parseRetryAfter, parseRetryAfterMs } from './retry-timing.ts';
import { isErrorKind, isHttpStatus, toErrorKind, toKindTitle, toReasonPhrase } from './status.ts';

/** A response as `normalize` takes it. */
export interface NormalizeInput {
  /** The HTTP status. Anything but an integer from 100 to 599 gives an `invalid_response` error. */
  readonly status: number;
  /** The response headers: a `Headers`, `[name, value]` pairs or node:http's record; names match case-insensitively. */
  readonly headers?: HeadersLike | null | undefined;
  /** Parsed JSON, raw text, bytes, or absent. */
  readonly body?: unknown;
  /**
   * Never given: a fetch `Response`, which has it, is read by `normalizeResponse` (its body is a
   * stream, read asynchronously); given here, it compiled and was an `invalid_response`.
   */
  readonly arrayBuffer?: never;
}

/** How to normalize. */
export interface NormalizeOptions {
  /** Read the body as this dialect, skipping detection; an id the normalizer does not know is detected as usual. */
  readonly dialect?: DialectId | undefined;
  /** The clock for `Retry-After` dates and rate-limit resets, in epoch ms. @default Date.now */
  readonly now?: (() => number) | undefined;
}

/** A normalize function, as {@link createNormalizer} makes it. */
export type Normalize = <T = unknown>(input: NormalizeInput, options?: NormalizeOptions) => ApiResult<T>;

const byteOrderMark = 0xfeff;
/** A dialect's facts, success or error, read member by member. */
type FactsView = { readonly ok?: boolean } & Partial<Omit<SuccessFacts, 'ok'> & Omit<ErrorFacts, 'ok'>>;

interface DecodedBody {
  readonly value: unknown;
  /** The body was declared JSON and is not. */
  readonly malformed: boolean;
  /** The body is a success's bytes of a media type that is not text: an image, a PDF, a download. */
  readonly binary?: boolean;
  /** The JSON text the value was parsed from. */
  readonly text?: string;
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function decodeText(raw: string, mediaType: string): DecodedBody {
  const text = raw.charCodeAt(0) === byteOrderMark ? raw.slice(1) : raw;
  let start = 0;
  while (start < text.length && isWhitespace(text.charCodeAt(start))) start++;
  if (start === text.length) return { value: undefined, malformed: false };
  const declaredJson = isJsonMediaType(mediaType);
  const first = text.charCodeAt(start);
  // JSON sent as text/plain, text/html (PHP's default) or with no type at all is still tried
  // when it looks like JSON; no HTML page starts with `{` or `[`.
  if (declaredJson || first === 0x7b || first === 0x5b) {
    try {
      return { value: JSON.parse(text), malformed: false, text };
    } catch {
      // Seed 002's own example breaks its message with a line continuation (`named \` and a new
      // line, reStructuredText's), which no JSON text holds anywhere: the lines joined, it parses.
      try {
        const joined = text.replace(/\\\r?\n\s*/g, '');
        if (joined !== text) return { value: JSON.parse(joined), malformed: false, text };
      } catch {
        // Malformed for another reason too.
      }
      return { value: text, malformed: declaredJson };
    }
  }
  return { value: text, malformed: false };
}

// RFC 9110 §8.3.2: the `charset` parameter names the encoding of a text body.
const charsetParameter = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/**
 * The text of a body's bytes, in the charset its content type names (`iso-8859-1`,
 * `windows-1252`, `shift_jis`), else UTF-8. JSON is UTF-8 (RFC 8259 §8.1: it has no charset
 * parameter), as the Fetch standard's `json()` reads it, whatever the label says — servers label
 * UTF-8 JSON Latin-1 — unless its bytes are no UTF-8 at all: then the label is believed.
 */
function decodeBytes(bytes: AllowSharedBufferSource, contentType: string | undefined, mediaType: string): string {
  const label = contentType === undefined ? undefined : charsetParameter.exec(contentType)?.[1];
  if (label === undefined) return new TextDecoder().decode(bytes);
  if (isJsonMediaType(mediaType)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Not UTF-8: the label may be right.
    }
  }
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    // A label the Encoding Standard does not know: UTF-8, the Web's default.
    return new TextDecoder().decode(bytes);
  }
}

function decodeBody(body: unknown, mediaType: string, success: boolean, contentType?: string): DecodedBody {
  if (typeof body === 'string') return decodeText(body, mediaType);
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    // A download stays bytes, as given: decoding it as UTF-8 would corrupt it. An error body is
    // decoded whatever its type, for the message it may hold.
    if (success && !isTextMediaType(mediaType)) return { value: body, malformed: false, binary: true };
    return decodeText(decodeBytes(body, contentType, mediaType), mediaType);
  }
  return { value: body, malformed: false };
}

/** What a dialect is told of the response: every header is read only when a dialect asks for them (`headers`). */
class ResponseContext implements ParseContext {
  private all: Readonly<Record<string, string | undefined>> | undefined;
  constructor(
    readonly status: number,
    readonly mediaType: string,
    private readonly given: unknown,
  ) {}

  get headers(): Readonly<Record<string, string | undefined>> {
    return (this.all ??= readAllHeaders(this.given));
  }
}

function parseSafely(dialect: DialectParser | undefined, body: unknown, status: number, context: ResponseContext): BodyFacts {
  if (dialect) {
    try {
      const facts = dialect.parse(body, context);
      // A custom dialect that returns no facts (`null`, `{}`, facts without `ok`) is read as one that threw.
      if (typeof facts === 'object' && facts !== null && typeof facts.ok === 'boolean') return facts;
    } catch {
      // A custom dialect's bug must not make normalize throw: the status still tells the story.
    }
  }
  return fromStatusAlone(body, status);
}

/** The caller's clock (`options.now`), else `Date.now()`. */
function readClock(options: NormalizeOptions | undefined): number {
  const clock = options ? readOwn(options, 'now') : undefined;
  const time = typeof clock === 'function' ? Number(clock()) : Number.NaN;
  return Number.isFinite(time) ? time : Date.now();
}

function normalizeWith<T>(dialects: DialectIndex, input: NormalizeInput, options: NormalizeOptions | undefined): ApiResult<T> {
  // Named reads, safe while Object.prototype is clean; with a polluted one, own copies are read
  // instead. (A shared `readOwn` here would make every load megamorphic on the hottest path.)
  const clean = isPrototypeClean();
  const given: Partial<NormalizeInput> = typeof input === 'object' && input !== null ? input : {};
  const source = clean ? given : toOwnCopy(given);
  const status = source.status;
  const headers = readResponseHeaders(source.headers);
  const mediaType = toMediaType(headers['content-type']);
  const valid = isHttpStatus(status);
  const { value: body, malformed, binary, text } = decodeBody(source.body, mediaType, valid && isSuccessStatus(status), headers['content-type']);
  const requestId = readRequestId(headers);
  const traceId = readTraceId(headers);
  // `normalize(await fetch(url))`: a stream is read by normalizeResponse, which is asynchronous.
  if (typeof ReadableStream === 'function' && body instanceof ReadableStream) {
    return { ok: false, error: toApiError({ kind: 'invalid_response', status: valid ? status : undefined, detail: 'The body is a stream: use normalizeResponse', requestId, traceId }) };
  }
  if (!valid || (malformed && isSuccessStatus(status))) {
    // A status that is no status, or a 2xx declared JSON that is not: the response cannot be used.
    return { ok: false, error: toApiError({ kind: 'invalid_response', status: valid ? status : undefined, detail: valid ? 'Malformed JSON' : status === undefined ? 'No status: give { status, headers, body }' : `Invalid status ${typeof status === 'string' ? `"${status}" (a string, not a number)` : String(status)}`, requestId, traceId, body }) };
  }
  const forced = options ? readOwn(options, 'dialect') : undefined;
  // Bytes are no dialect's: the success is the bytes themselves, under `unknown`.
  const context = new ResponseContext(status, mediaType, source.headers);
  const dialect = binary ? undefined : selectDialect(dialects, body, mediaType, typeof forced === 'string' ? forced : undefined, headers, context);
  const dialectId = (dialect?.id ?? 'unknown') as DialectId;
  // Own members only, here and below: a polluted `Object.prototype` must not reach the model.
  const parsed = parseSafely(dialect, body, status, context);
  const facts = (clean ? parsed : toOwnCopy(parsed)) as FactsView;

  if (facts.ok && isSuccessStatus(status)) {
    // Not frozen: `data` is the caller's to keep, and the success path is the hot one.
    const value: Record<string, unknown> = { status, data: facts.data };
    // Each of the model's type (dialect-facts.ts): a custom dialect's bug never breaks the model.
    const links = toRecordFact(facts.links);
    const embedded = toRecordFact(facts.embedded);
    const page = toRecordFact(facts.page);
    const cursor = toRecordFact(facts.cursor);
    const batch = toRecordFact(facts.batch);
    const location = headers.location;
    const id = typeof facts.requestId === 'string' ? facts.requestId : requestId;
    const trace = typeof facts.traceId === 'string' ? facts.traceId : traceId;
    if (links !== undefined) value['links'] = links;
    if (embedded !== undefined) value['embedded'] = embedded;
    if (page !== undefined) value['page'] = page;
    if (cursor !== undefined) value['cursor'] = cursor;
    if (batch !== undefined) value['batch'] = batch;
    if (location !== undefined) value['location'] = location;
    value['dialect'] = dialectId;
    if (id !== undefined) value['requestId'] = id;
    if (trace !== undefined) value['traceId'] = trace;
    value['body'] = body;
    return { ok: true, value: value as unknown as ApiSuccess<T> };
  }

  const errorFacts: FactsView = facts.ok ? {} : facts;
  // An error body too deep for the model to survive JSON.stringify and structuredClone (deep-body.ts).
  const deepText = text !== undefined && nestsTooDeep(text) ? text : undefined;
  const issues = toModelIssues(errorFacts.issues);
  const failures = toModelFailures(errorFacts.failures);
  const statusKind = toErrorKind(status, issues.length > 0);
  // DESIGN.md: the status decides first; the body refines a status that says little
  // (a 2xx envelope error, a generic 400 or 422).
  // A kind the model does not know (a custom dialect's bug) is no hint, nor `aborted` or
  // `network`: a response came.
  const hint = isErrorKind(errorFacts.kind) && errorFacts.kind !== 'aborted' && errorFacts.kind !== 'network' ? errorFacts.kind : undefined;
  // The clock is read only when a header or the body needs it (Retry-After, a rate-limit reset).
  const retryAfter = headers['retry-after'];
  const now =
    retryAfter !== undefined ||
    headers['x-ratelimit-reset'] !== undefined ||
    headers['x-rate-limit-reset'] !== undefined ||
    headers['ratelimit-reset'] !== undefined ||
    headers.ratelimit !== undefined ||
    headers['x-ratelimit-reset-requests'] !== undefined ||
    headers['x-ratelimit-reset-tokens'] !== undefined ||
    errorFacts.rateLimit !== undefined
      ? readClock(options)
      : 0;
  // The body's figures stand in for headers a browser does not see unless CORS exposes them.
  const rateLimit = parseRateLimit(headers, now) ?? toModelRateLimit(errorFacts.rateLimit);
  // GitHub answers a spent rate limit with a 403 and `X-RateLimit-Remaining: 0`, a secondary
  // limit with a 403 and `Retry-After` (docs.github.com, "Rate limits for the REST API"); Google
  // Drive with a 403 whose body says `userRateLimitExceeded`.
  // An error inside a 2xx with `X-RateLimit-Remaining: 0` is a spent limit too (GitHub's GraphQL
  // API, a GraphQL server of another spelling), unless the body names another kind than a guess.
  const limited =
    (statusKind === 'forbidden' && (retryAfter !== undefined || rateLimit?.remaining === 0 || hint === 'rate_limited')) ||
    (isSuccessStatus(status) && rateLimit?.remaining === 0 && (hint === undefined || hint === 'bad_request'));
  // A status that says little: a 2xx or 3xx, a 4xx of no kind of its own (400, 402, 415, …) or a
  // 422, or a 5xx no RFC registers (Anthropic's 529).
  const vague = statusKind === 'unknown' || statusKind === 'bad_request' || statusKind === 'unprocessable' || (statusKind === 'server' && toReasonPhrase(status) === undefined);
  const kind = limited ? 'rate_limited' : hint !== undefined && vague ? hint : statusKind;
  const resetAt = rateLimit?.resetAt;
  const shouldRetry = headers['stripe-should-retry'];
  // A reset time is advice to wait only when the limit was hit, not on every response carrying it.
  const resetDelay = resetAt !== undefined && (kind === 'rate_limited' || rateLimit?.remaining === 0) ? Math.max(0, resetAt - now) : undefined;
  // DESIGN.md: the server's title, else the status text; a 2xx has none, so the kind's title.
  const title = errorFacts.title || toReasonPhrase(status) || toKindTitle(kind);
  const error = toApiError({
    kind,
    status,
    title,
    // A message that only repeats the title explains nothing more: faultline/server writes the
    // status text as the message of an error with no detail (seeds 000, 002 and 004 require one),
    // which reads back as none (RELIABILITY.md: normalize(build(e)) gives back e's facts).
    detail: errorFacts.detail === title ? undefined : errorFacts.detail,
    code: errorFacts.code,
    type: errorFacts.type,
    instance: errorFacts.instance,
    issues,
    failures: deepText === undefined ? failures : withoutRawData(failures),
    // A body's id of another type (a custom dialect's bug) leaves the header's.
    requestId: typeof errorFacts.requestId === 'string' ? errorFacts.requestId : requestId,
    traceId: typeof errorFacts.traceId === 'string' ? errorFacts.traceId : traceId,
    // In milliseconds first, as the OpenAI and Anthropic SDKs read them (Azure's too), then Retry-After.
    retryAfterMs: parseRetryAfterMs(headers['retry-after-ms'] ?? headers['x-ms-retry-after-ms']) ?? parseRetryAfter(retryAfter, now) ?? toWaitMs(errorFacts.retryAfterMs) ?? resetDelay,
    rateLimit,
    // Stripe says whether a retry may succeed (a 409 `lock_timeout` may; stripe-node obeys it
    // over the status); the status and kind decide otherwise.
    retryable: shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : typeof errorFacts.retryable === 'boolean' ? errorFacts.retryable : undefined,
    dialect: dialectId,
    extensions: deepText === undefined ? errorFacts.extensions : undefined,
    body: deepText ?? body,
  });
  return { ok: false, error };
}

/**
 * Makes a normalize function that knows only the given dialects, tried in order — for a
 * slimmer bundle or for dialects of your own. Put a catch-all such as `plainDialect` last.
 * @example
 * const normalize = createNormalizer({ dialects: [problemDialect, plainDialect] });
 */
export function createNormalizer(options: { readonly dialects: readonly DialectParser[] }): Normalize {
  if (!Array.isArray(options?.dialects)) throw new TypeError('createNormalizer needs { dialects: [...] }, a list of dialects');
  const dialects = [...options.dialects];
  // A dialect named by its id (`'plain'`) rather than given (`plainDialect`) would fail every call.
  for (const dialect of dialects) {
    if (typeof dialect?.parse !== 'function' || typeof dialect.detect !== 'function') throw new TypeError(`Not a dialect: ${String(dialect)} (give plainDialect, not 'plain')`);
  }
  const index = indexDialects(dialects);
  return (input, normalizeOptions) => normalizeTotally(index, input, normalizeOptions);
}

/** `normalizeWith`, with a last line of defence: a custom dialect or a hostile input that throws gives an error, not an exception. */
function normalizeTotally<T>(dialects: DialectIndex, input: NormalizeInput, options: NormalizeOptions | undefined): ApiResult<T> {
  try {
    return normalizeWith(dialects, input, options);
  } catch {
    return { ok: false, error: toApiError({ kind: 'invalid_response', detail: 'The response could not be read' }) };
  }
}

/**
 * Turns a response — status, headers and a body that is parsed JSON, text, bytes or absent —
 * into an {@link ApiResult}. Never throws.
 * @example
 * const result = normalize({ status: 404, headers: { 'content-type': 'application/problem+json' }, body: '{"title":"Not Found"}' });
 * if (!result.ok) console.log(result.error.kind); // 'not_found'
 */
export function normalize<T = unknown>(input: NormalizeInput, options?: NormalizeOptions): ApiResult<T> {
  return normalizeTotally(indexBuiltIns(), input, options);
}

let builtInIndex: DialectIndex | undefined;
/** The built-in dialects' index, made on first use: a bundle that never normalizes drops it. */
const indexBuiltIns = (): DialectIndex => (builtInIndex ??= indexDialects(builtInDialects));

/**
 * Which dialect a body speaks: by media type first (`application/problem+json`), then by its
 * own markers; `unknown` when none of the built-in dialects claims it.
 * @example
 * detectDialect({ result: 'error', error: { type: 'system', code: 1, message: 'Down' } }); // 'envelope'
 */
export function detectDialect(body: unknown, contentType?: string): Dialect {
  // Total, as normalize is: a content type that is no text (a number, a Headers) is none.
  const mediaType = toMediaType(typeof contentType === 'string' ? contentType : undefined);
  const { value, binary } = decodeBody(body, mediaType, true);
  return (binary ? 'unknown' : (selectDialect(indexBuiltIns(), value, mediaType, undefined)?.id ?? 'unknown')) as Dialect;
}
