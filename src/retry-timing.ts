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
// The first member of a list: a day name and its comma belong to the date that follows them.
const firstMember = /^\s*(?:[a-z]+,)?[^,]*/i;
// asctime-date (`Sun Nov  6 08:49:37 1994`) is the one HTTP-date form that ends with its year.
const endsWithYear = /\d{4}\s*$/;

/**
 * The first value of a field a proxy repeated: `fetch` joins repeated fields with commas
 * (RFC 9110 §5.3), and `120, 120` or two dates so joined are no value at all.
 */
function toFirstMember(value: string): string {
  return firstMember.exec(value)![0];
}

// An RFC 3339 / ISO 8601 date-time: Atlassian's `X-RateLimit-Reset: 2025-01-15T12:01Z`, Zoom's
// `Retry-After`.
const isoDateTime = /^\s*\d{4}-\d{2}-\d{2}T/;
// A zone designator (Z or ±hh:mm); without one, `Date.parse` reads a date-time as local time.
const isoZone = /(?:z|[+-]\d{2}:?\d{2})\s*$/i;

/**
 * An HTTP-date, or an ISO 8601 date-time, as epoch ms. RFC 9110 §5.6.7: every HTTP-date is GMT,
 * but asctime-date does not say so, and `Date.parse` would take it for local time; so would it
 * an ISO date-time without a zone, read as UTC too.
 */
function parseHttpDate(value: string): number {
  if (isoDateTime.test(value)) return Date.parse(isoZone.test(value) ? value : `${value.trim()}Z`);
  if (!httpDateMarker.test(value)) return Number.NaN;
  return Date.parse(endsWithYear.test(value) ? `${value} GMT` : value);
}

/**
 * `Retry-After` (RFC 9110 §10.2.3) in milliseconds from `now`: delay-seconds or an HTTP-date.
 * A date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const first = toFirstMember(value);
  const seconds = digits.exec(first);
  if (seconds) return toFiniteMs(Number(seconds[1]) * 1000);
  const date = parseHttpDate(first);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * A wait in milliseconds (`Retry-After-Ms`, which the OpenAI and Anthropic SDKs read before
 * `Retry-After`; Azure Cosmos DB's `x-ms-retry-after-ms`).
 */
export function parseRetryAfterMs(value: string | undefined): number | undefined {
  const ms = value === undefined ? null : digits.exec(toFirstMember(value));
  return ms ? toFiniteMs(Number(ms[1])) : undefined;
}

// A Go duration as OpenAI and Groq send their resets: `1s`, `6m0s`, `20ms`, `2m59.56s`. Matched
// trimmed: a leading and a trailing `\s*` both took the spaces of a value of no duration, one way
// per split, which was quadratic (10 s for 100 KB of spaces).
const goDuration = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?$/;

/** A reset as a Go duration from `now` (OpenAI), else as {@link parseRateLimitReset} reads it. */
function parseDurationReset(value: string | undefined, now: number): number | undefined {
  const match = value === undefined ? null : goDuration.exec(value.trim());
  if (!match || match[0] === '') return parseRateLimitReset(value, now);
  const [, hours = 0, minutes = 0, seconds = 0, ms = 0] = match;
  return toFiniteMs(now + ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Number(ms));
}

/**
 * A rate-limit reset as epoch milliseconds. Vendors disagree on the unit, so it is detected:
 * GitHub and Twitter send epoch seconds, the IETF draft and most gateways delta seconds, a few
 * epoch milliseconds. Values from 1e9 on are taken as epoch seconds (2001 onwards), from 1e12
 * on as epoch milliseconds; smaller ones as seconds from now.
 */
