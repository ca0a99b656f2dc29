/**
 * faultline/server builders: each dialect's documented shape, compared as whole bodies, against
 * the seed fixtures in test/fixtures/ where the seeds print or describe one. Also the Web
 * `Response` helpers, `createError`, `processBatch` (seed 004) and `createApiKeyGuard` (seed 003).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { errorKinds, normalize, normalizeResponse, type ApiError, type ApiSuccess, type Dialect, type ErrorKind, type Issue, type ItemFailure } from '../../src/index.ts';
import {
  buildError,
  buildOk,
  createApiKeyGuard,
  createError,
  fromError,
  ok,
  processBatch,
  toResponse,
  toStatus,
  toWebResponse,
  type BatchOptions,
  type BuiltResponse,
  type CreateErrorInit,
  type DialectBuilder,
  type ErrorResponseOptions,
  type OkOptions,
} from '../../src/server/index.ts';
import { createLocalizer } from '../../src/i18n/index.ts';

interface Fixture {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** A locale file of faultline/i18n (locales/<language>.json). */
const readLocale = (language: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../../locales/${language}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

function readFixture(name: string): Fixture {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as Fixture;
}

/** Header names as faultline/server writes them: lower-case. */
const lowerCased = (headers: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

const parse = (built: BuiltResponse): unknown => JSON.parse(built.body);

/** Seed 004's Error Object: the members it documents. */
const documentedErrorMembers = ['type', 'code', 'message', 'description', 'field'];

/** An envelope error body with only the members seed 004 documents in its error object. */
function documentedEnvelope(body: unknown): unknown {
  const { error, ...rest } = body as { error: Record<string, unknown> };
  return { ...rest, error: Object.fromEntries(Object.entries(error).filter(([name]) => documentedErrorMembers.includes(name))) };
}

function readError(built: BuiltResponse): ApiError {
  const result = normalize({ status: built.status, headers: built.headers, body: built.body });
  if (result.ok) throw new Error(`expected an error, got ${built.body}`);
  return result.error;
}

function readSuccess(built: BuiltResponse): ApiSuccess {
  const result = normalize({ status: built.status, headers: built.headers, body: built.body });
  if (!result.ok) throw new Error(`expected a success, got ${built.body}`);
  return result.value;
}

describe('problem: RFC 9457 errors and HAL successes (seed 001)', () => {
  it('writes every member of an error, with errors[] as {title: code, detail: message, pointer}', () => {
    const built = buildError(
      createError({
        status: 400,
        type: 'https://example.com/probs/validation',
        detail: 'Request failed validation',
        instance: '/v1/campaigns/cmp_42',
        code: 'validation_failed',
        issues: [
          { path: ['a', 0, 'b'], message: 'must be a string', code: 'invalid_type' },
          { path: [], message: 'Too many fields' },
        ],
        extensions: { balance: 30, accounts: ['/account/12345'] },
      }),
    );
    expect(built.status).toBe(400);
    expect(built.headers).toEqual({ 'content-type': 'application/problem+json' });
    expect(parse(built)).toEqual({
      type: 'https://example.com/probs/validation',
      title: 'Bad Request',
      status: 400,
      detail: 'Request failed validation',
      instance: '/v1/campaigns/cmp_42',
      code: 'validation_failed',
      balance: 30,
      accounts: ['/account/12345'],
      // RFC 6901 §6: "#" points at the whole document, for an issue tied to no field.
      errors: [{ title: 'invalid_type', detail: 'must be a string', pointer: '#/a/0/b' }, { detail: 'Too many fields', pointer: '#' }],
    });
  });

  it("writes seed 001's printed validation example, with the status and a pointer added", () => {
    const fixture = readFixture('problem/001-400-validation.json');
    const message = '`body.name` is `undefined`, but `string` is expected.';
    const built = buildError(createError({ status: 400, detail: 'Request failed validation', issues: [{ path: ['name'], message, code: 'invalid_type' }] }));
    expect(built.status).toBe(fixture.status);
    expect(built.headers).toEqual(lowerCased(fixture.headers));
    expect(parse(built)).toEqual({ title: 'Bad Request', status: 400, detail: 'Request failed validation', errors: [{ title: 'invalid_type', detail: message, pointer: '#/name' }] });
  });

  it('escapes "~" and "/" in pointers (RFC 6901 §3) and leaves out the default type about:blank (RFC 9457 §3.1.1)', () => {
    const built = buildError(createError({ status: 422, type: 'about:blank', issues: [{ path: ['a/b', 'm~n', 3], message: 'is invalid' }] }), { dialect: 'problem' });
    expect(parse(built)).toEqual({ title: 'Unprocessable Content', status: 422, detail: 'Unprocessable Content', errors: [{ detail: 'is invalid', pointer: '#/a~1b/m~0n/3' }] });
  });

  it('lets its own members win over extensions of the same names', () => {
    const built = buildError(createError({ status: 404, extensions: { status: 200, title: 'All good', type: 'https://example.com/ok', errors: [] } }));
    expect(parse(built)).toEqual({ title: 'Not Found', status: 404, detail: 'Not Found' });
  });

  it('sends a detail in every problem, as seed 001 says all responses do, the title when there is no other, read back as none', () => {
    const built = buildError(createError({ kind: 'not_found' }), { dialect: 'problem' });
    expect(parse(built)).toEqual({ title: 'Not Found', status: 404, detail: 'Not Found' });
    const read = normalize(built);
    expect(read.ok ? undefined : read.error).toMatchObject({ title: 'Not Found' });
    expect(read.ok ? 'ok' : read.error.detail).toBeUndefined();
  });

  it('answers data with _links and _embedded as HAL (application/hal+json)', () => {
    const fixture = readFixture('problem/001-200-hal.json');
    const { _links: links, _embedded: embedded, ...data } = fixture.body as Record<string, unknown>;
    const built = buildOk(data, { links: links as Record<string, { href: string }>, embedded: embedded as Record<string, unknown> });
    expect(built.status).toBe(200);
    expect(built.headers).toEqual(lowerCased(fixture.headers));
    expect(parse(built)).toEqual(fixture.body);
    expect(readSuccess(built)).toMatchObject({ data, links, embedded, dialect: 'problem' });
  });

  it('answers 201 Created with a Location header', () => {
    const fixture = readFixture('problem/001-201-created.json');
    const built = buildOk(
      { id: 'cmp_43', name: 'Spring sale' },
      { status: 201, location: 'https://api.example.com/v1/campaigns/cmp_43', links: { self: { href: '/v1/campaigns/cmp_43' } } },
    );
    expect(built.status).toBe(201);
    expect(built.headers).toEqual(lowerCased(fixture.headers));
    expect(parse(built)).toEqual(fixture.body);
    expect(readSuccess(built).location).toBe('https://api.example.com/v1/campaigns/cmp_43');
  });

  it('answers 202 Accepted with the Location to poll', () => {
    const fixture = readFixture('problem/001-202-accepted.json');
    const built = buildOk(
      { id: 'exp_7f3c', state: 'queued' },
      { status: 202, location: 'https://api.example.com/v1/exports/exp_7f3c', links: { self: { href: '/v1/exports/exp_7f3c' } } },
    );
    expect(built.status).toBe(202);
    expect(built.headers).toEqual(lowerCased(fixture.headers));
    expect(parse(built)).toEqual(fixture.body);
  });

  it('answers 204 No Content with no body and no content-type, whatever data it is given', () => {
    expect(buildOk(undefined, { status: 204 })).toEqual({ status: 204, headers: {}, body: '' });
    // Links, which HAL writes in the body, go in a Link header when there is none (test/server/audit-fixes.test.ts).
    expect(buildOk({ id: 7 }, { status: 204, links: { self: { href: '/v1/campaigns/7' } } })).toEqual({ status: 204, headers: { link: '</v1/campaigns/7>; rel="self"' }, body: '' });
  });

  it('refuses a success status that is not 2xx', () => {
    for (const status of [199, 300, 404, 200.5]) expect(() => buildOk({}, { status })).toThrow(TypeError);
  });
});

describe("buildOk merges the data's own HAL controls with the options' (problem dialect)", () => {
  it("keeps the data's own self link beside the links it is given", () => {
    const built = buildOk({ id: 1, _links: { self: { href: '/mine' } } }, { links: { next: { href: '/n' } } });
    expect(JSON.parse(built.body)).toEqual({ id: 1, _links: { self: { href: '/mine' }, next: { href: '/n' } } });
    expect(readSuccess(built)).toMatchObject({ data: { id: 1 }, links: { self: { href: '/mine' }, next: { href: '/n' } } });
  });

  it("lets a link of the options win over the data's own of the same relation", () => {
    const built = buildOk({ id: 1, _links: { self: { href: '/old' }, up: { href: '/' } } }, { links: { self: { href: '/new' } } });
    expect(JSON.parse(built.body)).toEqual({ id: 1, _links: { self: { href: '/new' }, up: { href: '/' } } });
  });

  it("keeps the data's own embedded resources beside the ones it is given, and its links when given only embedded", () => {
    const data = { id: 1, _links: { self: { href: '/orders/1' } }, _embedded: { customer: { id: 7 } } };
    const built = buildOk(data, { embedded: { items: [{ sku: 'a' }] } });
    expect(JSON.parse(built.body)).toEqual({ id: 1, _links: { self: { href: '/orders/1' } }, _embedded: { customer: { id: 7 }, items: [{ sku: 'a' }] } });
  });

  it('writes data that is no object (a list) as the one member `data` of the HAL resource, and reads it back as the list', () => {
    for (const data of [[{ id: 1 }, { id: 2 }], 'text', 7]) {
      const built = buildOk(data, { links: { self: { href: '/orders' } } });
      expect(JSON.parse(built.body)).toEqual({ data, _links: { self: { href: '/orders' } } });
      expect(readSuccess(built), JSON.stringify(data)).toMatchObject({ data, links: { self: { href: '/orders' } } });
    }
    // A resource of its own with a `data` object, or with other members beside `data`, is read as it is.
    expect(readSuccess(buildOk({ data: { id: 1 } }, { links: { self: { href: '/1' } } })).data).toEqual({ data: { id: 1 } });
    expect(readSuccess(buildOk({ data: [1], total: 1 }, { links: { self: { href: '/1' } } })).data).toEqual({ data: [1], total: 1 });
  });

  it("replaces a data member named _links that is no object of relations", () => {
    expect(JSON.parse(buildOk({ id: 1, _links: 'none' }, { links: { self: { href: '/1' } } }).body)).toEqual({ id: 1, _links: { self: { href: '/1' } } });
  });
});

describe('status-message: {status, message, request_id, trace_id} (seed 002)', () => {
  it("writes seed 002's printed example exactly, and echoes the ids as headers", () => {
    const fixture = readFixture('status-message/002-400-bad-request.json');
    const built = buildError(
      createError({
        status: 400,
        detail: "Error updating database: Can't find campaign named 'CampaignName'",
        requestId: '1ab23456-c78d-9012-3456-78efg9hi01j2',
        traceId: '1a2b3456789cd0ef1g234hijklm5nopq',
      }),
      { dialect: 'status-message' },
    );
    expect(built.status).toBe(400);
    expect(parse(built)).toEqual(fixture.body);
    expect(built.headers).toEqual({ ...lowerCased(fixture.headers), 'x-request-id': '1ab23456-c78d-9012-3456-78efg9hi01j2', 'x-trace-id': '1a2b3456789cd0ef1g234hijklm5nopq' });
  });

  it('writes the title as the message when there is no detail, and a code and field issues when there are', () => {
    const built = buildError(createError({ status: 404, code: 'campaign_missing', issues: [{ path: ['campaigns', 2, 'name'], message: 'is unknown', code: 'unknown' }] }), { dialect: 'status-message' });
    expect(parse(built)).toEqual({ status: 404, message: 'Not Found', code: 'campaign_missing', errors: [{ field: 'campaigns[2].name', message: 'is unknown', code: 'unknown' }] });
    expect(built.headers).toEqual({ 'content-type': 'application/json' });
  });

  it('answers data as is', () => {
    expect(buildOk({ id: 7 }, { dialect: 'status-message' })).toEqual({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":7}' });
  });
});

describe('envelope: result success, failure or error (seed 004)', () => {
  it('answers a read with the items and the page figures in metadata', () => {
    const fixture = readFixture('envelope/004-200-success-page.json');
    const items = (fixture.body as { items: unknown[] }).items;
    const built = buildOk(items, { dialect: 'envelope', page: { page: 2, pagesCount: 5, recordsPerPage: 2, recordsCount: 9 } });
    expect(built.status).toBe(200);
    expect(built.headers).toEqual(lowerCased(fixture.headers));
    expect(parse(built)).toEqual(fixture.body);
  });

  it('answers a write with receivedItemsCount, validItems and invalidItems in metadata', async () => {
    const fixture = readFixture('envelope/004-200-success-batch.json');
    const saved = (fixture.body as { items: unknown[] }).items;
    const outcome = await processBatch([{ name: 'Grace Hopper' }, { name: 'Edsger Dijkstra' }], { validate: () => [], save: () => saved });
    if (!outcome.ok) throw new Error('expected the batch to be saved');
    const built = buildOk(outcome.data, { dialect: 'envelope', batch: outcome.batch });
    expect(parse(built)).toEqual(fixture.body);
  });

  it('puts the items under the member the endpoint names', () => {
    expect(parse(buildOk([{ id: 1 }], { dialect: 'envelope', itemsKey: 'customers' }))).toEqual({ result: 'success', customers: [{ id: 1 }], metadata: {} });
  });

  it('refuses result and metadata as the items member, which seed 004 uses itself', () => {
    for (const itemsKey of ['result', 'metadata']) {
      expect(() => buildOk([{ id: 1 }], { dialect: 'envelope', itemsKey }), itemsKey).toThrow(new TypeError(`itemsKey "${itemsKey}" is a member of seed 004's envelope`));
    }
  });

  it('answers a batch with invalid items with failures[{rawData, errors}] and the item indices', async () => {
    const fixture = readFixture('envelope/004-422-failure.json');
    const items = [
      { name: 'Grace Hopper', email: 'grace@example.com' },
      { name: 'Ada Lovelace', email: 'ada@' },
      { name: '', email: 'alan@example.com' },
    ];
    const outcome = await processBatch(items, {
      validate: (item) => {
        const { name, email } = item as { name: string; email: string };
        if (!email.includes('@example.')) return [{ path: ['email'], message: 'The value must be a valid e-mail address.', code: '6001' }];
        if (name === '') return [{ path: ['name'], message: 'The value must not be empty.', code: '6002' }];
        return [];
      },
      save: () => [],
    });
    if (outcome.ok) throw new Error('expected the batch to fail');
    const built = buildError(outcome.error, { dialect: 'envelope' });
    expect(built.status).toBe(fixture.status);
    expect(built.headers).toEqual(lowerCased(fixture.headers));
    expect(parse(built)).toEqual(fixture.body);
    expect(readError(built).failures.map((failure) => failure.index)).toEqual([1, 2]);
  });

  it('answers an error with error{type, code, message} and an integer code', () => {
    const fixture = readFixture('envelope/004-403-permission.json');
    const built = buildError(createError({ kind: 'forbidden', code: '5002', detail: 'The client may not read invoices.' }), { dialect: 'envelope' });
    expect(built.status).toBe(403);
    expect(built.headers).toEqual(lowerCased(fixture.headers));
    expect(parse(built)).toEqual(fixture.body);
  });

  it("answers a validation error with the first issue's field and the description for developers", () => {
    const fixture = readFixture('envelope/004-400-validation-field.json');
    const built = buildError(
      createError({
        status: 400,
        kind: 'validation',
        code: '6004',
        detail: 'The value must be a date in the future.',
        issues: [{ path: ['dueDate'], message: 'The value must be a date in the future.' }],
        extensions: { description: 'Use an ISO 8601 date, e.g. 2025-02-01.' },
      }),
      { dialect: 'envelope' },
    );
    expect(built.status).toBe(400);
    expect(documentedEnvelope(parse(built))).toEqual(fixture.body);
  });

  it.each([
    ['validation', 'validation', 400],
    ['unauthenticated', 'permission', 401],
    ['forbidden', 'permission', 403],
    ['not_found', 'client', 404],
    ['bad_request', 'client', 400],
    ['unprocessable', 'content', 422],
    ['server', 'system', 500],
  ] as const)('gives a %s error the seed 004 type %s and, without a code, its status %d as the integer code', (kind, type, status) => {
    const built = buildError(createError({ kind }), { dialect: 'envelope' });
    expect(built.status).toBe(status);
    expect(parse(built)).toEqual({ result: 'error', error: { type, code: status, message: createError({ kind }).title } });
  });

  it('names the first issue field', () => {
    const built = buildError(createError({ status: 400, detail: 'Invalid e-mail', issues: [{ path: ['customers', 0, 'email'], message: 'Invalid e-mail' }] }), { dialect: 'envelope' });
    expect(documentedEnvelope(parse(built))).toEqual({ result: 'error', error: { type: 'validation', code: 400, message: 'Invalid e-mail', field: 'customers[0].email' } });
  });

  it('writes in the error object only the members seed 004 documents — type, code, message, description, field — when there is at most one issue', () => {
    const errors = [
      createError({ status: 400, detail: 'Invalid e-mail', issues: [{ path: ['email'], message: 'Invalid e-mail' }] }),
      createError({ kind: 'forbidden', extensions: { description: 'Ask the studio owner' } }),
    ];
    for (const error of errors) {
      const body = parse(buildError(error, { dialect: 'envelope' })) as { error: Record<string, unknown> };
      expect(Object.keys(body.error).filter((name) => !documentedErrorMembers.includes(name)), JSON.stringify(body)).toEqual([]);
    }
  });

  it('adds errors[] to the error object when there are several issues, so that none is lost', () => {
    const error = createError({ status: 400, issues: [{ path: ['email'], message: 'is invalid', code: '6001' }, { path: ['name'], message: 'is required', code: '6002' }] });
    const body = parse(buildError(error, { dialect: 'envelope' })) as { error: Record<string, unknown> };
    expect(body.error).toEqual({
      type: 'validation',
      code: 400,
      message: 'Bad Request',
      field: 'email',
      errors: [
        { field: 'email', message: 'is invalid', code: '6001' },
        { field: 'name', message: 'is required', code: '6002' },
      ],
    });
  });
  it("writes a lone field issue's message as the error object's, and gives the client that issue back", () => {
    const error = createError({ status: 422, issues: [{ path: ['email'], message: 'must be a valid e-mail address' }] });
    const body = parse(buildError(error, { dialect: 'envelope' })) as { error: Record<string, unknown> };
    expect(body.error).toEqual({ type: 'validation', code: 422, message: 'must be a valid e-mail address', field: 'email' });
    const read = normalize(buildError(error, { dialect: 'envelope' }));
    expect(read.ok ? [] : read.error.issues.map(({ path, message }) => ({ path, message }))).toEqual([{ path: ['email'], message: 'must be a valid e-mail address' }]);
  });

  it('adds errors[] when the error object cannot carry a lone issue: a detail of its own, another code, or no field', () => {
    const cases = [
      createError({ status: 422, detail: 'Check the form', issues: [{ path: ['email'], message: 'is invalid', code: 'invalid_format' }] }),
      createError({ status: 422, code: '7', issues: [{ path: ['email'], message: 'is invalid', code: 'invalid_format' }] }),
      createError({ status: 422, issues: [{ path: [], message: 'Passwords do not match', code: 'custom' }] }),
    ];
    for (const error of cases) {
      const read = normalize(buildError(error, { dialect: 'envelope' }));
      const issues = read.ok ? [] : read.error.issues.map(({ path, message, code }) => ({ path, message, code }));
      expect(issues, JSON.stringify(error.issues)).toEqual(error.issues.map(({ path, message, code }) => ({ path, message, code })));
    }
  });

  it('writes code as an Integer in every error object, the status standing in for a code that is not one (seed 004, Error Object)', async () => {
    const codeOf = (error: ApiError): unknown => (parse(buildError(error, { dialect: 'envelope' })) as { error: { code: unknown } }).error.code;
    expect(codeOf(createError({ status: 404, code: 'no_such_user', detail: 'No user 7' }))).toBe(404);
    expect(codeOf(createError({ kind: 'forbidden', code: '007' }))).toBe(7);
    expect(codeOf(createError({ status: 409, code: '12345678901234567890' }))).toBe(409);
    const outcome = await processBatch([{ name: 1 }, { name: '' }], {
      validate: (item) => ((item as { name: unknown }).name === 1 ? [{ path: ['name'], message: 'must be a string', code: 'invalid_type' }] : [{ path: ['name'], message: 'must not be empty', code: '6002' }]),
      save: () => [],
    });
    if (outcome.ok) throw new Error('expected the batch to fail');
    const body = parse(buildError(outcome.error, { dialect: 'envelope' })) as { failures: { errors: { code: unknown }[] }[] };
    expect(body.failures.map((failure) => failure.errors.map((error) => error.code))).toEqual([[422], [6002]]);
  });

  it("keeps seed 004's error type, which client and syntax errors share a kind under, from reading to writing", () => {
    const received = normalize({ status: 400, body: { result: 'error', error: { type: 'syntax', code: 1001, message: 'Malformed JSON', description: 'Line 3' } } });
    if (received.ok) throw new Error('expected an error');
    expect(received.error).toMatchObject({ kind: 'bad_request', code: '1001', extensions: { type: 'syntax', description: 'Line 3' } });
    expect(parse(buildError(received.error, { dialect: 'envelope' }))).toEqual({ result: 'error', error: { type: 'syntax', code: 1001, message: 'Malformed JSON', description: 'Line 3' } });
    // A type that is none of seed 004's six gives way to the kind's.
    expect(parse(buildError(createError({ status: 400, extensions: { type: 'weird' } }), { dialect: 'envelope' }))).toMatchObject({ error: { type: 'client' } });
  });

  it('writes the extensions of an error or a failure beside result, and a client reads them back', () => {
    const extensions = { balance: 30, accounts: ['/account/12345'] };
    const refused = buildError(createError({ status: 403, detail: 'Your balance is 30, but that costs 50', extensions }), { dialect: 'envelope' });
    expect(parse(refused)).toMatchObject({ result: 'error', ...extensions });
    // Seed 004's error `type` comes back beside them.
    expect(readError(refused).extensions).toEqual({ ...extensions, type: 'permission' });
    const failed = buildError(createError({ status: 422, extensions, failures: [{ index: 0, rawData: {}, issues: [{ path: ['name'], message: 'is required' }] }] }), { dialect: 'envelope' });
    expect(parse(failed)).toMatchObject({ result: 'failure', ...extensions });
    expect(readError(failed).extensions).toEqual({ ...extensions, metadata: { invalidItems: [0] } });
  });
});

describe('plain: {code, message} with rate-limit headers (seeds 000 and 003)', () => {
  it('writes {code, message} and X-RateLimit-* and Retry-After headers', () => {
    const fixture = readFixture('plain/000-429-reset-epoch.json');
    const built = buildError(
      createError({
        status: 429,
        code: 'rate_limit_exceeded',
        detail: 'Too many requests hit the API too quickly.',
        retryAfterMs: 30_000,
        rateLimit: { limit: 100, remaining: 0, resetAt: 1_736_942_445_000 },
      }),
      { dialect: 'plain' },
    );
    expect(built.status).toBe(429);
    expect(parse(built)).toEqual(fixture.body);
    expect(built.headers).toEqual({ ...lowerCased(fixture.headers), 'x-ratelimit-remaining': '0', 'retry-after': '30' });
  });

  it('never sends NaN or Infinity as Retry-After or X-RateLimit-* (RFC 9110 §10.2.3: digits), leaving the header out', () => {
    const built = buildError(createError({ status: 429, retryAfterMs: Number.NaN, rateLimit: { limit: Number.POSITIVE_INFINITY, remaining: Number.NaN, resetAt: Number.NaN } }), { dialect: 'plain' });
    expect(built.headers).toEqual({ 'content-type': 'application/json' });
  });

  it('rounds Retry-After up to whole seconds, so that no client comes back early (RFC 9110 §10.2.3)', () => {
    expect(buildError(createError({ status: 503, retryAfterMs: 1_500 }), { dialect: 'plain' }).headers['retry-after']).toBe('2');
  });

  it("writes seed 003's error code and message", () => {
    const fixture = readFixture('plain/003-400-validation-failed.json');
    const built = buildError(createError({ status: 400, code: 'VALIDATION_FAILED', detail: 'Validation of the request failed, check request with specification.' }), { dialect: 'plain' });
    expect(built).toEqual({ status: 400, headers: lowerCased(fixture.headers), body: JSON.stringify(fixture.body) });
  });

  it('writes field issues as errors[{field, message, code}]', () => {
    const built = buildError(createError({ status: 400, code: 'VALIDATION_FAILED', issues: [{ path: ['items', 0, 'name'], message: 'is required', code: 'required' }] }), { dialect: 'plain' });
    expect(parse(built)).toEqual({ code: 'VALIDATION_FAILED', message: 'Bad Request', errors: [{ field: 'items[0].name', message: 'is required', code: 'required' }] });
  });

  it("answers a chunk of a chunked read as seed 003's {result, offset, hasNext}", () => {
    const fixture = readFixture('plain/003-200-chunk-next-id.json');
    const rows = (fixture.body as { result: unknown[] }).result;
    const built = buildOk(rows, { dialect: 'plain', cursor: { offset: '1210206596', hasNext: true } });
    expect(built.headers).toEqual(lowerCased(fixture.headers));
    expect(parse(built)).toEqual(fixture.body);
    expect(readSuccess(built)).toMatchObject({ data: rows, cursor: { offset: '1210206596', hasNext: true } });
  });

  it("refuses a cursor beside data that is no list with a TypeError: seed 003's chunk result is a list of records", () => {
    const cursor = { offset: '8', hasNext: false };
    const noList = new TypeError("A cursor makes seed 003's chunk, whose result is a list: give the records as an array");
    for (const dialect of [undefined, 'problem', 'plain', 'status-message'] as const) {
      for (const data of [{ id: 7 }, 'rows', 7, null, undefined]) expect(() => buildOk(data, { dialect, cursor }), `${String(dialect)} ${String(data)}`).toThrow(noList);
    }
    // The last chunk may be empty.
    expect(parse(buildOk([], { dialect: 'plain', cursor }))).toEqual({ result: [], offset: '8', hasNext: false });
  });

  it('never drops a cursor it is given: a chunk in every dialect but the envelope, which refuses it, as HAL links do, naming what they page by', () => {
    const cursor = { offset: '2', hasNext: true };
    const rows = [{ firstName: 'Eduardo' }, { firstName: 'Terrence' }];
    // The default dialect writes seed 003's chunk for a cursor alone, as it always did.
    for (const dialect of [undefined, 'problem', 'unknown', 'plain', 'status-message'] as const) {
      const built = buildOk(rows, { dialect, cursor });
      expect(built.headers['content-type'], String(dialect)).toBe('application/json');
      expect(parse(built), String(dialect)).toEqual({ result: rows, offset: '2', hasNext: true });
      expect(readSuccess(built), String(dialect)).toMatchObject({ data: rows, cursor });
    }
    expect(() => buildOk(rows, { dialect: 'problem', cursor, links: { self: { href: '/customers' } } })).toThrow(new TypeError('A cursor has no place beside HAL links: give links.next'));
    expect(() => ok(rows, { cursor, embedded: { rows } })).toThrow(new TypeError('A cursor has no place beside HAL links: give links.next'));
    expect(() => buildOk(rows, { dialect: 'envelope', cursor })).toThrow(new TypeError('The envelope dialect has no cursor: give page'));
    // What HAL pages by instead, and faultline/fetch's paginate follows.
    expect(readSuccess(buildOk(rows, { links: { next: { href: '/customers?offset=2' } } })).links).toEqual({ next: { href: '/customers?offset=2' } });
  });
});

describe("extensions named as another dialect's marks", () => {
  const marks = { data: null, __type: 'Foo', statusCode: 422, jsonapi: { version: '1.0' }, kind: 'Status', apiVersion: 'v1', success: false, ok: false };

  it('are left out of a JSON body, so that the client reads the dialect written, with its detail, code and issues', () => {
    for (const dialect of ['plain', 'status-message', 'envelope'] as const) {
      for (const [name, value] of Object.entries(marks)) {
        const extensions = name === 'apiVersion' ? { kind: 'Status', apiVersion: 'v1' } : { [name]: value };
        const error = createError({ status: 422, detail: 'My detail', code: 'MY_CODE', issues: [{ path: ['email'], message: 'bad email' }], extensions });
        const read = normalize(buildError(error, { dialect }));
        const label = `${name} in ${dialect}`;
        expect(read.ok ? undefined : read.error.dialect, label).toBe(dialect);
        expect(read.ok ? undefined : read.error.detail, label).toBe('My detail');
        expect(read.ok ? [] : read.error.issues.map((issue) => issue.message), label).toEqual(['bad email']);
      }
    }
  });

  it('are kept in a problem, which its media type names', () => {
    const error = createError({ status: 422, extensions: { data: null, success: false, statusCode: 422 } });
    expect(parse(buildError(error, { dialect: 'problem' }))).toMatchObject({ data: null, success: false, statusCode: 422 });
  });
});

describe('extra headers given more than once', () => {
  const repeated: [string, string][] = [
    ['Link', '</a>; rel="next"'],
    ['Link', '</b>; rel="last"'],
    ['Set-Cookie', 'a=1'],
    ['Set-Cookie', 'b=2'],
  ];

  it('are all sent by toResponse and ok: list fields joined (RFC 9110 §5.3), each cookie apart (RFC 6265 §3)', () => {
    for (const response of [toResponse(createError({ kind: 'not_found' }), { headers: repeated }), ok({ id: 1 }, { headers: repeated })]) {
      expect(response.headers.get('link')).toBe('</a>; rel="next", </b>; rel="last"');
      expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    }
  });

  it('are joined in a { status, headers, body } record, where a second Set-Cookie is a TypeError rather than dropped', () => {
    expect(buildOk({ id: 1 }, { headers: repeated.slice(0, 2) }).headers['link']).toBe('</a>; rel="next", </b>; rel="last"');
    expect(() => buildOk({ id: 1 }, { headers: repeated })).toThrow(/Set-Cookie given twice/);
    expect(() => buildError(createError({ kind: 'not_found' }), { headers: repeated })).toThrow(TypeError);
    expect(buildOk({ id: 1 }, { headers: [['Set-Cookie', 'a=1']] }).headers['set-cookie']).toBe('a=1');
  });
});

describe('links outside HAL', () => {
  it('go in an RFC 8288 Link header in every dialect but the problem one, which writes them in _links', () => {
    const links = { next: { href: '/items?page=2' }, last: [{ href: '/items?page=9' }], search: { href: '/items{?q}', templated: true } };
    for (const dialect of ['plain', 'status-message', 'envelope'] as const) {
      const built = buildOk([{ id: 1 }], { dialect, links, headers: { Link: '</docs>; rel="help"' } });
      expect(built.headers['link'], dialect).toBe('</items?page=2>; rel="next", </items?page=9>; rel="last", </docs>; rel="help"');
    }
    const hal = buildOk({ id: 1 }, { dialect: 'problem', links });
    expect(hal.headers['link']).toBeUndefined();
    expect(JSON.parse(hal.body)).toMatchObject({ _links: { next: { href: '/items?page=2' } } });
  });

  it('keep `>`, `"` and `\\` from ending the reference or the relation, and percent-encode what a header cannot carry', () => {
    expect(buildOk([], { dialect: 'plain', links: { 'x"y': { href: '/a>b' }, 'x\\': { href: '/c d' } } }).headers['link']).toBe('</a%3Eb>; rel="x%22y", </c%20d>; rel="x%5C"');
    const response = ok([], { dialect: 'plain', links: { next: { href: '/search?q=日本&page=2' } } });
    expect(response.headers.get('link')).toBe('</search?q=%E6%97%A5%E6%9C%AC&page=2>; rel="next"');
    // From JavaScript, a link without a string href is left out rather than crashing the answer.
    expect(buildOk([], { dialect: 'plain', links: { next: { href: 7 } as never, prev: { href: '/p1' } } }).headers['link']).toBe('</p1>; rel="prev"');
  });
});

describe('a 205 Reset Content', () => {
  it('has no body and no Content-Type (RFC 9110 §15.3.6), like a 204', async () => {
    expect(buildOk({ id: 1 }, { status: 205 })).toEqual({ status: 205, headers: {}, body: '' });
    const response = ok({ id: 1 }, { status: 205 });
    expect(response.status).toBe(205);
    expect(await response.text()).toBe('');
  });
});

describe('toResponse and ok give real Web Responses', () => {
  async function expectSameResponse(response: Response, built: BuiltResponse): Promise<void> {
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(built.status);
    expect(Object.fromEntries(response.headers.entries())).toEqual(built.headers);
    if (built.body === '') expect(response.body).toBeNull();
    expect(await response.text()).toBe(built.body);
  }

  it('with the status, headers and body of buildError, in every dialect', async () => {
    const error = createError({ kind: 'rate_limited', detail: 'Slow down', requestId: 'req-1', retryAfterMs: 30_000, rateLimit: { limit: 1000, remaining: 0 }, issues: [{ path: ['q'], message: 'too long' }] });
    for (const dialect of ['problem', 'status-message', 'plain', 'envelope'] as const) {
      const options = { dialect, headers: { 'Cache-Control': 'no-store' } };
      await expectSameResponse(toResponse(error, options), buildError(error, options));
    }
  });

  it('with the status, headers and body of buildOk, 204 included', async () => {
    const cases = [
      [{ id: 7 }, { status: 201, location: '/v1/campaigns/7', links: { self: { href: '/v1/campaigns/7' } } }],
      [[1, 2], { dialect: 'envelope', page: { page: 1 } }],
      [[1, 2], { dialect: 'plain', cursor: { offset: '2', hasNext: false } }],
      [undefined, { status: 204 }],
      [{ id: 7 }, { status: 204, headers: { etag: '"v7"' } }],
    ] as const;
    for (const [data, options] of cases) await expectSameResponse(ok(data, options), buildOk(data, options));
    const noContent = ok(undefined, { status: 204 });
    expect(noContent.headers.get('content-type')).toBeNull();
  });

  it('with extra headers winning over faultline own', () => {
    const response = toResponse(createError({ status: 404 }), { headers: { 'Content-Type': 'application/vnd.acme.problem+json' } });
    expect(response.headers.get('content-type')).toBe('application/vnd.acme.problem+json');
  });
});

describe('the dialect option', () => {
  const error = createError({ status: 404, detail: 'No campaign 7' });

  it('takes null from JavaScript for none, as every option: the default, problem', () => {
    expect(buildError(error, { dialect: null as unknown as Dialect })).toEqual(buildError(error));
    expect(buildOk({ id: 7 }, { dialect: null as unknown as Dialect })).toEqual(buildOk({ id: 7 }));
  });

  it('takes any Dialect, as DESIGN.md types it, and a builder of your own', () => {
    expectTypeOf<NonNullable<ErrorResponseOptions['dialect']>>().toEqualTypeOf<Dialect | DialectBuilder>();
    expectTypeOf<NonNullable<OkOptions['dialect']>>().toEqualTypeOf<Dialect | DialectBuilder>();
    // A variable typed Dialect, as a test written from DESIGN.md holds one, compiles.
    const dialect: Dialect = 'envelope';
    expect(JSON.parse(buildError(error, { dialect }).body)).toMatchObject({ result: 'error' });
  });

  it('answers a dialect faultline only reads in problem, as a gateway passing on error.dialect would want', async () => {
    const upstream = normalize({ status: 402, headers: { 'request-id': 'req_1' }, body: { error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' } } });
    expect(upstream.ok).toBe(false);
    if (upstream.ok) return;
    expect(upstream.error.dialect).toBe('stripe');
    const response = toResponse(upstream.error, { dialect: upstream.error.dialect as Dialect });
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 402, detail: 'Your card was declined.', code: 'card_declined' });
    for (const read of ['graphql', 'json-api', 'aws', 'json-rpc'] as const) {
      expect(buildError(error, { dialect: read })).toEqual(buildError(error));
      expect(buildOk({ id: 7 }, { dialect: read })).toEqual(buildOk({ id: 7 }));
    }
    expect(createApiKeyGuard({ verify: () => true, dialect: 'aws' })).toBeTypeOf('function');
  });

  it('refuses any other name from JavaScript with a TypeError naming the dialects it writes', () => {
    const refusal = new TypeError('Unknown dialect Problem; use one of plain, problem, status-message, envelope, or a dialect faultline reads (answered in problem)');
    expect(() => toResponse(error, { dialect: 'Problem' as Dialect })).toThrow(refusal);
    for (const dialect of ['acme', 'Problem', '', 'toString', '__proto__', 'hasOwnProperty'] as unknown as Dialect[]) {
      expect(() => buildError(error, { dialect }), String(dialect)).toThrow(TypeError);
      expect(() => buildOk({ id: 7 }, { dialect }), String(dialect)).toThrow(TypeError);
    }
  });

  it('takes unknown, the dialect of an error no reader knew, for the default: problem', () => {
    expect(buildError(error, { dialect: 'unknown' })).toEqual(buildError(error));
    expect(buildError(error, { dialect: 'unknown' }).headers['content-type']).toBe('application/problem+json');
    const links = { self: { href: '/campaigns/7' } };
    expect(buildOk({ id: 7 }, { dialect: 'unknown', links })).toEqual(buildOk({ id: 7 }, { links }));
  });
});

describe('successes in the problem dialect, seed 001: "We use HAL (application/hal+json) for successful responses (2xx)"', () => {
  it('labels every object HAL, with or without controls, and reads it back as the data', async () => {
    for (const status of [200, 201, 202]) {
      const response = ok({ id: 7, name: 'Spring sale' }, { status });
      expect(response.headers.get('content-type')).toBe('application/hal+json');
      const read = await normalizeResponse(response);
      expect(read).toMatchObject({ ok: true, value: { status, dialect: 'problem', data: { id: 7, name: 'Spring sale' } } });
    }
    expect(ok({ id: 7 }, { dialect: 'problem', links: { self: { href: '/campaigns/7' } } }).headers.get('content-type')).toBe('application/hal+json');
  });

  it("labels plain JSON an object with `result`, the seeds' own shapes: a chunk or an envelope built by hand keeps its cursor and page", async () => {
    const chunk = ok({ result: [1, 2], offset: '2', hasNext: true });
    expect(chunk.headers.get('content-type')).toBe('application/json');
    expect(await normalizeResponse(chunk)).toMatchObject({ ok: true, value: { data: [1, 2], cursor: { offset: '2', hasNext: true } } });
    const envelope = ok({ result: 'success', items: [{ id: 1 }], metadata: { page: 1, pagesCount: 3 } });
    expect(await normalizeResponse(envelope)).toMatchObject({ ok: true, value: { dialect: 'envelope', page: { page: 1, pagesCount: 3 } } });
    // With HAL controls it is HAL, whatever else it holds.
    const hal = ok({ result: [1] }, { links: { self: { href: '/x' } } });
    expect(hal.headers.get('content-type')).toBe('application/hal+json');
    expect(await normalizeResponse(hal)).toMatchObject({ ok: true, value: { dialect: 'problem', data: { result: [1] }, links: { self: { href: '/x' } } } });
  });

  it('reads a HAL success as the data it is, whatever members it has: HAL names the dialect', () => {
    // A payment attempt's or a CI run's `result` is data under HAL, never an envelope's error.
    for (const body of [{ id: 1, result: 'failure' }, { id: 9, result: 'error', error: { type: 'system', code: 1, message: 'conversion failed' } }, { result: 'ok', offset: 3, hasNext: false }]) {
      expect(normalize({ status: 200, headers: { 'content-type': 'application/hal+json' }, body }), JSON.stringify(body)).toMatchObject({ ok: true, value: { dialect: 'problem', data: body } });
    }
  });

  it('labels a value by the JSON text it has: a Date is a string, a toJSON giving a list is a list', () => {
    expect(ok(new Date(0)).headers.get('content-type')).toBe('application/json');
    expect(ok({ toJSON: () => [1, 2] }).headers.get('content-type')).toBe('application/json');
  });

  it('labels a list, a text and seed 003 chunk plain JSON, which no HAL resource is', async () => {
    expect(ok([1, 2]).headers.get('content-type')).toBe('application/json');
    expect(ok('done').headers.get('content-type')).toBe('application/json');
    const chunk = ok([{ id: 1 }], { cursor: { offset: '1', hasNext: true } });
    expect(chunk.headers.get('content-type')).toBe('application/json');
    expect(await normalizeResponse(chunk)).toMatchObject({ ok: true, value: { data: [{ id: 1 }], cursor: { offset: '1', hasNext: true } } });
    expect(ok(undefined, { status: 204 }).headers.get('content-type')).toBeNull();
  });
});

describe('ok and buildOk are generic in their data, as DESIGN.md writes them', () => {
  it('takes the type of the data as a type argument and checks the data against it', async () => {
    const response = ok<{ id: number }>({ id: 1 });
    expect(await response.json()).toEqual({ id: 1 });
    expect(JSON.parse(buildOk<readonly number[]>([1, 2]).body)).toEqual([1, 2]);
    // @ts-expect-error the data is no { id: number }
    ok<{ id: number }>({ id: '1' });
    expectTypeOf(ok<{ id: number }>).parameter(0).toEqualTypeOf<{ id: number }>();
  });
});

describe('fromError on what a route throws', () => {
  it("answers a route's own upstream time-out with 504 and a failed connection with 502, their messages hidden", () => {
    const timeout = fromError(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    expect(timeout).toMatchObject({ kind: 'timeout', status: 504 });
    expect(timeout.detail).toBeUndefined();
    const failed = fromError(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 10.0.0.7:443') }));
    expect(failed).toMatchObject({ kind: 'unavailable', status: 502, title: 'Bad Gateway' });
    expect(JSON.stringify(buildError(failed).body)).not.toContain('ECONNREFUSED');
    // Any other TypeError is a bug of this server's: a 500.
    expect(fromError(new TypeError("Cannot read properties of undefined (reading 'id')")).status).toBe(500);
  });

  it('lets a time-out or failed fetch that names its own status keep it, and shows their message with expose', () => {
    const named = Object.assign(new DOMException('Upstream slow', 'TimeoutError'), { status: 408, expose: true });
    expect(fromError(named)).toMatchObject({ status: 408, detail: 'Upstream slow' });
    expect(fromError(new TypeError('fetch failed'), { expose: true })).toMatchObject({ status: 502, detail: 'fetch failed' });
  });

  it('shows the message of a thrown plain object with a 4xx status, as of an http-errors error', () => {
    expect(fromError({ status: 404, message: 'No campaign 7' })).toMatchObject({ kind: 'not_found', detail: 'No campaign 7' });
    expect(fromError({ status: 500, message: 'db password is hunter2' }).detail).toBeUndefined();
  });
});

describe('an error of a status that is no error status', () => {
  it("is answered with its kind's status and that status's title, not the old one's", () => {
    const built = buildError(createError({ status: 302 }), { dialect: 'problem' });
    expect(built.status).toBe(500);
    expect(JSON.parse(built.body)).toMatchObject({ title: 'Internal Server Error', status: 500 });
    // A title of the caller's own stays.
    expect(JSON.parse(buildError(createError({ status: 302, title: 'Moved away' })).body)).toMatchObject({ title: 'Moved away' });
  });
});

describe('rate-limit figures that are no counts', () => {
  it('are left out of the X-RateLimit-* headers rather than sent as -1 or 2.5', () => {
    const built = buildError(createError({ kind: 'rate_limited', rateLimit: { limit: -1, remaining: 2.5, resetAt: -1000 } }));
    expect(built.headers).not.toHaveProperty('x-ratelimit-limit');
    expect(built.headers).not.toHaveProperty('x-ratelimit-remaining');
    expect(built.headers).not.toHaveProperty('x-ratelimit-reset');
    expect(buildError(createError({ kind: 'rate_limited', rateLimit: { limit: 60, remaining: 0 } })).headers).toMatchObject({ 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0' });
  });
});

describe('createError', () => {
  /** DESIGN.md "The model": the kind follows the status, field issues making a 400 or 422 a validation error. */
  const kindsByStatus: readonly (readonly [number, boolean, ErrorKind])[] = [
    [400, false, 'bad_request'],
    [400, true, 'validation'],
    [401, false, 'unauthenticated'],
    [403, false, 'forbidden'],
    [404, false, 'not_found'],
    [405, false, 'method_not_allowed'],
    [408, false, 'timeout'],
    [409, false, 'conflict'],
    [413, false, 'payload_too_large'],
    [418, false, 'bad_request'],
    [422, false, 'unprocessable'],
    [422, true, 'validation'],
    [429, false, 'rate_limited'],
    [499, false, 'bad_request'],
    [500, false, 'server'],
    [501, false, 'not_implemented'],
    [502, false, 'unavailable'],
    [503, false, 'unavailable'],
    [504, false, 'timeout'],
    [599, false, 'server'],
  ];

  it.each(kindsByStatus)('fills the kind of a %d (issues: %s) as %s', (status, withIssues, kind) => {
    const error = createError({ status, issues: withIssues ? [{ path: ['email'], message: 'is invalid' }] : [] });
    expect(error).toMatchObject({ kind, status });
  });

  it.each([400, 422])('fills the kind of a %d with batch failures as validation, as the envelope reader takes it back', (status) => {
    const failures = [{ index: 1, rawData: { name: '' }, issues: [{ path: ['name'], message: 'is required' }] }];
    const error = createError({ status, failures });
    expect(error).toMatchObject({ kind: 'validation', status, issues: [] });
    expect(readError(buildError(error, { dialect: 'envelope' }))).toMatchObject({ kind: 'validation', status });
    expect(createError({ status, kind: 'unprocessable', failures }).kind).toBe('unprocessable');
  });

  /** The seeds' statuses for each kind; seeds 001 and 003 answer validation failures with 400. */
  const statusesByKind: readonly (readonly [ErrorKind, number])[] = [
    ['bad_request', 400],
    ['validation', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['method_not_allowed', 405],
    ['conflict', 409],
    ['payload_too_large', 413],
    ['unprocessable', 422],
    ['rate_limited', 429],
    ['server', 500],
    ['not_implemented', 501],
    ['unavailable', 503],
  ];

  it.each(statusesByKind)('fills the status of %s as %d', (kind, status) => {
    expect(createError({ kind })).toMatchObject({ kind, status, title: createError({ status }).title });
    expect(toStatus(kind)).toBe(status);
  });

  it('answers every kind with an error status, and keeps a kind and a status given together', () => {
    for (const kind of errorKinds) {
      const { status } = buildError(createError({ kind }));
      expect(status, kind).toBe(toStatus(kind));
      expect(status, kind).toBeGreaterThanOrEqual(400);
      expect(status, kind).toBeLessThanOrEqual(599);
    }
    expect(createError({ kind: 'server', status: 200 })).toMatchObject({ kind: 'server', status: 200 });
  });

  /** DESIGN.md: "status absent for network / timeout / aborted"; the builders answer 502, 504 and 499, as before. */
  it('gives a server time-out and a failed upstream the status they are answered with, 504 and 502', () => {
    expect(createError({ kind: 'timeout' })).toMatchObject({ kind: 'timeout', status: 504, title: 'Gateway Timeout', retryable: true });
    expect(createError({ kind: 'network' })).toMatchObject({ kind: 'network', status: 502, title: 'Bad Gateway', retryable: true });
    expect(createError({ kind: 'timeout', status: 408 })).toMatchObject({ kind: 'timeout', status: 408, title: 'Request Timeout' });
  });

  it('leaves the status of an aborted error absent, as the model types it, a given one included, and buildError answers it with 499', () => {
    for (const init of [{ kind: 'aborted', detail: 'No answer' }, { kind: 'aborted', status: 499, detail: 'No answer' }] as const) {
      const error = createError(init);
      expect(error).not.toHaveProperty('status');
      expect(error).toMatchObject({ kind: 'aborted', retryable: false });
      for (const dialect of ['problem', 'status-message', 'plain', 'envelope'] as const) expect(buildError(error, { dialect }).status, dialect).toBe(499);
      expect(JSON.parse(buildError(error).body)).toEqual({ title: 'Aborted', status: 499, detail: 'No answer' });
    }
    // A status that is none is still a mistake said at once.
    expect(() => createError({ kind: 'aborted', status: 9999 })).toThrow(TypeError);
  });

  it('localizes the title of a time-out as the title of the status it is answered with', () => {
    const resources = { en: readLocale('en'), de: readLocale('de') };
    const localizer = createLocalizer({ resources });
    const gatewayTimeout = (resources.de as { status: Record<string, string> }).status['504'];
    expect(gatewayTimeout).toBeTypeOf('string');
    expect(JSON.parse(buildError(createError({ kind: 'timeout' }), { language: 'de', localizer }).body)).toMatchObject({ status: 504, title: gatewayTimeout });
  });

  it('reads a time-out, a failed upstream and an aborted error back, as a client, with the status they were answered with', () => {
    expect(readError(buildError(createError({ kind: 'timeout' })))).toMatchObject({ kind: 'timeout', status: 504, title: 'Gateway Timeout', retryable: true });
    expect(readError(buildError(createError({ kind: 'network' }), { dialect: 'plain' }))).toMatchObject({ kind: 'unavailable', status: 502, title: 'Bad Gateway', retryable: true });
    expect(readError(buildError(createError({ kind: 'aborted' }), { dialect: 'status-message' }))).toMatchObject({ kind: 'bad_request', status: 499, detail: 'Aborted', retryable: false });
  });

  it("refuses success options of the wrong type, which were written letter by letter or as they were", () => {
    // `page: 'x'` became `metadata: {"0": "x"}`, `links: 'x'` a `_links` that is no HAL.
    expect(() => buildOk([1], { dialect: 'envelope', page: 'x' as never })).toThrow(new TypeError("ok's page must be an object"));
    expect(() => buildOk({ a: 1 }, { dialect: 'problem', links: 'x' as never })).toThrow(new TypeError("ok's links must be an object"));
    expect(() => buildOk([1], { dialect: 'envelope', batch: [1] as never })).toThrow(new TypeError("ok's batch must be an object"));
    expect(() => buildOk({ a: 1 }, { status: '201' as never })).toThrow(new TypeError('ok needs a 2xx status; got "201"'));
    // A text was written as one header per letter, named "0", "1", ...
    expect(() => buildOk({ a: 1 }, { headers: 'x-a: 1' as never })).toThrow(new TypeError('headers must be a Headers, a record or [name, value] pairs, not a string'));
    expect(() => buildError(createError({ status: 404 }), { headers: 5 as never })).toThrow(new TypeError('headers must be a Headers, a record or [name, value] pairs, not a number'));
  });

  it('refuses an API-key guard without verify when made, which failed each request with a key as a 500', () => {
    expect(() => createApiKeyGuard({} as never)).toThrow(new TypeError('createApiKeyGuard needs verify, a function'));
    expect(() => createApiKeyGuard({ keys: ['abc'] } as never)).toThrow(new TypeError('createApiKeyGuard needs verify, a function'));
  });

  it('titles an error with the status text (RFC 9110 §15) unless given a title', () => {
    expect(createError({ status: 404 }).title).toBe('Not Found');
    expect(createError({ status: 429 }).title).toBe('Too Many Requests');
    expect(createError({ status: 404, title: 'No such campaign' }).title).toBe('No such campaign');
  });

  it('refuses a status that is not an HTTP status with a TypeError', () => {
    for (const status of [0, 99, 600, -404, 404.5, Number.NaN, Number.POSITIVE_INFINITY, '404' as unknown as number]) {
      expect(() => createError({ status }), String(status)).toThrow(TypeError);
    }
    expect(() => createError({} as CreateErrorInit)).toThrow(TypeError);
    expect(() => createError(null as unknown as CreateErrorInit)).toThrow(TypeError);
  });

  it('refuses a kind the model does not have, naming the kinds it has', () => {
    expect(() => createError({ kind: 'nope' as ErrorKind })).toThrow(new TypeError(`Unknown kind nope; use one of ${errorKinds.join(', ')}`));
  });

  it('refuses a member the model has not, or of another type, with a TypeError rather than dropping it', () => {
    // `message` is the usual slip (the model says `detail`); others are extension members given outside `extensions`.
    const noMember = (key: string, type: string) => new TypeError(`createError: ApiError has no \`${key}\` of type ${type} (\`detail\` explains; extension members go in \`extensions\`)`);
    expect(() => createError({ status: 404, message: 'No user 7' } as CreateErrorInit)).toThrow(noMember('message', 'string'));
    expect(() => createError({ status: 402, balance: 30 } as CreateErrorInit)).toThrow(noMember('balance', 'number'));
    const wrongTypes: [string, unknown, string][] = [['title', 42, 'number'], ['detail', 42, 'number'], ['type', {}, 'object'], ['instance', 7, 'number'], ['requestId', 1, 'number'], ['traceId', true, 'boolean'], ['retryAfterMs', '1000', 'string'], ['retryable', 'yes', 'string'], ['dialect', 3, 'number'], ['rateLimit', 5, 'number'], ['code', true, 'boolean']];
    for (const [key, value, type] of wrongTypes) {
      expect(() => createError({ status: 429, [key]: value } as CreateErrorInit), key).toThrow(noMember(key, type));
    }
    // Nothing was given: an absent member is no mistake, nor a `null` one (a database's), nor a code that is NaN.
    expect(createError({ status: 404, detail: undefined, message: undefined } as CreateErrorInit)).toMatchObject({ kind: 'not_found', title: 'Not Found' });
    const nulls = createError({ status: 404, detail: null, requestId: null, code: Number.NaN } as unknown as CreateErrorInit);
    expect(nulls).toMatchObject({ kind: 'not_found' });
    for (const key of ['detail', 'requestId', 'code']) expect(nulls).not.toHaveProperty(key);
  });

  it('keeps a numeric code as the model keeps codes, as a string', () => {
    expect(createError({ status: 400, code: 1001 })).toMatchObject({ code: '1001' });
    expect(JSON.parse(buildError(createError({ kind: 'validation', code: 1001 }), { dialect: 'plain' }).body)).toMatchObject({ code: '1001' });
  });

  it('refuses issues and failures not of the model shape, naming which, rather than dropping or misreading them', () => {
    const noIssue = (at: string) => new TypeError(`createError: ${at} is no Issue ({ path: (string | number)[], message, field?, code?, params? })`);
    // A path given as text would have been spread into its letters (['e', 'm', 'a', 'i', 'l']).
    expect(() => createError({ status: 422, issues: [{ path: 'email' as unknown as string[], message: 'is invalid' }] })).toThrow(noIssue('issues[0]'));
    expect(() => createError({ status: 422, issues: [{ path: ['a'], message: 'ok' }, { message: 'no path' } as Issue] })).toThrow(noIssue('issues[1]'));
    expect(() => createError({ status: 422, issues: [{ path: [{}] as unknown as string[], message: 'x' }] })).toThrow(noIssue('issues[0]'));
    expect(() => createError({ status: 422, issues: [{ path: [], message: 42 as unknown as string }] })).toThrow(noIssue('issues[0]'));
    expect(() => createError({ status: 422, issues: [{ path: [], message: 'x', field: 3 as unknown as string }] })).toThrow(noIssue('issues[0]'));
    // A validator's issues carry more than the model holds (zod's `expected`, Joi's `type`): taken as issues.
    expect(createError({ status: 422, issues: [{ path: ['age'], message: 'Too small', code: 'too_small', expected: 'number' } as Issue] }).issues).toEqual([{ path: ['age'], message: 'Too small', code: 'too_small' }]);
    // Seed 004's codes are integers; `null` is no member.
    expect(createError({ status: 422, issues: [{ path: ['qty'], message: 'Must be positive', code: 1001 as unknown as string, field: null as unknown as string }] }).issues).toEqual([{ path: ['qty'], message: 'Must be positive', code: '1001' }]);
    expect(() => createError({ status: 422, issues: [{ path: [], message: 'x', code: { id: 1 } as unknown as string }] })).toThrow(noIssue('issues[0]'));
    expect(() => createError({ status: 422, issues: ['is invalid' as unknown as Issue] })).toThrow(noIssue('issues[0]'));
    expect(() => createError({ status: 422, issues: { email: 'is invalid' } as unknown as Issue[] })).toThrow(new TypeError('createError: issues must be an array'));
    expect(() => createError({ status: 422, failures: [{ index: -1, rawData: {}, issues: [] }] })).toThrow(new TypeError('createError: failures[0] is no ItemFailure ({ index, rawData, issues })'));
    expect(() => createError({ status: 422, failures: [{ index: 0, rawData: {}, issues: [{ path: 'x' }] } as unknown as ItemFailure] })).toThrow(noIssue('failures[0].issues[0]'));
    // An issue of no field has the path [] (DESIGN.md).
    expect(createError({ status: 422, issues: [{ path: [], message: 'Too many items' }] }).issues).toEqual([{ path: [], message: 'Too many items' }]);
  });

  it('refuses to build a thrown Error or any other object that is no ApiError, pointing to fromError', () => {
    for (const given of [new Error('x'), { foo: 1 }, undefined, { kind: 'not_found' }]) {
      expect(() => buildError(given as ApiError), String(given)).toThrow(new TypeError('Not an ApiError: use createError, or fromError(thrown)'));
      expect(() => toResponse(given as ApiError)).toThrow(TypeError);
    }
    expect(buildError(fromError(new Error('x'))).status).toBe(500);
  });

  it('reads only the own members of its init, its issues and failures while Object.prototype is polluted', () => {
    const inits: CreateErrorInit[] = [
      { status: 404 },
      { kind: 'not_found' },
      { status: 400, issues: [{ path: ['email'], message: 'is invalid' }], failures: [{ index: 0, rawData: {}, issues: [{ path: ['name'], message: 'is required' }] }] },
    ];
    const clean = inits.map((init) => createError(init));
    // Pollution as a JSON merge leaves it: assigned, so enumerable.
    const pollution = { kind: 'POLLUTED', status: 200, title: 'Polluted', detail: 'polluted', code: 'polluted', field: 'polluted', params: { polluted: true }, type: 'polluted', instance: '/polluted', requestId: 'polluted', retryAfterMs: 1, retryable: true, dialect: 'polluted' };
    let polluted: unknown[] | undefined;
    try {
      Object.assign(Object.prototype, pollution);
      polluted = inits.map((init) => createError(init));
    } finally {
      for (const key of Object.keys(pollution)) delete (Object.prototype as Record<string, unknown>)[key];
    }
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(polluted).toEqual(clean);
  });

  it("copies the caller's issues and extensions and returns a frozen error", () => {
    const issues = [{ path: ['email'], message: 'is invalid' }];
    const extensions: Record<string, unknown> = { balance: 30 };
    const error = createError({ status: 400, issues, extensions });
    issues.push({ path: ['name'], message: 'is required' });
    extensions['balance'] = 0;
    expect(Object.isFrozen(issues)).toBe(false);
    expect(Object.isFrozen(error)).toBe(true);
    expect(error.issues).toHaveLength(1);
    expect(error.extensions).toEqual({ balance: 30 });
  });
});

describe('processBatch (seed 004: all items saved, or none)', () => {
  const isValid = (item: unknown): boolean => typeof item === 'object' && item !== null && typeof (item as { name?: unknown }).name === 'string' && (item as { name: string }).name !== '';

  function counted(): { saves: unknown[][]; save: (items: unknown[]) => unknown[] } {
    const saves: unknown[][] = [];
    return { saves, save: (items) => (saves.push(items), items.map((item, index) => ({ id: index + 1, ...(item as object) }))) };
  }

  it('saves nothing when any item is invalid', async () => {
    for (const items of [[{ name: '' }], [{ name: 'Ada' }, { name: '' }], [{ name: 'Ada' }, { name: 'Alan' }, {}], [{}, {}, {}]]) {
      const { saves, save } = counted();
      const outcome = await processBatch(items, { validate: async (item) => (isValid(item) ? [] : [{ path: ['name'], message: 'is required' }]), save });
      expect(saves, JSON.stringify(items)).toHaveLength(0);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.error).toMatchObject({ kind: 'validation', status: 422 });
      expect(outcome.error.failures.map((failure) => failure.index)).toEqual(items.flatMap((item, index) => (isValid(item) ? [] : [index])));
    }
  });

  it('saves every item, once, when all are valid, and reports the batch figures', async () => {
    const { saves, save } = counted();
    const items = [{ name: 'Ada' }, { name: 'Alan' }, { name: 'Grace' }];
    const outcome = await processBatch(items, { validate: () => undefined, save });
    expect(saves).toEqual([items]);
    expect(outcome).toEqual({ ok: true, data: [{ id: 1, name: 'Ada' }, { id: 2, name: 'Alan' }, { id: 3, name: 'Grace' }], batch: { receivedItemsCount: 3, validItems: [0, 1, 2], invalidItems: [] } });
  });

  it('takes an issue without a path, from a plain JavaScript validator, for one about the item as a whole', async () => {
    const { save } = counted();
    const validate = ((item: unknown) => (isValid(item) ? [] : [{ message: 'is not a customer' }])) as unknown as BatchOptions<unknown>['validate'];
    const outcome = await processBatch([{ name: 'Ada' }, 7], { validate, save });
    expect(outcome).toMatchObject({ ok: false, error: { status: 422, issues: [{ path: [1], message: 'is not a customer' }], failures: [{ index: 1, rawData: 7, issues: [{ path: [], message: 'is not a customer' }] }] } });
  });

  it("answers its failures in every dialect with the items' issues, read back by the index of each item", async () => {
    const outcome = await processBatch([{ name: 'Ada' }, { name: '' }], { validate: (item) => (isValid(item) ? [] : [{ path: ['name'], message: 'is required' }]), save: (items) => items });
    if (outcome.ok) return expect.unreachable('the batch has an invalid item');
    for (const dialect of ['problem', 'status-message', 'plain', 'envelope'] as const) {
      const built = buildError(outcome.error, { dialect });
      const read = normalize({ status: built.status, headers: built.headers, body: built.body });
      expect(read, dialect).toMatchObject({ ok: false, error: { kind: 'validation', status: 422, issues: [{ path: [1, 'name'], message: 'is required' }] } });
      if (!read.ok) expect(read.error.issues, dialect).toHaveLength(1);
    }
  });

  it("writes the failures of an error made without issues as the items' issues where the dialect has no failures", () => {
    const error = createError({ status: 422, failures: [{ index: 2, rawData: { name: '' }, issues: [{ path: ['name'], message: 'Name is required', code: 'required' }] }] });
    for (const dialect of ['problem', 'status-message', 'plain'] as const) {
      const built = buildError(error, { dialect });
      expect(built.body, dialect).not.toContain('rawData');
      const read = normalize({ status: built.status, headers: built.headers, body: built.body });
      expect(read, dialect).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ path: [2, 'name'], message: 'Name is required' }] } });
    }
  });

  it("takes a schema library's issues as a validator returns them, keeping the model's members", async () => {
    const { save } = counted();
    // zod 4's issues carry more than the model's: `expected`, `input`.
    const validate = ((item: unknown) => (isValid(item) ? [] : [{ code: 'invalid_type', expected: 'string', input: 7, path: ['name'], message: 'Invalid input: expected string' }])) as unknown as BatchOptions<unknown>['validate'];
    const outcome = await processBatch([{ name: 'Ada' }, { name: 7 }], { validate, save });
    expect(outcome).toMatchObject({ ok: false, error: { failures: [{ index: 1, issues: [{ path: ['name'], message: 'Invalid input: expected string', code: 'invalid_type' }] }] } });
  });

  it("keeps fromZodError's params of a validator's issues, which faultline/i18n words its messages from", async () => {
    const { save } = counted();
    const validate = (item: unknown) => (isValid(item) ? [] : [{ path: ['name'], message: 'Too small: expected string to have >=3 characters', code: 'too_small', params: { origin: 'string', minimum: 3, inclusive: true } }]);
    const outcome = await processBatch([{ name: '' }], { validate, save });
    expect(outcome).toMatchObject({ ok: false, error: { failures: [{ index: 0, issues: [{ code: 'too_small', params: { origin: 'string', minimum: 3 } }] }] } });
  });

  it('refuses options without a validate or save function at once, rather than on the first item', async () => {
    for (const options of [undefined, {}, { validate: () => [] }, { validate: 5, save: () => [] }]) {
      await expect(processBatch([{ name: 'Ada' }], options as unknown as BatchOptions<unknown>), JSON.stringify(options)).rejects.toThrow(new TypeError('processBatch needs a validate and a save function'));
    }
  });

  it('says what is wrong when a validator returns something that is no list of issues', async () => {
    const { saves, save } = counted();
    const validate = (() => true) as unknown as BatchOptions<unknown>['validate'];
    await expect(processBatch([{ name: 'Ada' }], { validate, save })).rejects.toThrow(new TypeError('validate returned boolean for item 0, not a list of issues'));
    expect(saves).toHaveLength(0);
  });

  it('saves nothing and answers bad_request when the body is not an array of items', async () => {
    const { saves, save } = counted();
    const outcome = await processBatch({ name: 'Ada' }, { validate: () => [], save });
    expect(saves).toHaveLength(0);
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'bad_request', status: 400 } });
  });
});

describe('createApiKeyGuard (seed 003: x-api-key; HEAD only checks the key)', () => {
  function makeGuard(): { guard: ReturnType<typeof createApiKeyGuard>; checked: string[] } {
    const checked: string[] = [];
    const guard = createApiKeyGuard({ verify: (key) => (checked.push(key), key === 'valid-key') });
    return { guard, checked };
  }

  it('answers HEAD with a valid key 200 OK with no body, so that no route runs', async () => {
    const { guard } = makeGuard();
    const answer = await guard(new Request('https://api.example.com/v1/customers/42', { method: 'HEAD', headers: { 'X-API-Key': 'valid-key' } }));
    expect(answer).toEqual({ status: 200, headers: {}, body: '' });
    const response = toWebResponse(answer!);
    expect(response.status).toBe(200);
    expect(response.body).toBeNull();
  });

  it('answers HEAD with an invalid or missing key 401 Unauthorized, the answer a GET gets, whose content the server drops', async () => {
    // RFC 9110 §9.3.2 and §8.6: a HEAD's headers, Content-Length included, are the GET's; every
    // HTTP server drops a HEAD's content (test/server/frameworks checks node:http, Express,
    // Fastify and Hono). An empty body made Express and Fastify send `Content-Length: 0`.
    const { guard, checked } = makeGuard();
    for (const headers of [{ 'x-api-key': 'stolen-key' }, {}, { 'x-api-key': '' }]) {
      const answer = await guard({ method: 'HEAD', headers });
      expect(answer?.status, JSON.stringify(headers)).toBe(401);
      expect(answer, JSON.stringify(headers)).toEqual(await guard({ method: 'GET', headers }));
    }
    expect(checked).toEqual(['stolen-key', 'stolen-key']);
  });

  it('lets other requests with a valid key through to the route', async () => {
    const { guard, checked } = makeGuard();
    expect(await guard({ method: 'GET', headers: { 'x-api-key': 'valid-key' } })).toBeUndefined();
    expect(await guard(new Request('https://api.example.com/v1/customers', { method: 'POST', headers: { 'x-api-key': 'valid-key' }, body: '[]' }))).toBeUndefined();
    expect(checked).toEqual(['valid-key', 'valid-key']);
  });

  it('answers other requests with an invalid or missing key 401 in the dialect asked for', async () => {
    const { guard } = makeGuard();
    const missing = await guard({ method: 'GET', headers: {} });
    expect(missing?.status).toBe(401);
    expect(readError(missing!)).toMatchObject({ kind: 'unauthenticated', status: 401, detail: 'The API key is missing', dialect: 'problem' });
    const plainGuard = createApiKeyGuard({ verify: () => false, dialect: 'plain' });
    const invalid = await plainGuard({ method: 'GET', headers: { 'x-api-key': 'stolen-key' } });
    expect(JSON.parse(invalid!.body)).toEqual({ message: 'The API key is not valid' });
    expect(readError(invalid!)).toMatchObject({ kind: 'unauthenticated', status: 401, dialect: 'plain' });
  });

  it('sends a challenge naming the key header with every 401 (RFC 9110 §11.6.1)', async () => {
    const { guard } = makeGuard();
    for (const method of ['GET', 'HEAD']) expect((await guard({ method, headers: {} }))?.headers['www-authenticate'], method).toBe('ApiKey header="x-api-key"');
    const studio = createApiKeyGuard({ verify: () => false, header: 'X-Studio-Key' });
    expect((await studio({ method: 'GET', headers: { 'x-studio-key': 'k' } }))?.headers['www-authenticate']).toBe('ApiKey header="x-studio-key"');
  });

  it('answers a CORS preflight that reaches it 204 without a key and runs no route, and checks a plain OPTIONS', async () => {
    // Passed on to the route, anyone's OPTIONS with Access-Control-Request-Method ran a route
    // registered for every method without a key. The CORS layer, placed first, answers preflights.
    const { guard, checked } = makeGuard();
    const preflight = new Request('https://api.example.com/v1/customers', { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-api-key' } });
    expect(await guard(preflight)).toEqual({ status: 204, headers: {}, body: '' });
    expect(checked).toEqual([]);
    expect((await guard({ method: 'OPTIONS', headers: {} }))?.status).toBe(401);
  });

  it('finds the key among 400,000 other headers at once', async () => {
    // Each header was looked for in a list of the ones before it: minutes for so many.
    const { guard, checked } = makeGuard();
    const headers: [string, string][] = Array.from({ length: 400_000 }, (_, index) => [`x-h${index}`, 'v']);
    headers.push(['x-api-key', 'valid-key']);
    expect(await guard({ method: 'HEAD', headers })).toMatchObject({ status: 200 });
    expect(checked).toEqual(['valid-key']);
  });

  it('reads the key from a node:http header record and from a header of another name', async () => {
    const guard = createApiKeyGuard({ verify: (key) => key === 'k1', header: 'X-Studio-Key' });
    expect(await guard({ method: 'HEAD', headers: { 'x-studio-key': 'k1' } })).toMatchObject({ status: 200 });
    expect(await guard({ method: 'head', headers: { 'x-api-key': 'k1' } })).toMatchObject({ status: 401 });
  });
});
