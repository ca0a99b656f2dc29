/**
 * RELIABILITY.md "Parsing", fourth line: HTML or text error pages (proxies, nginx, CDNs) become
 * an error with the right kind and the status text as title, never a JSON `SyntaxError`. Empty
 * bodies and 204 are fine. HTML markup never becomes `detail`; short plain text does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, normalizeResponse, type ApiError, type ApiResult, type ApiSuccess, type ErrorKind, type NormalizeInput } from '../../src/index.ts';

/** RFC 9110 §15 reason phrases and the kind DESIGN.md gives each status, written out here so the test does not trust the code under test. */
const expectedByStatus: Readonly<Record<number, { readonly title: string; readonly kind: ErrorKind }>> = {
  400: { title: 'Bad Request', kind: 'bad_request' },
  401: { title: 'Unauthorized', kind: 'unauthenticated' },
  403: { title: 'Forbidden', kind: 'forbidden' },
  404: { title: 'Not Found', kind: 'not_found' },
  405: { title: 'Method Not Allowed', kind: 'method_not_allowed' },
  408: { title: 'Request Timeout', kind: 'timeout' },
  409: { title: 'Conflict', kind: 'conflict' },
  413: { title: 'Content Too Large', kind: 'payload_too_large' },
  422: { title: 'Unprocessable Content', kind: 'unprocessable' },
  429: { title: 'Too Many Requests', kind: 'rate_limited' },
  500: { title: 'Internal Server Error', kind: 'server' },
  501: { title: 'Not Implemented', kind: 'not_implemented' },
  502: { title: 'Bad Gateway', kind: 'unavailable' },
  503: { title: 'Service Unavailable', kind: 'unavailable' },
  504: { title: 'Gateway Timeout', kind: 'timeout' },
};
const statuses = Object.keys(expectedByStatus).map(Number);
const expectedFor = (status: number): { readonly title: string; readonly kind: ErrorKind } => {
  const expected = expectedByStatus[status];
  if (!expected) throw new Error(`no expectation for ${status}`);
  return expected;
};

function toError(result: ApiResult): ApiError {
  if (result.ok) throw new Error(`expected an error, got a success: ${JSON.stringify(result.value)}`);
  return result.error;
}

