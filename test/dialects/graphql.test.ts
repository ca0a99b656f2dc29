/**
 * The GraphQL dialect (spec.graphql.org §7.1 "Response"; GraphQL-over-HTTP): every fixture in
 * test/fixtures/more/graphql/ normalizes to the values written out below by hand, errors inside
 * a 200 are errors, partial data is kept, and hostile bodies change nothing.
 */
import { describe, expect, it } from 'vitest';
import { graphqlDialect } from '../../src/dialects/graphql.ts';
import { createNormalizer, plainDialect, type ApiResult } from '../../src/index.ts';
import { failsIn, inputOf, listJson, moreFixtures, now, pick, readError, readFixture, readSeedFixtures, successKeys, toError, toSuccess, withPollutedPrototype } from './support.ts';

const normalize = createNormalizer({ dialects: [graphqlDialect, plainDialect] });
const fixtureFolder = moreFixtures('graphql');
const normalizeFixture = (name: string): ApiResult => normalize(inputOf(readFixture(fixtureFolder, name)));
const fails = failsIn('graphql');
/** A fixture read at the fixtures' clock, for the waits its reset gives. */
const normalizeFixtureAt = (name: string): ApiResult => normalize(inputOf(readFixture(fixtureFolder, name)), { now });

const fetchFailed = 'Name for character with ID 1002 could not be fetched.';

