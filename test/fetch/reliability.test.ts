/**
 * RELIABILITY.md "Client", line by line, against a real server that misbehaves on purpose.
 * Delays are captured through the client's `wait` option (the delays the code asks for), not
 * raced against the wall clock; only the timeout and abort lines, which measure the client's
 * own timers, use the real clock, with the margins the document gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, maxTimerMs, toBackoffMs, toRetryPolicy, unwrap, type ClientOptions, type RetryEvent } from '../../src/fetch/index.ts';
import { hangingBody, htmlPage, hugeBody, json, resetMidBody, silence, startServer, text, type Handler, type TestServer } from './server.ts';
import { countListeners } from './signals.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

/** A client whose waits are recorded and skipped, with a jitter of `random`. */
function createRecordingClient(options: Partial<ClientOptions> = {}, random = (): number => 1) {
  const delays: number[] = [];
  const events: RetryEvent[] = [];
  const client = createClient({
    baseUrl: server.origin,
    wait: (ms) => {
      delays.push(ms);
      return Promise.resolve();
    },
    onRetry: (event) => events.push(event),
    ...options,
    retry: typeof options.retry === 'number' ? { limit: options.retry, random } : { random, ...options.retry },
  });
  return { client, delays, events };
}

/** Closes the connection before any response: what a network failure looks like. */
const dropConnection: Handler = (request) => request.socket.destroy();

let routes = 0;
/** A fresh path with a script, so that tests do not share request counts. */
function route(...handlers: Handler[]): string {
  const path = `/r${++routes}`;
  server.route(path, ...handlers);
  return path;
}

