/**
 * The Stripe dialect (docs.stripe.com/api/errors): `{error: {type, code?, decline_code?, message?,
 * param?, doc_url?, ...}}`. Every fixture in test/fixtures/more/stripe/ is read with the
 * expectations written out below by hand; nothing here asks the implementation for them.
 */
import { describe, expect, it } from 'vitest';
import { stripeDialect } from '../../src/dialects/stripe.ts';
import { createNormalizer, plainDialect, type ApiResult } from '../../src/index.ts';
import { claimedBy, fails, inputOf, itReadsEveryFixture, listJson, moreDirectory, moreFixtures, now, readBodies, readFixture, readSeedBodies, toError, withPollutedPrototype, type Expected, type Fixture } from './support.ts';

const normalize = createNormalizer({ dialects: [stripeDialect, plainDialect] });
const ownDirectory = moreFixtures('stripe');
const read = (fixture: Fixture): ApiResult => normalize(inputOf(fixture), { now });

const expectations: Readonly<Record<string, Expected>> = {
  // 402 is "Request Failed" to Stripe: the request was valid, the card was not; the reason phrase stays the status's.
  '402-card-declined.json': fails({
    kind: 'unprocessable',
    status: 402,
    title: 'Payment Required',
    detail: 'Your card has insufficient funds.',
    code: 'card_declined',
    retryable: false,
    dialect: 'stripe',
    extensions: { decline_code: 'insufficient_funds', doc_url: 'https://stripe.com/docs/error-codes/card-declined', type: 'card_error' },
  }),
  // The status decides first: a missing object is not_found even though `param` names the id.
  '404-resource-missing.json': fails({
    kind: 'not_found',
    status: 404,
    title: 'Not Found',
    detail: "No such customer: 'cus_nonexistent'",
    code: 'resource_missing',
    issues: [{ path: ['id'], field: 'id', message: "No such customer: 'cus_nonexistent'", code: 'resource_missing' }],
    retryable: false,
    dialect: 'stripe',
    extensions: { doc_url: 'https://stripe.com/docs/error-codes/resource-missing', type: 'invalid_request_error' },
  }),
  '400-parameter-missing.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: 'Missing required param: amount.',
    code: 'parameter_missing',
    issues: [{ path: ['amount'], field: 'amount', message: 'Missing required param: amount.', code: 'parameter_missing' }],
    retryable: false,
    dialect: 'stripe',
    extensions: { doc_url: 'https://stripe.com/docs/error-codes/parameter-missing', type: 'invalid_request_error' },
  }),
  // A generic 400 is refined by the type: a reused idempotency key is a conflict.
  '400-idempotency-error.json': fails({
    kind: 'conflict',
    status: 400,
    title: 'Bad Request',
    detail:
      "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than 'order-1234' if you meant to execute a different request.",
    // Without a `code`, the type names the error.
    code: 'idempotency_error',
    retryable: false,
    dialect: 'stripe',
    extensions: { type: 'idempotency_error' },
  }),
  '500-api-error.json': fails({
    kind: 'server',
    status: 500,
    title: 'Internal Server Error',
    detail: 'An unknown error occurred',
    code: 'api_error',
    retryable: true,
    dialect: 'stripe',
    extensions: { type: 'api_error' },
  }),
};

describe('the Stripe fixtures', () => {
  itReadsEveryFixture(ownDirectory, expectations, read);

  it('claims every fixture body', () => {
    for (const name of listJson(ownDirectory)) expect(stripeDialect.detect(readFixture(ownDirectory, name).body, 'application/json')).toBe(true);
  });
});