function toSuccess(result: ApiResult): ApiSuccess {
  if (!result.ok) throw new Error(`expected a success, got an error: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Neither `title` nor `detail` carries markup or a JSON parser's complaint. */
function expectNoMarkupOrSyntaxError(error: ApiError): void {
  for (const text of [error.title, error.detail ?? '']) {
    expect(text).not.toMatch(/<\/?[a-z!]/i);
    expect(text).not.toMatch(/SyntaxError|Unexpected token|is not valid JSON|JSON\.parse/);
  }
}

const nginx502 = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx/1.25.3</center>
</body>
</html>
`;

const nginx504 = `<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

const nginx413 = `<html>
<head><title>413 Request Entity Too Large</title></head>
<body>
<center><h1>413 Request Entity Too Large</h1></center>
<hr><center>nginx/1.18.0 (Ubuntu)</center>
</body>
</html>
`;

const cloudflare502 = `<!DOCTYPE html>
<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<!--[if IE 7]>    <html class="no-js ie7 oldie" lang="en-US"> <![endif]-->
<!--[if gt IE 8]><!--> <html class="no-js" lang="en-US"> <!--<![endif]-->
<head>
<title>api.example.com | 502: Bad gateway</title>
<meta charset="UTF-8" />
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta name="robots" content="noindex, nofollow" />
<link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/main.css" />
</head>
<body>
<div id="cf-wrapper">
  <div id="cf-error-details" class="p-0">
    <header class="mx-auto pt-10 lg:pt-6 lg:px-8 w-240 lg:w-full mb-8">
      <h1 class="inline-block sm:block sm:mb-2 font-light text-60 lg:text-4xl text-black-dark leading-tight mr-2">
        <span class="inline-block">Bad gateway</span>
        <span class="code-label">Error code 502</span>
      </h1>
    </header>
    <div class="cf-error-footer cf-wrapper w-240 lg:w-full py-10 sm:py-4 sm:px-8 mx-auto text-center sm:text-left border-solid border-0 border-t border-gray-300">
      <p class="text-13">
        <span class="cf-footer-item sm:block sm:mb-1">Cloudflare Ray ID: <strong class="font-semibold">7d5c2e3f9a1b2c3d</strong></span>
        <span class="cf-footer-separator sm:hidden">&bull;</span>
        <span id="cf-footer-item-ip" class="cf-footer-item hidden sm:block sm:mb-1">Your IP: <button type="button" id="cf-footer-ip-reveal" class="cf-footer-ip-reveal-btn">Click to reveal</button></span>
      </p>
      <script>(function(){function d(){var b=a.getElementById("cf-footer-item-ip"),c=a.getElementById("cf-footer-ip-reveal");b&&"classList"in b&&(b.classList.remove("hidden"),c.addEventListener("click",function(){c.classList.add("hidden");a.getElementById("cf-footer-ip").classList.remove("hidden")}))}var a=document;document.addEventListener&&a.addEventListener("DOMContentLoaded",d)})();</script>
    </div>
  </div>
</div>
</body>
</html>
`;

const cloudflare522 = cloudflare502.replaceAll('502: Bad gateway', '522: Connection timed out').replaceAll('Bad gateway', 'Connection timed out').replaceAll('Error code 502', 'Error code 522');
const cloudflare1015 = cloudflare502.replaceAll('502: Bad gateway', 'Access denied').replaceAll('Bad gateway', 'You are being rate limited').replaceAll('Error code 502', 'Error code 1015');

const apache500 = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>500 Internal Server Error</title>
</head><body>
<h1>Internal Server Error</h1>
<p>The server encountered an internal error or
misconfiguration and was unable to complete
your request.</p>
<hr>
<address>Apache/2.4.57 (Debian) Server at api.example.com Port 443</address>
</body></html>
`;

const herokuApplicationError = `<!DOCTYPE html>
\t<html>
\t  <head>
\t\t<meta name="viewport" content="width=device-width, initial-scale=1">
\t\t<meta charset="utf-8">
\t\t<title>Application Error</title>
\t\t<style media="screen">html,body,iframe{margin:0;padding:0}html,body{height:100%;overflow:hidden}iframe{width:100%;height:100%;border:0}</style>
\t  </head>
\t  <body>
\t\t<iframe src="//www.herokucdn.com/error-pages/application-error.html"></iframe>
\t  </body>
\t</html>`;

const googleFrontend502 = `<!DOCTYPE html>
<html lang=en>
  <meta charset=utf-8>
  <meta name=viewport content="initial-scale=1, minimum-scale=1, width=device-width">
  <title>Error 502 (Server Error)!!1</title>
  <p><b>502.</b> <ins>That’s an error.</ins>
  <p>The server encountered a temporary error and could not complete your request.<p>Please try again in 30 seconds.  <ins>That’s all we know.</ins>
`;

interface PageCase {
  readonly name: string;
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const htmlPages: readonly PageCase[] = [
  { name: 'an nginx 502 page', status: 502, contentType: 'text/html', body: nginx502 },
  { name: 'an nginx 504 page with CRLF line ends', status: 504, contentType: 'text/html; charset=utf-8', body: nginx504 },
  { name: 'an nginx 413 page', status: 413, contentType: 'text/html', body: nginx413 },
  { name: 'a Cloudflare 502 page', status: 502, contentType: 'text/html; charset=UTF-8', body: cloudflare502 },
  { name: 'a Cloudflare 1015 rate-limit page', status: 429, contentType: 'text/html; charset=UTF-8', body: cloudflare1015, headers: { 'retry-after': '30' } },
  { name: 'an Apache 500 page', status: 500, contentType: 'text/html; charset=iso-8859-1', body: apache500 },
  { name: 'a Heroku application error page', status: 503, contentType: 'text/html; charset=utf-8', body: herokuApplicationError },
  { name: 'a Google Frontend 502 page', status: 502, contentType: 'text/html; charset=UTF-8', body: googleFrontend502 },
  { name: 'an nginx 502 page sent without a content type', status: 502, contentType: undefined, body: nginx502 },
  { name: 'an nginx 502 page sent as application/json by a misconfigured gateway', status: 502, contentType: 'application/json', body: nginx502 },
  { name: 'a Cloudflare 502 page sent as application/problem+json', status: 502, contentType: 'application/problem+json', body: cloudflare502 },
  { name: 'an Apache 500 page sent as text/plain', status: 500, contentType: 'text/plain', body: apache500 },
  { name: 'an nginx 502 page behind a byte order mark and blank lines', status: 502, contentType: 'TEXT/HTML', body: `\uFEFF\n\n  ${nginx502}` },
];

const inputOf = ({ status, contentType, body, headers }: PageCase): NormalizeInput => ({
  status,
  headers: { ...headers, ...(contentType === undefined ? {} : { 'content-type': contentType }) },
  body,
});

describe('HTML error pages from proxies, servers and CDNs', () => {
  for (const page of htmlPages) {
    it(`reads ${page.name} as a ${page.status} error with the reason phrase as title and no markup in detail`, () => {
      const error = toError(normalize(inputOf(page)));
      expect(error).toMatchObject({ status: page.status, kind: expectedFor(page.status).kind, title: expectedFor(page.status).title });
      expect(error.detail).toBeUndefined();
      expect(error.issues).toEqual([]);
      expectNoMarkupOrSyntaxError(error);
    });

    it(`reads ${page.name} the same from a Response`, async () => {
      const response = new Response(page.body, { status: page.status, headers: inputOf(page).headers as Record<string, string> });
      const error = toError(await normalizeResponse(response));
      expect(error).toMatchObject({ status: page.status, kind: expectedFor(page.status).kind, title: expectedFor(page.status).title });
      expect(error.detail).toBeUndefined();
      expectNoMarkupOrSyntaxError(error);
    });
  }

  it('keeps the page itself in body, as text', () => {
    expect(toError(normalize({ status: 502, headers: { 'content-type': 'text/html' }, body: nginx502 })).body).toBe(nginx502);
  });

  it('still honours Retry-After on a rate-limit page', () => {
    const error = toError(normalize({ status: 429, headers: { 'content-type': 'text/html', 'retry-after': '30' }, body: cloudflare1015 }));
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 30_000, retryable: true });
  });

  it('reads Cloudflare 52x pages, which have no registered reason phrase, by what Cloudflare says they mean, with a plain title', () => {
    for (const [status, body, kind] of [
      [520, cloudflare502, 'server'],
      [521, cloudflare502, 'unavailable'],
      [522, cloudflare522, 'timeout'],
      [524, cloudflare522, 'timeout'],
    ] as const) {
      const error = toError(normalize({ status, headers: { 'content-type': 'text/html; charset=UTF-8' }, body }));
      expect(error).toMatchObject({ status, kind });
      expect(error.title.length).toBeGreaterThan(0);
      expect(error.detail).toBeUndefined();
      expectNoMarkupOrSyntaxError(error);
    }
  });

  it('gives a 200 HTML page as a success whose data is the text', () => {
    expect(toSuccess(normalize({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>OK</body></html>' })).data).toBe('<html><body>OK</body></html>');
  });
});

/** A generated HTML page: tags and text, optionally behind a doctype, whitespace or a BOM. */
const htmlText = fc.string({ maxLength: 30 }).map((text) => text.replaceAll('<', ' '));
const htmlElement = fc.letrec<{ element: string }>((tie) => ({
  element: fc.oneof(
    { depthSize: 'small' },
    htmlText,
    fc
      .tuple(fc.constantFrom('html', 'head', 'title', 'body', 'center', 'h1', 'p', 'div', 'span', 'script', 'pre', 'hr', 'b'), fc.array(tie('element'), { maxLength: 4 }))
      .map(([tag, children]) => `<${tag}>${children.join('')}</${tag}>`),
  ),
})).element;
const htmlPage = fc
  .tuple(fc.constantFrom('', '\uFEFF', '\n\n', '  \t', '\uFEFF\r\n'), fc.constantFrom('', '<!DOCTYPE html>', '<!doctype html>\n', '<?xml version="1.0"?>'), htmlElement, fc.constantFrom('html', 'body', 'div'))
  .map(([space, doctype, inner, tag]) => `${space}${doctype}<${tag}>${inner}</${tag}>\n`);
/** A fragment that does not start with a tag: markup only a text/html media type tells apart. */
const htmlFragment = fc.tuple(htmlText.filter((text) => text.trim().length > 0), htmlElement).map(([text, element]) => `${text}<br>${element}`);
const htmlContentType = fc.constantFrom('text/html', 'text/html; charset=utf-8', 'TEXT/HTML', 'Text/Html;charset=ISO-8859-1', 'application/xhtml+xml');

describe('HTML markup never ends up in detail', () => {
  it('gives an error of the right kind, the reason phrase and no markup for 5,000 generated pages', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...statuses),
        fc.oneof(htmlContentType, fc.constantFrom(undefined, 'text/plain', 'application/json', 'application/problem+json', 'application/octet-stream', '')),
        htmlPage,
        fc.constantFrom('string', 'bytes'),
        (status, contentType, page, form) => {
          const body = form === 'bytes' ? new TextEncoder().encode(page) : page;
          const error = toError(normalize({ status, headers: contentType === undefined ? {} : { 'content-type': contentType }, body }));
          expect(error).toMatchObject({ status, kind: expectedFor(status).kind, title: expectedFor(status).title });
          expectNoMarkupOrSyntaxError(error);
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('gives no markup in detail for 2,000 fragments sent as text/html that start with text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), htmlContentType, htmlFragment, (status, contentType, fragment) => {
        const error = toError(normalize({ status, headers: { 'content-type': contentType }, body: fragment }));
        expect(error).toMatchObject({ status, kind: expectedFor(status).kind, title: expectedFor(status).title });
        expectNoMarkupOrSyntaxError(error);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('short plain-text error bodies become detail', () => {
  const texts: readonly PageCase[] = [
    { name: "Envoy's upstream connect error", status: 503, contentType: 'text/plain', body: 'upstream connect error or disconnect/reset before headers. reset reason: connection failure' },
    {
      name: "Envoy's upstream connect error with a transport failure reason",
      status: 503,
      contentType: 'text/plain',
      body: 'upstream connect error or disconnect/reset before headers. retried and the latest reset reason: remote connection failure, transport failure reason: delayed connect error: 111',
    },
    { name: "Envoy's no healthy upstream", status: 503, contentType: 'text/plain', body: 'no healthy upstream' },
    { name: "Envoy's upstream request timeout", status: 504, contentType: 'text/plain', body: 'upstream request timeout' },
    { name: "a Go net/http 404 with a trailing newline", status: 404, contentType: 'text/plain; charset=utf-8', body: '404 page not found\n' },
    { name: "express's default 405", status: 405, contentType: 'text/plain; charset=utf-8', body: 'Method Not Allowed' },
    { name: 'a rate limiter message without a content type', status: 429, contentType: undefined, body: 'Too many requests, please try again later.' },
    { name: 'an AWS API Gateway message sent as text', status: 403, contentType: 'text/plain', body: 'Forbidden' },
  ];

  for (const text of texts) {
    it(`reads ${text.name} as a ${text.status} error whose detail is the text, unless it only repeats the title`, () => {
      const error = toError(normalize(inputOf(text)));
      const { kind, title } = expectedFor(text.status);
      expect(error).toMatchObject({ status: text.status, kind, title });
      expect(error.detail).toBe(text.body.trim() === title ? undefined : text.body.trim());
    });
  }

  it('reads the Envoy text from a Response and as bytes', async () => {
    const body = 'upstream connect error or disconnect/reset before headers. reset reason: connection failure';
    const fromResponse = toError(await normalizeResponse(new Response(body, { status: 503, headers: { 'content-type': 'text/plain' } })));
    const fromBytes = toError(normalize({ status: 503, headers: { 'content-type': 'text/plain' }, body: new TextEncoder().encode(body) }));
    for (const error of [fromResponse, fromBytes]) expect(error).toMatchObject({ kind: 'unavailable', status: 503, title: 'Service Unavailable', detail: body });
  });

  it('makes any short text that is not JSON the detail (3,000 texts)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...statuses),
        fc.constantFrom(undefined, 'text/plain', 'text/plain; charset=utf-8', 'Text/Plain'),
        fc.tuple(fc.stringMatching(/^[A-Za-z]/), fc.string({ maxLength: 200 })).map(([first, rest]) => (first + rest).replaceAll('<', ' ')),
        (status, contentType, text) => {
          fc.pre(!isJson(text));
          const error = toError(normalize({ status, headers: contentType === undefined ? {} : { 'content-type': contentType }, body: text }));
          expect(error).toMatchObject({ status, kind: expectedFor(status).kind, title: expectedFor(status).title });
          expect(error.detail).toBe(text.trim());
        },
      ),
      { numRuns: 3_000 },
    );
  });
});

describe('empty bodies and 204', () => {
  const emptyBodies: readonly (readonly [string, unknown])[] = [
    ['absent', undefined],
    ['an empty string', ''],
    ['whitespace', ' \r\n\t '],
    ['a lone byte order mark', '\uFEFF'],
    ['no bytes', new Uint8Array(0)],
    ['an empty ArrayBuffer', new ArrayBuffer(0)],
  ];

  for (const [name, body] of emptyBodies) {
    it(`reads an error status with ${name} as body as an error with the reason phrase and no detail`, () => {
      for (const status of statuses) {
        for (const contentType of [undefined, 'application/json', 'application/problem+json', 'text/html', 'text/plain']) {
          const error = toError(normalize({ status, headers: contentType === undefined ? {} : { 'content-type': contentType }, body } as NormalizeInput));
          expect(error, `${status} ${String(contentType)}`).toMatchObject({ status, kind: expectedFor(status).kind, title: expectedFor(status).title });
          expect(error.detail, `${status} ${String(contentType)}`).toBeUndefined();
          expectNoMarkupOrSyntaxError(error);
        }
      }
    });

    it(`reads a 204 with ${name} as body as a success with data undefined`, () => {
      for (const contentType of [undefined, 'application/json', 'application/hal+json', 'text/plain']) {
        const value = toSuccess(normalize({ status: 204, headers: contentType === undefined ? {} : { 'content-type': contentType }, body } as NormalizeInput));
        expect(value.status).toBe(204);
        expect(value.data).toBeUndefined();
      }
    });
  }

  it('reads a 200 declared JSON with an empty body as a success with data undefined, not a SyntaxError', () => {
    const value = toSuccess(normalize({ status: 200, headers: { 'content-type': 'application/json' }, body: '' }));
    expect(value.data).toBeUndefined();
  });

  it('reads a 204 Response as a success with data undefined', async () => {
    const value = toSuccess(await normalizeResponse(new Response(null, { status: 204, headers: { 'content-type': 'application/json' } })));
    expect(value).toMatchObject({ status: 204 });
    expect(value.data).toBeUndefined();
  });

  it('reads an empty 502 Response as unavailable with the reason phrase', async () => {
    for (const body of [null, '']) {
      const error = toError(await normalizeResponse(new Response(body, { status: 502, headers: { 'content-type': 'application/json' } })));
      expect(error).toMatchObject({ kind: 'unavailable', status: 502, title: 'Bad Gateway' });
      expect(error.detail).toBeUndefined();
    }
  });
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
