/**
 * The OData / Microsoft Graph / Azure dialect (OData JSON Format v4.01 §21 "Error Response";
 * Microsoft Graph error responses; Microsoft REST API Guidelines): every fixture in
 * test/fixtures/more/odata/ normalizes to the values written out below by hand, `details`
 * and `target` become issues, and hostile bodies change nothing.
 */
import { describe, expect, it } from 'vitest';
import { odataDialect } from '../../src/dialects/odata.ts';
import { stripeDialect } from '../../src/dialects/stripe.ts';
import { createNormalizer, plainDialect, type ApiError, type ApiResult } from '../../src/index.ts';
import { failsIn, inputOf, listJson, moreFixtures, readError, readFixture, readSeedFixtures, readSuccess, toError, toSuccess, withPollutedPrototype } from './support.ts';

const normalize = createNormalizer({ dialects: [odataDialect, plainDialect] });
const fixtureFolder = moreFixtures('odata');
const normalizeFixture = (name: string): ApiResult => normalize(inputOf(readFixture(fixtureFolder, name)));
const fails = failsIn('odata');

const expectations: Readonly<Record<string, () => void>> = {
  '400-graph-bad-request.json': () =>
    expect(readError(normalizeFixture('400-graph-bad-request.json'))).toEqual(
      fails({
        kind: 'bad_request',
        status: 400,
        title: 'Bad Request',
        detail: 'Uploaded fragment overlaps with existing data.',
        code: 'badRequest',
        // The Graph documentation prints placeholders for the request id and date.
        requestId: 'request-id',
        retryable: false,
        extensions: { innerError: { code: 'invalidRange', 'request-id': 'request-id', date: 'date-time' } },
      }),
    ),
  '501-odata-error-response.json': () =>
    expect(readError(normalizeFixture('501-odata-error-response.json'))).toEqual(
      fails({
        kind: 'not_implemented',
        status: 501,
        title: 'Not Implemented',
        detail: 'Unsupported functionality',
        code: 'err123',
        issues: [{ path: ['$search'], field: '$search', message: '$search query option not supported', code: 'forty-two' }],
        retryable: false,
        // With details, the top-level target names the request part as a whole: kept, since no issue holds it.
        extensions: { target: 'query', innererror: { trace: [], context: {} } },
      }),
    ),
  '400-guidelines-details.json': () =>
    expect(readError(normalizeFixture('400-guidelines-details.json'))).toEqual(
      fails({
        kind: 'validation',
        status: 400,
        title: 'Bad Request',
        detail: 'Multiple errors in ContactInfo data',
        code: 'BadArgument',
        issues: [
          { path: ['PhoneNumber'], field: 'PhoneNumber', message: 'Phone number must not be null', code: 'NullValue' },
          { path: ['LastName'], field: 'LastName', message: 'Last name must not be null', code: 'NullValue' },
          { path: ['Address'], field: 'Address', message: 'Address is not valid', code: 'MalformedValue' },
        ],
        retryable: false,
        extensions: { target: 'ContactInfo' },
      }),
    ),
  '400-guidelines-innererror.json': () =>
    expect(readError(normalizeFixture('400-guidelines-innererror.json'))).toEqual(
      fails({
        kind: 'validation',
        status: 400,
        title: 'Bad Request',
        detail: 'Previous passwords may not be reused',
        code: 'BadArgument',
        // A target with no details is one issue of its own.
        issues: [{ path: ['password'], field: 'password', message: 'Previous passwords may not be reused', code: 'BadArgument' }],
        retryable: false,
        extensions: {
          innererror: {
            code: 'PasswordError',
            innererror: {
              code: 'PasswordDoesNotMeetPolicy',
              minLength: '6',
              maxLength: '64',
              characterTypes: ['lowerCase', 'upperCase', 'number', 'symbol'],
              minDistinctCharacterTypes: '2',
              innererror: { code: 'PasswordReuseNotAllowed' },
            },
          },
        },
      }),
    ),
  '429-graph-throttling.json': () =>
    expect(readError(normalizeFixture('429-graph-throttling.json'))).toEqual(
      fails({
        kind: 'rate_limited',
        status: 429,
        title: 'Too Many Requests',
        detail: 'Please retry again later.',
        code: 'TooManyRequests',
        requestId: '94fb3b52-452a-4535-a601-69e0a90e3aa2',
        // Retry-After: 2.128 (Graph sends fractional seconds).
        retryAfterMs: 2_128,
        retryable: true,
        extensions: { innerError: { code: '429', date: '2020-08-18T12:51:51', message: 'Please retry after', 'request-id': '94fb3b52-452a-4535-a601-69e0a90e3aa2', status: '429' } },
      }),
    ),
  // Azure Storage answers in XML and names the code in `x-ms-error-code` too, the header that selects this dialect.
  '400-azure-storage-invalid-query-parameter.json': () =>
    expect(readError(normalizeFixture('400-azure-storage-invalid-query-parameter.json'))).toEqual(
      fails({
        kind: 'bad_request',
        status: 400,
        title: 'Bad Request',
        detail: 'Value for one of the query parameters specified in the request URI is invalid.',
        code: 'InvalidQueryParameterValue',
        retryable: false,
      }),
    ),
  '403-azure-storage-resource-type-mismatch.json': () =>
    expect(readError(normalizeFixture('403-azure-storage-resource-type-mismatch.json'))).toEqual(
      fails({
        kind: 'forbidden',
        status: 403,
        title: 'Forbidden',
        // The message as the service wrote it, its request id and time included.
        detail: 'This request is not authorized to perform this operation using this resource type. RequestId:42a48a49-201e-0092-3770-a7ea70000000 Time:2024-05-16T09:04:16.3226200Z',
        code: 'AuthorizationResourceTypeMismatch',
        requestId: '42a48a49-201e-0092-3770-a7ea70000000',
        retryable: false,
      }),
    ),
  '404-azure-blob-head-not-found.json': () =>
    // A HEAD carries no body: the header alone names the error.
    expect(readError(normalizeFixture('404-azure-blob-head-not-found.json'))).toEqual(
      fails({ kind: 'not_found', status: 404, title: 'Not Found', code: 'BlobNotFound', requestId: '0bf5d869-301e-008f-684d-8bfd82000000', retryable: false }),
    ),
  '200-graph-users-page.json': () =>
    expect(readSuccess(normalizeFixture('200-graph-users-page.json'))).toEqual({
      status: 200,
      // A collection's `value` is the data; the next page's URL a link, as paginate follows it.
      data: [
        { id: 'c25b1eaf-eb49-4f66-90a1-aa41be4d993a', displayName: 'Adele Vance', mail: 'AdeleV@contoso.com' },
        { id: '87d349ed-44d7-43e1-9a83-5f2406dee5bd', displayName: 'Alex Wilber', mail: 'AlexW@contoso.com' },
      ],
      links: { next: { href: 'https://graph.microsoft.com/v1.0/users?$top=5&$skiptoken=RFNwdAIAAQAAAD8' } },
      dialect: 'odata',
      requestId: '2a4a4e2c-0b7e-4b8a-9f7a-8c1a5d6f0e11',
    }),
  '200-odata-count-last-page.json': () =>
    expect(readSuccess(normalizeFixture('200-odata-count-last-page.json'))).toEqual({
      status: 200,
      data: [
        { UserName: 'russellwhyte', FirstName: 'Russell' },
        { UserName: 'scottketchum', FirstName: 'Scott' },
      ],
      page: { recordsCount: 2 },
      dialect: 'odata',
    }),
  '200-graph-single-entity.json': () =>
    expect(readSuccess(normalizeFixture('200-graph-single-entity.json'))).toEqual({
      status: 200,
      // A single entity is data as it came, its annotations included.
      data: {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
        id: '87d349ed-44d7-43e1-9a83-5f2406dee5bd',
        displayName: 'Adele Vance',
        mail: 'AdeleV@contoso.com',
      },
      dialect: 'odata',
    }),
};