const expectations: Readonly<Record<string, () => void>> = {
  '200-success.json': () =>
    expect(pick(toSuccess(normalizeFixture('200-success.json')), successKeys)).toEqual({ status: 200, data: { hero: { name: 'R2-D2' } }, dialect: 'graphql' }),
  '200-partial-field-error.json': () =>
    expect(readError(normalizeFixture('200-partial-field-error.json'))).toEqual(
      fails({
        // A field error with no code names no kind; a 200 says nothing more.
        kind: 'unknown',
        status: 200,
        title: 'Unknown Error',
        detail: fetchFailed,
        issues: [{ path: ['hero', 'heroFriends', 1, 'name'], message: fetchFailed }],
        retryable: false,
        extensions: {
          data: {
            hero: {
              name: 'R2-D2',
              heroFriends: [
                { id: '1000', name: 'Luke Skywalker' },
                { id: '1002', name: null },
                { id: '1003', name: 'Leia Organa' },
              ],
            },
          },
        },
      }),
    ),
  '200-error-extensions.json': () =>
    expect(readError(normalizeFixture('200-error-extensions.json'))).toEqual(
      fails({
        kind: 'unknown',
        status: 200,
        title: 'Unknown Error',
        detail: fetchFailed,
        code: 'CAN_NOT_FETCH_BY_ID',
        issues: [{ path: ['hero', 'heroFriends', 1, 'name'], message: fetchFailed, code: 'CAN_NOT_FETCH_BY_ID' }],
        retryable: false,
      }),
    ),
  '400-validation-failed.json': () =>
    expect(readError(normalizeFixture('400-validation-failed.json'))).toEqual(
      fails({
        // A lone request error with no path is the error itself, not a field issue.
        kind: 'bad_request',
        status: 400,
        title: 'Bad Request',
        detail: 'Cannot query field "__typenam" on type "Query".',
        code: 'GRAPHQL_VALIDATION_FAILED',
        retryable: false,
      }),
    ),
  '200-bad-user-input.json': () =>
    expect(readError(normalizeFixture('200-bad-user-input.json'))).toEqual(
      fails({
        kind: 'validation',
        status: 200,
        title: 'Validation Failed',
        detail: 'Invalid argument value',
        code: 'BAD_USER_INPUT',
        issues: [{ path: ['userWithID'], message: 'Invalid argument value', code: 'BAD_USER_INPUT' }],
        retryable: false,
        extensions: { data: { userWithID: null } },
      }),
    ),
  // A 200 with an error is no success; the `type` names the kind, the reset 600 s on is the wait.
  '200-github-rate-limited.json': () =>
    expect(readError(normalizeFixtureAt('200-github-rate-limited.json'))).toEqual(
      fails({
        kind: 'rate_limited',
        status: 200,
        title: 'Too Many Requests',
        detail: 'API rate limit exceeded for installation ID 12345678.',
        code: 'RATE_LIMITED',
        // GitHub's own request id header.
        requestId: 'C0DE:3B9A:1F2E3D4:2A3B4C5:678D9E0F',
        retryAfterMs: 600_000,
        rateLimit: { limit: 5_000, remaining: 0, resetAt: now() + 600_000 },
        retryable: true,
      }),
    ),
  // The `code` is the code; the `type` still names the kind.
  '200-github-rate-limited-code.json': () =>
    expect(readError(normalizeFixtureAt('200-github-rate-limited-code.json'))).toEqual(
      fails({
        kind: 'rate_limited',
        status: 200,
        title: 'Too Many Requests',
        detail: 'API rate limit already exceeded for user ID 1.',
        code: 'graphql_rate_limit',
        retryAfterMs: 600_000,
        rateLimit: { limit: 5_000, remaining: 0, resetAt: now() + 600_000 },
        retryable: true,
        extensions: { data: null },
      }),
    ),
  // 752 points asked, 666 available, 50 restored a second: ceil(86 / 50) = 2 s.
  '200-shopify-throttled.json': () =>
    expect(readError(normalizeFixture('200-shopify-throttled.json'))).toEqual(
      fails({
        kind: 'rate_limited',
        status: 200,
        title: 'Too Many Requests',
        detail: 'Throttled',
        code: 'THROTTLED',
        requestId: '4d3f2a1b-6c5e-4f7a-8b9c-0d1e2f3a4b5c',
        retryAfterMs: 2_000,
        retryable: true,
        extensions: { extensions: { cost: { requestedQueryCost: 752, actualQueryCost: null, throttleStatus: { maximumAvailable: 1_000, currentlyAvailable: 666, restoreRate: 50 } } } },
      }),
    ),
  '200-shopify-access-denied.json': () =>
    expect(readError(normalizeFixture('200-shopify-access-denied.json'))).toEqual(
      fails({
        kind: 'forbidden',
        status: 200,
        title: 'Forbidden',
        detail: 'Access denied for products field. Required access: `read_products` access scope.',
        code: 'ACCESS_DENIED',
        issues: [{ path: ['products'], message: 'Access denied for products field. Required access: `read_products` access scope.', code: 'ACCESS_DENIED' }],
        retryable: false,
        extensions: { data: null },
      }),
    ),
  // Linear answers a 400 for both; the code says which. A 400 is never retried by the client's
  // default list (RELIABILITY.md), but the model calls the rate limit retryable.
  '400-linear-ratelimited.json': () =>
    expect(readError(normalizeFixture('400-linear-ratelimited.json'))).toEqual(
      fails({ kind: 'rate_limited', status: 400, title: 'Bad Request', detail: 'Rate limit exceeded', code: 'RATELIMITED', retryable: true }),
    ),
  '400-linear-authentication-error.json': () =>
    expect(readError(normalizeFixture('400-linear-authentication-error.json'))).toEqual(
      fails({ kind: 'unauthenticated', status: 400, title: 'Bad Request', detail: 'Authentication required, not authenticated', code: 'AUTHENTICATION_ERROR', retryable: false }),
    ),
  '401-unauthenticated.json': () =>
    expect(readError(normalizeFixture('401-unauthenticated.json'))).toEqual(
      fails({ kind: 'unauthenticated', status: 401, title: 'Unauthorized', detail: 'User is not authenticated', code: 'UNAUTHENTICATED', retryable: false }),
    ),
};

const fixtureNames = listJson(fixtureFolder);

