/**
 * The Tencent Cloud API 3.0 dialect ("Responses", "Error Codes"): one `Response` object with a
 * `RequestId`; an `Error` in it means the call failed, whatever the HTTP status (commonly 200).
 * Every fixture in test/fixtures/more/tencent/ is read with the expectations written out below.
 */
import { describe, expect, it } from 'vitest';
import { tencentDialect } from '../../src/dialects/tencent.ts';
import { createNormalizer, normalize as normalizeAll, plainDialect, type ApiResult } from '../../src/index.ts';
import { claimedBy, fails, inputOf, itReadsEveryFixture, listJson, moreDirectory, moreFixtures, now, readBodies, readFixture, readSeedBodies, succeeds, toError, withPollutedPrototype, type Expected, type Fixture } from './support.ts';

const normalize = createNormalizer({ dialects: [tencentDialect, plainDialect] });
const ownDirectory = moreFixtures('tencent');
const read = (fixture: Fixture): ApiResult => normalize(inputOf(fixture), { now });
const requestId = 'ed93f3cb-f35e-473f-b9f3-0d451b8b79c6';

const expectations: Readonly<Record<string, Expected>> = {
  // A 200 that says it failed is an error: the code's common part (`AuthFailure`) names the kind.
  '200-signature-failure.json': fails({
    kind: 'unauthenticated',
    status: 200,
    title: 'Unauthorized',
    detail: 'The provided credentials could not be validated. Please ensure your signature is correct.',
    code: 'AuthFailure.SignatureFailure',
    requestId,
    retryable: false,
    dialect: 'tencent',
  }),
  '200-request-limit-exceeded.json': fails({
    kind: 'rate_limited',
    status: 200,
    title: 'Too Many Requests',
    detail: 'The number of requests exceeds the frequency limit.',
    code: 'RequestLimitExceeded',
    requestId,
    retryable: true,
    dialect: 'tencent',
  }),
  '200-resource-not-found.json': fails({
    kind: 'not_found',
    status: 200,
    title: 'Not Found',
    detail: 'The resource does not exist.',
    code: 'ResourceNotFound',
    requestId,
    retryable: false,
    dialect: 'tencent',
  }),
  // A success is the Response's members, its RequestId the request id.
  '200-describe-instances-status.json': succeeds({ status: 200, data: { TotalCount: 0, InstanceStatusSet: [] }, dialect: 'tencent', requestId: 'b5b41468-520d-4192-b42f-595cc34b6c1c' }),
};

describe('the Tencent Cloud fixtures', () => {
  itReadsEveryFixture(ownDirectory, expectations, read);

  it('claims every fixture body', () => {
    for (const name of listJson(ownDirectory)) expect(tencentDialect.detect(readFixture(ownDirectory, name).body, 'application/json')).toBe(true);
  });

  it('are read alike by normalize with every built-in dialect', () => {
    for (const name of listJson(ownDirectory)) expect(normalizeAll(inputOf(readFixture(ownDirectory, name)), { now }), name).toEqual(read(readFixture(ownDirectory, name)));
  });
});

describe('detecting a Tencent Cloud response', () => {
  it('does not claim the seed fixtures, nor the bodies of the other dialects', () => {
    expect(claimedBy(tencentDialect, readSeedBodies())).toEqual([]);
    const others = readBodies(moreDirectory, ['stripe', 'slack', 'aws', 'kubernetes', 'json-api', 'graphql', 'google', 'odata', 'field-map', 'spring', 'status-code', 'vendors', 'cloudflare', 'jsend', 'quickbooks', 'kraken']);
    expect(others.length).toBeGreaterThan(40);
    expect(claimedBy(tencentDialect, others)).toEqual([]);
  });

  it('does not claim a `Response` that is no object, has neither a failure nor a RequestId, or has siblings', () => {
    const unclaimed = [
      { Response: 'ok' },
      { Response: { TotalCount: 1 } },
      { Response: { RequestId: 7 } },
      { Response: { Error: { Code: '' } } },
      { response: { RequestId: 'x' } },
      ['Response'],
      // A record of an HTTP exchange is not Tencent's answer.
      { id: 'whd_1', Request: {}, Response: { StatusCode: 500, Error: { Code: 'Timeout', Message: 'upstream' }, RequestId: 'abc' } },
    ];
    for (const body of unclaimed) expect(tencentDialect.detect(body, 'application/json'), JSON.stringify(body)).toBe(false);
  });

  it("takes only an Error with a non-empty Code for a failure, as Tencent's SDKs do: a 200 with an empty one is a success", () => {
    for (const error of [{}, { Code: '', Message: '' }, { Code: 0, Message: 'Success' }, 'Database down']) {
      const body = { Response: { Error: error, RequestId: 'r1', Data: [1] } };
      expect(normalizeAll({ status: 200, body }), JSON.stringify(error)).toMatchObject({ ok: true, value: { dialect: 'tencent', data: { Error: error, Data: [1] }, requestId: 'r1' } });
    }
  });
});

describe('reading a Tencent Cloud error', () => {
  it('keeps what it does not read, the Error\'s own members under its name, and leaves a code of no known part to the status', () => {
    const body = { Response: { Error: { Code: 'FailedOperation.Busy', Message: 'Busy', Detail: 'x' }, RequestId: 'r1', Extra: 1 } };
    expect(toError(normalize({ status: 200, body }))).toMatchObject({ kind: 'unknown', code: 'FailedOperation.Busy', detail: 'Busy', requestId: 'r1', extensions: { Extra: 1, Error: { Detail: 'x' } } });
    expect(toError(normalize({ status: 500, body }))).toMatchObject({ kind: 'server', retryable: true });
  });

  it('reads a CAM permission refused under AuthFailure as forbidden', () => {
    const body = { Response: { Error: { Code: 'AuthFailure.UnauthorizedOperation', Message: 'The request is not authorized.' }, RequestId: 'r1' } };
    expect(toError(normalize({ status: 200, body }))).toMatchObject({ kind: 'forbidden', code: 'AuthFailure.UnauthorizedOperation' });
  });

  it('gives the same output with a polluted Object.prototype', () => {
    const inputs = listJson(ownDirectory).map((name) => readFixture(ownDirectory, name));
    const readAll = (): unknown[] => inputs.map(read);
    const clean = readAll();
    const polluted = withPollutedPrototype({ Error: { Code: 'AuthFailure', Message: 'polluted' }, RequestId: 'polluted', Code: 'InternalError', Message: 'polluted', AuthFailure: 'server' }, readAll);
    expect(polluted).toEqual(clean);
  });
});
