/**
 * When a server says to come back: `Retry-After` and the rate-limit headers, as pure functions
 * of the header text and the current time. Invalid values give `undefined`, so that callers
 * fall back to their own backoff.
 */
import type { ResponseHeaders } from './headers.ts';
import type { RateLimit } from './model.ts';

const digits = /^\s*(\d+(?:\.\d+)?)\s*$/;
// RFC 9110 §5.6.7 HTTP-date: IMF-fixdate, RFC 850 and asctime all carry a month name.
const httpDateMarker = /[a-z]{3}/i;

/**
 * `Retry-After` (RFC 9110 §10.2.3) in milliseconds from `now`: delay-seconds or an HTTP-date.
 * A date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const seconds = digits.exec(value);
  if (seconds) return toFiniteMs(Number(seconds[1]) * 1000);
  if (!httpDateMarker.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * A rate-limit reset as epoch milliseconds. Vendors disagree on the unit, so it is detected:
 * GitHub and Twitter send epoch seconds, the IETF draft and most gateways delta seconds, a few
 * epoch milliseconds. Values from 1e9 on are taken as epoch seconds (2001 onwards), from 1e12
 * on as epoch milliseconds; smaller ones as seconds from now.
 */
export function parseRateLimitReset(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const match = digits.exec(value);
  if (!match) {
    const date = httpDateMarker.test(value) ? Date.parse(value) : Number.NaN;
    return Number.isNaN(date) ? undefined : date;
  }
  const number = Number(match[1]);
  if (number >= 1e12) return toFiniteMs(number);
  if (number >= 1e9) return toFiniteMs(number * 1000);
  return toFiniteMs(now + number * 1000);
}

function toFiniteMs(ms: number): number | undefined {
  return Number.isFinite(ms) ? Math.round(ms) : undefined;
}

function toInteger(value: string | undefined): number | undefined {
  const number = value === undefined || value.trim() === '' ? Number.NaN : Number(value);
  return Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

/**
 * Rate-limit facts from `X-RateLimit-Limit/-Remaining/-Reset` (seed 000) and the IETF
 * `RateLimit-Limit/-Remaining/-Reset` fields (draft-ietf-httpapi-ratelimit-headers 01–07);
 * `undefined` when none is present.
 */
export function parseRateLimit(headers: ResponseHeaders, now: number): RateLimit | undefined {
  const limit = toInteger(headers['x-ratelimit-limit'] ?? headers['ratelimit-limit']);
  const remaining = toInteger(headers['x-ratelimit-remaining'] ?? headers['ratelimit-remaining']);
  const resetAt = parseRateLimitReset(headers['x-ratelimit-reset'] ?? headers['ratelimit-reset'], now);
  if (limit === undefined && remaining === undefined && resetAt === undefined) return undefined;
  const rateLimit: { limit?: number; remaining?: number; resetAt?: number } = {};
  if (limit !== undefined) rateLimit.limit = limit;
  if (remaining !== undefined) rateLimit.remaining = remaining;
  if (resetAt !== undefined) rateLimit.resetAt = resetAt;
  return Object.freeze(rateLimit);
}