describe('the GraphQL fixtures', () => {
  it('are at least three real documented bodies, each naming its source and having an expectation', () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(3);
    for (const name of fixtureNames) {
      expect(readFixture(fixtureFolder, name).source, name).toMatch(/GraphQL|graphql|Apollo/);
      expect(Object.keys(expectations), name).toContain(name);
    }
  });

  for (const name of Object.keys(expectations)) it(`${name} normalizes to what the GraphQL documents say it means`, () => expectations[name]!());
});

/** Typical bodies of every other family faultline reads. */
const otherFamilies: Readonly<Record<string, unknown>> = {
  'json-api': { errors: [{ status: '422', source: { pointer: '/data/attributes/firstName' }, title: 'Invalid Attribute', detail: 'First name must contain at least two characters.' }] },
  'json-api-document': { data: { type: 'articles', id: '1' }, links: { self: 'https://x' } },
  google: { error: { code: 400, message: 'API key not valid.', status: 'INVALID_ARGUMENT', details: [] } },
  odata: { error: { code: 'BadArgument', message: 'Bad', target: 'x', details: [{ code: 'NullValue', target: 'y', message: 'z' }] } },
  stripe: { error: { type: 'invalid_request_error', code: 'parameter_missing', message: 'Missing required param: amount.', param: 'amount' } },
  slack: { ok: false, error: 'invalid_auth' },
  aws: { __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'Requested resource not found' },
  kubernetes: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'pods "grafana" not found', reason: 'NotFound', details: { name: 'grafana', kind: 'pods' }, code: 404 },
  spring: { timestamp: '2024-05-01T10:15:30.000+00:00', status: 400, error: 'Bad Request', path: '/api/users', errors: [{ defaultMessage: 'must not be blank', field: 'email', code: 'NotBlank' }] },
  'status-code': { statusCode: 400, error: 'Bad Request', message: ['email must be an email'] },
  'field-map': { email: ['is invalid'], name: ["can't be blank"] },
  'plain-errors': { errors: [{ field: 'email', message: 'is invalid' }] },
  'rest-data-wrapper': { data: { id: 1 } },
  'laravel-resource': { data: [{ id: 1 }], links: { first: 'https://x?page=1' }, meta: { current_page: 1 } },
};

