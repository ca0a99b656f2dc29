/**
 * The AWS JSON protocol dialect: `{__type: "namespace#ErrorName", message}` error bodies
 * (awsJson1_0 / awsJson1_1). restJson1 names the error only in the `x-amzn-ErrorType` header,
 * which no dialect sees: its `{message}` bodies are the plain dialect's. Every fixture in
 * test/fixtures/more/aws/ is read with the expectations written out below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { awsDialect } from '../../src/dialects/aws.ts';
import { createNormalizer, plainDialect, type ApiError, type ApiResult, type ApiSuccess, type Issue } from '../../src/index.ts';

const normalize = createNormalizer({ dialects: [awsDialect, plainDialect] });
/** The clock every fixture is read with: Wed, 15 Jan 2025 12:00:00 GMT. */
const now = (): number => 1_736_942_400_000;

interface Fixture {
  readonly source: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

const moreDirectory = new URL('../fixtures/more/', import.meta.url);
const listJson = (directory: URL): string[] => readdirSync(directory).filter((name) => name.endsWith('.json')).sort();
const readFixture = (directory: URL, name: string): Fixture => JSON.parse(readFileSync(new URL(name, directory), 'utf8')) as Fixture;
const ownDirectory = new URL('aws/', moreDirectory);

/** A body as `normalize` would decode it: fixtures hold JSON text for some bodies. */
function toParsedBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/** Every fixture body of the given folders, by `folder/file`; folders that do not exist yet are skipped. */
function readBodies(base: URL, folders: readonly string[]): [string, unknown][] {
  const existing = new Set(readdirSync(base));
  return folders
    .filter((folder) => existing.has(folder))
    .flatMap((folder) => listJson(new URL(`${folder}/`, base)).map((name): [string, unknown] => [`${folder}/${name}`, toParsedBody(readFixture(new URL(`${folder}/`, base), name).body)]));
}

type ExpectedError = Omit<ApiError, 'body' | 'issues' | 'failures' | 'extensions'> & { issues?: readonly Issue[]; extensions?: Readonly<Record<string, unknown>> };
type Expected = { readonly ok: true; readonly value: Omit<ApiSuccess, 'body'> } | { readonly ok: false; readonly error: Omit<ApiError, 'body'> };
const fails = (error: ExpectedError): Expected => ({ ok: false, error: { issues: [], failures: [], extensions: {}, ...error } as Omit<ApiError, 'body'> });

/** The result without `body`, which is checked apart: what a user reads. */
function toView(result: ApiResult): Expected {
  if (result.ok) {
    const { body: _, ...value } = result.value;
    return { ok: true, value };
  }
  const { body: _, ...error } = result.error;
  return { ok: false, error };
}

const read = (fixture: Fixture): ApiResult => normalize({ status: fixture.status, headers: fixture.headers, body: fixture.body }, { now });

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
  // No `__type`: the plain dialect reads the message; the error name waits in the header.
  '400-restjson-validation-header.json': fails({
    kind: 'bad_request',
    status: 400,
    title: 'Bad Request',
    detail: "1 validation error detected: Value null at 'functionName' failed to satisfy constraint: Member must not be null",
    requestId: 'f1c2b6a5-6a4e-4f8e-9d1b-2b7c1e0f5a3d',
    retryable: false,
    dialect: 'plain',
  }),
};

describe('the AWS fixtures', () => {
  it('has an expectation for every fixture file and a fixture file for every expectation', () => {
    expect(listJson(ownDirectory)).toEqual(Object.keys(expectations).sort());
  });

  for (const name of listJson(ownDirectory)) {
    const fixture = readFixture(ownDirectory, name);
    it(`reads ${name} (${fixture.source})`, () => {
      const result = read(fixture);
      expect(toView(result)).toEqual(expectations[name]);
      expect(result.ok ? result.value.body : result.error.body).toEqual(fixture.body);
    });
  }

  it('claims every fixture body that names its error in `__type`', () => {
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

  it('does not claim the seed fixtures of the four seed dialects', () => {
    const seeds = readBodies(new URL('../fixtures/', import.meta.url), ['plain', 'problem', 'status-message', 'envelope']);
    expect(seeds.length).toBeGreaterThan(60);
    expect(seeds.filter(([, body]) => awsDialect.detect(body, 'application/json')).map(([name]) => name)).toEqual([]);
  });

  it('does not claim the bodies of the other dialects of issue 6', () => {
    const others = readBodies(moreDirectory, ['stripe', 'slack', 'kubernetes', 'json-api', 'graphql', 'google', 'odata', 'field-map', 'spring', 'status-code']);
    expect(others.filter(([, body]) => awsDialect.detect(body, 'application/json')).map(([name]) => name)).toEqual([]);
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
  const errorOf = (result: ApiResult): ApiError => {
    if (result.ok) throw new Error('expected an error');
    return result.error;
  };
  const read400 = (body: unknown): ApiError => errorOf(normalize({ status: 400, body }));

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
    // The status decides first.
    expect(errorOf(normalize({ status: 500, body: { __type: 'ValidationException', message: 'm' } })).kind).toBe('server');
    expect(errorOf(normalize({ status: 403, body: { __type: 'ThrottlingException' } })).kind).toBe('forbidden');
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
    const prototype = Object.prototype as Record<string, unknown>;
    const pollution: Record<string, unknown> = { __type: 'ThrottlingException', message: 'polluted', Message: 'polluted', fieldList: [{ path: '/p', message: 'polluted' }], UnknownException: 'server', X: 'forbidden' };
    const keys = Object.keys(pollution);
    let polluted: unknown[];
    try {
      for (const key of keys) prototype[key] = pollution[key];
      polluted = readAll();
    } finally {
      for (const key of keys) delete prototype[key];
    }
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
