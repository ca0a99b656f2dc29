/**
 * The field-map dialect: bare field → messages maps (Rails, Django REST framework, ASP.NET Core
 * 2.1), and the bodies of the same frameworks that other dialects read (DRF's `detail`, Laravel's
 * `message` + `errors`, ASP.NET Core's ValidationProblemDetails). Expectations are written out by
 * hand from the documents each fixture names.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { fieldMapDialect } from '../../src/dialects/field-map.ts';
import { createNormalizer, plainDialect, problemDialect } from '../../src/index.ts';
import type { Issue } from '../../src/index.ts';
import { listJson, moreFixtures, project, readFixture, readSeedFixtures, toError, withPollutedPrototype, type ProjectedError } from './support.ts';

/** The members of an error an expectation here writes out. */
type Expected = ProjectedError;

const fixtureDirectory = moreFixtures('field-map');

const normalize = createNormalizer({ dialects: [fieldMapDialect, plainDialect] });
const normalizeWithProblem = createNormalizer({ dialects: [problemDialect, fieldMapDialect, plainDialect] });

const issue = (path: readonly (string | number)[], message: string, field?: string): Issue => (field === undefined ? { path, message } : { path, message, field });

const expectations: Readonly<Record<string, Expected>> = {
  'rails-422-as-json.json': {
    kind: 'validation',
    status: 422,
    title: 'Unprocessable Content',
    issues: [issue(['name'], 'cannot be nil', 'name')],
    retryable: false,
    dialect: 'field-map',
    extensions: {},
  },
  'rails-422-two-messages.json': {
    kind: 'validation',
    status: 422,
    title: 'Unprocessable Content',
    issues: [issue(['name'], "can't be blank", 'name'), issue(['name'], 'is too short (minimum is 3 characters)', 'name')],
    retryable: false,
    dialect: 'field-map',
    extensions: {},
  },
  // Rails `errors.add :base`: about the record as a whole, so no path; the key stays in `field`.
  'rails-422-base.json': {
    kind: 'validation',
    status: 422,
    title: 'Unprocessable Content',
    issues: [issue([], 'This person is invalid because ...', 'base')],
    retryable: false,
    dialect: 'field-map',
    extensions: {},
  },
  // DRF's get_full_details(): each message with its code.
  'drf-400-full-details.json': {
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    issues: [
      { path: ['name'], message: 'This field is required.', field: 'name', code: 'required' },
      { path: ['age'], message: 'A valid integer is required.', field: 'age', code: 'invalid' },
      { path: ['age'], message: 'Ensure this value is greater than or equal to 0.', field: 'age', code: 'min_value' },
    ],
    retryable: false,
    dialect: 'field-map',
    extensions: {},
  },
  'drf-400-validation.json': {
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    issues: [issue(['amount'], 'A valid integer is required.', 'amount'), issue(['description'], 'This field may not be blank.', 'description')],
    retryable: false,
    dialect: 'field-map',
    extensions: {},
  },
  'drf-400-serializer-errors.json': {
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    issues: [issue(['email'], 'Enter a valid email address.', 'email'), issue(['created'], 'This field is required.', 'created')],
    retryable: false,
    dialect: 'field-map',
    extensions: {},
  },
  // A nested serializer's errors nest under its field; `field` spells the path as Laravel flattens it.
  'drf-400-nested.json': {
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    issues: [issue(['user', 'email'], 'Enter a valid email address.', 'user.email'), issue(['created'], 'This field is required.', 'created')],
    retryable: false,
    dialect: 'field-map',
    extensions: {},
  },
  // Decided: DRF's `{"detail": "..."}` is plain's (a string member), which reads `detail` as the detail.
  'drf-405-detail.json': {
    kind: 'method_not_allowed',
    status: 405,
    title: 'Method Not Allowed',
    detail: "Method 'DELETE' not allowed.",
    issues: [],
    retryable: false,
    dialect: 'plain',
    extensions: {},
  },
  // Laravel is plain's: `message` is the detail, the `errors` map gives the issues, dotted keys the paths.
  'laravel-422-validation.json': {
    kind: 'validation',
    status: 422,
    title: 'Unprocessable Content',
    detail: 'The team name must be a string. (and 4 more errors)',
    issues: [
      issue(['team_name'], 'The team name must be a string.', 'team_name'),
      issue(['team_name'], 'The team name must be at least 1 characters.', 'team_name'),
      issue(['authorization', 'role'], 'The selected authorization.role is invalid.', 'authorization.role'),
      issue(['users', 0, 'email'], 'The users.0.email field is required.', 'users.0.email'),
      issue(['users', 2, 'email'], 'The users.2.email must be a valid email address.', 'users.2.email'),
    ],
    retryable: false,
    dialect: 'plain',
    extensions: {},
  },
  // ASP.NET Core 2.1's SerializableError: the empty key is the request body as a whole.
  'aspnetcore-400-serializable-error.json': {
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    issues: [issue([], 'A non-empty request body is required.', '')],
    retryable: false,
    dialect: 'field-map',
    extensions: {},
  },
};

