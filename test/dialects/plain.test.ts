/**
 * The plain dialect on the common error shapes of APIs that have no dialect of their own: an
 * `error` object holding the message (`{"error": {"code": 400, "message": "..."}}`), and
 * FastAPI's `{"detail": [{loc, msg, type}]}` validation errors.
 */
import { describe, expect, it } from 'vitest';
import { createNormalizer, normalize, seedDialects, type ApiError, type ApiResult, type NormalizeInput } from '../../src/index.ts';

function toError(result: ApiResult): ApiError {
  if (result.ok) throw new Error(`expected an error, got a success: ${JSON.stringify(result.value)}`);
  return result.error;
}

const read = (input: NormalizeInput): ApiError => toError(normalize(input));

describe('an error object under `error`', () => {
  it('shows its message and code', () => {
    const error = read({ status: 400, body: { error: { code: 400, message: 'Invalid id' } } });
    expect(error).toMatchObject({ kind: 'bad_request', detail: 'Invalid id', code: '400', dialect: 'plain' });
  });

  it('shows a message that comes alone', () => {
    expect(read({ status: 500, body: { error: { message: 'Database unreachable' } } }).detail).toBe('Database unreachable');
    expect(read({ status: 404, body: { error: { status: 404, message: 'No such user' } } }).detail).toBe('No such user');
  });

  it('reads its field errors as issues', () => {
    const error = read({ status: 400, body: { error: { message: 'Validation failed', errors: [{ field: 'email', message: 'is invalid' }] } } });
    expect(error).toMatchObject({ kind: 'validation', detail: 'Validation failed', issues: [{ path: ['email'], field: 'email', message: 'is invalid' }] });
  });

  it('keeps the members it does not read', () => {
    const error = read({ status: 400, body: { error: { message: 'Bad', help: 'https://example.com/help' }, request: 7 } });
    expect(error.extensions).toEqual({ error: { help: 'https://example.com/help' }, request: 7 });
  });

  it('lets a message beside it win', () => {
    expect(read({ status: 400, body: { message: 'Outer', error: { message: 'Inner' } } }).detail).toBe('Outer');
  });
});

describe('`success: false` in a 2xx', () => {
  const plainOnly = createNormalizer({ dialects: seedDialects });

  it('is an error when a member explains it, in the seed normalizer too', () => {
    for (const run of [normalize, plainOnly]) {
      expect(toError(run({ status: 200, body: { success: false, error: 'Quota exceeded' } }))).toMatchObject({ kind: 'unknown', status: 200, detail: 'Quota exceeded', retryable: false, dialect: 'plain', extensions: { success: false } });
      expect(toError(run({ status: 200, body: { success: false, message: 'Card declined', code: 'card_declined' } }))).toMatchObject({ detail: 'Card declined', code: 'card_declined' });
      expect(toError(run({ status: 201, body: { success: false, errors: [{ field: 'email', message: 'is taken' }] } }))).toMatchObject({ kind: 'validation', issues: [{ path: ['email'], message: 'is taken' }] });
    }
  });

  it('stays a success with nothing to explain it, or with `success` not false', () => {
    expect(normalize({ status: 200, body: { success: false, id: 7 } })).toMatchObject({ ok: true, value: { data: { success: false, id: 7 } } });
    expect(normalize({ status: 200, body: { success: 'false', error: 'x' } })).toMatchObject({ ok: true });
    expect(normalize({ status: 200, body: { success: true, message: 'Saved' } })).toMatchObject({ ok: true });
    // plain's own spellings beside the flag make a failure too.
    expect(toError(normalize({ status: 200, body: { success: false, error: 'Invalid', error_code: 'bad' } }))).toMatchObject({ code: 'bad' });
    expect(toError(normalize({ status: 200, body: { success: false, message: 'Nope', errorCode: 'E42' } }))).toMatchObject({ detail: 'Nope', code: 'E42' });
    expect(toError(normalize({ status: 200, body: { success: false, error: 'invalid_grant', error_description: 'Expired' } }))).toMatchObject({ code: 'invalid_grant', detail: 'Expired' });
    // An empty explanation explains nothing; a resource that records a failure (a webhook delivery) is data.
    expect(normalize({ status: 200, body: { success: false, message: null } })).toMatchObject({ ok: true });
    expect(normalize({ status: 200, body: { success: false, errors: [] } })).toMatchObject({ ok: true });
    const delivery = { id: 'wh_1', endpoint: 'https://example.com/hook', success: false, message: 'Endpoint returned 500', attempts: 3 };
    expect(normalize({ status: 200, body: delivery })).toMatchObject({ ok: true, value: { data: delivery } });
  });

  it("reads Ashby's `errorInfo` as a nested error in an error status too", () => {
    const error = read({ status: 404, body: { errorInfo: { code: 'not_found', message: 'No such job', requestId: 'r1', hint: 'x' } } });
    expect(error).toMatchObject({ kind: 'not_found', detail: 'No such job', code: 'not_found', requestId: 'r1', extensions: { errorInfo: { hint: 'x' } } });
  });
});

