// What a route throws, as `fromError` and `thrownHeaders` answer it: an ApiError the server made
// is its own; any other — `result.error` of a faultline/fetch call, an error another HTTP client
// throws for the upstream's response — is an upstream's, passed on as a gateway would (README
// "Answering in a dialect"); and the headers a thrown error asks for (RFC 9110 §11.6.1, §15.5.6).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import ky from 'ky';
import { ofetch } from 'ofetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { normalize, type ApiError } from '../../src/index.ts';
import { buildError, createError, fromError, thrownHeaders, toResponse } from '../../src/server/index.ts';
import { fromZodError } from '../../src/zod/index.ts';

/** An upstream's answer as faultline/fetch gives it: `result.error`. */
function upstreamError(status: number, body: unknown, headers: Record<string, string> = {}): ApiError {
  const result = normalize({ status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('an ApiError a route throws', () => {
  it('is answered as it is when the server made it: createError, fromZodError, fromError', () => {
    const own = createError({ kind: 'unauthenticated', detail: 'Sign in first', requestId: 'req-1' });
    expect(fromError(own)).toBe(own);
    const parsed = z.object({ email: z.email() }).safeParse({ email: 'nope' });
    const invalid = fromZodError(parsed.error!);
    expect(fromError(invalid)).toBe(invalid);
    const answered = fromError(new Error('boom'));
    expect(fromError(answered)).toBe(answered);
  });

  it("is the server's own when another copy of faultline (the CommonJS build) made it", () => {
    const require = createRequire(import.meta.url);
    const cjs = require('../../dist/server.cjs') as typeof import('../../src/server/index.ts');
    const own = cjs.createError({ kind: 'conflict', detail: 'Name taken' });
    expect(fromError(own)).toBe(own);
    const answeredByCjs = cjs.fromError(createError({ status: 500, detail: 'Our own words' }));
    expect(answeredByCjs.detail).toBe('Our own words');
  });

  it("hides an upstream 5xx thrown as `result.error`: a 502 with none of its message, members or ids", () => {
    const error = upstreamError(500, { message: 'pg: password authentication failed for user admin', debug: { host: '10.0.0.5' } }, { 'x-request-id': 'up-77' });
    const built = buildError(fromError(error));
    expect(built.status).toBe(502);
    expect(built.body).not.toContain('password');
    expect(built.body).not.toContain('10.0.0.5');
    expect(built.headers['x-request-id']).toBeUndefined();
  });

  it("answers an upstream 401 or 403 as a 502: the upstream refused this server's credentials, not the caller's", () => {
    expect(buildError(fromError(upstreamError(401, { message: 'Invalid API key sk_live_1' }))).status).toBe(502);
    expect(buildError(fromError(upstreamError(403, { message: 'Key lacks scope' }))).body).not.toContain('scope');
  });

  it('passes on an upstream 404 with its message but without its ids, even one no header can carry', () => {
    const built = buildError(fromError(upstreamError(404, { message: 'No order', request_id: 'req-№5' })), { dialect: 'status-message' });
    expect(built.status).toBe(404);
    expect(JSON.parse(built.body)).toMatchObject({ status: 404, message: 'No order' });
    expect(built.body).not.toContain('req-');
  });

  it('is given back as it is with expose: true, for development', () => {
    const error = upstreamError(500, { message: 'pg down' });
    expect(fromError(error, { expose: true })).toBe(error);
  });

  it('is an upstream one once cloned: the server that made it cannot be known any more (a 500 becomes a 502)', () => {
    const own = createError({ status: 500, detail: 'Our own words' });
    expect(fromError(structuredClone(own)).status).toBe(502);
  });
});

describe("another HTTP client's error for an upstream response", () => {
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    server = createServer((request, response) => {
      const status = Number(request.url?.slice(1)) || 500;
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `upstream says ${status}` }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const thrownBy = async (call: () => Promise<unknown>): Promise<unknown> => {
    try {
      await call();
    } catch (thrown) {
      return thrown;
    }
    throw new Error('expected the call to throw');
  };

  it("answers ofetch's upstream 401 as a 502 that names neither the upstream URL nor its key", async () => {
    const thrown = await thrownBy(() => ofetch(`${origin}/401?api_key=sk_live_123`));
    const built = buildError(fromError(thrown));
    expect(built.status).toBe(502);
    expect(built.body).not.toContain('127.0.0.1');
    expect(built.body).not.toContain('sk_live_123');
  });

  it("passes on ky's and ofetch's upstream 404 as a 404, without their message, which names the URL", async () => {
    for (const thrown of [await thrownBy(() => ky.get(`${origin}/404`, { retry: 0 })), await thrownBy(() => ofetch(`${origin}/404`))]) {
      const built = buildError(fromError(thrown));
      expect(built.status).toBe(404);
      expect(built.body).not.toContain('127.0.0.1');
    }
  });

  it("answers ky's upstream 503 as a 502", async () => {
    expect(buildError(fromError(await thrownBy(() => ky.get(`${origin}/503`, { retry: 0 })))).status).toBe(502);
  });

  it("reads axios's error by its `response.status`", () => {
    const axiosError = Object.assign(new Error('Request failed with status code 401'), { isAxiosError: true, status: 401, response: { status: 401, headers: {}, data: { message: 'bad key' } } });
    expect(buildError(fromError(axiosError)).status).toBe(502);
  });

  it("keeps a NestJS HttpException the server's own: its `response` is a body, not an upstream response", () => {
    const nest = Object.assign(new Error('Name taken'), { status: 409, response: { statusCode: 409, message: 'Name taken', error: 'Conflict' } });
    expect(fromError(nest)).toMatchObject({ status: 409, detail: 'Name taken' });
    // NestJS's docs: `new HttpException({ status: HttpStatus.FORBIDDEN, error: 'custom' }, 403)`.
    const forbidden = Object.assign(new Error('Http Exception'), { status: 403, response: { status: 403, error: 'custom' } });
    expect(buildError(fromError(forbidden)).status).toBe(403);
  });

  it("reads NestJS ValidationPipe's messages as issues, and a code the route gave its HttpException", () => {
    // ValidationPipe throws `new BadRequestException(messages)`: the list is in `response.message`,
    // and the exception's own message is only its class's. Before, the list was lost.
    const pipe = Object.assign(new Error('Bad Request Exception'), { status: 400, response: { message: ['email must be an email', 'name should not be empty'], error: 'Bad Request', statusCode: 400 } });
    const read = normalize(buildError(fromError(pipe)));
    expect(read).toMatchObject({ ok: false, error: { kind: 'validation', status: 400, issues: [{ path: [], message: 'email must be an email' }, { path: [], message: 'name should not be empty' }] } });
    // `new ConflictException({ message: 'Version changed', code: 'E_VERSION' })`.
    const conflict = Object.assign(new Error('Version changed'), { status: 409, response: { message: 'Version changed', code: 'E_VERSION' } });
    expect(fromError(conflict)).toMatchObject({ kind: 'conflict', detail: 'Version changed', code: 'E_VERSION' });
    // A 5xx's body stays hidden, list and code alike.
    const hidden = Object.assign(new Error('db-7 down'), { status: 500, response: { message: ['db-7 down'], code: 'E_DB' } });
    expect(fromError(hidden)).toMatchObject({ status: 500, issues: [] });
    expect(fromError(hidden)).not.toHaveProperty('code');
  });

  it("answers Elysia's `throw status(403, 'Not your item')` with its status and text, which was a 500", () => {
    // Elysia's ElysiaCustomStatusResponse: a numeric `code` beside its `response`, no `status`.
    const thrown = { code: 403, response: 'Not your item' };
    expect(fromError(thrown)).toMatchObject({ kind: 'forbidden', status: 403, detail: 'Not your item' });
    // A numeric code alone (gRPC's, a driver's) names no HTTP status, nor an Error's beside a
    // reply (a mail client's `{code: 450, response}`), nor a `response` that is undefined.
    expect(fromError(Object.assign(new Error('deadline'), { code: 404 })).status).toBe(500);
    const mail = Object.assign(new Error('Mailbox busy at mx.internal.corp'), { code: 450, response: '450 Mailbox busy' });
    expect(fromError(mail)).toMatchObject({ status: 500 });
    expect(fromError(mail)).not.toHaveProperty('detail');
    expect(fromError({ code: 404, response: undefined, message: 'x' }).status).toBe(500);
  });

  it("answers undici's ResponseStatusCodeError (`throwOnError`) as an upstream's, its headers left behind", () => {
    const thrown = Object.assign(new Error('Response status code 401: Unauthorized'), {
      name: 'ResponseStatusCodeError',
      code: 'UND_ERR_RESPONSE_STATUS_CODE',
      status: 401,
      statusCode: 401,
      headers: { 'www-authenticate': 'Bearer realm="internal-billing"', server: 'billing-svc/1.4.2' },
    });
    const built = buildError(fromError(thrown), { headers: thrownHeaders(thrown) });
    expect(built.status).toBe(502);
    expect(thrownHeaders(thrown)).toEqual([]);
    expect(JSON.stringify(built)).not.toContain('billing');
  });

  it('leaves the headers of an upstream response another client carries behind', async () => {
    const thrown = await thrownBy(() => ofetch(`${origin}/401`));
    expect(thrownHeaders(thrown)).toEqual([]);
  });
});

describe('thrownHeaders: the headers a thrown error asks its answer to carry', () => {
  it("keeps http-errors' `headers` (a 405's Allow), leaving out what describes the error's own body", () => {
    const thrown = Object.assign(new Error('Use GET'), { status: 405, headers: { Allow: 'GET, HEAD', 'Content-Type': 'text/plain', 'Retry-After': 5, 'X-Multi': ['a', 'b'] } });
    expect(thrownHeaders(thrown)).toEqual([['allow', 'GET, HEAD'], ['retry-after', '5'], ['x-multi', 'a'], ['x-multi', 'b']]);
    const response = toResponse(fromError(thrown), { headers: thrownHeaders(thrown) });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it("keeps the challenge of Hono's bearerAuth 401 through the README's onError", async () => {
    const app = new Hono();
    app.use('/secret/*', bearerAuth({ token: 'letmein' }));
    app.get('/secret/x', (context) => context.text('ok'));
    app.onError((error) => toResponse(fromError(error), { headers: thrownHeaders(error) }));
    const response = await app.fetch(new Request('http://localhost/secret/x'));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('leaves out a name or value no header can carry, hop-by-hop fields and Set-Cookie, and never throws', () => {
    expect(thrownHeaders(Object.assign(new Error('x'), { headers: { 'x-a': 'ok', 'x-b': 'line\r\nbreak', 'x-c': '日本', 'Sunset date': 'x', 'x-d\r\nx-e': '1', Connection: 'close' } }))).toEqual([['x-a', 'ok']]);
    // A record holds one Set-Cookie: two would make the adapters' buildError throw in the error handler.
    const cookies = Object.assign(new Error('Session expired'), { status: 401, headers: { 'Set-Cookie': ['sid=; Max-Age=0', 'csrf=; Max-Age=0'], 'WWW-Authenticate': 'Bearer' } });
    expect(buildError(fromError(cookies), { headers: thrownHeaders(cookies) }).headers).toMatchObject({ 'www-authenticate': 'Bearer' });
    const hostile = new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); } });
    expect(thrownHeaders(hostile)).toEqual([]);
    for (const value of [undefined, null, 'text', 42, new Error('plain')]) expect(thrownHeaders(value)).toEqual([]);
  });
});

describe('the registry of the server’s own errors', () => {
  it('works where globalThis cannot take it (frozen, as under SES): the errors of this copy are still its own', async () => {
    const script = `
      Object.freeze(globalThis);
      const { createError, fromError } = await import(${JSON.stringify(new URL('../../dist/server.js', import.meta.url).href)});
      const own = createError({ kind: 'unauthenticated', detail: 'Sign in' });
      console.log(JSON.stringify([fromError(own) === own, fromError(own).status]));
    `;
    const { execFileSync } = await import('node:child_process');
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([true, 401]);
  });
});
