// A consumer of the built package, type-checked (never run) by ../declarations.test.ts without
// the DOM lib, with it, and with both: what is valid must compile, and each
// `@ts-expect-error` must meet an error — were a public type `any`, it would meet none.
import { normalize, type HeadersInput, type HeadersLike } from 'faultline';
import { buildOk, createApiKeyGuard, createError, ok, toResponse } from 'faultline/server';
import { createClient, toFormData, type BodyInput, type RequestOptions } from 'faultline/fetch';

const pairs: [string, string][] = [['x-request-id', 'a1']];
const record: Record<string, string> = { 'x-request-id': 'a1' };
const headers = new Headers(record);
const error = createError({ kind: 'not_found' });

export async function useHeaders(): Promise<void> {
  normalize({ status: 404, headers: pairs });
  normalize({ status: 404, headers: record });
  normalize({ status: 404, headers });
  normalize({ status: 404, headers: { 'set-cookie': ['a=1', 'b=2'], 'content-length': 2 } });
  // @ts-expect-error -- a number is no headers
  normalize({ status: 404, headers: 42 });
  // Read-only pairs, and a Headers of another implementation (node-fetch's), read by its shape.
  const constant = [['x-request-id', 'a1']] as const;
  const foreign = { forEach(callback: (value: string, name: string) => void): void { callback('a1', 'x-request-id'); } };
  normalize({ status: 404, headers: constant });
  normalize({ status: 404, headers: foreign });
  toResponse(error, { headers: constant });
  buildOk({ id: 1 }, { headers: foreign });
  createClient({ baseUrl: 'https://api.example.com', headers: constant });
  await createClient({ baseUrl: 'https://api.example.com' }).get('/', { headers: foreign });
  // @ts-expect-error -- a fetch Response is read by normalizeResponse: its body is a stream
  normalize(new Response('{"message":"nope"}', { status: 404 }));

  toResponse(error, { headers: pairs });
  ok({ id: 1 }, { headers });
  buildOk({ id: 1 }, { headers: record });
  // @ts-expect-error -- a number is no headers
  toResponse(error, { headers: 42 });
  // @ts-expect-error -- a pair needs a name and a value
  ok({ id: 1 }, { headers: [['x-request-id']] });

  await createApiKeyGuard({ verify: () => true })({ method: 'GET', headers });
  // @ts-expect-error -- a number is no headers
  await createApiKeyGuard({ verify: () => true })({ method: 'GET', headers: 42 });

  const client = createClient({ baseUrl: 'https://api.example.com', headers: pairs });
  await client.get('/campaigns', { headers: record });
  // @ts-expect-error -- a number is no headers
  createClient({ baseUrl: 'https://api.example.com', headers: 42 });
  // @ts-expect-error -- a number is no headers
  await client.get('/campaigns', { headers: 42 });

  const input: HeadersInput = headers;
  const like: HeadersLike = input;
  normalize({ status: 200, headers: like });
}

export async function useBodies(): Promise<void> {
  const client = createClient({ baseUrl: 'https://api.example.com' });
  const bodies: BodyInput[] = [
    'text',
    new ArrayBuffer(4),
    new Uint8Array(4),
    new DataView(new ArrayBuffer(4)),
    new Blob(['x'], { type: 'text/plain' }),
    toFormData({ name: 'report' }, { file: new Blob(['x']) }),
    new URLSearchParams({ page: '2' }),
    new ReadableStream<Uint8Array>(),
    null,
  ];
  for (const body of bodies) await client.post('/files', { body });
  const options: RequestOptions = { body: 'text', headers: pairs };
  await client.put('/files/1', options);
  // @ts-expect-error -- a plain object is no body: `json` sends one
  await client.post('/files', { body: { name: 'report' } });
  // @ts-expect-error -- a number is no body
  await client.post('/files', { body: 42 });
  // @ts-expect-error -- a view of a SharedArrayBuffer is refused by fetch
  await client.post('/files', { body: new Uint8Array(new SharedArrayBuffer(4)) });
}

export async function useClientOptions(): Promise<void> {
  // The README's fetch options compile without the DOM lib too (@types/node 20's RequestInit has no `cache`).
  const client = createClient({ baseUrl: new URL('https://api.example.com'), fetchOptions: { credentials: 'include', cache: 'no-store', priority: 'high' } });
  // A header given as undefined removes the client's; a path may be a URL.
  await client.get(new URL('https://api.example.com/public'), { headers: { authorization: undefined } });
  // @ts-expect-error -- no such cache mode
  createClient({ baseUrl: 'https://api.example.com', fetchOptions: { cache: 'sometimes' } });
}