describe('field errors in the shapes of other APIs', () => {
  it("reads a field's entry with a message of its own in a map, and a map nested by field", () => {
    expect(read({ status: 422, body: { errors: { email: { message: 'is taken', code: 'taken' } } } }).issues).toEqual([{ path: ['email'], message: 'is taken', code: 'taken' }]);
    // The field spelled as field-map spells it; the key of an entry that names its own field is not part of its path (Mongoose).
    expect(read({ status: 400, body: { errors: { user: { name: ['is required'] } } } }).issues).toEqual([{ path: ['user', 'name'], message: 'is required', field: 'user.name' }]);
    expect(read({ status: 400, body: { errors: { 'address.city': { message: 'Path `address.city` is required.', path: 'address.city', kind: 'required' } } } }).issues).toEqual([
      { path: ['address', 'city'], message: 'Path `address.city` is required.', field: 'address.city' },
    ]);
  });

  it('keeps a map whole, reading none of it, when data sits one level down beside the messages', () => {
    const errors = { email: ['is invalid'], _meta: { request: { source: 'web' } } };
    const error = read({ status: 400, body: { errors } });
    expect(error.issues).toEqual([{ path: ['email'], message: 'is invalid', field: 'email' }]);
    expect(error.extensions).toEqual({ errors });
  });

  it("keeps the key's path for an entry whose field member is null, a number or empty", () => {
    for (const own of [{ field: null }, { path: 3 }, { in: 'query' }]) {
      expect(read({ status: 422, body: { errors: { email: { message: 'is invalid', ...own } } } }).issues[0]?.path, JSON.stringify(own)).toEqual(['email']);
    }
  });

  it('takes `in` for the field, unless it names a part of the request (OpenAPI: query, header, path, cookie, body)', () => {
    expect(read({ status: 400, body: { errors: [{ message: 'is required', in: 'name' }] } }).issues[0]).toMatchObject({ path: ['name'], field: 'name' });
    expect(read({ status: 400, body: { errors: [{ message: 'must be a number', in: 'query', name: 'limit' }] } }).issues[0]!.path).toEqual([]);
  });

  it("ends on a caller's object that shares a member at every level (2^60 ways in), keeping the member it could not read whole", () => {
    let errors: Record<string, unknown> = { _errors: [{ code: 'X', message: 'deep' }] };
    for (let level = 0; level < 60; level++) errors = { [`f${level}`]: errors, [`g${level}`]: errors };
    const error = read({ status: 400, body: { errors } });
    expect(error.kind).toBe('bad_request');
    expect(error.extensions['errors']).toBe(errors);
  });

  it('cuts the paths of a map 62 deep, each key of 64 segments, at 64 segments', () => {
    // Each level's key added its 64 segments to the path of every issue below it: 100,000 issues
    // of paths 4,000 long each ran out of memory (seconds per 100 KB of body before that).
    const key = Array.from({ length: 64 }, (_, index) => `k${index}`).join('.');
    let errors: Record<string, unknown> = {};
    for (let index = 0; index < 100_000; index++) errors[`f${index}`] = ['is invalid'];
    for (let level = 0; level < 61; level++) errors = { [key]: errors };
    const error = read({ status: 422, body: { message: 'Invalid', errors } });
    expect(error.issues).toHaveLength(100_000);
    expect(error.issues[99_999]?.path).toEqual(key.split('.'));
    // The field keeps the first 1,024 characters of the server's spelling (15 KB here, times 100,000 issues).
    expect(error.issues[99_999]?.field).toBe(`${`${key}.`.repeat(61)}f99999`.slice(0, 1_024));
    expect(error.extensions['errors']).toBeUndefined();
  });

  it('cuts at 64 segments the paths of entries nested in entries, each of a 64-segment field', () => {
    const field = Array.from({ length: 64 }, (_, index) => `k${index}`).join('.');
    let errors: unknown[] = Array.from({ length: 100_000 }, () => ({ field, message: 'is invalid' }));
    for (let level = 0; level < 62; level++) errors = [{ field, message: `level ${level}`, errors }];
    const error = read({ status: 422, body: { message: 'Invalid', errors } });
    expect(error.issues).toHaveLength(100_062);
    expect(error.issues.every((issue) => issue.path.length === 64)).toBe(true);
    expect(error.issues.at(-1)).toMatchObject({ path: field.split('.'), message: 'is invalid', field });
  });

  it('keeps a map too large to walk (past 100,000 steps) in extensions, rather than part of it as issues', () => {
    const errors: Record<string, unknown> = {};
    for (let row = 0; row < 120_000; row++) errors[`r${row}`] = { name: ['is required'] };
    const error = read({ status: 400, body: { errors } });
    expect(error.extensions['errors']).toBe(errors);
  });
});