describe('default retry: limit 2, idempotent methods, statuses 408 429 500 502 503 504, 413 only with Retry-After', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries a GET answered %i twice, making three requests', async (status) => {
    const path = route(json(status, { message: 'try later' }));
    const { client } = createRecordingClient();
    const result = await client.get(path);
    expect(result).toMatchObject({ ok: false, error: { status } });
    expect(server.requests(path)).toHaveLength(3);
  });

  it.each([400, 401, 403, 404, 422])('never retries %i', async (status) => {
    const path = route(json(status, { message: 'no' }));
    const { client, delays } = createRecordingClient();
    const result = await client.get(path);
    expect(result).toMatchObject({ ok: false, error: { status, retryable: false } });
    expect(server.requests(path)).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('retries 413 only when the server says when to come back', async () => {
    const without = route(json(413, { message: 'too large' }));
    const withRetryAfter = route(json(413, { message: 'too large' }, { 'retry-after': '1' }));
    const { client } = createRecordingClient();
    await client.put(without, { json: {} });
    await client.put(withRetryAfter, { json: {} });
    expect(server.requests(without)).toHaveLength(1);
    expect(server.requests(withRetryAfter)).toHaveLength(3);
  });

  it.each(['GET', 'PUT', 'HEAD', 'DELETE', 'OPTIONS'])('retries a %s answered 503', async (method) => {
    const path = route(text(503, ''));
    const { client } = createRecordingClient();
    await client.request(method, path);
    expect(server.requests(path)).toHaveLength(3);
  });

  it('retries network failures: a dropped connection, then a reset in the middle of a body', async () => {
    const path = route(dropConnection, resetMidBody(), json(200, { result: [1, 2, 3] }));
    const { client, events } = createRecordingClient();
    const result = await client.get(path);
    expect(result).toMatchObject({ ok: true, value: { data: { result: [1, 2, 3] } } });
    expect(events.map((event) => event.error.kind)).toEqual(['network', 'network']);
    expect(server.requests(path)).toHaveLength(3);
  });

  it('reads a connection reset mid-body as a network failure without a status, saying that the body broke off and why, as a reset before the headers does', async () => {
    const { client } = createRecordingClient({ retry: 0 });
    const midBody = await client.get(route(resetMidBody()));
    expect(midBody).toMatchObject({ ok: false, error: { kind: 'network', detail: 'The body broke off before it was complete: other side closed', retryable: true } });
    expect(midBody.ok || midBody.error.status).toBeUndefined();
    expect(() => unwrap(midBody)).toThrow(/^Network Error: The body broke off before it was complete: other side closed$/);
    const beforeHeaders = await client.get(route(dropConnection));
    expect(beforeHeaders).toMatchObject({ ok: false, error: { kind: 'network', detail: 'fetch failed: other side closed' } });
    expect(beforeHeaders.ok || beforeHeaders.error.status).toBeUndefined();
  });

  it('gives up on a 503 storm after three requests with the last 503, and rides it out with a higher limit', async () => {
    const storm = Array.from({ length: 8 }, () => htmlPage(503, 'Service Temporarily Unavailable'));
    const path = route(...storm, json(200, { up: true }));
    const { client } = createRecordingClient();
    expect(await client.get(path)).toMatchObject({ ok: false, error: { kind: 'unavailable', status: 503, title: 'Service Unavailable' } });
    expect(server.requests(path)).toHaveLength(3);
    const patient = route(...storm, json(200, { up: true }));
    const { client: patientClient } = createRecordingClient({ retry: 8 });
    expect(await patientClient.get(patient)).toMatchObject({ ok: true, value: { data: { up: true } } });
    expect(server.requests(patient)).toHaveLength(9);
  });

  it("retries a GraphQL rate limit inside a 200 after the wait its body names (Shopify's THROTTLED)", async () => {
    const throttled = { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }], extensions: { cost: { requestedQueryCost: 752, actualQueryCost: null, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 666, restoreRate: 50 } } } };
    const path = route(json(200, throttled), json(200, { data: { shop: { name: 'x' } }, extensions: { cost: { requestedQueryCost: 1 } } }));
    const { client, delays } = createRecordingClient();
    expect(await client.get(path)).toMatchObject({ ok: true, value: { data: { shop: { name: 'x' } }, dialect: 'graphql' } });
    expect(delays).toEqual([2_000]);
    expect(server.requests(path)).toHaveLength(2);
  });

  it('retries a seed 004 envelope system error inside a 200 like a 5xx, and never a validation error', async () => {
    const system = route(json(200, { result: 'error', error: { type: 'system', code: 500, message: 'Database busy' } }), json(200, { result: 'success', customers: [1], metadata: {} }));
    const validation = route(json(200, { result: 'error', error: { type: 'validation', code: 1001, message: 'Invalid', field: 'email' } }));
    const { client } = createRecordingClient();
    expect(await client.get(system)).toMatchObject({ ok: true, value: { data: [1] } });
    expect(server.requests(system)).toHaveLength(2);
    expect(await client.get(validation)).toMatchObject({ ok: false, error: { kind: 'validation', retryable: false } });
    expect(server.requests(validation)).toHaveLength(1);
  });
});

describe('POST and PATCH are retried only with an Idempotency-Key, the same on every attempt', () => {
  it.each(['POST', 'PATCH'])('sends %s once without a key', async (method) => {
    const path = route(text(503, ''));
    const { client } = createRecordingClient();
    await client.request(method, path, { json: { amount: 1 } });
    expect(server.requests(path)).toHaveLength(1);
  });

  it.each(['POST', 'PATCH'])('retries %s with a key, sending the same key and body each time', async (method) => {
    const path = route(text(503, ''), text(502, ''), json(201, { id: 1 }));
    const { client } = createRecordingClient();
    const result = await client.request(method, path, { json: { amount: 1 }, idempotencyKey: 'pay-8f2e' });
    expect(result.ok).toBe(true);
    const requests = server.requests(path);
    expect(requests.map((request) => request.headers['idempotency-key'])).toEqual(['pay-8f2e', 'pay-8f2e', 'pay-8f2e']);
    expect(requests.map((request) => request.body.toString())).toEqual(Array(3).fill('{"amount":1}'));
  });

  it('also honours an Idempotency-Key given as a header', async () => {
    const path = route(text(500, ''));
    const { client } = createRecordingClient();
    await client.post(path, { headers: { 'Idempotency-Key': 'k1' } });
    expect(server.requests(path)).toHaveLength(3);
  });
});

