/**
 * The Google APIs dialect (cloud.google.com/apis/design/errors, AIP-193): every fixture in
 * test/fixtures/more/google/ normalizes to the values written out below by hand, the
 * `google.rpc` details become issues, waits and request ids, and hostile bodies change nothing.
 */
import { describe, expect, it } from 'vitest';
import { googleDialect } from '../../src/dialects/google.ts';
import { createNormalizer, plainDialect, type ApiError, type ApiResult } from '../../src/index.ts';
import { failsIn, inputOf, listJson, moreFixtures, readError, readFixture, readSeedFixtures, toError, toSuccess, withPollutedPrototype } from './support.ts';

const normalize = createNormalizer({ dialects: [googleDialect, plainDialect] });
const fixtureFolder = moreFixtures('google');
const normalizeFixture = (name: string): ApiResult => normalize(inputOf(readFixture(fixtureFolder, name)));
/** The `details` of a fixture's error, to say which of them stay in the extensions. */
const readDetails = (name: string): unknown[] => (readFixture(fixtureFolder, name).body as { error: { details: unknown[] } }).error.details;
const fails = failsIn('google');

const expectations: Readonly<Record<string, () => void>> = {
  '400-api-key-invalid.json': () =>
    expect(readError(normalizeFixture('400-api-key-invalid.json'))).toEqual(
      fails({
        kind: 'bad_request',
        status: 400,
        title: 'Bad Request',
        detail: 'API key not valid. Please pass a valid API key.',
        // AIP-193: ErrorInfo.reason is the most specific code; ErrorInfo stays for its domain and metadata.
        code: 'API_KEY_INVALID',
        retryable: false,
        extensions: {
          details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'translate.googleapis.com' } }],
        },
      }),
    ),
  '403-service-disabled.json': () =>
    expect(readError(normalizeFixture('403-service-disabled.json'))).toEqual(
      fails({
        kind: 'forbidden',
        status: 403,
        title: 'Forbidden',
        detail:
          'Cloud Translation API has not been used in project 123456 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/translate.googleapis.com/overview?project=123456 then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.',
        code: 'SERVICE_DISABLED',
        retryable: false,
        extensions: { details: readDetails('403-service-disabled.json') },
      }),
    ),
  '429-resource-exhausted.json': () => {
    expect(readDetails('429-resource-exhausted.json')).toHaveLength(3);
    expect(readError(normalizeFixture('429-resource-exhausted.json'))).toEqual(
      fails({
        kind: 'rate_limited',
        status: 429,
        title: 'Too Many Requests',
        detail: "The zone 'us-east1-a' does not have enough resources available to fulfill the request. Try a different zone, or try again later.",
        code: 'RESOURCE_AVAILABILITY',
        retryable: true,
        // ErrorInfo, LocalizedMessage and Help have no place in the model: all three stay.
        extensions: { details: readDetails('429-resource-exhausted.json') },
      }),
    );
  },
  '400-field-violations.json': () =>
    expect(readError(normalizeFixture('400-field-violations.json'))).toEqual(
      fails({
        kind: 'validation',
        status: 400,
        title: 'Bad Request',
        detail: 'Request contains an invalid argument.',
        code: 'INVALID_ARGUMENT',
        issues: [
          { path: ['fullName'], field: 'fullName', message: 'The full name must not be empty.' },
          { path: ['emailAddresses', 1, 'email'], field: 'emailAddresses[1].email', message: 'The email address is not valid.' },
          { path: ['emailAddresses', 3, 'type', 2], field: 'emailAddresses[3].type[2]', message: 'The email type is not supported.' },
        ],
        requestId: '6fd6a0c2',
        retryable: false,
      }),
    ),
  // The older `errors[]` Drive, Gmail, Calendar and YouTube send: the reason is the code, a parameter the field.
  'drive-400-bad-request.json': () =>
    expect(readError(normalizeFixture('drive-400-bad-request.json'))).toEqual(
      fails({
        kind: 'validation',
        status: 400,
        title: 'Bad Request',
        detail: 'Sorting is not supported for queries with fullText terms. Results are always in descending relevance order.',
        code: 'badRequest',
        issues: [{ path: ['orderBy'], field: 'orderBy', message: 'Sorting is not supported for queries with fullText terms. Results are always in descending relevance order.', code: 'badRequest' }],
        retryable: false,
        extensions: { errors: (readFixture(fixtureFolder, 'drive-400-bad-request.json').body as { error: { errors: unknown[] } }).error.errors },
      }),
    ),
  // A header's error (`locationType: "header"`) names no field of the request's.
  'drive-401-auth-error.json': () =>
    expect(readError(normalizeFixture('drive-401-auth-error.json'))).toEqual(
      fails({
        kind: 'unauthenticated',
        status: 401,
        title: 'Unauthorized',
        detail: 'Invalid Credentials',
        code: 'authError',
        retryable: false,
        extensions: { errors: [{ domain: 'global', reason: 'authError', message: 'Invalid Credentials', locationType: 'header', location: 'Authorization' }] },
      }),
    ),
  // Drive's rate limits come as 403s, to be retried with exponential backoff.
  'drive-403-user-rate-limit.json': () =>
    expect(readError(normalizeFixture('drive-403-user-rate-limit.json'))).toEqual(
      fails({
        kind: 'rate_limited',
        status: 403,
        title: 'Forbidden',
        detail: 'User Rate Limit Exceeded',
        code: 'userRateLimitExceeded',
        retryable: true,
        extensions: { errors: [{ domain: 'usageLimits', message: 'User Rate Limit Exceeded', reason: 'userRateLimitExceeded' }] },
      }),
    ),
  // grpc-gateway sends the google.rpc.Status itself: its number named as code.proto names it, its details read alike.
  'grpc-gateway-400-bad-request.json': () =>
    expect(readError(normalizeFixture('grpc-gateway-400-bad-request.json'))).toEqual(
      fails({
        kind: 'validation',
        status: 400,
        title: 'Bad Request',
        detail: 'invalid request',
        code: 'INVALID_ARGUMENT',
        issues: [{ path: ['email'], field: 'email', message: 'must be a valid email' }],
        retryable: false,
      }),
    ),
  'grpc-gateway-404-not-found.json': () =>
    expect(readError(normalizeFixture('grpc-gateway-404-not-found.json'))).toEqual(fails({ kind: 'not_found', status: 404, title: 'Not Found', detail: 'user not found', code: 'NOT_FOUND', retryable: false })),
  // Firebase Auth: the message is the code, and after ` : ` the explanation; the list's generic reason is no code.
  'firebase-auth-400-email-exists.json': () =>
    expect(readError(normalizeFixture('firebase-auth-400-email-exists.json'))).toEqual(
      fails({ kind: 'bad_request', status: 400, title: 'Bad Request', detail: 'EMAIL_EXISTS', code: 'EMAIL_EXISTS', retryable: false, extensions: { errors: [{ message: 'EMAIL_EXISTS', domain: 'global', reason: 'invalid' }] } }),
    ),
  'firebase-auth-400-weak-password.json': () =>
    expect(readError(normalizeFixture('firebase-auth-400-weak-password.json'))).toEqual(
      fails({
        kind: 'bad_request',
        status: 400,
        title: 'Bad Request',
        detail: 'Password should be at least 6 characters',
        code: 'WEAK_PASSWORD',
        retryable: false,
        extensions: { errors: [{ message: 'WEAK_PASSWORD : Password should be at least 6 characters', domain: 'global', reason: 'invalid' }] },
      }),
    ),
  // A locked account is a wait: a rate limit, though a 400.
  'firebase-auth-400-too-many-attempts.json': () =>
    expect(readError(normalizeFixture('firebase-auth-400-too-many-attempts.json'))).toEqual(
      fails({
        kind: 'rate_limited',
        status: 400,
        title: 'Bad Request',
        detail: 'Access to this account has been temporarily disabled due to many failed login attempts.',
        code: 'TOO_MANY_ATTEMPTS_TRY_LATER',
        retryable: true,
        extensions: { errors: [{ message: 'TOO_MANY_ATTEMPTS_TRY_LATER : Access to this account has been temporarily disabled due to many failed login attempts.', domain: 'global', reason: 'invalid' }] },
      }),
    ),
  '503-unavailable-retry.json': () =>
    expect(readError(normalizeFixture('503-unavailable-retry.json'))).toEqual(
      fails({ kind: 'unavailable', status: 503, title: 'Service Unavailable', detail: 'The service is currently unavailable.', code: 'UNAVAILABLE', retryAfterMs: 30_000, retryable: true }),
    ),
};

