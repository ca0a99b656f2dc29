/**
 * The AWS dialect: `{__type: "namespace#ErrorName", message}` error bodies
 * (awsJson1_0 / awsJson1_1), restJson1 `{message}` bodies named by the `x-amzn-ErrorType` header,
 * and the XML errors of S3, the Query protocol and EC2. Every fixture in test/fixtures/more/aws/
 * is read with the expectations written out below.
 */
import { describe, expect, it } from 'vitest';
import { awsDialect } from '../../src/dialects/aws.ts';
import { createNormalizer, plainDialect, type ApiError, type ApiResult } from '../../src/index.ts';
import { claimedBy, fails, inputOf, itReadsEveryFixture, listJson, moreDirectory, moreFixtures, now, readBodies, readFixture, readSeedBodies, toError, withPollutedPrototype, type Expected, type Fixture } from './support.ts';

const normalize = createNormalizer({ dialects: [awsDialect, plainDialect] });
const ownDirectory = moreFixtures('aws');
const read = (fixture: Fixture): ApiResult => normalize(inputOf(fixture), { now });

const expectations: Readonly<Record<string, Expected>> = {
  // AWS sends most errors as a plain 400: the error name refines it. The title stays the status's,
  // and `retryable` follows the status — but a throttling error is retryable, as AWS SDKs treat it.
  // `x-amzn-RequestId` becomes the requestId.
  '400-dynamodb-resource-not-found.json': fails({
    kind: 'not_found',
    status: 400,
    title: 'Bad Request',
    detail: 'Requested resource not found: Table: tablename not found',
    code: 'ResourceNotFoundException',
    requestId: 'LDM6CJP8RMQ1FHKSC1RBVJFPNVV4KQNSO5AEMF66Q9ASUAAJG',
    retryable: false,
    dialect: 'aws',
  }),
  '400-dynamodb-conditional-check-failed.json': fails({
    kind: 'conflict',
    status: 400,
    title: 'Bad Request',
    detail: 'The conditional request failed.',
    code: 'ConditionalCheckFailedException',
    retryable: false,
    dialect: 'aws',
  }),
  '400-dynamodb-throughput-exceeded.json': fails({
    kind: 'rate_limited',
    status: 400,
    title: 'Bad Request',
    detail: 'You exceeded your maximum allowed provisioned throughput for a table or for one or more global secondary indexes.',
    code: 'ProvisionedThroughputExceededException',
    retryable: true,
    dialect: 'aws',
  }),
  '400-dynamodb-validation.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: 'One or more parameter values were invalid.',
    code: 'ValidationException',
    retryable: false,
    dialect: 'aws',
  }),
  '400-json11-throttling-capital-message.json': fails({ kind: 'rate_limited', status: 400, title: 'Bad Request', detail: 'Rate exceeded', code: 'ThrottlingException', retryable: true, dialect: 'aws' }),
  // No `__type`: the `x-amzn-ErrorType` header names the error (restJson), cut at ':' and '#'.
  '400-restjson-validation-header.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: "1 validation error detected: Value null at 'functionName' failed to satisfy constraint: Member must not be null",
    code: 'ValidationException',
    requestId: 'f1c2b6a5-6a4e-4f8e-9d1b-2b7c1e0f5a3d',
    retryable: false,
    dialect: 'aws',
  }),
  // The XML protocols: the first Code, Message and request id; the text stays in `body`.
  '404-s3-no-such-key.json': fails({
    kind: 'not_found',
    status: 404,
    title: 'Not Found',
    detail: 'The resource you requested does not exist',
    code: 'NoSuchKey',
    requestId: '4442587FB7D0A2F9',
    retryable: false,
    dialect: 'aws',
  }),
  '400-sqs-query-error-response.json': fails({
    kind: 'bad_request',
    status: 400,
    title: 'Bad Request',
    detail: '\n         Value (quename_nonalpha) for parameter QueueName is invalid.\n         Must be an alphanumeric String of 1 to 80 in length.\n      ',
    code: 'InvalidParameterValue',
    requestId: '42d59b56-7407-4c4a-be0f-4c88daeea257',
    retryable: false,
    dialect: 'aws',
  }),
  // EC2 answers a missing instance with a 400: the `.NotFound` name refines it.
  '400-ec2-invalid-instance.json': fails({
    kind: 'not_found',
    status: 400,
    title: 'Bad Request',
    detail: "The instance ID 'i-1a2b3c4d' does not exist",
    code: 'InvalidInstanceID.NotFound',
    requestId: 'ea966190-f9aa-478e-9ede-example',
    retryable: false,
    dialect: 'aws',
  }),
};

describe('the AWS fixtures', () => {
  itReadsEveryFixture(ownDirectory, expectations, read);

  it('claims every fixture body that names its error in `__type` or in an XML `<Code>`', () => {
    const claimed = listJson(ownDirectory).filter((name) => awsDialect.detect(readFixture(ownDirectory, name).body, 'application/json'));
    expect(claimed).toEqual(listJson(ownDirectory).filter((name) => name !== '400-restjson-validation-header.json'));
  });
});