describe('field-map fixtures (test/fixtures/more/field-map)', () => {
  const names = listJson(fixtureDirectory);

  it('has an expectation for every fixture but the problem+json one, and a fixture for every expectation', () => {
    expect(names.filter((name) => name !== 'aspnetcore-400-validation-problem.json')).toEqual(Object.keys(expectations).sort());
    expect(names.length).toBeGreaterThanOrEqual(3);
  });

  for (const name of Object.keys(expectations)) {
    it(`normalizes ${name} as written down`, () => {
      const fixture = readFixture(fixtureDirectory, name);
      const result = normalize({ status: fixture.status, headers: fixture.headers, body: fixture.body });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(project(result.error)).toStrictEqual(expectations[name]);
      expect(result.error.body).toStrictEqual(fixture.body);
    });
  }

  it('gives the same facts when the fixture arrives as JSON text', () => {
    for (const name of Object.keys(expectations)) {
      const fixture = readFixture(fixtureDirectory, name);
      const result = normalize({ status: fixture.status, headers: fixture.headers, body: JSON.stringify(fixture.body) });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(project(result.error), name).toStrictEqual(expectations[name]);
    }
  });
});

describe('ASP.NET Core ValidationProblemDetails (application/problem+json) is the problem dialect’s', () => {
  const fixture = readFixture(fixtureDirectory, 'aspnetcore-400-validation-problem.json');

  it('reads the errors map into issues and traceId into the model', () => {
    const result = normalizeWithProblem({ status: fixture.status, headers: fixture.headers, body: fixture.body });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(project(result.error)).toStrictEqual({
      kind: 'validation',
      status: 400,
      title: 'One or more validation errors occurred.',
      type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
      issues: [issue([], 'A non-empty request body is required.', '')],
      retryable: false,
      traceId: '|7fb5e16a-4c8f23bbfc974667.',
      dialect: 'problem',
      extensions: {},
    });
  });

  it("reads System.Text.Json's JSONPath keys as paths from the body: `$.age` is ['age'], `$` the body as a whole", () => {
    // ASP.NET Core with System.Text.Json (the default since 3.0) keys a body it cannot bind by its JSONPath.
    const body = { ...fixture.body as object, errors: { '$.age': ['The JSON value could not be converted to System.Int32. Path: $.age | LineNumber: 0 | BytePositionInLine: 11.'], '$.items[1].name': ['The Name field is required.'], $: ['The request body is empty.'] } };
    const result = normalizeWithProblem({ status: 400, headers: fixture.headers, body });
    expect(result.ok ? [] : result.error.issues.map(({ path, field }) => ({ path, field }))).toEqual([
      { path: ['age'], field: '$.age' },
      { path: ['items', 1, 'name'], field: '$.items[1].name' },
      { path: [], field: '$' },
    ]);
  });

  it('is not claimed by field-map even without its media type', () => {
    expect(fieldMapDialect.detect(fixture.body, 'application/json')).toBe(false);
  });
});