const fixtureNames = listJson(fixtureFolder);

describe('the Google API fixtures', () => {
  it('are at least three real documented bodies, each naming its source and having an expectation', () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(3);
    for (const name of fixtureNames) {
      expect(readFixture(fixtureFolder, name).source, name).toMatch(/Google|AIP-193|google\/rpc/);
      expect(Object.keys(expectations), name).toContain(name);
    }
  });

  for (const name of Object.keys(expectations)) it(`${name} normalizes to what the Google design guide says it means`, () => expectations[name]!());
});

/** Typical bodies of every other family faultline reads. */
const otherFamilies: Readonly<Record<string, unknown>> = {
  'json-api': { errors: [{ status: '422', source: { pointer: '/data/attributes/firstName' }, title: 'Invalid Attribute', detail: 'First name must contain at least two characters.' }] },
  graphql: { errors: [{ message: 'x', path: ['a'], extensions: { code: 'FORBIDDEN' } }], data: null },
  odata: { error: { code: 'BadArgument', message: 'Bad', target: 'x', details: [{ code: 'NullValue', target: 'y', message: 'z' }] } },
  stripe: { error: { type: 'invalid_request_error', code: 'parameter_missing', message: 'Missing required param: amount.', param: 'amount' } },
  slack: { ok: false, error: 'invalid_auth' },
  aws: { __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'Requested resource not found' },
  kubernetes: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'pods "grafana" not found', reason: 'NotFound', details: { name: 'grafana', kind: 'pods' }, code: 404 },
  spring: { timestamp: '2024-05-01T10:15:30.000+00:00', status: 500, error: 'Internal Server Error', path: '/api/users' },
  'status-code': { statusCode: 404, error: 'Not Found', message: 'Not Found' },
  'field-map': { error: ['is invalid'] },
  // google.longrunning.Operation: its `error` is a google.rpc.Status with a gRPC code and no `status` name.
  'operation': { name: 'operations/123', done: true, error: { code: 5, message: 'Not found', details: [] } },
};

