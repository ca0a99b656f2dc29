/**
 * The spring dialect: Spring Boot's default error body (`DefaultErrorAttributes`). Expectations
 * are written out by hand from the documents each fixture names.
 */
import { describe, expect, it } from 'vitest';
import { springDialect } from '../../src/dialects/spring.ts';
import { createNormalizer, plainDialect, statusMessageDialect } from '../../src/index.ts';
import { listJson, moreFixtures, project, readFixture, readSeedFixtures, toError, withPollutedPrototype, type ProjectedError } from './support.ts';

/** The members of an error an expectation here writes out. */
type Expected = Omit<ProjectedError, 'type'>;

const fixtureDirectory = moreFixtures('spring');

const normalize = createNormalizer({ dialects: [springDialect, plainDialect] });

const bindingErrors = [
  {
    codes: ['NotBlank.user.email', 'NotBlank.email', 'NotBlank.java.lang.String', 'NotBlank'],
    arguments: [{ codes: ['user.email', 'email'], arguments: null, defaultMessage: 'email', code: 'email' }],
    defaultMessage: 'must not be blank',
    objectName: 'user',
    field: 'email',
    rejectedValue: '',
    bindingFailure: false,
    code: 'NotBlank',
  },
];

const expectations: Readonly<Record<string, Expected>> = {
  // Boot 1.x: an epoch-millisecond timestamp, no path, and an empty message that says nothing.
  'guide-404-actuator.json': {
    kind: 'not_found',
    status: 404,
    title: 'Not Found',
    issues: [],
    retryable: false,
    dialect: 'spring',
    extensions: { timestamp: 1384788106983 },
  },
  'restdocs-400-error.json': {
    kind: 'bad_request',
    status: 400,
    title: 'Bad Request',
    detail: "The tag 'http://localhost:8080/tags/123' does not exist",
    instance: '/notes',
    issues: [],
    retryable: false,
    dialect: 'spring',
    extensions: { timestamp: '2024-05-01T10:15:30.000+00:00' },
  },
  // A BindingResult: its FieldErrors become issues (field, defaultMessage, code); 400 with issues is validation.
  'defaults-400-binding.json': {
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: "Validation failed for object='user'. Error count: 1",
    instance: '/api/users',
    issues: [{ path: ['email'], field: 'email', message: 'must not be blank', code: 'NotBlank' }],
    retryable: false,
    dialect: 'spring',
    extensions: { timestamp: '2024-05-01T10:15:30.000+00:00' },
  },
};

describe('spring fixtures (test/fixtures/more/spring)', () => {
  it('has an expectation for every fixture and a fixture for every expectation', () => {
    const names = listJson(fixtureDirectory);
    expect(names).toEqual(Object.keys(expectations).sort());
  });

  for (const name of Object.keys(expectations)) {
    it(`normalizes ${name} as written down`, () => {
      const fixture = readFixture(fixtureDirectory, name);
      const error = toError(normalize({ status: fixture.status, headers: fixture.headers, body: fixture.body }));
      expect(project(error)).toStrictEqual(expectations[name]);
      expect(error.body).toStrictEqual(fixture.body);
    });
  }

  it('keeps the binding errors whole in the body, the issues holding what the model has room for', () => {
    const fixture = readFixture(fixtureDirectory, 'defaults-400-binding.json');
    expect((fixture.body as { errors: unknown }).errors).toStrictEqual(bindingErrors);
  });
});

