/**
 * The QuickBooks Online dialect (developer.intuit.com, "Error codes", "Handling common errors"):
 * `{Fault: {Error: [{Message, Detail, code, element}], type}, time}`, an error whatever the status
 * ("200 OK ... the response body may contain a Fault element"). Every fixture in
 * test/fixtures/more/quickbooks/ is read with the expectations written out below.
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
});

describe('reading a QuickBooks Online fault', () => {
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
