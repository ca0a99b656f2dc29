/**
 * The Kraken dialect (docs.kraken.com, Spot REST API): `{error: ["<severity><category>:<type>[:<extra
 * info>]"], result?}` in an HTTP 200, a non-empty list of errors (`E`) being a failure and one of
 * warnings (`W`) only not. Every fixture in test/fixtures/more/kraken/ is read with the expectations
 * written out below.
 */
import { describe, expect, it } from 'vitest';
import { krakenDialect } from '../../src/dialects/kraken.ts';
import { createNormalizer, normalize as normalizeAll, plainDialect, type ApiResult } from '../../src/index.ts';
import { fails, inputOf, itOwnsItsFixtures, listJson, moreFixtures, now, readFixture, toError, toSuccess, withPollutedPrototype, type Expected, type Fixture } from './support.ts';

const normalize = createNormalizer({ dialects: [krakenDialect, plainDialect] });
const ownDirectory = moreFixtures('kraken');
const read = (fixture: Fixture): ApiResult => normalize(inputOf(fixture), { now });

const expectations: Readonly<Record<string, Expected>> = {
  // The code is the error as the docs list it; the detail what follows the category. An empty `result` says nothing.
  '200-invalid-key.json': fails({ kind: 'unauthenticated', status: 200, title: 'Unauthorized', detail: 'Invalid key', code: 'EAPI:Invalid key', retryable: false, dialect: 'kraken' }),
  // The extra info stays in the detail, out of the code.
  '200-invalid-arguments.json': fails({ kind: 'bad_request', status: 200, title: 'Bad Request', detail: 'Invalid arguments:ordertype', code: 'EGeneral:Invalid arguments', retryable: false, dialect: 'kraken' }),
  // A spent rate limit in a 200 is worth retrying, as a 429 would be.
  '200-rate-limit-exceeded.json': fails({ kind: 'rate_limited', status: 200, title: 'Too Many Requests', detail: 'Rate limit exceeded', code: 'EAPI:Rate limit exceeded', retryable: true, dialect: 'kraken' }),
  '200-service-unavailable.json': fails({ kind: 'unavailable', status: 200, title: 'Service Unavailable', detail: 'Unavailable', code: 'EService:Unavailable', retryable: true, dialect: 'kraken' }),
};

describe('the Kraken fixtures', () => {
  itOwnsItsFixtures(krakenDialect, expectations, read, normalizeAll);
});

describe('detecting a Kraken response', () => {
  it('claims only a body of `error` and `result` whose `error` lists Kraken entries', () => {
    const unclaimed = [
      // A success: nothing in the list.
      { error: [], result: { status: 'online' } },
      // Lists of other strings: messages of a field named `error`, a log line.
      { error: ['name is required'], result: {} },
      { error: ['ERROR: duplicate key value'] },
      { error: ['E-mail is invalid'] },
      { error: ['EAPI:Invalid key', 7] },
      // A resource with members of its own, and errors that are no list.
      { id: 7, error: ['EAPI:Invalid key'], result: {} },
      { error: 'EAPI:Invalid key' },
      ['EAPI:Invalid key'],
    ];
    for (const body of unclaimed) expect(krakenDialect.detect(body, 'application/json'), JSON.stringify(body)).toBe(false);
  });

  it('leaves the look-alikes as they were read: a 200 is data, a field list is a field-map error', () => {
    const fieldList = { error: ['name is required'], result: {} };
    const logLine = { error: ['ERROR: duplicate key value'], result: { id: 7 } };
    expect(toSuccess(normalizeAll({ status: 200, body: fieldList }))).toMatchObject({ data: fieldList, dialect: 'field-map' });
    expect(toSuccess(normalizeAll({ status: 200, body: logLine }))).toMatchObject({ data: logLine, dialect: 'plain' });
    expect(toError(normalizeAll({ status: 422, body: { error: ['name is required'] } }))).toMatchObject({ dialect: 'field-map', issues: [{ path: ['error'], message: 'name is required' }] });
  });
});

