/**
 * What a caller of `createClient` sees: methods, URLs, query objects, JSON bodies, headers,
 * the API key (seed 003), the language, schemas, hooks, `verifyKey`, `toFormData` and `unwrap`,
 * against a real HTTP server.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { type } from 'arktype';
import * as v from 'valibot';
import * as z from 'zod';
import { Window } from 'happy-dom';
import { createClient, isResponseError, toFormData, unwrap, type AfterResponseHook, type ApiResult, type ClientOptions, type StandardSchemaV1 } from '../../src/fetch/index.ts';
import { createNormalizer, dialects, type DialectParser } from '../../src/index.ts';
import { htmlPage, json, silence, startServer, text, type TestServer } from './server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const noWait = (): Promise<void> => Promise.resolve();

describe('sending requests', () => {
  it('joins paths to the base URL and sends query objects, leaving out undefined and repeating arrays', async () => {
    server.route('/api/customers', json(200, [{ id: 1 }]));
    const api = createClient({ baseUrl: `${server.origin}/api/` });
    const result = await api.get('customers?fixed=1', { query: { page: 2, active: true, skip: undefined, none: null, tag: ['a', 'b'] } });
    expect(result).toMatchObject({ ok: true, value: { status: 200, data: [{ id: 1 }] } });
    expect(server.requests('/api/customers')[0]!.url).toBe('/api/customers?fixed=1&page=2&active=true&tag=a&tag=b');
  });

  it('keeps the query of a base URL after the path joined to it (api-version, say), and drops its fragment', async () => {
    server.route('/versioned/customers', json(200, [{ id: 1 }]));
    // A router that serves `/versioned/` only, as the base URL names it: `verifyKey` asks for the base as given.
    server.route('/versioned/', json(200, {}));
    const api = createClient({ baseUrl: `${server.origin}/versioned/?api-version=2024-06-01#top` });
    expect(await api.get('customers', { query: { page: 2 } })).toMatchObject({ ok: true, value: { data: [{ id: 1 }] } });
    expect(await api.verifyKey()).toBe(true);
    expect(server.requests('/versioned/customers').map((request) => request.url)).toEqual(['/versioned/customers?page=2&api-version=2024-06-01']);
    expect(server.requests('/versioned/').map((request) => request.url)).toEqual(['/versioned/?api-version=2024-06-01']);
  });

  it('sends each method the helpers name', async () => {
    server.route('/echo', (request, response) => json(200, { method: request.method })(request, response, Buffer.alloc(0)));
    const api = createClient({ baseUrl: server.origin });
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const result = await api[method]('/echo');
      expect(result.ok && result.value.data).toEqual({ method: method.toUpperCase() });
    }
    const head = await api.head('/echo');
    expect(head).toMatchObject({ ok: true, value: { status: 200, data: undefined } });
    const other = await api.request('options', '/echo');
    expect(other.ok && other.value.data).toEqual({ method: 'OPTIONS' });
  });

  it('sends JSON bodies with their content type', async () => {
    server.route('/orders', json(201, { id: 7 }, { location: '/orders/7' }));
    const api = createClient({ baseUrl: server.origin });
    const result = await api.post('/orders', { json: { items: [{ sku: 'A', quantity: 2 }] } });
    expect(result).toMatchObject({ ok: true, value: { status: 201, data: { id: 7 }, location: '/orders/7' } });
    const received = server.requests('/orders')[0]!;
    expect(received.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received.body.toString())).toEqual({ items: [{ sku: 'A', quantity: 2 }] });
  });

  it('sends the API key as x-api-key, the language as Accept-Language, and default and per-call headers', async () => {
    server.route('/headers', json(200, {}));
    const api = createClient({ baseUrl: server.origin, apiKey: 'key-123', language: 'de-CH', headers: { 'x-client': 'web', 'x-override': 'default' } });
    await api.get('/headers', { headers: { 'x-override': 'call', 'x-call': 'yes' } });
    const { headers } = server.requests('/headers')[0]!;
    expect(headers).toMatchObject({ 'x-api-key': 'key-123', 'accept-language': 'de-CH', 'x-client': 'web', 'x-override': 'call', 'x-call': 'yes' });
  });

  it('does not send the API key to another origin given as an absolute URL', async () => {
    const other = await startServer();
    try {
      other.route('/elsewhere', json(200, {}));
      const api = createClient({ baseUrl: server.origin, apiKey: 'secret', headers: { authorization: 'Bearer t' } });
      await api.get(`${other.origin}/elsewhere`);
      const { headers } = other.requests('/elsewhere')[0]!;
      expect(headers['x-api-key']).toBeUndefined();
      expect(headers.authorization).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('throws, without sending or retrying, a request fetch refuses to build: a GET with a body', async () => {
    server.route('/get-with-body', json(200, {}));
    const attempts: number[] = [];
    const api = createClient({ baseUrl: server.origin, wait: noWait, onRetry: (event) => attempts.push(event.attempt) });
    await expect(api.get('/get-with-body', { json: { a: 1 } })).rejects.toThrow(TypeError);
    expect(attempts).toEqual([]);
    expect(server.requests('/get-with-body')).toHaveLength(0);
  });

  it('refuses at once a client every call of which would fail: no baseUrl, or one without a scheme and no page to resolve it', () => {
    // @ts-expect-error -- a JavaScript caller's mistake, which TypeScript catches
    expect(() => createClient({})).toThrow(new TypeError('createClient needs a baseUrl'));
    // @ts-expect-error -- the same, with no options at all
    expect(() => createClient()).toThrow(TypeError);
    // @ts-expect-error -- a number is no URL
    expect(() => createClient({ baseUrl: 123 })).toThrow(TypeError);
    expect(() => createClient({ baseUrl: 'api.example.com' })).toThrow('baseUrl "api.example.com" is not absolute, and no page is here to resolve it');
    expect(() => createClient({ baseUrl: '/api' })).toThrow(TypeError);
  });

  it('refuses a negative or NaN timeout, as it does such retry options, in the client and in a call', async () => {
    expect(() => createClient({ baseUrl: server.origin, timeoutMs: Number.NaN })).toThrow(new RangeError('timeoutMs must be a number of 0 or more, not NaN'));
    expect(() => createClient({ baseUrl: server.origin, totalTimeoutMs: -5 })).toThrow(RangeError);
    const api = createClient({ baseUrl: server.origin });
    await expect(api.get('/never-sent', { timeoutMs: -1 })).rejects.toThrow(new RangeError('timeoutMs must be a number of 0 or more, not -1'));
    expect(server.requests('/never-sent')).toHaveLength(0);
    expect(createClient({ baseUrl: server.origin, timeoutMs: 0, totalTimeoutMs: Number.POSITIVE_INFINITY })).toBeDefined();
  });

  it('refuses options of the wrong type when the client is made, naming them, rather than ignoring them or failing on each call', async () => {
    const bad = (options: Record<string, unknown>) => () => createClient({ baseUrl: server.origin, ...options } as ClientOptions);
    // A number as text was read as no limit at all; a timeout of "100" is a slip to say, not to guess.
    expect(bad({ timeoutMs: '100' })).toThrow(new TypeError('timeoutMs must be a number of 0 or more, not a string'));
    expect(bad({ maxErrorBodyBytes: '1mb' })).toThrow(new TypeError('maxErrorBodyBytes must be a number of 0 or more, not a string'));
    // `fetch: 3` failed every call as a `network` error "fetchFunction is not a function".
    expect(bad({ fetch: 3 })).toThrow(new TypeError('fetch must be a function, not number'));
    expect(bad({ wait: 'soon' })).toThrow(new TypeError('wait must be a function, not string'));
    expect(bad({ onRetry: {} })).toThrow(new TypeError('onRetry must be a function, not object'));
    // `headers: 5` threw "Cannot use 'in' operator to search for 'Symbol(Symbol.iterator)' in 5".
    expect(bad({ headers: 5 })).toThrow(new TypeError('headers must be a Headers, a record or [name, value] pairs, not a number'));
    // A hook that is no function failed each call with "hook is not a function".
    expect(bad({ hooks: { beforeRequest: 'log' } })).toThrow(new TypeError('each hook must be a function, not string'));
    expect(bad({ hooks: { afterResponse: [() => undefined, null] } })).toThrow(new TypeError('each hook must be a function, not object'));
    expect(bad({ hooks: { beforeRequest: [undefined] } })).toThrow(new TypeError('each hook must be a function, not undefined'));
    // `null` means none, as for the limits: the default fetch, no onRetry.
    expect(createClient({ baseUrl: server.origin, fetch: null, onRetry: null, wait: null, timeoutMs: null } as unknown as ClientOptions)).toBeDefined();
    const api = createClient({ baseUrl: server.origin });
    await expect(api.get('/never-sent', { headers: 'x-a: 1' as unknown as Record<string, string> })).rejects.toThrow(new TypeError('headers must be a Headers, a record or [name, value] pairs, not a string'));
    expect(server.requests('/never-sent')).toHaveLength(0);
  });

  it('reads an HTML page in a 2xx as an invalid_response when JSON was asked for, not as data typed as the caller\'s', async () => {
    // A single-page app's dev server answers an unknown /api route with its index.html, 200.
    server.route('/spa/users/1', text(200, '<!doctype html><html><body><div id="app"></div></body></html>', { 'content-type': 'text/html; charset=utf-8', 'x-request-id': 'req-9' }));
    const api = createClient({ baseUrl: server.origin, retry: 0 });
    const read = await api.get<{ id: number }>('/spa/users/1');
    expect(read).toMatchObject({ ok: false, error: { kind: 'invalid_response', status: 200, detail: 'An HTML page where JSON was asked for', requestId: 'req-9', body: '<!doctype html><html><body><div id="app"></div></body></html>' } });
    expect(server.requests('/spa/users/1')).toHaveLength(1);
    // Asked for HTML, or for anything first, it is the data.
    const page = await api.get('/spa/users/1', { headers: { accept: 'text/html' } });
    expect(page).toMatchObject({ ok: true, value: { data: '<!doctype html><html><body><div id="app"></div></body></html>' } });
    expect(await createClient({ baseUrl: server.origin, headers: { accept: '*/*' } }).get('/spa/users/1')).toMatchObject({ ok: true });
    // A hook's Accept is the request's.
    const hooked = createClient({ baseUrl: server.origin, hooks: { beforeRequest: [(request) => void request.headers.set('accept', 'text/html')] } });
    expect(await hooked.get('/spa/users/1')).toMatchObject({ ok: true });
  });

  it('keeps as successes what text/html labels that is no page: JSON (PHP\'s default type), text (Express\'s res.send), a HEAD, an empty body', async () => {
    const html = { 'content-type': 'text/html; charset=utf-8' };
    server.route('/php', text(200, '{"id":1,"name":"Ann"}', html));
    server.route('/express-text', text(202, 'Queued', html));
    server.route('/empty-html', text(200, '', html));
    const api = createClient({ baseUrl: server.origin, retry: 0 });
    expect(await api.get('/php')).toMatchObject({ ok: true, value: { data: { id: 1, name: 'Ann' } } });
    expect(await api.post('/express-text')).toMatchObject({ ok: true, value: { status: 202, data: 'Queued' } });
    expect(await api.head('/php')).toMatchObject({ ok: true, value: { status: 200 } });
    expect(await api.get('/empty-html')).toMatchObject({ ok: true, value: { status: 200 } });
    expect(await createClient({ baseUrl: `${server.origin}/php` }).verifyKey()).toBe(true);
  });

  it("refuses ky's option names, which would be ignored unsaid, naming faultline's", async () => {
    // A ky user's `timeout` left the client with none at all.
    expect(() => createClient({ baseUrl: server.origin, timeout: 1000 } as ClientOptions)).toThrow(new TypeError("timeout is ky's name; use totalTimeoutMs"));
    expect(() => createClient({ prefixUrl: server.origin } as unknown as ClientOptions)).toThrow(new TypeError("prefixUrl is ky's name; use baseUrl"));
    const api = createClient({ baseUrl: server.origin });
    await expect(api.get('/never-sent', { searchParams: { page: 2 } } as never)).rejects.toThrow(new TypeError("searchParams is ky's name; use query"));
    expect(server.requests('/never-sent')).toHaveLength(0);
    // Given as undefined, a name says nothing.
    server.route('/ky-undefined', json(200, {}));
    expect(await api.get('/ky-undefined', { timeout: undefined } as never)).toMatchObject({ ok: true });
  });

  it("refuses a call's options of the wrong type before anything is sent, naming them", async () => {
    const api = createClient({ baseUrl: server.origin });
    const refused = (init: Record<string, unknown>, message: string, path: unknown = '/never-sent') => expect(api.get(path as string, init), message).rejects.toThrow(new TypeError(message));
    // A query string was spread into its letters (`?0=a&1=%3D&2=1`); an object value went as "[object Object]".
    await refused({ query: 'a=1' }, 'query must be an object or URLSearchParams, not a string');
    await refused({ query: { filter: { status: 'open' } } }, 'query.filter must be a string, number or boolean');
    await refused({ query: { since: new Date(0) } }, 'query.since must be a string, number or boolean');
    await refused({ signal: 'stop' }, 'signal must be an AbortSignal');
    // A schema that is none failed only once a success came, with "Cannot read properties of undefined".
    await refused({ schema: (value: unknown) => value }, 'schema must be a Standard Schema (zod 4, valibot, arktype)');
    await refused({}, 'path must be a string or a URL, not a number', 42);
    expect(() => api.paginate('/never-sent', { schema: {} as never })).toThrow(new TypeError('schema must be a Standard Schema (zod 4, valibot, arktype)'));
    expect(server.requests('/never-sent')).toHaveLength(0);
    // Lists, null and undefined stay as they were: repeated, and left out.
    server.route('/query', (request, response, body) => json(200, { url: request.url })(request, response, body));
    const echoed = await api.get('/query', { query: { a: [1, 2], b: null, c: undefined, d: true } });
    expect(echoed).toMatchObject({ ok: true, value: { data: { url: '/query?a=1&a=2&d=true' } } });
  });

  it('refuses a negative or NaN body cap with a RangeError naming it, rather than read with some other cap', async () => {
    for (const value of [-1, Number.NaN]) {
      expect(() => createClient({ baseUrl: server.origin, maxErrorBodyBytes: value })).toThrow(new RangeError(`maxErrorBodyBytes must be a number of 0 or more, not ${value}`));
      expect(() => createClient({ baseUrl: server.origin, maxBodyBytes: value })).toThrow(new RangeError(`maxBodyBytes must be a number of 0 or more, not ${value}`));
    }
    server.route('/capped', json(200, { a: 1 }));
    const capped = await createClient({ baseUrl: server.origin, maxBodyBytes: 0 }).get('/capped');
    expect(capped).toMatchObject({ ok: false, error: { kind: 'invalid_response' } });
  });

  it('refuses at once an apiKey or language that cannot be a header value, naming the option and not repeating the key', () => {
    // The message is exactly this: the key, a secret, is not repeated in it.
    for (const apiKey of ['a\nb', 'a\0b', 'schlüssel\u2603']) {
      expect(() => createClient({ baseUrl: server.origin, apiKey })).toThrow(new TypeError('apiKey is not a valid x-api-key value'));
    }
    for (const language of ['日本語', 'de\r\nX-Injected: 1', 123, ['de']] as string[]) {
      expect(() => createClient({ baseUrl: server.origin, language })).toThrow(new TypeError('language is not a valid accept-language value'));
    }
    expect(createClient({ baseUrl: server.origin, apiKey: 'clé-1', language: 'de-CH, en;q=0.5' })).toBeDefined();
  });

  it('sends no Accept-Language for an empty language, as faultline/server takes an empty one for none', async () => {
    let seen: string | undefined = 'unset';
    server.route('/lang', (request, response) => {
      seen = request.headers['accept-language'];
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    await createClient({ baseUrl: server.origin }).get('/lang');
    const withoutLanguage = seen;
    await createClient({ baseUrl: server.origin, language: '' }).get('/lang');
    // What fetch sends of itself when the client sends none (undici: `*`), never an empty header.
    expect(seen).toBe(withoutLanguage);
    expect(seen).not.toBe('');
  });

  it('refuses at once a baseUrl with a user or password, which fetch refuses, and never spells the password out', async () => {
    // Every call threw "Request cannot be constructed from a URL that includes credentials:
    // http://user:PASSWORD@…", into the caller's logs and error tracker.
    expect(() => createClient({ baseUrl: 'http://user:PASSWORD@127.0.0.1:1/api' })).toThrow(new TypeError('baseUrl carries a user or password, which fetch refuses: send credentials in a header'));
    const api = createClient({ baseUrl: server.origin });
    await expect(api.get('http://user:PASSWORD@127.0.0.1:1/x')).rejects.toThrow(new TypeError('The URL carries a user or password, which fetch refuses: send credentials in a header'));
    // Spelled as the URL parser still reads a user: without slashes, with backslashes.
    for (const baseUrl of ['https:user:s3cret@127.0.0.1/api', 'https:\\\\user:s3cret@127.0.0.1/api']) expect(() => createClient({ baseUrl }), baseUrl).toThrow('baseUrl carries a user or password');
    // Nor is a password spelled out when the URL does not parse.
    expect(() => createClient({ baseUrl: 'https://user:s3cret@exa mple.com/api' })).toThrow(new TypeError('baseUrl carries a user or password, which fetch refuses: send credentials in a header'));
    await expect(api.get('https://user:s3cret@exa mple.com/x')).rejects.toThrow(new TypeError('The URL carries a user or password, which fetch refuses: send credentials in a header'));
    // An @ in a path or query is no user, a backslash's path included.
    expect(createClient({ baseUrl: 'https://api.example.com/users/@me?by=a@b' })).toBeDefined();
    expect(createClient({ baseUrl: 'https://api.example.com\\v1@x' })).toBeDefined();
  });

  it('reads a status line past 599, which undici passes on, as normalize reads it: an invalid_response that says the status, its body and ids kept', async () => {
    // It was "Not a response", no body, no ids; the same response saved read "Invalid status 999".
    server.route('/odd', (_request, response) => {
      response.writeHead(999, 'Odd', { 'content-type': 'application/json', 'x-request-id': 'req-999' });
      response.end('{"message":"odd"}');
    });
    const result = await createClient({ baseUrl: server.origin, retry: { limit: 0 } }).get('/odd');
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_response', detail: 'Invalid status 999', requestId: 'req-999', body: { message: 'odd' } } });
  });

  it('refuses at once a baseUrl that is absolute but does not parse', () => {
    expect(() => createClient({ baseUrl: 'http://exa mple.com' })).toThrow(new TypeError('baseUrl "http://exa mple.com" is not a valid URL'));
    expect(() => createClient({ baseUrl: 'https://' })).toThrow(TypeError);
  });

  it('refuses json and body together, sending nothing, rather than drop the body', async () => {
    server.route('/both', json(201, {}));
    const api = createClient({ baseUrl: server.origin });
    await expect(api.post('/both', { json: { a: 1 }, body: 'text' })).rejects.toThrow(new TypeError('give json or body, not both'));
    expect(server.requests('/both')).toHaveLength(0);
    expect(await api.post('/both', { json: { a: 1 }, body: undefined })).toMatchObject({ ok: true });
  });
});