describe('retry.shouldRetry: the caller decides over the status list', () => {
  const overloaded = (): Handler => json(529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });

  it('retries what the model calls retryable under a status the list lacks (Anthropic\'s 529), told the error and the retry number', async () => {
    const byDefault = route(overloaded(), json(200, { id: 1 }));
    const { client } = createRecordingClient();
    expect(await client.get(byDefault)).toMatchObject({ ok: false, error: { kind: 'unavailable', status: 529, retryable: true } });
    expect(server.requests(byDefault)).toHaveLength(1);

    const asked: [string, number][] = [];
    const path = route(overloaded(), overloaded(), json(200, { id: 1 }));
    const { client: patient } = createRecordingClient({
      retry: {
        shouldRetry: (error, retry) => {
          asked.push([error.kind, retry]);
          return error.retryable || undefined;
        },
      },
    });
    expect(await patient.get(path)).toMatchObject({ ok: true, value: { data: { id: 1 } } });
    expect(asked).toEqual([['unavailable', 1], ['unavailable', 2]]);
  });

  it("retries a 409 the server marks retryable (Stripe-Should-Retry: true) only when asked to: the status list decides by default", async () => {
    const lockTimeout = (): Handler => json(409, { error: { type: 'invalid_request_error', code: 'lock_timeout', message: 'This object cannot be accessed right now.' } }, { 'stripe-should-retry': 'true' });
    const byDefault = route(lockTimeout(), json(200, { id: 'ch_1' }));
    const { client } = createRecordingClient();
    expect(await client.get(byDefault)).toMatchObject({ ok: false, error: { kind: 'conflict', status: 409, code: 'lock_timeout', retryable: true } });
    expect(server.requests(byDefault)).toHaveLength(1);

    const asked = route(lockTimeout(), json(200, { id: 'ch_1' }));
    const { client: obeying } = createRecordingClient({ retry: { shouldRetry: (error) => error.retryable || undefined } });
    expect(await obeying.get(asked)).toMatchObject({ ok: true, value: { data: { id: 'ch_1' } } });
    expect(server.requests(asked)).toHaveLength(2);
  });

  it('stops a retry the list would make when it says false, and leaves the list to decide when it says undefined', async () => {
    const refused = route(text(503, ''));
    const { client } = createRecordingClient({ retry: { shouldRetry: () => false } });
    await client.get(refused);
    expect(server.requests(refused)).toHaveLength(1);
    const undecided = route(text(503, ''));
    const { client: listed } = createRecordingClient({ retry: { shouldRetry: () => undefined } });
    await listed.get(undecided);
    expect(server.requests(undecided)).toHaveLength(3);
  });

  it('may answer asynchronously, and per call', async () => {
    const path = route(json(400, { message: 'flaky' }), json(200, { ok: 1 }));
    const { client } = createRecordingClient();
    expect(await client.get(path, { retry: { shouldRetry: async (error) => error.detail === 'flaky' } })).toMatchObject({ ok: true });
    expect(server.requests(path)).toHaveLength(2);
  });

  it('cannot override the limit, the methods that may be sent again, or the caller\'s abort', async () => {
    const always = { shouldRetry: () => true };
    const limited = route(json(400, { message: 'no' }));
    const { client } = createRecordingClient({ retry: { limit: 2, ...always } });
    await client.get(limited);
    expect(server.requests(limited)).toHaveLength(3);
    const post = route(text(503, ''));
    await client.post(post, { json: { amount: 1 } });
    expect(server.requests(post)).toHaveLength(1);
    const hanging = route(silence());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    expect(await client.get(hanging, { signal: controller.signal })).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    expect(server.requests(hanging)).toHaveLength(1);
  });

  it('lets what it throws propagate, not retried, and refuses one that is no function', async () => {
    const path = route(text(503, ''));
    const { client } = createRecordingClient({ retry: { shouldRetry: () => { throw new Error('bug in shouldRetry'); } } });
    await expect(client.get(path)).rejects.toThrow('bug in shouldRetry');
    expect(server.requests(path)).toHaveLength(1);
    expect(() => createClient({ baseUrl: server.origin, retry: { shouldRetry: true as never } })).toThrow(new TypeError('retry.shouldRetry must be a function, not boolean'));
  });
});