describe("a body's retry_after", () => {
  it('is a wait only when it is finite in milliseconds too', () => {
    expect(read({ status: 429, body: { retry_after: 1.5 } }).retryAfterMs).toBe(1500);
    const huge = read({ status: 405, body: { retry_after: 1.797693134862316e305 } });
    expect(huge.retryAfterMs).toBeUndefined();
    expect(huge.extensions).toEqual({ retry_after: 1.797693134862316e305 });
    expect(JSON.parse(JSON.stringify(huge)).retryAfterMs).toBeUndefined();
  });
});

describe('FastAPI validation errors', () => {
  it('reads `detail: [{loc, msg, type}]` as issues (Pydantic v2)', () => {
    const error = read({
      status: 422,
      body: { detail: [{ type: 'missing', loc: ['body', 'name'], msg: 'Field required', input: {} }, { type: 'string_too_short', loc: ['query', 'q'], msg: 'String should have at least 3 characters', input: 'ab', ctx: { min_length: 3 } }] },
    });
    expect(error.kind).toBe('validation');
    expect(error.issues).toEqual([
      { path: ['name'], message: 'Field required', code: 'missing' },
      { path: ['query', 'q'], message: 'String should have at least 3 characters', code: 'string_too_short' },
    ]);
  });

  it('reads the Pydantic v1 spelling', () => {
    const error = read({ status: 422, body: { detail: [{ loc: ['body', 'items', 0, 'price'], msg: 'field required', type: 'value_error.missing' }] } });
    expect(error.issues).toEqual([{ path: ['items', 0, 'price'], message: 'field required', code: 'value_error.missing' }]);
  });

  it('keeps a string detail the message', () => {
    expect(read({ status: 404, body: { detail: 'Item not found' } })).toMatchObject({ kind: 'not_found', detail: 'Item not found', issues: [] });
  });

  it('reads a string detail that only repeats the title as none, as FastAPI\'s HTTPException(404) sends it', () => {
    const error = read({ status: 404, body: { detail: 'Not Found' } });
    expect(error).toMatchObject({ kind: 'not_found', title: 'Not Found', issues: [] });
    expect(error).not.toHaveProperty('detail');
  });
});