describe('field-map detection', () => {
  it('claims bare maps of message lists, nested maps and DRF lists of maps', () => {
    const positives: unknown[] = [
      { email: ["can't be blank", 'is invalid'] },
      { email: ['This field is required.'], non_field_errors: ['Unable to log in with provided credentials.'] },
      { address: { city: ['This field is required.'] } },
      { items: [{}, { name: ['This field is required.'] }] },
      { tags: { 0: ['Not a valid string.'] } },
      { '': ['A non-empty request body is required.'] },
      JSON.parse('{"__proto__": ["is reserved"]}') as unknown,
    ];
    for (const body of positives) expect(fieldMapDialect.detect(body, 'application/json'), JSON.stringify(body)).toBe(true);
  });

  it('claims nothing with a string, number, boolean or null member, a top-level errors, or no message at all', () => {
    const negatives: unknown[] = [
      {},
      [],
      ['is invalid'],
      'email is invalid',
      null,
      42,
      { detail: 'Not found.' },
      { message: 'The given data was invalid.', errors: { email: ['The email field is required.'] } },
      { errors: { email: ["can't be blank"] } },
      { errors: ['is invalid'] },
      { title: 'Invalid', email: ['is invalid'] },
      { error: 'invalid_grant', email: ['is invalid'] },
      { email: ['is invalid'], count: 1 },
      { email: ['is invalid'], ok: false },
      { email: ['is invalid'], extra: null },
      { email: ['is invalid', 3] },
      { email: ['is invalid', { name: ['x'] }] },
      { items: [{}, {}] },
      { items: [] },
      { items: [{ name: 'Ada' }] },
      { address: { city: 'Rome' } },
    ];
    for (const body of negatives) expect(fieldMapDialect.detect(body, 'application/json'), JSON.stringify(body)).toBe(false);
  });

  it('claims none of the seed fixtures', () => {
    for (const { fixtures } of readSeedFixtures()) {
      for (const [label, { body }] of fixtures) expect(fieldMapDialect.detect(body, 'application/json'), label).toBe(false);
    }
  });

  it('claims none of the other families’ typical bodies', () => {
    for (const [family, body] of Object.entries(otherFamilies)) expect(fieldMapDialect.detect(body, 'application/json'), family).toBe(false);
  });

  it('stops scanning after a fixed number of values and answers from what it saw', () => {
    const messages: unknown[] = Array.from({ length: 100_000 }, () => 'is invalid');
    messages.push(42);
    // The 42 at the end is never looked at: detection costs the same on every body.
    expect(fieldMapDialect.detect({ email: messages }, 'application/json')).toBe(true);
    const fields: Record<string, unknown> = {};
    for (let index = 0; index < 100_000; index++) fields[`field${index}`] = ['is invalid'];
    fields['zzz'] = 'a string at the end';
    expect(fieldMapDialect.detect(fields, 'application/json')).toBe(true);
  });
});

