/**
 * Titles from the status (RFC 9110 §15): an error without a title of its own is titled with the
 * status's reason phrase, for every status faultline knows, 304 and the redirects included.
 */
import { describe, expect, it } from 'vitest';
import { normalize, toErrorKind, toReasonPhrase } from '../src/index.ts';

// The IANA HTTP Status Code Registry (RFC 9110 §15, RFC 6585, RFC 4918, RFC 5842, RFC 2774, RFC
// 2295), written out by hand.
const phrases: Readonly<Record<number, string>> = {
  // The redirects a caller who fetches with `redirect: 'manual'` receives.
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
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
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  510: 'Not Extended',
  511: 'Network Authentication Required',
};

describe('reason phrases', () => {
  it.each(Object.entries(phrases))('titles a bare %s "%s"', (status, phrase) => {
    expect(toReasonPhrase(Number(status))).toBe(phrase);
    const result = normalize({ status: Number(status) });
    expect(!result.ok && result.error.title).toBe(phrase);
  });

  it('titles a 304 answering a conditional request "Not Modified", of no error kind a status names', () => {
    const result = normalize({ status: 304, headers: { etag: '"v7"' } });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unknown', status: 304, title: 'Not Modified', retryable: false } });
    expect(toErrorKind(304, false)).toBe('unknown');
  });

  it('knows no phrase for a status it does not list, and titles such an error by its kind', () => {
    expect(toReasonPhrase(418)).toBeUndefined();
    expect(toReasonPhrase(299)).toBeUndefined();
    expect(normalize({ status: 418 })).toMatchObject({ ok: false, error: { kind: 'bad_request', title: 'Bad Request' } });
  });
});