describe('GraphQL detection', () => {
  it('claims errors with data, locations, a path or extensions, and `{data, extensions}`', () => {
    const claimed: unknown[] = [
      { errors: [{ message: 'x' }], data: null },
      { errors: [{ message: 'x', locations: [{ line: 1, column: 1 }] }] },
      { errors: [{ message: 'x', path: ['a'] }] },
      { errors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] },
      { data: { a: 1 }, extensions: { cost: 3 } },
    ];
    for (const body of claimed) expect(graphqlDialect.detect(body, 'application/json'), JSON.stringify(body)).toBe(true);
  });

  it("claims GitHub's errors without data, known by their `type`, and leaves REST lists of messages to other dialects", () => {
    expect(graphqlDialect.detect({ errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] }, 'application/json')).toBe(true);
    expect(graphqlDialect.detect({ errors: [{ type: 'RATE_LIMIT', code: 'graphql_rate_limit', message: 'x' }], extensions: {} }, 'application/json')).toBe(true);
    const rest: unknown[] = [
      { errors: [{ message: 'Something failed' }] },
      { errors: [{ field: 'email', message: 'is invalid', type: 'format' }] },
      { errors: [{ code: 88, message: 'Rate limit exceeded' }] },
      { errors: [{ type: 'x', code: 88, message: 'Rate limit exceeded' }] },
      { errors: [{ error: 'RATE_LIMIT_REACHED', message: 'Rate limit exceeded. Please try again later' }] },
      { errors: [{ type: 'RATE_LIMITED', message: 'x' }, { message: 'y' }] },
      { type: 'error.list', errors: [{ type: 'x', message: 'y' }] },
    ];
    for (const body of rest) expect(graphqlDialect.detect(body, 'application/json'), JSON.stringify(body)).toBe(false);
  });

  it('names the kind by an `extensions.statusCode` every error shares, when no code names it', () => {
    const error = (statusCode: unknown) => ({ message: 'Slow down', extensions: { code: 'SOMETHING_ELSE', statusCode } });
    expect(toError(normalize({ status: 200, body: { errors: [error(429), error(429)] } })).kind).toBe('rate_limited');
    expect(toError(normalize({ status: 400, body: { errors: [error(401)] } })).kind).toBe('unauthenticated');
    expect(toError(normalize({ status: 200, body: { errors: [error(429), error(401)] } })).kind).toBe('bad_request');
    expect(toError(normalize({ status: 400, body: { errors: [error('429')] } })).kind).toBe('bad_request');
    expect(toError(normalize({ status: 200, body: { data: null, errors: [error(200)] } })).kind).toBe('unknown');
  });

  it('gives no wait for a Shopify cost whose figures are missing, of the wrong type, or already available', () => {
    const throttled = (throttleStatus: unknown, requestedQueryCost: unknown = 752) => toError(normalize({ status: 200, body: { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }], extensions: { cost: { requestedQueryCost, throttleStatus } } } }));
    expect(throttled({ currentlyAvailable: 666, restoreRate: 0 }).retryAfterMs).toBeUndefined();
    expect(throttled({ currentlyAvailable: '666', restoreRate: 50 }).retryAfterMs).toBeUndefined();
    expect(throttled({ currentlyAvailable: 800, restoreRate: 50 }).retryAfterMs).toBeUndefined();
    expect(throttled({ currentlyAvailable: 666, restoreRate: 50 }, null).retryAfterMs).toBeUndefined();
    expect(throttled(null)).toMatchObject({ kind: 'rate_limited', retryable: true });
  });

  it('is chosen by the GraphQL-over-HTTP media type whatever the body', () => {
    const result = normalize({ status: 200, headers: { 'content-type': 'application/graphql-response+json' }, body: { errors: [{ message: 'Syntax Error: Unexpected Name "qeury".' }] } });
    expect(toError(result)).toMatchObject({ kind: 'bad_request', detail: 'Syntax Error: Unexpected Name "qeury".', dialect: 'graphql' });
  });

  it('leaves a bare `{data}` over application/json to other dialects: too common a REST wrapper to claim', () => {
    expect(graphqlDialect.detect({ data: { hero: { name: 'R2-D2' } } }, 'application/json')).toBe(false);
    expect(toSuccess(normalize({ status: 200, headers: { 'content-type': 'application/json' }, body: { data: { hero: null } } })).dialect).toBe('plain');
  });

  it('claims none of the seed fixtures', () => {
    for (const { folder, fixtures } of readSeedFixtures()) {
      expect(fixtures.length, folder).toBeGreaterThan(0);
      for (const [label, { headers, body }] of fixtures) expect(graphqlDialect.detect(body, (headers['content-type'] ?? '').toLowerCase()), label).toBe(false);
    }
  });

  it("claims no other family's typical body", () => {
    for (const [family, body] of Object.entries(otherFamilies)) expect(graphqlDialect.detect(body, 'application/json'), family).toBe(false);
  });

  it('claims no scalar, array, or look-alike', () => {
    const unclaimed: unknown[] = [
      undefined, null, 1, 'errors', [], [{ message: 'x', path: ['a'] }],
      { errors: [{ message: 'x' }] },
      { errors: [{ message: 1, path: ['a'] }] },
      { errors: ['x'], data: null },
      { errors: {}, data: null },
      { data: { a: 1 }, extensions: 'x' },
      { data: { a: 1 }, extensions: {}, meta: {} },
    ];
    for (const body of unclaimed) expect(graphqlDialect.detect(body, ''), JSON.stringify(body) ?? 'undefined').toBe(false);
  });
});