export function parseRateLimitReset(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const first = toFirstMember(value);
  const match = digits.exec(first);
  if (!match) {
    const date = parseHttpDate(first);
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

/** A count; of a list (`RateLimit-Limit: 10, 10;w=1` in drafts 00 to 02, or a repeated field), the first member. */
function toInteger(value: string | undefined): number | undefined {
  const first = value === undefined ? '' : toFirstMember(value);
  const number = first.trim() === '' ? Number.NaN : Number(first);
  return Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

/** The integer a pattern captures in `text`; `undefined` when absent or past 2^53. */
function readInteger(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  const number = match ? Number(match[1]) : Number.NaN;
  return Number.isSafeInteger(number) ? number : undefined;
}

/** The name a structured-field member starts with: `"default"` of `"default";r=0;t=30`. */
const toPolicyName = (member: string): string => member.split(';')[0]!.trim();

/**
 * The structured `RateLimit` field (draft-ietf-httpapi-ratelimit-headers): from draft 08 on a
 * list of service limits `"default";r=0;t=30` (remaining, seconds to reset) whose quota is the
 * `q` of the `RateLimit-Policy` item of the same name; of several, the one with the fewest
 * remaining binds. Draft 07 sent one dictionary, `limit=100, remaining=0, reset=30`.
 */
function parseRateLimitField(field: string, policy: string | undefined): { limit: number | undefined; remaining: number | undefined; reset: number | undefined } {
  let binding: string | undefined;
  let remaining: number | undefined;
  let reset: number | undefined;
  for (const member of field.split(',')) {
    const left = readInteger(member, /;\s*r=(\d+)/);
    const after = readInteger(member, /;\s*t=(\d+)/);
    // Of two policies equally spent (`"burst";r=0;t=30, "daily";r=0;t=40000`), the one that
    // resets last binds: a request before then is refused by it.
    if (left !== undefined && (remaining === undefined || left < remaining || (left === remaining && (after ?? -1) > (reset ?? -1)))) {
      binding = member;
      remaining = left;
      reset = after;
    }
  }
  if (binding === undefined) return { limit: readInteger(field, /\blimit=(\d+)/), remaining: readInteger(field, /\bremaining=(\d+)/), reset: readInteger(field, /\breset=(\d+)/) };
  const name = toPolicyName(binding);
  const quota = policy?.split(',').find((item) => toPolicyName(item) === name);
  return { limit: quota === undefined ? undefined : readInteger(quota, /;\s*q=(\d+)/), remaining, reset };
}

/** The figures of one kind of limit when it is spent (`remaining` 0), else `other`; of two spent, the one that resets last. */
function toLaterSpent(limit: string | undefined, remaining: string | undefined, reset: string | undefined, other: RateLimit | undefined, now: number): RateLimit | undefined {
  if (toInteger(remaining) !== 0) return other;
  const resetAt = parseDurationReset(reset, now);
  return other !== undefined && (other.resetAt ?? -1) >= (resetAt ?? -1) ? other : toRateLimit(toInteger(limit), 0, resetAt);
}

/**
 * OpenAI's and Groq's per-kind limits, `x-ratelimit-{limit,remaining,reset}-{requests,tokens}`,
 * the reset a Go duration. The spent kind binds, of two spent the one that resets last; when
 * none is spent, none is told: a reset of a kind with room left is no reason to wait. Named
 * loads only: names built per call cost more than the rest of reading the headers.
 */
function parseSpentKind(headers: ResponseHeaders, now: number): RateLimit | undefined {
  const requests = toLaterSpent(headers['x-ratelimit-limit-requests'], headers['x-ratelimit-remaining-requests'], headers['x-ratelimit-reset-requests'], undefined, now);
  return toLaterSpent(headers['x-ratelimit-limit-tokens'], headers['x-ratelimit-remaining-tokens'], headers['x-ratelimit-reset-tokens'], requests, now);
}

/**
 * Rate-limit facts from `X-RateLimit-Limit/-Remaining/-Reset` (seed 000, GitHub), their
 * `X-Rate-Limit-*` spelling (Okta, Twitter: the reset in epoch seconds), the IETF
 * `RateLimit-Limit/-Remaining/-Reset` fields (draft-ietf-httpapi-ratelimit-headers 00–06) and
 * its structured `RateLimit` with `RateLimit-Policy` (07 on), else the spent kind of OpenAI's
 * per-kind fields; `undefined` when none is present.
 */
export function parseRateLimit(headers: ResponseHeaders, now: number): RateLimit | undefined {
  const field = headers.ratelimit;
  const structured = field === undefined ? undefined : parseRateLimitField(field, headers['ratelimit-policy']);
  const limit = toInteger(headers['x-ratelimit-limit'] ?? headers['x-rate-limit-limit'] ?? headers['ratelimit-limit']) ?? structured?.limit;
  const remaining = toInteger(headers['x-ratelimit-remaining'] ?? headers['x-rate-limit-remaining'] ?? headers['ratelimit-remaining']) ?? structured?.remaining;
  const reset = structured?.reset;
  // The structured field's reset is delay-seconds, like Retry-After.
  const resetAt = parseRateLimitReset(headers['x-ratelimit-reset'] ?? headers['x-rate-limit-reset'] ?? headers['ratelimit-reset'], now) ?? (reset === undefined ? undefined : toFiniteMs(now + reset * 1000));
  return toRateLimit(limit, remaining, resetAt) ?? parseSpentKind(headers, now);
}

/** Rate-limit facts of the figures given, absent ones left out; `undefined` when none is given. */
export function toRateLimit(limit: number | undefined, remaining: number | undefined, resetAt: number | undefined): RateLimit | undefined {
  if (limit === undefined && remaining === undefined && resetAt === undefined) return undefined;
  const rateLimit: { limit?: number; remaining?: number; resetAt?: number } = {};
  if (limit !== undefined) rateLimit.limit = limit;
  if (remaining !== undefined) rateLimit.remaining = remaining;
  if (resetAt !== undefined) rateLimit.resetAt = resetAt;
  return Object.freeze(rateLimit);
}
