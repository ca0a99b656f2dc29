/**
 * The Kubernetes dialect (api-conventions.md, "Response Status Kind"): `{kind: "Status",
 * apiVersion, status: "Success" | "Failure", message, reason, details: {causes, retryAfterSeconds}, code}`.
 * Every fixture in test/fixtures/more/kubernetes/ is read with the expectations written out below.
 */
import { describe, expect, it } from 'vitest';
import { kubernetesDialect } from '../../src/dialects/kubernetes.ts';
import { createNormalizer, plainDialect, type ApiResult } from '../../src/index.ts';
import { claimedBy, fails, inputOf, itReadsEveryFixture, listJson, moreDirectory, moreFixtures, now, readBodies, readFixture, readSeedBodies, succeeds, toError, withPollutedPrototype, type Expected, type Fixture } from './support.ts';

const normalize = createNormalizer({ dialects: [kubernetesDialect, plainDialect] });
const ownDirectory = moreFixtures('kubernetes');
const read = (fixture: Fixture): ApiResult => normalize(inputOf(fixture), { now });

const expectations: Readonly<Record<string, Expected>> = {
  // `kind`, `apiVersion`, `status`, `metadata` and a `code` equal to the HTTP status are the Status's own: not kept.
  '404-not-found.json': fails({
    kind: 'not_found',
    status: 404,
    title: 'Not Found',
    detail: 'pods "grafana" not found',
    code: 'NotFound',
    retryable: false,
    dialect: 'kubernetes',
    extensions: { details: { name: 'grafana', kind: 'pods' } },
  }),
  '409-already-exists.json': fails({
    kind: 'conflict',
    status: 409,
    title: 'Conflict',
    detail: 'pods "grafana" already exists',
    code: 'AlreadyExists',
    retryable: false,
    dialect: 'kubernetes',
    extensions: { details: { name: 'grafana', kind: 'pods' } },
  }),
  // A 422 with issues is a validation error (DESIGN.md).
  '422-invalid.json': fails({
    kind: 'validation',
    status: 422,
    title: 'Unprocessable Content',
    detail: 'Pod "grafana" is invalid: spec.containers[0].image: Required value',
    code: 'Invalid',
    issues: [{ path: ['spec', 'containers', 0, 'image'], field: 'spec.containers[0].image', message: 'Required value', code: 'FieldValueRequired' }],
    retryable: false,
    dialect: 'kubernetes',
    extensions: { details: { name: 'grafana', kind: 'Pod', causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' }] } },
  }),
  '429-too-many-requests.json': fails({
    kind: 'rate_limited',
    status: 429,
    title: 'Too Many Requests',
    detail: 'Too many requests, please try again later.',
    code: 'TooManyRequests',
    retryAfterMs: 1_000,
    retryable: true,
    dialect: 'kubernetes',
    extensions: { details: { retryAfterSeconds: 1 } },
  }),
  // No Retry-After header: details.retryAfterSeconds says how long to wait.
  '504-server-timeout.json': fails({
    kind: 'timeout',
    status: 504,
    title: 'Gateway Timeout',
    detail: 'The list operation against pods could not be completed at this time, please try again.',
    code: 'ServerTimeout',
    retryAfterMs: 2_000,
    retryable: true,
    dialect: 'kubernetes',
    extensions: { details: { name: 'list', kind: 'pods', retryAfterSeconds: 2 } },
  }),
  '200-delete-success.json': succeeds({
    status: 200,
    data: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name: 'grafana', kind: 'pods' } },
    dialect: 'kubernetes',
  }),
};

describe('the Kubernetes fixtures', () => {
  itReadsEveryFixture(ownDirectory, expectations, read);

  it('claims every fixture body', () => {
    for (const name of listJson(ownDirectory)) expect(kubernetesDialect.detect(readFixture(ownDirectory, name).body, 'application/json')).toBe(true);
  });
});

