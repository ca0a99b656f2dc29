/**
 * An outside audit's findings in faultline/server, each a test of what a user sees: the status,
 * headers and body of the answer, or the error thrown and its message.
 */
import { runInNewContext } from 'node:vm';
import ky from 'ky';
import { createFetch } from 'ofetch';
import { describe, expect, it } from 'vitest';
import { normalize, ResponseError, type ApiError } from '../../src/index.ts';
import { assertHeaderValue, buildError, buildOk, createApiKeyGuard, createError, fromError, ok, problemBuilder, thrownHeaders, toResponse, type BuiltDialect, type BuiltResponse, type DialectBuilder } from '../../src/server/index.ts';

describe('an id past Latin-1', () => {
  it('leaves its header out rather than failing the answer, wherever the character falls, and the body keeps it', () => {
    const built = buildError(createError({ status: 404, requestId: 'req-😀', traceId: 'trace-日本' }), { dialect: 'status-message' });
    expect(built.status).toBe(404);
    expect(built.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(built.body)).toMatchObject({ status: 404, request_id: 'req-😀', trace_id: 'trace-日本' });
    // Past the cut, the character is never echoed, and the header stays.
    expect(buildError(createError({ status: 404, requestId: `${'a'.repeat(127)}😀` })).headers['x-request-id']).toBe('a'.repeat(127));
  });

  it('leaves only that header out, in every answer: a Latin-1 id is still echoed, and a Web Response is built', () => {
    const response = toResponse(createError({ status: 429, requestId: 'José', traceId: '\u{1F600}' }), { dialect: 'plain' });
    expect(response.status).toBe(429);
    expect(response.headers.get('x-request-id')).toBe('José');
    expect(response.headers.has('x-trace-id')).toBe(false);
  });

  it('is left out beside a CR, LF or NUL too, and nothing it carries is sent', () => {
    for (const requestId of ['req-😀\r\nSet-Cookie: x', '😀\0', 'a\r日']) {
      const built = buildError(createError({ status: 400, requestId, traceId: '😀\n' }));
      expect(built.headers).toEqual({ 'content-type': 'application/problem+json' });
    }
  });
});

describe('an id with a control', () => {
  // Bun's request headers let a DEL through: echoing `req.headers.get('x-request-id')` made
  // building the answer throw, and the framework answered 500 instead of the error; so did an
  // upstream's id with a CR, passed on by `fromError(thrown, { expose: true })`.
  it('leaves its header out rather than failing the answer, and the body keeps it', () => {
    const built = buildError(createError({ status: 404, requestId: 'req-7\x7f', traceId: 'trace\u0001' }), { dialect: 'status-message' });
    expect(built.status).toBe(404);
    expect(built.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(built.body)).toMatchObject({ status: 404, request_id: 'req-7\x7f', trace_id: 'trace\u0001' });
    const response = toResponse(createError({ status: 429, requestId: 'req-8\x1b[31m', traceId: 'trace-8' }), { dialect: 'plain' });
    expect(response.status).toBe(429);
    expect(response.headers.has('x-request-id')).toBe(false);
    expect(response.headers.get('x-trace-id')).toBe('trace-8');
    const upstream = normalize({ status: 404, headers: { 'content-type': 'application/json' }, body: '{"status":404,"message":"No such order","request_id":"abc\\r\\nSet-Cookie: x=1"}' });
    const passedOn = buildError(fromError(new ResponseError(upstream.error!), { expose: true }), { dialect: 'status-message' });
    expect(passedOn.status).toBe(404);
    expect(passedOn.headers['x-request-id']).toBeUndefined();
    expect(JSON.parse(passedOn.body)).toMatchObject({ message: 'No such order', request_id: 'abc\r\nSet-Cookie: x=1' });
  });

  it('echoes a tab, which a field value may hold (RFC 9110 §5.5), and refuses a control given as any other header', () => {
    expect(buildError(createError({ status: 400, requestId: 'req\t9' })).headers['x-request-id']).toBe('req\t9');
    expect(() => buildError(createError({ status: 400 }), { headers: { 'X-Tenant': 'acme\x7f' } })).toThrow('Header X-Tenant cannot carry "\x7f": no CR, LF, NUL or other control (RFC 9110 §5.5)');
  });
});

describe('assertHeaderValue', () => {
  it('says a character past Latin-1 is one, not a control', () => {
    expect(() => assertHeaderValue('X-Note', 'caf\u0113')).toThrow(new TypeError('Header X-Note cannot carry "ē": a character past Latin-1 (RFC 9110 §5.5)'));
    expect(() => assertHeaderValue('X-Note', 'smile 😀')).toThrow(new TypeError('Header X-Note cannot carry "😀": a character past Latin-1 (RFC 9110 §5.5)'));
    expect(() => assertHeaderValue('X-Note', 'a\rb')).toThrow(new TypeError('Header X-Note cannot carry "\\r": no CR, LF, NUL or other control (RFC 9110 §5.5)'));
  });

  it('names a control first when the value holds both', () => {
    expect(() => assertHeaderValue('X-Note', '😀\u0001')).toThrow(new TypeError('Header X-Note cannot carry "\\u0001": no CR, LF, NUL or other control (RFC 9110 §5.5)'));
  });
});