describe('the defaults are shared, and frozen', () => {
  it('refuses a change to the default status list toRetryPolicy hands out, which would change every client', async () => {
    const policy = toRetryPolicy(undefined);
    expect(Object.isFrozen(policy.statusCodes)).toBe(true);
    expect(() => (policy.statusCodes as number[]).push(400)).toThrow(TypeError);
    const path = route(json(400, { message: 'no' }));
    await createRecordingClient().client.get(path);
    expect(server.requests(path)).toHaveLength(1);
  });
});

describe('retry options that are no count or time', () => {
  it('are refused with a RangeError naming the option, when the client is made and per call', async () => {
    expect(() => createClient({ baseUrl: 'https://api.example.com', retry: -1 })).toThrow(new RangeError('retry.limit must be a number of 0 or more, not -1'));
    expect(() => createClient({ baseUrl: 'https://api.example.com', retry: { delayMs: Number.NaN } })).toThrow(/retry\.delayMs .* not NaN/);
    expect(() => toRetryPolicy({ maxRetryAfterMs: '5' as unknown as number })).toThrow(/retry\.maxRetryAfterMs/);
    const client = createClient({ baseUrl: 'https://api.example.com', fetch: () => Promise.resolve(new Response('{}')) });
    await expect(client.get('/x', { retry: { backoffLimitMs: -5 } })).rejects.toThrow(RangeError);
  });

  it('are refused with a TypeError when no number and no options, `false` included, which retried with the defaults', async () => {
    // ofetch takes `retry: false` for none; read as options, it left every default in place (2 retries).
    for (const retry of [false, true, 'yes', [3]]) {
      expect(() => createClient({ baseUrl: 'https://api.example.com', retry: retry as unknown as number }), String(retry)).toThrow(new TypeError(`retry must be a number (the limit; 0 for none) or retry options, not ${JSON.stringify(retry)}`));
    }
    expect(() => toRetryPolicy({ limit: '3' as unknown as number })).toThrow(new TypeError('retry.limit must be a number of 0 or more, not a string'));
    const client = createClient({ baseUrl: 'https://api.example.com', fetch: () => Promise.resolve(new Response('{}')) });
    await expect(client.get('/x', { retry: false as unknown as number })).rejects.toThrow(TypeError);
  });

  it('take 0 as no retry, and leave out what is not given', () => {
    expect(toRetryPolicy(0)).toMatchObject({ limit: 0, delayMs: 300, backoffLimitMs: 10_000, maxRetryAfterMs: 60_000 });
    expect(toRetryPolicy({ delayMs: 0 })).toMatchObject({ limit: 2, delayMs: 0 });
  });
});

describe('limit = N makes exactly N + 1 requests; backoff is exponential, capped, with full jitter', () => {
  it.each([0, 1, 3, 5])('makes exactly N + 1 requests with limit N = %i', async (limit) => {
    const path = route(text(500, ''));
    const { client, delays } = createRecordingClient({ retry: limit });
    await client.get(path);
    expect(server.requests(path)).toHaveLength(limit + 1);
    expect(delays).toHaveLength(limit);
  });

  it('doubles the backoff ceiling each attempt up to its cap', async () => {
    const path = route(text(500, ''));
    const { client, delays, events } = createRecordingClient({ retry: { limit: 6, delayMs: 100, backoffLimitMs: 1_000 } });
    await client.get(path);
    expect(delays).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(events.map((event) => [event.attempt, event.delayMs, event.error.status])).toEqual(delays.map((delay, index) => [index + 1, delay, 500]));
  });

  it('draws 10,000 delays in [0, cap] whose mean is within 5% of half the cap', () => {
    const cap = 10_000;
    const policy = toRetryPolicy({ delayMs: 300, backoffLimitMs: cap });
    const samples = Array.from({ length: 10_000 }, () => toBackoffMs(policy, 10));
    expect(samples.every((delay) => delay >= 0 && delay <= cap)).toBe(true);
    const mean = samples.reduce((sum, delay) => sum + delay, 0) / samples.length;
    expect(Math.abs(mean - cap / 2)).toBeLessThan(0.05 * (cap / 2));
  });

  it('applies the jitter to the delays the client asks for', async () => {
    const path = route(text(500, ''));
    const { client, delays } = createRecordingClient({ retry: { limit: 2, delayMs: 1_000 } }, () => 0.25);
    await client.get(path);
    expect(delays).toEqual([250, 500]);
  });
});