describe('bodies', () => {
  it('sends a stream body once and does not retry it, since it cannot be sent again', async () => {
    server.route('/upload', text(503, ''));
    const api = createClient({ baseUrl: server.origin, wait: noWait });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('line 1\n'));
        controller.close();
      },
    });
    const result = await api.put('/upload', { body: stream });
    expect(result).toMatchObject({ ok: false, error: { status: 503 } });
    expect(server.requests('/upload').map((request) => request.body.toString())).toEqual(['line 1\n']);
  });
});

describe('redirects', () => {
  it('follows a redirect to another origin without the API key or Authorization', async () => {
    const other = await startServer();
    try {
      other.route('/landing', json(200, { landed: true }));
      server.route('/moved', (_request, response) => {
        response.writeHead(302, { location: `${other.origin}/landing` });
        response.end();
      });
      const api = createClient({ baseUrl: server.origin, apiKey: 'secret', headers: { authorization: 'Bearer t' } });
      expect(await api.get('/moved')).toMatchObject({ ok: true, value: { data: { landed: true } } });
      expect(server.requests('/moved')[0]!.headers['x-api-key']).toBe('secret');
      const { headers } = other.requests('/landing')[0]!;
      expect(headers['x-api-key']).toBeUndefined();
      expect(headers.authorization).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('never follows a redirect to another scheme than http(s), nor one whose Location is no URL: a network failure, as fetch makes it', async () => {
    // Followed by hand (with an API key), a 302 to `data:application/json,{"hijacked":true}` was
    // the API's 200 answer; fetch's own following refuses it (Fetch standard §4.4).
    server.route('/to-data', (_request, response) => {
      response.writeHead(302, { location: 'data:application/json,{"hijacked":true}' });
      response.end();
    });
    server.route('/to-nowhere', (_request, response) => {
      response.writeHead(302, { location: 'http://[' });
      response.end();
    });
    for (const apiKey of ['secret', undefined]) {
      const api = createClient({ baseUrl: server.origin, apiKey, retry: { limit: 0 } });
      const toData = await api.get('/to-data');
      expect(toData, `apiKey ${apiKey}`).toMatchObject({ ok: false, error: { kind: 'network' } });
      expect(toData).not.toHaveProperty('value');
      expect(await api.get('/to-nowhere'), `apiKey ${apiKey}`).toMatchObject({ ok: false, error: { kind: 'network' } });
    }
    const followedByHand = createClient({ baseUrl: server.origin, apiKey: 'secret', retry: { limit: 0 } });
    expect(await followedByHand.get('/to-data')).toMatchObject({ error: { detail: expect.stringContaining('Redirect to "data:application/json,{\\"hijacked\\":true}" not followed: no http(s) URL') } });
    expect(await followedByHand.get('/to-nowhere')).toMatchObject({ error: { detail: expect.stringContaining('Redirect to "http://[" not followed: no http(s) URL') } });
  });

  it('follows a redirect to another origin without the credentials when hooks are set, a hook\'s own Authorization included', async () => {
    const other = await startServer();
    try {
      other.route('/landing', json(200, { landed: true }));
      server.route('/moved-hooked', (_request, response) => {
        response.writeHead(307, { location: `${other.origin}/landing` });
        response.end();
      });
      const api = createClient({
        baseUrl: server.origin,
        apiKey: 'secret',
        hooks: {
          beforeRequest: [
            (request) => {
              const signed = new Request(request);
              signed.headers.set('authorization', 'Bearer refreshed');
              return signed;
            },
          ],
        },
      });
      expect(await api.put('/moved-hooked', { json: { a: 1 } })).toMatchObject({ ok: true, value: { data: { landed: true } } });
      expect(server.requests('/moved-hooked')[0]!.headers).toMatchObject({ 'x-api-key': 'secret', authorization: 'Bearer refreshed' });
      // RFC 9110 §15.4.8: a 307 sends the same method and body again.
      const landed = other.requests('/landing')[0]!;
      expect(landed).toMatchObject({ method: 'PUT' });
      expect(JSON.parse(landed.body.toString())).toEqual({ a: 1 });
      expect(landed.headers['x-api-key']).toBeUndefined();
      expect(landed.headers.authorization).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('keeps the API key on a redirect within the origin, and turns a POST answered 303 into a GET', async () => {
    server.route('/created', json(200, { seen: true }));
    server.route('/submit', (_request, response) => {
      response.writeHead(303, { location: '/created' });
      response.end();
    });
    const api = createClient({ baseUrl: server.origin, apiKey: 'secret' });
    expect(await api.post('/submit', { json: { a: 1 } })).toMatchObject({ ok: true, value: { data: { seen: true } } });
    const followed = server.requests('/created')[0]!;
    expect(followed).toMatchObject({ method: 'GET', headers: { 'x-api-key': 'secret' } });
    expect(followed.headers['content-type']).toBeUndefined();
    expect(followed.body.length).toBe(0);
  });
});

describe('fetch options', () => {
  /** A fetch that records what it was given and answers 200 `{}`. */
  const recordingFetch = (calls: RequestInit[]): typeof fetch => {
    return (async (_input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(init ?? {});
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
  };

  it('passes the client\'s fetchOptions to every fetch, a call\'s own over them, and keeps its own method, headers and signal', async () => {
    const calls: RequestInit[] = [];
    const dispatcher = { name: 'proxy agent' };
    const api = createClient({ baseUrl: 'https://api.example.com', fetch: recordingFetch(calls), fetchOptions: { credentials: 'include', cache: 'no-store', dispatcher } });
    const controller = new AbortController();
    await api.get('/me', { signal: controller.signal, timeoutMs: 1000 });
    await api.post('/events', { json: { a: 1 }, fetchOptions: { keepalive: true, cache: 'reload' } });
    expect(calls[0]).toMatchObject({ method: 'GET', credentials: 'include', cache: 'no-store', dispatcher });
    expect(calls[0]!.signal).toBeInstanceOf(AbortSignal);
    expect(calls[1]).toMatchObject({ method: 'POST', credentials: 'include', cache: 'reload', keepalive: true, body: '{"a":1}' });
    // @ts-expect-error -- headers are the client's option, not a fetch option
    createClient({ baseUrl: 'https://api.example.com', fetchOptions: { headers: {} } });
    // The client's headers, not a stray `headers` a JavaScript caller put among the fetch options.
    const sneaky = createClient({ baseUrl: 'https://api.example.com', fetch: recordingFetch(calls), fetchOptions: { method: 'DELETE', headers: { accept: 'text/html' } } as never });
    await sneaky.get('/me');
    expect(calls[2]).toMatchObject({ method: 'GET', headers: { accept: 'application/json, */*;q=0.8' } });
  });

  it('passes the fetch options on a request a hook sees, and on one it sends itself to follow a redirect', async () => {
    const calls: (Request | RequestInit)[] = [];
    const api = createClient({
      baseUrl: 'https://api.example.com',
      apiKey: 'secret',
      fetchOptions: { cache: 'no-store' },
      hooks: { beforeRequest: [(request) => void calls.push(request)] },
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        calls.push(init ?? {});
        return input instanceof Request ? new Response('{}') : Response.json({});
      }) as typeof fetch,
    });
    expect((await api.get('/me')).ok).toBe(true);
    expect((calls[0] as Request).cache).toBe('no-store');
    // With credentials, the client follows redirects itself (so the key stays home): the options go too.
    expect(calls[1]).toMatchObject({ cache: 'no-store', redirect: 'manual' });
  });

  it('hands redirects to the caller who asks for redirect: manual or error, titled by their status, not retried', async () => {
    server.route('/old-place', (_request, response) => {
      response.writeHead(301, { location: '/new-place' });
      response.end();
    });
    const api = createClient({ baseUrl: server.origin, apiKey: 'secret', fetchOptions: { redirect: 'manual' } });
    const result = await api.get('/old-place');
    expect(result).toMatchObject({ ok: false, error: { kind: 'unknown', status: 301, title: 'Moved Permanently', retryable: false } });
    expect(server.requests('/new-place')).toEqual([]);
    // `redirect: 'error'`: the redirect is the answer, an error of its status, neither a network
    // failure nor retried (fetch itself would reject with a TypeError, retried as a network failure).
    const strict = createClient({ baseUrl: server.origin, fetchOptions: { redirect: 'error' } });
    const before = server.requests('/old-place').length;
    expect(await strict.get('/old-place')).toMatchObject({ ok: false, error: { kind: 'unknown', status: 301, title: 'Moved Permanently', retryable: false } });
    expect(server.requests('/old-place')).toHaveLength(before + 1);
    expect(server.requests('/new-place')).toEqual([]);
  });

  it('throws, without sending, fetch options fetch refuses', async () => {
    const api = createClient({ baseUrl: server.origin, fetchOptions: { mode: 'navigate' } });
    await expect(api.get('/never')).rejects.toThrow(TypeError);
    expect(server.requests('/never')).toEqual([]);
  });
});

describe('reading responses', () => {
  it("describes a failed fetch by its message and its cause's, either alone, whatever they are", async () => {
    const failingWith = (failure: unknown) => createClient({ baseUrl: 'https://api.example.test', retry: 0, fetch: () => Promise.reject(failure) });
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:443');
    expect(await failingWith(new TypeError('fetch failed', { cause })).get('/a')).toMatchObject({ ok: false, error: { kind: 'network', detail: 'fetch failed: connect ECONNREFUSED 127.0.0.1:443' } });
    expect(await failingWith(new TypeError('', { cause })).get('/a')).toMatchObject({ ok: false, error: { kind: 'network', detail: 'connect ECONNREFUSED 127.0.0.1:443' } });
    const symbolic = new TypeError('fetch failed', { cause: Object.defineProperty(new Error('x'), 'message', { value: Symbol('x') }) });
    expect(await failingWith(symbolic).get('/a')).toMatchObject({ ok: false, error: { kind: 'network', detail: 'fetch failed' } });
  });

  it('returns a normalized error for an error status, with the server message', async () => {
    server.route('/missing', json(404, { code: 'customer_not_found', message: 'No customer 42' }));
    const api = createClient({ baseUrl: server.origin });
    const result = await api.get('/missing');
    expect(result).toMatchObject({ ok: false, error: { kind: 'not_found', status: 404, code: 'customer_not_found', detail: 'No customer 42', retryable: false } });
  });

  it('reads every response in the dialect the client names, for data that could pass for another dialect\'s body', async () => {
    server.route('/jobs/7', json(200, { ok: false, error: 'disk_full' }));
    server.route('/jobs/8', json(404, { code: 'no_job', message: 'No job 8' }));
    // Detected, a 200 `{ok: false, error}` is Slack's error; this API's job record is data.
    expect(await createClient({ baseUrl: server.origin }).get('/jobs/7')).toMatchObject({ ok: false, error: { dialect: 'slack', code: 'disk_full' } });
    const api = createClient({ baseUrl: server.origin, dialect: 'plain' });
    expect(await api.get('/jobs/7')).toMatchObject({ ok: true, value: { dialect: 'plain', data: { ok: false, error: 'disk_full' } } });
    expect(await api.get('/jobs/8')).toMatchObject({ ok: false, error: { dialect: 'plain', kind: 'not_found', code: 'no_job', detail: 'No job 8' } });
  });

  it('gives a download (an image, a PDF) back as its bytes, not decoded as text', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0xfe]);
    server.route('/logo.png', (_request, response) => response.writeHead(200, { 'content-type': 'image/png' }).end(png));
    const api = createClient({ baseUrl: server.origin });
    const result = await api.get<Uint8Array>('/logo.png');
    expect(result.ok && result.value.data).toBeInstanceOf(Uint8Array);
    expect(result.ok && Buffer.from(result.value.data).equals(png)).toBe(true);
  });

  it('turns an nginx HTML error page into an error titled by its status, not a JSON SyntaxError', async () => {
    server.route('/html', htmlPage(403, 'Forbidden'));
    const api = createClient({ baseUrl: server.origin });
    const result = await api.get('/html');
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden', status: 403, title: 'Forbidden' } });
  });

  it('reads a body its Content-Encoding does not decode as an invalid_response with its status, not a network failure to retry', async () => {
    const corrupt = (status: number, encoding: string) => (_request: unknown, response: import('node:http').ServerResponse): void => {
      response.writeHead(status, { 'content-type': 'application/json', 'content-encoding': encoding });
      response.end('no gzip, no brotli');
    };
    server.route('/corrupt-gzip', corrupt(200, 'gzip'));
    server.route('/corrupt-br', corrupt(200, 'br'));
    server.route('/corrupt-error', corrupt(500, 'gzip'));
    const api = createClient({ baseUrl: server.origin, wait: noWait });
    expect(await api.get('/corrupt-gzip')).toMatchObject({ ok: false, error: { kind: 'invalid_response', status: 200, retryable: false, detail: 'The body is not valid gzip: incorrect header check' } });
    expect(server.requests('/corrupt-gzip')).toHaveLength(1);
    expect(await api.get('/corrupt-br')).toMatchObject({ ok: false, error: { kind: 'invalid_response', status: 200, detail: expect.stringMatching(/^The body is not valid br: /) } });
    expect(await api.get('/corrupt-error', { retry: 0 })).toMatchObject({ ok: false, error: { kind: 'server', status: 500, detail: expect.stringContaining('The body is not valid gzip') } });
  });

  it('returns a network error when nothing listens', async () => {
    const closed = await startServer();
    const origin = closed.origin;
    await closed.close();
    const api = createClient({ baseUrl: origin, retry: 0 });
    const result = await api.get('/');
    expect(result).toMatchObject({ ok: false, error: { kind: 'network', retryable: true } });
    expect(result.ok || result.error.status).toBeUndefined();
  });

  it("reads a fetch's AbortError and TimeoutError from another signal as aborted and timeout, and a DOMException named NetworkError (happy-dom's) as a network failure", async () => {
    const rejecting = (failure: Error): typeof fetch => (() => Promise.reject(failure)) as typeof fetch;
    const aborted = createClient({ baseUrl: 'https://api.example.com', retry: 0, fetch: rejecting(new DOMException('The page was closed', 'AbortError')) });
    expect(await aborted.get('/')).toMatchObject({ ok: false, error: { kind: 'aborted', detail: 'The page was closed', retryable: false } });
    const late = createClient({ baseUrl: 'https://api.example.com', retry: 0, fetch: rejecting(new DOMException('The operation timed out', 'TimeoutError')) });
    expect(await late.get('/')).toMatchObject({ ok: false, error: { kind: 'timeout', detail: 'The operation timed out' } });
    const broken = createClient({ baseUrl: 'https://api.example.com', retry: 0, fetch: rejecting(new DOMException('Failed to execute "fetch()"', 'NetworkError')) });
    expect(await broken.get('/')).toMatchObject({ ok: false, error: { kind: 'network', retryable: true } });
    // Anything else a fetch throws is a bug, and propagates.
    const buggy = createClient({ baseUrl: 'https://api.example.com', fetch: rejecting(new RangeError('bug')) });
    await expect(buggy.get('/')).rejects.toThrow(RangeError);
  });

  it('reads what a custom fetch answers that is no Response, one without Headers included, as an invalid_response "Not a response", not a network failure to retry', async () => {
    for (const answer of [{ status: 200 }, { status: 200, ok: true, headers: { 'content-type': 'application/json' }, body: null }, { status: 503, headers: null }]) {
      let calls = 0;
      const api = createClient({ baseUrl: 'https://api.example.com', wait: noWait, fetch: () => (calls++, Promise.resolve(answer as unknown as Response)) });
      expect(await api.get('/x'), JSON.stringify(answer)).toMatchObject({ ok: false, error: { kind: 'invalid_response', detail: 'Not a response', retryable: false } });
      expect(calls).toBe(1);
    }
  });

  it('maps seed 004 partial failures to their request items and never retries them', async () => {
    server.route(
      '/batch',
      json(200, {
        result: 'failure',
        failures: [{ rawData: { email: 'x' }, errors: [{ type: 'validation', code: 1001, message: 'Invalid email', field: 'email' }] }],
        metadata: { receivedItemsCount: 3, validItems: [0, 2], invalidItems: [1] },
      }),
    );
    const api = createClient({ baseUrl: server.origin });
    const result = await api.put('/batch', { json: [{}, {}, {}] });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', status: 200, failures: [{ index: 1, rawData: { email: 'x' }, issues: [{ path: ['email'], message: 'Invalid email' }] }] } });
    expect(server.requests('/batch')).toHaveLength(1);
  });
});

describe('schemas', () => {
  const Customer = z.object({ id: z.number(), name: z.string() });

  it('validates and types the success data with a zod 4 schema', async () => {
    server.route('/customer', json(200, { id: 1, name: 'Ada', extra: true }));
    const api = createClient({ baseUrl: server.origin });
    const result = await api.get('/customer', { schema: Customer });
    expectTypeOf(result).toEqualTypeOf<ApiResult<{ id: number; name: string }>>();
    expect(result).toMatchObject({ ok: true, value: { data: { id: 1, name: 'Ada' } } });
    expect(result.ok && 'extra' in result.value.data).toBe(false);
  });

  it('turns a 2xx body that fails the schema into invalid_response with the schema issues, not retried', async () => {
    server.route('/bad-customer', json(200, { id: '1' }));
    const api = createClient({ baseUrl: server.origin });
    const result = await api.get('/bad-customer', { schema: Customer });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_response', status: 200, retryable: false } });
    expect(!result.ok && result.error.issues.map((issue) => issue.path)).toEqual([['id'], ['name']]);
    expect(server.requests('/bad-customer')).toHaveLength(1);
  });

  it('validates and types the success data with a valibot schema, and turns its failure into issues', async () => {
    server.route('/valibot-customer', json(200, { id: 1, name: 'Ada' }));
    server.route('/valibot-bad', json(200, { id: 1, name: 7 }));
    const ValibotCustomer = v.object({ id: v.number(), name: v.pipe(v.string(), v.minLength(1)) });
    const api = createClient({ baseUrl: server.origin });
    const result = await api.get('/valibot-customer', { schema: ValibotCustomer });
    expectTypeOf(result).toEqualTypeOf<ApiResult<{ id: number; name: string }>>();
    expect(result).toMatchObject({ ok: true, value: { data: { id: 1, name: 'Ada' } } });
    const failed = await api.get('/valibot-bad', { schema: ValibotCustomer });
    expect(failed).toMatchObject({ ok: false, error: { kind: 'invalid_response', status: 200 } });
    expect(!failed.ok && failed.error.issues.map((issue) => issue.path)).toEqual([['name']]);
  });

  it('validates and types the success data with an arktype schema, its morphs applied, and turns its failure into issues', async () => {
    server.route('/arktype-customer', json(200, { id: 1, name: 'Ada', since: '2024-05-01' }));
    server.route('/arktype-bad', json(200, { id: 'one', name: 'Ada', since: '2024-05-01' }));
    const ArktypeCustomer = type({ id: 'number', name: 'string', since: type('string').pipe((text) => text.slice(0, 4)) });
    const api = createClient({ baseUrl: server.origin });
    const result = await api.get('/arktype-customer', { schema: ArktypeCustomer });
    expectTypeOf(result).toEqualTypeOf<ApiResult<{ id: number; name: string; since: string }>>();
    expect(result).toMatchObject({ ok: true, value: { data: { id: 1, name: 'Ada', since: '2024' } } });
    const failed = await api.get('/arktype-bad', { schema: ArktypeCustomer });
    expect(failed).toMatchObject({ ok: false, error: { kind: 'invalid_response', status: 200 } });
    expect(!failed.ok && failed.error.issues.map((issue) => issue.path)).toEqual([['id']]);
    expect(!failed.ok && failed.error.issues[0]!.message).toContain('number');
  });

  it('accepts any Standard Schema, even an asynchronous hand-written one', async () => {
    server.route('/number', json(200, 41));
    const plusOne: StandardSchemaV1<unknown, number> = {
      '~standard': { version: 1, vendor: 'test', validate: async (value) => (typeof value === 'number' ? { value: value + 1 } : { issues: [{ message: 'not a number' }] }) },
    };
    const api = createClient({ baseUrl: server.origin });
    const result = await api.get('/number', { schema: plusOne });
    expectTypeOf(result).toEqualTypeOf<ApiResult<number>>();
    expect(result.ok && result.value.data).toBe(42);
  });
});

describe('types', () => {
  it('types results by the type argument or the schema, and pages by the item type', () => {
    // expectTypeOf evaluates its argument: the calls are answered here rather than sent out.
    const api = createClient({ baseUrl: 'https://api.example.com', fetch: () => Promise.resolve(new Response(null)) });
    expectTypeOf(api.get<{ id: number }>('/x')).toEqualTypeOf<Promise<ApiResult<{ id: number }>>>();
    expectTypeOf(api.post('/x', { schema: z.array(z.string()) })).toEqualTypeOf<Promise<ApiResult<string[]>>>();
    expectTypeOf(api.paginate<{ id: number }>('/x')).toExtend<AsyncIterable<{ id: number }>>();
    expectTypeOf(api.verifyKey()).toEqualTypeOf<Promise<boolean>>();
  });
});

describe('unwrap', () => {
  it('gives the success, or throws a ResponseError carrying the normalized error', async () => {
    server.route('/ok', json(200, { fine: true }));
    server.route('/conflict', json(409, { message: 'Version mismatch' }));
    const api = createClient({ baseUrl: server.origin });
    expect(unwrap(await api.get('/ok')).data).toEqual({ fine: true });
    const thrown = await api.get('/conflict').then(unwrap).catch((error: unknown) => error);
    expect(isResponseError(thrown) && thrown.error).toMatchObject({ kind: 'conflict', detail: 'Version mismatch' });
  });
});

describe('hooks', () => {
  it('runs a hook before each request and after each response, for logging and auth refresh', async () => {
    let token = 'old';
    server.route('/private', (request, response) => {
      if (request.headers.authorization === 'Bearer new') json(200, { secret: 1 })(request, response, Buffer.alloc(0));
      else json(401, { message: 'Token expired' })(request, response, Buffer.alloc(0));
    });
    const log: string[] = [];
    const api = createClient({
      baseUrl: server.origin,
      hooks: {
        beforeRequest: [
          (request) => {
            request.headers.set('authorization', `Bearer ${token}`);
            log.push(`→ ${request.method} ${new URL(request.url).pathname}`);
          },
        ],
        afterResponse: [
          async (response, request) => {
            log.push(`← ${response.status}`);
            if (response.status !== 401) return undefined;
            token = 'new';
            const headers = new Headers(request.headers);
            headers.set('authorization', `Bearer ${token}`);
            return fetch(request.url, { headers });
          },
        ],
      },
    });
    const result = await api.get('/private');
    expect(result).toMatchObject({ ok: true, value: { data: { secret: 1 } } });
    expect(log).toEqual(['→ GET /private', '← 401']);
    expect(server.requests('/private').map((request) => request.headers.authorization)).toEqual(['Bearer old', 'Bearer new']);
  });

  it('hands afterResponse a request it can send again, body included, for a PUT, POST or PATCH (the token refresh of the docs)', async () => {
    server.route('/private-put', (request, response, body) => {
      if (request.headers.authorization === 'Bearer new') json(200, { saved: JSON.parse(body.toString()) })(request, response, body);
      else json(401, { message: 'Token expired' })(request, response, body);
    });
    const seen: boolean[] = [];
    const refresh = async (response: Response, request: Request): Promise<Response | undefined> => {
      seen.push(request.bodyUsed);
      if (response.status !== 401) return undefined;
      const again = request.clone();
      again.headers.set('authorization', 'Bearer new');
      return fetch(again);
    };
    // With an API key the client sends the request itself to follow redirects (redirects.ts): the same holds.
    for (const apiKey of [undefined, 'secret']) {
      const api = createClient({ baseUrl: server.origin, apiKey, hooks: { afterResponse: [refresh] } });
      for (const method of ['put', 'post', 'patch'] as const) {
        expect(await api[method]('/private-put', { json: { name: 'Ada' } }), `${method} ${apiKey}`).toMatchObject({ ok: true, value: { data: { saved: { name: 'Ada' } } } });
      }
    }
    expect(seen).toEqual(Array(6).fill(false));
    const received = server.requests('/private-put');
    expect(received.map((request) => request.headers.authorization)).toEqual(Array(6).fill([undefined, 'Bearer new']).flat());
    expect(received.every((request) => request.body.toString() === '{"name":"Ada"}')).toBe(true);
  });

  it('hands afterResponse the request of a stream body with its body used, since a stream is sent once only', async () => {
    server.route('/stream-hooked', json(200, {}));
    const seen: boolean[] = [];
    const api = createClient({ baseUrl: server.origin, hooks: { afterResponse: [(_response, request) => void seen.push(request.bodyUsed)] } });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('line 1\n'));
        controller.close();
      },
    });
    expect(await api.put('/stream-hooked', { body: stream })).toMatchObject({ ok: true });
    expect(seen).toEqual([true]);
    expect(server.requests('/stream-hooked').map((request) => request.body.toString())).toEqual(['line 1\n']);
  });

  it('runs the hooks on every attempt, telling them which attempt it is', async () => {
    server.route('/retried', text(503, ''), json(200, {}));
    const attempts: number[] = [];
    const api = createClient({ baseUrl: server.origin, wait: noWait, hooks: { beforeRequest: [(_request, attempt) => void attempts.push(attempt)] } });
    expect((await api.get('/retried')).ok).toBe(true);
    expect(attempts).toEqual([0, 1]);
  });

  it('answers from a beforeRequest hook that returns a response, without sending anything', async () => {
    server.route('/cached', json(500, {}));
    const api = createClient({ baseUrl: server.origin, hooks: { beforeRequest: [() => Response.json({ cached: true })] } });
    expect(await api.get('/cached')).toMatchObject({ ok: true, value: { data: { cached: true } } });
    expect(server.requests('/cached')).toHaveLength(0);
  });

  it('lets a TypeError thrown by a hook propagate, not taken for a network failure nor retried', async () => {
    server.route('/hook-type-error', json(200, {}));
    let calls = 0;
    const hook = (request: Request): void => {
      calls++;
      (request.headers.get('x-missing') as unknown as { trim(): string }).trim();
    };
    const api = createClient({ baseUrl: server.origin, wait: noWait, hooks: { beforeRequest: [hook] } });
    await expect(api.get('/hook-type-error')).rejects.toThrow(TypeError);
    expect(calls).toBe(1);
    expect(server.requests('/hook-type-error')).toHaveLength(0);
  });

  it('keeps the timeouts and the caller signal on a request a beforeRequest hook builds anew', { timeout: 10_000 }, async () => {
    server.route('/hook-rebuilt', silence());
    const api = createClient({ baseUrl: server.origin, totalTimeoutMs: 200, hooks: { beforeRequest: [(request) => new Request(request.url, { headers: request.headers })] } });
    expect(await api.get('/hook-rebuilt')).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    const controller = new AbortController();
    const pending = api.get('/hook-rebuilt', { signal: controller.signal, totalTimeoutMs: 60_000 });
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'aborted' } });
  });

  it('cancels the body of the response it holds when an afterResponse hook throws', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({ cancel: () => void (cancelled = true) });
    const api = createClient({
      baseUrl: 'https://api.example.com',
      fetch: () => Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })),
      hooks: { afterResponse: [() => Promise.reject(new RangeError('bug in hook'))] },
    });
    await expect(api.get('/x')).rejects.toThrow('bug in hook');
    expect(cancelled).toBe(true);
  });

  it('lets an exception thrown by a hook propagate, without retrying', async () => {
    server.route('/hooked', json(503, {}));
    const api = createClient({ baseUrl: server.origin, wait: noWait, hooks: { afterResponse: [() => Promise.reject(new RangeError('bug in hook'))] } });
    await expect(api.get('/hooked')).rejects.toThrow('bug in hook');
    expect(server.requests('/hooked')).toHaveLength(1);
  });
});

