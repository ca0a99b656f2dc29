/**
 * RELIABILITY.md "Parsing", third line: content types matched case-insensitively with
 * parameters (`Application/Problem+JSON; charset=utf-8`), any `+json` suffix, a UTF-8 BOM
 * accepted, JSON sent as text/plain tried. A 2xx declared JSON that does not parse is
 * `invalid_response` (DESIGN.md "The model").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDialect, normalize, normalizeResponse, type ApiError, type ApiResult, type ApiSuccess, type NormalizeInput } from '../../src/index.ts';

const encoder = new TextEncoder();
const byteOrderMark = '\uFEFF';

function toError(result: ApiResult): ApiError {
  if (result.ok) throw new Error(`expected an error, got a success: ${JSON.stringify(result.value)}`);
  return result.error;
}

function toSuccess(result: ApiResult): ApiSuccess {
  if (!result.ok) throw new Error(`expected a success, got an error: ${JSON.stringify(result.error)}`);
  return result.value;
}

const withContentType = (status: number, contentType: string, body: unknown): ApiResult =>
  normalize({ status, headers: { 'content-type': contentType }, body } as NormalizeInput);

/** Every upper/lower-case spelling of a media type, with parameters and spaces around them. */
const spellingOf = (mediaType: string): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.mixedCase(fc.constant(mediaType)),
      fc.constantFrom('', ';charset=utf-8', '; charset=UTF-8', ' ; Charset="utf-8"', '; profile="https://example.com/p"; charset=utf-8', ';'),
      fc.constantFrom('', ' ', '\t'),
    )
    .map(([type, parameters, space]) => `${space}${type}${parameters}`);

describe('the charset of a text body', () => {
  // "Café fermé" in ISO-8859-1 (which the Encoding Standard reads as windows-1252): é is one byte, 0xE9.
  const latin1 = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x66, 0x65, 0x72, 0x6d, 0xe9]);

  it('decodes bytes in the charset the content type names, as a proxy\'s Latin-1 page says it', async () => {
    for (const contentType of ['text/plain; charset=iso-8859-1', 'text/plain;charset="ISO-8859-1"', 'text/plain; format=flowed; charset=windows-1252']) {
      expect(toError(normalize({ status: 503, headers: { 'content-type': contentType }, body: latin1 })).detail, contentType).toBe('Café fermé');
    }
    const response = new Response(latin1, { status: 503, headers: { 'content-type': 'text/plain; charset=iso-8859-1' } });
    expect(toError(await normalizeResponse(response)).detail).toBe('Café fermé');
  });

  it('decodes as UTF-8 without a charset, or with one the Encoding Standard does not know', () => {
    const utf8 = encoder.encode('Café fermé');
    for (const contentType of ['text/plain', 'text/plain; charset=x-unknown', 'application/json; charset=utf-8']) {
      expect(toError(normalize({ status: 503, headers: { 'content-type': contentType }, body: utf8 })).detail, contentType).toBe('Café fermé');
    }
  });

  it('believes the label of JSON whose bytes are no UTF-8: Latin-1 JSON labelled so', () => {
    const json = Uint8Array.from([...encoder.encode('{"detail":"Caf'), 0xe9, ...encoder.encode('"}')]);
    expect(toError(normalize({ status: 400, headers: { 'content-type': 'application/json; charset=iso-8859-1' }, body: json })).detail).toBe('Café');
  });

  it('decodes JSON as UTF-8 whatever charset its label names (RFC 8259 §8.1), as response.json() does', async () => {
    const json = '{"detail":"Größe ungültig – café ✓"}';
    for (const contentType of ['application/json; charset=iso-8859-1', 'application/problem+json; charset=windows-1252']) {
      expect(toError(normalize({ status: 400, headers: { 'content-type': contentType }, body: encoder.encode(json) })).detail, contentType).toBe('Größe ungültig – café ✓');
      const success = await normalizeResponse(new Response(json, { status: 200, headers: { 'content-type': contentType } }));
      expect(success.ok && success.value.data, contentType).toEqual({ detail: 'Größe ungültig – café ✓' });
    }
  });
});

