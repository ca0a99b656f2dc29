/**
 * `client.paginate` in every mode the seeds use, against collections the test server pages:
 * seed 003's chunks (offset as the next id; offset + sliceSize), seed 004's envelope pages,
 * HAL `_links.next` and RFC 8288 `Link` headers, and Cloudflare's and OData's pages. RELIABILITY.md "Client", last line: the walk
 * stops on `hasNext: false`, on an offset that does not advance, after `maxPages`, and never
 * sends credentials to another origin.
 */
import type { IncomingMessage } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import { createClient, isResponseError, parseNextLink, type PaginationProgress, type Paginator, type StandardSchemaV1 } from '../../src/fetch/index.ts';
import { buildOk } from '../../src/server/index.ts';
import { json, startServer, text, type Handler, type TestServer } from './server.ts';

let server: TestServer;
let other: TestServer;
beforeAll(async () => {
  server = await startServer();
  other = await startServer();
});
afterAll(async () => {
  await server.close();
  await other.close();
});

const records = Array.from({ length: 25 }, (_, index) => ({ id: 1000 + index, name: `Customer ${index}` }));
const ids = records.map((record) => record.id);
const query = (request: IncomingMessage): URLSearchParams => new URL(request.url ?? '/', 'http://x').searchParams;
const noWait = (): Promise<void> => Promise.resolve();

/** Seed 003, first way: `offset` is the id after which the next chunk starts. */
const cursorPages: Handler = (request, response, body) => {
  const after = Number(query(request).get('offset') ?? 0);
  const chunk = records.filter((record) => record.id > after).slice(0, 10);
  const last = chunk.at(-1)?.id ?? after;
  json(200, { result: chunk, offset: String(last), hasNext: last < ids.at(-1)! })(request, response, body);
};

/** Seed 003, second way: `offset` + `sliceSize`. */
const slicePages: Handler = (request, response, body) => {
  const offset = Number(query(request).get('offset'));
  const size = Number(query(request).get('sliceSize'));
  const chunk = records.slice(offset, offset + size);
  json(200, { result: chunk, offset: String(offset + chunk.length), hasNext: offset + size < records.length })(request, response, body);
};

/** Seed 004: envelope pages with `metadata.page` and `pagesCount`. */
const envelopePages: Handler = (request, response, body) => {
  const page = Number(query(request).get('page') ?? 1);
  const perPage = 10;
  json(200, {
    result: 'success',
    customers: records.slice((page - 1) * perPage, page * perPage),
    metadata: { page, pagesCount: Math.ceil(records.length / perPage), recordsPerPage: perPage, recordsCount: records.length },
  })(request, response, body);
};

/** HAL (seed 001): items in `_embedded`, the next page in `_links.next`, relative. */
function halPages(origin = ''): Handler {
  return (request, response, body) => {
    const page = Number(query(request).get('p') ?? 0);
    const links: Record<string, { href: string }> = { self: { href: `/hal?p=${page}` } };
    if ((page + 1) * 10 < records.length) links['next'] = { href: `${origin}/hal?p=${page + 1}` };
    const hal = { _links: links, _embedded: { customers: records.slice(page * 10, page * 10 + 10) }, total: records.length };
    json(200, hal, { 'content-type': 'application/hal+json' })(request, response, body);
  };
}

/** RFC 8288: a bare array, the next page in a `Link` header, the total in `X-Total-Count`. */
function linkPages(origin: () => string): Handler {
  return (request, response, body) => {
    const page = Number(query(request).get('page') ?? 1);
    const headers: Record<string, string> = { 'x-total-count': String(records.length) };
    if (page * 10 < records.length) headers['link'] = `<${origin()}/linked?page=${page + 1}>; rel="next", <${origin()}/linked?page=1>; rel="first"`;
    json(200, records.slice((page - 1) * 10, page * 10), headers)(request, response, body);
  };
}

/** OData / Microsoft Graph: items in `value`, the next page's absolute URL in `@odata.nextLink`, the total in `@odata.count`. */
function odataPages(origin: () => string): Handler {
  return (request, response, body) => {
    const skip = Number(query(request).get('$skiptoken') ?? 0);
    const page: Record<string, unknown> = { '@odata.context': `${origin()}/$metadata#users`, '@odata.count': records.length, value: records.slice(skip, skip + 10) };
    if (skip + 10 < records.length) page['@odata.nextLink'] = `${origin()}/users?$top=10&$skiptoken=${skip + 10}`;
    json(200, page, { 'content-type': 'application/json;odata.metadata=minimal' })(request, response, body);
  };
}

/** Cloudflare API v4: items in `result`, the page figures in `result_info` (`total_pages` left out, as older endpoints do). */
const cloudflarePages: Handler = (request, response, body) => {
  const page = Number(query(request).get('page') ?? 1);
  const perPage = Number(query(request).get('per_page') ?? 10);
  const result = records.slice((page - 1) * perPage, page * perPage);
  json(200, { success: true, errors: [], messages: [], result, result_info: { page, per_page: perPage, count: result.length, total_count: records.length } })(request, response, body);
};

/** Django REST Framework's page: `{count, next, previous, results}`, `next` a relative URL here. */
const drfPages: Handler = (request, response, body) => {
  const page = Number(query(request).get('page') ?? 1);
  const next = page * 10 < records.length ? `/drf/users/?page=${page + 1}` : null;
  json(200, { count: records.length, next, previous: page > 1 ? `/drf/users/?page=${page - 1}` : null, results: records.slice((page - 1) * 10, page * 10) })(request, response, body);
};

/** Linode's page: `{data, page, pages, results}`, the page number in the query. */
const linodePages: Handler = (request, response, body) => {
  const page = Number(query(request).get('page') ?? 1);
  json(200, { data: records.slice((page - 1) * 10, page * 10), page, pages: Math.ceil(records.length / 10), results: records.length })(request, response, body);
};

/** Airtable's page: `{records, offset}`, the offset absent on the last page. */
const airtablePages: Handler = (request, response, body) => {
  const start = Number(query(request).get('offset')?.replace('itr', '') ?? 0);
  const page: Record<string, unknown> = { records: records.slice(start, start + 10) };
  if (start + 10 < records.length) page['offset'] = `itr${start + 10}`;
  json(200, page)(request, response, body);
};

/**
 * PocketBase's records list: `{page, perPage, totalPages, totalItems, items}`, `page` and `perPage`
 * in the query; `skipTotal` leaves both totals at -1.
 */
const pocketBasePages: Handler = (request, response, body) => {
  const page = Number(query(request).get('page') ?? 1);
  const perPage = Number(query(request).get('perPage') ?? 30);
  const skipTotal = query(request).get('skipTotal') === '1';
  const items = records.slice((page - 1) * perPage, page * perPage);
  json(200, { page, perPage, totalItems: skipTotal ? -1 : records.length, totalPages: skipTotal ? -1 : Math.ceil(records.length / perPage), items })(request, response, body);
};

/** Payload's `find`: the documents in `docs` beside its figures, `page` and `limit` in the query. */
const payloadPages: Handler = (request, response, body) => {
  const page = Number(query(request).get('page') ?? 1);
  const limit = Number(query(request).get('limit') ?? 10);
  const totalPages = Math.ceil(records.length / limit);
  json(200, {
    docs: records.slice((page - 1) * limit, page * limit),
    totalDocs: records.length,
    limit,
    totalPages,
    page,
    pagingCounter: (page - 1) * limit + 1,
    hasPrevPage: page > 1,
    hasNextPage: page < totalPages,
    prevPage: page > 1 ? page - 1 : null,
    nextPage: page < totalPages ? page + 1 : null,
  })(request, response, body);
};

/** Ghost's Content API: the list under the resource's name, the figures in `meta.pagination`, `page` and `limit` in the query. */
const ghostPages: Handler = (request, response, body) => {
  const page = Number(query(request).get('page') ?? 1);
  const limit = Number(query(request).get('limit') ?? 15);
  const pages = Math.ceil(records.length / limit);
  const pagination = { page, limit, pages, total: records.length, next: page < pages ? page + 1 : null, prev: page > 1 ? page - 1 : null };
  json(200, { posts: records.slice((page - 1) * limit, page * limit), meta: { pagination } })(request, response, body);
};

/** Strapi's REST API: the list in `data`, the figures in `meta.pagination`, `pagination[page]` and `pagination[pageSize]` in the query. */
const strapiPages: Handler = (request, response, body) => {
  const page = Number(query(request).get('page') ?? 1);
  const pageSize = 10;
  const pageCount = Math.ceil(records.length / pageSize);
  json(200, { data: records.slice((page - 1) * pageSize, page * pageSize), meta: { pagination: { page, pageSize, pageCount, total: records.length } } })(request, response, body);
};