const fixtureNames = listJson(fixtureFolder);

describe('the OData fixtures', () => {
  it('are at least three real documented bodies, each naming its source and having an expectation', () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(3);
    for (const name of fixtureNames) {
      expect(readFixture(fixtureFolder, name).source, name).toMatch(/OData|Microsoft/);
      expect(Object.keys(expectations), name).toContain(name);
    }
  });

  for (const name of Object.keys(expectations)) it(`${name} normalizes to what its document says it means`, () => expectations[name]!());
});

/** Typical bodies of every other family faultline reads. */
const otherFamilies: Readonly<Record<string, unknown>> = {
  'json-api': { errors: [{ status: '422', source: { pointer: '/data/attributes/firstName' }, title: 'Invalid Attribute', detail: 'First name must contain at least two characters.' }] },
  graphql: { errors: [{ message: 'x', path: ['a'], extensions: { code: 'FORBIDDEN' } }], data: null },
  google: { error: { code: 400, message: 'API key not valid.', status: 'INVALID_ARGUMENT', details: [] } },
  // Stripe's `code` and `message` are strings too: its `type` tells it apart.
  stripe: { error: { type: 'invalid_request_error', code: 'parameter_missing', message: 'Missing required param: amount.', param: 'amount' } },
  slack: { ok: false, error: 'invalid_auth' },
  aws: { __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'Requested resource not found' },
  kubernetes: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'pods "grafana" not found', reason: 'NotFound', details: { name: 'grafana', kind: 'pods' }, code: 404 },
  spring: { timestamp: '2024-05-01T10:15:30.000+00:00', status: 500, error: 'Internal Server Error', path: '/api/users' },
  'status-code': { statusCode: 404, error: 'Not Found', message: 'Not Found' },
  'field-map': { error: ['is invalid'] },
  oauth: { error: 'invalid_grant', error_description: 'Bad credentials' },
};

