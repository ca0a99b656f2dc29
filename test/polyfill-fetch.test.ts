/**
 * React Native's fetch is the whatwg-fetch polyfill over XMLHttpRequest: its responses have no
 * `body` stream, only the Body methods (`text()`, `json()`). normalizeResponse and the client
 * read every such body as none: a success without its data, an error without its message. These
 * tests use the polyfill's own `Response`, as a React Native app gets it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, toFormData } from '../src/fetch/index.ts';
import { normalizeResponse } from '../src/index.ts';

interface Polyfill {
  readonly Response: new (body?: string, init?: { status?: number; headers?: Record<string, string> }) => Response;
  readonly Request: typeof Request;
  readonly Headers: typeof Headers;
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
    // With a hook and a key, the client follows redirects itself, sending React Native's Request
    // (whatwg-fetch's, without `body`) again: every GET was a TypeError, "Body not allowed for GET".
    const nativeRequest = globalThis.Request;
    globalThis.Request = polyfill.Request;
    try {
      const hooked = createClient({ baseUrl: origin, fetch: reactNativeFetch, apiKey: 'key-1', hooks: { beforeRequest: [() => undefined] }, retry: { limit: 0 } });
      expect(await hooked.get('/customers/7')).toMatchObject({ ok: true, value: { data: { id: 7 } } });
    } finally {
      globalThis.Request = nativeRequest;
    }
  });
});

describe('an engine without Symbol.asyncIterator (Hermes, React Native\'s)', () => {
  it('walks a paginator through `@@asyncIterator`, the key Babel\'s `for await` asks for there', async () => {
    // The built client bundled as Metro would, with Symbol.asyncIterator undefined as on Hermes:
    // the key was the text "undefined", and `for await` threw "Object is not async iterable".
    const built = await build({
      stdin: { contents: "export { createClient } from './dist/fetch.js';", resolveDir: fileURLToPath(new URL('..', import.meta.url)), loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      define: { 'Symbol.asyncIterator': 'undefined' },
    });
    const scratch = mkdtempSync(join(tmpdir(), 'faultline-hermes-'));
    try {
      const file = join(scratch, 'fetch.mjs');
      writeFileSync(file, built.outputFiles[0]!.text);
      const hermes = (await import(pathToFileURL(file).href)) as typeof import('../src/fetch/index.ts');
      const pages = ['[1,2]', '[3]'];
      const fetchPages = async (input: RequestInfo | URL): Promise<Response> => {
        const page = Number(new URL(String(input)).searchParams.get('p') ?? 1);
        return new Response(pages[page - 1], { headers: { 'content-type': 'application/json', ...(page < 2 ? { link: '</items?p=2>; rel="next"' } : {}) } });
      };
      const paginator = hermes.createClient({ baseUrl: 'https://api.example.com', fetch: fetchPages }).paginate('/items') as unknown as Record<string, () => AsyncIterator<number>>;
      const iterator = paginator['@@asyncIterator']!();
      const items: number[] = [];
      for (let step = await iterator.next(); !step.done; step = await iterator.next()) items.push(step.value);
      expect(items).toEqual([1, 2, 3]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe("toFormData in React Native, whose native side sends no Blob", () => {
  it('sends the JSON part as text of its type and a file as its { uri, name, type }, as its FormData takes them', () => {
    // React Native's FormData: parts recorded as given (RN's own turns `{string, type}` into a
    // text part of that type, and `{uri}` into a file part); `navigator.product` says where it runs.
    class NativeFormData {
      readonly parts: unknown[][] = [];
      append(...part: unknown[]): void {
        this.parts.push(part);
      }
    }
    const saved = { FormData: globalThis.FormData, navigator: Object.getOwnPropertyDescriptor(globalThis, 'navigator') };
    Object.defineProperty(globalThis, 'navigator', { value: { product: 'ReactNative' }, configurable: true });
    globalThis.FormData = NativeFormData as unknown as typeof FormData;
    try {
      const photo = { uri: 'file:///data/user/0/app/cache/photo.jpg', name: 'photo.jpg', type: 'image/jpeg' };
      const form = toFormData({ title: 'Contract' }, { document: photo }) as unknown as NativeFormData;
      expect(form.parts).toEqual([
        ['data', { string: '{"title":"Contract"}', type: 'application/json' }],
        ['document', photo],
      ]);
    } finally {
      globalThis.FormData = saved.FormData;
      if (saved.navigator) Object.defineProperty(globalThis, 'navigator', saved.navigator);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });

  it('refuses a file that is no Blob, and a { uri } outside React Native, which were sent as "[object Object]"', () => {
    const refusal = new TypeError("document must be a Blob or a File, or in React Native a { uri, name, type }");
    expect(() => toFormData({}, { document: { path: '/tmp/x' } as unknown as Blob })).toThrow(refusal);
    expect(() => toFormData({}, { document: { uri: 'file:///x.jpg', name: 'x.jpg', type: 'image/jpeg' } })).toThrow(refusal);
    expect(toFormData({}, { document: new Blob(['%PDF'], { type: 'application/pdf' }) }).get('document')).toBeInstanceOf(Blob);
  });
});

describe("createClient under React Native's own URL and Headers", () => {
  it('says a URL without `origin` needs a polyfill, rather than calling every base URL no URL', () => {
    // React Native's URL (Libraries/Blob/URL.js) throws "URL.origin is not implemented".
    const NativeURL = globalThis.URL;
    class ReactNativeURL extends NativeURL {
      override get origin(): string {
        throw new Error('URL.origin is not implemented');
      }
      override get username(): string {
        throw new Error('URL.username is not implemented');
      }
      override get password(): string {
        throw new Error('URL.password is not implemented');
      }
    }
    globalThis.URL = ReactNativeURL as typeof URL;
    try {
      expect(() => createClient({ baseUrl: 'https://api.example.com/v1' })).toThrow(new TypeError(`baseUrl "https://api.example.com/v1" is not a valid URL: this runtime's URL reads no origin (React Native needs a URL polyfill)`));
    } finally {
      globalThis.URL = NativeURL;
    }
  });

  it('refuses an apiKey with a CR or LF where the Headers class takes it (whatwg-fetch\'s)', () => {
    const NativeHeaders = globalThis.Headers;
    globalThis.Headers = polyfill.Headers;
    try {
      expect(() => createClient({ baseUrl: 'https://api.example.com', apiKey: 'key\r\nX-Admin: 1' })).toThrow(new TypeError('apiKey is not a valid x-api-key value'));
    } finally {
      globalThis.Headers = NativeHeaders;
    }
  });
});