/** Typical bodies of the other dialects, seed and issue 6. */
const otherFamilies: Readonly<Record<string, unknown>> = {
  'json-api': { errors: [{ status: '422', source: { pointer: '/data/attributes/firstName' }, title: 'Invalid Attribute', detail: 'First name must contain at least two characters.' }] },
  graphql: { errors: [{ message: 'Name for character with ID 1002 could not be fetched.', locations: [{ line: 6, column: 7 }], path: ['hero', 'heroFriends', 1, 'name'] }], data: null },
  google: { error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT' } },
  odata: { error: { code: 'BadRequest', message: 'Resource not found for the segment.' } },
  stripe: { error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' } },
  slack: { ok: false, error: 'invalid_auth' },
  aws: { __type: 'ValidationException', message: '1 validation error detected' },
  kubernetes: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'pods "web" not found', reason: 'NotFound', details: { name: 'web', kind: 'pods' }, code: 404 },
  spring: { timestamp: '2024-05-01T10:15:30.000+00:00', status: 404, error: 'Not Found', path: '/api/users/42' },
  'status-code': { statusCode: 400, message: ['email must be an email'], error: 'Bad Request' },
  'status-message': { status: 404, message: "Can't find campaign named 'CampaignName'" },
  envelope: { result: 'error', error: { type: 'validation', code: 6001, message: 'The value must be a valid date.' } },
  problem: { type: 'about:blank', title: 'Not Found', status: 404 },
};

describe('field-map parsing', () => {
  it('reads DRF non_field_errors and list items with their paths', () => {
    const error = toError(
      normalize({
        status: 400,
        body: { non_field_errors: ['Unable to log in.'], items: [{}, { name: ['This field is required.'], non_field_errors: ['Duplicate item.'] }], 'lines[2].qty': ['Must be positive.'] },
      }),
    );
    expect(error.kind).toBe('validation');
    expect(error.issues).toStrictEqual([
      issue([], 'Unable to log in.', 'non_field_errors'),
      issue(['items', 1, 'name'], 'This field is required.', 'items.1.name'),
      issue(['items', 1], 'Duplicate item.', 'items.1.non_field_errors'),
      issue(['lines', 2, 'qty'], 'Must be positive.', 'lines[2].qty'),
    ]);
  });

  it('reads DRF full details in nested lists, and claims no list of objects with more than a message and its code', () => {
    const error = toError(normalize({ status: 400, body: { items: [{}, { sku: [{ message: 'Unknown SKU.', code: 'invalid' }] }] } }));
    expect(error.issues).toStrictEqual([{ path: ['items', 1, 'sku'], message: 'Unknown SKU.', field: 'items.1.sku', code: 'invalid' }]);
    // `{message, code, limit}` or a numeric code is no full detail, and no map of messages either.
    expect(fieldMapDialect.detect({ note: [{ message: 'Too long.', code: 'max_length', limit: 10 }] }, 'application/json')).toBe(false);
    expect(fieldMapDialect.detect({ note: [{ message: 'Too long.', code: 7 }] }, 'application/json')).toBe(false);
  });

  it('does not take an empty item for a full detail when Object.prototype carries a message', () => {
    const claimed = withPollutedPrototype({ message: 'POLLUTED' }, () => fieldMapDialect.detect({ items: [{}] }, 'application/json'));
    expect(claimed).toBe(false);
  });

  it('gives a 2xx body back as data, and a 500 with issues stays a server error', () => {
    const success = normalize({ status: 200, body: { tags: ['red', 'blue'] } });
    expect(success).toStrictEqual({ ok: true, value: { status: 200, data: { tags: ['red', 'blue'] }, dialect: 'field-map', body: { tags: ['red', 'blue'] } } });
    expect(toError(normalize({ status: 500, body: { base: ['Something broke.'] } })).kind).toBe('server');
  });

  it('ignores members of the wrong type, keeping them in extensions, when the dialect is forced', () => {
    const error = toError(
      normalize({ status: 422, body: { email: ['is invalid', 7, null, { x: 1 }], name: 'is required', count: 2, ok: false, none: null } }, { dialect: 'field-map' }),
    );
    expect(project(error)).toStrictEqual({
      kind: 'validation',
      status: 422,
      title: 'Unprocessable Content',
      issues: [issue(['email'], 'is invalid', 'email')],
      retryable: false,
      dialect: 'field-map',
      extensions: { name: 'is required', count: 2, ok: false, none: null },
    });
  });

  it('keeps __proto__ keys as data', () => {
    const body = JSON.parse('{"__proto__": ["is reserved"], "constructor": {"prototype": ["is reserved too"]}}') as unknown;
    const error = toError(normalize({ status: 422, body }));
    expect(error.dialect).toBe('field-map');
    expect(error.issues).toStrictEqual([issue(['__proto__'], 'is reserved', '__proto__'), issue(['constructor', 'prototype'], 'is reserved too', 'constructor.prototype')]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('gives the same output with a polluted Object.prototype', () => {
    const inputs = [
      ...Object.keys(expectations).map((name) => readFixture(fixtureDirectory, name)),
      { status: 400, headers: {}, body: { items: [{}, { name: ['required'] }], non_field_errors: ['x'] } },
    ];
    const before = inputs.map((input) => normalize(input));
    const pollution: Record<string, unknown> = { 0: 'polluted', email: ['POLLUTED'], errors: ['POLLUTED'], message: 'POLLUTED', detail: 'POLLUTED', base: ['POLLUTED'], non_field_errors: ['POLLUTED'] };
    const [after, detected] = withPollutedPrototype(pollution, () => [inputs.map((input) => normalize(input)), inputs.map((input) => fieldMapDialect.detect(input.body, 'application/json'))] as const);
    expect(after).toStrictEqual(before);
    expect(detected).toStrictEqual(inputs.map((input) => fieldMapDialect.detect(input.body, 'application/json')));
  });
});

describe('field-map depth and size', () => {
  /** `{"a": {"a": … ["is invalid"]}}`, `levels` maps deep. */
  function nest(levels: number): unknown {
    let body: unknown = ['is invalid'];
    for (let level = 0; level < levels; level++) body = { a: body };
    return body;
  }

  it('does not throw on a 1,000,000-deep body, and does not claim it', () => {
    const body = nest(1_000_000);
    expect(() => fieldMapDialect.detect(body, 'application/json')).not.toThrow();
    expect(fieldMapDialect.detect(body, 'application/json')).toBe(false);
    const error = toError(normalize({ status: 422, body }, { dialect: 'field-map' }));
    expect(error.issues).toEqual([]);
  });

  it('stops nesting at depth 64', () => {
    expect(fieldMapDialect.detect(nest(64), 'application/json')).toBe(true);
    expect(fieldMapDialect.detect(nest(65), 'application/json')).toBe(false);
    const deepest = toError(normalize({ status: 422, body: nest(64) }));
    expect(deepest.issues).toHaveLength(1);
    expect(deepest.issues[0]?.path).toHaveLength(64);
    expect(toError(normalize({ status: 422, body: nest(65) }, { dialect: 'field-map' })).issues).toEqual([]);
  });

  it('cuts the paths of a map 62 deep, each key of 64 segments, at 64 segments, whatever its size', () => {
    // Each level's key added its 64 segments to the path of every issue below: 100,000 issues of
    // paths 4,000 long each ran out of memory, or took seconds per 100 KB of body.
    const key = Array.from({ length: 64 }, (_, index) => `k${index}`).join('.');
    let body: Record<string, unknown> = {};
    for (let index = 0; index < 100_000; index++) body[`f${index}`] = ['is invalid'];
    for (let level = 0; level < 61; level++) body = { [key]: body };
    const error = toError(normalize({ status: 422, body }));
    expect(error.issues).toHaveLength(100_000);
    expect(error.issues[99_999]?.path).toEqual(key.split('.'));
    // The field keeps the first 1,024 characters of the server's spelling (15 KB here, times 100,000 issues).
    expect(error.issues[99_999]?.field).toBe(`${`${key}.`.repeat(61)}f99999`.slice(0, 1_024));
  });

  it("ends on a caller's object that shares a member at every level (2^60 ways in), after a fixed number of maps", () => {
    let body: Record<string, unknown> = { a: ['is invalid'], b: ['is invalid'] };
    for (let level = 1; level < 60; level++) body = { a: body, b: body };
    const error = toError(normalize({ status: 422, body }));
    expect(error.kind).toBe('validation');
    expect(error.issues.length).toBeGreaterThan(0);
    expect(error.issues.length).toBeLessThanOrEqual(200_000);
    expect(error.issues[0]).toStrictEqual(issue(Array(60).fill('a'), 'is invalid', Array(60).fill('a').join('.')));
  });

  it('reads a 100,000-field map into 100,000 issues', () => {
    const body: Record<string, unknown> = {};
    for (let index = 0; index < 100_000; index++) body[`field${index}`] = ['is invalid'];
    const error = toError(normalize({ status: 422, body }));
    expect(error.issues).toHaveLength(100_000);
    expect(error.issues[99_999]).toStrictEqual(issue(['field99999'], 'is invalid', 'field99999'));
  });
});

describe("zod's flatten() and issues as a server sends them on", () => {
  const read = (body: unknown) => toError(normalize({ status: 400, headers: { 'content-type': 'application/json' }, body }));

  it('reads `{formErrors, fieldErrors}` as the object\'s issues and the fields\', which were fields named `fieldErrors.email`', () => {
    // zod's `error.flatten()` (`z.flattenError(error)` in zod 4), as Next.js server actions and tRPC answer it.
    const error = read({ formErrors: ['Too many items'], fieldErrors: { email: ['Invalid email address'], name: ['Required', 'Too short'] } });
    expect(error).toMatchObject({ kind: 'validation', dialect: 'field-map' });
    expect(error.issues.map(({ path, message, field }) => ({ path, message, field }))).toEqual([
      { path: [], message: 'Too many items', field: 'formErrors' },
      { path: ['email'], message: 'Invalid email address', field: 'email' },
      { path: ['name'], message: 'Required', field: 'name' },
      { path: ['name'], message: 'Too short', field: 'name' },
    ]);
    // Under a message, as an Express route writes `{message, errors: error.flatten()}`.
    expect(read({ message: 'Validation failed', errors: { formErrors: [], fieldErrors: { email: ['Invalid email address'] } } }).issues).toEqual([{ path: ['email'], message: 'Invalid email address', field: 'email' }]);
  });

  it("reads zod 4's ZodError as JSON, whose issues are only in the JSON text of its message (Hono's zod-validator answers so)", () => {
    const result = z.object({ name: z.string(), email: z.email() }).safeParse({ email: 'x' });
    const expected = [
      { path: ['name'], code: 'invalid_type' },
      { path: ['email'], code: 'invalid_format' },
    ];
    // `c.json(result, 400)`, `res.json(result.error)` and `{error: result.error}` alike; before, the JSON text was the detail.
    for (const body of [JSON.parse(JSON.stringify(result)), JSON.parse(JSON.stringify(result.error)), JSON.parse(JSON.stringify({ error: result.error }))]) {
      const error = read(body);
      expect(error).toMatchObject({ kind: 'validation' });
      expect(error).not.toHaveProperty('detail');
      expect(error.issues.map(({ path, code }) => ({ path, code }))).toEqual(expected);
    }
    // A message that is no JSON list stays the detail.
    expect(read({ name: 'ZodError', message: '[not json' })).toMatchObject({ detail: '[not json' });
  });

  it("reads a list of zod's issues under `issues`, which gave none: `{message, issues}` and zod 3's ZodError as JSON", () => {
    const issues = [{ code: 'invalid_type', expected: 'string', received: 'undefined', path: ['items', 0, 'name'], message: 'Required' }];
    expect(read({ message: 'Validation failed', issues })).toMatchObject({ kind: 'validation', detail: 'Validation failed', issues: [{ path: ['items', 0, 'name'], message: 'Required', code: 'invalid_type' }] });
    expect(read({ issues, name: 'ZodError' }).issues).toMatchObject([{ path: ['items', 0, 'name'], message: 'Required' }]);
    // An API's `issues` of data (a tracker's issue records) are no validation issues: kept as they came.
    const tracker = read({ message: 'Validation Failed', issues: [{ number: 1, title: 'Bug report', body: 'Steps…' }] });
    expect(tracker).toMatchObject({ kind: 'bad_request', issues: [], extensions: { issues: [{ number: 1, title: 'Bug report', body: 'Steps…' }] } });
  });
});

describe('a key nested over many fields', () => {
  it('keeps each issue\'s field and path keys to 1,024 characters, so that the error serializes in proportion to its body', () => {
    // 35,000 fields under one 400 KB key, a body under 1 MiB: each issue repeated the key in its
    // path and field, a model of some 28 GB once JSON.stringify, structuredClone or a log wrote
    // it out; and cutting each joined field copied the key whole, out of memory. The body keeps the key.
    const key = 'k'.repeat(400_000);
    const fields = Object.fromEntries(Array.from({ length: 35_000 }, (_, index) => [`f${index}`, ['is invalid']]));
    const result = normalize({ status: 422, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ [key]: fields }) });
    const error = toError(result);
    expect(error.issues).toHaveLength(35_000);
    expect(error.issues[0]).toMatchObject({ path: ['k'.repeat(1_024), 'f0'], field: 'k'.repeat(1_024), message: 'is invalid' });
    expect(Math.max(...error.issues.map((issue) => issue.field?.length ?? 0))).toBeLessThanOrEqual(1_024);
    expect(JSON.stringify(error).length).toBeLessThan(100_000_000);
    expect(Object.keys(error.body as object)[0]).toHaveLength(400_000);
  });

  it('cuts a key at 1,023 characters rather than between the halves of an emoji, which strict JSON parsers refuse alone', () => {
    const key = `${'a'.repeat(1_023)}😀tail`;
    const error = toError(normalize({ status: 422, body: { errors: { [key]: ['is invalid'] } } }));
    expect(error.issues[0]?.path[0]).toBe('a'.repeat(1_023));
    expect(error.issues[0]?.field).toBe('a'.repeat(1_023));
    // A key whose 1,024th character is a whole one keeps 1,024.
    const whole = toError(normalize({ status: 422, body: { errors: { [`${'a'.repeat(1_022)}😀tail`]: ['is invalid'] } } }));
    expect(whole.issues[0]?.path[0]).toBe(`${'a'.repeat(1_022)}😀`);
  });
});