describe('verifyKey (seed 003)', () => {
  it('sends a HEAD with the key and says true on 200 and false on 401', async () => {
    server.route('/v1', (request, response) => {
      response.writeHead(request.headers['x-api-key'] === 'good' ? 200 : 401);
      response.end();
    });
    expect(await createClient({ baseUrl: `${server.origin}/v1`, apiKey: 'good' }).verifyKey()).toBe(true);
    expect(await createClient({ baseUrl: `${server.origin}/v1`, apiKey: 'bad' }).verifyKey()).toBe(false);
    expect(server.requests('/v1').map((request) => request.method)).toEqual(['HEAD', 'HEAD']);
  });

  it('throws when the answer says nothing about the key', async () => {
    server.route('/down', text(500, ''));
    const api = createClient({ baseUrl: `${server.origin}/down`, apiKey: 'good', retry: 0 });
    await expect(api.verifyKey()).rejects.toMatchObject({ error: { kind: 'server', status: 500 } });
  });
});

describe('toFormData (seed 003 multipart)', () => {
  it('sends a JSON part of type application/json and the binary parts', async () => {
    server.route('/documents', json(201, {}));
    const api = createClient({ baseUrl: server.origin });
    const pdf = new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff])], { type: 'application/pdf' });
    const result = await api.post('/documents', { body: toFormData({ title: 'Contract' }, { document: pdf }) });
    expect(result.ok).toBe(true);
    const received = server.requests('/documents')[0]!;
    expect(received.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(new Uint8Array(received.body), { headers: { 'content-type': received.headers['content-type']! } }).formData();
    const data = form.get('data') as File;
    expect(data.type).toBe('application/json');
    expect(JSON.parse(await data.text())).toEqual({ title: 'Contract' });
    const document = form.get('document') as File;
    expect(document.type).toBe('application/pdf');
    expect([...new Uint8Array(await document.arrayBuffer())]).toEqual([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
  });

  it('leaves the JSON part out when the JSON is undefined, for a form of files alone', async () => {
    server.route('/files-only', json(201, {}));
    const api = createClient({ baseUrl: server.origin });
    const scan = new Blob(['scan'], { type: 'image/png' });
    expect(await api.post('/files-only', { body: toFormData(undefined, { scan }) })).toMatchObject({ ok: true });
    const received = server.requests('/files-only')[0]!;
    expect(received.body.toString()).not.toContain('undefined');
    const form = await new Response(new Uint8Array(received.body), { headers: { 'content-type': received.headers['content-type']! } }).formData();
    expect([...form.keys()]).toEqual(['scan']);
    expect(await (form.get('scan') as File).text()).toBe('scan');
    // `null` is JSON, and is sent.
    expect([...toFormData(null, {}).keys()]).toEqual(['data']);
  });

  it('names the JSON part as asked', () => {
    const form = toFormData([1], {}, { jsonPart: 'payload' });
    expect([...form.keys()]).toEqual(['payload']);
  });

  it('sends the JSON part alone when files are left out, undefined, or null from JavaScript', async () => {
    for (const form of [toFormData({ title: 'Contract' }), toFormData({ title: 'Contract' }, undefined), toFormData({ title: 'Contract' }, null as unknown as undefined), toFormData({ title: 'Contract' }, undefined, { jsonPart: 'payload' })]) {
      expect(form.getAll('data').length + form.getAll('payload').length).toBe(1);
      expect([...form.keys()]).toHaveLength(1);
      const part = (form.get('data') ?? form.get('payload')) as File;
      expect(part.type).toBe('application/json');
      expect(JSON.parse(await part.text())).toEqual({ title: 'Contract' });
    }
  });

  it('refuses files that are no record of parts with a TypeError naming files, where a text or a list was spread into parts named by index', () => {
    const pdf = new Blob(['%PDF'], { type: 'application/pdf' });
    const refused: readonly (readonly [unknown, string])[] = [
      ['contract.pdf', 'a string'],
      [42, 'a number'],
      [true, 'a boolean'],
      [[pdf], 'an array'],
      [() => pdf, 'a function'],
    ];
    for (const [files, described] of refused) {
      expect(() => toFormData({ title: 'Contract' }, files as never), described).toThrow(new TypeError(`files must be a record of part names to Blobs or Files, not ${described}`));
    }
  });
});