describe('headers of another Headers implementation', () => {
  /** The part of a Headers that undici's, a polyfill's or another realm's shares: no `instanceof Headers`. */
  class OtherHeaders {
    readonly #map: Map<string, string>;
    constructor(init: Record<string, string>) {
      this.#map = new Map(Object.entries(init).map(([name, value]) => [name.toLowerCase(), value]));
    }
    forEach(callback: (value: string, name: string) => void): void {
      this.#map.forEach((value, name) => callback(value, name));
    }
    entries(): IterableIterator<[string, string]> {
      return this.#map.entries();
    }
  }
  const other = (init: Record<string, string>): Headers => new OtherHeaders(init) as unknown as Headers;

  it('are sent by buildError, buildOk, toResponse and ok', () => {
    const headers = other({ 'Cache-Control': 'no-store', 'X-Tenant': 'acme' });
    expect(buildError(createError({ status: 404 }), { headers }).headers).toMatchObject({ 'cache-control': 'no-store', 'x-tenant': 'acme' });
    expect(buildOk({ id: 7 }, { headers }).headers).toMatchObject({ 'cache-control': 'no-store', 'x-tenant': 'acme' });
    expect(toResponse(createError({ status: 404 }), { headers }).headers.get('x-tenant')).toBe('acme');
    expect(ok({ id: 7 }, { headers }).headers.get('cache-control')).toBe('no-store');
  });

  it('are checked as any header is', () => {
    expect(() => buildOk({ id: 7 }, { headers: other({ 'X-Tenant': 'acme\r\nSet-Cookie: x' }) })).toThrow('Header x-tenant cannot carry "\\r"');
  });
});

describe('a Location', () => {
  it('is percent-encoded as UTF-8 where a URI cannot hold a character as it is, as a Link href is', () => {
    const created = buildOk({ id: 7 }, { status: 201, location: '/files/日本.pdf' });
    expect(created.status).toBe(201);
    expect(created.headers['location']).toBe('/files/%E6%97%A5%E6%9C%AC.pdf');
    // A Latin-1 character was sent as one raw byte, which a client decodes as it guesses.
    expect(ok({}, { status: 201, location: '/users/José' }).headers.get('location')).toBe('/users/Jos%C3%A9');
    expect(buildOk({}, { status: 202, location: '/jobs/a b<1>' }).headers['location']).toBe('/jobs/a%20b%3C1%3E');
    expect(buildOk({}, { status: 201, location: '/x/\ud800' }).headers['location']).toBe('/x/%EF%BF%BD');
    // What is encoded already, and a URI's own delimiters, stay as they are.
    expect(buildOk({}, { status: 201, location: 'https://api.example.com/a%20b?q=1&r=%E6%97%A5#top' }).headers['location']).toBe('https://api.example.com/a%20b?q=1&r=%E6%97%A5#top');
  });

  it('encodes as the Link header of the same href does', () => {
    const href = '/search?q=日本 José';
    const built = buildOk([], { dialect: 'plain', status: 201, location: href, links: { self: { href } } });
    expect(built.headers['link']).toBe(`<${built.headers['location']}>; rel="self"`);
  });

  it('is still refused with CR, LF, NUL or another control in it: response splitting, which encoding would hide', () => {
    expect(() => buildOk({}, { status: 201, location: '/users/José\r\nSet-Cookie: x' })).toThrow(new TypeError('Header Location cannot carry "\\r": no CR, LF, NUL or other control (RFC 9110 §5.5)'));
    expect(() => ok({}, { status: 201, location: '/日本\u0000' })).toThrow('Header Location cannot carry "\\u0000"');
  });
});

