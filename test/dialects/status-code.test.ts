/**
 * The status-code dialect: `{statusCode, error, message}` from hapi's boom, Fastify and NestJS.
 * Expectations are written out by hand from the documents each fixture names.
 */
import { describe, expect, it } from 'vitest';
import { statusCodeDialect } from '../../src/dialects/status-code.ts';
import { createNormalizer, plainDialect, statusMessageDialect } from '../../src/index.ts';
import { listJson, moreFixtures, project, readFixture, readSeedFixtures, toError, withPollutedPrototype, type ProjectedError } from './support.ts';

/** The members of an error an expectation here writes out. */
type Expected = Omit<ProjectedError, 'type' | 'instance' | 'traceId'>;

const fixtureDirectory = moreFixtures('status-code');

const normalize = createNormalizer({ dialects: [statusCodeDialect, plainDialect] });

const expectations: Readonly<Record<string, Expected>> = {
  // NestJS leaves `error` out when it would repeat the message: the title is the status text.
  'nest-500-default.json': {
    kind: 'server',
    status: 500,
    title: 'Internal Server Error',
    detail: 'Internal server error',
    issues: [],
    retryable: true,
    dialect: 'status-code',
    extensions: {},
  },
  'nest-403-http-exception.json': {
    kind: 'forbidden',
    status: 403,
    title: 'Forbidden',
    // The message only repeats the title: no detail of its own.
    issues: [],
    retryable: false,
    dialect: 'status-code',
    extensions: {},
  },
  // ValidationPipe: one issue per message, no path guessed, no detail (the issues are the explanation).
  'nest-400-validation.json': {
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    issues: [{ path: [], message: 'email must be an email' }],
    retryable: false,
    dialect: 'status-code',
    extensions: {},
  },
  'fastify-400-validation.json': {
    kind: 'bad_request',
    status: 400,
    title: 'Bad Request',
    detail: "body should have required property 'name'",
    issues: [],
    retryable: false,
    dialect: 'status-code',
    extensions: {},
  },
  'fastify-500-code.json': {
    kind: 'server',
    status: 500,
    title: 'Internal Server Error',
    detail: "Unknown column 'username' in 'field list'",
    code: 'ER_BAD_FIELD_ERROR',
    issues: [],
    retryable: true,
    dialect: 'status-code',
    extensions: {},
  },
  'boom-401-unauthorized.json': {
    kind: 'unauthenticated',
    status: 401,
    title: 'Unauthorized',
    detail: 'invalid password',
    issues: [],
    retryable: false,
    dialect: 'status-code',
    extensions: { attributes: { error: 'invalid password' } },
  },
  'boom-404-not-found.json': {
    kind: 'not_found',
    status: 404,
    title: 'Not Found',
    detail: 'missing',
    issues: [],
    retryable: false,
    dialect: 'status-code',
    extensions: {},
  },
  'boom-500-bad-implementation.json': {
    kind: 'server',
    status: 500,
    title: 'Internal Server Error',
    detail: 'An internal server error occurred',
    issues: [],
    retryable: true,
    dialect: 'status-code',
    extensions: {},
  },
  // boom's own spelling of the 504 title is kept: it is the server's.
  'boom-504-gateway-timeout.json': {
    kind: 'timeout',
    status: 504,
    title: 'Gateway Time-out',
    issues: [],
    retryable: true,
    dialect: 'status-code',
    extensions: {},
  },
};