describe('Google detection', () => {
  it('claims an `error` object with a numeric code and a string status, or the older list of reasons', () => {
    expect(googleDialect.detect({ error: { code: 404, status: 'NOT_FOUND' } }, 'application/json')).toBe(true);
    expect(googleDialect.detect({ error: { code: 404, message: 'x', errors: [{ domain: 'global', reason: 'notFound', message: 'x' }] } }, '')).toBe(true);
    // Without Google's `domain`, a list of reasons is another API's.
    expect(googleDialect.detect({ error: { code: 404, message: 'x', errors: [{ reason: 'notFound', message: 'x' }] } }, '')).toBe(false);
    expect(googleDialect.detect({ error: { code: 404, message: 'x', errors: [] } }, '')).toBe(false);
    expect(googleDialect.detect({ error: { code: 400, message: 'x', status: 'INVALID_ARGUMENT', errors: [{ reason: 'badRequest' }] } }, '')).toBe(true);
  });

  it('claims a bare google.rpc.Status only with a code of code.proto, typed details, and no other member', () => {
    const badRequest = { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [] };
    expect(googleDialect.detect({ code: 3, message: 'x', details: [badRequest] }, '')).toBe(true);
    expect(googleDialect.detect({ code: 16, details: [] }, '')).toBe(true);
    const unclaimed: unknown[] = [
      { code: 17, message: 'x', details: [] },
      { code: -1, message: 'x', details: [] },
      { code: 3.5, message: 'x', details: [] },
      { code: '3', message: 'x', details: [] },
      { code: 3, message: 'x' },
      { code: 3, message: 'x', details: [{ reason: 'x' }] },
      { code: 3, message: 'x', details: [badRequest, 'x'] },
      { code: 3, message: 'x', details: {} },
      { code: 3, message: 'x', details: [], request_id: 'r' },
    ];
    for (const body of unclaimed) expect(googleDialect.detect(body, ''), JSON.stringify(body)).toBe(false);
  });

  it('claims none of the seed fixtures', () => {
    for (const { folder, fixtures } of readSeedFixtures()) {
      expect(fixtures.length, folder).toBeGreaterThan(0);
      for (const [label, { headers, body }] of fixtures) expect(googleDialect.detect(body, (headers['content-type'] ?? '').toLowerCase()), label).toBe(false);
    }
  });

  it("claims no other family's typical body", () => {
    for (const [family, body] of Object.entries(otherFamilies)) expect(googleDialect.detect(body, 'application/json'), family).toBe(false);
  });

  it('claims no scalar, array, or look-alike', () => {
    const unclaimed: unknown[] = [undefined, null, 1, 'error', [], [{ error: { code: 400, status: 'X' } }], { error: { code: '400', status: 'INVALID_ARGUMENT' } }, { error: { code: 400, status: 3 } }, { error: 'x' }, { error: [{ code: 400, status: 'X' }] }];
    for (const body of unclaimed) expect(googleDialect.detect(body, ''), JSON.stringify(body) ?? 'undefined').toBe(false);
  });
});