describe('detecting a Kubernetes Status', () => {
  it('does not claim the seed fixtures of the four seed dialects', () => {
    const seeds = readSeedBodies();
    expect(seeds.length).toBeGreaterThan(60);
    expect(claimedBy(kubernetesDialect, seeds)).toEqual([]);
  });

  it('does not claim the bodies of the other dialects of issue 6', () => {
    const others = readBodies(moreDirectory, ['stripe', 'slack', 'aws', 'json-api', 'graphql', 'google', 'odata', 'field-map', 'spring', 'status-code', 'cloudflare', 'jsend', 'quickbooks', 'kraken']);
    expect(claimedBy(kubernetesDialect, others)).toEqual([]);
  });

  it('does not claim other Kubernetes objects, the typical bodies of the other families, nor members of the wrong type', () => {
    const typical: unknown[] = [
      { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'grafana' }, status: { phase: 'Running' } },
      { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '10245' }, items: [] },
      // Without `apiVersion` a `kind: "Status"` is anyone's.
      { kind: 'Status', status: 'Failure', message: 'not found', reason: 'NotFound', code: 404 },
      { kind: 'status', apiVersion: 'v1' },
      { kind: 'Status', apiVersion: 1 },
      { status: 404, message: 'Not found', request_id: 'r1' },
      { errors: [{ message: 'x' }] },
      { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } },
      { error: { type: 'card_error' } },
      { ok: false, error: 'channel_not_found' },
      { __type: 'ResourceNotFoundException' },
      { statusCode: 404, error: 'Not Found', message: 'Cannot GET /x' },
      'Status',
      [{ kind: 'Status', apiVersion: 'v1' }],
    ];
    for (const body of typical) expect(kubernetesDialect.detect(body, 'application/json')).toBe(false);
  });
});