/** Laravel's paginator: the list in `data`, the figures beside it, and the next page's URL. */
const laravelPages: Handler = (request, response, body) => {
  const page = Number(query(request).get('page') ?? 1);
  const perPage = 10;
  const lastPage = Math.ceil(records.length / perPage);
  const url = (at: number): string => `/users?page=${at}`;
  json(200, {
    current_page: page,
    data: records.slice((page - 1) * perPage, page * perPage),
    first_page_url: url(1),
    from: (page - 1) * perPage + 1,
    last_page: lastPage,
    last_page_url: url(lastPage),
    next_page_url: page < lastPage ? url(page + 1) : null,
    path: '/users',
    per_page: perPage,
    prev_page_url: page > 1 ? url(page - 1) : null,
    to: Math.min(page * perPage, records.length),
    total: records.length,
  })(request, response, body);
};

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('every mode of the seeds, picked by auto from the first response', () => {
  it('walks seed 003 chunks whose offset is the next id, until hasNext is false', async () => {
    server.route('/chunks', cursorPages);
    const api = createClient({ baseUrl: server.origin, apiKey: 'k' });
    const pages = api.paginate<{ id: number }>('/chunks');
    expect((await collect(pages)).map((item) => item.id)).toEqual(ids);
    expect(server.requests('/chunks').map((request) => request.url)).toEqual(['/chunks', '/chunks?offset=1009', '/chunks?offset=1019']);
    expect(pages.progress).toEqual({ pages: 3, items: 25, total: undefined, mode: 'cursor', done: true, stop: 'last' });
  });

  it('walks seed 003 chunks by offset and sliceSize, starting at offset 0', async () => {
    server.route('/slices', slicePages);
    const api = createClient({ baseUrl: server.origin });
    const pages = api.paginate<{ id: number }>('/slices', { sliceSize: 10 });
    expect((await collect(pages)).map((item) => item.id)).toEqual(ids);
    expect(server.requests('/slices').map((request) => request.url)).toEqual(['/slices?sliceSize=10&offset=0', '/slices?sliceSize=10&offset=10', '/slices?sliceSize=10&offset=20']);
    expect(pages.progress).toMatchObject({ pages: 3, items: 25, mode: 'slice', stop: 'last' });
  });

  it('walks seed 004 envelope pages until pagesCount, giving the total from recordsCount', async () => {
    server.route('/customers', envelopePages);
    const api = createClient({ baseUrl: server.origin });
    const pages = api.paginate<{ id: number }>('/customers', { query: { filter: 'all' } });
    const seen: PaginationProgress[] = [];
    const items: number[] = [];
    for await (const item of pages) {
      items.push(item.id);
      seen.push({ ...pages.progress });
    }
    expect(items).toEqual(ids);
    expect(server.requests('/customers').map((request) => request.url)).toEqual(['/customers?filter=all', '/customers?filter=all&page=2', '/customers?filter=all&page=3']);
    expect(seen[0]).toMatchObject({ pages: 1, items: 10, total: 25, mode: 'page', done: false });
    expect(pages.progress).toMatchObject({ pages: 3, items: 25, total: 25, done: true, stop: 'last' });
  });

  it('follows HAL _links.next, reading the items from _embedded', async () => {
    server.route('/hal', halPages());
    const api = createClient({ baseUrl: server.origin });
    const pages = api.paginate<{ id: number }>('/hal');
    expect((await collect(pages)).map((item) => item.id)).toEqual(ids);
    expect(pages.progress).toMatchObject({ pages: 3, items: 25, mode: 'links', stop: 'last' });
  });

  it('follows RFC 8288 Link rel="next" headers, giving the total from X-Total-Count', async () => {
    server.route('/linked', linkPages(() => server.origin));
    const api = createClient({ baseUrl: server.origin, apiKey: 'k' });
    const pages = api.paginate<{ id: number }>('/linked');
    expect((await collect(pages)).map((item) => item.id)).toEqual(ids);
    expect(pages.progress).toMatchObject({ pages: 3, items: 25, total: 25, mode: 'links', stop: 'last' });
    expect(server.requests('/linked').every((request) => request.headers['x-api-key'] === 'k')).toBe(true);
  });

  it('follows OData @odata.nextLink (Microsoft Graph), reading the items from value and the total from @odata.count', async () => {
    server.route('/users', odataPages(() => server.origin));
    const api = createClient({ baseUrl: server.origin, apiKey: 'k' });
    const pages = api.paginate<{ id: number }>('/users', { query: { $top: 10 } });
    expect((await collect(pages)).map((item) => item.id)).toEqual(ids);
    expect(server.requests('/users').map((request) => request.url)).toEqual(['/users?%24top=10', '/users?$top=10&$skiptoken=10', '/users?$top=10&$skiptoken=20']);
    expect(pages.progress).toMatchObject({ pages: 3, items: 25, total: 25, mode: 'links', stop: 'last' });
  });

  it("walks Cloudflare's result_info pages, counting the pages from total_count and per_page", async () => {
    server.route('/zones', cloudflarePages);
    const api = createClient({ baseUrl: server.origin });
    const pages = api.paginate<{ id: number }>('/zones', { query: { per_page: 10 } });
    expect((await collect(pages)).map((item) => item.id)).toEqual(ids);
    expect(server.requests('/zones').map((request) => request.url)).toEqual(['/zones?per_page=10', '/zones?per_page=10&page=2', '/zones?per_page=10&page=3']);
    expect(pages.progress).toMatchObject({ pages: 3, items: 25, total: 25, mode: 'page', stop: 'last' });
  });

  it('follows the Link header faultline/server writes for links in a dialect without a place for them', async () => {
    server.route('/plain-items', (request, response) => {
      const page = Number(query(request).get('page') ?? 1);
      const links = page * 10 < records.length ? { next: { href: `/plain-items?page=${page + 1}` } } : undefined;
      const built = buildOk(records.slice((page - 1) * 10, page * 10), { dialect: 'plain', links });
      response.writeHead(built.status, built.headers).end(built.body);
    });
    const pages = createClient({ baseUrl: server.origin }).paginate<{ id: number }>('/plain-items');
    expect((await collect(pages)).map((item) => item.id)).toEqual(ids);
    expect(pages.progress).toMatchObject({ pages: 3, mode: 'links', stop: 'last' });
  });

  it("follows a list API's next URL in the body (Django REST Framework's `next`), giving the total from `count`", async () => {
    server.route('/drf/users/', drfPages);
    const api = createClient({ baseUrl: server.origin });
    const pages = api.paginate<{ id: number }>('/drf/users/');
    expect((await collect(pages)).map((item) => item.id)).toEqual(ids);
    expect(server.requests('/drf/users/').map((request) => request.url)).toEqual(['/drf/users/', '/drf/users/?page=2', '/drf/users/?page=3']);
    expect(pages.progress).toMatchObject({ pages: 3, items: 25, total: 25, mode: 'links', stop: 'last' });
  });

  it("walks Linode's `{data, page, pages, results}` by page number, giving the total from results", async () => {
    server.route('/linode/instances', linodePages);
    const api = createClient({ baseUrl: server.origin });
    const pages = api.paginate<{ id: number }>('/linode/instances');
    expect((await collect(pages)).map((item) => item.id)).toEqual(ids);
    expect(server.requests('/linode/instances').map((request) => request.url)).toEqual(['/linode/instances', '/linode/instances?page=2', '/linode/instances?page=3']);
    expect(pages.progress).toMatchObject({ pages: 3, items: 25, total: 25, mode: 'page', stop: 'last' });
  });

  it("walks Airtable's `{records, offset}` by offset until a page comes without one", async () => {
    server.route('/v0/base/table', airtablePages);
    const pages = createClient({ baseUrl: server.origin }).paginate<{ id: number }>('/v0/base/table');
    expect((await collect(pages)).map((item) => item.id)).toEqual(ids);
    expect(server.requests('/v0/base/table').map((request) => request.url)).toEqual(['/v0/base/table', '/v0/base/table?offset=itr10', '/v0/base/table?offset=itr20']);
    expect(pages.progress).toMatchObject({ pages: 3, items: 25, mode: 'cursor', stop: 'last' });
  });

  it("walks PocketBase's records list by page number, giving the total from totalItems", async () => {
    server.route('/api/collections/posts/records', pocketBasePages);
    const pages = createClient({ baseUrl: server.origin }).paginate<{ id: number }>('/api/collections/posts/records', { query: { perPage: 10 } });
    expect((await collect(pages)).map((item) => item.id)).toEqual(ids);
    expect(server.requests('/api/collections/posts/records').map((request) => request.url)).toEqual([
      '/api/collections/posts/records?perPage=10',
      '/api/collections/posts/records?perPage=10&page=2',
      '/api/collections/posts/records?perPage=10&page=3',
    ]);
    expect(pages.progress).toMatchObject({ pages: 3, items: 25, total: 25, mode: 'page', stop: 'last' });
  });

  it("walks PocketBase's records list under skipTotal, whose totals are unknown, until an empty page", async () => {
    server.route('/api/collections/notes/records', pocketBasePages);
    const pages = createClient({ baseUrl: server.origin }).paginate<{ id: number }>('/api/collections/notes/records', { query: { perPage: 10, skipTotal: 1 } });
    expect((await collect(pages)).map((item) => item.id)).toEqual(ids);
    expect(server.requests('/api/collections/notes/records').map((request) => request.url)).toEqual([
      '/api/collections/notes/records?perPage=10&skipTotal=1',
      '/api/collections/notes/records?perPage=10&skipTotal=1&page=2',
      '/api/collections/notes/records?perPage=10&skipTotal=1&page=3',
      '/api/collections/notes/records?perPage=10&skipTotal=1&page=4',
    ]);
    expect(pages.progress).toMatchObject({ items: 25, total: undefined, mode: 'page', stop: 'last' });
  });

  it("walks Payload's `{docs, totalDocs, limit, totalPages, page, ...}` by page number, giving the total from totalDocs", async () => {
    server.route('/api/posts', payloadPages);
    const pages = createClient({ baseUrl: server.origin }).paginate<{ id: number }>('/api/posts', { query: { limit: 10 } });
    expect((await collect(pages)).map((item) => item.id)).toEqual(ids);
    expect(server.requests('/api/posts').map((request) => request.url)).toEqual(['/api/posts?limit=10', '/api/posts?limit=10&page=2', '/api/posts?limit=10&page=3']);
    expect(pages.progress).toMatchObject({ pages: 3, items: 25, total: 25, mode: 'page', stop: 'last' });
  });

  it("walks Ghost's `{posts, meta: {pagination}}` by page number, giving the total from meta.pagination.total", async () => {
    server.route('/ghost/api/content/posts/', ghostPages);
    const pages = createClient({ baseUrl: server.origin }).paginate<{ id: number }>('/ghost/api/content/posts/', { query: { key: 'k', limit: 10 } });
    expect((await collect(pages)).map((item) => item.id)).toEqual(ids);
    expect(server.requests('/ghost/api/content/posts/').map((request) => request.url)).toEqual([
      '/ghost/api/content/posts/?key=k&limit=10',
      '/ghost/api/content/posts/?key=k&limit=10&page=2',
      '/ghost/api/content/posts/?key=k&limit=10&page=3',
    ]);
    expect(pages.progress).toMatchObject({ pages: 3, items: 25, total: 25, mode: 'page', stop: 'last' });
  });

  it("walks Strapi's `{data, meta: {pagination}}` and Laravel's paginator by page number, with their totals", async () => {
    server.route('/api/restaurants', strapiPages);
    server.route('/users', laravelPages);
    const api = createClient({ baseUrl: server.origin });
    for (const path of ['/api/restaurants', '/users']) {
      const pages = api.paginate<{ id: number }>(path);
      expect((await collect(pages)).map((item) => item.id), path).toEqual(ids);
      expect(server.requests(path).map((request) => request.url), path).toEqual([path, `${path}?page=2`, `${path}?page=3`]);
      expect(pages.progress, path).toMatchObject({ pages: 3, items: 25, total: 25, stop: 'last' });
    }
  });

  it('reads one page when the first response says nothing about more', async () => {
    server.route('/single', json(200, [1, 2, 3]));
    const api = createClient({ baseUrl: server.origin });
    const pages = api.paginate('/single');
    expect(await collect(pages)).toEqual([1, 2, 3]);
    expect(pages.progress).toMatchObject({ pages: 1, mode: 'single', stop: 'last' });
  });

  it('hands out whole pages too', async () => {
    server.route('/chunks', cursorPages);
    const api = createClient({ baseUrl: server.origin });
    const sizes: number[] = [];
    for await (const page of api.paginate('/chunks').pages()) sizes.push(page.length);
    expect(sizes).toEqual([10, 10, 5]);
  });

  it('hands out every item once, and reads every page once, when next() is called again before it resolves', async () => {
    server.route('/together', cursorPages);
    const api = createClient({ baseUrl: server.origin });
    const iterator = api.paginate<{ id: number }>('/together')[Symbol.asyncIterator]();
    const results = await Promise.all(Array.from({ length: 26 }, () => iterator.next()));
    expect(results.filter((result) => !result.done).map((result) => result.value.id)).toEqual(ids);
    expect(results.at(-1)).toEqual({ done: true, value: undefined });
    expect(server.requests('/together').map((request) => request.url)).toEqual(['/together', '/together?offset=1009', '/together?offset=1019']);

    const pages = api.paginate<{ id: number }>('/together').pages();
    const [first, second] = await Promise.all([pages.next(), pages.next()]);
    expect([first.value?.length, second.value?.[0]?.id]).toEqual([10, 1010]);
  });
});