describe('GraphQL responses', () => {
  const send = (status: number, body: unknown): ApiResult => normalize({ status, headers: { 'content-type': 'application/graphql-response+json' }, body });

  it('without errors are successes whose data is `data`', () => {
    expect(toSuccess(send(200, { data: { a: 1 }, extensions: { tracing: {} } })).data).toEqual({ a: 1 });
    // §7.1.2: `errors`, when present, is not empty; an empty list reports nothing.
    expect(toSuccess(send(200, { data: { a: 1 }, errors: [] })).data).toEqual({ a: 1 });
  });

  it('with `data: null` and errors are errors that keep the null data', () => {
    const error = toError(send(200, { data: null, errors: [{ message: 'Boom', path: ['viewer'] }] }));
    expect(error).toMatchObject({ kind: 'unknown', detail: 'Boom', issues: [{ path: ['viewer'], message: 'Boom' }] });
    expect(Object.hasOwn(error.extensions, 'data')).toBe(true);
    expect(error.extensions['data']).toBeNull();
  });

  it('as a bare list of errors in a 200, without locations, types or a media type, are errors: no success is only a list of errors', () => {
    const bare = normalize({ status: 200, headers: { 'content-type': 'application/json' }, body: { errors: [{ message: 'Field "nme" is not defined' }] } });
    expect(toError(bare)).toMatchObject({ kind: 'bad_request', status: 200, detail: 'Field "nme" is not defined' });
    // A spent limit said only by the headers (GitHub's primary limit, whatever the body's spelling).
    const spent = normalize({ status: 200, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000100' }, body: { errors: [{ message: 'API rate limit exceeded' }] } }, { now: () => 1_700_000_000_000 });
    expect(toError(spent)).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 100_000 });
    // An empty list, or a list beside other members (a resource that records errors), is data.
    expect(toSuccess(normalize({ status: 200, body: { errors: [] } })).data).toEqual({ errors: [] });
    expect(toSuccess(normalize({ status: 200, body: { id: 7, errors: [{ message: 'retried' }] } })).data).toEqual({ id: 7, errors: [{ message: 'retried' }] });
  });

  it('with request errors only (no data, no path, no code) are bad requests (§7.1.2)', () => {
    expect(toError(send(200, { errors: [{ message: 'Unknown argument "x".', locations: [{ line: 1, column: 9 }] }] }))).toMatchObject({ kind: 'bad_request', title: 'Bad Request', issues: [] });
  });

  it('name their kind by the first known Apollo code, looked up as an own property', () => {
    const codes: Readonly<Record<string, string>> = {
      BAD_USER_INPUT: 'validation',
      GRAPHQL_VALIDATION_FAILED: 'bad_request',
      GRAPHQL_PARSE_FAILED: 'bad_request',
      UNAUTHENTICATED: 'unauthenticated',
      FORBIDDEN: 'forbidden',
      PERSISTED_QUERY_NOT_FOUND: 'not_found',
      INTERNAL_SERVER_ERROR: 'server',
      constructor: 'unknown',
      ['__proto__']: 'unknown',
      toString: 'unknown',
      SOMETHING_ELSE: 'unknown',
    };
    expect(Object.keys(codes)).toContain('__proto__');
    for (const code of Object.keys(codes)) {
      const body = { data: { a: null }, errors: [{ message: 'x', path: ['a'], extensions: { code } }] };
      expect(toError(send(200, body)).kind, code).toBe(codes[code]);
    }
    const mixed = { data: null, errors: [{ message: 'a', path: ['a'], extensions: { code: 'CUSTOM' } }, { message: 'b', path: ['b'], extensions: { code: 'FORBIDDEN' } }] };
    expect(toError(send(200, mixed))).toMatchObject({ kind: 'forbidden' });
    expect(toError(send(200, mixed)).code).toBeUndefined();
  });

  it('let the HTTP status decide before the code', () => {
    expect(toError(send(503, { errors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] }))).toMatchObject({ kind: 'unavailable', status: 503, retryable: true });
  });

  it('list every error as an issue when there are several, with or without a path', () => {
    const error = toError(send(200, { errors: [{ message: 'first', locations: [] }, { message: 'second', path: ['a', 0] }] }));
    expect(error.issues).toEqual([
      { path: [], message: 'first' },
      { path: ['a', 0], message: 'second' },
    ]);
    expect(error.detail).toBeUndefined();
  });

  it('ignore members of the wrong type instead of coercing them', () => {
    const error = toError(
      send(200, {
        data: null,
        errors: [
          { message: 42, path: ['a'], extensions: { code: 'FORBIDDEN' } },
          { message: 'bad path', path: ['a', true, 1.5] },
          { message: 'bad code', path: 'a.b', extensions: { code: { name: 'x' } } },
          { message: 'negative', path: ['a', -1] },
          'not an error',
        ],
      }),
    );
    expect(error.issues).toEqual([
      { path: [], message: 'bad path' },
      { path: [], message: 'bad code' },
      { path: [], message: 'negative' },
    ]);
    expect(error).toMatchObject({ kind: 'forbidden', code: 'FORBIDDEN' });
    expect(error.detail).toBeUndefined();
  });

  it('keep `errors` of the wrong type, and the response extensions, as extensions', () => {
    const error = toError(send(500, { errors: 'Internal', extensions: { requestId: 'r1' } }));
    expect(error).toMatchObject({ kind: 'server', extensions: { errors: 'Internal', extensions: { requestId: 'r1' } }, issues: [] });
  });
});