describe('server-given delays are honoured exactly, without jitter, capped by maxRetryAfterMs', () => {
  it('waits the Retry-After seconds of a 429', async () => {
    const path = route(json(429, { message: 'slow down' }, { 'retry-after': '3' }), json(200, {}));
    const { client, delays } = createRecordingClient({}, () => 0.5);
    expect((await client.get(path)).ok).toBe(true);
    expect(delays).toEqual([3_000]);
  });

  it('waits until the Retry-After HTTP-date', async () => {
    const date = new Date(Math.ceil(Date.now() / 1000) * 1000 + 5_000);
    const path = route(json(503, {}, { 'retry-after': date.toUTCString() }), json(200, {}));
    const { client, delays } = createRecordingClient({}, () => 0.5);
    const before = Date.now();
    await client.get(path);
    const after = Date.now();
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeLessThanOrEqual(date.getTime() - before);
    expect(delays[0]).toBeGreaterThanOrEqual(date.getTime() - after);
  });

  it('waits for an X-RateLimit-Reset in seconds (seed 000) and for a RateLimit-Reset', async () => {
    const seconds = route(json(429, { code: 429, message: 'Too many requests' }, { 'x-ratelimit-limit': '1000', 'x-ratelimit-reset': '7' }), json(200, {}));
    const ietf = route(json(429, {}, { 'ratelimit-limit': '10', 'ratelimit-remaining': '0', 'ratelimit-reset': '4' }), json(200, {}));
    const { client, delays } = createRecordingClient({}, () => 0.5);
    await client.get(seconds);
    await client.get(ietf);
    expect(delays).toEqual([7_000, 4_000]);
  });

  it('waits for an X-RateLimit-Reset given as epoch seconds', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 20;
    const path = route(json(429, {}, { 'x-ratelimit-reset': String(reset) }), json(200, {}));
    const { client, delays } = createRecordingClient({}, () => 0.5);
    const before = Date.now();
    await client.get(path);
    expect(delays[0]).toBeLessThanOrEqual(reset * 1000 - before);
    expect(delays[0]).toBeGreaterThan(reset * 1000 - before - 1_000);
  });

  it('cuts a long server delay to maxRetryAfterMs, 60 s by default', async () => {
    const path = route(json(429, {}, { 'retry-after': '3600' }));
    const { client, delays } = createRecordingClient({ retry: { limit: 1 } });
    await client.get(path);
    const { client: strict, delays: strictDelays } = createRecordingClient({ retry: { limit: 1, maxRetryAfterMs: 5_000 } });
    await strict.get(path);
    expect([...delays, ...strictDelays]).toEqual([60_000, 5_000]);
  });

  it('falls back to the backoff when Retry-After is invalid', async () => {
    const path = route(json(503, {}, { 'retry-after': 'soon' }), json(503, {}, { 'retry-after': '-5' }), json(200, {}));
    const { client, delays } = createRecordingClient({ retry: { limit: 2, delayMs: 300 } });
    await client.get(path);
    expect(delays).toEqual([300, 600]);
  });

  it('never asks for a timer over 2^31 - 1 ms, and a huge timeout does not fire at once', async () => {
    const path = route(json(503, {}, { 'retry-after': '99999999999' }), json(200, {}));
    const { client, delays } = createRecordingClient({ retry: { limit: 1, maxRetryAfterMs: Number.POSITIVE_INFINITY } });
    await client.get(path);
    expect(delays).toEqual([maxTimerMs]);
    const slow = route((request, response) => setTimeout(() => json(200, { late: true })(request, response, Buffer.alloc(0)), 50));
    const patient = createClient({ baseUrl: server.origin, timeoutMs: 2 ** 40, totalTimeoutMs: 2 ** 41, retry: 0 });
    expect(await patient.get(slow)).toMatchObject({ ok: true, value: { data: { late: true } } });
  });
});