describe('Azure errors named by the x-ms-error-code header', () => {
  it('reads a bare `{code, message}` body, as Cosmos DB sends it, and the header stands in for a missing code', () => {
    expect(readError(normalize({ status: 400, headers: { 'x-ms-error-code': 'BadRequest' }, body: '{"code":"BadRequest","message":"Partition key is invalid"}' }))).toEqual(
      fails({ kind: 'bad_request', status: 400, title: 'Bad Request', detail: 'Partition key is invalid', code: 'BadRequest', retryable: false }),
    );
    expect(readError(normalize({ status: 409, headers: { 'x-ms-error-code': 'ContainerAlreadyExists' }, body: { error: { message: 'The specified container already exists.' } } }))).toMatchObject({
      kind: 'conflict',
      detail: 'The specified container already exists.',
      code: 'ContainerAlreadyExists',
    });
  });

  it('reads a text body that is not XML as the plain dialect does, with the code from the header', () => {
    const error = toError(normalize({ status: 500, headers: { 'x-ms-error-code': 'InternalError', 'content-type': 'text/plain' }, body: 'Server failed' }));
    expect(error).toMatchObject({ kind: 'server', code: 'InternalError', detail: 'Server failed', dialect: 'odata', body: 'Server failed' });
    // An HTML page is no message.
    expect(toError(normalize({ status: 503, headers: { 'x-ms-error-code': 'ServerBusy', 'content-type': 'text/html' }, body: '<html><body>Busy</body></html>' })).detail).toBeUndefined();
  });

  it('gives way to a dialect tried before it that claims the body by its own marks', () => {
    const stripe = { error: { type: 'invalid_request_error', code: 'parameter_missing', message: 'Missing required param: amount.', param: 'amount' } };
    expect(toError(createNormalizer({ dialects: [stripeDialect, odataDialect, plainDialect] })({ status: 400, headers: { 'x-ms-error-code': 'x' }, body: stripe }))).toMatchObject({ dialect: 'stripe', kind: 'validation' });
  });

  it('leaves a success with the header alone', () => {
    expect(readSuccess(normalize({ status: 200, headers: { 'x-ms-error-code': 'x' }, body: '{"a":1}' }))).toEqual({ status: 200, data: { a: 1 }, dialect: 'odata' });
  });
});

