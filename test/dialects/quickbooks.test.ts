/**
 * The QuickBooks Online dialect (developer.intuit.com, "Error codes", "Handling common errors"):
 * `{Fault: {Error: [{Message, Detail, code, element}], type}, time}`, an error whatever the status
 * ("200 OK ... the response body may contain a Fault element"), and its gateway's lower-case
 * `{fault: {error: [{message, detail, code}]}}`. Every fixture in test/fixtures/more/quickbooks/
 * is read with the expectations written out below.
 */
import { describe, expect, it } from 'vitest';
import { quickbooksDialect } from '../../src/dialects/quickbooks.ts';
import { createNormalizer, normalize as normalizeAll, plainDialect, type ApiResult } from '../../src/index.ts';
import { fails, inputOf, itOwnsItsFixtures, listJson, moreFixtures, now, readFixture, toError, withPollutedPrototype, type Expected, type Fixture } from './support.ts';

const normalize = createNormalizer({ dialects: [quickbooksDialect, plainDialect] });
const ownDirectory = moreFixtures('quickbooks');
const read = (fixture: Fixture): ApiResult => normalize(inputOf(fixture), { now });
const time = { time: '2017-09-29T09:17:31.892-07:00' };

const expectations: Readonly<Record<string, Expected>> = {
  // A 200 with a Fault is an error; its type names the kind.
  '200-authorization-failure.json': fails({
    kind: 'bad_request',
    status: 200,
    title: 'Bad Request',
    detail: ': \u201311014-You do not have access to use QuickBooks Online Plus.',
    code: '120',
    retryable: false,
    dialect: 'quickbooks',
    extensions: { ...time, type: 'ValidationFault' },
  }),
  '400-object-not-found.json': fails({
    kind: 'bad_request',
    status: 400,
    title: 'Bad Request',
    detail: 'Object Not Found: Something you\u2019re trying to use has been made inactive. Check the fields with accounts.',
    code: '610',
    retryable: false,
    dialect: 'quickbooks',
    extensions: { ...time, type: 'ValidationFault' },
  }),
  // `element` names the field.
  '400-business-validation-error.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: 'Business Validation Error: You must select a customer for this transaction.',
    code: '6000',
    issues: [{ path: ['CustomerRef'], message: 'Business Validation Error: You must select a customer for this transaction.', field: 'CustomerRef', code: '6000' }],
    retryable: false,
    dialect: 'quickbooks',
    extensions: { ...time, type: 'ValidationFault' },
  }),
  '401-authentication-failed.json': fails({
    kind: 'unauthenticated',
    status: 401,
    title: 'Unauthorized',
    detail: 'Token expired: AB11570127472ZQaQE8ivyQTq6GgFZk9qnZCd3K8l0jTobIhNw',
    code: '3200',
    retryable: false,
    dialect: 'quickbooks',
    extensions: { time: '2019-10-03T09:56:32.451-07:00', type: 'AuthenticationFault' },
  }),
  // The gateway's lower-case spelling: `detail` says what happened; the type (`AUTHENTICATION`) is no fault type, so the status decides.
  '401-lowercase-authentication-failed.json': fails({
    kind: 'unauthenticated',
    status: 401,
    title: 'Unauthorized',
    detail: 'Malformed bearer token: too short or too long',
    code: '3200',
    retryable: false,
    dialect: 'quickbooks',
    extensions: { time: 1_633_520_295_688, type: 'AUTHENTICATION' },
  }),
  // Inside the whole IntuitResponse: a `detail` of null leaves the message; the empty members are kept as received.
  '403-lowercase-authorization-failed.json': fails({
    kind: 'forbidden',
    status: 403,
    title: 'Forbidden',
    detail: 'message=AuthorizationFailed; errorCode=003100; statusCode=403',
    code: '3100',
    retryable: false,
    dialect: 'quickbooks',
    extensions: {
      warnings: null,
      intuitObject: null,
      report: null,
      queryResponse: null,
      batchItemResponse: [],
      attachableResponse: [],
      syncErrorResponse: null,
      requestId: null,
      time: 1_543_012_192_555,
      status: null,
      cdcresponse: [],
      type: 'SERVICE',
    },
  }),
};