describe('content types are matched case-insensitively, with parameters', () => {
  it('selects the problem dialect for Application/Problem+JSON; charset=utf-8', () => {
    // `{code, message}` alone would be read as plain; the media type decides.
    const error = toError(withContentType(400, 'Application/Problem+JSON; charset=utf-8', { code: 'E1', message: 'm' }));
    expect(error.dialect).toBe('problem');
    expect(error.type).toBe('about:blank');
    expect(error.extensions).toMatchObject({ message: 'm' });
    expect(error.code ?? error.extensions['code']).toBe('E1');
  });

  it('selects the problem dialect for every spelling of application/problem+json (1,000 spellings)', () => {
    fc.assert(
      fc.property(spellingOf('application/problem+json'), fc.constantFrom(400, 404, 409, 500, 503), fc.boolean(), (contentType, status, asText) => {
        const body = { title: 'Out of credit', balance: 30 };
        const error = toError(withContentType(status, contentType, asText ? JSON.stringify(body) : body));
        expect(error).toMatchObject({ dialect: 'problem', title: 'Out of credit', type: 'about:blank', extensions: { balance: 30 } });
      }),
      { numRuns: 1_000 },
    );
  });

  it('reads headers given as Headers, as pairs and as a node:http record with a capitalised name', () => {
    const body = '{"title":"Gone","detail":"Deleted on 2024-01-01"}';
    const forms: unknown[] = [
      new Headers({ 'Content-Type': 'Application/Problem+JSON; charset=utf-8' }),
      [['CONTENT-TYPE', 'Application/Problem+JSON; charset=utf-8']],
      { 'Content-Type': 'Application/Problem+JSON; charset=utf-8' },
      { 'content-type': ['application/problem+json'] },
    ];
    for (const headers of forms) {
      const error = toError(normalize({ status: 410, headers, body } as NormalizeInput));
      expect(error).toMatchObject({ dialect: 'problem', kind: 'not_found', title: 'Gone', detail: 'Deleted on 2024-01-01' });
    }
  });

  it('lets detectDialect match the media type the same way', () => {
    expect(detectDialect({}, 'Application/Problem+JSON; charset=utf-8')).toBe('problem');
    expect(detectDialect('{"foo":1}', ' APPLICATION/PROBLEM+JSON ;charset=utf-8')).toBe('problem');
    expect(detectDialect({ _links: { self: { href: '/a' } } }, 'Application/HAL+JSON')).toBe('problem');
  });

  it('reads a HAL success sent as Application/HAL+JSON; charset=utf-8', () => {
    const value = toSuccess(withContentType(200, 'Application/HAL+JSON; charset=utf-8', '{"id":7,"_links":{"self":{"href":"/orders/7"}}}'));
    expect(value).toMatchObject({ dialect: 'problem', data: { id: 7 }, links: { self: { href: '/orders/7' } } });
  });

  it('parses application/json in any case and with parameters (1,000 spellings)', () => {
    fc.assert(
      fc.property(spellingOf('application/json'), fc.jsonValue(), (contentType, value) => {
        const text = JSON.stringify(value);
        expect(toSuccess(withContentType(200, contentType, text)).data).toEqual(JSON.parse(text));
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('any +json suffix is parsed as JSON (RFC 6839 §3.1)', () => {
  // (application/vnd.api+json is JSON:API's own type, read by its dialect: test/dialects/json-api.test.ts.)
  const suffixed = ['application/vnd.x+json', 'application/vnd.acme.v2+json', 'application/ld+json', 'application/merge-patch+json', 'Application/VND.GitHub.v3+JSON; charset=utf-8', 'text/x-custom+json'];

  for (const contentType of suffixed) {
    it(`parses a success sent as ${contentType}`, () => {
      expect(toSuccess(withContentType(200, contentType, '{"items":[1,2,3]}')).data).toEqual({ items: [1, 2, 3] });
    });

    it(`parses an error sent as ${contentType}`, () => {
      const error = toError(withContentType(422, contentType, '{"message":"Name is required","errors":[{"field":"name","message":"is required"}]}'));
      expect(error).toMatchObject({ kind: 'validation', detail: 'Name is required' });
      expect(error.issues).toHaveLength(1);
    });
  }

  it('parses a scalar JSON text sent as +json', () => {
    expect(toSuccess(withContentType(200, 'application/vnd.x+json', '42')).data).toBe(42);
    expect(toSuccess(withContentType(200, 'application/vnd.x+json', '"text"')).data).toBe('text');
    expect(toSuccess(withContentType(200, 'application/vnd.x+json', 'null')).data).toBeNull();
  });

  it('parses any +json value given as text or as bytes (1,000 values)', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.constantFrom('application/', 'text/', 'Application/'), fc.stringMatching(/^[a-z][a-z0-9.-]{0,20}$/), fc.constantFrom('+json', '+JSON', '+Json; charset=utf-8')).map((parts) => parts.join('')),
        fc.jsonValue(),
        fc.boolean(),
        (contentType, value, asBytes) => {
          const text = JSON.stringify(value);
          expect(toSuccess(withContentType(200, contentType, asBytes ? encoder.encode(text) : text)).data).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe('a UTF-8 byte order mark is accepted', () => {
  const body = { message: 'Café fermé', code: 'E1' };
  const text = byteOrderMark + JSON.stringify(body);
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(JSON.stringify(body))]);

  it('parses a string body that starts with a BOM', () => {
    expect(toSuccess(withContentType(200, 'application/json', text)).data).toEqual(body);
    expect(toError(withContentType(400, 'application/json; charset=utf-8', text))).toMatchObject({ code: 'E1', detail: 'Café fermé' });
  });

  it('parses a byte body that starts with the BOM bytes EF BB BF', () => {
    expect(toSuccess(withContentType(200, 'application/json', bytes)).data).toEqual(body);
    expect(toSuccess(withContentType(200, 'application/json', bytes.buffer)).data).toEqual(body);
    expect(toError(withContentType(400, 'application/json', bytes))).toMatchObject({ code: 'E1', detail: 'Café fermé' });
  });

  it('parses a BOM body with no content type and with text/plain', () => {
    expect(toSuccess(normalize({ status: 200, body: text })).data).toEqual(body);
    expect(toSuccess(withContentType(200, 'text/plain', bytes)).data).toEqual(body);
  });

  it('parses a BOM problem body and selects the problem dialect', () => {
    const problem = byteOrderMark + '{"title":"Forbidden","detail":"No access to /x","status":403}';
    expect(toError(withContentType(403, 'Application/Problem+JSON; charset=utf-8', problem))).toMatchObject({ dialect: 'problem', detail: 'No access to /x' });
    expect(detectDialect(problem)).toBe('problem');
  });

  it('parses a BOM body read from a Response', async () => {
    const result = await normalizeResponse(new Response(bytes, { status: 200, headers: { 'content-type': 'application/json' } }));
    expect(toSuccess(result).data).toEqual(body);
  });

  it('parses any JSON value behind a BOM, as text and as bytes (1,000 values)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, asBytes) => {
        const json = byteOrderMark + JSON.stringify(value);
        expect(toSuccess(withContentType(200, 'application/json', asBytes ? encoder.encode(json) : json)).data).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('JSON sent as text/plain is tried', () => {
  it('parses an error object sent as text/plain', () => {
    const error = toError(withContentType(404, 'text/plain', '{"code":"NOT_FOUND","message":"No order 7"}'));
    expect(error).toMatchObject({ kind: 'not_found', code: 'NOT_FOUND', detail: 'No order 7' });
    expect(error.body).toEqual({ code: 'NOT_FOUND', message: 'No order 7' });
  });

  it('parses a problem sent as text/plain; charset=utf-8 and recognises it by its members', () => {
    const error = toError(withContentType(403, 'text/plain; charset=utf-8', '{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403}'));
    expect(error).toMatchObject({ dialect: 'problem', type: 'https://example.com/probs/out-of-credit', title: 'You do not have enough credit.' });
  });

  it('parses a success object or array sent as text/plain, and with no content type', () => {
    expect(toSuccess(withContentType(200, 'text/plain', '  {"id":1}\n')).data).toEqual({ id: 1 });
    expect(toSuccess(withContentType(200, 'Text/Plain; charset=ISO-8859-1', '[1,2]')).data).toEqual([1, 2]);
    expect(toSuccess(normalize({ status: 200, body: '{"id":1}' })).data).toEqual({ id: 1 });
  });

  it('parses an envelope sent as text/plain as the envelope it is', () => {
    const error = toError(withContentType(200, 'text/plain', '{"result":"error","error":{"type":"permission","code":1003,"message":"Not allowed"}}'));
    expect(error).toMatchObject({ dialect: 'envelope', kind: 'forbidden', code: '1003', detail: 'Not allowed' });
  });

  it('parses JSON sent as text/html, as PHP and misconfigured servers send it, and keeps HTML as HTML', () => {
    const error = toError(withContentType(400, 'text/html; charset=UTF-8', '{"message":"The email is taken","code":"email_taken"}'));
    expect(error).toMatchObject({ kind: 'bad_request', code: 'email_taken', detail: 'The email is taken' });
    expect(toSuccess(withContentType(200, 'text/html', '[1,2]')).data).toEqual([1, 2]);
    expect(toError(withContentType(502, 'text/html', '<html><body>{"not":"json"}</body></html>'))).toMatchObject({ kind: 'unavailable', title: 'Bad Gateway' });
    expect(toError(withContentType(500, 'text/html', '{<b>broken</b>'))).toMatchObject({ kind: 'server', title: 'Internal Server Error' });
  });

  it('keeps text/plain that is not JSON as text, a success on 2xx', () => {
    expect(toSuccess(withContentType(200, 'text/plain', 'hello')).data).toBe('hello');
    expect(toSuccess(withContentType(200, 'text/plain', '{not json')).data).toBe('{not json');
  });

  it('parses any JSON object or array sent as text/plain (1,000 values)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue())), fc.constantFrom('text/plain', 'TEXT/PLAIN; charset=utf-8'), (value, contentType) => {
        const text = JSON.stringify(value);
        expect(toSuccess(withContentType(200, contentType, text)).data).toEqual(JSON.parse(text));
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('a 2xx declared JSON that does not parse is invalid_response', () => {
  const malformed = ['{"id": 1', '{id: 1}', "{'a':1}", 'undefined', 'NaN', '<html><body>OK</body></html>', '{"a":1}{"b":2}', '[1,2,]', 'nul', 'OK'];
  const jsonTypes = ['application/json', 'Application/JSON; charset=utf-8', 'application/vnd.x+json', 'application/problem+json', 'application/hal+json'];

  for (const contentType of jsonTypes) {
    it(`gives invalid_response for malformed bodies on 200 ${contentType}`, () => {
      for (const body of malformed) {
        const error = toError(withContentType(200, contentType, body));
        expect(error.kind, body).toBe('invalid_response');
        expect(error.status, body).toBe(200);
        expect(error.body, body).toBe(body);
      }
    });
  }

  it('gives invalid_response on every 2xx and for bytes, never a SyntaxError (1,000 bodies)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 299 }),
        fc.constantFrom(...jsonTypes),
        fc.jsonValue().map((value) => JSON.stringify(value)).filter((text) => text.length > 1),
        fc.nat(),
        fc.boolean(),
        (status, contentType, json, cut, asBytes) => {
          // A truncated JSON text (a proxy cut the body off) never parses when its last character is gone
          // and it is a compound value or a string.
          const text = json.slice(0, 1 + (cut % (json.length - 1)));
          fc.pre(!isJson(text));
          const error = toError(withContentType(status, contentType, asBytes ? encoder.encode(text) : text));
          expect(error.kind).toBe('invalid_response');
          expect(error.status).toBe(status);
          expect(`${error.title} ${error.detail ?? ''}`).not.toMatch(/SyntaxError|Unexpected token/);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('gives invalid_response for a malformed JSON Response read by normalizeResponse', async () => {
    const result = await normalizeResponse(new Response('{"orders": [1, 2', { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } }));
    expect(toError(result)).toMatchObject({ kind: 'invalid_response', status: 200 });
  });

  it('keeps a malformed JSON error body as an error of its status, not invalid_response', () => {
    const error = toError(withContentType(500, 'application/json', '{"message": "Internal'));
    expect(error.kind).toBe('server');
    expect(error.title).toBe('Internal Server Error');
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

describe('a success body of a media type that is not text stays bytes', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0xfe]);

  it('gives an image, a PDF or an octet stream back as the very bytes given, read by no dialect', () => {
    for (const contentType of ['image/png', 'application/pdf', 'application/octet-stream', 'Application/Zip; name="a.zip"', 'font/woff2']) {
      const value = toSuccess(withContentType(200, contentType, png));
      expect(value.data, contentType).toBe(png);
      expect(value.body, contentType).toBe(png);
      expect(value.dialect, contentType).toBe('unknown');
    }
    const buffer = png.slice().buffer;
    expect(toSuccess(withContentType(200, 'image/png', buffer)).data).toBe(buffer);
    expect(detectDialect(png, 'image/png')).toBe('unknown');
  });

  it('keeps any bytes of a binary type whole (1,000 bodies)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.constantFrom('image/jpeg', 'application/pdf', 'application/octet-stream', 'audio/mpeg'), fc.integer({ min: 200, max: 299 }), (bytes, contentType, status) => {
        const value = toSuccess(withContentType(status, contentType, bytes));
        expect(value.data).toBe(bytes);
      }),
      { numRuns: 1_000 },
    );
  });

  it('still decodes text, JSON, XML, form data and an untyped body', () => {
    const text = encoder.encode('{"id":7}');
    expect(toSuccess(withContentType(200, 'application/json', text)).data).toEqual({ id: 7 });
    expect(toSuccess(withContentType(200, '', text)).data).toEqual({ id: 7 });
    expect(toSuccess(normalize({ status: 200, body: text })).data).toEqual({ id: 7 });
    expect(toSuccess(withContentType(200, 'text/csv', encoder.encode('a,b\n1,2'))).data).toBe('a,b\n1,2');
    expect(toSuccess(withContentType(200, 'application/xml', encoder.encode('<a/>'))).data).toBe('<a/>');
    expect(toSuccess(withContentType(200, 'application/atom+xml', encoder.encode('<feed/>'))).data).toBe('<feed/>');
    expect(toSuccess(withContentType(200, 'application/x-www-form-urlencoded', encoder.encode('a=1'))).data).toBe('a=1');
  });

  it('decodes an error body of any type, for the message it holds', () => {
    const error = toError(withContentType(404, 'application/octet-stream', encoder.encode('{"code":"E404","message":"No such file"}')));
    expect(error).toMatchObject({ kind: 'not_found', code: 'E404', detail: 'No such file' });
  });

  it('reads a download through normalizeResponse into its bytes', async () => {
    const result = await normalizeResponse(new Response(png, { status: 200, headers: { 'content-type': 'image/png' } }));
    const data = toSuccess(result).data;
    expect(data).toBeInstanceOf(Uint8Array);
    expect([...(data as Uint8Array)]).toEqual([...png]);
  });
});

describe('OAuth 2.0 error responses (RFC 6749 §5.2)', () => {
  it('reads `error` as the code and `error_description` as the detail, titled by the status', () => {
    const error = toError(withContentType(400, 'application/json;charset=UTF-8', '{"error":"invalid_grant","error_description":"The authorization code has expired","error_uri":"https://example.com/docs/errors#invalid_grant"}'));
    expect(error).toMatchObject({ kind: 'bad_request', title: 'Bad Request', code: 'invalid_grant', detail: 'The authorization code has expired', dialect: 'plain' });
    expect(error.extensions).toEqual({ error_uri: 'https://example.com/docs/errors#invalid_grant' });
  });

  it('reads a bare OAuth code, and keeps a phrase in `error` as the title or the message it is', () => {
    expect(toError(withContentType(401, 'application/json', '{"error":"invalid_token"}'))).toMatchObject({ kind: 'unauthenticated', title: 'Unauthorized', code: 'invalid_token' });
    expect(toError(withContentType(404, 'application/json', '{"error":"Not Found","message":"No order 7"}'))).toMatchObject({ title: 'Not Found', detail: 'No order 7' });
    expect(toError(withContentType(500, 'application/json', '{"error":"Something broke"}'))).toMatchObject({ title: 'Internal Server Error', detail: 'Something broke' });
    // A body with its own code keeps it; `error` is then its message.
    expect(toError(withContentType(400, 'application/json', '{"code":"E1","error":"bad_input"}'))).toMatchObject({ code: 'E1', detail: 'bad_input' });
  });
});

describe('a body that is a stream', () => {
  it('tells the caller to use normalizeResponse, for a Response given to normalize or its body', () => {
    const response = new Response('{"message":"No order 7"}', { status: 404, headers: { 'content-type': 'application/json', 'x-request-id': 'r-9' } });
    const error = toError(normalize(response as unknown as NormalizeInput));
    expect(error).toMatchObject({ kind: 'invalid_response', status: 404, requestId: 'r-9', detail: 'The body is a stream: use normalizeResponse' });
    expect(toError(normalize({ status: 200, body: new Response('{}').body }))).toMatchObject({ kind: 'invalid_response', status: 200 });
  });
});