describe('detecting an AWS error', () => {
  it('claims a string `__type`, and any object sent as application/x-amz-json-1.0 or 1.1', () => {
    expect(awsDialect.detect({ __type: 'ThrottlingException' }, '')).toBe(true);
    expect(awsDialect.mediaTypes).toEqual(['application/x-amz-json-1.0', 'application/x-amz-json-1.1']);
    const result = normalize({ status: 400, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '{"message":"Rate exceeded"}' });
    expect(result.ok ? undefined : result.error).toMatchObject({ dialect: 'aws', detail: 'Rate exceeded', kind: 'bad_request' });
  });

  it('reads application/x-amz-json as the JSON it is: a DynamoDB success is data, not bytes; a text under it is malformed JSON', async () => {
    const { normalizeResponse } = await import('../../src/index.ts');
    const tables = await normalizeResponse(new Response('{"TableNames":["a"]}', { headers: { 'content-type': 'application/x-amz-json-1.0' } }));
    expect(tables.ok && tables.value.data).toEqual({ TableNames: ['a'] });
    const html = normalize({ status: 502, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '<html>Bad gateway</html>' });
    expect(html.ok || html.error.dialect).toBe('plain');
  });

  it('does not claim the seed fixtures of the four seed dialects', () => {
    const seeds = readSeedBodies();
    expect(seeds.length).toBeGreaterThan(60);
    expect(claimedBy(awsDialect, seeds)).toEqual([]);
  });

  it('does not claim the bodies of the other dialects of issue 6', () => {
    const others = readBodies(moreDirectory, ['stripe', 'slack', 'kubernetes', 'json-api', 'graphql', 'google', 'odata', 'field-map', 'spring', 'status-code', 'cloudflare', 'jsend', 'quickbooks', 'kraken']);
    expect(claimedBy(awsDialect, others)).toEqual([]);
  });

  it('does not claim the typical bodies of the other families, nor a `__type` of the wrong type', () => {
    const typical: unknown[] = [
      { errors: [{ status: '422', title: 'Invalid Attribute' }] },
      { errors: [{ message: 'Cannot query field "nme" on type "User".' }], data: null },
      { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } },
      { error: { code: 'BadArgument', message: 'Multiple errors in ContactInfo data' } },
      { error: { type: 'card_error', message: 'Your card was declined.' } },
      { ok: false, error: 'channel_not_found' },
      { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'x', reason: 'NotFound', code: 404 },
      { message: 'Missing Authentication Token' },
      { Type: 'User', Message: 'Function not found' },
      { __type: 42, message: 'x' },
      { __type: null },
      { type: 'ValidationException' },
      '__type',
      [{ __type: 'X' }],
    ];
    for (const body of typical) expect(awsDialect.detect(body, 'application/json')).toBe(false);
  });
});