describe('the QuickBooks Online fixtures', () => {
  itOwnsItsFixtures(quickbooksDialect, expectations, read, normalizeAll);
});

describe('detecting a QuickBooks Online fault', () => {
  it('claims only a body of a Fault whose Error list says something', () => {
    const unclaimed = [{ Fault: 'down' }, { Fault: { Error: 'x' } }, { fault: { Error: [] } }, { Fault: { Error: [] } }, { Fault: { Error: [{}] } }, { Fault: { Error: [{ Message: 'x' }] }, Invoice: { Id: '1' } }, ['Fault']];
    for (const body of unclaimed) expect(quickbooksDialect.detect(body, 'application/json'), JSON.stringify(body)).toBe(false);
    expect(normalizeAll({ status: 200, body: { Fault: { Error: [] } } }).ok).toBe(true);
  });

  it('claims the lower-case spelling only as it claims the documented one', () => {
    const unclaimed = [
      { fault: { error: [] } },
      { fault: { error: [{}] } },
      // A resource that records a fault beside its data, or a list of them.
      { fault: { error: [{ message: 'x' }] }, invoice: { id: '1' } },
      { fault: { error: [{ message: 'x' }] }, lines: ['a'] },
      // Apigee's policy errors: a `fault` without an `error` list.
      { fault: { faultstring: 'Invalid ApiKey', detail: { errorcode: 'oauth.v2.InvalidApiKey' } } },
    ];
    for (const body of unclaimed) expect(quickbooksDialect.detect(body, 'application/json'), JSON.stringify(body)).toBe(false);
    expect(normalizeAll({ status: 200, body: { fault: { error: [{ message: 'x' }] }, invoice: { id: '1' } } }).ok).toBe(true);
    expect(normalizeAll({ status: 401, body: { fault: { faultstring: 'Invalid ApiKey' } } })).toMatchObject({ error: { dialect: 'plain' } });
  });
});

describe('reading a QuickBooks Online fault', () => {
  it('reads a lower-case fault as the documented one, a 200 with it included', () => {
    const capitalized = { Fault: { Error: [{ Message: 'Object Not Found', Detail: 'Object Not Found: Something you\u2019re trying to use has been made inactive.', code: '610', element: 'CustomerRef' }], type: 'ValidationFault' }, ...time };
    const lower = { fault: { error: [{ message: 'Object Not Found', detail: 'Object Not Found: Something you\u2019re trying to use has been made inactive.', code: '610', element: 'CustomerRef' }], type: 'ValidationFault' }, ...time };
    for (const status of [200, 400]) {
      const { body: _, ...expected } = toError(normalize({ status, body: capitalized }));
      const { body, ...error } = toError(normalize({ status, body: lower }));
      expect(error).toEqual(expected);
      expect(error).toMatchObject({ kind: 'validation', issues: [{ path: ['CustomerRef'], code: '610' }] });
      expect(body).toBe(lower);
    }
  });

  it('keeps the whole fault when an entry is neither the detail nor a field issue', () => {
    const fault = { Error: [{ Message: 'First' }, { Message: 'Second' }, 7], type: 'SystemFault' };
    const error = toError(normalize({ status: 200, body: { Fault: fault } }));
    expect(error).toMatchObject({ kind: 'server', detail: 'First', retryable: true, extensions: { Fault: fault } });
  });

  it('gives the same output with a polluted Object.prototype', () => {
    const inputs = listJson(ownDirectory).map((name) => readFixture(ownDirectory, name));
    const readAll = (): unknown[] => inputs.map(read);
    const clean = readAll();
    const polluted = withPollutedPrototype({ Fault: { Error: [{ Message: 'polluted' }] }, element: 'polluted', Detail: 'polluted', code: '1', type: 'SystemFault' }, readAll);
    expect(polluted).toEqual(clean);
  });
});
