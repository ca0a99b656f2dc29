/**
 * Errors and data → HTTP responses in a dialect: as `{status, headers, body}` for node:http,
 * Express and Fastify (`buildError`, `buildOk`), or as a Web `Response` for Deno, Bun, edge
 * runtimes and Hono (`toResponse`, `ok`).
 */
import type { ApiError, HalLink, Init } from '../model.ts';
import { createIssue } from '../issues.ts';
import { isApiError } from '../response-error.ts';
import { toKindTitle, toReasonPhrase } from '../status.ts';
import type { AnyHeaders } from '../web-types.ts';
import { toBuilder, type DialectBuilder, type DialectOption, type SuccessShape } from './builders/index.ts';
import { toStatus } from './create-error.ts';
import { put } from './builders/members.ts';
import { isPrototypeClean, isRecord } from '../members.ts';
import { toLookupChain } from '../i18n/languages.ts';
import { assertHeaderValue, assertNoControl, toHeaderRecord, toIdHeader } from './header-safety.ts';

/** A response as node:http, Express and Fastify send it. */
export interface BuiltResponse {
  /** The HTTP status; a body with a `status` member carries the same. */
  readonly status: number;
  /** Lower-case names; every value checked for CR, LF and NUL. */
  readonly headers: Readonly<Record<string, string>>;
  /** JSON text, or `''` for a response without a body (204). */
  readonly body: string;
}

/** How to answer with an error. */
export interface ErrorResponseOptions {
  /**
   * The dialect the API documents: `'problem'`, `'status-message'`, `'plain'`, `'envelope'`, or
   * a builder; `'unknown'` means the default. Any other name is a TypeError.
   * @default 'problem' (RFC 9457)
   */
  readonly dialect?: DialectOption | undefined;
  /**
   * The language to answer in (e.g. from faultline/i18n's `negotiateLanguage`): sent as
   * `Content-Language`, with `Vary: Accept-Language` since the answer depends on it. With a
   * `localizer`, the error's texts are put in that language first; without one, they are taken
   * to be in it already. An empty one is none.
   */
  readonly language?: string | undefined;
  /**
   * Puts faultline's texts in `language`: a faultline/i18n localizer (`createLocalizer()`). Its
   * `i18n` tells which language has texts: `Content-Language` names the one the texts are in (`en`
   * for `fr` when only English and German are loaded), as the localizer falls back.
   */
  readonly localizer?: {
    /** The error with faultline's own texts (standard titles, known issue messages) in `language`. */
    localize(error: ApiError, language: string): ApiError;
    /** The i18next instance holding the texts, in namespace `faultline`. */
    readonly i18n?: { hasResourceBundle(language: string, namespace: string): boolean } | undefined;
  } | undefined;
  /** Extra headers; they win over faultline's. */
  readonly headers?: AnyHeaders | undefined;
}

/** How to answer with data. */
export interface OkOptions extends SuccessShape {
  /**
   * The dialect the API documents: `'problem'` (HAL), `'status-message'`, `'plain'`,
   * `'envelope'`, or a builder; `'unknown'` means the default. Any other name is a TypeError.
   * @default 'problem' — HAL for successes (seed 001)
   */
  readonly dialect?: DialectOption | undefined;
  /** @default 200 */
  readonly status?: number | undefined;
  /**
   * The `Location` of what a 201 Created made, or of the monitor of a 202 Accepted (seed 001).
   * What a URI cannot hold as it is (`/files/日本.pdf`, a space) is percent-encoded as UTF-8, as
   * in a Link's href; CR, LF, NUL or another control is a TypeError.
   */
  readonly location?: string | undefined;
  /** Extra headers; they win over faultline's (`Content-Type`, `Location`). */
  readonly headers?: AnyHeaders | undefined;
}

/**
 * A value as the builders read it: while Object.prototype is polluted, its plain objects copied
 * onto no prototype, down to depth 64. An absent member of the model (an error's `detail`, an
 * issue's `code`, a rate limit's `remaining`) or an option not given (`location`, `headers`) was
 * read from the polluted prototype and sent; createError and normalize read own members already.
 * Class instances (a `Headers`, a localizer) are kept as they are, and so is an error's `body`,
 * which no builder writes; an object met twice is copied once (a body that shares its members
 * would take time and memory exponential in its depth).
 */
