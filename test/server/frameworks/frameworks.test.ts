/**
 * faultline/server behind real frameworks: the same routes (routes.ts) served through node:http,
 * Express 5, Fastify 5 and Hono on 127.0.0.1 with ephemeral ports, hit with real `fetch`, in each
 * of the four dialects. What is checked is what a client sees: status, content type, the body as
 * the dialect documents it, headers, and what `normalizeResponse` makes of it — including each
 * framework's own error paths (a thrown error, an unknown route, a malformed JSON body).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeResponse, type ApiError, type ApiResult, type ApiSuccess } from '../../../src/index.ts';
import { start as startExpress } from './adapters/express.ts';
import { start as startFastify } from './adapters/fastify.ts';
import { start as startHono } from './adapters/hono.ts';
import { start as startNodeHttp } from './adapters/node-http.ts';
import { createApi, requestsPerMinute, servedDialects, validApiKey, type Api, type CallCounts, type ServedDialect, type StartedServer } from './routes.ts';

const frameworks: readonly { name: string; start: (dialect: ServedDialect, api: Api) => Promise<StartedServer> }[] = [
  { name: 'node:http', start: startNodeHttp },
  { name: 'Express 5', start: startExpress },
  { name: 'Fastify 5', start: startFastify },
  { name: 'Hono', start: startHono },
];

/** One field issue as each dialect spells it: the model's path, a JSON Pointer (problem) and a dotted field (the others). */
interface ExpectedIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly code: string;
  readonly pointer: string;
  readonly field: string;
}

/** An error as the route or framework makes it; the expected body of every dialect follows from it. */
interface ExpectedError {
  readonly kind: ApiError['kind'];
  readonly status: number;
  readonly title: string;
  /** A string, or `expect.any(String)` for a framework's own message. */
  readonly detail?: unknown;
  readonly code?: string;
  readonly instance?: string;
  readonly requestId?: string;
  readonly issues?: readonly ExpectedIssue[];
  readonly extensions?: Readonly<Record<string, unknown>>;
  /** Seed 004 `error.type` and `error.code`, an Integer. */
  readonly envelope: { readonly type: string; readonly code: number };
}

