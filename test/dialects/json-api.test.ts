/**
 * The JSON:API dialect (jsonapi.org/format, "Errors" and "Document Structure"): every fixture in
 * test/fixtures/more/json-api/ normalizes to the values written out below by hand, detection
 * claims JSON:API documents and nothing else, and hostile bodies change nothing.
 */
import { describe, expect, it } from 'vitest';
import { jsonApiDialect } from '../../src/dialects/json-api.ts';
import { createNormalizer, plainDialect, type ApiError, type ApiResult } from '../../src/index.ts';
import { failsIn, inputOf, listJson, moreFixtures, readError, readFixture, readSuccess, readSeedFixtures, toError, toSuccess, withPollutedPrototype } from './support.ts';

const normalize = createNormalizer({ dialects: [jsonApiDialect, plainDialect] });
const fixtureFolder = moreFixtures('json-api');
const normalizeFixture = (name: string): ApiResult => normalize(inputOf(readFixture(fixtureFolder, name)));
const fails = failsIn('json-api');

const jsonapi = { version: '1.1' };

const expectations: Readonly<Record<string, () => void>> = {
  '422-basic-error.json': () =>
    expect(readError(normalizeFixture('422-basic-error.json'))).toEqual(
      fails({
        kind: 'validation',
        status: 422,
        title: 'Invalid Attribute',
        detail: 'First name must contain at least two characters.',
        issues: [{ path: ['firstName'], field: '/data/attributes/firstName', message: 'First name must contain at least two characters.' }],
        retryable: false,
      }),
    ),
  '400-multiple-errors.json': () =>
    expect(readError(normalizeFixture('400-multiple-errors.json'))).toEqual(
      fails({
        // The errors say 403, 422 and 500; the HTTP status, 400 with field issues, decides.
        kind: 'validation',
        status: 400,
        title: 'Bad Request',
        issues: [
          { path: ['secretPowers'], field: '/data/attributes/secretPowers', message: 'Editing secret powers is not authorized on Sundays.' },
          { path: ['volume'], field: '/data/attributes/volume', message: 'Volume does not, in fact, go to 11.' },
          { path: ['reputation'], field: '/data/attributes/reputation', message: 'Reputation service not responding after three requests.' },
        ],
        retryable: false,
        extensions: { jsonapi, statuses: ['403', '422', '500'] },
      }),
    ),
  '422-error-codes.json': () =>
    expect(readError(normalizeFixture('422-error-codes.json'))).toEqual(
      fails({
        kind: 'validation',
        status: 422,
        title: 'Unprocessable Content',
        issues: [
          { path: ['firstName'], field: '/data/attributes/firstName', message: 'First name must contain at least two characters.', code: '123' },
          { path: ['password'], field: '/data/attributes/password', message: 'The password provided is missing a punctuation character.', code: '225' },
          { path: ['password'], field: '/data/attributes/password', message: 'Password and password confirmation do not match.', code: '226' },
        ],
        retryable: false,
        extensions: { jsonapi },
      }),
    ),
  '422-source-top-level.json': () =>
    expect(readError(normalizeFixture('422-source-top-level.json'))).toEqual(
      fails({
        kind: 'validation',
        status: 422,
        title: 'Unprocessable Content',
        detail: "Missing `data` Member at document's top level.",
        // The pointer "" is the whole request document: an issue tied to no field.
        issues: [{ path: [], field: '', message: "Missing `data` Member at document's top level." }],
        retryable: false,
        extensions: { jsonapi },
      }),
    ),
  '400-invalid-json.json': () =>
    expect(readError(normalizeFixture('400-invalid-json.json'))).toEqual(
      fails({
        kind: 'bad_request',
        status: 400,
        title: 'Bad Request',
        detail: 'JSON parse error - Expecting property name at line 1 column 2 (char 1).',
        retryable: false,
        extensions: { jsonapi },
      }),
    ),
  '400-invalid-query-parameter.json': () =>
    expect(readError(normalizeFixture('400-invalid-query-parameter.json'))).toEqual(
      fails({
        kind: 'validation',
        status: 400,
        title: 'Invalid Query Parameter',
        detail: 'The resource does not have an `author` relationship path.',
        issues: [{ path: ['include'], field: 'include', message: 'The resource does not have an `author` relationship path.' }],
        retryable: false,
        extensions: { jsonapi },
      }),
    ),
  '200-compound-document.json': () => {
    const { body } = readFixture(fixtureFolder, '200-compound-document.json');
    const document = body as { data: unknown; included: unknown };
    expect(readSuccess(normalizeFixture('200-compound-document.json'))).toEqual({
      status: 200,
      data: document.data,
      links: {
        self: { href: 'http://example.com/articles' },
        next: { href: 'http://example.com/articles?page[offset]=2' },
        last: { href: 'http://example.com/articles?page[offset]=10' },
      },
      embedded: { included: document.included },
      dialect: 'json-api',
    });
    expect((document.included as unknown[]).length).toBe(3);
  },
  '200-single-resource.json': () =>
    expect(readSuccess(normalizeFixture('200-single-resource.json'))).toEqual({
      status: 200,
      data: {
        type: 'articles',
        id: '1',
        attributes: { title: 'JSON:API paints my bikeshed!' },
        relationships: { author: { links: { related: 'http://example.com/articles/1/author' } } },
      },
      links: { self: { href: 'http://example.com/articles/1' } },
      dialect: 'json-api',
    }),
};