function toOwnDeep<T>(value: T, depth = 0, copies = new WeakMap<object, unknown>()): T {
  if (depth > 64 || typeof value !== 'object' || value === null || isPrototypeClean()) return value;
  if (copies.has(value)) return copies.get(value) as T;
  if (Array.isArray(value)) {
    const list: unknown[] = [];
    copies.set(value, list);
    for (const item of value) list.push(toOwnDeep(item, depth + 1, copies));
    return list as T;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = Object.create(null);
  copies.set(value, copy);
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    copy[key] = depth === 0 && key === 'body' ? member : toOwnDeep(member, depth + 1, copies);
  }
  return copy as T;
}

/**
 * The status an error is answered with: its own error status; a 2xx only in the envelope
 * dialect, whose `result` says it failed (seed 004) — and never one that forbids a body
 * (204, 205: RFC 9110 §15.3.5–6); otherwise the status of its kind.
 */
function toErrorStatus(error: ApiError, builder: DialectBuilder): number {
  // toAnswered gave the error a status; 0 for one a localizer dropped, answered as its kind's.
  const status = error.status ?? 0;
  if (status >= 400 && status <= 599) return status;
  const envelopeSuccess = builder.id === 'envelope' && status >= 200 && status < 300 && status !== 204 && status !== 205;
  return envelopeSuccess ? status : toStatus(error.kind);
}

/**
 * An error as it is answered: one without a status (a time-out, a network failure) with its
 * kind's ({@link toStatus}), and a title that only named the kind with that status's phrase, as
 * RFC 9457 §4.2.1 asks of `about:blank` problems — what createError gave such errors before it
 * left their status out, so that the wire and the localized titles stay as they were.
 */
function toAnswered(error: ApiError): ApiError {
  if (error.status !== undefined) return error;
  const status = toStatus(error.kind);
  return { ...error, status, title: error.title === toKindTitle(error.kind) ? (toReasonPhrase(status) ?? error.title) : error.title } as ApiError;
}

/**
 * Batch failures where the dialect has no place for them (every seed dialect but 004's
 * envelope): each item's issues, as issues whose path starts with the item's index — as the
 * envelope reader reads them back — so that a client still learns which item failed and why,
 * when the error lists no issues of its own.
 * The items' raw data stays behind; echoing it is the envelope's own rule (seed 004).
 */
function withItemIssues(error: ApiError): ApiError {
  // processBatch lists them as issues already; an error of the caller's with issues says its own.
  if (error.failures.length === 0 || error.issues.length > 0) return error;
  const itemIssues = error.failures.flatMap((failure) => failure.issues.map((issue) => createIssue([failure.index, ...issue.path], issue.message, undefined, issue.code, issue.params)));
  return { ...error, issues: [...error.issues, ...itemIssues] } as ApiError;
}

/** A figure as RFC 9110 writes one, `1*DIGIT`: a safe integer from 0, else `undefined` (`String(1e300)` is "1e+300", and past 2^53 an integer is no longer the one meant). */
const toDigits = (value: number | undefined): string | undefined => (Number.isSafeInteger(value) && value! >= 0 ? String(value) : undefined);

/**
 * The language a localizer's texts for `language` are in: the tag, else its shorter prefixes
 * (`de-CH` → `de`), else English, faultline/i18n's fallback — the first with texts loaded. A
 * localizer that does not tell (no `i18n`) is taken to have texts in `language`.
 */
function toTextLanguage(i18n: { hasResourceBundle(language: string, namespace: string): boolean } | undefined, language: string): string {
  if (typeof i18n?.hasResourceBundle !== 'function') return language;
  // The tags loaded, matched as the localizer matches them (languages.ts): in any case, longest prefix first.
  const loaded = Object.keys((i18n as { store?: { data?: object } }).store?.data ?? {}).filter((tag) => i18n.hasResourceBundle(tag, 'faultline'));
  return toLookupChain(language, loaded)[0] ?? 'en';
}

/** Rate-limit and retry facts as headers: `Retry-After` (RFC 9110 §10.2.3) and `X-RateLimit-*` (seed 000). */
function toAdviceHeaders(error: ApiError, headers: Record<string, string>): void {
  // RFC 9110 §10.2.3 `Retry-After` and seed 000's `X-RateLimit-*` are digits: a figure that none
  // can spell (`NaN`, say a delay computed from a missing reset, or 1e300 ms) is left out.
  put(headers, 'retry-after', toDigits(Math.max(0, Math.ceil(Number(error.retryAfterMs) / 1000))));
  // Counts are non-negative integers, and a reset a time after the epoch: `-1` or `2.5` would be
  // read as no figure at all by faultline's own reader, and misread by others.
  const { rateLimit } = error;
  put(headers, 'x-ratelimit-limit', toDigits(rateLimit?.limit));
  put(headers, 'x-ratelimit-remaining', toDigits(rateLimit?.remaining));
  // Epoch seconds, as GitHub sends them: exact, whatever the delay before the client reads it.
  if (Number.isFinite(rateLimit?.resetAt) && rateLimit!.resetAt! >= 0) put(headers, 'x-ratelimit-reset', toDigits(Math.ceil(rateLimit!.resetAt! / 1000)));
  put(headers, 'x-request-id', toIdHeader(error.requestId));
  put(headers, 'x-trace-id', toIdHeader(error.traceId));
}