describe('timeouts and aborts', () => {
  it('ends within 50 ms of an abort during a 10 s backoff, after one request, leaving no listener behind', async () => {
    const path = route(json(503, {}, { 'retry-after': '10' }));
    const controller = new AbortController();
    const listeners = countListeners(controller.signal);
    let abortedAt = 0;
    const client = createClient({
      baseUrl: server.origin,
      onRetry: (event) => {
        expect(event.delayMs).toBe(10_000);
        setTimeout(() => {
          abortedAt = performance.now();
          controller.abort();
        }, 20);
      },
    });
    const result = await client.get(path, { signal: controller.signal });
    const elapsed = performance.now() - abortedAt;
    expect(result).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    expect(elapsed).toBeLessThan(50);
    expect(server.requests(path)).toHaveLength(1);
    expect(listeners()).toBe(0);
  });

  it('ends a body that never ends within 350 ms under a 250 ms total timeout', async () => {
    const path = route(hangingBody());
    const client = createClient({ baseUrl: server.origin, totalTimeoutMs: 250 });
    const start = performance.now();
    const result = await client.get(path);
    const elapsed = performance.now() - start;
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', retryable: true } });
    expect(elapsed).toBeGreaterThanOrEqual(240);
    expect(elapsed).toBeLessThan(350);
    expect(server.requests(path)).toHaveLength(1);
  });

  it('retries an attempt that timed out, while the total time allows', async () => {
    const path = route(silence(), json(200, { second: true }));
    const { client, events } = createRecordingClient({ timeoutMs: 100 });
    const result = await client.get(path);
    expect(result).toMatchObject({ ok: true, value: { data: { second: true } } });
    expect(events.map((event) => event.error.kind)).toEqual(['timeout']);
  });

  it('does not wait longer than the total timeout allows: the last answer stands', async () => {
    const path = route(json(503, { message: 'busy' }, { 'retry-after': '30' }));
    const { client, delays } = createRecordingClient({ totalTimeoutMs: 5_000 });
    const result = await client.get(path);
    expect(result).toMatchObject({ ok: false, error: { kind: 'unavailable', detail: 'busy' } });
    expect(delays).toEqual([]);
  });

  it("reads the caller's AbortSignal.timeout as a time-out, not an abort, waiting for headers and during a backoff, and does not retry it", async () => {
    const client = createClient({ baseUrl: server.origin, retry: { delayMs: 10_000, backoffLimitMs: 10_000, random: () => 1 } });
    const silent = route(silence());
    const waiting = await client.get(silent, { signal: AbortSignal.timeout(100) });
    expect(waiting).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(server.requests(silent)).toHaveLength(1);

    const busy = route(json(503, { message: 'busy' }));
    const start = performance.now();
    const backingOff = await client.get(busy, { signal: AbortSignal.timeout(100) });
    expect(backingOff).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(performance.now() - start).toBeLessThan(2_000);
    expect(server.requests(busy)).toHaveLength(1);
    // The caller's signal timed out, not the total timeout, which this client does not set.
    for (const result of [waiting, backingOff]) expect(result.ok || result.error.detail).toBe("The caller's signal timed out");
    const hanging = await client.get(route(hangingBody()), { signal: AbortSignal.timeout(100) });
    expect(hanging).toMatchObject({ ok: false, error: { kind: 'timeout', detail: "The caller's signal timed out" } });
  });

  it("keeps the caller's abort reason in the detail, waiting for headers, reading the body and during a backoff", async () => {
    const client = createClient({ baseUrl: server.origin, retry: { delayMs: 10_000, backoffLimitMs: 10_000, random: () => 1 } });
    const reasons: [unknown, string][] = [
      [new Error('superseded by a newer search'), 'The request was aborted: superseded by a newer search'],
      ['user left the page', 'The request was aborted: user left the page'],
      [new DOMException('Component unmounted', 'AbortError'), 'The request was aborted: Component unmounted'],
      [42, 'The request was aborted: 42'],
      [{ code: 'superseded', query: 'ada' }, 'The request was aborted: {"code":"superseded","query":"ada"}'],
      // No reason: the runtime's own, whose words add nothing.
      [undefined, 'The request was aborted'],
    ];
    for (const handler of [silence(), hangingBody(), json(503, { message: 'busy' })]) {
      for (const [reason, detail] of reasons) {
        const path = route(handler);
        const controller = new AbortController();
        setTimeout(() => controller.abort(reason), 50);
        const result = await client.get(path, { signal: controller.signal });
        expect(result, detail).toMatchObject({ ok: false, error: { kind: 'aborted', detail, extensions: {} } });
        // The model stays plain data: the reason is kept as text, not as the object.
        expect(structuredClone(result)).toEqual(result);
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
        expect(server.requests(path)).toHaveLength(1);
      }
    }
    const early = route(json(200, {}));
    expect(await client.get(early, { signal: AbortSignal.abort(new Error('not now')) })).toMatchObject({ ok: false, error: { kind: 'aborted', detail: 'The request was aborted: not now' } });
    expect(server.requests(early)).toHaveLength(0);
  });

  it('reads any abort reason without throwing: one whose members throw, a function, a cycle', async () => {
    const client = createClient({ baseUrl: server.origin });
    const hostile = new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); } });
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    for (const reason of [hostile, () => 'no', cycle, { big: 1n }, Symbol('why')]) {
      const path = route(silence());
      const controller = new AbortController();
      setTimeout(() => controller.abort(reason), 20);
      const result = await client.get(path, { signal: controller.signal });
      expect(result).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    }
  });

  it('respects the caller signal at every stage: before sending, waiting for headers, reading the body', async () => {
    const client = createClient({ baseUrl: server.origin });
    const early = route(json(200, {}));
    const before = await client.get(early, { signal: AbortSignal.abort() });
    expect(before).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    expect(server.requests(early)).toHaveLength(0);

    for (const handler of [silence(), hangingBody()]) {
      const path = route(handler);
      const controller = new AbortController();
      const listeners = countListeners(controller.signal);
      setTimeout(() => controller.abort(), 50);
      const result = await client.get(path, { signal: controller.signal });
      expect(result).toMatchObject({ ok: false, error: { kind: 'aborted' } });
      expect(result.ok || result.error.status).toBeUndefined();
      expect(server.requests(path)).toHaveLength(1);
      expect(listeners()).toBe(0);
    }
  });
});

