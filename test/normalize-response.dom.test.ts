// What a browser page runs: normalizeResponse on the page's own Response, Headers and streams.
import { describe, expect, it } from 'vitest';
import { createNormalizer, normalizeResponse, plainDialect, type DialectParser } from '../src/index.ts';

describe('normalizeResponse in a browser-like environment', () => {
  it('runs where there is a DOM', () => {
    expect(typeof window).toBe('object');
    expect(typeof document.createElement).toBe('function');
  });

  it('reads a problem+json error from the page’s Response', async () => {
    const response = new Response(JSON.stringify({ title: 'Forbidden', detail: 'Campaign 7 belongs to another tenant' }), {
      status: 403,
      headers: new Headers({ 'Content-Type': 'application/problem+json', 'X-Request-Id': 'req-1' }),
    });
    const result = await normalizeResponse(response);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'forbidden', status: 403, title: 'Forbidden', detail: 'Campaign 7 belongs to another tenant', requestId: 'req-1', dialect: 'problem' });
  });

  it('reads a HAL success and takes its controls out of the data', async () => {
    const response = new Response(JSON.stringify({ id: 7, _links: { self: { href: '/campaigns/7' } } }), {
      status: 200,
      headers: { 'content-type': 'application/hal+json' },
    });
    const result = await normalizeResponse(response);
    expect(result.ok && result.value.data).toEqual({ id: 7 });
    expect(result.ok && result.value.links).toEqual({ self: { href: '/campaigns/7' } });
  });

  it('turns a proxy’s HTML page into an error with the status text as title', async () => {
    const response = new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502, headers: { 'content-type': 'text/html' } });
    const result = await normalizeResponse(response);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('unavailable');
    expect(result.error.title).toBe('Bad Gateway');
    expect(result.error.detail).toBeUndefined();
  });
});

describe("normalizeResponse with a normalize of the caller's", () => {
  it('reads the response with it: a dialect of your own', async () => {
    const teapot: DialectParser = { id: 'teapot', mediaTypes: ['application/vnd.teapot+json'], detect: () => false, parse: (body) => ({ ok: false, kind: 'bad_request', code: String((body as { brew?: unknown }).brew) }) };
    const response = new Response('{"brew":"earl_grey"}', { status: 418, headers: { 'content-type': 'application/vnd.teapot+json' } });
    const result = await normalizeResponse(response, { normalize: createNormalizer({ dialects: [teapot, plainDialect] }) });
    expect(result).toMatchObject({ ok: false, error: { dialect: 'teapot', code: 'earl_grey', status: 418 } });
  });
});