describe('reading a Kubernetes Status', () => {
  const status = (members: Record<string, unknown>): Record<string, unknown> => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', ...members });

  it('names the kind of each StatusReason, for a status that says little', () => {
    const kinds: readonly (readonly [string, string])[] = [
      ['BadRequest', 'bad_request'],
      ['Unauthorized', 'unauthenticated'],
      ['Forbidden', 'forbidden'],
      ['NotFound', 'not_found'],
      ['Gone', 'not_found'],
      ['AlreadyExists', 'conflict'],
      ['Conflict', 'conflict'],
      ['Invalid', 'validation'],
      ['MethodNotAllowed', 'method_not_allowed'],
      ['RequestEntityTooLarge', 'payload_too_large'],
      ['TooManyRequests', 'rate_limited'],
      ['Timeout', 'timeout'],
      ['ServerTimeout', 'timeout'],
      ['InternalError', 'server'],
      ['ServiceUnavailable', 'unavailable'],
      ['SomethingNew', 'bad_request'],
      ['constructor', 'bad_request'],
      ['__proto__', 'bad_request'],
    ];
    for (const [reason, kind] of kinds) expect(toError(normalize({ status: 400, body: status({ reason, message: 'm' }) })).kind, reason).toBe(kind);
    // "A Reason clarifies an HTTP status code but does not override it."
    expect(toError(normalize({ status: 403, body: status({ reason: 'NotFound' }) })).kind).toBe('forbidden');
  });

  it('makes a Failure an error whatever the status, and a Success with an error status an error too', () => {
    expect(toError(normalize({ status: 200, body: status({ reason: 'Forbidden', message: 'no' }) }))).toMatchObject({ kind: 'forbidden', title: 'Forbidden', detail: 'no', code: 'Forbidden' });
    expect(toError(normalize({ status: 500, body: status({ status: 'Success' }) })).kind).toBe('server');
  });

  it('keeps a suggested code that disagrees with the HTTP status, and drops one that agrees', () => {
    expect(toError(normalize({ status: 500, body: status({ reason: 'InternalError', code: 503 }) })).extensions).toEqual({ code: 503 });
    expect(toError(normalize({ status: 500, body: status({ reason: 'InternalError', code: 500 }) })).extensions).toEqual({});
  });

  it('treats an empty reason and message as absent, and a zero retryAfterSeconds as none', () => {
    const error = toError(normalize({ status: 500, body: status({ reason: '', message: '', details: { retryAfterSeconds: 0 } }) }));
    expect(error.code).toBeUndefined();
    expect(error.detail).toBeUndefined();
    expect(error.retryAfterMs).toBeUndefined();
    // A count too large to be milliseconds is no wait either.
    expect(toError(normalize({ status: 503, body: status({ details: { retryAfterSeconds: 1.7e308 } }) })).retryAfterMs).toBeUndefined();
  });

  it('lets the Retry-After header win over details.retryAfterSeconds', () => {
    const error = toError(normalize({ status: 429, headers: { 'Retry-After': '7' }, body: status({ reason: 'TooManyRequests', details: { retryAfterSeconds: 1 } }) }, { now }));
    expect(error.retryAfterMs).toBe(7_000);
  });

  it('reads every cause with a message as an issue, with its field and reason', () => {
    const causes = [
      { reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' },
      { reason: 'FieldManagerConflict', message: 'conflict with "kubectl"', field: '.spec.replicas' },
      { message: 'the original error' },
      { reason: 'NoMessage', field: 'x' },
      'not a cause',
    ];
    const error = toError(normalize({ status: 409, body: status({ reason: 'Conflict', details: { causes } }) }));
    expect(error.issues).toEqual([
      { path: ['spec', 'replicas'], field: 'spec.replicas', message: 'Invalid value: -1: must be greater than or equal to 0', code: 'FieldValueInvalid' },
      { path: ['spec', 'replicas'], field: '.spec.replicas', message: 'conflict with "kubectl"', code: 'FieldManagerConflict' },
      { path: [], message: 'the original error' },
    ]);
  });

  it('ignores members of the wrong type, keeping them as received', () => {
    const error = toError(normalize({ status: 404, body: status({ reason: 404, message: { text: 'x' }, details: { causes: 'all', retryAfterSeconds: '5' } }) }));
    expect(error.code).toBeUndefined();
    expect(error.detail).toBeUndefined();
    expect(error.issues).toEqual([]);
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.extensions).toEqual({ reason: 404, message: { text: 'x' }, details: { causes: 'all', retryAfterSeconds: '5' } });
    expect(toError(normalize({ status: 404, body: status({ metadata: 'x', status: 3 }) })).extensions).toEqual({ metadata: 'x', status: 3 });
  });

  it('keeps `__proto__` members as data', () => {
    const error = toError(normalize({ status: 404, body: JSON.parse('{"kind":"Status","apiVersion":"v1","__proto__":{"polluted":1}}') as unknown }));
    expect(Object.hasOwn(error.extensions, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(error.extensions)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('reading Kubernetes bodies safely', () => {
  it('gives the same output with a polluted Object.prototype', () => {
    const inputs = listJson(ownDirectory).map((name) => readFixture(ownDirectory, name));
    const bodies: unknown[] = [{ kind: 'Pod', apiVersion: 'v1' }, { message: 'x' }, { kind: 'Status', apiVersion: 'v1', reason: 'Unknown' }, { kind: 'Status', apiVersion: 'v1', details: {} }];
    const readAll = (): unknown[] => [...inputs.map(read), ...bodies.map((body) => normalize({ status: 400, body })), ...bodies.map((body) => kubernetesDialect.detect(body, ''))];
    const clean = readAll();
    const pollution: Record<string, unknown> = {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'Forbidden',
      message: 'polluted',
      details: { causes: [{ message: 'polluted', field: 'p' }], retryAfterSeconds: 9 },
      causes: [{ message: 'polluted' }],
      retryAfterSeconds: 9,
      Unknown: 'server',
    };
    const polluted = withPollutedPrototype(pollution, readAll);
    expect(polluted).toEqual(clean);
  });

  it('reads a million-deep and a huge body without throwing', () => {
    let deep: unknown = 'leaf';
    for (let depth = 0; depth < 1_000_000; depth++) deep = { details: deep };
    expect(() => normalize({ status: 422, body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', details: deep } })).not.toThrow();
    const causes = Array.from({ length: 100_000 }, (_, index) => ({ reason: 'FieldValueInvalid', message: 'bad', field: `items[${index}].name` }));
    causes.push({ reason: 'FieldValueInvalid', message: 'deep', field: 'a.'.repeat(100_000) });
    const result = normalize({ status: 422, body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Invalid', message: 'm'.repeat(1 << 20), details: { causes } } });
    expect(result.ok ? 0 : result.error.issues.length).toBe(100_001);
    // Walks stop at 64 (RELIABILITY.md "Depth").
    expect(result.ok ? 0 : result.error.issues.at(-1)?.path.length).toBe(64);
  });
});
