/**
 * Seed 003's key check: the key comes in `x-api-key`; a `HEAD` request on any route only checks
 * it — 200 when valid, 401 when invalid or missing — and runs no business logic.
 */
import { readHeaders, type HeadersLike } from '../headers.ts';
import { readClassMember } from '../members.ts';
import { isFieldName } from './header-safety.ts';
import type { DialectOption } from './builders/index.ts';
import { createError } from './create-error.ts';
import { buildError, type BuiltResponse } from './respond.ts';

/** How to check keys. */
export interface ApiKeyGuardOptions {
  /** Whether a key is valid, e.g. known and matching the tenant (seed 003). */
  readonly verify: (key: string) => boolean | Promise<boolean>;
  /** The dialect of the 401 answer; `'unknown'` means the default. @default 'problem' (RFC 9457) */
  readonly dialect?: DialectOption | undefined;
  /** @default 'x-api-key' */
  readonly header?: string | undefined;
}

/** The part of a request the guard reads: a Web `Request`, or node:http's `IncomingMessage`. */
export interface RequestHead {
  /** The request method, in any case; a `HEAD` only checks the key. */
  readonly method?: string | undefined;
  /** The request headers, where the key is read (`x-api-key` unless `header` names another). */
  readonly headers: HeadersLike;
}

/**
 * Makes a guard that answers for the route when the key is missing or invalid, when the request
 * is a HEAD, or a CORS preflight (204, no CORS headers: the CORS layer goes first); otherwise it
 * gives `undefined` and the route runs.
 * @example
 * const guard = createApiKeyGuard({ verify: (key) => keys.has(key) });
 * const answer = await guard(request);
 * if (answer) return toWebResponse(answer);
 */
export function createApiKeyGuard(options: ApiKeyGuardOptions): (request: RequestHead) => Promise<BuiltResponse | undefined> {
  // Read once, of the options or their class, never of a polluted Object.prototype (its `header`
  // had the key looked for elsewhere, its `dialect` changed the answers after the guard was made).
  const verify = readClassMember(options, 'verify');
  // Checked now: missing, it would fail each request with a key, as a 500.
  if (typeof verify !== 'function') throw new TypeError('createApiKeyGuard needs verify, a function');
  const named = readClassMember(options, 'header') ?? 'x-api-key';
  if (typeof named !== 'string' || !isFieldName(named)) throw new TypeError(`header must be a header name, not ${typeof named === 'string' ? JSON.stringify(named) : `a ${typeof named}`}`);
  const header = named.toLowerCase();
  const dialect = readClassMember(options, 'dialect') as DialectOption | undefined;
  return async (request) => {
    const read = readHeaders(request.headers);
    // A CORS preflight (Fetch standard §4.8) carries no x-api-key: browsers send custom headers
    // only once it has passed, so a 401 would fail every cross-origin call. It is the CORS
    // layer's to answer, before the guard; one that reaches the guard gets a 204 without CORS
    // headers and runs no route: passed on, anyone's OPTIONS with that header ran a route
    // registered for every method (`app.all`) without a key.
    if (request.method?.toUpperCase() === 'OPTIONS' && read('access-control-request-method') !== undefined) return { status: 204, headers: {}, body: '' };
    const key = read(header);
    const valid = key !== undefined && key !== '' && (await verify.call(options, key)) === true;
    const isHead = request.method?.toUpperCase() === 'HEAD';
    if (valid) return isHead ? { status: 200, headers: {}, body: '' } : undefined;
    // RFC 9110 §11.6.1: a 401 MUST carry a challenge. No scheme is registered for API keys; this
    // one names the header the key goes in, and no browser answers it with a login dialog.
    const challenge = { 'www-authenticate': `ApiKey header="${header}"` };
    // A HEAD gets the GET's answer whole: every HTTP server drops a HEAD's content (RFC 9110
    // §9.3.2) and sends the GET's Content-Length, which §8.6 asks for; an empty body made
    // Express and Fastify send `Content-Length: 0`.
    return buildError(createError({ kind: 'unauthenticated', detail: key ? 'The API key is not valid' : 'The API key is missing' }), { dialect, headers: challenge });
  };
}