describe('error bodies are read with the maxErrorBodyBytes cap and never leak', () => {
  const gibibyte = 1_073_741_824;

  it('reads nothing of a 1 GiB error body that declares its length, and the server stops writing', async () => {
    const path = route(hugeBody(500, gibibyte, true));
    const client = createClient({ baseUrl: server.origin, retry: 0 });
    const result = await client.get(path);
    expect(result).toMatchObject({ ok: false, error: { kind: 'server', status: 500, title: 'Internal Server Error' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.bytesWritten(path)).toBeLessThan(64 * 1_048_576);
  });

  it('reads at most the cap of a 1 GiB chunked error body, then cancels it', async () => {
    const path = route(hugeBody(503, gibibyte, false));
    const { client } = createRecordingClient({ maxErrorBodyBytes: 65_536 });
    const start = performance.now();
    const result = await client.get(path);
    expect(result).toMatchObject({ ok: false, error: { kind: 'unavailable', status: 503 } });
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(server.requests(path)).toHaveLength(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.bytesWritten(path)).toBeLessThan(3 * 64 * 1_048_576);
  });

  it('keeps serving requests after many error bodies were cut short', async () => {
    const huge = route(hugeBody(500, gibibyte, false));
    const ok = route(json(200, { alive: true }));
    const client = createClient({ baseUrl: server.origin, retry: 0, maxErrorBodyBytes: 1_024 });
    for (let index = 0; index < 20; index++) expect((await client.get(huge)).ok).toBe(false);
    expect(await client.get(ok)).toMatchObject({ ok: true, value: { data: { alive: true } } });
  });
});