describe('Google errors', () => {
  const send = (status: number, error: Record<string, unknown>, headers: Record<string, string> = {}): ApiError => toError(normalize({ status, headers, body: { error } }));
  const retryInfo = (retryDelay: unknown): Record<string, unknown> => ({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay });

  it('name their kind by the canonical status when the HTTP status says little', () => {
    const kinds: Readonly<Record<string, string>> = {
      INVALID_ARGUMENT: 'bad_request',
      FAILED_PRECONDITION: 'bad_request',
      OUT_OF_RANGE: 'bad_request',
      UNAUTHENTICATED: 'unauthenticated',
      PERMISSION_DENIED: 'forbidden',
      NOT_FOUND: 'not_found',
      ALREADY_EXISTS: 'conflict',
      ABORTED: 'conflict',
      RESOURCE_EXHAUSTED: 'rate_limited',
      UNIMPLEMENTED: 'not_implemented',
      UNAVAILABLE: 'unavailable',
      DEADLINE_EXCEEDED: 'timeout',
      INTERNAL: 'server',
      UNKNOWN: 'server',
      DATA_LOSS: 'server',
      OK_BUT_NEW: 'bad_request',
      constructor: 'bad_request',
      ['__proto__']: 'bad_request',
    };
    expect(Object.keys(kinds)).toContain('__proto__');
    // A generic 400 is refined by the status name; an unknown name leaves it a bad request.
    for (const name of Object.keys(kinds)) expect(send(400, { code: 400, message: 'x', status: name }).kind, name).toBe(kinds[name]);
  });

  it('with field violations are validation errors, and the HTTP status still decides first', () => {
    const badRequest = { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field: 'name', description: 'Required', reason: 'REQUIRED' }] };
    expect(send(200, { code: 400, message: 'x', status: 'FAILED_PRECONDITION', details: [badRequest] })).toMatchObject({ kind: 'validation', issues: [{ path: ['name'], field: 'name', message: 'Required', code: 'REQUIRED' }] });
    expect(send(404, { code: 404, message: 'x', status: 'INVALID_ARGUMENT', details: [badRequest] }).kind).toBe('not_found');
  });

  it('read RetryInfo durations in milliseconds, rounded up, and ignore malformed ones', () => {
    const delays: ReadonlyArray<readonly [unknown, number | undefined]> = [
      ['30s', 30_000],
      ['1.5s', 1_500],
      ['0.000000001s', 1],
      ['3.000000001s', 3_001],
      ['0s', 0],
      ['30', undefined],
      ['-1s', undefined],
      ['1.5 s', undefined],
      ['1e3s', undefined],
      [30, undefined],
      [{ seconds: 30 }, undefined],
    ];
    for (const [retryDelay, expected] of delays) {
      const error = send(503, { code: 503, message: 'x', status: 'UNAVAILABLE', details: [retryInfo(retryDelay)] });
      expect(error.retryAfterMs, String(retryDelay)).toBe(expected);
      // A RetryInfo whose delay could not be read stays in the details.
      expect(error.extensions['details'], String(retryDelay)).toEqual(expected === undefined ? [retryInfo(retryDelay)] : undefined);
    }
  });

  it('take the Retry-After header over RetryInfo', () => {
    expect(send(429, { code: 429, message: 'x', status: 'RESOURCE_EXHAUSTED', details: [retryInfo('30s')] }, { 'retry-after': '5' }).retryAfterMs).toBe(5_000);
  });

  it('keep a RequestInfo with serving data, and details they cannot read, in the extensions', () => {
    const requestInfo = { '@type': 'type.googleapis.com/google.rpc.RequestInfo', requestId: 'r-1', servingData: 'stack' };
    const partial = { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field: 'a', description: 'A' }, { field: 'b' }] };
    const localized = { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field: 'c', description: 'C', localizedMessage: { locale: 'de', message: 'C!' } }] };
    const error = send(400, { code: 400, message: 'x', status: 'INVALID_ARGUMENT', details: [requestInfo, partial, localized, 'junk', { '@type': 5 }] });
    expect(error).toMatchObject({ kind: 'validation', requestId: 'r-1', issues: [{ path: ['a'], message: 'A' }, { path: ['c'], message: 'C' }] });
    expect(error.extensions['details']).toEqual([requestInfo, partial, localized, 'junk', { '@type': 5 }]);
  });

  it('lend no entry to an empty list from a polluted Object.prototype', () => {
    const body = JSON.parse('{"error":{"code":403,"message":"Forbidden","errors":[]}}') as unknown;
    const clean = normalize({ status: 403, body });
    const polluted = withPollutedPrototype({ 0: { domain: 'usageLimits', reason: 'userRateLimitExceeded', message: 'x' } }, () => normalize({ status: 403, body }));
    expect(polluted).toEqual(clean);
    expect(toError(clean)).toMatchObject({ kind: 'forbidden', retryable: false });
  });

  it('keep a body code that disagrees with the HTTP status, and unknown members, visible', () => {
    const error = send(500, { code: 503, message: 'x', status: 'UNAVAILABLE', errors: [{ domain: 'global', reason: 'backendError', message: 'x' }] });
    // The older list's reason is the most specific code; the list stays for its domain.
    expect(error).toMatchObject({ kind: 'server', status: 500, code: 'backendError', extensions: { code: 503, errors: [{ domain: 'global', reason: 'backendError', message: 'x' }] } });
  });

  it('ignore members of the wrong type instead of coercing them', () => {
    const error = toError(normalize({ status: 400, body: { error: { code: 400, message: 42, status: 'INVALID_ARGUMENT', details: { '@type': 'x' } } } }));
    expect(error).toMatchObject({ kind: 'bad_request', code: 'INVALID_ARGUMENT', extensions: { message: 42, details: { '@type': 'x' } } });
    expect(error.detail).toBeUndefined();
    const forced = toError(normalize({ status: 400, body: { error: { code: '400', status: 7 } } }, { dialect: 'google' }));
    expect(forced).toMatchObject({ kind: 'bad_request', dialect: 'google', extensions: { code: '400', status: 7 } });
    expect(forced.code).toBeUndefined();
  });

  it('in a 2xx body that is only the error are errors; a resource with an `error` member is data', () => {
    expect(toError(normalize({ status: 200, body: { error: { code: 404, message: 'x', status: 'NOT_FOUND' } } }))).toMatchObject({ kind: 'not_found', status: 200 });
    const resource = { name: 'jobs/1', state: 'FAILED', error: { code: 400, message: 'x', status: 'INVALID_ARGUMENT' } };
    expect(toSuccess(normalize({ status: 200, body: resource }))).toMatchObject({ data: resource, dialect: 'google' });
  });
});

