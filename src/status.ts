import type { ErrorKind } from './model.ts';

/**
 * Reason phrases of RFC 9110 §15 (and RFC 6585 for 428, 429, 431; RFC 7725 for 451),
 * the English fallback for an error's `title` when the server gave none.
 */
const reasonPhrases: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  421: 'Misdirected Request',
  422: 'Unprocessable Content',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  511: 'Network Authentication Required',
};

/** The English title of each kind, for errors whose status says nothing (a 200 envelope, a network failure). */
const kindTitles: Readonly<Record<ErrorKind, string>> = {
  bad_request: 'Bad Request',
  validation: 'Validation Failed',
  unauthenticated: 'Unauthorized',
  forbidden: 'Forbidden',
  not_found: 'Not Found',
  method_not_allowed: 'Method Not Allowed',
  conflict: 'Conflict',
  payload_too_large: 'Content Too Large',
  unprocessable: 'Unprocessable Content',
  rate_limited: 'Too Many Requests',
  server: 'Internal Server Error',
  not_implemented: 'Not Implemented',
  unavailable: 'Service Unavailable',
  timeout: 'Timeout',
  network: 'Network Error',
  aborted: 'Aborted',
  invalid_response: 'Invalid Response',
  unknown: 'Unknown Error',
};

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
};

/** Whether `status` is a status code a response can carry (RFC 9110 §15: three digits, 100–599). */
export function isHttpStatus(status: unknown): status is number {
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599;
}

/**
 * The kind an error status means by itself. DESIGN.md: 400 and 422 with field issues are
 * `validation`; 422 without is `unprocessable`; other 4xx `bad_request`, other 5xx `server`.
 */
export function toErrorKind(status: number, hasIssues = false): ErrorKind {
  if ((status === 400 || status === 422) && hasIssues) return 'validation';
  if (status === 422) return 'unprocessable';
  return kindsByStatus[status] ?? (status >= 500 && status < 600 ? 'server' : status >= 400 && status < 500 ? 'bad_request' : 'unknown');
}

/** The standard reason phrase of a status, e.g. `Not Found`; `undefined` for an unregistered one. */
export function toReasonPhrase(status: number): string | undefined {
  return reasonPhrases[status];
}

/** The English title of a kind, e.g. `Too Many Requests` for `rate_limited`. */
export function toKindTitle(kind: ErrorKind): string {
  return kindTitles[kind];
}

/**
 * Whether sending the request again may succeed. RELIABILITY.md, as ky decides it: 408 429 500
 * 502 503 504, and 413 only when the server said when to come back.
 */
export function isRetryableStatus(status: number, hasRetryAfter: boolean): boolean {
  return status === 408 || status === 429 || status === 500 || status === 502 || status === 503 || status === 504 || (status === 413 && hasRetryAfter);
}