describe('detecting a Stripe error', () => {
  it('claims an `error` object with a string `type`, and the APIs that copy that shape', () => {
    expect(stripeDialect.detect({ error: { type: 'api_error' } }, '')).toBe(true);
    // OpenAI's errors are Stripe's shape, with explicit nulls.
    expect(stripeDialect.detect({ error: { message: 'You exceeded your current quota.', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } }, '')).toBe(true);
  });

  it('does not claim the seed fixtures of the four seed dialects', () => {
    const seeds = readSeedBodies();
    expect(seeds.length).toBeGreaterThan(60);
    expect(claimedBy(stripeDialect, seeds)).toEqual([]);
  });

  it('does not claim the bodies of the other dialects of issue 6', () => {
    const others = readBodies(moreDirectory, ['slack', 'aws', 'kubernetes', 'json-api', 'graphql', 'google', 'odata', 'field-map', 'spring', 'status-code', 'cloudflare', 'jsend', 'quickbooks', 'kraken']);
    expect(claimedBy(stripeDialect, others)).toEqual([]);
  });

  it('does not claim the typical bodies of the other families', () => {
    const typical: unknown[] = [
      { errors: [{ status: '422', source: { pointer: '/data/attributes/firstName' }, title: 'Invalid Attribute', detail: 'First name must contain at least three characters.' }] },
      { errors: [{ message: 'Cannot query field "nme" on type "User".', locations: [{ line: 1, column: 9 }] }], data: null },
      { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } },
      { error: { code: 'BadArgument', message: 'Multiple errors in ContactInfo data', target: 'ContactInfo' } },
      { email: ['is invalid'], name: ["can't be blank"] },
      { timestamp: '2025-01-15T12:00:00.000+00:00', status: 404, error: 'Not Found', path: '/api/orders/42' },
      { statusCode: 404, error: 'Not Found', message: 'Cannot GET /x' },
      // Seed 004 errors have `error.type` too, beside a `result` no Stripe body has.
      { result: 'error', error: { type: 'system', code: 1, message: 'Down' } },
      { ok: false, error: 'channel_not_found' },
      { error: 'invalid_grant', error_description: 'The code has expired' },
      { error: { type: 42, message: 'a number is no type' } },
      { error: ['type'] },
      'error code: 1020',
      null,
      [{ error: { type: 'api_error' } }],
    ];
    for (const body of typical) expect(stripeDialect.detect(body, 'application/json')).toBe(false);
  });
});

