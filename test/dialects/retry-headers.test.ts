/**
 * Whether and how long widely used APIs say to wait, in the headers they send it in: OpenAI's and Groq's
 * per-kind `x-ratelimit-*-requests` / `-tokens` with Go-style resets, `retry-after-ms` (the
 * OpenAI and Anthropic SDKs read it first; Azure OpenAI sends it), Azure Cosmos DB's
 * `x-ms-retry-after-ms`, Atlassian's ISO 8601 `X-RateLimit-Reset`, Anthropic's `retry-after`
 * beside figures left unread, the IETF `RateLimit` field with several policies spent,
 * Stripe's `Stripe-Should-Retry`, and Twilio's `Twilio-Request-Id`. Each fixture in test/fixtures/more/retry-headers/ names its source;
 * the expectations are written out by hand from those documents.
 */
import { describe, expect, it } from 'vitest';
import { normalize, type ApiResult } from '../../src/index.ts';
import { fails, inputOf, itReadsEveryFixture, moreFixtures, now, toError, type Expected, type Fixture } from './support.ts';

const directory = moreFixtures('retry-headers');
const read = (fixture: Fixture): ApiResult => normalize(inputOf(fixture), { now });
/** The fixtures' clock, Wed, 15 Jan 2025 12:00:00 GMT, plus `seconds`. */
const at = (seconds: number): number => now() + seconds * 1000;

const expectations: Readonly<Record<string, Expected>> = {
  // The requests are spent, the tokens are not: the requests' reset, `1s`, is the wait.
  'openai-429-requests-spent.json': fails({
    kind: 'rate_limited',
    status: 429,
    title: 'Too Many Requests',
    detail: 'Rate limit reached for gpt-4o in organization org-abc123 on requests per min (RPM): Limit 60, Used 60, Requested 1. Please try again in 1s.',
    code: 'rate_limit_exceeded',
    requestId: 'req_8f2e6a1c3b9d4e7f',
    retryAfterMs: 1_000,
    rateLimit: { limit: 60, remaining: 0, resetAt: at(1) },
    retryable: true,
    dialect: 'stripe',
    extensions: { type: 'requests', param: null },
  }),
  // Both are spent: nothing gets through before the later reset, the tokens' `6m0s`.
  'openai-429-both-spent.json': fails({
    kind: 'rate_limited',
    status: 429,
    title: 'Too Many Requests',
    detail: 'Rate limit reached for gpt-4o in organization org-abc123 on tokens per min (TPM): Limit 150000, Used 150000, Requested 1200. Please try again in 6m0s.',
    code: 'rate_limit_exceeded',
    retryAfterMs: 360_000,
    rateLimit: { limit: 150_000, remaining: 0, resetAt: at(360) },
    retryable: true,
    dialect: 'stripe',
    extensions: { type: 'tokens', param: null },
  }),
  // `retry-after-ms` is the finer figure of the two and wins over `retry-after: 2`.
  'azure-openai-429-retry-after-ms.json': fails({
    kind: 'rate_limited',
    status: 429,
    title: 'Too Many Requests',
    detail:
      'Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-02-01 have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 2 seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.',
    code: '429',
    retryAfterMs: 1_520,
    retryable: true,
    dialect: 'odata',
  }),
  'cosmos-429-request-rate-large.json': fails({
    kind: 'rate_limited',
    status: 429,
    title: 'Too Many Requests',
    detail: 'Request rate is large. More Request Units may be needed, so no changes were made. Please retry this request later.',
    code: 'TooManyRequests',
    retryAfterMs: 100,
    retryable: true,
    dialect: 'plain',
  }),
  // `2025-01-15T12:01Z`: a minute after the fixtures' clock.
  'jira-429-iso-reset.json': fails({
    kind: 'rate_limited',
    status: 429,
    title: 'Too Many Requests',
    detail: 'Rate limit exceeded.',
    issues: [{ path: [], message: 'Rate limit exceeded.' }],
    retryAfterMs: 60_000,
    rateLimit: { limit: 350, remaining: 0, resetAt: at(60) },
    retryable: true,
    dialect: 'plain',
    extensions: { errors: {} },
  }),
  // Both policies are at r=0: the daily one holds requests back for 40,000 s, not the burst's 30.
  'ietf-429-two-policies-spent.json': fails({
    kind: 'rate_limited',
    status: 429,
    title: 'Too Many Requests',
    retryAfterMs: 40_000_000,
    rateLimit: { limit: 1_000, remaining: 0, resetAt: at(40_000) },
    retryable: true,
    dialect: 'plain',
  }),
  // Retry-After gives the wait; the anthropic-ratelimit-* figures are left unread (about 100
  // bytes gzipped for figures beside a Retry-After that Anthropic always sends with a 429).
  'anthropic-429-rate-limit.json': fails({
    kind: 'rate_limited',
    status: 429,
    title: 'Too Many Requests',
    detail:
      'Number of requests has exceeded your per-minute rate limit (https://docs.anthropic.com/en/api/rate-limits); see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later.',
    code: 'rate_limit_error',
    requestId: 'req_018EeWyXxfu5pfWkrYcMdjWG',
    retryAfterMs: 17_000,
    retryable: true,
    dialect: 'stripe',
    extensions: { type: 'rate_limit_error' },
  }),
  // A 429 about billing, not a rate: no retry succeeds until the plan is paid.
  'openai-429-insufficient-quota.json': fails({
    kind: 'rate_limited',
    status: 429,
    title: 'Too Many Requests',
    detail: 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
    code: 'insufficient_quota',
    requestId: 'req_6d1f0a2e9b4c4e1f8a7b3c5d2e9f0a1b',
    retryable: false,
    dialect: 'stripe',
    extensions: { type: 'insufficient_quota', param: null },
  }),
  // Stripe-Should-Retry: true makes the 409 retryable, which a conflict is not by its status.
  'stripe-409-lock-timeout.json': fails({
    kind: 'conflict',
    status: 409,
    title: 'Conflict',
    detail:
      'This object cannot be accessed right now because another API request or Stripe process is currently accessing it. If you see this error intermittently, retry the request. If you see this error frequently and are making multiple concurrent requests to a single object, make your requests serially or at a lower rate.',
    code: 'lock_timeout',
    requestId: 'req_Zr5sbQ3rXwGmkM',
    retryable: true,
    dialect: 'stripe',
    extensions: { doc_url: 'https://stripe.com/docs/error-codes/lock-timeout', type: 'invalid_request_error' },
  }),
  'twilio-404-request-id.json': fails({
    kind: 'not_found',
    status: 404,
    title: 'Not Found',
    detail: 'The requested resource /2010-04-01/Accounts/ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX/Messages/SMXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX.json was not found',
    code: '20404',
    requestId: 'RQ7c5a5c4f5b2a4d0e9f1b3c6d8e0a2f4b',
    retryable: false,
    dialect: 'status-message',
    extensions: { more_info: 'https://www.twilio.com/docs/errors/20404' },
  }),
};