describe("Firebase Auth's coded messages", () => {
  const send = (message: unknown, extra: Record<string, unknown> = {}): ApiError =>
    toError(normalize({ status: 400, body: { error: { code: 400, message, errors: [{ message, domain: 'global', reason: 'invalid' }], ...extra } } }));

  it('take the code from a message in capitals only, in the older shape, and else keep the reason', () => {
    expect(send('INVALID_ID_TOKEN')).toMatchObject({ code: 'INVALID_ID_TOKEN', detail: 'INVALID_ID_TOKEN' });
    expect(send('Invalid value')).toMatchObject({ code: 'invalid', detail: 'Invalid value' });
    expect(send('INVALID : x')).toMatchObject({ code: 'invalid', detail: 'INVALID : x' });
    expect(send('EMAIL_EXISTS: x')).toMatchObject({ code: 'invalid', detail: 'EMAIL_EXISTS: x' });
    // AIP-193's ErrorInfo reason says more, and wins.
    expect(send('EMAIL_EXISTS', { details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'ACCOUNT_EXISTS' }] })).toMatchObject({ code: 'ACCOUNT_EXISTS' });
    // Without the older list, a message in capitals stays the message.
    expect(toError(normalize({ status: 400, body: { error: { code: 400, message: 'API_KEY_INVALID', status: 'INVALID_ARGUMENT' } } }))).toMatchObject({ code: 'INVALID_ARGUMENT', detail: 'API_KEY_INVALID' });
  });
});