describe('reading a Kraken response', () => {
  // Kraken Spot REST API, Requests, Responses and Errors: GET /0/public/SystemStatus.
  const systemStatus = { error: [], result: { status: 'online', timestamp: '2021-03-22T17:18:03Z' } };

  it('keeps a success with an empty `error` list as it was: the whole body is the data, read by plain', () => {
    expect(toSuccess(normalizeAll({ status: 200, body: systemStatus }))).toEqual({ status: 200, data: systemStatus, dialect: 'plain', body: systemStatus });
  });

  it('reads warnings alone as a success, the whole body its data; under an error status they are kept', () => {
    const body = { error: ['WGeneral:Deprecated'], result: systemStatus.result };
    expect(toSuccess(normalizeAll({ status: 200, body }))).toEqual({ status: 200, data: body, dialect: 'kraken', body });
    expect(toError(normalizeAll({ status: 400, body }))).toMatchObject({ kind: 'bad_request', dialect: 'kraken', extensions: { error: ['WGeneral:Deprecated'], result: systemStatus.result } });
  });

  it("claims no list of other APIs' `ERROR:` or `WARNING:` lines", () => {
    for (const error of [['ERROR:Something went wrong'], ['WARNING:deprecated'], ['WARN:slow']]) {
      expect(krakenDialect.detect({ error }, 'application/json'), error[0]).toBe(false);
      expect(normalizeAll({ status: 200, body: { error } }).ok, error[0]).toBe(true);
    }
  });

  it('reads the first error, keeping the list when it holds more and a `result` that is not empty', () => {
    const body = { error: ['WOrder:Deprecated', 'EOrder:Rate limit exceeded', 'EGeneral:Permission denied'], result: { txid: [] } };
    const error = toError(normalizeAll({ status: 200, body }));
    expect(error).toMatchObject({ kind: 'rate_limited', code: 'EOrder:Rate limit exceeded', detail: 'Rate limit exceeded', dialect: 'kraken' });
    expect(error.extensions).toEqual({ error: body.error, result: body.result });
  });

  it('names the kinds the docs make clear, and leaves the others to the status', () => {
    const kinds: Readonly<Record<string, string>> = {
      'EAPI:Invalid signature': 'unauthenticated',
      'EAPI:Invalid nonce': 'unauthenticated',
      'EGeneral:Permission denied': 'forbidden',
      'EGeneral:Temporary lockout': 'rate_limited',
      'EService:Busy': 'unavailable',
      'EGeneral:Internal error:3f2a': 'server',
      'EQuery:Unknown asset pair': 'unknown',
    };
    for (const [entry, kind] of Object.entries(kinds)) expect(toError(normalizeAll({ status: 200, body: { error: [entry] } })).kind, entry).toBe(kind);
    // A status that says more decides: Kraken's errors behind a proxy's 503.
    expect(toError(normalizeAll({ status: 503, body: { error: ['EQuery:Unknown asset pair'] } }))).toMatchObject({ kind: 'unavailable', code: 'EQuery:Unknown asset pair' });
  });

  it('reads a list with holes, as a caller may build one, without throwing', () => {
    const body = { error: [, 'EAPI:Invalid key'] };
    expect(krakenDialect.parse(body, { status: 200, mediaType: 'application/json' })).toMatchObject({ ok: false, code: 'EAPI:Invalid key' });
    expect(toError(normalize({ status: 200, body }))).toMatchObject({ code: 'EAPI:Invalid key', dialect: 'kraken' });
  });

  it('gives the same output with a polluted Object.prototype', () => {
    const inputs = listJson(ownDirectory).map((name) => readFixture(ownDirectory, name));
    const readAll = (): unknown[] => inputs.map(read);
    const clean = readAll();
    const polluted = withPollutedPrototype({ 'EAPI:Invalid key': 'server', 'EQuery:Unknown asset pair': 'forbidden', result: { polluted: true } }, readAll);
    expect(polluted).toEqual(clean);
    expect(withPollutedPrototype({ 'EQuery:Unknown asset pair': 'forbidden' }, () => toError(normalizeAll({ status: 200, body: { error: ['EQuery:Unknown asset pair'] } })).kind)).toBe('unknown');
  });
});