describe('a list of errors that names no field', () => {
  it("gives its first entry as the detail and code (Twitter's v1.1 errors), keeping every entry as an issue", () => {
    const result = normalize({ status: 401, body: { errors: [{ code: 32, message: 'Could not authenticate you.' }] } });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthenticated', detail: 'Could not authenticate you.', code: '32', issues: [{ path: [], message: 'Could not authenticate you.', code: '32' }] } });
  });

  it('leaves the detail to the body when it has one, and else takes the first entry naming no field, beside field issues too', () => {
    expect(normalize({ status: 400, body: { message: 'Invalid request', errors: [{ message: 'x' }] } })).toMatchObject({ error: { detail: 'Invalid request' } });
    const fielded = normalize({ status: 422, body: { errors: [{ field: 'email', message: 'is invalid' }, { message: 'Something is off' }] } });
    expect(fielded).toMatchObject({ ok: false, error: { kind: 'validation', detail: 'Something is off', issues: [{ path: ['email'] }, { path: [] }] } });
    const onlyFields = normalize({ status: 422, body: { errors: [{ field: 'email', message: 'is invalid' }] } });
    expect(!onlyFields.ok && onlyFields.error.detail).toBeUndefined();
  });
});

describe("seed 003's chunk {result, offset, hasNext}", () => {
  const readSuccess = (body: unknown): unknown => {
    const result = normalize({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!result.ok) throw new Error(`expected a success, got ${JSON.stringify(result.error)}`);
    const { data, cursor, dialect } = result.value;
    return { data, cursor, dialect };
  };

  it('reads back a chunk whose result is no list, as a server other than faultline/server (which refuses to write one) may send it', () => {
    for (const data of [{ a: 1 }, 'text', 7, null, true, { nested: [1] }]) {
      expect(readSuccess({ result: data, offset: '2', hasNext: false }), JSON.stringify(data)).toEqual({ data, cursor: { offset: '2', hasNext: false }, dialect: 'plain' });
    }
  });

  it('takes a numeric offset as its digits', () => {
    expect(readSuccess({ result: { a: 1 }, offset: 5, hasNext: true })).toEqual({ data: { a: 1 }, cursor: { offset: '5', hasNext: true }, dialect: 'plain' });
  });

  it('reads a list result as before, with or without an offset', () => {
    expect(readSuccess({ result: [1], offset: '1', hasNext: true, total: 3 })).toEqual({ data: [1], cursor: { offset: '1', hasNext: true }, dialect: 'plain' });
    expect(readSuccess({ result: [1], hasNext: false })).toEqual({ data: [1], cursor: { offset: '', hasNext: false }, dialect: 'plain' });
  });

  it('leaves as data a body with a result that is no list and anything more or less than a chunk', () => {
    for (const body of [
      { result: { a: 1 }, offset: '5', hasNext: true, total: 3 },
      { result: { a: 1 }, hasNext: true },
      { result: { a: 1 }, offset: true, hasNext: true },
      { result: { a: 1 }, offset: '5', hasNext: 'true' },
      { offset: '5', hasNext: true, next: 'x' },
    ]) {
      expect(readSuccess(body), JSON.stringify(body)).toEqual({ data: body, cursor: undefined, dialect: 'plain' });
    }
  });
});

describe("a list API's next page in the body", () => {
  const next = (body: unknown): unknown => {
    const result = normalize({ status: 200, body });
    return result.ok ? result.value.links?.['next'] : 'error';
  };

  it('is read from links.next, links.pages.next, paging.next, or a next URL beside the list', () => {
    expect(next({ tickets: [], meta: { has_more: true }, links: { next: 'https://example.zendesk.com/api/v2/tickets.json?page[after]=xyz' } })).toEqual({ href: 'https://example.zendesk.com/api/v2/tickets.json?page[after]=xyz' });
    expect(next({ droplets: [], links: { pages: { next: 'https://api.digitalocean.com/v2/droplets?page=2' } }, meta: { total: 30 } })).toEqual({ href: 'https://api.digitalocean.com/v2/droplets?page=2' });
    expect(next({ data: [], paging: { cursors: { after: 'x' }, next: 'https://graph.facebook.com/v19.0/me/posts?after=x' } })).toEqual({ href: 'https://graph.facebook.com/v19.0/me/posts?after=x' });
    expect(next({ count: 25, next: '/api/users/?page=2', previous: null, results: [] })).toEqual({ href: '/api/users/?page=2' });
    const drf = normalize({ status: 200, body: { count: 25, next: '/api/users/?page=2', previous: null, results: [] } });
    expect(drf.ok && drf.value.page).toEqual({ recordsCount: 25 });
  });

  it('is none for a next that is no URL, a null one (the last page), or a next of any spelling beside no list (a resource)', () => {
    expect(next({ results: [], next: null })).toBeUndefined();
    expect(next({ results: [], next: 'page 2' })).toBeUndefined();
    expect(next({ id: 7, title: 'Step 1', next: 'https://example.com/steps/2' })).toBeUndefined();
    expect(next({ id: 'l2', links: { next: '/lessons/3' }, total: 4999 })).toBeUndefined();
    expect(next({ id: 'p1', paging: { next: '/photos/2' } })).toBeUndefined();
  });

  it("reads Airtable's `{records, offset}` offset as the next page's cursor, and no other `offset`", () => {
    const page = normalize({ status: 200, body: { records: [{ id: 'rec1' }], offset: 'itr1/rec1' } });
    expect(page.ok && page.value.cursor).toEqual({ offset: 'itr1/rec1', hasNext: true });
    const started = normalize({ status: 200, body: { items: [], offset: '20', limit: 10 } });
    expect(started.ok && started.value.cursor).toBeUndefined();
  });

  it("reads PocketBase's, Payload's and Ghost's page figures beside their one list, the data kept as received", () => {
    const page = (body: unknown): unknown => {
      const result = normalize({ status: 200, body });
      return result.ok && result.value.data === body ? result.value.page : 'changed';
    };
    const items = [{ id: 'a' }, { id: 'b' }];
    expect(page({ items, page: 2, perPage: 2, totalItems: 5, totalPages: 3 })).toEqual({ page: 2, pagesCount: 3, recordsPerPage: 2, recordsCount: 5 });
    // An empty collection: PocketBase counts no page, Ghost one.
    expect(page({ page: 1, perPage: 30, totalPages: 0, totalItems: 0, items: [] })).toEqual({ page: 1, pagesCount: 0, recordsPerPage: 30, recordsCount: 0 });
    // PocketBase's `skipTotal`: both totals -1, unknown, so the walk ends on an empty page.
    expect(page({ items, page: 2, perPage: 2, totalItems: -1, totalPages: -1 })).toEqual({ page: 2, recordsPerPage: 2 });
    // Payload's figures without its other members, as a list of its shape without them.
    expect(page({ docs: items, totalDocs: 5, limit: 2, totalPages: 3, page: 3 })).toEqual({ page: 3, pagesCount: 3, recordsPerPage: 2, recordsCount: 5 });
    expect(page({ tags: [], meta: { pagination: { page: 1, limit: 15, pages: 1, total: 0, next: null, prev: null } } })).toEqual({ page: 1, pagesCount: 1, recordsPerPage: 15, recordsCount: 0 });
    // Ghost's `limit=all`: one page of all, no page size.
    expect(page({ authors: items, meta: { pagination: { page: 1, limit: 'all', pages: 1, total: 2, next: null, prev: null } } })).toEqual({ page: 1, pagesCount: 1, recordsCount: 2 });
  });

  it('reads no page figures from a look-alike: a member of its own, one missing, a figure that is no count, or no list', () => {
    const pocketBase = { page: 1, perPage: 30, totalPages: 1, totalItems: 2, items: [{ id: 'a' }, { id: 'b' }] };
    const payload = { docs: [{ id: 'a' }], totalDocs: 6, limit: 1, totalPages: 6, page: 1, pagingCounter: 1, hasPrevPage: false, hasNextPage: true, prevPage: null, nextPage: 2 };
    const pagination = { page: 1, limit: 2, pages: 1, total: 1, next: null, prev: null };
    const laravel = { current_page: 1, data: [{ id: 1 }], last_page: 4, per_page: 15, total: 50, from: 1, to: 15, next_page_url: null };
    for (const body of [
      // Strapi's and Laravel's figures, with a member of another's or one that is no count.
      { data: [], meta: { pagination: { page: 1, pageSize: 10, pageCount: 5, total: 48, start: 0 } } },
      { data: [], meta: { pagination: { page: 1, pageSize: 10, pageCount: '5', total: 48 } } },
      { ...laravel, next_page_url: undefined },
      { ...laravel, total: -1 },
      { ...laravel, current_page: 0 },
      { ...laravel, data: 'none' },
      // A resource that has a page of its own: a chapter, a print job, a scanned document.
      { title: 'Chapter 3', page: 42, items: [] },
      { id: 'job_1', page: 2, perPage: 30, totalPages: 4, totalItems: 100, items: [] },
      { ...pocketBase, id: 'report' },
      { ...pocketBase, totalItems: undefined },
      { ...pocketBase, page: 0 },
      { ...pocketBase, page: '1' },
      { ...pocketBase, perPage: 2.5 },
      { ...pocketBase, totalItems: -2 },
      { ...pocketBase, perPage: -1 },
      { ...pocketBase, items: { a: 1 } },
      { ...payload, collection: 'posts' },
      { ...payload, totalDocs: '6' },
      { ...payload, totalDocs: -1 },
      { ...payload, limit: undefined },
      { ...payload, docs: 'none' },
      { posts: [], meta: { pagination, filters: {} } },
      { posts: [], tags: [], meta: { pagination } },
      { posts: [], meta: { pagination }, status: 'ok' },
      { post: { id: 'a' }, meta: { pagination } },
      { posts: [], meta: { pagination: { ...pagination, sort: 'asc' } } },
      { posts: [], meta: { pagination: { ...pagination, page: 0 } } },
      { posts: [], meta: { pagination: { ...pagination, limit: 'many' } } },
      { posts: [], meta: { pagination: { ...pagination, total: undefined } } },
      { posts: [], meta: { pagination: [pagination] } },
    ]) {
      const result = normalize({ status: 200, body: JSON.parse(JSON.stringify(body)) as unknown });
      expect(result, JSON.stringify(body)).toMatchObject({ ok: true, value: { data: JSON.parse(JSON.stringify(body)) as unknown, dialect: 'plain' } });
      expect(result.ok && result.value.page, JSON.stringify(body)).toBeUndefined();
    }
  });

  it('takes a total only beside its list: a `total` that is a price stays data', () => {
    const checkout = normalize({ status: 200, body: { items: [1, 2], total: 4999, next: '/items/checkout' } });
    expect(checkout.ok && checkout.value.page).toEqual({ recordsCount: 4999 });
    const order = normalize({ status: 200, body: { lines: [1, 2], total: 4999, links: { next: '/orders/2' } } });
    expect(order.ok && order.value.page).toBeUndefined();
  });
});

describe('codes under other names', () => {
  it('takes only a word code from `id`, `name` and `error_type`, never a resource id, a class name or a sentence', () => {
    expect(read({ status: 404, body: { id: 'user_123', message: 'No such user' } }).code).toBeUndefined();
    expect(read({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'Boom', name: 'TypeError' } }).code).toBeUndefined();
    expect(read({ status: 400, body: { message: 'Bad', error_type: 'Invalid Request Error' } }).code).toBeUndefined();
    expect(read({ status: 400, body: { message: 'Bad', error_type: 'request_invalid' } }).code).toBe('request_invalid');
  });

  it('keeps `{error: "NotFound"}` as the detail too, and a code that came from another member where it was', () => {
    expect(read({ status: 404, body: { error: 'NotFound' } })).toMatchObject({ code: 'NotFound', detail: 'NotFound' });
    const error = read({ status: 422, body: { ErrorCode: 422, error_code: 'weak_password', Message: 'Too weak' } });
    expect(error.code).toBe('422');
    expect(Object.values(error.extensions)).not.toContain(undefined);
  });
});