/** The body each dialect documents for an error (DESIGN.md table, README "Answering in a dialect"). */
function expectedErrorBody(dialect: ServedDialect, error: ExpectedError): Record<string, unknown> {
  const message = error.detail ?? error.title;
  const flatIssues = error.issues?.map((issue) => ({ field: issue.field, message: issue.message, code: issue.code }));
  const optional = (entries: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
  switch (dialect) {
    case 'problem':
      // RFC 9457 §3.1 and seed 001: title, status, detail, instance, errors[] of {title, detail, pointer}; type about:blank left out.
      return optional({
        ...error.extensions,
        title: error.title,
        status: error.status,
        // Seed 001: "all responses contain a title and detail"; the title stands in for a missing detail.
        detail: error.detail ?? error.title,
        instance: error.instance,
        code: error.code,
        errors: error.issues?.map((issue) => ({ title: issue.code, detail: issue.message, pointer: issue.pointer })),
      });
    case 'status-message':
      // Seed 002: {status, message, request_id?, trace_id?}.
      return optional({ ...error.extensions, status: error.status, message, request_id: error.requestId, code: error.code, errors: flatIssues });
    case 'plain':
      // Seeds 000 and 003: {code, message}.
      return optional({ ...error.extensions, code: error.code, message, errors: flatIssues });
    case 'envelope': {
      // Seed 004: {result: "error", error: {type, code, message, field?}}: a lone issue's message is
      // the object's unless the error has a detail; `errors[]` carries the issues the object cannot.
      const lone = error.issues?.length === 1 ? error.issues[0]! : undefined;
      const objectMessage = error.detail ?? lone?.message ?? error.title;
      const carried = lone !== undefined && lone.path.length > 0 && lone.message === objectMessage && (lone.code ?? String(error.envelope.code)) === String(error.envelope.code);
      const errors = error.issues !== undefined && error.issues.length > 0 && !carried ? flatIssues : undefined;
      return { result: 'error', error: optional({ type: error.envelope.type, code: error.envelope.code, message: objectMessage, field: error.issues?.[0]?.field, errors }) };
    }
  }
}

/** The media type of a response, without parameters. */
const mediaTypeOf = (response: Response): string | undefined => response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();

const errorOf = (result: ApiResult): ApiError => {
  if (result.ok) throw new Error(`expected an error, got a success: ${JSON.stringify(result.value.body)}`);
  return result.error;
};

const successOf = (result: ApiResult): ApiSuccess => {
  if (!result.ok) throw new Error(`expected a success, got ${result.error.kind}: ${JSON.stringify(result.error.body)}`);
  return result.value;
};

interface Exchange {
  readonly response: Response;
  /** The body as received. */
  readonly text: string;
  /** The body parsed as JSON; `undefined` when empty. */
  readonly json: unknown;
  /** What `normalizeResponse` made of the same response. */
  readonly result: ApiResult;
}

interface RequestOptions {
  /** The `x-api-key` to send; `null` sends none. @default validApiKey */
  readonly key?: string | null;
  /** Sent as JSON. */
  readonly json?: unknown;
  /** Sent as is, with `content-type: application/json`. */
  readonly rawJson?: string;
  readonly headers?: Record<string, string>;
}

const newsletterContacts = [{ email: 'ada@example.com' }, { email: 'not an address' }, { email: 'grace@example.com' }];

describe.each(frameworks)('$name', ({ start }) => {
  describe.each(servedDialects)('answering in the %s dialect', (dialect) => {
    const api = createApi(dialect);
    let server: StartedServer | undefined;

    beforeAll(async () => {
      server = await start(dialect, api);
    });
    afterAll(async () => {
      await server?.close();
    });

    async function request(method: string, path: string, options: RequestOptions = {}): Promise<Exchange> {
      if (!server) throw new Error('the server did not start');
      const headers = new Headers(options.headers);
      const key = options.key === undefined ? validApiKey : options.key;
      if (key !== null) headers.set('x-api-key', key);
      const body = options.rawJson ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
      if (body !== undefined) headers.set('content-type', 'application/json');
      const response = await fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
      const result = await normalizeResponse(response.clone());
      const text = await response.text();
      return { response, text, json: text === '' ? undefined : (JSON.parse(text) as unknown), result };
    }

    /** Everything a client sees of an error: status, content type, body, status member, and the normalized model. */
    function expectError(exchange: Exchange, expected: ExpectedError): ApiError {
      const { response, json, result } = exchange;
      expect(response.status).toBe(expected.status);
      expect(mediaTypeOf(response)).toBe(dialect === 'problem' ? 'application/problem+json' : 'application/json');
      expect(json).toEqual(expectedErrorBody(dialect, expected));
      // RFC 9457 §3.1.2 and RELIABILITY.md "Building": the body's status member is the HTTP status.
      if (dialect === 'problem' || dialect === 'status-message') expect((json as { status?: unknown }).status).toBe(response.status);
      const error = errorOf(result);
      expect(error.kind).toBe(expected.kind);
      expect(error.status).toBe(expected.status);
      expect(error.dialect).toBe(dialect);
      expect(error.title).toBe(expected.title);
      // The flat dialects have one text: the detail, else the title, which reads back as no detail.
      expect(error.detail).toEqual(expected.detail);
      expect(error.issues.map((issue) => issue.path)).toEqual((expected.issues ?? []).map((issue) => issue.path));
      return error;
    }

    function expectUnchanged(before: CallCounts): void {
      expect(api.calls).toEqual(before);
    }

    it('answers a known campaign with 200 and its data', async () => {
      const { response, json, result } = await request('GET', '/campaigns/7');
      expect(response.status).toBe(200);
      const campaign = { id: 7, name: 'Spring sale' };
      const bodies: Record<ServedDialect, unknown> = {
        // Seed 001: HAL, with its controls.
        problem: { ...campaign, _links: { self: { href: '/campaigns/7' } } },
        'status-message': campaign,
        plain: campaign,
        // Seed 004: result and metadata around the item.
        envelope: { result: 'success', campaign, metadata: {} },
      };
      expect(mediaTypeOf(response)).toBe(dialect === 'problem' ? 'application/hal+json' : 'application/json');
      expect(json).toEqual(bodies[dialect]);
      const success = successOf(result);
      expect(success.status).toBe(200);
      expect(success.data).toEqual(campaign);
      if (dialect === 'problem') expect(success.links).toEqual({ self: { href: '/campaigns/7' } });
    });

    it('answers an unknown campaign with 404 not_found, its detail and the echoed request id', async () => {
      const exchange = await request('GET', '/campaigns/404', { headers: { 'x-request-id': 'req-42' } });
      const error = expectError(exchange, {
        kind: 'not_found',
        status: 404,
        title: 'Not Found',
        detail: 'No campaign 404',
        instance: '/campaigns/404',
        requestId: 'req-42',
        envelope: { type: 'client', code: 404 },
      });
      expect(exchange.response.headers.get('x-request-id')).toBe('req-42');
      expect(error.requestId).toBe('req-42');
      if (dialect === 'problem') expect(error.instance).toBe('/campaigns/404');
    });

    it('answers a customer without a name with 400 validation and the issue seed 001 prints', async () => {
      const exchange = await request('POST', '/customers', { json: {} });
      expectError(exchange, {
        kind: 'validation',
        status: 400,
        title: 'Bad Request',
        detail: 'Request failed validation',
        issues: [{ path: ['name'], message: '`body.name` is `undefined`, but `string` is expected.', code: 'invalid_type', pointer: '#/name', field: 'name' }],
        envelope: { type: 'validation', code: 400 },
      });
    });

    it('gives the client every invalid field of a customer with its own message, not only the first', async () => {
      const { response, result } = await request('POST', '/customers', { json: { email: 'not an address' } });
      expect(response.status).toBe(400);
      const error = errorOf(result);
      expect(error.kind).toBe('validation');
      // RELIABILITY.md "Building": normalize(build(e)) gives back e's facts, in every dialect.
      expect(error.issues.map(({ path, message }) => ({ path, message }))).toEqual([
        { path: ['name'], message: '`body.name` is `undefined`, but `string` is expected.' },
        { path: ['email'], message: '`body.email` is not an email address.' },
      ]);
    });

    it('answers a valid customer with 201, a Location and the created customer', async () => {
      const before = { ...api.calls };
      const { response, json, result } = await request('POST', '/customers', { json: { name: 'Ada Lovelace' } });
      expect(response.status).toBe(201);
      expect(response.headers.get('location')).toBe('/customers/42');
      const customer = { id: 42, name: 'Ada Lovelace' };
      const bodies: Record<ServedDialect, unknown> = {
        problem: { ...customer, _links: { self: { href: '/customers/42' } } },
        'status-message': customer,
        plain: customer,
        envelope: { result: 'success', customer, metadata: {} },
      };
      expect(mediaTypeOf(response)).toBe(dialect === 'problem' ? 'application/hal+json' : 'application/json');
      expect(json).toEqual(bodies[dialect]);
      expect(successOf(result)).toMatchObject({ status: 201, data: customer });
      expect(api.calls.customers).toBe(before.customers + 1);
    });

    it('answers a batch of valid contacts with 200, the saved items and the batch figures', async () => {
      const contacts = [{ email: 'ada@example.com' }, { email: 'grace@example.com' }];
      const saved = contacts.map((contact, index) => ({ id: 100 + index, ...contact }));
      const { response, json, result } = await request('POST', '/contacts/batch', { json: contacts });
      expect(response.status).toBe(200);
      const metadata = { receivedItemsCount: 2, validItems: [0, 1], invalidItems: [] };
      expect(json).toEqual(dialect === 'envelope' ? { result: 'success', contacts: saved, metadata } : saved);
      const success = successOf(result);
      expect(success.data).toEqual(saved);
      if (dialect === 'envelope') expect(success.batch).toEqual(metadata);
    });

    it('labels application/hal+json only a body whose root is a HAL resource object', async () => {
      // draft-kelly-json-hal §4: the root of a HAL document must be a resource object; a JSON array is not one.
      const { response, json } = await request('POST', '/contacts/batch', { json: [{ email: 'ada@example.com' }] });
      expect(response.status).toBe(200);
      expect(Array.isArray(json)).toBe(dialect !== 'envelope');
      expect(mediaTypeOf(response)).toBe('application/json');
    });

    it('answers a batch with an invalid contact with 422, each failure by index, and saves nothing', async () => {
      const before = { ...api.calls };
      const exchange = await request('POST', '/contacts/batch', { json: newsletterContacts });
      const metadata = { receivedItemsCount: 3, validItems: [0, 2], invalidItems: [1] };
      const issue: ExpectedIssue = { path: [1, 'email'], message: 'The email address is not valid', code: '1001', pointer: '#/1/email', field: '[1].email' };
      const { response, json, result } = exchange;
      expect(response.status).toBe(422);
      expect(api.calls.savedContacts).toBe(before.savedContacts);
      const error = errorOf(result);
      expect(error.kind).toBe('validation');
      expect(error.issues.map((each) => each.path)).toEqual([[1, 'email']]);
      if (dialect === 'envelope') {
        // Seed 004: result "failure", failures[{rawData, errors}] mapped by metadata.invalidItems.
        expect(mediaTypeOf(response)).toBe('application/json');
        expect(json).toEqual({
          result: 'failure',
          failures: [{ rawData: { email: 'not an address' }, errors: [{ type: 'validation', code: 1001, message: 'The email address is not valid', field: 'email' }] }],
          metadata,
        });
        expect(error.failures).toEqual([{ index: 1, rawData: { email: 'not an address' }, issues: [{ path: ['email'], field: 'email', message: 'The email address is not valid', code: '1001' }] }]);
      } else {
        expectError(exchange, { kind: 'validation', status: 422, title: 'Unprocessable Content', issues: [issue], extensions: { metadata }, envelope: { type: 'validation', code: 422 } });
      }
    });

    it('answers a batch that is not an array with 400 bad_request', async () => {
      const exchange = await request('POST', '/contacts/batch', { json: { email: 'ada@example.com' } });
      expectError(exchange, { kind: 'bad_request', status: 400, title: 'Bad Request', detail: 'The body must be an array of items', envelope: { type: 'client', code: 400 } });
    });

    it('answers a rate-limited request with 429, Retry-After and the X-RateLimit headers', async () => {
      const exchange = await request('GET', '/limited');
      const error = expectError(exchange, {
        kind: 'rate_limited',
        status: 429,
        title: 'Too Many Requests',
        detail: 'Access denied - rate limit is exceeded.',
        code: 'RATE_LIMIT_EXCEEDED',
        // Seed 004: `code` is an Integer; a code that is no integer gives way to the status.
        envelope: { type: 'client', code: 429 },
      });
      const { headers } = exchange.response;
      expect(headers.get('retry-after')).toBe('30');
      expect(headers.get('x-ratelimit-limit')).toBe(String(requestsPerMinute));
      expect(headers.get('x-ratelimit-remaining')).toBe('0');
      expect(headers.get('x-ratelimit-reset')).toBe(String(api.rateLimitResetAt / 1000));
      expect(error.retryAfterMs).toBe(30_000);
      expect(error.rateLimit).toEqual({ limit: requestsPerMinute, remaining: 0, resetAt: api.rateLimitResetAt });
      expect(error.retryable).toBe(true);
    });

    it('answers a route that throws with a 500 that shows none of the error', async () => {
      const exchange = await request('GET', '/boom');
      const error = expectError(exchange, { kind: 'server', status: 500, title: 'Internal Server Error', envelope: { type: 'system', code: 500 } });
      expect(exchange.text).not.toMatch(/secret|password/i);
      expect(exchange.text).not.toMatch(/\bat /);
      expect(JSON.stringify(error)).not.toMatch(/secret|password/i);
      expect(api.calls.boom).toBeGreaterThan(0);
    });

    it('answers an unknown route with its own 404 in the dialect', async () => {
      const exchange = await request('GET', '/nowhere/to/be/found');
      expectError(exchange, { kind: 'not_found', status: 404, title: 'Not Found', envelope: { type: 'client', code: 404 } });
    });

    it('answers a malformed JSON body with 400 bad_request in the dialect', async () => {
      const before = { ...api.calls };
      const exchange = await request('POST', '/customers', { rawJson: '{"name": "Ada' });
      expectError(exchange, { kind: 'bad_request', status: 400, title: 'Bad Request', detail: expect.any(String), envelope: { type: 'client', code: 400 } });
      expect(api.calls).toEqual(before);
    });

    it('answers a request without an API key with 401 and runs no route', async () => {
      const before = { ...api.calls };
      const exchange = await request('GET', '/campaigns/7', { key: null });
      expectError(exchange, { kind: 'unauthenticated', status: 401, title: 'Unauthorized', detail: 'The API key is missing', envelope: { type: 'permission', code: 401 } });
      expectUnchanged(before);
    });

    it('answers a request with a wrong API key with 401 and runs no route', async () => {
      const before = { ...api.calls };
      const exchange = await request('POST', '/contacts/batch', { key: 'stolen-key', json: newsletterContacts });
      expectError(exchange, { kind: 'unauthenticated', status: 401, title: 'Unauthorized', detail: 'The API key is not valid', envelope: { type: 'permission', code: 401 } });
      expectUnchanged(before);
    });

    it('answers HEAD with a valid key on any route with 200, no body and no business logic', async () => {
      const before = { ...api.calls };
      for (const path of ['/campaigns/7', '/campaigns/404', '/customers', '/contacts/batch', '/limited', '/boom']) {
        const { response, text } = await request('HEAD', path);
        expect({ path, status: response.status, text }).toEqual({ path, status: 200, text: '' });
      }
      expectUnchanged(before);
    });

    it('answers a CORS preflight without a key 204, with no body and no business logic', async () => {
      const before = { ...api.calls };
      for (const path of ['/campaigns/7', '/customers', '/boom']) {
        const { response, text } = await request('OPTIONS', path, { key: null, headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET' } });
        expect({ path, status: response.status, text }).toEqual({ path, status: 204, text: '' });
      }
      expectUnchanged(before);
    });

    it('answers HEAD without a key or with a wrong key with 401, no body, the GET\'s Content-Length and no business logic', async () => {
      const before = { ...api.calls };
      for (const key of [null, '', 'stolen-key']) {
        for (const path of ['/campaigns/7', '/contacts/batch', '/boom']) {
          const { response, text } = await request('HEAD', path, { key });
          expect({ key, path, status: response.status, text }).toEqual({ key, path, status: 401, text: '' });
          // RFC 9110 §8.6: a HEAD's Content-Length, if sent, is the GET's (it was 0 in Express and Fastify).
          const get = await request('GET', path, { key });
          expect(get.response.status).toBe(401);
          expect([null, String(new TextEncoder().encode(get.text).length)]).toContain(response.headers.get('content-length'));
          expect(response.headers.get('content-type')).toBe(get.response.headers.get('content-type'));
        }
      }
      expectUnchanged(before);
    });
  });
});