describe('OData detection', () => {
  it('claims an `error` object with a string code and message', () => {
    expect(odataDialect.detect({ error: { code: 'x', message: 'y' } }, 'application/json')).toBe(true);
    expect(odataDialect.detect({ error: { code: '', message: '', innererror: {} }, '@odata.context': 'x' }, '')).toBe(true);
  });

  it('claims none of the seed fixtures', () => {
    for (const { folder, fixtures } of readSeedFixtures()) {
      expect(fixtures.length, folder).toBeGreaterThan(0);
      for (const [label, { headers, body }] of fixtures) expect(odataDialect.detect(body, (headers['content-type'] ?? '').toLowerCase()), label).toBe(false);
    }
  });

  it("claims no other family's typical body", () => {
    for (const [family, body] of Object.entries(otherFamilies)) expect(odataDialect.detect(body, 'application/json'), family).toBe(false);
  });

  it('claims no scalar, array, or look-alike', () => {
    const unclaimed: unknown[] = [
      undefined, null, 1, 'error', [], [{ error: { code: 'x', message: 'y' } }],
      { error: { code: 1, message: 'y' } },
      { error: { code: 'x' } },
      { error: { code: 'x', message: { lang: 'en-US', value: 'y' } } },
      { error: { code: 'x', message: 'y', status: 'INVALID_ARGUMENT' } },
      { error: { code: 'x', message: 'y', type: 'api_error' } },
      { error: 'x' },
    ];
    for (const body of unclaimed) expect(odataDialect.detect(body, ''), JSON.stringify(body) ?? 'undefined').toBe(false);
  });
});

describe('OData errors', () => {
  const send = (status: number, error: Record<string, unknown>, rest: Record<string, unknown> = {}): ApiError => toError(normalize({ status, body: { ...rest, error } }));

  it('read targets as dotted, bracketed or pointer paths', () => {
    const error = send(400, {
      code: 'InvalidRequestContent',
      message: 'x',
      details: [
        { code: 'a', target: 'properties.hardwareProfile.vmSize', message: 'A' },
        { code: 'b', target: 'items[2].name', message: 'B' },
        { code: 'c', target: '/properties/tags/env', message: 'C' },
        { code: 'd', message: 'D' },
      ],
    });
    expect(error.issues).toEqual([
      { path: ['properties', 'hardwareProfile', 'vmSize'], field: 'properties.hardwareProfile.vmSize', message: 'A', code: 'a' },
      { path: ['items', 2, 'name'], field: 'items[2].name', message: 'B', code: 'b' },
      { path: ['properties', 'tags', 'env'], field: '/properties/tags/env', message: 'C', code: 'c' },
      { path: [], message: 'D', code: 'd' },
    ]);
    expect(error.extensions).toEqual({});
  });

  it('keep an empty details list, Azure additionalInfo and other body members as extensions', () => {
    const additionalInfo = [{ type: 'PolicyViolation', info: { policyDefinitionDisplayName: 'Allowed locations' } }];
    const error = send(403, { code: 'RequestDisallowedByPolicy', message: 'x', details: [], additionalInfo }, { '@odata.context': 'ctx' });
    expect(error).toMatchObject({ kind: 'forbidden', code: 'RequestDisallowedByPolicy', issues: [], extensions: { additionalInfo, '@odata.context': 'ctx' } });
    expect(error.extensions['details']).toBeUndefined();
  });

  it('read the request id from `innererror` or `innerError`, and leave a header request id to normalize', () => {
    expect(send(500, { code: 'x', message: 'y', innererror: { 'request-id': 'a' } }).requestId).toBe('a');
    expect(send(500, { code: 'x', message: 'y', innererror: { 'request-id': 7 } }).requestId).toBeUndefined();
    expect(toError(normalize({ status: 500, headers: { 'request-id': 'from-header' }, body: { error: { code: 'x', message: 'y' } } })).requestId).toBe('from-header');
  });

  it('ignore members of the wrong type instead of coercing them', () => {
    const error = send(400, { code: 'x', message: 'y', target: 5, details: [{ code: 1, target: ['a'], message: 'kept' }, { message: 2 }, 'junk'] });
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: [], message: 'kept', code: '1' }] });
    // Details that could not all become issues, and a target of the wrong type, stay visible.
    expect(error.extensions).toEqual({ target: 5, details: [{ code: 1, target: ['a'], message: 'kept' }, { message: 2 }, 'junk'] });
    const forced = toError(normalize({ status: 404, body: { error: { code: 404, message: { lang: 'en', value: 'x' } } } }, { dialect: 'odata' }));
    expect(forced).toMatchObject({ kind: 'not_found', dialect: 'odata', extensions: { code: 404, message: { lang: 'en', value: 'x' } } });
    expect(forced.code).toBeUndefined();
    expect(forced.detail).toBeUndefined();
  });

  it('in a 2xx body that is only the error are errors; an Azure operation status with an `error` member is data', () => {
    expect(toError(normalize({ status: 200, body: { error: { code: 'x', message: 'y' } } }))).toMatchObject({ kind: 'unknown', status: 200, code: 'x' });
    const operation = { id: 'op-1', status: 'Failed', error: { code: 'ResourceGroupNotFound', message: 'x' } };
    expect(toSuccess(normalize({ status: 200, body: operation }))).toMatchObject({ data: operation, dialect: 'odata' });
  });
});