describe('reading a Stripe error', () => {
  const declined = (error: Record<string, unknown>, status = 402): ApiResult => normalize({ status, headers: { 'content-type': 'application/json' }, body: { error } });

  it('reads the bracketed parameter names of Stripe form encoding as paths', () => {
    expect(toError(declined({ type: 'card_error', code: 'incorrect_number', message: 'Your card number is incorrect.', param: 'card[number]' })).issues).toEqual([
      { path: ['card', 'number'], field: 'card[number]', message: 'Your card number is incorrect.', code: 'incorrect_number' },
    ]);
    expect(toError(declined({ type: 'invalid_request_error', message: 'No such price', param: 'items[0][price]' }, 400)).issues[0]?.path).toEqual(['items', 0, 'price']);
  });

  it('makes an invalid request without a parameter a bad request, and one with a parameter a validation error', () => {
    expect(toError(declined({ type: 'invalid_request_error', message: 'Unrecognized request URL (GET: /v1/nothing).' }, 400)).kind).toBe('bad_request');
    expect(toError(declined({ type: 'invalid_request_error', message: 'Invalid integer: abc', param: 'amount' }, 400)).kind).toBe('validation');
  });

  it('lets the HTTP status decide before the type', () => {
    expect(toError(declined({ type: 'card_error', message: 'Your card was declined.' }, 429)).kind).toBe('rate_limited');
    expect(toError(declined({ type: 'api_error', message: 'x' }, 503)).kind).toBe('unavailable');
    expect(toError(declined({ type: 'rate_limit_error', message: 'Too many requests hit the API too quickly.' }, 400)).kind).toBe('rate_limited');
    expect(toError(declined({ type: 'authentication_error', message: 'Invalid API Key provided: sk_test_****' }, 400)).kind).toBe('unauthenticated');
    expect(toError(declined({ type: 'some_future_error', message: 'x' }, 400)).kind).toBe('bad_request');
  });

  it('takes the request id from the Request-Id header Stripe sends', () => {
    const result = normalize({ status: 402, headers: { 'Request-Id': 'req_abc123' }, body: { error: { type: 'card_error', message: 'Your card was declined.' } } });
    expect(toError(result).requestId).toBe('req_abc123');
  });

  it('keeps the members beside `error`, the error object\'s winning a clash', () => {
    const error = toError(normalize({ status: 400, body: { error: { type: 'invalid_request_error', message: 'x', doc_url: 'inner' }, doc_url: 'outer', livemode: false } }));
    expect(error.extensions).toEqual({ type: 'invalid_request_error', doc_url: 'inner', livemode: false });
  });

  it('reads a 2xx body as data whatever it holds: Stripe sends its errors with 4xx and 5xx', () => {
    const body = { error: { type: 'card_error' }, id: 'pi_1' };
    expect(normalize({ status: 200, body })).toEqual({ ok: true, value: { status: 200, data: body, dialect: 'stripe', body } });
  });

  it('ignores members of the wrong type, keeping them as received', () => {
    const error = toError(declined({ type: 'card_error', message: 42, code: { nested: true }, param: 7, decline_code: null }, 402));
    expect(error.detail).toBeUndefined();
    // A code that is no code is ignored: the type names the error, as when there is none.
    expect(error.code).toBe('card_error');
    expect(error.issues).toEqual([]);
    expect(error.extensions).toEqual({ type: 'card_error', message: 42, code: { nested: true }, param: 7, decline_code: null });
    // A number is a machine code as a string (DESIGN.md `code`).
    expect(toError(declined({ type: 'card_error', code: 1001 })).code).toBe('1001');
  });

  it('keeps a parameter without a message as received, making no issue of it', () => {
    const error = toError(declined({ type: 'invalid_request_error', param: 'amount' }, 400));
    expect(error.issues).toEqual([]);
    expect(error.extensions).toEqual({ type: 'invalid_request_error', param: 'amount' });
  });

  it('keeps `__proto__` members as data', () => {
    const body = JSON.parse('{"error":{"type":"card_error","message":"m","__proto__":{"polluted":1}},"__proto__":{"x":2}}') as unknown;
    const error = toError(normalize({ status: 402, body }));
    expect(Object.getPrototypeOf(error.extensions)).toBe(Object.prototype);
    expect(Object.hasOwn(error.extensions, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('reading Stripe bodies safely', () => {
  it('gives the same output with a polluted Object.prototype', () => {
    const inputs = listJson(ownDirectory).map((name) => readFixture(ownDirectory, name));
    const bodies: unknown[] = [{ id: 'ch_1' }, { error: 'x' }, { other: { type: 'card_error' } }];
    const readAll = (): unknown[] => [...inputs.map(read), ...bodies.map((body) => normalize({ status: 400, body })), ...bodies.map((body) => stripeDialect.detect(body, ''))];
    const clean = readAll();
    const pollution: Record<string, unknown> = { error: { type: 'card_error', message: 'polluted', param: 'polluted' }, type: 'api_error', message: 'polluted', code: 'polluted', param: 'polluted', decline_code: 'polluted' };
    const polluted = withPollutedPrototype(pollution, readAll);
    expect(polluted).toEqual(clean);
  });

  it('reads a million-deep and a huge body without throwing', () => {
    let deep: unknown = 'leaf';
    for (let depth = 0; depth < 1_000_000; depth++) deep = { error: deep };
    const deepError = { error: { type: 'card_error', message: 'm', decline_code: deep, param: 'a'.repeat(10_000) } };
    expect(() => normalize({ status: 402, body: deepError })).not.toThrow();
    expect(() => normalize({ status: 402, body: deep })).not.toThrow();
    const wide: Record<string, unknown> = { type: 'api_error', message: 'x'.repeat(1 << 20) };
    for (let index = 0; index < 100_000; index++) wide[`member${index}`] = index;
    const result = normalize({ status: 500, body: { error: wide } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.error.extensions)).toHaveLength(100_001);
    const path = Array.from({ length: 10_000 }, (_, index) => `[${index}]`).join('');
    const longPath = normalize({ status: 400, body: { error: { type: 'invalid_request_error', message: 'm', param: `items${path}` } } });
    // Walks stop at 64 (RELIABILITY.md "Depth").
    if (!longPath.ok) expect(longPath.error.issues[0]?.path).toHaveLength(64);
  });
});
