/**
 * Any HTTP response → {@link ApiResult}. `normalize` is synchronous, pure and total: no input
 * makes it throw. It decodes the body, picks a dialect by media type or by the body's own
 * markers, lets the dialect read the body, and adds what the status and headers say.
 */
import { isSuccessStatus, type BodyFacts, type DialectParser, type ErrorFacts } from './dialect.ts';
import { dialects as builtInDialects } from './dialects/index.ts';
import { toApiError } from './create-error.ts';
import { isJsonMediaType, readHeaders, readRequestId, readTraceId, toMediaType, type HeadersLike } from './headers.ts';
import { readOwn } from './members.ts';
import type { ApiResult, ApiSuccess, Dialect } from './model.ts';
import { parseRateLimit, parseRetryAfter } from './retry-timing.ts';
import { isHttpStatus, toErrorKind, toKindTitle } from './status.ts';

/** A response as `normalize` takes it. */
export interface NormalizeInput {
  /** The HTTP status. Anything but an integer from 100 to 599 gives an `invalid_response` error. */
  readonly status: number;
  readonly headers?: HeadersLike | null | undefined;
  /** Parsed JSON, raw text, bytes, or absent. */
  readonly body?: unknown;
}

/** How to normalize. */
export interface NormalizeOptions {
  /** Read the body as this dialect, skipping detection. */
  readonly dialect?: string | undefined;
  /** The clock for `Retry-After` dates and rate-limit resets, in epoch ms. @default Date.now */
  readonly now?: (() => number) | undefined;
}

/** A normalize function, as {@link createNormalizer} makes it. */
export type Normalize = <T = unknown>(input: NormalizeInput, options?: NormalizeOptions) => ApiResult<T>;

const byteOrderMark = 0xfeff;

interface DecodedBody {
  readonly value: unknown;
  /** The body was declared JSON and is not. */
  readonly malformed: boolean;
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
  // JSON sent as text/plain (or with no type at all) is still tried when it looks like JSON.
  if (declaredJson || ((first === 0x7b || first === 0x5b) && mediaType !== 'text/html')) {
    try {
      return { value: JSON.parse(text), malformed: false };
    } catch {
      return { value: text, malformed: declaredJson };
    }
  }
  return { value: text, malformed: false };
}

function decodeBody(body: unknown, mediaType: string): DecodedBody {
  if (typeof body === 'string') return decodeText(body, mediaType);
  if (body instanceof Uint8Array || body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    const bytes = body instanceof ArrayBuffer ? new Uint8Array(body) : new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    return decodeText(new TextDecoder().decode(bytes), mediaType);
  }
  return { value: body, malformed: false };
}

function selectDialect(dialects: readonly DialectParser[], body: unknown, mediaType: string, forced: string | undefined): DialectParser | undefined {
  if (forced !== undefined) return dialects.find((dialect) => dialect.id === forced);
  if (typeof body === 'object' && body !== null) {
    for (const dialect of dialects) if (dialect.mediaTypes.includes(mediaType)) return dialect;
  }
  for (const dialect of dialects) if (dialect.detect(body, mediaType)) return dialect;
  return undefined;
}

function parseSafely(dialect: DialectParser | undefined, body: unknown, status: number, mediaType: string): BodyFacts {
  if (dialect) {
    try {
      return dialect.parse(body, { status, mediaType });
    } catch {
      // A custom dialect's bug must not make normalize throw: the status still tells the story.
    }
  }
  return isSuccessStatus(status) ? { ok: true, data: body } : { ok: false };
}

/** Own members only: a polluted `Object.prototype` must not reach the model. */
const fact = <K extends keyof ErrorFacts>(facts: ErrorFacts, key: K): ErrorFacts[K] => readOwn(facts, key) as ErrorFacts[K];