/** JSON text, or a TypeError saying why there is none: an empty body sent as JSON would be no JSON. */
function stringify(value: unknown, what: string): string {
  let text: string | undefined;
  let why = 'JSON has no text for a function, a symbol, or a toJSON() that gives undefined';
  try {
    text = JSON.stringify(value);
  } catch (thrown) {
    why = thrown instanceof Error ? thrown.message : String(thrown);
  }
  if (text === undefined) throw new TypeError(`${what} cannot be sent as JSON: ${why}`);
  return text;
}

/**
 * An error as `{status, headers, body}` in a dialect.
 * @example
 * const { status, headers, body } = buildError(createError({ kind: 'not_found' }), { dialect: 'status-message' });
 * response.writeHead(status, headers).end(body);
 */
export function buildError(given: ApiError, options?: ErrorResponseOptions): BuiltResponse {
  return buildErrorWith(given, options, undefined);
}

/** {@link buildError}, with a second and later `Set-Cookie` put in `cookies` (a Web Response carries them), or refused when there is none. */
function buildErrorWith(given: ApiError, ownOptions: ErrorResponseOptions | undefined, cookies: string[] | undefined): BuiltResponse {
  // A thrown Error passed straight in is the likely mistake: it has no kind, title or issues.
  if (!isApiError(given)) throw new TypeError('Not an ApiError: use createError, or fromError(thrown)');
  const options = toOwnDeep(ownOptions);
  // An empty language is none: an empty Content-Language names no language (RFC 9110 §8.5), and
  // an answer in none depends on no Accept-Language.
  const language = options?.language || undefined;
  const builder = toBuilder(options?.dialect);
  const own = toOwnDeep(given);
  const answered = builder.id === 'problem' || builder.id === 'status-message' || builder.id === 'plain' ? withItemIssues(toAnswered(own)) : toAnswered(own);
  const localizer = language === undefined ? undefined : options?.localizer;
  const error = toOwnDeep(localizer ? localizer.localize(answered, language!) : answered);
  const status = toErrorStatus(error, builder);
  // A 1xx-3xx error is answered with its kind's status: a title that was the old status's phrase
  // ("Found" of a 302) becomes the answered one's, as for errors without a status.
  const titled = error.status !== status && error.title === toReasonPhrase(error.status ?? 0) ? toOwnDeep({ ...error, title: toReasonPhrase(status) ?? error.title } as ApiError) : error;
  const headers: Record<string, string> = { 'content-type': builder.errorMediaType };
  toAdviceHeaders(error, headers);
  Object.assign(headers, toHeaderRecord(options?.headers, cookies));
  if (language !== undefined) {
    // The caller's own Content-Language wins, as every extra header does.
    headers['content-language'] ??= assertHeaderValue('Content-Language', localizer ? toTextLanguage(localizer.i18n, language) : language);
    // The answer depends on Accept-Language: a cache must know, whatever else the caller varies on.
    const vary = headers['vary'];
    if (!vary) headers['vary'] = 'Accept-Language';
    else if (!/(^|,)\s*(accept-language|\*)\s*(,|$)/i.test(vary)) headers['vary'] = `${vary}, Accept-Language`;
  }
  return { status, headers, body: stringify(builder.buildError(titled, status), 'The error (its extensions or failures)') };
}

/**
 * Data as `{status, headers, body}` in a dialect; a 204 or 205 has no body.
 * @example
 * buildOk(customers, { dialect: 'envelope', page: { page: 1, pagesCount: 4 } });
 */
export function buildOk<T>(data: T, options?: OkOptions): BuiltResponse {
  return buildOkWith(data, options, undefined);
}

