/**
 * React Native's fetch is the whatwg-fetch polyfill over XMLHttpRequest: its responses have no
 * `body` stream, only the Body methods (`text()`, `json()`). normalizeResponse and the client
 * read every such body as none: a success without its data, an error without its message. These
 * tests use the polyfill's own `Response`, as a React Native app gets it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../src/fetch/index.ts';
import { normalizeResponse } from '../src/index.ts';

interface Polyfill {
  readonly Response: new (body?: string, init?: { status?: number; headers?: Record<string, string> }) => Response;
}
const polyfill = createRequire(import.meta.url)('whatwg-fetch') as Polyfill;

/** A response as React Native's fetch gives it: the polyfill's, its body given whole. */
const polyfilled = (body: string, status: number, headers: Record<string, string>): Response => new polyfill.Response(body, { status, headers });

let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/customers/7') response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":7,"name":"Ada"}');
    else response.writeHead(422, { 'content-type': 'application/problem+json', 'x-request-id': 'req-9' }).end('{"title":"Invalid","status":422,"detail":"The name is missing","errors":[{"detail":"is required","pointer":"#/name"}]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a fetch whose responses have no body stream (React Native, the whatwg-fetch polyfill)', () => {
  it('has no stream to read, as the test assumes', () => {
    expect(polyfilled('{}', 200, {}).body).toBeUndefined();
  });

  it('gives normalizeResponse the data of a success and the message and issues of an error', async () => {
    expect(await normalizeResponse(polyfilled('{"id":7}', 200, { 'content-type': 'application/json' }))).toMatchObject({ ok: true, value: { status: 200, data: { id: 7 } } });
    const error = await normalizeResponse(polyfilled('{"title":"Invalid","status":422,"detail":"The name is missing","errors":[{"detail":"is required","pointer":"#/name"}]}', 422, { 'content-type': 'application/problem+json' }));
    expect(error).toMatchObject({ ok: false, error: { kind: 'validation', detail: 'The name is missing', issues: [{ path: ['name'], message: 'is required' }] } });
    expect(await normalizeResponse(polyfilled('', 204, {}))).toMatchObject({ ok: true, value: { status: 204 } });
  });

  it('holds to maxBodyBytes, by the text read', async () => {
    const result = await normalizeResponse(polyfilled(JSON.stringify({ items: 'x'.repeat(2_000) }), 200, { 'content-type': 'application/json' }), { maxBodyBytes: 1_000 });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_response', detail: 'The body exceeds the limit of 1000 bytes' } });
  });

  it('gives the client the data and the errors, as React Native calls through it', async () => {
    // React Native's global fetch, over a real server: the polyfill's response of what arrived.
    const reactNativeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const response = await fetch(input, init);
      return polyfilled(await response.text(), response.status, Object.fromEntries(response.headers));
    };
    const api = createClient({ baseUrl: origin, fetch: reactNativeFetch });
    expect(await api.get('/customers/7')).toMatchObject({ ok: true, value: { data: { id: 7, name: 'Ada' } } });
    expect(await api.post('/customers', { json: {} })).toMatchObject({ ok: false, error: { kind: 'validation', detail: 'The name is missing', requestId: 'req-9', issues: [{ path: ['name'] }] } });
  });
});