describe('the retry-header fixtures', () => {
  itReadsEveryFixture(directory, expectations, read);
});

const readError = (status: number, headers: Record<string, string>) => toError(normalize({ status, headers }, { now }));

describe("OpenAI's and Groq's per-kind limits", () => {
  it('reads Go-style resets: 1s, 6m0s, 20ms, 2m59.56s, 1h', () => {
    const waits = ['1s', '6m0s', '20ms', '2m59.56s', '1h'].map((reset) => readError(429, { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': reset }).retryAfterMs);
    expect(waits).toEqual([1_000, 360_000, 20, 179_560, 3_600_000]);
  });

  it('names no wait and no figures when no kind is spent: a reset of a kind with room left is no reason to wait', () => {
    const error = readError(429, { 'x-ratelimit-remaining-requests': '5', 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-remaining-tokens': '10', 'x-ratelimit-reset-tokens': '6m0s' });
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true });
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.rateLimit).toBeUndefined();
  });

  it('leaves a reset that is no duration unread, and keeps what the other fields say', () => {
    expect(readError(429, { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': 'soon' })).toMatchObject({ rateLimit: { remaining: 0 } });
    expect(readError(429, { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '' }).retryAfterMs).toBeUndefined();
  });

  it('reads a reset with spaces around it, and leaves one of 400,000 spaces and no duration unread at once', () => {
    expect(readError(429, { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': ' 6m0s\t' }).retryAfterMs).toBe(360_000);
    // The leading and trailing `\s*` of the duration's pattern shared the spaces one split at a
    // time: a value of 400,000 took minutes.
    const error = readError(429, { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': `${' '.repeat(400_000)}x` });
    expect(error).toMatchObject({ kind: 'rate_limited', rateLimit: { remaining: 0 } });
    expect(error.retryAfterMs).toBeUndefined();
  });

  it('lets the X-RateLimit-* fields, when sent too, win over them', () => {
    const error = readError(429, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '6m0s' });
    expect(error.retryAfterMs).toBe(30_000);
  });
});

describe('waits in milliseconds', () => {
  it('reads retry-after-ms, then x-ms-retry-after-ms, before Retry-After', () => {
    expect(readError(429, { 'retry-after': '20', 'retry-after-ms': '19500' }).retryAfterMs).toBe(19_500);
    expect(readError(429, { 'retry-after': '1', 'x-ms-retry-after-ms': '250' }).retryAfterMs).toBe(250);
    expect(readError(503, { 'retry-after-ms': '1500.4' }).retryAfterMs).toBe(1_500);
  });

  it('falls back to Retry-After when the value in milliseconds is none', () => {
    expect(readError(429, { 'retry-after': '2', 'retry-after-ms': 'soon' }).retryAfterMs).toBe(2_000);
    expect(readError(429, { 'retry-after-ms': '-5' }).retryAfterMs).toBeUndefined();
  });
});

describe('Stripe-Should-Retry', () => {
  it("overrides what the status says: true makes a 409 retryable, false a 429 or a 500 not", () => {
    expect(readError(409, { 'stripe-should-retry': 'true' }).retryable).toBe(true);
    expect(readError(429, { 'stripe-should-retry': 'false' })).toMatchObject({ kind: 'rate_limited', retryable: false });
    expect(readError(500, { 'stripe-should-retry': 'false' }).retryable).toBe(false);
  });

  it('leaves the status to decide when the value is neither true nor false', () => {
    expect(readError(409, { 'stripe-should-retry': 'maybe' }).retryable).toBe(false);
    expect(readError(503, { 'stripe-should-retry': '' }).retryable).toBe(true);
  });
});