const fixtureNames = listJson(fixtureFolder);

describe('the JSON:API fixtures', () => {
  it('are at least three real documented bodies, each naming its source and having an expectation', () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(3);
    for (const name of fixtureNames) {
      expect(readFixture(fixtureFolder, name).source, name).toMatch(/jsonapi\.org/);
      expect(Object.keys(expectations), name).toContain(name);
    }
  });

  for (const name of Object.keys(expectations)) it(`${name} normalizes to what jsonapi.org says it means`, () => expectations[name]!());

  it('are read the same without the media type, by their own markers', () => {
    for (const name of fixtureNames) {
      const { status, body } = readFixture(fixtureFolder, name);
      const result = normalize({ status, headers: { 'content-type': 'application/json' }, body });
      expect(result.ok ? result.value.dialect : result.error.dialect, name).toBe('json-api');
    }
  });
});

/** Typical bodies of every other family faultline reads. */
const otherFamilies: Readonly<Record<string, unknown>> = {
  graphql: { errors: [{ message: 'Cannot query field "x" on type "Query".', locations: [{ line: 1, column: 2 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
  'graphql-partial': { data: { hero: null }, errors: [{ message: 'Boom', path: ['hero'] }] },
  'graphql-success': { data: { hero: { name: 'R2-D2' } } },
  google: { error: { code: 400, message: 'API key not valid.', status: 'INVALID_ARGUMENT', details: [] } },
  odata: { error: { code: 'BadArgument', message: 'Bad', target: 'x', details: [{ code: 'NullValue', target: 'y', message: 'z' }] } },
  stripe: { error: { type: 'invalid_request_error', code: 'parameter_missing', message: 'Missing required param: amount.', param: 'amount' } },
  slack: { ok: false, error: 'invalid_auth' },
  aws: { __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'Requested resource not found' },
  kubernetes: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'pods "grafana" not found', reason: 'NotFound', details: { name: 'grafana', kind: 'pods' }, code: 404 },
  spring: { timestamp: '2024-05-01T10:15:30.000+00:00', status: 400, error: 'Bad Request', path: '/api/users', errors: [{ defaultMessage: 'must not be blank', field: 'email', code: 'NotBlank' }] },
  'status-code': { statusCode: 400, error: 'Bad Request', message: ['email must be an email'] },
  'field-map': { email: ['is invalid'], name: ["can't be blank"] },
  'field-map-errors': { errors: ['Name is required'] },
  'rails-errors': { errors: { email: ['is invalid'] } },
  'rest-data-wrapper': { data: [] },
  'rest-data-object': { data: { id: 1, name: 'x' } },
};

describe('JSON:API detection', () => {
  it('claims error documents by a source object or a string status, and documents by `jsonapi` or a resource object', () => {
    const claimed: unknown[] = [
      { jsonapi: { version: '1.0' }, meta: { copyright: 'x' } },
      { errors: [{ status: '404', title: 'Not Found' }] },
      { errors: [{ source: { parameter: 'sort' }, detail: 'x' }] },
      { errors: [{ source: {} }] },
      // Every member of an error object is optional: a later error may be the one that carries a mark.
      { errors: [{ code: 'x', detail: 'no source' }, { status: '422', source: { pointer: '/data/attributes/title' }, detail: 'y' }] },
      { data: { type: 'articles', id: '1' } },
      { data: [{ type: 'articles', id: '1' }, { type: 'articles', id: '2' }] },
    ];
    for (const body of claimed) expect(jsonApiDialect.detect(body, 'application/json'), JSON.stringify(body)).toBe(true);
  });

  it('is chosen by its media type whatever the body', () => {
    const result = normalize({ status: 404, headers: { 'content-type': 'application/vnd.api+json' }, body: { errors: [{ title: 'Not Found' }] } });
    expect(toError(result)).toMatchObject({ kind: 'not_found', title: 'Not Found', dialect: 'json-api' });
  });

  it('claims none of the seed fixtures', () => {
    for (const { folder, fixtures } of readSeedFixtures()) {
      expect(fixtures.length, folder).toBeGreaterThan(0);
      for (const [label, { headers, body }] of fixtures) expect(jsonApiDialect.detect(body, (headers['content-type'] ?? '').toLowerCase()), label).toBe(false);
    }
  });

  it("claims no other family's typical body", () => {
    for (const [family, body] of Object.entries(otherFamilies)) expect(jsonApiDialect.detect(body, 'application/json'), family).toBe(false);
  });

  it('claims no scalar, array, or look-alike', () => {
    const unclaimed: unknown[] = [
      undefined, null, 0, 'errors', [], [{ status: '422' }],
      { errors: [{ status: 'error', message: 'x' }] },
      { errors: [{ status: 422, title: 'x' }] },
      { errors: [] },
      { errors: ['x'] },
      // Only the first eight are looked at: detection runs on every response.
      { errors: [...Array.from({ length: 8 }, () => ({ message: 'x' })), { source: {} }] },
      { jsonapi: '1.1' },
      { data: { type: 'articles', id: 1 } },
      { data: null },
    ];
    for (const body of unclaimed) expect(jsonApiDialect.detect(body, ''), JSON.stringify(body) ?? 'undefined').toBe(false);
  });
});

describe('JSON:API errors', () => {
  const send = (status: number, body: unknown): ApiError => toError(normalize({ status, headers: { 'content-type': 'application/vnd.api+json' }, body }));

  it('drop the /data and /data/attributes or /data/relationships prefixes from pointer paths, keeping the pointer as the field', () => {
    const error = send(422, {
      errors: [
        { source: { pointer: '/data/0/attributes/title' }, detail: 'a' },
        { source: { pointer: '/data/relationships/author' }, detail: 'b' },
        { source: { pointer: '/data/type' }, detail: 'c' },
        { source: { pointer: '/data' }, detail: 'd' },
        { source: { pointer: '/included/0/attributes/name' }, detail: 'e' },
        { source: { pointer: '/data/attributes/tags/2/a~1b' }, detail: 'f' },
      ],
    });
    expect(error.issues.map((issue) => [issue.path, issue.field])).toEqual([
      [[0, 'title'], '/data/0/attributes/title'],
      [['author'], '/data/relationships/author'],
      [['type'], '/data/type'],
      [[], '/data'],
      [['included', 0, 'attributes', 'name'], '/included/0/attributes/name'],
      [['tags', 2, 'a/b'], '/data/attributes/tags/2/a~1b'],
    ]);
  });

  it('keep a header source as the field of an issue tied to no payload path', () => {
    expect(send(400, { errors: [{ source: { header: 'Accept-Language' }, detail: 'Unsupported language' }] }).issues).toEqual([{ path: [], field: 'Accept-Language', message: 'Unsupported language' }]);
  });

  it('list every error as an issue when there are several, sourced or not', () => {
    const error = send(409, { errors: [{ title: 'Conflict', detail: 'Version mismatch' }, { title: 'Conflict', detail: 'Lock held' }] });
    expect(error).toMatchObject({ kind: 'conflict', title: 'Conflict', issues: [{ path: [], message: 'Version mismatch' }, { path: [], message: 'Lock held' }] });
    expect(error.detail).toBeUndefined();
  });

  it('take the code and detail only when every error shares them', () => {
    expect(send(400, { errors: [{ code: 'E1', detail: 'x', source: { parameter: 'a' } }, { code: 'E1', detail: 'x', source: { parameter: 'b' } }] })).toMatchObject({ code: 'E1', detail: 'x' });
    const mixed = send(400, { errors: [{ code: 'E1', detail: 'x', source: { parameter: 'a' } }, { code: 'E2', detail: 'y', source: { parameter: 'b' } }] });
    expect(mixed.code).toBeUndefined();
    expect(mixed.detail).toBeUndefined();
  });

  it('read the 1.1 error links as the problem type and, for a lone error, the occurrence', () => {
    const error = send(403, { errors: [{ links: { type: 'https://example.com/errors/forbidden', about: { href: 'https://example.com/errors/123' } }, title: 'Forbidden' }] });
    expect(error).toMatchObject({ type: 'https://example.com/errors/forbidden', instance: 'https://example.com/errors/123', kind: 'forbidden' });
  });

  it('in a 2xx document are an error whose kind the errors’ shared status gives', () => {
    const error = send(200, { errors: [{ status: '404', title: 'Not Found' }] });
    expect(error).toMatchObject({ kind: 'not_found', status: 200, title: 'Not Found', extensions: { statuses: ['404'] } });
    expect(send(200, { errors: [{ status: '404', title: 'a' }, { status: '409', title: 'b' }] }).kind).toBe('unknown');
    expect(send(200, { errors: [{ title: 'no status' }] }).kind).toBe('unknown');
  });

  it('keep the HTTP status when the errors name another, with their statuses visible', () => {
    const error = send(503, { errors: [{ status: '500', title: 'Down' }] });
    expect(error).toMatchObject({ kind: 'unavailable', status: 503, title: 'Down', extensions: { statuses: ['500'] } });
  });

  it('ignore members of the wrong type instead of coercing them', () => {
    const error = send(422, {
      errors: [{ status: 422, code: { value: 1 }, title: 42, detail: ['x'], source: { pointer: 7, parameter: null } }, { title: 'Kept', source: 'nowhere' }],
    });
    expect(error).toMatchObject({ kind: 'validation', title: 'Unprocessable Content', issues: [{ path: [], message: 'Kept' }] });
    expect(error.code).toBeUndefined();
    expect(error.detail).toBeUndefined();
    expect(error.extensions['statuses']).toBeUndefined();
  });

  it('in an error status without `errors` keep every member as an extension', () => {
    expect(send(500, { errors: 'boom', meta: { x: 1 } })).toMatchObject({ kind: 'server', extensions: { errors: 'boom', meta: { x: 1 } }, issues: [] });
  });
});

describe('JSON:API documents', () => {
  it('keep string and object links, dropping null and malformed ones', () => {
    const value = toSuccess(
      normalize({
        status: 200,
        headers: { 'content-type': 'application/vnd.api+json' },
        body: { data: [], links: { self: 'https://x/a', related: { href: 'https://x/b', meta: { count: 1 } }, prev: null, next: 5, last: { title: 'no href' } } },
      }),
    );
    expect(value).toMatchObject({ data: [], links: { self: { href: 'https://x/a' }, related: { href: 'https://x/b', meta: { count: 1 } } } });
    expect(Object.keys(value.links ?? {})).toEqual(['self', 'related']);
  });

  it('give `data: null` as the data of an empty to-one read', () => {
    expect(toSuccess(normalize({ status: 200, headers: { 'content-type': 'application/vnd.api+json' }, body: { data: null, jsonapi: { version: '1.1' } } })).data).toBeNull();
  });
});

describe('hostile JSON:API bodies', () => {
  it('a polluted Object.prototype changes no output', () => {
    const bodies = fixtureNames.map((name) => readFixture(fixtureFolder, name));
    const run = (): string[] => bodies.map(({ status, headers, body }) => JSON.stringify(normalize({ status, headers, body })));
    const runBare = (): string[] => [{}, { errors: [{}] }, { errors: [{ source: {} }] }, { data: {} }].map((body) => JSON.stringify(normalize({ status: 422, body })) + String(jsonApiDialect.detect(body, '')));
    const clean = [...run(), ...runBare()];
    const members = { errors: [{ status: '500', source: { pointer: '/data/attributes/x' }, detail: 'polluted' }], jsonapi: { version: 'x' }, source: { pointer: '/p', parameter: 'p' }, pointer: '/polluted', parameter: 'polluted', status: '500', code: 'polluted', title: 'polluted', detail: 'polluted', links: { type: 'p' }, type: 'p', id: 'p', data: { type: 'p', id: 'p' }, href: 'p' };
    const polluted = withPollutedPrototype(members, () => [...run(), ...runBare()]);
    expect(polluted).toEqual(clean);
  });

  it('a `__proto__` member stays data', () => {
    const body = JSON.parse('{"errors":[{"detail":"x","source":{"pointer":"/data/attributes/__proto__"}}],"__proto__":{"polluted":true},"links":{"__proto__":"https://x"}}') as unknown;
    const error = toError(normalize({ status: 422, body }));
    expect(error.issues).toEqual([{ path: ['__proto__'], field: '/data/attributes/__proto__', message: 'x' }]);
    expect(Object.getOwnPropertyDescriptor(error.extensions, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('deep and huge bodies do not throw, and paths stop at 64 segments', () => {
    const depth = 100_000;
    const deepText = `{"errors":[{"detail":"deep","source":{"pointer":"/data/attributes${'/a'.repeat(depth)}"},"meta":${'['.repeat(depth)}${']'.repeat(depth)}}]}`;
    const deep = toError(normalize({ status: 422, headers: { 'content-type': 'application/vnd.api+json' }, body: deepText }));
    expect(deep.issues[0]?.path.length).toBeLessThanOrEqual(64);
    const many = Array.from({ length: 100_000 }, (_, index) => ({ status: '422', detail: `e${index}`, source: { pointer: `/data/attributes/f${index}` } }));
    expect(toError(normalize({ status: 422, body: { errors: many } })).issues).toHaveLength(100_000);
    const links = Object.fromEntries(Array.from({ length: 50_000 }, (_, index) => [`r${index}`, `https://x/${index}`]));
    expect(Object.keys(toSuccess(normalize({ status: 200, body: { data: [], jsonapi: {}, links } })).links ?? {})).toHaveLength(50_000);
  });
});