describe('Retry-After and X-RateLimit-*', () => {
  it('are written only as digits, a safe integer (RFC 9110 §10.2.3: delay-seconds = 1*DIGIT), and left out otherwise', () => {
    const huge = buildError(createError({ kind: 'rate_limited', retryAfterMs: 1e300, rateLimit: { limit: 1e300, remaining: 2 ** 53, resetAt: 1e300 } }));
    expect(huge.status).toBe(429);
    expect(huge.headers).toEqual({ 'content-type': 'application/problem+json' });
    const largest = buildError(createError({ kind: 'rate_limited', retryAfterMs: Number.MAX_SAFE_INTEGER * 1000, rateLimit: { limit: Number.MAX_SAFE_INTEGER, remaining: 0, resetAt: 1_750_000_000_500 } }));
    expect(largest.headers).toMatchObject({ 'retry-after': '9007199254740991', 'x-ratelimit-limit': '9007199254740991', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1750000001' });
    expect(buildError(createError({ kind: 'rate_limited', retryAfterMs: 1500 })).headers['retry-after']).toBe('2');
  });
});

describe('HAL links without a body to hold them', () => {
  it('go in a Link header on a 204 or 205, rather than being dropped unsaid', () => {
    const links = { next: { href: '/items?page=2' }, search: { href: '/items{?q}', templated: true } };
    expect(buildOk(undefined, { status: 204, links })).toEqual({ status: 204, headers: { link: '</items?page=2>; rel="next"' }, body: '' });
    expect(buildOk({ id: 1 }, { dialect: 'problem', status: 205, links, headers: { Link: '</docs>; rel="help"' } }).headers['link']).toBe('</items?page=2>; rel="next", </docs>; rel="help"');
    const response = ok(undefined, { status: 204, links });
    expect(response.status).toBe(204);
    expect(response.headers.get('link')).toBe('</items?page=2>; rel="next"');
  });

  it('go in a Link header when a HAL builder of your own writes no body', () => {
    const quiet: DialectBuilder = { ...problemBuilder, buildSuccess: () => undefined };
    expect(buildOk({ id: 1 }, { dialect: quiet, links: { self: { href: '/items/1' } } })).toEqual({ status: 200, headers: { link: '</items/1>; rel="self"' }, body: '' });
  });

  it('stay in the body, and out of the headers, when there is one', () => {
    const built = buildOk(undefined, { status: 200, links: { next: { href: '/items?page=2' } } });
    expect(built.headers).toEqual({ 'content-type': 'application/hal+json' });
    expect(JSON.parse(built.body)).toEqual({ _links: { next: { href: '/items?page=2' } } });
  });
});

describe('data that JSON has no text for', () => {
  const noJson = new TypeError('The data cannot be sent as JSON: JSON has no text for a function, a symbol, or a toJSON() that gives undefined');

  it('is a TypeError, rather than a 200 sent as application/json with an empty body', () => {
    expect(() => buildOk(() => 1)).toThrow(noJson);
    expect(() => ok(Symbol('id'))).toThrow(noJson);
    expect(() => buildOk({ toJSON: () => undefined }, { dialect: 'plain' })).toThrow(noJson);
  });

  it('is a TypeError in a HAL resource, a chunk or an envelope too, where it would be left out unsaid', () => {
    expect(() => buildOk(() => 1, { links: { self: { href: '/1' } } })).toThrow(noJson);
    expect(() => buildOk(Symbol('rows'), { dialect: 'plain', cursor: { offset: '2', hasNext: true } })).toThrow(noJson);
    expect(() => buildOk(() => [], { dialect: 'envelope' })).toThrow(noJson);
  });

  it('leaves undefined as it was, a 200 without a body, and a 204 whatever it is given', () => {
    expect(buildOk(undefined)).toEqual({ status: 200, headers: {}, body: '' });
    expect(buildOk(undefined, { dialect: 'plain' })).toEqual({ status: 200, headers: {}, body: '' });
    expect(buildOk(() => 1, { status: 204 })).toEqual({ status: 204, headers: {}, body: '' });
  });
});

describe('an empty language', () => {
  it('sends no Content-Language and no Vary, and is not localized into', () => {
    const localizer = { localize: (): never => { throw new Error('localized into an empty language'); } };
    const built = buildError(createError({ status: 404 }), { language: '', localizer });
    expect(built.headers).toEqual({ 'content-type': 'application/problem+json' });
    const response = toResponse(createError({ status: 404 }), { dialect: 'plain', language: '' });
    expect(response.headers.has('content-language')).toBe(false);
    expect(response.headers.has('vary')).toBe(false);
    expect(buildError(createError({ status: 404 }), { language: 'de' }).headers).toMatchObject({ 'content-language': 'de', vary: 'Accept-Language' });
  });
});

describe('a path segment of digits that is a key, not an index', () => {
  const pathsRead = (built: BuiltResponse): unknown[] => {
    const read = normalize(built);
    return read.ok ? [] : read.error.issues.map((issue) => issue.path);
  };

  it.each(['status-message', 'plain', 'envelope'] as const)('is read back as the key it is in the %s dialect', (dialect) => {
    for (const path of [['tags', '0'], ['0'], ['items', 1, '12', 'name'], ['007', 'x'], ['tags', '0', 0]]) {
      // Alone (the envelope's error object carries a lone issue's field) and beside another.
      const alone = buildError(createError({ status: 400, issues: [{ path, message: 'is invalid' }] }), { dialect });
      expect(pathsRead(alone), JSON.stringify(path)).toEqual([path]);
      const two = buildError(createError({ status: 422, issues: [{ path, message: 'is invalid' }, { path: ['name'], message: 'is required' }] }), { dialect });
      expect(pathsRead(two), JSON.stringify(path)).toEqual([path, ['name']]);
    }
  });

  it('is written quoted, as faultline/zod writes it', () => {
    const error = createError({ status: 400, issues: [{ path: ['tags', '0'], message: 'is invalid' }, { path: ['0', 'name'], message: 'is required' }] });
    expect(JSON.parse(buildError(error, { dialect: 'plain' }).body).errors.map((entry: { field: string }) => entry.field)).toEqual(['tags["0"]', '["0"].name']);
    const lone = createError({ status: 400, issues: [{ path: ['tags', '0'], message: 'is invalid' }] });
    expect(JSON.parse(buildError(lone, { dialect: 'envelope' }).body).error.field).toBe('tags["0"]');
    // An index stays an index.
    expect(JSON.parse(buildError(createError({ status: 400, issues: [{ path: ['tags', 0], message: 'x' }] }), { dialect: 'plain' }).body).errors[0].field).toBe('tags[0]');
  });

  it('stays in a JSON Pointer where one is written, which cannot tell it from an index (RFC 6901 §4)', () => {
    const problem = buildError(createError({ status: 400, issues: [{ path: ['tags', '0'], message: 'x' }] }));
    expect(JSON.parse(problem.body).errors[0].pointer).toBe('#/tags/0');
    expect(pathsRead(problem)).toEqual([['tags', 0]]);
    const dotted = buildError(createError({ status: 400, issues: [{ path: ['a.b', '0'], message: 'x' }] }), { dialect: 'plain' });
    expect(JSON.parse(dotted.body).errors[0].field).toBe('/a.b/0');
  });
});

describe('a header given as undefined or null', () => {
  it('is a header not given, never the text "undefined" or "null"', () => {
    const headers = { 'retry-after': undefined, 'x-trace': null, 'x-kept': 'yes' } as unknown as Record<string, string>;
    expect(buildOk({ id: 1 }, { headers }).headers).toEqual({ 'content-type': 'application/hal+json', 'x-kept': 'yes' });
    const answered = toResponse(createError({ kind: 'not_found' }), { headers });
    expect([answered.headers.get('retry-after'), answered.headers.get('x-trace'), answered.headers.get('x-kept')]).toEqual([null, null, 'yes']);
  });
});

describe('header names', () => {
  // RFC 9110 §5.1: a field name is a token. A name with CR LF was kept as given, for node:http to
  // refuse with an ERR_INVALID_HTTP_TOKEN that names no header, or a writer of its own to send.
  it('refuses a name that is not a token with a TypeError naming it, in every form headers are given', () => {
    for (const name of ['x-a\r\nSet-Cookie: x', 'x a', '', 'x:b', 'x-é']) {
      const refusal = new TypeError(`Header name ${JSON.stringify(name)} is not a token (RFC 9110 §5.1)`);
      expect(() => buildError(createError({ kind: 'server' }), { headers: { [name]: 'v' } })).toThrow(refusal);
      expect(() => buildError(createError({ kind: 'server' }), { headers: [[name, 'v']] })).toThrow(refusal);
      expect(() => buildOk({ id: 1 }, { headers: { [name]: 'v' } })).toThrow(refusal);
      expect(() => ok({ id: 1 }, { headers: [[name, 'v']] })).toThrow(refusal);
    }
  });

  it('takes every token, in any case', () => {
    expect(buildOk({ id: 1 }, { headers: { "X-Odd!#$%&'*+.^_`|~9": 'v' } }).headers).toEqual({ 'content-type': 'application/hal+json', "x-odd!#$%&'*+.^_`|~9": 'v' });
  });
});

describe("the envelope's itemsKey", () => {
  it('writes items under `__proto__` as a member, never as the body\'s prototype', () => {
    // It set the body's prototype: `{"result":"success","metadata":{}}`, the items lost unsaid.
    const built = buildOk([{ id: 1 }], { dialect: 'envelope', itemsKey: '__proto__' });
    expect(built.body).toBe('{"result":"success","__proto__":[{"id":1}],"metadata":{}}');
    expect(Object.prototype).not.toHaveProperty('id');
  });
});

describe('answers built while Object.prototype is polluted', () => {
  // createError and normalize read own members only; the builders read the model's absent
  // members (an error's `detail`, an issue's `code`) and options not given from the prototype.
  const pollution: Record<string, unknown> = {
    detail: 'POLLUTED', requestId: 'evil-id', code: 'EVIL', instance: '/evil', type: 'https://evil.example/', retryAfterMs: 9_000,
    rateLimit: { limit: 1 }, remaining: 0, field: 'evil', headers: { 'set-cookie': 'session=attacker' }, location: '/evil', links: { next: { href: '/evil' } }, status: 404, header: 'x-evil',
  };
  function polluted<T>(run: () => T): T {
    Object.assign(Object.prototype, pollution);
    try {
      return run();
    } finally {
      for (const key of Object.keys(pollution)) delete (Object.prototype as Record<string, unknown>)[key];
    }
  }

  it('gives the answers a clean prototype gives, in every dialect', async () => {
    const answers = () => [
      ...(['problem', 'status-message', 'plain', 'envelope'] as const).flatMap((dialect) => [
        buildError(createError({ kind: 'server' }), { dialect }),
        buildError(fromError(new Error('secret')), { dialect }),
        buildError(createError({ status: 422, issues: [{ path: ['name'], message: 'Required' }, { path: ['age'], message: 'Too small' }] }), { dialect }),
        buildError(createError({ status: 429, rateLimit: { limit: 10, remaining: 0 } }), { dialect }),
        buildOk({ id: 1 }, { dialect }),
        buildOk([{ id: 1 }], { dialect, status: 201 }),
      ]),
    ];
    const clean = answers();
    expect(polluted(answers)).toEqual(clean);
    expect(JSON.stringify(clean)).not.toMatch(/POLLUTED|evil|attacker|9000/);
    const guard = createApiKeyGuard({ verify: (key) => key === 'k1' });
    expect(await polluted(() => guard({ method: 'HEAD', headers: { 'x-api-key': 'k1' } }))).toEqual({ status: 200, headers: {}, body: '' });
  });

  it('makes a key guard of options of a class while polluted, and keeps its answers when polluted after', async () => {
    // Made while polluted, a class's `verify` was lost (every request a 500); polluted after, its
    // 401s came out in the dialect the prototype named.
    class KeyCheck {
      readonly keys = new Set(['k1']);
      verify(key: string): boolean {
        return this.keys.has(key);
      }
    }
    const guard = polluted(() => createApiKeyGuard(new KeyCheck()));
    expect(await guard({ method: 'HEAD', headers: { 'x-api-key': 'k1' } })).toEqual({ status: 200, headers: {}, body: '' });
    const plain = createApiKeyGuard({ verify: () => false });
    Object.assign(Object.prototype, { dialect: 'envelope' });
    let refused: BuiltResponse | undefined;
    try {
      refused = await plain({ method: 'GET', headers: { 'x-api-key': 'k2' } });
    } finally {
      delete (Object.prototype as Record<string, unknown>)['dialect'];
    }
    expect(refused?.headers['content-type']).toBe('application/problem+json');
    expect(() => createApiKeyGuard({ verify: () => true, header: 5 as unknown as string })).toThrow(new TypeError('header must be a header name, not a number'));
    expect(() => createApiKeyGuard({ verify: () => true, header: 10n as unknown as string })).toThrow(new TypeError('header must be a header name, not a bigint'));
    expect(() => createApiKeyGuard({ verify: () => true, header: 'x key' })).toThrow(new TypeError('header must be a header name, not "x key"'));
  });
});

/** What a caller of the README's adapters gets for a thrown value: status, headers and body as one text. */
function answered(thrown: unknown, dialect: BuiltDialect = 'problem'): BuiltResponse & { sent: string } {
  const built = buildError(fromError(thrown), { dialect, headers: thrownHeaders(thrown) });
  return { ...built, sent: `${built.body}\n${JSON.stringify(built.headers)}` };
}

/** The headers a real upstream answer carries, as Node gives them: lower-case names, Date and Server among them. */
const receivedHeaders = (extra: Record<string, string>): Record<string, string> => ({
  date: 'Tue, 01 Jul 2025 10:00:00 GMT',
  'content-type': 'application/json',
  'content-length': '218',
  connection: 'keep-alive',
  server: 'nginx',
  ...extra,
});

describe("an API SDK's error that carries the upstream's status as its own, without a `response`", () => {
  // stripe-node src/Error.ts: `new StripeError(raw)` copies `raw.headers`, `raw.statusCode` and
  // `raw.requestId`, which RequestSender adds to the body's `error` from the response it received.
  const stripeError = (statusCode: number, type: string, body: Record<string, unknown>, headers?: Record<string, string>): Error => {
    const raw = { ...body, headers, statusCode, requestId: headers?.['request-id'] };
    return Object.assign(new Error(String(body['message'])), { type, raw, rawType: body['type'], code: body['code'], doc_url: body['doc_url'], param: body['param'], headers, requestId: raw.requestId, statusCode });
  };

  it("answers stripe-node's 401 as a 502 with none of its message, key, headers or ids (it was a 401 with all of them)", () => {
    const thrown = Object.assign(new Error('Invalid API Key provided: sk_test_****abcd'), {
      statusCode: 401,
      headers: { 'www-authenticate': 'Bearer realm="Stripe"', server: 'nginx', 'request-id': 'req_upstream' },
      raw: { message: 'Invalid API Key provided: sk_test_****abcd', type: 'invalid_request_error', statusCode: 401, requestId: 'req_upstream' },
      type: 'StripeAuthenticationError',
      requestId: 'req_upstream',
    });
    expect(thrownHeaders(thrown)).toEqual([]);
    const built = answered(thrown);
    expect(built.status).toBe(502);
    for (const secret of ['sk_test', 'Invalid API Key', 'Stripe', 'nginx', 'req_upstream']) expect(built.sent).not.toContain(secret);
  });

  it("passes on stripe-node's 404 and 402 by status alone, and knows a StripeError made without headers (as in a test) by its `raw`", () => {
    const missing = stripeError(404, 'StripeInvalidRequestError', { type: 'invalid_request_error', code: 'resource_missing', message: "No such customer: 'cus_Secret42'", param: 'id' }, receivedHeaders({ 'request-id': 'req_9', 'stripe-version': '2025-06-30' }));
    expect(answered(missing).status).toBe(404);
    expect(answered(missing).sent).not.toMatch(/cus_Secret42|req_9|stripe-version|resource_missing/);
    const declined = stripeError(402, 'StripeCardError', { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' });
    expect(fromError(declined)).toMatchObject({ status: 402, title: 'Payment Required' });
    expect(fromError(declined)).not.toHaveProperty('detail');
  });

  it("answers aws-sdk v2's 403 as a 502 and passes on its 404 by status alone: an AWSError is known by its `retryable`", () => {
    // aws-sdk v2 lib/error.d.ts (AWSError) and lib/event_listeners.js FINALIZE_ERROR: a service's
    // error gets the response's statusCode and a boolean `retryable`.
    const awsError = (statusCode: number, code: string, message: string): Error =>
      Object.assign(new Error(message), { code, statusCode, retryable: false, time: new Date(), region: 'eu-west-1', hostname: 'billing-exports.s3.eu-west-1.amazonaws.com', requestId: 'Q1W2E3R4', extendedRequestId: 'x-amz-id-2', cfId: undefined, retryDelay: 20 });
    const denied = answered(awsError(403, 'AccessDenied', 'Access Denied'));
    expect(denied.status).toBe(502);
    expect(denied.sent).not.toMatch(/Access Denied|Q1W2E3R4/);
    const missing = answered(awsError(404, 'NoSuchKey', 'The specified key does not exist: invoices/tenant-7/2025.pdf'));
    expect(missing.status).toBe(404);
    expect(missing.sent).not.toContain('tenant-7');
  });

  it("reads the status of aws-sdk v3's ServiceException from its `$metadata` (it was a 500)", () => {
    // @smithy/smithy-client ServiceException: `$fault`, `$metadata.httpStatusCode`, no status of its own.
    const awsV3 = (httpStatusCode: number, name: string, $fault: 'client' | 'server'): Error =>
      Object.assign(new Error(`${name} on arn:aws:dynamodb:eu-west-1:123456789012:table/Orders`), { name, $fault, $metadata: { httpStatusCode, requestId: 'R7T8', attempts: 1, totalRetryDelay: 0 } });
    expect(answered(awsV3(400, 'ResourceNotFoundException', 'client')).status).toBe(400);
    expect(answered(awsV3(400, 'ResourceNotFoundException', 'client')).sent).not.toContain('123456789012');
    expect(answered(awsV3(403, 'AccessDeniedException', 'client')).status).toBe(502);
    expect(answered(awsV3(500, 'InternalServerError', 'server')).status).toBe(502);
  });

  it("passes on twilio-node's RestException by status alone, known by its `moreInfo`: its message names the account", () => {
    // twilio-node src/base/RestException.ts: `status`, `message`, `code`, `moreInfo`, `details` from the body.
    const restException = (status: number, code: number, message: string): Error => Object.assign(new Error(message), { status, code, moreInfo: `https://www.twilio.com/docs/errors/${code}`, details: undefined });
    const missing = answered(restException(404, 20404, 'The requested resource /2010-04-01/Accounts/AC0123456789abcdef/Messages/SM42.json was not found'));
    expect(missing.status).toBe(404);
    expect(missing.sent).not.toContain('AC0123456789abcdef');
    expect(answered(restException(401, 20003, 'Authenticate')).status).toBe(502);
  });

  it("answers openai-node's and anthropic-sdk's APIError by their received headers: a record (v4) or a Headers object (v5 on)", () => {
    // openai-node src/error.ts (v4): `status`, `headers` (a record of the response's), `error`,
    // `request_id`; src/core/error.ts (v5 on) and anthropic-sdk: `headers` a Headers, `requestID`.
    const v4 = Object.assign(new Error('401 Incorrect API key provided: sk-proj-****wxyz.'), { status: 401, headers: receivedHeaders({ 'x-request-id': 'req_abc', 'openai-organization': 'org-secret' }), error: { message: 'Incorrect API key provided: sk-proj-****wxyz.', type: 'invalid_request_error', code: 'invalid_api_key' }, code: 'invalid_api_key', param: null, type: 'invalid_request_error', request_id: 'req_abc' });
    expect(answered(v4).status).toBe(502);
    expect(thrownHeaders(v4)).toEqual([]);
    expect(answered(v4).sent).not.toMatch(/sk-proj|org-secret|req_abc/);
    const headers = new Headers({ date: 'Tue, 01 Jul 2025 10:00:00 GMT', server: 'cloudflare', 'request-id': 'req_011', 'anthropic-organization-id': 'org-secret' });
    const v5 = Object.assign(new Error('404 {"type":"error","error":{"type":"not_found_error","message":"model: claude-internal-ft-7"}}'), { status: 404, headers, requestID: 'req_011', error: { type: 'error', error: { type: 'not_found_error', message: 'model: claude-internal-ft-7' } }, type: 'not_found_error' });
    expect(answered(v5).status).toBe(404);
    expect(answered(v5).sent).not.toMatch(/claude-internal|req_011|org-secret/);
  });

  it("passes on @slack/web-api's HTTPError by status alone, its received headers left behind", () => {
    // @slack/web-api src/errors.ts httpErrorFromResponse: `statusCode`, `statusMessage`, `headers`, `body` of the axios response.
    const thrown = Object.assign(new Error('An HTTP protocol error occurred: statusCode = 404'), { code: 'slack_webapi_http_error', statusCode: 404, statusMessage: 'Not Found', headers: receivedHeaders({ 'x-slack-req-id': 'slack-req-secret', 'x-backend': 'main_normal main_bedrock_normal_with_overflow' }), body: 'channel_not_found' });
    expect(thrownHeaders(thrown)).toEqual([]);
    expect(answered(thrown).status).toBe(404);
    expect(answered(thrown).sent).not.toContain('slack-req-secret');
  });

  it('reads the status of errors that keep the received response elsewhere: SendGrid, Fern-made SDKs, got (they were a 500, or showed the body)', () => {
    // @sendgrid/helpers classes/response-error.js: the status as `code`, `response: {headers, body}`.
    const sendgrid = Object.assign(new Error('Unauthorized'), { code: 401, response: { headers: receivedHeaders({ 'x-message-id': 'sg-secret' }), body: { errors: [{ message: 'The provided authorization grant is invalid, expired, or revoked' }] } } });
    expect(answered(sendgrid).status).toBe(502);
    // Fern's generated errors (Square, ElevenLabs, Cohere...): `statusCode`, `body` and `rawResponse`, a message that holds the body.
    const fern = Object.assign(new Error('Status code: 404\nBody: {"errors":[{"detail":"Merchant ML_SECRET has no location LOC_SECRET"}]}'), { statusCode: 404, body: { errors: [{ detail: 'Merchant ML_SECRET has no location LOC_SECRET' }] }, rawResponse: { headers: new Headers(), redirected: false, status: 404, statusText: 'Not Found', type: 'basic', url: 'https://connect.squareup.com/v2/locations/LOC_SECRET' } });
    expect(answered(fern).status).toBe(404);
    expect(answered(fern).sent).not.toContain('SECRET');
    // got's HTTPError (docs/8-errors.md): `code: 'ERR_NON_2XX_3XX_RESPONSE'` and a `response` with `statusCode`.
    const got = Object.assign(new Error('Response code 409 (Conflict)'), { code: 'ERR_NON_2XX_3XX_RESPONSE', response: { statusCode: 409, statusMessage: 'Conflict', headers: receivedHeaders({}), body: '{"error":"row 7 locked by job 99"}' } });
    expect(answered(got).status).toBe(409);
    expect(answered(got).sent).not.toContain('Response code');
  });
});

describe("an error that stays the server's own beside the SDKs' markers", () => {
  it("shows the message of a developer's own error class with a status and a request id", () => {
    class NotFoundError extends Error {
      readonly status = 404;
      constructor(
        message: string,
        readonly requestId: string,
      ) {
        super(message);
      }
    }
    const built = answered(new NotFoundError('No campaign 7', 'req-1'), 'status-message');
    expect(built.status).toBe(404);
    expect(JSON.parse(built.body)).toMatchObject({ status: 404, message: 'No campaign 7' });
  });

  it("keeps an http-errors-style error's headers to send, beside a request id of its own", () => {
    const challenge = Object.assign(new Error('Sign in first'), { status: 401, statusCode: 401, expose: true, headers: { 'WWW-Authenticate': 'Bearer realm="api"', 'Retry-After': '5', Allow: 'GET' }, requestId: 'req-2' });
    const built = answered(challenge);
    expect(built.status).toBe(401);
    expect(built.headers).toMatchObject({ 'www-authenticate': 'Bearer realm="api"', 'retry-after': '5', allow: 'GET' });
    expect(fromError(challenge).detail).toBe('Sign in first');
    // Fastify's own errors (@fastify/error): a string `code` beside `statusCode`.
    expect(fromError(Object.assign(new Error('Unsupported Media Type: text/csv'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }))).toMatchObject({ status: 415, detail: 'Unsupported Media Type: text/csv' });
  });

  it("stays the server's own with one of an SDK's members alone: a `retryable` flag, a `raw` record, a `moreInfo` or a `$fault` of the application's", () => {
    // Each alone made an own 401 a 502 and an own 404 lose its message, and dropped the challenge.
    class AppError extends Error {
      readonly retryable = false;
      constructor(
        message: string,
        readonly status: number,
        readonly headers?: Record<string, string>,
      ) {
        super(message);
      }
    }
    const expired = new AppError('Token expired', 401, { 'WWW-Authenticate': 'Bearer' });
    expect(fromError(expired)).toMatchObject({ status: 401, detail: 'Token expired' });
    expect(thrownHeaders(expired)).toEqual([['www-authenticate', 'Bearer']]);
    expect(fromError(new AppError('User 7 not found', 404))).toMatchObject({ status: 404, detail: 'User 7 not found' });
    expect(fromError({ status: 400, message: 'Bad CSV row', raw: { line: 3 } })).toMatchObject({ status: 400, detail: 'Bad CSV row' });
    expect(fromError(Object.assign(new Error('Quota used up'), { status: 429, moreInfo: 'See the billing page' }))).toMatchObject({ status: 429, detail: 'Quota used up' });
    expect(fromError(Object.assign(new Error('Bad filter'), { status: 400, $fault: 'client' }))).toMatchObject({ status: 400, detail: 'Bad filter' });
    // A member that is no text is read as none, never turned into one (a null-prototype object's String() throws: a 500).
    expect(fromError(Object.assign(new Error('nope'), { status: 404, moreInfo: Object.create(null) as object }))).toMatchObject({ status: 404, detail: 'nope' });
    expect(fromError(Object.assign(new Error('nope'), { status: 404, raw: {}, type: Object.create(null) as object }))).toMatchObject({ status: 404, detail: 'nope' });
  });

  it("knows aws-sdk v2's error whose `time` is a Date of another realm", () => {
    const awsError = Object.assign(new Error('Access Denied'), { statusCode: 403, code: 'AccessDenied', retryable: false, time: runInNewContext('new Date()') as Date });
    expect(fromError(awsError)).toMatchObject({ status: 502 });
  });
});

describe('an upstream error while Object.prototype is polluted', () => {
  const polluted = <T>(pollution: Record<string, unknown>, run: () => T): T => {
    Object.assign(Object.prototype, pollution);
    try {
      return run();
    } finally {
      for (const key of Object.keys(pollution)) delete (Object.prototype as Record<string, unknown>)[key];
    }
  };

  it("is still known by its Response, whose status and headers are Response.prototype's: the message that names the URL stays hidden", () => {
    const thrown = Object.assign(new Error('Request failed with status code 404: GET https://internal.svc/x?token=SECRET'), { status: 404, response: new Response(null, { status: 404 }) });
    const built = polluted({ polluted: 1 }, () => buildError(fromError(thrown)));
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(built.status).toBe(404);
    expect(built.body).not.toContain('SECRET');
    expect(JSON.parse(built.body)).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it("still knows ofetch's and ky's errors, whose members are accessors (ofetch's are not enumerable)", async () => {
    const upstream = async (): Promise<Response> => new Response('{"message":"token tok_SECRET expired"}', { status: 401, headers: { 'content-type': 'application/json' } });
    const thrownBy = async (call: () => Promise<unknown>): Promise<unknown> => call().then(() => { throw new Error('expected a throw'); }, (thrown: unknown) => thrown);
    const fromOfetch = await thrownBy(() => createFetch({ fetch: upstream })('https://internal.svc/x?token=SECRET', { retry: 0 }));
    const fromKy = await thrownBy(() => ky.get('https://internal.svc/x?token=SECRET', { fetch: upstream, retry: 0 }));
    for (const thrown of [fromOfetch, fromKy]) {
      const built = polluted({ polluted: 1 }, () => answered(thrown));
      expect(built.status).toBe(502);
      expect(built.sent).not.toContain('SECRET');
    }
  });

  it("lends no status or headers to a NestJS body: the HttpException stays the server's own", () => {
    const nest = Object.assign(new Error('Name taken'), { status: 409, response: { statusCode: 409, message: 'Name taken', error: 'Conflict' } });
    const error = polluted({ status: 502, headers: { server: 'x' } }, () => fromError(nest));
    expect(error).toMatchObject({ status: 409, detail: 'Name taken' });
    const bare = polluted({ status: 404, headers: {}, retryable: false, moreInfo: 'x', raw: {} }, () => fromError(Object.assign(new Error('Sign in first'), { status: 401 })));
    expect(bare).toMatchObject({ status: 401, detail: 'Sign in first' });
  });
});

describe("an upstream's batch failures", () => {
  const upstreamFailure = (): ApiError => {
    const body = {
      result: 'failure',
      failures: [{ rawData: { email: 'nope', internalAccountId: 'acct_SECRET', upstreamToken: 'tok_SECRET' }, errors: [{ type: 'validation', code: 1001, message: 'The email address is not valid', field: 'email' }] }],
      metadata: { invalidItems: [3] },
    };
    const result = normalize({ status: 422, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (result.ok) throw new Error('expected an error');
    return result.error;
  };

  it.each(['envelope', 'problem', 'plain', 'status-message'] as const)('are passed on by index and issues in the %s dialect, their rawData left behind', (dialect) => {
    for (const thrown of [new ResponseError(upstreamFailure()), upstreamFailure()]) {
      const passed = fromError(thrown);
      expect(passed.failures).toEqual([{ index: 3, rawData: undefined, issues: [expect.objectContaining({ path: ['email'], message: 'The email address is not valid', code: '1001' })] }]);
      const built = buildError(passed, { dialect });
      expect(built.status).toBe(422);
      expect(built.body).not.toContain('SECRET');
      expect(built.body).not.toContain('nope');
      const read = normalize(built);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.error.issues).toEqual([expect.objectContaining({ message: 'The email address is not valid' })]);
    }
  });

  it('are written by the envelope as seed 004 failures without rawData, and read back as failures', () => {
    const built = buildError(fromError(new ResponseError(upstreamFailure())), { dialect: 'envelope' });
    expect(JSON.parse(built.body)).toEqual({ result: 'failure', failures: [{ errors: [{ type: 'validation', code: 1001, message: 'The email address is not valid', field: 'email' }] }], metadata: { invalidItems: [3] } });
    const read = normalize(built);
    expect(read.ok ? [] : read.error.failures).toEqual([{ index: 3, rawData: undefined, issues: [expect.objectContaining({ path: ['email'], message: 'The email address is not valid' })] }]);
  });

  it('keep their rawData with expose: true, for development', () => {
    expect(fromError(new ResponseError(upstreamFailure()), { expose: true }).failures[0]?.rawData).toMatchObject({ internalAccountId: 'acct_SECRET' });
  });
});

describe('an error built while Object.prototype is polluted, with a body that shares its members', () => {
  it('is built at once: the body, which no builder writes, is not copied', () => {
    // Each path to a shared member was copied: 2^26 copies of a 26-deep body, out of memory.
    let shared: Record<string, unknown> = { leaf: 1 };
    for (let level = 0; level < 26; level++) shared = { l: shared, r: shared };
    Object.assign(Object.prototype, { polluted: 1 });
    try {
      const part = { code: 7 };
      const built = buildError(createError({ status: 502, body: shared, extensions: { first: part, second: part } }));
      expect(built.status).toBe(502);
      expect(JSON.parse(built.body)).toMatchObject({ first: { code: 7 }, second: { code: 7 } });
    } finally {
      delete (Object.prototype as Record<string, unknown>)['polluted'];
    }
  });
});