describe('hostile GraphQL bodies', () => {
  it('a polluted Object.prototype changes no output', () => {
    const bodies = fixtureNames.map((name) => readFixture(fixtureFolder, name));
    const run = (): string[] => bodies.map(({ status, headers, body }) => JSON.stringify(normalize({ status, headers, body })));
    const runBare = (): string[] =>
      [{}, { errors: [{}] }, { errors: [{ message: 'm' }], data: null }, { data: {} }].map((body) => JSON.stringify(normalize({ status: 200, body })) + String(graphqlDialect.detect(body, '')));
    const clean = [...run(), ...runBare()];
    const members = { errors: [{ message: 'polluted', path: ['p'] }], data: { polluted: true }, extensions: { code: 'FORBIDDEN' }, message: 'polluted', path: ['polluted'], locations: [], code: 'FORBIDDEN', BAD_REQUEST_X: 'server', CAN_NOT_FETCH_BY_ID: 'server', SOMETHING_ELSE: 'server' };
    const polluted = withPollutedPrototype(members, () => [...run(), ...runBare()]);
    expect(polluted).toEqual(clean);
  });

  it('a `__proto__` member stays data', () => {
    const body = JSON.parse('{"errors":[{"message":"x","path":["__proto__"],"extensions":{"code":"__proto__"}}],"data":{"__proto__":{"polluted":true}},"__proto__":{"polluted":true}}') as unknown;
    const error = toError(normalize({ status: 200, body }));
    expect(error).toMatchObject({ kind: 'unknown', code: '__proto__', issues: [{ path: ['__proto__'], message: 'x', code: '__proto__' }] });
    expect(Object.getOwnPropertyDescriptor(error.extensions, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('deep and huge bodies do not throw, and paths stop at 64 segments', () => {
    const depth = 100_000;
    const deepPath = JSON.stringify(Array.from({ length: depth }, (_, index) => (index % 2 ? index : 'f')));
    const deepText = `{"errors":[{"message":"deep","path":${deepPath},"extensions":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}],"data":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const deep = toError(normalize({ status: 200, headers: { 'content-type': 'application/graphql-response+json' }, body: deepText }));
    expect(deep.issues[0]?.path).toHaveLength(64);
    const many = Array.from({ length: 100_000 }, (_, index) => ({ message: `e${index}`, path: ['items', index] }));
    expect(toError(normalize({ status: 200, body: { data: null, errors: many } })).issues).toHaveLength(100_000);
  });
});