describe('the walk stops as RELIABILITY.md says', () => {
  it('stops when the offset does not advance, without handing out the repeated chunk', async () => {
    server.route('/stuck', json(200, { result: [{ id: 1 }], offset: '1', hasNext: true }));
    const api = createClient({ baseUrl: server.origin });
    const pages = api.paginate('/stuck');
    expect(await collect(pages)).toEqual([{ id: 1 }]);
    expect(server.requests('/stuck')).toHaveLength(2);
    expect(pages.progress).toMatchObject({ pages: 1, items: 1, done: true, stop: 'stalled' });
  });

  it('stops when a page number comes back again, without handing out its items twice', async () => {
    server.route('/same-page', json(200, { result: 'success', items: [1, 2], metadata: { page: 1, pagesCount: 3 } }));
    const api = createClient({ baseUrl: server.origin });
    const pages = api.paginate('/same-page');
    expect(await collect(pages)).toEqual([1, 2]);
    expect(server.requests('/same-page').map((request) => request.url)).toEqual(['/same-page', '/same-page?page=2']);
    expect(pages.progress).toMatchObject({ pages: 1, items: 2, done: true, stop: 'stalled' });
    // Nor as an empty page of its own.
    const whole: unknown[] = [];
    for await (const page of api.paginate('/same-page').pages()) whole.push(page);
    expect(whole).toEqual([[1, 2]]);
  });

  it('hands out each chunk once from a server that ignores the offset, in modes slice and cursor', async () => {
    server.route('/ignores-offset', json(200, { result: [1, 2], offset: '2', hasNext: true }));
    const api = createClient({ baseUrl: server.origin });
    for (const options of [{ sliceSize: 2 }, { mode: 'cursor' as const }]) {
      const pages = api.paginate('/ignores-offset', options);
      expect(await collect(pages)).toEqual([1, 2]);
      expect(pages.progress).toMatchObject({ pages: 1, items: 2, stop: 'stalled' });
    }
    expect(server.requests('/ignores-offset').map((request) => request.url)).toEqual([
      '/ignores-offset?sliceSize=2&offset=0',
      '/ignores-offset?sliceSize=2&offset=2',
      '/ignores-offset',
      '/ignores-offset?offset=2',
    ]);
  });

  it('hands out a chunk whose offset leads back to the first request, then stops before asking for it again', async () => {
    server.route('/back-to-start', json(200, { result: [1, 2], offset: '2', hasNext: true }), json(200, { result: [3], offset: '0', hasNext: true }));
    const pages = createClient({ baseUrl: server.origin }).paginate('/back-to-start', { sliceSize: 2 });
    expect(await collect(pages)).toEqual([1, 2, 3]);
    expect(server.requests('/back-to-start')).toHaveLength(2);
    expect(pages.progress).toMatchObject({ pages: 2, items: 3, stop: 'stalled' });
  });

  it('stops when a next link leads back to the first page, handing out each page once', async () => {
    server.route('/ring-a', json(200, [1, 2], { link: '</ring-b>; rel="next"' }));
    server.route('/ring-b', json(200, [3], { link: '</ring-a>; rel="next"' }));
    const api = createClient({ baseUrl: server.origin });
    const pages = api.paginate('/ring-a');
    expect(await collect(pages)).toEqual([1, 2, 3]);
    expect([server.requests('/ring-a').length, server.requests('/ring-b').length]).toEqual([1, 1]);
    expect(pages.progress).toMatchObject({ pages: 2, done: true, stop: 'stalled' });
  });

  it('stops after maxPages, 10,000 by default', async () => {
    let next = 0;
    server.route('/endless', (request, response, body) => json(200, { result: [next], offset: String(++next), hasNext: true })(request, response, body));
    const api = createClient({ baseUrl: server.origin });
    const pages = api.paginate('/endless', { maxPages: 7 });
    expect(await collect(pages)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(server.requests('/endless')).toHaveLength(7);
    expect(pages.progress).toMatchObject({ pages: 7, stop: 'max_pages' });
  });

  it('stops with an error, sending nothing, when a HAL next link leads to another origin', async () => {
    server.route('/hal', halPages(other.origin));
    other.route('/hal', halPages());
    const api = createClient({ baseUrl: server.origin, apiKey: 'secret', headers: { authorization: 'Bearer t' } });
    const items: unknown[] = [];
    const thrown = await (async () => {
      for await (const item of api.paginate('/hal')) items.push(item);
    })().catch((error: unknown) => error);
    expect(items).toHaveLength(10);
    expect(isResponseError(thrown) && thrown.error).toMatchObject({ kind: 'invalid_response', detail: `The next link leads to another origin: ${other.origin}` });
    expect(other.requests('/hal')).toHaveLength(0);
  });

  it("follows an `http:` next link to the base URL's own host over https, as a server behind a TLS proxy writes it, and no other", async () => {
    const requested: string[] = [];
    const drfPage = (next: string | null, results: number[]): Response => new Response(JSON.stringify({ count: 4, next, previous: null, results }), { headers: { 'content-type': 'application/json' } });
    const fetchPages = (second: string) => async (input: RequestInfo | URL): Promise<Response> => {
      const url = input instanceof Request ? input.url : String(input);
      requested.push(url);
      return url.endsWith('page=2') ? drfPage(null, [3, 4]) : drfPage(second, [1, 2]);
    };
    const api = createClient({ baseUrl: 'https://api.example.test', apiKey: 'secret', fetch: fetchPages('http://api.example.test/items?page=2') });
    expect(await collect(api.paginate('/items'))).toEqual([1, 2, 3, 4]);
    expect(requested).toEqual(['https://api.example.test/items', 'https://api.example.test/items?page=2']);
    // Another host, or another port, is another origin still.
    for (const second of ['http://other.example.test/items?page=2', 'http://api.example.test:8080/items?page=2']) {
      requested.length = 0;
      const elsewhere = createClient({ baseUrl: 'https://api.example.test', apiKey: 'secret', fetch: fetchPages(second) });
      await expect(collect(elsewhere.paginate('/items')), second).rejects.toMatchObject({ error: { kind: 'invalid_response' } });
      expect(requested).toEqual(['https://api.example.test/items']);
    }
    // A link with a user and password is refused, whatever its scheme, with an error, never sent.
    requested.length = 0;
    const userinfo = createClient({ baseUrl: 'https://api.example.test', apiKey: 'secret', fetch: fetchPages('http://user:pw@api.example.test/items?page=2') });
    await expect(collect(userinfo.paginate('/items'))).rejects.toMatchObject({ error: { kind: 'invalid_response', detail: 'The next link carries credentials' } });
    expect(requested).toEqual(['https://api.example.test/items']);
    // A scheme in capitals is the same scheme (RFC 3986 §3.1), in the body's `next` as in a header.
    requested.length = 0;
    const capitals = createClient({ baseUrl: 'https://api.example.test', fetch: fetchPages('HTTP://API.EXAMPLE.TEST/items?page=2') });
    expect(await collect(capitals.paginate('/items'))).toEqual([1, 2, 3, 4]);
    expect(requested).toEqual(['https://api.example.test/items', 'https://api.example.test/items?page=2']);
    // Never the reverse: an `https:` link under an `http:` base is another origin.
    requested.length = 0;
    const plain = createClient({ baseUrl: 'http://api.example.test', fetch: fetchPages('https://api.example.test/items?page=2') });
    await expect(collect(plain.paginate('/items'))).rejects.toMatchObject({ error: { kind: 'invalid_response' } });
  });

  it('stops with an error when a Link header leads to another origin', async () => {
    server.route('/linked', linkPages(() => other.origin));
    other.route('/linked', json(200, []));
    const api = createClient({ baseUrl: server.origin, apiKey: 'secret' });
    await expect(collect(api.paginate('/linked'))).rejects.toMatchObject({ error: { kind: 'invalid_response' } });
    expect(other.requests('/linked')).toHaveLength(0);
  });

  it('throws the page error as a ResponseError after retrying it', async () => {
    server.route('/flaky', text(503, ''), cursorPages, json(404, { message: 'Gone' }));
    const api = createClient({ baseUrl: server.origin, wait: noWait });
    const pages = api.paginate<{ id: number }>('/flaky');
    const items: number[] = [];
    const thrown = await (async () => {
      for await (const item of pages) items.push(item.id);
    })().catch((error: unknown) => error);
    expect(items).toEqual(ids.slice(0, 10));
    expect(isResponseError(thrown) && thrown.error).toMatchObject({ kind: 'not_found', detail: 'Gone' });
    expect(pages.progress).toMatchObject({ pages: 1, done: true });
  });

  it("ends with the caller's abort, its reason kept, when the signal aborts between pages", async () => {
    server.route('/chunks', cursorPages);
    const controller = new AbortController();
    const api = createClient({ baseUrl: server.origin });
    const items: number[] = [];
    const thrown = await (async () => {
      for await (const item of api.paginate<{ id: number }>('/chunks', { signal: controller.signal })) {
        items.push(item.id);
        if (items.length === 10) controller.abort(new Error('superseded by a newer search'));
      }
    })().catch((error: unknown) => error);
    expect(items).toEqual(ids.slice(0, 10));
    expect(isResponseError(thrown) && thrown.error).toMatchObject({ kind: 'aborted', detail: 'The request was aborted: superseded by a newer search' });
    expect(isResponseError(thrown) && thrown.message).toBe('Aborted: The request was aborted: superseded by a newer search');
  });

  it('fetches nothing more after the caller breaks out of the loop', async () => {
    server.route('/chunks', cursorPages);
    const api = createClient({ baseUrl: server.origin });
    for await (const item of api.paginate<{ id: number }>('/chunks')) if (item.id === 1002) break;
    expect(server.requests('/chunks')).toHaveLength(1);
  });

  it('ends the walk as an empty collection when the first page is a 204 or has an empty body', async () => {
    const api = createClient({ baseUrl: server.origin });
    const empty: Handler = (_request, response) => response.writeHead(204).end();
    const blank = text(200, '', { 'content-type': 'application/json' });
    for (const [path, handler, mode] of [['/none', empty, undefined], ['/blank', blank, undefined], ['/none', empty, 'cursor'], ['/none', empty, 'page'], ['/none', empty, 'links']] as const) {
      server.route(path, handler);
      const pages = api.paginate(path, mode ? { mode } : { sliceSize: 10 });
      expect(await collect(pages), `${path} ${mode}`).toEqual([]);
      expect(pages.progress, `${path} ${mode}`).toMatchObject({ pages: 1, items: 0, done: true, stop: 'last' });
      expect(server.requests(path)).toHaveLength(1);
    }
  });

  it('ends the walk after the items before it when a later page is a 204, even with a next link', async () => {
    server.route('/then-none', json(200, [1, 2], { link: '</then-none?p=2>; rel="next"' }), (_request, response) => response.writeHead(204, { link: '</then-none?p=3>; rel="next"' }).end());
    const api = createClient({ baseUrl: server.origin });
    const pages = api.paginate('/then-none');
    expect(await collect(pages)).toEqual([1, 2]);
    expect(pages.progress).toMatchObject({ pages: 2, items: 2, mode: 'links', done: true, stop: 'last' });
    expect(server.requests('/then-none')).toHaveLength(2);
  });

  it('refuses a maxPages or sliceSize that is not a positive integer, when paginate is called; maxPages may be Infinity', async () => {
    server.route('/counted', json(200, []));
    const api = createClient({ baseUrl: server.origin });
    for (const value of [Number.NaN, -1, 0, 2.5]) {
      expect(() => api.paginate('/counted', { maxPages: value })).toThrow(new RangeError(`maxPages must be a positive integer, not ${value}`));
      expect(() => api.paginate('/counted', { sliceSize: value })).toThrow(new RangeError(`sliceSize must be a positive integer, not ${value}`));
    }
    expect(() => api.paginate('/counted', { sliceSize: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(server.requests('/counted')).toHaveLength(0);
    // "No cap", as callers commonly say it.
    expect(await collect(api.paginate('/counted', { maxPages: Number.POSITIVE_INFINITY }))).toEqual([]);
  });

  it("sends a sliceSize in mode cursor (seed 003's offset-as-next-id chunks), and refuses it with modes that page by their own rules", async () => {
    server.route('/next-id', json(200, { result: [{ id: 7 }, { id: 9 }], offset: '9', hasNext: true }), json(200, { result: [{ id: 12 }], offset: '12', hasNext: false }));
    const api = createClient({ baseUrl: server.origin });
    expect(await collect(api.paginate('/next-id', { mode: 'cursor', sliceSize: 2 }))).toEqual([{ id: 7 }, { id: 9 }, { id: 12 }]);
    expect(server.requests('/next-id').map((request) => request.url)).toEqual(['/next-id?sliceSize=2', '/next-id?sliceSize=2&offset=9']);
    expect(() => api.paginate('/chunks', { mode: 'page', sliceSize: 5 })).toThrow(new TypeError("sliceSize is for modes 'slice' and 'cursor', not 'page'"));
    expect(() => api.paginate('/chunks', { mode: 'links', sliceSize: 5 })).toThrow(TypeError);
  });

  it('refuses a mode it does not know with a TypeError listing the modes, when paginate is called', () => {
    server.route('/moded', json(200, []));
    const api = createClient({ baseUrl: server.origin });
    const message = "mode must be 'auto', 'cursor', 'slice', 'page' or 'links', not ";
    for (const mode of ['offset', 'Page', '', 1, {}, Symbol('page')]) {
      // @ts-expect-error -- a JavaScript caller's mistake, which TypeScript catches
      expect(() => api.paginate('/moded', { mode })).toThrow(new TypeError(message + String(mode)));
    }
    expect(server.requests('/moded')).toHaveLength(0);
    expect(api.paginate('/moded', { mode: undefined }).progress.mode).toBeUndefined();
  });

  it('sends nothing before the first item is asked for', () => {
    server.route('/lazy', json(200, []));
    createClient({ baseUrl: server.origin }).paginate('/lazy');
    expect(server.requests('/lazy')).toHaveLength(0);
  });
});

describe('a mode that does not fit the API', () => {
  /** The walk's items, and what it threw. */
  async function walk(pages: AsyncIterable<unknown>): Promise<{ items: unknown[]; thrown: unknown }> {
    const items: unknown[] = [];
    const thrown = await (async () => {
      for await (const item of pages) items.push(item);
    })().catch((error: unknown) => error);
    return { items, thrown };
  }

  it('walks the mode the first page shows when the sliceSize only implied slice: seed 004 pages, Link headers', async () => {
    server.route('/customers', envelopePages);
    const api = createClient({ baseUrl: server.origin });
    const paged = api.paginate<{ id: number }>('/customers', { sliceSize: 2 });
    expect((await collect(paged)).map((item) => item.id)).toEqual(ids);
    expect(paged.progress).toMatchObject({ pages: 3, items: 25, total: 25, mode: 'page', stop: 'last' });
    expect(server.requests('/customers').map((request) => request.url)).toEqual(['/customers?sliceSize=2&offset=0', '/customers?sliceSize=2&offset=0&page=2', '/customers?sliceSize=2&offset=0&page=3']);

    server.route('/linked', linkPages(() => server.origin));
    const linked = api.paginate<{ id: number }>('/linked', { sliceSize: 1 });
    expect((await collect(linked)).map((item) => item.id)).toEqual(ids);
    expect(linked.progress).toMatchObject({ pages: 3, items: 25, mode: 'links', stop: 'last' });
  });

  it('ends with an invalid_response naming the mismatch, handing out nothing, when the mode named does not fit the first page', async () => {
    server.route('/customers', envelopePages);
    server.route('/chunks', cursorPages);
    server.route('/linked', linkPages(() => server.origin));
    const api = createClient({ baseUrl: server.origin });
    for (const [path, options, detail] of [
      ['/customers', { mode: 'cursor' }, "The API pages in mode 'page', not 'cursor'"],
      ['/customers', { mode: 'slice', sliceSize: 2 }, "The API pages in mode 'page', not 'slice'"],
      ['/linked', { mode: 'cursor' }, "The API pages in mode 'links', not 'cursor'"],
      ['/chunks', { mode: 'page' }, "The API pages in mode 'cursor', not 'page'"],
      ['/customers', { mode: 'links' }, "The API pages in mode 'page', not 'links'"],
    ] as const) {
      const before = server.requests(path).length;
      const pages = api.paginate(path, options);
      const { items, thrown } = await walk(pages);
      expect(items, detail).toEqual([]);
      expect(isResponseError(thrown) && thrown.error).toMatchObject({ kind: 'invalid_response', status: 200, detail });
      expect(pages.progress).toMatchObject({ pages: 0, done: true, stop: undefined });
      expect(server.requests(path)).toHaveLength(before + 1);
    }
  });

  it('ends with an invalid_response when a slice walk gets a page without offset and hasNext, which seed 003 always sends', async () => {
    server.route('/plain-list', json(200, [1, 2, 3]));
    const api = createClient({ baseUrl: server.origin });
    const { items, thrown } = await walk(api.paginate('/plain-list', { sliceSize: 2 }));
    expect(items).toEqual([]);
    expect(isResponseError(thrown) && thrown.error).toMatchObject({ kind: 'invalid_response', detail: "The page has no offset and hasNext for mode 'slice'" });
  });

  it('reads a first page without any marker as the only page in modes cursor and links (Airtable leaves out the offset on its last page)', async () => {
    server.route('/v0/base/small', json(200, { records: [{ id: 1 }, { id: 2 }] }));
    const api = createClient({ baseUrl: server.origin });
    for (const mode of ['cursor', 'links'] as const) {
      const pages = api.paginate('/v0/base/small', { mode });
      expect(await collect(pages)).toEqual([{ id: 1 }, { id: 2 }]);
      expect(pages.progress).toMatchObject({ pages: 1, mode, stop: 'last' });
    }
  });
});

describe('prefetch', () => {
  it.each([
    ['/chunks', cursorPages, {}],
    ['/slices', slicePages, { sliceSize: 10 }],
    ['/customers', envelopePages, {}],
    ['/hal', halPages(), {}],
  ] as const)('gives the same items in %s while requesting each next page early', async (path, handler, options) => {
    server.route(path, handler);
    const api = createClient({ baseUrl: server.origin });
    const pages = api.paginate<{ id: number }>(path, { ...options, prefetch: true });
    const requestsAtFirstItem: number[] = [];
    const items: number[] = [];
    for await (const item of pages) {
      if (items.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        requestsAtFirstItem.push(server.requests(path).length);
      }
      items.push(item.id);
    }
    expect(items).toEqual(ids);
    expect(requestsAtFirstItem).toEqual([2]);
    expect(server.requests(path)).toHaveLength(3);
    expect(pages.progress).toMatchObject({ pages: 3, items: 25, done: true, stop: 'last' });
  });

  it('requests at most one page more when the caller stops early', async () => {
    server.route('/chunks', cursorPages);
    const api = createClient({ baseUrl: server.origin });
    for await (const page of api.paginate('/chunks', { prefetch: true }).pages()) if (page.length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.requests('/chunks')).toHaveLength(2);
  });

  it('aborts the prefetched page when the caller stops early: no retry or wait of it goes on behind the caller\'s back', async () => {
    // It went on: a 503 was retried after its Retry-After (a process held open 40 s by two 20 s
    // waits). Page 2 here never answers but to an abort, which the `break` must send.
    const signals: (AbortSignal | undefined)[] = [];
    let page2Aborted = false;
    const fetchPages = (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      signals.push(init?.signal ?? undefined);
      if (signals.length === 1) return Promise.resolve(new Response('[1,2,3]', { headers: { 'content-type': 'application/json', link: '</items?p=2>; rel="next"' } }));
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => {
          page2Aborted = true;
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    };
    const api = createClient({ baseUrl: 'https://api.example.com', fetch: fetchPages });
    for await (const item of api.paginate('/items', { prefetch: true })) if (item === 1) break;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(signals).toHaveLength(2);
    expect(page2Aborted).toBe(true);
  });

  it('leaves a walk closed by `break` as it was: a prefetched page that is read later changes no progress and hands out no items', async () => {
    // The late page counted in progress, and a second `for await` went on from the page after it.
    // Its items are held in validation until after the `break`, so the abort cannot end it first.
    let releasePage2: () => void = () => {};
    const page2Held = new Promise<void>((resolve) => (releasePage2 = resolve));
    let validated = 0;
    let page2Validating: () => void = () => {};
    const page2Started = new Promise<void>((resolve) => (page2Validating = resolve));
    const held: StandardSchemaV1<unknown, number> = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: (value) => {
          if (++validated <= 3) return { value: value as number };
          page2Validating();
          return page2Held.then(() => ({ value: value as number }));
        },
      },
    };
    const pages = ['[1,2,3]', '[4,5,6]', '[7,8,9]'];
    const fetchPages = async (input: RequestInfo | URL): Promise<Response> => {
      const page = Number(new URL(String(input)).searchParams.get('p') ?? 1);
      return new Response(pages[page - 1], { headers: { 'content-type': 'application/json', link: `</items?p=${page + 1}>; rel="next"` } });
    };
    const api = createClient({ baseUrl: 'https://api.example.com', fetch: fetchPages });
    const walk = api.paginate('/items', { prefetch: true, schema: held, maxPages: 3 });
    for await (const item of walk) {
      // Page 2, prefetched, has arrived and is being validated: the abort can no longer end it.
      await page2Started;
      if (item === 1) break;
    }
    const atBreak = { ...walk.progress };
    releasePage2();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(atBreak).toMatchObject({ pages: 1, items: 3, done: true });
    expect(walk.progress).toEqual(atBreak);
    expect(await collect(walk)).toEqual([]);
  });

  it('leaves a walk closed by `break` as it was when the prefetched page arrives after it, from a fetch that does not hear the abort', async () => {
    // A fetch of the caller's may let a request finish whatever the signal says; its page came
    // back after the `break` and counted in progress.
    let releasePage2: () => void = () => {};
    const page2Held = new Promise<void>((resolve) => (releasePage2 = resolve));
    let requests = 0;
    const deafFetch = async (input: RequestInfo | URL): Promise<Response> => {
      const page = Number(new URL(String(input)).searchParams.get('p') ?? 1);
      requests++;
      if (page === 2) await page2Held;
      return new Response(`[${page}]`, { headers: { 'content-type': 'application/json', link: `</items?p=${page + 1}>; rel="next"` } });
    };
    const walk = createClient({ baseUrl: 'https://api.example.com', fetch: deafFetch }).paginate('/items', { prefetch: true, maxPages: 3 });
    for await (const item of walk) {
      while (requests < 2) await new Promise((resolve) => setTimeout(resolve, 1));
      if (item === 1) break;
    }
    const atBreak = { ...walk.progress };
    releasePage2();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(atBreak).toMatchObject({ pages: 1, items: 1, done: true });
    expect(walk.progress).toEqual(atBreak);
  });

  it('throws nothing more once closed: a failure found in a page after the `break` is of a page never handed out', async () => {
    // A second `for await` threw "The next link leads to another origin", of page 2's link.
    const fetchPages = async (input: RequestInfo | URL): Promise<Response> => {
      const page = Number(new URL(String(input)).searchParams.get('p') ?? 1);
      const next = page === 1 ? '</items?p=2>' : '<https://elsewhere.example/items?p=3>';
      return new Response(`[${page}]`, { headers: { 'content-type': 'application/json', link: `${next}; rel="next"` } });
    };
    const walk = createClient({ baseUrl: 'https://api.example.com', fetch: fetchPages }).paginate('/items', { prefetch: true });
    for await (const item of walk) {
      // Page 2 is read meanwhile, and its link to another origin found.
      while (walk.progress.pages < 2) await new Promise((resolve) => setTimeout(resolve, 1));
      if (item === 1) break;
    }
    expect(await collect(walk)).toEqual([]);
  });

  it('throws the error of a prefetched page only when that page is asked for', async () => {
    server.route('/flaky', cursorPages, json(404, { message: 'Gone' }));
    const api = createClient({ baseUrl: server.origin });
    const items: number[] = [];
    const thrown = await (async () => {
      for await (const item of api.paginate<{ id: number }>('/flaky', { prefetch: true })) items.push(item.id);
    })().catch((error: unknown) => error);
    expect(items).toEqual(ids.slice(0, 10));
    expect(isResponseError(thrown) && thrown.error.kind).toBe('not_found');
  });
});

describe('a long walk', () => {
  it('keeps a few bytes a page to tell pages apart, not each request\'s URL and body', async () => {
    // `seen` held each request's URL and JSON body whole: 4 KB a page for a 4 KB GraphQL query,
    // 5.6 MB over the 1,400 pages measured here. The test server's own records of the requests
    // grow too: a walk with a short query, measured the same way, is the baseline.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const graphql: Handler = (request, response, body) => {
      const after = Number((JSON.parse(body.toString()) as { variables?: { after?: number } }).variables?.after ?? 0);
      json(200, { data: { nodes: [after], pageInfo: { endCursor: after + 1, hasNextPage: after + 1 < 1_500 } } })(request, response, body);
    };
    const api = createClient({ baseUrl: server.origin });
    type Connection = { data: { nodes: number[]; pageInfo: { endCursor: number; hasNextPage: boolean } } };
    const connectionOf = (page: { data: unknown }): Connection['data'] => (page.data as Connection).data;
    async function heapGrowth(query: string): Promise<number> {
      // Routed anew, so that the server's records start empty for each walk.
      server.route('/graphql', graphql);
      const pages = api.paginate<number>('/graphql', {
        json: { query, variables: {} },
        maxPages: Number.POSITIVE_INFINITY,
        items: (page) => connectionOf(page).nodes,
        next: (page) => (connectionOf(page).pageInfo.hasNextPage ? { variables: { after: connectionOf(page).pageInfo.endCursor } } : undefined),
      });
      let count = 0;
      let before = 0;
      for await (const node of pages) {
        expect(node).toBe(count);
        if (++count === 100) {
          gc();
          before = process.memoryUsage().heapUsed;
        }
      }
      gc();
      expect(pages.progress).toMatchObject({ pages: 1_500, items: 1_500, stop: 'last' });
      // The paginator is still held here, as a caller holds it after a `break`.
      return process.memoryUsage().heapUsed - before;
    }
    const baseline = await heapGrowth('q');
    const long = await heapGrowth('q'.repeat(4_000));
    expect(long - baseline).toBeLessThan(1_000_000);
  }, 30_000);
});

describe('an item schema', () => {
  const Customer = z.object({ id: z.number(), name: z.string().transform((name) => name.toUpperCase()) });

  it('validates and types each item, its transforms applied', async () => {
    server.route('/chunks', cursorPages);
    const api = createClient({ baseUrl: server.origin });
    const pages = api.paginate('/chunks', { schema: Customer });
    expectTypeOf(pages).toEqualTypeOf<Paginator<{ id: number; name: string }>>();
    const items = await collect(pages);
    expect(items.map((item) => item.id)).toEqual(ids);
    expect(items[0]).toEqual({ id: 1000, name: 'CUSTOMER 0' });
    expect(pages.progress).toMatchObject({ pages: 3, items: 25, done: true, stop: 'last' });
  });

  it('ends the walk with an invalid_response naming each failing item by its index in the page', async () => {
    const broken = [{ id: 1, name: 'Ann' }, { id: '2', name: 'Bob' }, { id: 3 }];
    server.route('/broken', json(200, { result: broken, offset: '3', hasNext: true }));
    const api = createClient({ baseUrl: server.origin });
    const pages = api.paginate('/broken', { schema: Customer });
    const items: unknown[] = [];
    const thrown = await (async () => {
      for await (const item of pages) items.push(item);
    })().catch((error: unknown) => error);
    // No item of a page that fails is handed out, and no further page is asked for.
    expect(items).toEqual([]);
    expect(server.requests('/broken')).toHaveLength(1);
    expect(isResponseError(thrown) && thrown.error).toMatchObject({
      kind: 'invalid_response',
      status: 200,
      detail: 'The response does not match the schema',
      issues: [{ path: [1, 'id'] }, { path: [2, 'name'] }],
    });
    expect(pages.progress).toMatchObject({ done: true });
  });
});

describe('parseNextLink (RFC 8288)', () => {
  it('finds rel="next" among several links, quoted or not, in any case, with several relations', () => {
    expect(parseNextLink('<https://a/1>; rel="prev", <https://a/3>; rel="next"')).toBe('https://a/3');
    expect(parseNextLink('<https://a/3>; rel=NEXT')).toBe('https://a/3');
    expect(parseNextLink('<https://a/3>; title="x, y"; rel="next last"')).toBe('https://a/3');
    expect(parseNextLink('<https://a/1>; rel="prev"')).toBeUndefined();
    expect(parseNextLink(null)).toBeUndefined();
  });

  it("reads a header of 400,000 `<` and no `>` at once, and the link after them", () => {
    // Each `<` was searched to the end of the header for a `>`: minutes at this size.
    expect(parseNextLink('<'.repeat(400_000))).toBeUndefined();
    expect(parseNextLink(`${'<'.repeat(400_000)}<https://a/3>; rel="next"`)).toBe('https://a/3');
  });
});

describe("paginate with a `next` of the caller's: an API that pages its own way", () => {
  /** Stripe's lists: `{object: 'list', data, has_more}`, the next page asked with `starting_after` the last id. */
  const stripePages: Handler = (request, response, body) => {
    const after = Number(query(request).get('starting_after') ?? 0);
    const data = records.filter((record) => record.id > after).slice(0, 10);
    json(200, { object: 'list', url: '/v1/customers', data, has_more: data.at(-1)!.id < ids.at(-1)! })(request, response, body);
  };
  const stripeNext = (page: { data: unknown }, items: readonly unknown[]) => ((page.data as { has_more: boolean }).has_more ? { starting_after: (items.at(-1) as { id: number }).id } : undefined);

  it("walks Stripe's `has_more` and `starting_after` by the query it gives, keeping the call's own", async () => {
    server.route('/v1/customers', stripePages);
    const api = createClient({ baseUrl: server.origin });
    const walk = api.paginate<{ id: number }>('/v1/customers', { query: { limit: 10 }, items: (page) => (page.data as { data: unknown[] }).data, next: (page, items) => stripeNext(page, items) });
    expect((await collect(walk)).map((record) => record.id)).toEqual(ids);
    expect(walk.progress).toMatchObject({ pages: 3, items: 25, mode: 'custom', done: true, stop: 'last' });
    expect(server.requests('/v1/customers').map((request) => new URL(request.url, 'http://x').search)).toEqual(['?limit=10', '?limit=10&starting_after=1009', '?limit=10&starting_after=1019']);
  });

  it("walks a Stripe-style list of numeric ids by itself, which stopped after the first page as if it were the last", async () => {
    server.route('/v1/numbered', stripePages);
    const walk = createClient({ baseUrl: server.origin }).paginate<{ id: number }>('/v1/numbered', { query: { limit: 10 } });
    expect((await collect(walk)).map((record) => record.id)).toEqual(ids);
    expect(walk.progress).toMatchObject({ pages: 3, done: true, stop: 'last' });
    expect(server.requests('/v1/numbered').map((request) => new URL(request.url, 'http://x').search)).toEqual(['?limit=10', '?limit=10&starting_after=1009', '?limit=10&starting_after=1019']);
  });

  it("follows a next URL it gives (Google's `nextPageToken` as a whole URL), under the same origin rules as next links", async () => {
    server.route('/tokens', (request, response, body) => {
      const token = query(request).get('pageToken');
      json(200, token ? { items: [2] } : { items: [1], nextPageToken: 't2' })(request, response, body);
    });
    const api = createClient({ baseUrl: server.origin });
    const next = (page: { data: unknown }) => {
      const token = (page.data as { nextPageToken?: string }).nextPageToken;
      return token === undefined ? null : `/tokens?pageToken=${token}`;
    };
    expect(await collect(api.paginate('/tokens', { next }))).toEqual([1, 2]);
    await expect(collect(api.paginate('/tokens', { next: (page) => ((page.data as { nextPageToken?: string }).nextPageToken ? `${other.origin}/tokens?pageToken=t2` : null) }))).rejects.toMatchObject({ error: { kind: 'invalid_response', detail: `The next link leads to another origin: ${other.origin}` } });
  });

  it('takes the query as URLSearchParams too', async () => {
    server.route('/searched', (request, response, body) => json(200, { items: [query(request).get('from') ?? '0'] })(request, response, body));
    const api = createClient({ baseUrl: server.origin });
    const walk = api.paginate('/searched', { next: (_page, items) => (items[0] === '0' ? new URLSearchParams({ from: '10' }) : undefined) });
    expect(await collect(walk)).toEqual(['0', '10']);
  });

  it('ends as stalled when it names a page already read, and refuses a mode or a sliceSize beside it', async () => {
    server.route('/same', json(200, { items: [1, 2] }));
    const api = createClient({ baseUrl: server.origin });
    const walk = api.paginate('/same', { next: () => ({ cursor: 'again' }) });
    expect(await collect(walk)).toEqual([1, 2, 1, 2]);
    expect(walk.progress).toMatchObject({ pages: 2, stop: 'stalled' });
    expect(() => api.paginate('/same', { next: () => null, mode: 'page' })).toThrow(TypeError);
    expect(() => api.paginate('/same', { next: () => null, sliceSize: 10 })).toThrow(TypeError);
    expect(() => api.paginate('/same', { next: 'page' as never })).toThrow('next must be a function');
  });
});

describe("'auto' over list APIs whose body names the next page its own way (mode 'body')", () => {
  /** Three pages of two items each; `shape(items, page, base)` writes the API's body, page 0 to 2. */
  const three = (shape: (items: { id: string; type: string; label: string }[], page: number, base: string) => unknown, pageOf: (request: IncomingMessage) => number): Handler => (request, response, body) => {
    const page = pageOf(request);
    const items = [0, 1].map((index) => ({ id: `id_${page * 2 + index}`, type: 'thing', label: `Thing ${index}` }));
    json(200, shape(items, page, server.origin))(request, response, body);
  };
  const byParam = (name: string, decode: (value: string) => number) => (request: IncomingMessage): number => {
    const value = query(request).get(name);
    return value === null ? 0 : decode(value);
  };
  const afterId = (value: string): number => Number(value.slice(3)) / 2 + 0.5;
  const cases: [string, Handler][] = [
    // docs.stripe.com/api/pagination: items with a `type` of their own (events) are no JSON:API resources.
    ['stripe', three((data, page) => ({ object: 'list', url: '/v1/events', has_more: page < 2, data }), byParam('starting_after', afterId))],
    // developers.notion.com/reference/pagination
    ['notion', three((results, page) => ({ object: 'list', results, next_cursor: page < 2 ? `c${page + 1}` : null, has_more: page < 2, type: 'page_or_database' }), byParam('start_cursor', (value) => Number(value.slice(1))))],
    // Google AIP-158
    ['google', three((files, page) => (page < 2 ? { kind: 'drive#fileList', nextPageToken: `t${page + 1}`, files } : { kind: 'drive#fileList', files }), byParam('pageToken', (value) => Number(value.slice(1))))],
    // Salesforce REST query
    ['salesforce', three((records, page, base) => ({ totalSize: 6, done: page === 2, nextRecordsUrl: page < 2 ? `${base}/salesforce?p=${page + 1}` : undefined, records }), byParam('p', Number))],
    // Twilio 2010 API
    ['twilio', three((messages, page) => ({ messages, page, page_size: 2, next_page_uri: page < 2 ? `/twilio?Page=${page + 1}` : null }), byParam('Page', Number))],
    // HubSpot CRM v3
    ['hubspot', three((results, page) => (page < 2 ? { results, paging: { next: { after: `${page + 1}`, link: 'x' } } } : { results }), byParam('after', Number))],
    // Intercom
    ['intercom', three((data, page) => ({ type: 'list', data, total_count: 6, pages: page < 2 ? { type: 'pages', next: { starting_after: `s${page + 1}` } } : { type: 'pages' } }), byParam('starting_after', (value) => Number(value.slice(1))))],
    // Kubernetes list
    ['kubernetes', three((items, page) => ({ kind: 'PodList', apiVersion: 'v1', metadata: { continue: page < 2 ? `k${page + 1}` : '' }, items }), byParam('continue', (value) => Number(value.slice(1))))],
    // Jira PageBean
    ['jira', three((values, page, base) => ({ isLast: page === 2, nextPage: page < 2 ? `${base}/jira?startAt=${(page + 1) * 2}` : undefined, startAt: page * 2, total: 6, values }), byParam('startAt', (value) => Number(value) / 2))],
    // Slack: `response_metadata.next_cursor`, sent back as `cursor`.
    ['slack', three((channels, page) => ({ ok: true, channels, response_metadata: { next_cursor: page < 2 ? `x${page + 1}` : '' } }), byParam('cursor', (value) => Number(value.slice(1))))],
    // docs.stripe.com/search: `next_page`, sent back as `page`.
    ['stripe-search', three((data, page) => ({ object: 'search_result', url: '/v1/customers/search', has_more: page < 2, next_page: page < 2 ? `pg${page + 1}` : null, data }), byParam('page', (value) => Number(value.slice(2))))],
    // Zendesk's offset pages: `next_page`, a URL, null on the last page.
    ['zendesk-offset', three((tickets, page, base) => ({ tickets, next_page: page < 2 ? `${base}/zendesk-offset?page=${page + 2}` : null, previous_page: null, count: 6 }), byParam('page', (value) => Number(value) - 1))],
    // Zendesk's cursor pages keep `links.next` on the last page, where `meta.has_more` is false.
    ['zendesk-cursor', three((tickets, page, base) => ({ tickets, meta: { has_more: page < 2, after_cursor: `z${page + 1}`, before_cursor: 'z0' }, links: { next: `${base}/zendesk-cursor?page%5Bsize%5D=2&page%5Bafter%5D=z${page + 1}`, prev: `${base}/zendesk-cursor?page%5Bbefore%5D=z0` } }), byParam('page[after]', (value) => Number(value.slice(1))))],
    // Spring Data's `Page` as Jackson writes it: `number` from 0, `last`.
    ['spring-page', three((content, page) => ({ content, pageable: { pageNumber: page, pageSize: 2 }, last: page === 2, totalElements: 6, totalPages: 3, size: 2, number: page, first: page === 0, numberOfElements: 2, empty: false }), byParam('page', Number))],
    // Spring Data's `PagedModel` (Spring Data 3.3, VIA_DTO): the figures in `page`.
    ['spring-paged-model', three((content, page) => ({ content, page: { size: 2, number: page, totalElements: 6, totalPages: 3 } }), byParam('page', Number))],
    // Algolia: `page` from 0 below `nbPages`.
    ['algolia', three((hits, page) => ({ hits, nbHits: 6, page, nbPages: 3, hitsPerPage: 2, query: '', params: '' }), byParam('page', Number))],
    // Meilisearch, searched by page: `page` from 1 to `totalPages`.
    ['meilisearch', three((hits, page) => ({ hits, query: '', processingTimeMs: 1, hitsPerPage: 2, page: page + 1, totalPages: 3, totalHits: 6 }), byParam('page', (value) => Number(value) - 1))],
  ];

  it.each(cases)('walks %s to its end, each page once', async (name, handler) => {
    server.route(`/${name}`, handler);
    const walk = createClient({ baseUrl: server.origin }).paginate<{ id: string }>(`/${name}`);
    expect((await collect(walk)).map((item) => item.id)).toEqual(['id_0', 'id_1', 'id_2', 'id_3', 'id_4', 'id_5']);
    expect(walk.progress).toMatchObject({ pages: 3, items: 6, done: true, stop: 'last' });
    expect(server.requests(`/${name}`)).toHaveLength(3);
  });

  it("follows no `next_page` that is no URL, nor Stripe's search `next_page` on its last page (`has_more: false`)", async () => {
    server.route('/stripe-search-last', three((data) => ({ object: 'search_result', url: '/v1/customers/search', has_more: false, next_page: 'pg_stale', data }), () => 0));
    server.route('/next-page-token', three((items) => ({ items, next_page: 'not-a-url' }), () => 0));
    for (const name of ['stripe-search-last', 'next-page-token']) {
      const walk = createClient({ baseUrl: server.origin }).paginate(`/${name}`);
      expect(await collect(walk)).toHaveLength(2);
      expect(walk.progress).toMatchObject({ pages: 1, mode: 'single', stop: 'last' });
    }
  });

  it('reads Linode image pages (ids and types of their own) by their page figures, not as JSON:API', async () => {
    server.route('/images', three((data, page) => ({ data, page: page + 1, pages: 3, results: 6 }), byParam('page', (value) => Number(value) - 1)));
    const walk = createClient({ baseUrl: server.origin }).paginate<{ id: string }>('/images');
    expect((await collect(walk)).map((item) => item.id)).toEqual(['id_0', 'id_1', 'id_2', 'id_3', 'id_4', 'id_5']);
    expect(walk.progress.mode).toBe('page');
  });

  it('stops at a next link marked results="false" (Sentry), and reads a total from X-Total (GitLab)', async () => {
    server.route('/sentry', (request, response, body) => {
      const page = Number(query(request).get('cursor') ?? 0);
      const link = `<${server.origin}/sentry?cursor=${page + 1}>; rel="next"; results="${page < 1}"; cursor="${page + 1}"`;
      json(200, [page * 2, page * 2 + 1], { link, 'x-total': '4' })(request, response, body);
    });
    const walk = createClient({ baseUrl: server.origin }).paginate('/sentry');
    expect(await collect(walk)).toEqual([0, 1, 2, 3]);
    expect(walk.progress).toMatchObject({ pages: 2, total: 4, stop: 'last' });
  });
});

describe('the total of a collection, from what the body says beside its list', () => {
  const totals: [string, unknown, number | undefined][] = [
    ["Django REST Framework's `count`, on a single page", { count: 2, next: null, previous: null, results: [1, 2] }, 2],
    ["GitHub's search `total_count`", { total_count: 40, incomplete_results: false, items: [1, 2] }, 40],
    ["Salesforce's `totalSize`", { totalSize: 3, done: true, records: [1, 2, 3] }, 3],
    ["Jira's `total`", { startAt: 0, maxResults: 50, total: 120, issues: [1, 2] }, 120],
    ["Spotify's `total`, on a single page", { href: 'x', items: [1, 2], limit: 20, next: null, offset: 0, previous: null, total: 2 }, 2],
    ["Mailchimp's `total_items`", { members: [1, 2], list_id: 'l1', total_items: 500 }, 500],
    ["Spring Data's `totalElements`", { content: [1, 2], last: true, number: 0, totalElements: 2, totalPages: 1 }, 2],
    ["a Spring HATEOAS `page.totalElements`", { _embedded: { people: [1, 2] }, page: { size: 20, totalElements: 2, totalPages: 1, number: 0 } }, 2],
    ["a Laravel API resource's `meta.total`", { data: [1, 2], links: { next: null }, meta: { current_page: 1, last_page: 1, per_page: 15, total: 2 } }, 2],
    ["Directus's `meta.filter_count`", { data: [1, 2], meta: { total_count: 90, filter_count: 2 } }, 2],
    ["Elasticsearch's exact `hits.total`", { took: 1, timed_out: false, hits: { total: { value: 7, relation: 'eq' }, hits: [1, 2] } }, 7],
    ["Elasticsearch's lower bound (`gte`): none", { took: 1, hits: { total: { value: 10_000, relation: 'gte' }, hits: [1, 2] } }, undefined],
    ["Typesense's `found`", { found: 12, hits: [1, 2], page: 1, out_of: 90 }, 12],
    ['a `total` with nothing that says it counts the list: none', { items: [1, 2], total: 9.5 }, undefined],
    ['a `total` of something else, such as an order’s: none', { items: [1, 2], total: 9 }, undefined],
  ];

  it.each(totals)('reads %s', async (name, body, total) => {
    const path = `/total-${totals.findIndex((entry) => entry[0] === name)}`;
    server.route(path, json(200, body));
    const walk = createClient({ baseUrl: server.origin }).paginate(path, { items: () => [1, 2] });
    await collect(walk);
    expect(walk.progress.total).toBe(total);
  });
});

describe('a walk that sends a JSON body (`json`): search APIs that page through the request body', () => {
  /** The JSON body of a recorded request. */
  const bodyOf = (request: { body: Buffer }): Record<string, unknown> => JSON.parse(request.body.toString('utf8')) as Record<string, unknown>;

  it("POSTs the body on every page, setting the next page's members in it (Notion's database query, by mode 'body')", async () => {
    server.route('/v1/databases/d1/query', (request, response, body) => {
      const sent = bodyOf({ body });
      const from = typeof sent['start_cursor'] === 'string' ? Number(sent['start_cursor'].slice(1)) : 0;
      const results = records.slice(from, from + 10);
      const more = from + 10 < records.length;
      json(200, { object: 'list', results, next_cursor: more ? `c${from + 10}` : null, has_more: more, type: 'page_or_database' })(request, response, body);
    });
    const api = createClient({ baseUrl: server.origin });
    const filter = { property: 'Done', checkbox: { equals: false } };
    const walk = api.paginate<{ id: number }>('/v1/databases/d1/query', { json: { filter, page_size: 10 } });
    expect((await collect(walk)).map((record) => record.id)).toEqual(ids);
    expect(walk.progress).toMatchObject({ pages: 3, items: 25, mode: 'body', stop: 'last' });
    const sent = server.requests('/v1/databases/d1/query');
    expect(sent.map((request) => [request.method, request.url, request.headers['content-type']])).toEqual(Array(3).fill(['POST', '/v1/databases/d1/query', 'application/json']));
    expect(sent.map(bodyOf)).toEqual([{ filter, page_size: 10 }, { filter, page_size: 10, start_cursor: 'c10' }, { filter, page_size: 10, start_cursor: 'c20' }]);
  });

  it("walks Elasticsearch's `search_after` by a `next` of the caller's, with the total from `hits.total`", async () => {
    server.route('/people/_search', (request, response, body) => {
      const after = (bodyOf({ body })['search_after'] as number[] | undefined)?.[0] ?? 0;
      const hits = records.filter((record) => record.id > after).slice(0, 10).map((record) => ({ _id: String(record.id), _source: record, sort: [record.id] }));
      json(200, { took: 2, timed_out: false, hits: { total: { value: records.length, relation: 'eq' }, max_score: null, hits } })(request, response, body);
    });
    type Hit = { _source: { id: number }; sort: unknown[] };
    const api = createClient({ baseUrl: server.origin });
    const walk = api.paginate<Hit>('/people/_search', {
      json: { size: 10, query: { match_all: {} }, sort: [{ id: 'asc' }] },
      items: (page) => (page.data as { hits: { hits: Hit[] } }).hits.hits,
      next: (_page, items) => (items.length > 0 ? { search_after: (items.at(-1) as Hit).sort } : undefined),
    });
    expect((await collect(walk)).map((hit) => hit._source.id)).toEqual(ids);
    // The fourth page is empty: Elasticsearch says no more by an empty `hits`.
    expect(walk.progress).toMatchObject({ pages: 4, items: 25, total: 25, mode: 'custom', stop: 'last' });
    expect(server.requests('/people/_search').map((request) => bodyOf(request)['search_after'])).toEqual([undefined, [1009], [1019], [1024]]);
  });

  it('sets a page number, an offset and a slice size in the body, as numbers, not in the query', async () => {
    server.route('/search/pages', (request, response, body) => {
      const page = Number(bodyOf({ body })['page'] ?? 1);
      json(200, { result: 'success', customers: records.slice((page - 1) * 10, page * 10), metadata: { page, pagesCount: 3, recordsPerPage: 10, recordsCount: 25 } })(request, response, body);
    });
    server.route('/search/slices', (request, response, body) => {
      const { offset, sliceSize } = bodyOf({ body }) as { offset: number; sliceSize: number };
      const chunk = records.slice(offset, offset + sliceSize);
      json(200, { result: chunk, offset: offset + chunk.length, hasNext: offset + sliceSize < records.length })(request, response, body);
    });
    const api = createClient({ baseUrl: server.origin });
    expect(await collect(api.paginate('/search/pages', { json: { name: 'C' } }))).toHaveLength(25);
    expect(server.requests('/search/pages').map((request) => [request.url, bodyOf(request)])).toEqual([['/search/pages', { name: 'C' }], ['/search/pages', { name: 'C', page: 2 }], ['/search/pages', { name: 'C', page: 3 }]]);
    expect(await collect(api.paginate('/search/slices', { json: {}, sliceSize: 10 }))).toHaveLength(25);
    expect(server.requests('/search/slices').map(bodyOf)).toEqual([{ sliceSize: 10, offset: 0 }, { sliceSize: 10, offset: 10 }, { sliceSize: 10, offset: 20 }]);
  });

  it("walks a GraphQL connection by the `variables` its `next` gives (GitHub's `pageInfo`), and ends as stalled when the body repeats", async () => {
    server.route('/graphql', (request, response, body) => {
      const after = (bodyOf({ body })['variables'] as { after?: string }).after;
      const from = after === undefined ? 0 : Number(after);
      const nodes = records.slice(from, from + 10);
      const end = from + nodes.length;
      json(200, { data: { viewer: { repositories: { nodes, pageInfo: { hasNextPage: end < records.length, endCursor: String(end) } } } } })(request, response, body);
    });
    type Connection = { nodes: { id: number }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    const repositories = (page: { data: unknown }): Connection => (page.data as { data: { viewer: { repositories: Connection } } }).data.viewer.repositories;
    const query = 'query($after: String) { viewer { repositories(first: 10, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } } }';
    const api = createClient({ baseUrl: server.origin });
    const walk = api.paginate<{ id: number }>('/graphql', {
      json: { query, variables: { owner: 'me' } },
      items: (page) => repositories(page).nodes,
      next: (page) => {
        const { hasNextPage, endCursor } = repositories(page).pageInfo;
        return hasNextPage ? { variables: { owner: 'me', after: endCursor } } : undefined;
      },
    });
    expect((await collect(walk)).map((record) => record.id)).toEqual(ids);
    expect(server.requests('/graphql').map((request) => bodyOf(request)['variables'])).toEqual([{ owner: 'me' }, { owner: 'me', after: '10' }, { owner: 'me', after: '20' }]);

    const stuck = api.paginate('/graphql', { json: { query, variables: {} }, items: (page) => repositories(page).nodes, next: () => ({ variables: { after: '10' } }) });
    expect(await collect(stuck)).toHaveLength(20);
    expect(stuck.progress).toMatchObject({ pages: 2, stop: 'stalled' });
  });

  it('sets a name repeated in URLSearchParams as a list, and walks Algolia by its page in the body', async () => {
    server.route('/1/indexes/people/query', (request, response, body) => {
      const sent = bodyOf({ body });
      const page = Number(sent['page'] ?? 0);
      json(200, { hits: [page], page, nbPages: 2, nbHits: 2, hitsPerPage: 1 })(request, response, body);
    });
    const api = createClient({ baseUrl: server.origin });
    const walk = api.paginate('/1/indexes/people/query', { json: { query: 'ada' } });
    expect(await collect(walk)).toEqual([0, 1]);
    expect(walk.progress).toMatchObject({ mode: 'body', total: 2, stop: 'last' });
    expect(server.requests('/1/indexes/people/query').map(bodyOf)).toEqual([{ query: 'ada' }, { query: 'ada', page: 1 }]);

    server.route('/tagged', json(200, { hits: [] }));
    const tagged = api.paginate('/tagged', { json: { q: 'x' }, next: (page) => ((page.data as { hits: unknown[] }).hits.length === 0 && server.requests('/tagged').length === 1 ? new URLSearchParams([['tag', 'a'], ['tag', 'b'], ['lang', 'de']]) : undefined) });
    await collect(tagged);
    expect(server.requests('/tagged').map(bodyOf)).toEqual([{ q: 'x' }, { q: 'x', tag: ['a', 'b'], lang: 'de' }]);
  });

  it('retries a page only when the retry options name POST, and refuses a body that is no object', async () => {
    let calls = 0;
    server.route('/flaky-search', (request, response, body) => {
      calls++;
      if (calls === 1) json(503, { message: 'busy' })(request, response, body);
      else json(200, { hits: [1, 2] })(request, response, body);
    });
    const api = createClient({ baseUrl: server.origin, wait: noWait });
    await expect(collect(api.paginate('/flaky-search', { json: { q: 'x' } }))).rejects.toMatchObject({ error: { kind: 'unavailable', status: 503 } });
    calls = 0;
    expect(await collect(api.paginate('/flaky-search', { json: { q: 'x' }, retry: { methods: ['POST'] } }))).toEqual([1, 2]);
    expect(calls).toBe(2);
    expect(() => api.paginate('/flaky-search', { json: [1] as never })).toThrow('json must be an object');
    expect(() => api.paginate('/flaky-search', { json: 'q=x' as never })).toThrow(TypeError);
  });
});
