/**
 * The JSON-RPC 2.0 dialect (jsonrpc.org/specification): `{jsonrpc: "2.0", result | error, id}`,
 * errors in an HTTP 200 as often as not. Every fixture in test/fixtures/more/json-rpc/ is read
 * with the expectations written out below, from the specification's own examples.
 */
import { describe, expect, it } from 'vitest';
import { jsonRpcDialect } from '../../src/dialects/json-rpc.ts';
import { createNormalizer, normalize as normalizeAll, plainDialect, type ApiResult } from '../../src/index.ts';
import { fails, inputOf, itOwnsItsFixtures, now, succeeds, toError, toSuccess, withPollutedPrototype, type Expected, type Fixture } from './support.ts';

const normalize = createNormalizer({ dialects: [jsonRpcDialect, plainDialect] });
const read = (fixture: Fixture): ApiResult => normalize(inputOf(fixture), { now });

const expectations: Readonly<Record<string, Expected>> = {
  // The data is the result; the envelope and the caller's id are the body's.
  '200-result.json': succeeds({ status: 200, data: 19, dialect: 'json-rpc' }),
  // §5.1's codes name the kind a 200 does not: the method is not there, the request is malformed.
  '200-method-not-found.json': fails({ kind: 'not_found', status: 200, title: 'Not Found', detail: 'Method not found', code: '-32601', retryable: false, dialect: 'json-rpc', extensions: { id: '1' } }),
  '200-parse-error.json': fails({ kind: 'bad_request', status: 200, title: 'Bad Request', detail: 'Parse error', code: '-32700', retryable: false, dialect: 'json-rpc', extensions: { id: null } }),
  '200-invalid-request.json': fails({ kind: 'bad_request', status: 200, title: 'Bad Request', detail: 'Invalid Request', code: '-32600', retryable: false, dialect: 'json-rpc', extensions: { id: null } }),
  // An error status decides: QuickNode's 429 is a rate limit, worth a retry.
  '429-quicknode-rate-limit.json': fails({
    kind: 'rate_limited',
    status: 429,
    title: 'Too Many Requests',
    detail: 'The requests per second (RPS) of your requests are higher than your plan allows.',
    code: '429',
    retryable: true,
    dialect: 'json-rpc',
    extensions: { id: 1 },
  }),
};

describe('the JSON-RPC fixtures', () => {
  itOwnsItsFixtures(jsonRpcDialect, expectations, read, normalizeAll);
});

describe('detecting a JSON-RPC response', () => {
  it('claims only `jsonrpc: "2.0"` beside a result or an error object', () => {
    const unclaimed = [
      { jsonrpc: '2.0', id: 1 },
      // A response has an `id` (§5), a request a `method`: a log of a call is none.
      { jsonrpc: '2.0', result: 19 },
      { jsonrpc: '2.0', method: 'eth_call', params: [1], id: 1, result: '0x1' },
      { jsonrpc: '2.0', error: 'Method not found', id: 1 },
      { jsonrpc: '1.0', result: 19, id: 1 },
      { jsonrpc: 2, result: 19, id: 1 },
      // JSON-RPC 1.0's shape is a job record's too: plain reads it.
      { result: null, error: { code: -32601, message: 'Method not found' }, id: 'curltest' },
      [{ jsonrpc: '2.0', result: 19, id: 1 }],
    ];
    for (const body of unclaimed) expect(jsonRpcDialect.detect(body, 'application/json'), JSON.stringify(body)).toBe(false);
  });

  it('wins over seed 004, whose `result: "success"` a JSON-RPC result may spell', () => {
    const body = { jsonrpc: '2.0', result: 'success', id: 3 };
    expect(toSuccess(normalizeAll({ status: 200, body }))).toMatchObject({ data: 'success', dialect: 'json-rpc' });
  });

  it("leaves Bitcoin Core's JSON-RPC 1.0 error, sent with an error status, to plain's nested error", () => {
    const body = { result: null, error: { code: -32601, message: 'Method not found' }, id: 'curltest' };
    expect(toError(normalizeAll({ status: 404, body }))).toMatchObject({ kind: 'not_found', code: '-32601', detail: 'Method not found', dialect: 'plain' });
  });
});

describe('reading a JSON-RPC response', () => {
  it("keeps the error's data and members it does not read, and a code of the wrong type", () => {
    const error = toError(normalize({ status: 200, body: { jsonrpc: '2.0', error: { code: -32602, message: 'Invalid params', data: { param: 'blockHash' } }, id: 9, extra: true } }));
    expect(error).toMatchObject({ kind: 'bad_request', code: '-32602', detail: 'Invalid params', extensions: { data: { param: 'blockHash' }, id: 9, extra: true } });
    // A code that is no integer is not read (§5.1: it MUST be one); an error with members of its own is kept whole.
    expect(toError(normalize({ status: 200, body: { jsonrpc: '2.0', error: { code: { n: 1 }, message: 'x' }, id: 1 } })).extensions).toEqual({ id: 1, error: { code: { n: 1 }, message: 'x' } });
    expect(toError(normalize({ status: 200, body: { jsonrpc: '2.0', error: { code: '-32601', message: 'x' }, id: 1 } }))).toMatchObject({ kind: 'unknown', extensions: { error: { code: '-32601', message: 'x' } } });
    expect(toError(normalize({ status: 200, body: { jsonrpc: '2.0', error: { code: -32000, message: 'x', id: 'inner' }, id: 1 } })).extensions).toEqual({ id: 1, error: { code: -32000, message: 'x', id: 'inner' } });
  });

  it("names EIP-1474's limit a rate limit, and leaves the implementation-defined codes to the status", () => {
    expect(toError(normalize({ status: 200, body: { jsonrpc: '2.0', error: { code: -32005, message: 'daily request count exceeded' }, id: 1 } }))).toMatchObject({ kind: 'rate_limited', retryable: true });
    // -32000 to -32099 are the server's own: Ethereum's "execution reverted" is no outage to retry.
    expect(toError(normalize({ status: 200, body: { jsonrpc: '2.0', error: { code: -32000, message: 'execution reverted' }, id: 1 } }))).toMatchObject({ kind: 'unknown', retryable: false });
    expect(toError(normalize({ status: 200, body: { jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' }, id: 1 } }))).toMatchObject({ kind: 'server', retryable: true });
  });

  it('lets an error status decide over a result, which it keeps', () => {
    expect(toError(normalize({ status: 502, body: { jsonrpc: '2.0', result: 19, id: 1 } }))).toMatchObject({ kind: 'unavailable', extensions: { result: 19, id: 1 } });
  });

  it('gives the same output with a polluted Object.prototype', () => {
    const body = JSON.parse('{"jsonrpc":"2.0","error":{"code":-32601,"message":"Method not found"},"id":"1"}') as unknown;
    const clean = normalize({ status: 200, body });
    expect(withPollutedPrototype({ jsonrpc: '2.0', result: 1, data: 'x', message: 'polluted' }, () => normalize({ status: 200, body }))).toEqual(clean);
    const success = { jsonrpc: '2.0', result: 19, id: 1 };
    expect(withPollutedPrototype({ error: { code: -32601, message: 'polluted' } }, () => normalize({ status: 200, body: success }))).toEqual(normalize({ status: 200, body: success }));
  });
});
