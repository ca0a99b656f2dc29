/**
 * A page's client with a relative base URL (`/api`), as frontends write it: requests, the
 * same-origin checks and pagination resolve it against the page, as fetch does.
 */
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/fetch/index.ts';

/** A fetch that answers from a table by absolute URL, recording what it was asked for. */
function createPageFetch(pages: Readonly<Record<string, unknown>>): { fetch: typeof fetch; urls: string[]; keys: (string | null)[] } {
  const urls: string[] = [];
  const keys: (string | null)[] = [];
  const fetchFromTable = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    urls.push(request.url);
    keys.push(request.headers.get('x-api-key'));
    const body = pages[request.url];
    return body === undefined ? new Response('{"message":"No such page"}', { status: 404, headers: { 'content-type': 'application/json' } }) : Response.json(body);
  };
  return { fetch: fetchFromTable as typeof fetch, urls, keys };
}

describe('a relative base URL on a page', () => {
  const origin = location.origin;

  it('sends requests to the page origin', async () => {
    const { fetch, urls } = createPageFetch({ [`${origin}/api/customers/7`]: { id: 7 } });
    const api = createClient({ baseUrl: '/api/', fetch });
    expect(await api.get('customers/7')).toMatchObject({ ok: true, value: { data: { id: 7 } } });
    expect(urls).toEqual([`${origin}/api/customers/7`]);
  });

  it('paginates by next links on the same origin, the API key sent on every page', async () => {
    const { fetch, urls, keys } = createPageFetch({
      [`${origin}/api/customers`]: { _links: { next: { href: '/api/customers?page=2' } }, _embedded: { customers: [{ id: 1 }, { id: 2 }] } },
      [`${origin}/api/customers?page=2`]: { _links: {}, _embedded: { customers: [{ id: 3 }] } },
    });
    const api = createClient({ baseUrl: '/api', apiKey: 'k', fetch });
    const ids: number[] = [];
    for await (const customer of api.paginate<{ id: number }>('customers')) ids.push(customer.id);
    expect(ids).toEqual([1, 2, 3]);
    expect(urls).toEqual([`${origin}/api/customers`, `${origin}/api/customers?page=2`]);
    expect(keys).toEqual(['k', 'k']);
  });

  it('paginates seed 003 chunks by offset', async () => {
    const { fetch } = createPageFetch({
      [`${origin}/api/chunks?sliceSize=2&offset=0`]: { result: [1, 2], offset: '2', hasNext: true },
      [`${origin}/api/chunks?sliceSize=2&offset=2`]: { result: [3], offset: '3', hasNext: false },
    });
    const api = createClient({ baseUrl: '/api', fetch });
    const items: number[] = [];
    for await (const item of api.paginate<number>('chunks', { sliceSize: 2 })) items.push(item);
    expect(items).toEqual([1, 2, 3]);
  });
});