describe('spring before status-message', () => {
  const fixture = readFixture(fixtureDirectory, 'restdocs-400-error.json');

  it('reads a Spring body with a message and a numeric status as spring when spring comes first', () => {
    const normalizeInOrder = createNormalizer({ dialects: [springDialect, statusMessageDialect, plainDialect] });
    const error = toError(normalizeInOrder({ status: 400, headers: fixture.headers, body: fixture.body }));
    expect(error.dialect).toBe('spring');
    expect(error.instance).toBe('/notes');
  });

  it('loses the title and the instance to status-message when status-message comes first', () => {
    expect(statusMessageDialect.detect(fixture.body, 'application/json')).toBe(true);
    const normalizeInWrongOrder = createNormalizer({ dialects: [statusMessageDialect, springDialect, plainDialect] });
    const error = toError(normalizeInWrongOrder({ status: 400, headers: fixture.headers, body: fixture.body }));
    expect(error.dialect).toBe('status-message');
    expect(error.title).toBe('Bad Request');
    expect(error.instance).toBeUndefined();
    expect(error.extensions).toStrictEqual({ timestamp: '2024-05-01T10:15:30.000+00:00', error: 'Bad Request', path: '/notes' });
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
  'field-map': { email: ["can't be blank"] },
  'status-code': { statusCode: 404, error: 'Not Found', message: 'missing' },
  'status-message': { status: 404, message: "Can't find campaign named 'CampaignName'" },
  envelope: { result: 'error', error: { type: 'validation', code: 6001, message: 'The value must be a valid date.' } },
  problem: { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No user 42', instance: '/api/users/42' },
  // NestJS's own docs show an exception filter writing `{statusCode, timestamp, path}`: no `status`, no `error`.
  'nest-filter': { statusCode: 404, timestamp: '2024-05-01T10:15:30.000Z', path: '/cats/1' },
};

describe('spring detection', () => {
  it('claims bodies with a timestamp, a numeric status and an error string', () => {
    const positives: unknown[] = [
      { timestamp: '2024-05-01T10:15:30.000+00:00', status: 404, error: 'Not Found', path: '/api/users/42' },
      { timestamp: 1467943759106, status: 404, error: 'Not Found', message: 'No message available', path: '/some-other-resource' },
      { timestamp: '2024-05-01T10:15:30.000+00:00', status: 999, error: 'None' },
    ];
    for (const body of positives) expect(springDialect.detect(body, 'application/json'), JSON.stringify(body)).toBe(true);
  });

  it('claims nothing whose markers are missing or of the wrong type', () => {
    const negatives: unknown[] = [
      null,
      'Not Found',
      [{ timestamp: '2024-05-01', status: 404, error: 'Not Found' }],
      { status: 404, error: 'Not Found', path: '/x' },
      { timestamp: '2024-05-01', status: '404', error: 'Not Found', path: '/x' },
      { timestamp: '2024-05-01', status: 404, error: { code: 'NotFound' }, path: '/x' },
      { timestamp: null, status: 404, error: 'Not Found', path: '/x' },
      { timestamp: true, status: 404, error: 'Not Found', path: '/x' },
      { timestamp: Number.NaN, status: 404, error: 'Not Found', path: '/x' },
    ];
    for (const body of negatives) expect(springDialect.detect(body, 'application/json'), JSON.stringify(body)).toBe(false);
  });

  it('claims none of the seed fixtures', () => {
    for (const { fixtures } of readSeedFixtures()) {
      for (const [label, { body }] of fixtures) expect(springDialect.detect(body, 'application/json'), label).toBe(false);
    }
  });

  it('claims none of the other families’ typical bodies', () => {
    for (const [family, body] of Object.entries(otherFamilies)) expect(springDialect.detect(body, 'application/json'), family).toBe(false);
  });
});

describe('spring parsing', () => {
  it('keeps a body status that disagrees with the HTTP status visible in extensions', () => {
    const error = toError(normalize({ status: 500, body: { timestamp: '2024-05-01T10:15:30.000+00:00', status: 999, error: 'None', message: 'No message available' } }));
    expect(project(error)).toStrictEqual({
      kind: 'server',
      status: 500,
      title: 'None',
      issues: [],
      retryable: true,
      dialect: 'spring',
      extensions: { timestamp: '2024-05-01T10:15:30.000+00:00', status: 999 },
    });
  });

  it('reads requestId, and keeps trace and exception in extensions', () => {
    const body = {
      timestamp: '2024-05-01T10:15:30.000+00:00',
      path: '/api/users/42',
      status: 500,
      error: 'Internal Server Error',
      message: 'Boom',
      requestId: 'd0a8f82f-1',
      exception: 'java.lang.IllegalStateException',
      trace: 'java.lang.IllegalStateException: Boom\n\tat com.example.UserController.get(UserController.java:42)\n',
    };
    expect(project(toError(normalize({ status: 500, body })))).toStrictEqual({
      kind: 'server',
      status: 500,
      title: 'Internal Server Error',
      detail: 'Boom',
      instance: '/api/users/42',
      issues: [],
      requestId: 'd0a8f82f-1',
      retryable: true,
      dialect: 'spring',
      extensions: { timestamp: '2024-05-01T10:15:30.000+00:00', exception: body.exception, trace: body.trace },
    });
  });

  it('reads an ObjectError without a field as an issue of the whole object, and skips errors without a message', () => {
    const body = {
      timestamp: '2024-05-01T10:15:30.000+00:00',
      status: 400,
      error: 'Bad Request',
      message: "Validation failed for object='order'. Error count: 3",
      errors: [
        { codes: ['ValidDates.order'], defaultMessage: 'start must be before end', objectName: 'order', code: 'ValidDates' },
        { field: 'lines[0].quantity', defaultMessage: 'must be greater than 0', code: 'Positive', rejectedValue: -1 },
        { field: 'note', defaultMessage: null, code: 'Size' },
        'not an error object',
      ],
      path: '/orders',
    };
    expect(toError(normalize({ status: 400, body })).issues).toStrictEqual([
      { path: [], message: 'start must be before end', code: 'ValidDates' },
      { path: ['lines', 0, 'quantity'], field: 'lines[0].quantity', message: 'must be greater than 0', code: 'Positive' },
    ]);
  });

  it('ignores members of the wrong type, keeping them in extensions', () => {
    const body = { timestamp: 1, status: 400, error: 'Bad Request', message: 7, path: ['x'], requestId: 12, errors: { email: 'must not be blank' } };
    expect(project(toError(normalize({ status: 400, body })))).toStrictEqual({
      kind: 'bad_request',
      status: 400,
      title: 'Bad Request',
      issues: [],
      retryable: false,
      dialect: 'spring',
      extensions: { timestamp: 1, message: 7, path: ['x'], requestId: 12, errors: { email: 'must not be blank' } },
    });
  });

  it('gives a 2xx body back as data', () => {
    const body = { timestamp: '2024-05-01T10:15:30.000+00:00', status: 200, error: 'None' };
    expect(normalize({ status: 200, body })).toStrictEqual({ ok: true, value: { status: 200, data: body, dialect: 'spring', body } });
  });

  it('gives the same output with a polluted Object.prototype', () => {
    const inputs = Object.keys(expectations).map((name) => readFixture(fixtureDirectory, name));
    inputs.push({ source: 'test', status: 400, headers: {}, body: { timestamp: 1, status: 400, error: 'Bad Request', errors: [{ defaultMessage: 'x' }] } });
    const before = inputs.map((input) => normalize(input));
    const pollution: Record<string, unknown> = {
      timestamp: 'POLLUTED',
      status: 400,
      error: 'POLLUTED',
      message: 'POLLUTED',
      path: '/polluted',
      requestId: 'POLLUTED',
      errors: [{ field: 'polluted', defaultMessage: 'POLLUTED' }],
      field: 'polluted',
      defaultMessage: 'POLLUTED',
      code: 'POLLUTED',
    };
    const [after, detectedWithout] = withPollutedPrototype(pollution, () => [inputs.map((input) => normalize(input)), springDialect.detect({}, 'application/json')] as const);
    expect(after).toStrictEqual(before);
    expect(detectedWithout).toBe(false);
  });

  it('does not throw on deep or huge bodies', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 1_000_000; level++) deep = { errors: [deep] };
    const body = { timestamp: 1, status: 400, error: 'Bad Request', errors: [deep], trace: deep };
    expect(() => normalize({ status: 400, body })).not.toThrow();
    const many = Array.from({ length: 100_000 }, (_, index) => ({ field: `f${index}`, defaultMessage: 'must not be null', code: 'NotNull' }));
    const error = toError(normalize({ status: 400, body: { timestamp: 1, status: 400, error: 'Bad Request', errors: many } }));
    expect(error.kind).toBe('validation');
    expect(error.issues).toHaveLength(100_000);
  });
});