describe("what a caller coming from ky expects (an audit of the client against ky's documented behaviour)", () => {
  it("keeps the client's retry options under a call's own: a number is the limit, an object's members win one by one", async () => {
    server.route('/overloaded', json(529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }));
    const statusCodes = [408, 429, 500, 502, 503, 504, 529];
    const api = createClient({ baseUrl: server.origin, retry: { statusCodes, limit: 1 }, wait: noWait });
    const count = async (init?: Parameters<typeof api.get>[1]): Promise<number> => {
      const before = server.requests('/overloaded').length;
      await api.get('/overloaded', init);
      return server.requests('/overloaded').length - before;
    };
    expect(await count()).toBe(2);
    // Before, a call's `retry: 3` dropped the client's 529 and made one request.
    expect(await count({ retry: 3 })).toBe(4);
    expect(await count({ retry: { limit: 2 } })).toBe(3);
    expect(await count({ retry: { limit: undefined, statusCodes: [503] } })).toBe(1);
  });

  it('hands each afterResponse hook a copy of the response, so that a logger may read it and the caller still gets the body', async () => {
    server.route('/logged', json(200, { id: 1 }));
    server.route('/logged-error', json(404, { message: 'No such order' }));
    const logged: unknown[] = [];
    const api = createClient({ baseUrl: server.origin, hooks: { afterResponse: [async (response) => void logged.push(await response.json()), (response) => response] } });
    expect(await api.get('/logged')).toMatchObject({ ok: true, value: { data: { id: 1 } } });
    expect(await api.get('/logged-error')).toMatchObject({ ok: false, error: { kind: 'not_found', detail: 'No such order' } });
    expect(logged).toEqual([{ id: 1 }, { message: 'No such order' }]);
  });

  it("removes a client's header from a call that gives it as undefined, rather than send the text \"undefined\"", async () => {
    server.route('/public', json(200, {}));
    const api = createClient({ baseUrl: server.origin, apiKey: 'k', headers: { authorization: 'Bearer x', 'x-trace': undefined } });
    await api.get('/public', { headers: { authorization: undefined, 'X-Api-Key': undefined } });
    await api.get('/public');
    const [bare, full] = server.requests('/public').map((request) => request.headers);
    expect([bare!['authorization'], bare!['x-api-key'], bare!['x-trace']]).toEqual([undefined, undefined, undefined]);
    expect([full!['authorization'], full!['x-api-key'], full!['x-trace']]).toEqual(['Bearer x', 'k', undefined]);
  });

  it("sends FormData and URLSearchParams with their own type over the client's default, and keeps a JSON type of the client's for json", async () => {
    server.route('/typed', json(200, {}));
    const api = createClient({ baseUrl: server.origin, headers: { 'content-type': 'application/vnd.api+json' } });
    const form = new FormData();
    form.append('name', 'Ada');
    await api.post('/typed', { body: form });
    await api.post('/typed', { body: new URLSearchParams({ name: 'Ada' }) });
    await api.post('/typed', { json: { data: { type: 'people' } } });
    await createClient({ baseUrl: server.origin, headers: { 'content-type': 'text/plain' } }).post('/typed', { json: {} });
    const types = server.requests('/typed').map((request) => request.headers['content-type']);
    expect(types[0]).toMatch(/^multipart\/form-data; boundary=/);
    expect(types.slice(1)).toEqual(['application/x-www-form-urlencoded;charset=UTF-8', 'application/vnd.api+json', 'application/json']);
  });

  it('ends a call whose hook is still running when the caller aborts or the total timeout passes, and runs no hook for a call aborted before', { timeout: 20_000 }, async () => {
    server.route('/hooked', json(200, {}));
    // A hook that would hold a call for 5 s; each call must end while it still runs.
    let runs = 0;
    let running = 0;
    const slow = (): Promise<void> => {
      runs++;
      running++;
      return new Promise((resolve) => setTimeout(() => resolve(void running--), 5_000));
    };
    const before = createClient({ baseUrl: server.origin, hooks: { beforeRequest: [slow] } });
    const controller = new AbortController();
    setTimeout(() => controller.abort('gone'), 50);
    expect(await before.get('/hooked', { signal: controller.signal })).toMatchObject({ ok: false, error: { kind: 'aborted', detail: 'The request was aborted: gone' } });
    expect(running).toBe(1);
    expect(await before.get('/hooked', { totalTimeoutMs: 100 })).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(running).toBe(2);
    const after = createClient({ baseUrl: server.origin, hooks: { afterResponse: [slow] } });
    expect(await after.get('/hooked', { timeoutMs: 100, retry: 0 })).toMatchObject({ ok: false, error: { kind: 'timeout', detail: 'No response within 100 ms' } });
    expect(running).toBe(3);
    // A hook that aborts the call itself before its first await: the abort has fired already.
    const selfAborting = new AbortController();
    const aborting = createClient({ baseUrl: server.origin, hooks: { beforeRequest: [() => (selfAborting.abort('cancelled by the hook'), slow())] } });
    expect(await aborting.get('/hooked', { signal: selfAborting.signal })).toMatchObject({ ok: false, error: { kind: 'aborted', detail: 'The request was aborted: cancelled by the hook' } });
    expect(running).toBe(4);
    runs = 0;
    expect(await before.get('/hooked', { signal: AbortSignal.abort('gone') })).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    expect(runs).toBe(0);
    expect(server.requests('/hooked')).toHaveLength(1);
  });

  it('ends a call whose asynchronous shouldRetry is still deciding when the caller aborts or the total timeout passes', { timeout: 20_000 }, async () => {
    server.route('/busy', json(503, { message: 'Busy' }));
    let deciding = 0;
    const shouldRetry = (): Promise<boolean> => {
      deciding++;
      return new Promise((resolve) => setTimeout(() => {
        deciding--;
        resolve(true);
      }, 5_000));
    };
    const api = createClient({ baseUrl: server.origin, retry: { shouldRetry }, wait: noWait });
    expect(await api.get('/busy', { totalTimeoutMs: 200 })).toMatchObject({ ok: false, error: { kind: 'timeout', detail: 'The request took longer than its total timeout' } });
    expect(deciding).toBe(1);
    const controller = new AbortController();
    setTimeout(() => controller.abort('gone'), 50);
    expect(await api.get('/busy', { signal: controller.signal })).toMatchObject({ ok: false, error: { kind: 'aborted', detail: 'The request was aborted: gone' } });
    expect(deciding).toBe(2);
    expect(server.requests('/busy')).toHaveLength(2);
  });

  it('sends the headers of a Headers from another implementation (happy-dom, a polyfill, another realm)', async () => {
    server.route('/foreign', json(200, {}));
    const foreign = new (new Window().Headers)({ authorization: 'Bearer t', 'x-trace': 'abc' });
    expect(foreign instanceof Headers).toBe(false);
    const api = createClient({ baseUrl: server.origin, headers: foreign as unknown as Headers });
    await api.get('/foreign', { headers: foreign as unknown as Headers });
    expect(server.requests('/foreign')[0]!.headers).toMatchObject({ authorization: 'Bearer t', 'x-trace': 'abc' });
  });

  it('sends the headers of an object that is a Headers only by its forEach, and of read-only pairs, as typed', async () => {
    server.route('/shaped', json(200, {}));
    // node-fetch's Headers and other polyfills: no iterator is needed, and their own keys are none of the headers.
    const shaped = { secret: 'not a header', forEach: (callback: (value: string, name: string) => void) => callback('abc', 'X-Trace') };
    const api = createClient({ baseUrl: server.origin, headers: shaped });
    await api.get('/shaped', { headers: [['x-call', '1']] as const });
    const [sent] = server.requests('/shaped');
    expect(sent!.headers).toMatchObject({ 'x-trace': 'abc', 'x-call': '1' });
    expect(sent!.headers).not.toHaveProperty('secret');
  });

  it('gives the call the body of a response an afterResponse hook builds on its copy, or clones, and the error of a hook that throws mid-read', { timeout: 20_000 }, async () => {
    // Large enough that a tee blocks on a branch no one reads.
    const rows = Array.from({ length: 50_000 }, (_, index) => ({ index }));
    server.route('/rows', json(200, rows));
    const through = (hook: AfterResponseHook) => createClient({ baseUrl: server.origin, hooks: { afterResponse: [hook] } }).get<{ index: number }[]>('/rows');
    const rebuilt = await through((response) => new Response(response.body, { status: response.status, headers: { 'content-type': 'application/json', 'x-seen': '1' } }));
    expect(rebuilt.ok && rebuilt.value.data.length).toBe(50_000);
    expect(rebuilt.ok && rebuilt.value.headers?.['x-seen']).toBe('1');
    const cloned = await through((response) => response.clone());
    expect(cloned.ok && cloned.value.data.at(-1)).toEqual({ index: 49_999 });
    await expect(
      through(async (response) => {
        await response.body!.getReader().read();
        throw new Error('hook bug');
      }),
    ).rejects.toThrow('hook bug');
  });

  it("gives a success's headers by lower-case name: a HEAD's size, a download's file name, an ETag", async () => {
    server.route('/file', (request, response) => {
      response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': '3', etag: '"v1"', 'content-disposition': 'attachment; filename="a.pdf"' });
      response.end(request.method === 'HEAD' ? undefined : 'PDF');
    });
    const api = createClient({ baseUrl: server.origin });
    const head = unwrap(await api.head('/file'));
    expect(head.headers).toMatchObject({ 'content-length': '3', etag: '"v1"', 'content-type': 'application/pdf' });
    expect(unwrap(await api.get('/file')).headers?.['content-disposition']).toBe('attachment; filename="a.pdf"');
    expect(structuredClone(head).headers).toEqual(head.headers);
  });

  it("reads every response with a normalizer of the caller's: an API that speaks a dialect of its own", async () => {
    // Acme's errors: `{ fault: { reason, field } }`, a dialect no built-in one knows.
    const acmeDialect: DialectParser = {
      id: 'acme',
      mediaTypes: [],
      detect: (body) => typeof body === 'object' && body !== null && 'fault' in body,
      parse: (body, { status }) => {
        const { reason, field } = (body as { fault: { reason: string; field?: string } }).fault;
        return { ok: false, kind: status === 422 ? 'validation' : 'bad_request', detail: reason, issues: field ? [{ path: [field], field, message: reason }] : [] };
      },
    };
    server.route('/acme', json(422, { fault: { reason: 'Name is taken', field: 'name' } }));
    const api = createClient({ baseUrl: server.origin, normalize: createNormalizer({ dialects: [acmeDialect, ...dialects] }) });
    expect(await api.get('/acme')).toMatchObject({ ok: false, error: { kind: 'validation', dialect: 'acme', detail: 'Name is taken', issues: [{ field: 'name', message: 'Name is taken' }] } });
    expect(await createClient({ baseUrl: server.origin }).get('/acme')).toMatchObject({ ok: false, error: { dialect: 'plain' } });
    expect(() => createClient({ baseUrl: server.origin, normalize: 'acme' as never })).toThrow('normalize must be a function');
  });

  it("retries no error the server says no retry can mend, whatever its status: Stripe-Should-Retry: false, OpenAI's insufficient_quota", async () => {
    server.route('/quota', json(429, { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } }));
    server.route('/stripe-busy', json(503, { error: { type: 'api_error', message: 'Try later' } }, { 'stripe-should-retry': 'false' }));
    server.route('/stripe-rate', json(429, { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests' } }));
    const api = createClient({ baseUrl: server.origin, wait: noWait });
    expect(await api.get('/quota')).toMatchObject({ ok: false, error: { kind: 'rate_limited', retryable: false } });
    expect(await api.get('/stripe-busy')).toMatchObject({ ok: false, error: { status: 503, retryable: false } });
    await api.get('/stripe-rate');
    expect([server.requests('/quota').length, server.requests('/stripe-busy').length, server.requests('/stripe-rate').length]).toEqual([1, 1, 3]);
  });

  it('takes URL objects for the base URL and the path, and a scheme in any case as absolute', async () => {
    server.route('/v1/items', json(200, [1]));
    const api = createClient({ baseUrl: new URL(`${server.origin}/v1`) });
    expect(await api.get(new URL(`${server.origin}/v1/items`))).toMatchObject({ ok: true, value: { data: [1] } });
    expect(await api.get(`${server.origin.replace('http:', 'HTTP:')}/v1/items`)).toMatchObject({ ok: true, value: { data: [1] } });
    expect(server.requests('/v1/items')).toHaveLength(2);
  });
});