/** {@link buildOk}, with a second and later `Set-Cookie` put in `cookies`. */
function buildOkWith(data: unknown, given: OkOptions | undefined, cookies: string[] | undefined): BuiltResponse {
  const options = toOwnDeep(given ?? {});
  const builder = toBuilder(options.dialect);
  const status = options.status ?? 200;
  if (!Number.isInteger(status) || status < 200 || status > 299) throw new TypeError(`ok needs a 2xx status; got ${JSON.stringify(status)}`);
  // A text or a list here was written member by member (`metadata: {"0": "x"}`) or as it is (`_links: "x"`).
  for (const name of ['links', 'embedded', 'page', 'cursor', 'batch'] as const) if (options[name] !== undefined && !isRecord(options[name])) throw new TypeError(`ok's ${name} must be an object`);
  const headers: Record<string, string> = {};
  // A URI reference, encoded as a Link's href is. Controls are refused first, as in any header:
  // in a redirect target they are response splitting, which encoding would hide, not undo.
  if (options.location !== undefined) headers['location'] = toHeaderUri(assertNoControl('Location', options.location));
  Object.assign(headers, toHeaderRecord(options.headers, cookies));
  // RFC 9110 §15.3.5–6: a 204 or 205 carries no content.
  const bodyless = status === 204 || status === 205;
  // Alone, a function or a symbol would be an empty body sent as JSON; in HAL, a chunk or an
  // envelope, a member left out unsaid: stringify refuses it first, as it has no JSON text.
  // `undefined` is no body, on purpose (`buildOk(undefined)`).
  if (!bodyless && (typeof data === 'function' || typeof data === 'symbol')) stringify(data, 'The data');
  const body = bodyless ? undefined : builder.buildSuccess(data, options);
  // Only a HAL body has a place for links; elsewhere, and when there is no body to hold them, they
  // go in a Link header, which a client (faultline's paginate among them) follows, rather than
  // being dropped unsaid. Caller's links after.
  const link = options.links && (builder.id !== 'problem' || body === undefined) ? toLinkHeader(options.links) : '';
  if (link) headers['link'] = assertHeaderValue('Link', headers['link'] ? `${link}, ${headers['link']}` : link);
  if (body === undefined) return { status, headers, body: '' };
  return { status, headers: { 'content-type': builder.successMediaType(body, options), ...headers }, body: stringify(body, 'The data') };
}

// What a URI reference in a header cannot hold as it is (RFC 3986 §2, RFC 8288 §3): characters
// past ASCII (`/search?q=日本`), spaces and controls, and the `<` `>` around it.
const unsafeInUri = /[^\x21-\x7e]|[<>]/gu;

const unsafeInRel = /[^\x21-\x7e]|["\\]/gu;

/** A character percent-encoded as UTF-8; a lone surrogate, which has none, as U+FFFD. */
const toPercentEncoded = (char: string): string => {
  try {
    return encodeURIComponent(char);
  } catch {
    return '%EF%BF%BD';
  }
};

/** A URI reference as a header carries it (RFC 3986 §2.1): `/files/日本.pdf` as `/files/%E6%97%A5%E6%9C%AC.pdf`. */
const toHeaderUri = (uri: string): string => uri.replace(unsafeInUri, toPercentEncoded);

/** HAL links as an RFC 8288 `Link` field value: `</items?page=2>; rel="next"`; templated ones, which are no links yet, and ones without a string `href`, left out. */
function toLinkHeader(links: NonNullable<OkOptions['links']>): string {
  const parts: string[] = [];
  for (const rel of Object.keys(links)) {
    for (const link of ([] as Init<HalLink>[]).concat(links[rel]!)) {
      // The relation is a quoted string: `"` and `\` would end or escape it.
      if (typeof link?.href === 'string' && !link.templated) parts.push(`<${toHeaderUri(link.href)}>; rel="${rel.replace(unsafeInRel, toPercentEncoded)}"`);
    }
  }
  return parts.join(', ');
}

/** A built response as a Web `Response`; an empty body becomes no body. */
export const toWebResponse = (built: BuiltResponse): Response => toResponseWith(built, []);

function toResponseWith({ status, headers, body }: BuiltResponse, cookies: readonly string[]): Response {
  const response = new Response(body === '' ? null : body, { status, headers });
  for (const cookie of cookies) response.headers.append('set-cookie', cookie);
  return response;
}

/**
 * An error as a Web `Response` in a dialect.
 * @example
 * return toResponse(createError({ kind: 'rate_limited', retryAfterMs: 30_000 }), { dialect: 'plain' });
 */
export function toResponse(error: ApiError, options?: ErrorResponseOptions): Response {
  const cookies: string[] = [];
  return toResponseWith(buildErrorWith(error, options, cookies), cookies);
}

/**
 * Data as a Web `Response` in a dialect.
 * @example
 * return ok({ id: 7 }, { status: 201, location: '/campaigns/7', links: { self: { href: '/campaigns/7' } } });
 */
export function ok<T>(data: T, options?: OkOptions): Response {
  const cookies: string[] = [];
  return toResponseWith(buildOkWith(data, options, cookies), cookies);
}

