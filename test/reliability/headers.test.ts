/**
 * Headers as real servers send them: `Retry-After` in every form RFC 9110 §10.2.3 and §5.6.7
 * allow, the rate-limit fields of GitHub and of the IETF drafts, and request and trace ids
 * that proxies repeat or leave empty. Each test asserts what a user of the model would see.
 */
import { describe, expect, it } from 'vitest';
import { normalize, parseRetryAfter, type ApiError, type ApiResult, type NormalizeInput } from '../../src/index.ts';

/** Thu, 01 Jan 2026 00:00:00 GMT. */
const clock = Date.UTC(2026, 0, 1);
const now = (): number => clock;

function toError(result: ApiResult): ApiError {
  if (result.ok) throw new Error(`expected an error, got a success: ${JSON.stringify(result.value)}`);
  return result.error;
}

const read = (input: NormalizeInput): ApiError => toError(normalize(input, { now }));

/** Runs `run` with the process time zone set to `zone`, as a browser in that zone would be. */
function inTimeZone<T>(zone: string, run: () => T): T {
  const previous = process.env['TZ'];
  process.env['TZ'] = zone;
  try {
    return run();
  } finally {
    if (previous === undefined) delete process.env['TZ'];
    else process.env['TZ'] = previous;
  }
}

describe('Retry-After', () => {
  it('reads an asctime date as GMT, whatever the local time zone (RFC 9110 §5.6.7)', () => {
    for (const zone of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
      expect(inTimeZone(zone, () => parseRetryAfter('Thu Jan  1 00:02:00 2026', clock)), zone).toBe(120_000);
    }
  });

  it('reads an RFC 850 date', () => {
    expect(parseRetryAfter('Thursday, 01-Jan-26 00:02:00 GMT', clock)).toBe(120_000);
  });

  it('reads delay-seconds with spaces around them', () => {
    expect(parseRetryAfter(' 120 ', clock)).toBe(120_000);
  });

  it('reads the first value when a proxy repeated the field', () => {
    expect(read({ status: 429, headers: [['retry-after', '120'], ['Retry-After', '120']] }).retryAfterMs).toBe(120_000);
    expect(read({ status: 503, headers: new Headers([['retry-after', '30'], ['retry-after', '60']]) }).retryAfterMs).toBe(30_000);
    expect(read({ status: 503, headers: { 'retry-after': ['Thu, 01 Jan 2026 00:02:00 GMT', 'Thu, 01 Jan 2026 00:02:00 GMT'] } }).retryAfterMs).toBe(120_000);
  });

  it('reads the wait a rate-limited body names in seconds (Discord)', () => {
    expect(read({ status: 429, body: { message: 'You are being rate limited.', retry_after: 64.57, global: false } }).retryAfterMs).toBe(64_570);
    expect(read({ status: 429, body: { error: 'Too many requests', retryAfter: 30 } }).retryAfterMs).toBe(30_000);
    // A header wins over the body; a value of the wrong type is ignored (RFC 9457 §3.1 reading).
    expect(read({ status: 429, headers: { 'retry-after': '5' }, body: { message: 'Slow down', retry_after: 64 } }).retryAfterMs).toBe(5_000);
    expect(read({ status: 429, body: { message: 'Slow down', retry_after: '64' } }).retryAfterMs).toBeUndefined();
  });

  it("reads Telegram's flood-control wait in parameters.retry_after, keeping the parameters", () => {
    const error = read({ status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 35', parameters: { retry_after: 35 } } });
    expect(error).toMatchObject({ kind: 'rate_limited', code: '429', detail: 'Too Many Requests: retry after 35', retryAfterMs: 35_000, dialect: 'plain' });
    expect(error.extensions).toMatchObject({ ok: false, parameters: { retry_after: 35 } });
  });
});

describe('rate-limit fields', () => {
  it('reads the structured RateLimit and RateLimit-Policy fields (draft-ietf-httpapi-ratelimit-headers-08 and later)', () => {
    const error = read({ status: 429, headers: { RateLimit: '"default";r=0;t=30', 'RateLimit-Policy': '"default";q=100;w=60' } });
    expect(error.rateLimit).toEqual({ limit: 100, remaining: 0, resetAt: clock + 30_000 });
    expect(error.retryAfterMs).toBe(30_000);
  });

  it('reads the policy that is spent first when RateLimit lists several', () => {
    const error = read({ status: 429, headers: { ratelimit: '"permin";r=0;t=20, "perhr";r=900;t=3000', 'ratelimit-policy': '"permin";q=50;w=60,"perhr";q=1000;w=3600' } });
    expect(error.rateLimit).toEqual({ limit: 50, remaining: 0, resetAt: clock + 20_000 });
  });

  it('reads the RateLimit dictionary of draft 07', () => {
    const error = read({ status: 429, headers: { ratelimit: 'limit=100, remaining=0, reset=30', 'ratelimit-policy': '100;w=60' } });
    expect(error.rateLimit).toEqual({ limit: 100, remaining: 0, resetAt: clock + 30_000 });
    expect(error.retryAfterMs).toBe(30_000);
  });

  it('reads a RateLimit-Limit that lists its quota policies (drafts 00 to 02)', () => {
    expect(read({ status: 429, headers: { 'ratelimit-limit': '10, 10;w=1, 1000;w=3600', 'ratelimit-remaining': '0', 'ratelimit-reset': '5' } }).rateLimit).toEqual({
      limit: 10,
      remaining: 0,
      resetAt: clock + 5_000,
    });
  });
});

describe("GitHub's rate limits, sent as a 403 (docs.github.com, Rate limits for the REST API)", () => {
  it('reads a 403 with X-RateLimit-Remaining: 0 as rate_limited, waiting until the reset', () => {
    const error = read({
      status: 403,
      headers: { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(clock / 1000 + 120), 'content-type': 'application/json' },
      body: { message: 'API rate limit exceeded for 192.0.2.1.', documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting' },
    });
    expect(error).toMatchObject({ kind: 'rate_limited', status: 403, title: 'Forbidden', retryable: true, retryAfterMs: 120_000, rateLimit: { limit: 60, remaining: 0 } });
  });

  it('reads a 403 with Retry-After (a secondary rate limit) as rate_limited', () => {
    const error = read({ status: 403, headers: { 'retry-after': '60' }, body: { message: 'You have exceeded a secondary rate limit.' } });
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 60_000, retryable: true });
  });

  it('keeps a 403 with requests remaining, or with no rate-limit facts, forbidden', () => {
    expect(read({ status: 403, headers: { 'x-ratelimit-remaining': '59' }, body: { message: 'Resource not accessible by integration' } })).toMatchObject({ kind: 'forbidden', retryable: false });
    expect(read({ status: 403, body: { message: 'Must have admin rights to Repository.' } })).toMatchObject({ kind: 'forbidden', retryable: false });
  });
});

describe('request and trace ids', () => {
  it('reads one request id when a proxy repeated X-Request-Id', () => {
    expect(read({ status: 502, headers: [['x-request-id', 'req-42'], ['X-Request-Id', 'req-42']] }).requestId).toBe('req-42');
    expect(read({ status: 502, headers: { 'x-request-id': ['req-42', 'req-43'] } }).requestId).toBe('req-42');
    expect(read({ status: 502, headers: new Headers([['x-request-id', 'req-42'], ['x-request-id', 'req-43']]) }).requestId).toBe('req-42');
    // A comma with no space after it is no list separator: it may be part of an opaque id.
    expect(read({ status: 502, headers: { 'x-request-id': 'shard-3,req-42' } }).requestId).toBe('shard-3,req-42');
  });

  it('reads Cloudflare’s cf-ray when no other request id is given', () => {
    expect(read({ status: 520, headers: { 'content-type': 'text/html', 'cf-ray': '8a1b2c3d4e5f6a7b-FRA' }, body: '<html>Error 520</html>' }).requestId).toBe('8a1b2c3d4e5f6a7b-FRA');
    expect(read({ status: 502, headers: { 'cf-ray': '8a1b2c3d4e5f6a7b-FRA', 'x-request-id': 'req-42' } }).requestId).toBe('req-42');
  });

  it('ignores a traceparent whose version or trace id W3C Trace Context calls invalid', () => {
    // W3C Trace Context §3.2.2.1: version ff is invalid; §3.2.2.3: an all-zero trace-id is invalid.
    expect(read({ status: 500, headers: { traceparent: 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' } }).traceId).toBeUndefined();
    expect(read({ status: 500, headers: { traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01' } }).traceId).toBeUndefined();
    expect(read({ status: 500, headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' } }).traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('reads a traceparent as the W3C test suite does: lower-case hex, version 00 of 55 characters, a later one going on only after a "-"', () => {
    // w3c/trace-context test/test.py: each of these is to be ignored; faultline took the id.
    const trace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parent = `${trace}-00f067aa0ba902b7-01`;
    for (const ignored of [`00-${parent}.`, `00-${parent}-what-the-future-will-be-like`, `cc-${parent}.what-the-future-will-be-like`, `00-${parent}2`, `00-${parent}, 00-${parent}`, `00-${trace.toUpperCase()}-00F067AA0BA902B7-01`]) {
      expect(read({ status: 500, headers: { traceparent: ignored } }).traceId, ignored).toBeUndefined();
    }
    for (const taken of [`cc-${parent}`, `cc-${parent}-what-the-future-will-be-like`]) expect(read({ status: 500, headers: { traceparent: taken } }).traceId, taken).toBe(trace);
  });

  it('keeps the trace-id of a body traceId ASP.NET Core writes as a traceparent, so that a header and a body give one id for one trace', () => {
    const problem = (traceId: string) => read({ status: 400, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify({ title: 'One or more validation errors occurred.', status: 400, traceId }) }).traceId;
    expect(problem('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00')).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    // ASP.NET Core's older hierarchical ids and any other id stay as they are.
    expect(problem('|7fb5e16a-4c8f23bbfc974667.')).toBe('|7fb5e16a-4c8f23bbfc974667.');
  });
});

describe('ISO 8601 resets and several spent policies', () => {
  it('reads an ISO 8601 X-RateLimit-Reset (Atlassian), one without a zone as UTC whatever the local time zone', () => {
    const reset = (value: string): number | undefined => read({ status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': value } }).retryAfterMs;
    expect(reset('2026-01-01T00:01Z')).toBe(60_000);
    expect(reset('2026-01-01T01:01:00+01:00')).toBe(60_000);
    for (const zone of ['UTC', 'America/New_York', 'Asia/Kolkata']) expect(inTimeZone(zone, () => reset('2026-01-01T00:01:00')), zone).toBe(60_000);
    expect(reset('2026-01-01Tnonsense')).toBeUndefined();
  });

  it('reads an ISO 8601 Retry-After (Zoom) as a date', () => {
    expect(parseRetryAfter('2026-01-01T00:00:30Z', clock)).toBe(30_000);
  });

  it('takes, of several RateLimit policies equally spent, the one that resets last', () => {
    const error = read({ status: 429, headers: { ratelimit: '"burst";r=0;t=30, "daily";r=0;t=40000', 'ratelimit-policy': '"burst";q=100;w=60, "daily";q=1000;w=86400' } });
    expect(error.rateLimit).toEqual({ limit: 1000, remaining: 0, resetAt: clock + 40_000_000 });
    expect(read({ status: 429, headers: { ratelimit: '"daily";r=0;t=40000, "burst";r=0;t=30' } }).retryAfterMs).toBe(40_000_000);
  });
});

describe('an error inside a 2xx with X-RateLimit-Remaining: 0', () => {
  const spent = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(clock / 1000 + 60) };

  it('is a spent rate limit when the body names no kind of its own, waiting until the reset', () => {
    const error = read({ status: 200, headers: spent, body: { errors: [{ message: 'Something went wrong', extensions: { code: 'CUSTOM' } }] } });
    expect(error).toMatchObject({ kind: 'rate_limited', status: 200, retryable: true, retryAfterMs: 60_000 });
    expect(read({ status: 200, headers: spent, body: { result: 'error', error: { type: 'system', code: 1, message: 'Busy' } } }).kind).toBe('server');
  });

  it('keeps the kind the body names: the last request of a quota may be an invalid one', () => {
    const error = read({ status: 200, headers: spent, body: { errors: [{ message: 'Invalid argument value', path: ['user'], extensions: { code: 'BAD_USER_INPUT' } }], data: { user: null } } });
    expect(error).toMatchObject({ kind: 'validation', retryable: false });
  });

  it('leaves a success a success', () => {
    expect(normalize({ status: 200, headers: spent, body: { id: 1 } }, { now }).ok).toBe(true);
  });
});