describe('a bare google.rpc.Status (grpc-gateway)', () => {
  const send = (status: number, body: Record<string, unknown>): ApiError => toError(normalize({ status, body }));

  it('names its kind by its code where the HTTP status says little, and keeps details it cannot read', () => {
    const info = { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'USER_NOT_FOUND', domain: 'example.com' };
    expect(send(400, { code: 5, message: 'gone', details: [info] })).toMatchObject({ kind: 'not_found', code: 'USER_NOT_FOUND', extensions: { details: [info] } });
    expect(send(500, { code: 14, message: 'down', details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '2s' }] })).toMatchObject({ kind: 'server', code: 'UNAVAILABLE', retryAfterMs: 2000, extensions: {} });
    expect(send(499, { code: 1, message: 'cancelled', details: [] })).toMatchObject({ kind: 'bad_request', code: 'CANCELLED' });
    expect(send(400, { code: 3, message: 42, details: [] })).toMatchObject({ code: 'INVALID_ARGUMENT', extensions: { message: 42 } });
  });

  it('in a 2xx is data', () => {
    const body = { code: 0, message: '', details: [] };
    expect(normalize({ status: 200, body })).toEqual({ ok: true, value: { status: 200, data: body, dialect: 'google', body } });
  });
});

describe('hostile Google bodies', () => {
  it('a polluted Object.prototype changes no output', () => {
    const bodies = fixtureNames.map((name) => readFixture(fixtureFolder, name));
    const run = (): string[] => bodies.map(({ status, headers, body }) => JSON.stringify(normalize({ status, headers, body })));
    const runBare = (): string[] =>
      [{}, { error: {} }, { error: { code: 400, status: 'X' } }, { error: { code: 400, status: 'X', details: [{}] } }].map((body) => JSON.stringify(normalize({ status: 400, body })) + String(googleDialect.detect(body, '')));
    const clean = [...run(), ...runBare()];
    const members = {
      error: { code: 400, status: 'INTERNAL', message: 'polluted' }, code: 500, status: 'INTERNAL', message: 'polluted', details: [{ '@type': 'google.rpc.RetryInfo', retryDelay: '9s' }],
      '@type': 'type.googleapis.com/google.rpc.RequestInfo', requestId: 'polluted', retryDelay: '9s', reason: 'polluted', fieldViolations: [{ field: 'p', description: 'p' }], description: 'polluted', field: 'polluted', X: 'server',
    };
    const polluted = withPollutedPrototype(members, () => [...run(), ...runBare()]);
    expect(polluted).toEqual(clean);
  });

  it('a `__proto__` member stays data', () => {
    const body = JSON.parse('{"error":{"code":400,"message":"x","status":"__proto__","__proto__":{"polluted":true},"details":[{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"__proto__.polluted","description":"d"}]}]}}') as unknown;
    const error = toError(normalize({ status: 400, body }));
    expect(error).toMatchObject({ kind: 'validation', code: '__proto__', issues: [{ path: ['__proto__', 'polluted'], message: 'd' }] });
    expect(Object.getOwnPropertyDescriptor(error.extensions, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('deep and huge bodies do not throw, and paths stop at 64 segments', () => {
    const depth = 100_000;
    const field = Array.from({ length: depth }, (_, index) => `f${index}`).join('.');
    const deepText = `{"error":{"code":400,"message":"deep","status":"INVALID_ARGUMENT","details":[{"@type":"google.rpc.BadRequest","fieldViolations":[{"field":"${field}","description":"d"}]},{"@type":"x","nested":${'['.repeat(depth)}${']'.repeat(depth)}}]}}`;
    const deep = toError(normalize({ status: 400, headers: { 'content-type': 'application/json' }, body: deepText }));
    expect(deep.issues[0]?.path).toHaveLength(64);
    const violations = Array.from({ length: 100_000 }, (_, index) => ({ field: `items[${index}].name`, description: 'Required' }));
    const many = toError(normalize({ status: 400, body: { error: { code: 400, message: 'x', status: 'INVALID_ARGUMENT', details: [{ '@type': 'google.rpc.BadRequest', fieldViolations: violations }] } } }));
    expect(many.issues).toHaveLength(100_000);
    expect(many.issues[99_999]?.path).toEqual(['items', 99_999, 'name']);
  });
});