function normalizeWith<T>(dialects: readonly DialectParser[], input: NormalizeInput, options: NormalizeOptions | undefined): ApiResult<T> {
  const source: object = typeof input === 'object' && input !== null ? input : {};
  const status = readOwn(source, 'status');
  const get = readHeaders(readOwn(source, 'headers'));
  const mediaType = toMediaType(get('content-type'));
  const clock = options ? readOwn(options, 'now') : undefined;
  const clockTime = typeof clock === 'function' ? Number(clock()) : Number.NaN;
  const now = Number.isFinite(clockTime) ? clockTime : Date.now();
  const { value: body, malformed } = decodeBody(readOwn(source, 'body'), mediaType);
  const requestId = readRequestId(get);
  const traceId = readTraceId(get);

  if (!isHttpStatus(status)) {
    const error = toApiError({ kind: 'invalid_response', detail: `${String(status)} is not an HTTP status`, requestId, traceId, body });
    return { ok: false, error };
  }
  if (isSuccessStatus(status) && malformed) {
    const error = toApiError({ kind: 'invalid_response', status, detail: 'The body is not valid JSON', requestId, traceId, body });
    return { ok: false, error };
  }
  const forced = options ? readOwn(options, 'dialect') : undefined;
  const dialect = selectDialect(dialects, body, mediaType, typeof forced === 'string' ? forced : undefined);
  const dialectId = (dialect?.id ?? 'unknown') as Dialect;
  const facts = parseSafely(dialect, body, status, mediaType);

  if (facts.ok && isSuccessStatus(status)) {
    const value: Record<string, unknown> = { status, data: readOwn(facts, 'data') };
    for (const key of ['links', 'embedded', 'page', 'cursor', 'batch'] as const) {
      const member = readOwn(facts, key);
      if (member !== undefined) value[key] = member;
    }
    const location = get('location');
    if (location !== undefined) value['location'] = location;
    value['dialect'] = dialectId;
    const id = readOwn(facts, 'requestId') ?? requestId;
    const trace = readOwn(facts, 'traceId') ?? traceId;
    if (id !== undefined) value['requestId'] = id;
    if (trace !== undefined) value['traceId'] = trace;
    value['body'] = body;
    return { ok: true, value: Object.freeze(value) as unknown as ApiSuccess<T> };
  }

  const errorFacts: ErrorFacts = facts.ok ? { ok: false } : facts;
  const issues = fact(errorFacts, 'issues') ?? [];
  const failures = fact(errorFacts, 'failures') ?? [];
  const statusKind = toErrorKind(status, issues.length > 0);
  // DESIGN.md: the status decides first; the body refines a status that says little
  // (a 2xx envelope error, a generic 400 or 422).
  const hint = fact(errorFacts, 'kind');
  const kind = hint !== undefined && (statusKind === 'unknown' || statusKind === 'bad_request' || statusKind === 'unprocessable') ? hint : statusKind;
  const rateLimit = parseRateLimit(get, now);
  const resetAt = rateLimit?.resetAt;
  // A reset time is advice to wait only when the limit was hit, not on every response carrying it.
  const resetDelay = resetAt !== undefined && (kind === 'rate_limited' || rateLimit?.remaining === 0) ? Math.max(0, resetAt - now) : undefined;
  const error = toApiError({
    kind,
    status,
    title: fact(errorFacts, 'title') ?? (kind === statusKind ? undefined : toKindTitle(kind)),
    detail: fact(errorFacts, 'detail'),
    code: fact(errorFacts, 'code'),
    type: fact(errorFacts, 'type'),
    instance: fact(errorFacts, 'instance'),
    issues,
    failures,
    requestId: fact(errorFacts, 'requestId') ?? requestId,
    traceId: fact(errorFacts, 'traceId') ?? traceId,
    retryAfterMs: parseRetryAfter(get('retry-after'), now) ?? fact(errorFacts, 'retryAfterMs') ?? resetDelay,
    rateLimit,
    retryable: undefined,
    dialect: dialectId,
    extensions: fact(errorFacts, 'extensions'),
    body,
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
  const dialects = [...options.dialects];
  return (input, normalizeOptions) => normalizeTotally(dialects, input, normalizeOptions);
}

/** `normalizeWith`, with a last line of defence: a custom dialect or a hostile input that throws gives an error, not an exception. */
function normalizeTotally<T>(dialects: readonly DialectParser[], input: NormalizeInput, options: NormalizeOptions | undefined): ApiResult<T> {
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
  return normalizeTotally(builtInDialects, input, options);
}

/**
 * Which dialect a body speaks: by media type first (`application/problem+json`), then by its
 * own markers; `unknown` when none of the built-in dialects claims it.
 * @example
 * detectDialect({ result: 'error', error: { type: 'system', code: 1, message: 'Down' } }); // 'envelope'
 */
export function detectDialect(body: unknown, contentType?: string): Dialect {
  const mediaType = toMediaType(contentType);
  return (selectDialect(builtInDialects, decodeBody(body, mediaType).value, mediaType, undefined)?.id ?? 'unknown') as Dialect;
}