describe('status-code fixtures (test/fixtures/more/status-code)', () => {
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
  spring: { timestamp: '2024-05-01T10:15:30.000+00:00', status: 404, error: 'Not Found', message: 'No message available', path: '/api/users/42' },
  'status-message': { status: 404, message: "Can't find campaign named 'CampaignName'" },
  envelope: { result: 'error', error: { type: 'validation', code: 6001, message: 'The value must be a valid date.' } },
  problem: { type: 'about:blank', title: 'Not Found', status: 404 },
  // An AWS Lambda proxy result is no HTTP body, and says nothing of an error.
  'lambda-proxy-result': { statusCode: 200, headers: {}, body: '{"ok":true}' },
  // NestJS's docs show an exception filter writing `{statusCode, timestamp, path}`: no message, no error.
  'nest-filter': { statusCode: 404, timestamp: '2024-05-01T10:15:30.000Z', path: '/cats/1' },
};

describe('status-code detection', () => {
  it('claims a numeric statusCode with an error string, or with a message string or list', () => {
    const positives: unknown[] = [
      { statusCode: 404, error: 'Not Found', message: 'Not Found' },
      { statusCode: 504, error: 'Gateway Time-out' },
      { statusCode: 403, message: 'Forbidden' },
      { statusCode: 400, message: ['email must be an email', 'name should not be empty'], error: 'Bad Request' },
      { statusCode: 400, code: 'FST_ERR_VALIDATION', error: 'Bad Request', message: "body must have required property 'name'" },
      { statusCode: 401, message: 'Access denied due to invalid subscription key.' },
    ];
    for (const body of positives) expect(statusCodeDialect.detect(body, 'application/json'), JSON.stringify(body)).toBe(true);
  });

  it('claims nothing whose statusCode is missing or not a number, or that has neither error nor message', () => {
    const negatives: unknown[] = [
      null,
      'Not Found',
      [{ statusCode: 404, error: 'Not Found' }],
      { status: 404, error: 'Not Found', message: 'Not Found' },
      { statusCode: '404', error: 'Not Found', message: 'Not Found' },
      { statusCode: 404 },
      { statusCode: 404, error: { reason: 'Not Found' } },
      { statusCode: 404, message: 404 },
      { status_code: 405, detail: "Method 'DELETE' not allowed." },
    ];
    for (const body of negatives) expect(statusCodeDialect.detect(body, 'application/json'), JSON.stringify(body)).toBe(false);
  });

  it('claims none of the seed fixtures', () => {
    for (const { fixtures } of readSeedFixtures()) {
      for (const [label, { body }] of fixtures) expect(statusCodeDialect.detect(body, 'application/json'), label).toBe(false);
    }
  });

  it('claims none of the other families’ typical bodies', () => {
    for (const [family, body] of Object.entries(otherFamilies)) expect(statusCodeDialect.detect(body, 'application/json'), family).toBe(false);
  });

  it('does not overlap status-message: statusCode is not status', () => {
    for (const name of Object.keys(expectations)) {
      expect(statusMessageDialect.detect(readFixture(fixtureDirectory, name).body, 'application/json'), name).toBe(false);
    }
  });
});

describe('status-code parsing', () => {
  it('reads every string of a NestJS message list as an issue, skipping what is no string', () => {
    const body = { statusCode: 400, message: ['email must be an email', 'name should not be empty', 7, { property: 'age' }], error: 'Bad Request' };
    expect(project(toError(normalize({ status: 400, body })))).toStrictEqual({
      kind: 'validation',
      status: 400,
      title: 'Bad Request',
      issues: [
        { path: [], message: 'email must be an email' },
        { path: [], message: 'name should not be empty' },
      ],
      retryable: false,
      dialect: 'status-code',
      extensions: {},
    });
  });

  it('reads the real Fastify validation body, whose code names the failure', () => {
    const body = { statusCode: 400, code: 'FST_ERR_VALIDATION', error: 'Bad Request', message: "body must have required property 'name'" };
    expect(project(toError(normalize({ status: 400, body })))).toStrictEqual({
      kind: 'bad_request',
      status: 400,
      title: 'Bad Request',
      detail: "body must have required property 'name'",
      code: 'FST_ERR_VALIDATION',
      issues: [],
      retryable: false,
      dialect: 'status-code',
      extensions: {},
    });
  });

  it('keeps a statusCode that disagrees with the HTTP status visible in extensions', () => {
    const error = toError(normalize({ status: 502, body: { statusCode: 404, error: 'Not Found', message: 'missing' } }));
    expect(error.kind).toBe('unavailable');
    expect(error.status).toBe(502);
    expect(error.extensions).toStrictEqual({ statusCode: 404 });
  });

  it('ignores members of the wrong type, keeping them in extensions', () => {
    const body = { statusCode: 400, error: 'Bad Request', message: { text: 'no' }, code: { id: 1 } };
    expect(project(toError(normalize({ status: 400, body })))).toStrictEqual({
      kind: 'bad_request',
      status: 400,
      title: 'Bad Request',
      issues: [],
      retryable: false,
      dialect: 'status-code',
      extensions: { message: { text: 'no' }, code: { id: 1 } },
    });
    // A numeric code is a machine code, as everywhere in faultline.
    expect(toError(normalize({ status: 400, body: { statusCode: 400, error: 'Bad Request', code: 42 } })).code).toBe('42');
  });

  it('gives a 2xx body back as data', () => {
    const body = { statusCode: 200, message: 'ok' };
    expect(normalize({ status: 200, body })).toStrictEqual({ ok: true, value: { status: 200, data: body, dialect: 'status-code', body } });
  });

  it('gives the same output with a polluted Object.prototype', () => {
    const inputs = Object.keys(expectations).map((name) => readFixture(fixtureDirectory, name));
    const before = inputs.map((input) => normalize(input));
    const pollution: Record<string, unknown> = { statusCode: 400, error: 'POLLUTED', message: ['POLLUTED'], code: 'POLLUTED', 0: 'POLLUTED' };
    const [after, detectedEmpty] = withPollutedPrototype(pollution, () => [inputs.map((input) => normalize(input)), statusCodeDialect.detect({}, 'application/json')] as const);
    expect(after).toStrictEqual(before);
    expect(detectedEmpty).toBe(false);
  });

  it('does not throw on deep or huge bodies', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 1_000_000; level++) deep = [deep];
    expect(() => normalize({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: deep, data: deep } })).not.toThrow();
    const messages = Array.from({ length: 100_000 }, (_, index) => `field${index} should not be empty`);
    const error = toError(normalize({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: messages } }));
    expect(error.kind).toBe('validation');
    expect(error.issues).toHaveLength(100_000);
  });
});