describe('hostile OData bodies', () => {
  it('a polluted Object.prototype changes no output', () => {
    const bodies = fixtureNames.map((name) => readFixture(fixtureFolder, name));
    const run = (): string[] => bodies.map(({ status, headers, body }) => JSON.stringify(normalize({ status, headers, body })));
    const runBare = (): string[] =>
      [{}, { error: {} }, { error: { code: 'x', message: 'y' } }, { error: { code: 'x', message: 'y', details: [{}] } }].map((body) => JSON.stringify(normalize({ status: 400, body })) + String(odataDialect.detect(body, '')));
    const clean = [...run(), ...runBare()];
    const members = {
      error: { code: 'polluted', message: 'polluted' }, code: 'polluted', message: 'polluted', target: 'polluted', details: [{ message: 'polluted', target: 'p' }],
      innererror: { 'request-id': 'polluted' }, innerError: { 'request-id': 'polluted' }, 'request-id': 'polluted', type: 'polluted', status: 'polluted',
    };
    const polluted = withPollutedPrototype(members, () => [...run(), ...runBare()]);
    expect(polluted).toEqual(clean);
  });

  it('a `__proto__` member stays data', () => {
    const body = JSON.parse('{"error":{"code":"x","message":"y","__proto__":{"polluted":true},"details":[{"message":"m","target":"__proto__"}]}}') as unknown;
    const error = toError(normalize({ status: 400, body }));
    expect(error.issues).toEqual([{ path: ['__proto__'], field: '__proto__', message: 'm' }]);
    expect(Object.getOwnPropertyDescriptor(error.extensions, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('deep and huge bodies do not throw, and paths stop at 64 segments', () => {
    const depth = 100_000;
    const target = Array.from({ length: depth }, (_, index) => `t${index}`).join('.');
    const deepText = `{"error":{"code":"x","message":"deep","target":"${target}","innererror":${'{"innererror":'.repeat(depth)}{}${'}'.repeat(depth)}}}`;
    const deep = toError(normalize({ status: 400, headers: { 'content-type': 'application/json' }, body: deepText }));
    expect(deep.issues[0]?.path).toHaveLength(64);
    const details = Array.from({ length: 100_000 }, (_, index) => ({ code: 'NullValue', target: `items[${index}]`, message: 'm' }));
    expect(toError(normalize({ status: 400, body: { error: { code: 'x', message: 'y', details } } })).issues).toHaveLength(100_000);
  });
});
