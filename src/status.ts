import type { ErrorKind } from './model.ts';

/**
 * Reason phrases of the IANA HTTP Status Code Registry — RFC 9110 §15, RFC 6585 (428, 429, 431),
 * RFC 4918 (423, 424, 507), RFC 5842 (508), RFC 2774 (510), RFC 2295 (506), RFC 8470 (425), RFC
 * 7725 (451) — the English fallback for an error's `title`: every registered error status, 304,
 * which answers a conditional request, and the redirects a caller who fetches with
 * `redirect: 'manual'` receives (RFC 9110 §15.4).
 * One string, searched by status, is a third of the size of an object literal in the bundle.
 */
const reasonPhrases =
  '|300Multiple Choices|301Moved Permanently|302Found|303See Other|304Not Modified|307Temporary Redirect|308Permanent Redirect|400Bad Request|401Unauthorized|402Payment Required|403Forbidden|404Not Found|405Method Not Allowed|406Not Acceptable|407Proxy Authentication Required|408Request Timeout|409Conflict|410Gone|411Length Required|412Precondition Failed|413Content Too Large|414URI Too Long|415Unsupported Media Type|416Range Not Satisfiable|417Expectation Failed|421Misdirected Request|422Unprocessable Content|423Locked|424Failed Dependency|425Too Early|426Upgrade Required|428Precondition Required|429Too Many Requests|431Request Header Fields Too Large|451Unavailable For Legal Reasons|500Internal Server Error|501Not Implemented|502Bad Gateway|503Service Unavailable|504Gateway Timeout|505HTTP Version Not Supported|506Variant Also Negotiates|507Insufficient Storage|508Loop Detected|510Not Extended|511Network Authentication Required|';

/** {@link reasonPhrases} as a lookup, built on first use (no work at module scope). */
let phrasesByStatus: Record<string, string> | undefined;

/**
 * Each kind's English title: the phrase of the status that means it, or a title of its own for
 * kinds no status names (a 200 envelope error, a network failure). faultline/i18n reads it as it
 * is, to know a title it filled in.
 */
export const kindTitles: Readonly<Record<ErrorKind, number | string>> = {
  bad_request: 400,
  validation: 'Validation Failed',
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  server: 500,
  not_implemented: 501,
  unavailable: 503,
  timeout: 'Timeout',
  network: 'Network Error',
  aborted: 'Aborted',
  invalid_response: 'Invalid Response',
  unknown: 'Unknown Error',
};

/** Whether a value is one of the model's kinds. */
export function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && Object.hasOwn(kindTitles, value);
}

/** Kinds a status decides by itself; the others follow from its class. */
const kindsByStatus: Readonly<Record<number, ErrorKind>> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  // RFC 9110 §15.5.9: 408 means the server gave up waiting for the request.
  408: 'timeout',
  409: 'conflict',
  410: 'not_found',
  413: 'payload_too_large',
  429: 'rate_limited',
  501: 'not_implemented',
  502: 'unavailable',
  503: 'unavailable',
  504: 'timeout',
  // Cloudflare's own: 521 web server down, 523 origin unreachable; 522 and 524 time-outs.
  521: 'unavailable',
  522: 'timeout',
  523: 'unavailable',
  524: 'timeout',
};

/** Whether `status` is a status code a response can carry (RFC 9110 §15: three digits, 100–599). */
export function isHttpStatus(status: unknown): status is number {
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599;
}

/**
 * The kind an error status means by itself. DESIGN.md: 400 and 422 with field issues are
 * `validation`; 422 without is `unprocessable`; other 4xx `bad_request`, other 5xx `server`;
 * anything else (a 2xx carrying an error, a 3xx) `unknown`.
 * @example
 * toErrorKind(503); // 'unavailable'
 */
export function toErrorKind(status: number, hasIssues = false): ErrorKind {
  if ((status === 400 || status === 422) && hasIssues) return 'validation';
  if (status === 422) return 'unprocessable';
  return (Object.hasOwn(kindsByStatus, status) ? kindsByStatus[status] : undefined) ?? (status >= 500 && status < 600 ? 'server' : status >= 400 && status < 500 ? 'bad_request' : 'unknown');
}

/**
 * The standard reason phrase of a status; `undefined` for an unregistered one.
 * @example
 * toReasonPhrase(429); // 'Too Many Requests'
 */
export function toReasonPhrase(status: number): string | undefined {
  if (!phrasesByStatus) {
    // No prototype: a polluted `Object.prototype['529']` must not pass for a phrase.
    phrasesByStatus = Object.create(null) as Record<string, string>;
    for (const entry of reasonPhrases.split('|')) phrasesByStatus[entry.slice(0, 3)] = entry.slice(3);
  }
  return isHttpStatus(status) ? phrasesByStatus[status] || undefined : undefined;
}

/**
 * The English title of a kind.
 * @example
 * toKindTitle('rate_limited'); // 'Too Many Requests'
 */
export function toKindTitle(kind: ErrorKind): string {
  const title = kindTitles[kind];
  return typeof title === 'number' ? toReasonPhrase(title)! : title;
}

/** The status that means a kind (`rate_limited` → 429); `undefined` for kinds no status names. */
export function toKindStatus(kind: ErrorKind): number | undefined {
  const title = kindTitles[kind];
  return typeof title === 'number' ? title : undefined;
}

/**
 * Whether sending the request again may succeed. RELIABILITY.md, as ky decides it: 408 429 500
 * 502 503 504, and 413 only when the server said when to come back.
 */
export function isRetryableStatus(status: number, hasRetryAfter: boolean): boolean {
  return status === 408 || status === 429 || status === 500 || status === 502 || status === 503 || status === 504 || (status === 413 && hasRetryAfter);
}