describe('reading an AWS error', () => {
  const read400 = (body: unknown): ApiError => toError(normalize({ status: 400, body }));

  it('cuts the error name out of `__type` as the Smithy protocols do: before the first `:`, after the first `#`', () => {
    expect(read400({ __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException' }).code).toBe('ResourceNotFoundException');
    expect(read400({ __type: 'ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/' }).code).toBe('ValidationException');
    expect(read400({ __type: 'aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/' }).code).toBe('FooError');
    expect(read400({ __type: 'FooError' }).code).toBe('FooError');
  });

  it('gives no code for an empty name, keeping `__type` as received', () => {
    for (const type of ['', '#', ':http://x']) {
      const error = read400({ __type: type, message: 'm' });
      expect(error.code).toBeUndefined();
      expect(error.extensions).toEqual({ __type: type });
    }
  });

  it('names the kind of the common errors, and leaves an unknown name to the status', () => {
    const kinds: readonly (readonly [string, string])[] = [
      ['AccessDeniedException', 'forbidden'],
      ['UnrecognizedClientException', 'unauthenticated'],
      ['InvalidSignatureException', 'unauthenticated'],
      ['ExpiredTokenException', 'unauthenticated'],
      ['TooManyRequestsException', 'rate_limited'],
      ['ConflictException', 'conflict'],
      ['InternalServerError', 'server'],
      ['ServiceUnavailableException', 'unavailable'],
      ['SomeServiceSpecificException', 'bad_request'],
      // A name that is a member of Object.prototype is no table entry.
      ['constructor', 'bad_request'],
      ['__proto__', 'bad_request'],
      ['toString', 'bad_request'],
    ];
    for (const [name, kind] of kinds) expect(read400({ __type: `com.amazonaws.x#${name}`, message: 'm' }).kind, name).toBe(kind);
    // The status decides first, but for a 403 whose body names a rate limit, as GitHub's and
    // Google Drive's 403s do.
    expect(toError(normalize({ status: 500, body: { __type: 'ValidationException', message: 'm' } })).kind).toBe('server');
    expect(toError(normalize({ status: 403, body: { __type: 'AccessDeniedException' } })).kind).toBe('forbidden');
    expect(toError(normalize({ status: 403, body: { __type: 'ThrottlingException' } })).kind).toBe('rate_limited');
  });

  it('takes `message`, else `Message`, the first present winning, and keeps the other', () => {
    expect(read400({ __type: 'X', Message: 'upper', message: 'lower' })).toMatchObject({ detail: 'upper', extensions: { message: 'lower' } });
    expect(read400({ __type: 'X', message: 7, Message: 'upper' })).toMatchObject({ detail: 'upper', extensions: { message: 7 } });
  });

  it('reads the fields of a Smithy ValidationException as issues', () => {
    const error = read400({
      __type: 'smithy.framework#ValidationException',
      message: '1 validation error detected.',
      fieldList: [{ path: '/string', message: 'Value at /string failed to satisfy constraint: Member must have length between 1 and 10' }],
    });
    expect(error.kind).toBe('validation');
    expect(error.issues).toEqual([{ path: ['string'], field: '/string', message: 'Value at /string failed to satisfy constraint: Member must have length between 1 and 10' }]);
  });

  it('ignores members of the wrong type, keeping them as received', () => {
    const error = read400({ __type: 'ValidationException', message: ['m'], fieldList: 'all of them' });
    expect(error.detail).toBeUndefined();
    expect(error.issues).toEqual([]);
    expect(error.extensions).toEqual({ message: ['m'], fieldList: 'all of them' });
  });

  it('reads a 2xx body as data: AWS sends `__type` only with errors', () => {
    const body = { __type: 'X', Items: [] };
    expect(normalize({ status: 200, body })).toEqual({ ok: true, value: { status: 200, data: body, dialect: 'aws', body } });
  });

  it('keeps `__proto__` members as data', () => {
    const error = read400(JSON.parse('{"__type":"X","__proto__":{"polluted":1}}') as unknown);
    expect(Object.hasOwn(error.extensions, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(error.extensions)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('reading AWS bodies safely', () => {
  it('gives the same output with a polluted Object.prototype', () => {
    const inputs = listJson(ownDirectory).map((name) => readFixture(ownDirectory, name));
    const bodies: unknown[] = [{ message: 'x' }, { Items: [] }, { __type: 'UnknownException' }, { __type: 'X', fieldList: [{ path: '/a', message: 'm' }] }];
    const readAll = (): unknown[] => [...inputs.map(read), ...bodies.map((body) => normalize({ status: 400, body })), ...bodies.map((body) => awsDialect.detect(body, ''))];
    const clean = readAll();
    const pollution: Record<string, unknown> = { __type: 'ThrottlingException', message: 'polluted', Message: 'polluted', fieldList: [{ path: '/p', message: 'polluted' }], UnknownException: 'server', X: 'forbidden' };
    const polluted = withPollutedPrototype(pollution, readAll);
    expect(polluted).toEqual(clean);
  });

  it('reads a million-deep and a huge body without throwing', () => {
    let deep: unknown = { path: '/a', message: 'leaf' };
    for (let depth = 0; depth < 1_000_000; depth++) deep = { errors: [deep], message: 'm' };
    expect(() => normalize({ status: 400, body: { __type: 'ValidationException', fieldList: [deep], other: deep } })).not.toThrow();
    const fieldList = Array.from({ length: 100_000 }, (_, index) => ({ path: `/items/${index}`, message: 'bad' }));
    const result = normalize({ status: 400, body: { __type: `${'#'.repeat(1 << 20)}ValidationException`, message: 'm'.repeat(1 << 20), fieldList } });
    expect(result.ok ? 0 : result.error.issues.length).toBe(100_000);
  });
});

describe('the x-amzn-ErrorType header', () => {
  it('names the error of a restJson body that has no __type, and selects the AWS dialect by itself', () => {
    const result = normalize({ status: 404, headers: { 'x-amzn-ErrorType': 'ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.lambda/' }, body: '{"message":"Function not found"}' });
    expect(result.ok ? undefined : result.error).toMatchObject({ kind: 'not_found', code: 'ResourceNotFoundException', detail: 'Function not found', dialect: 'aws' });
  });

  it('gives way to a __type in the body', () => {
    const result = normalize({ status: 400, headers: { 'x-amzn-errortype': 'ValidationException' }, body: { __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException', message: 'Rate exceeded' } });
    expect(result.ok ? undefined : result.error.code).toBe('ThrottlingException');
  });

  it('names the error of a text body, keeping the text as the detail as the plain dialect would', () => {
    const result = normalize({ status: 400, headers: { 'x-amzn-ErrorType': 'ThrottlingException', 'content-type': 'text/plain' }, body: 'Rate exceeded' });
    expect(result.ok ? undefined : result.error).toMatchObject({ kind: 'rate_limited', code: 'ThrottlingException', detail: 'Rate exceeded', dialect: 'aws', retryable: true });
  });

  it('names the error of a HEAD, which has no body, by itself', () => {
    const result = normalize({ status: 400, headers: { 'x-amzn-ErrorType': 'ThrottlingException', 'x-amzn-RequestId': 'r-1' } });
    expect(result.ok ? undefined : result.error).toMatchObject({ kind: 'rate_limited', code: 'ThrottlingException', requestId: 'r-1', dialect: 'aws', retryable: true });
  });
});
