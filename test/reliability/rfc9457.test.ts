/**
 * RELIABILITY.md "Parsing", second line — RFC 9457 §3.1: a member of the wrong type is ignored
 * as if absent, never coerced (`"404"` is not a status); a missing or non-string `type` means
 * `about:blank`; `status` in the body is advisory: the HTTP status wins, a disagreement is
 * kept visible; unknown members are kept.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, type ApiError, type ApiResult, type NormalizeInput } from '../../src/index.ts';

const numRuns = 3_000;

/** RFC 9110 §15 reason phrases (RFC 6585 for 429), written out here so the test does not trust the code under test. */
const reasonPhrases: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
const statuses = Object.keys(reasonPhrases).map(Number);
const reasonPhrase = (status: number): string => reasonPhrases[status] ?? 'no reason phrase';

/** The members RFC 9457 §3.1 defines, and seed 001's `errors`. */
const definedMembers = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors']);
const hasOwn = (target: object, key: string): boolean => Object.prototype.hasOwnProperty.call(target, key);

function toError(result: ApiResult): ApiError {
  if (result.ok) throw new Error(`expected an error, got a success: ${JSON.stringify(result.value)}`);
  return result.error;
}

function normalizeProblem(status: number, body: unknown, contentType = 'application/problem+json'): ApiError {
  return toError(normalize({ status, headers: { 'content-type': contentType }, body } as NormalizeInput));
}

/** The model an error gives a reader, without what was received (`body`, `extensions`). */
function modelOf(error: ApiError): Record<string, unknown> {
  const { body: _body, extensions: _extensions, ...model } = error;
  return model;
}

const problemContentType = fc.constantFrom('application/problem+json', 'Application/Problem+JSON; charset=utf-8', 'application/problem+json;charset=UTF-8');
const notString = fc.jsonValue({ maxDepth: 2 }).filter((value) => typeof value !== 'string');
/** A status member that is not a JSON number: `"404"`, `null`, `true`, `[404]`, `{"code": 404}`. */
const notNumber = fc.oneof(
  fc.constantFrom(...statuses).map(String),
  fc.constantFrom(...statuses).map((status) => [status]),
  fc.constantFrom(...statuses).map((code) => ({ code })),
  fc.jsonValue({ maxDepth: 2 }).filter((value) => typeof value !== 'number'),
);
/**
 * `code` is left out: RFC 9457 does not define it, but the model has a place for it (DESIGN.md
 * `code`), so a dialect may lift it there rather than keep it in extensions.
 */
const extensionName = fc
  .oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('balance', 'accounts', 'message', 'requestId', 'invalid-params', 'retry_after'))
  // `code` and ASP.NET's `traceId` are extension members the model has a place for.
  .filter((name) => !definedMembers.has(name) && name !== 'code' && name !== 'traceId');
const extensionMembers = fc.dictionary(extensionName, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5, noNullPrototype: true });
/** A `title`, `detail` or `instance` member: absent, a string, or a value of another type. */
const stringMember = fc.option(fc.oneof(fc.string({ maxLength: 30 }), notString), { nil: undefined });

/** Builds a body, leaving out the members given as `undefined`. */
function toBody(members: Readonly<Record<string, unknown>>, extensions: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const body: Record<string, unknown> = { ...extensions };
  for (const [key, value] of Object.entries(members)) if (value !== undefined) body[key] = value;
  return body;
}

describe('RFC 9457 §3.1: a member of the wrong type is ignored as if absent', () => {
  it('gives the same model with a wrongly typed type, title, detail, instance or status as without it (3,000 bodies)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...statuses),
        problemContentType,
        fc.record({ type: stringMember, title: stringMember, detail: stringMember, instance: stringMember, status: fc.option(notNumber, { nil: undefined }) }),
        extensionMembers,
        fc.boolean(),
        (status, contentType, members, extensions, asText) => {
          const wellTyped = Object.fromEntries(Object.entries(members).filter(([key, value]) => key !== 'status' && typeof value === 'string'));
          const withWrongTypes = toBody(members, extensions);
          const withoutThem = toBody(wellTyped, extensions);
          const encode = (body: unknown): unknown => (asText ? JSON.stringify(body) : body);
          const received = normalizeProblem(status, encode(withWrongTypes), contentType);
          const absent = normalizeProblem(status, encode(withoutThem), contentType);
          expect(modelOf(received)).toEqual(modelOf(absent));
        },
      ),
      { numRuns },
    );
  });

  it('never coerces: each model member is the body member when it is a string, else what the status says (3,000 bodies)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...statuses),
        fc.record({ type: stringMember, title: stringMember, detail: stringMember, instance: stringMember }),
        (status, members) => {
          const error = normalizeProblem(status, toBody(members, {}));
          expect(error.status).toBe(status);
          // An empty title says nothing to a user: the status text stands in, as for a missing one.
          expect(error.title).toBe(typeof members.title === 'string' && members.title !== '' ? members.title : reasonPhrase(status));
          expect(error.type).toBe(typeof members.type === 'string' ? members.type : 'about:blank');
          for (const key of ['detail', 'instance'] as const) {
            // A detail that repeats the title explains nothing more: it is read as none.
            if (typeof members[key] === 'string' && !(key === 'detail' && members.detail === members.title)) expect(error[key]).toBe(members[key]);
            else expect(hasOwn(error, key)).toBe(false);
          }
        },
      ),
      { numRuns },
    );
  });

  it('shows the status text when the title is an empty string', () => {
    expect(normalizeProblem(404, { title: '', detail: 'No campaign 7' }).title).toBe('Not Found');
  });

  it('does not read "404" as a status', () => {
    const error = normalizeProblem(500, { type: 'about:blank', title: 'Oops', status: '404' });
    expect(error).toMatchObject({ kind: 'server', status: 500, title: 'Oops', retryable: true });
  });

  it('does not take a "404" body status over a 400 either, nor any other string', () => {
    for (const status of ['404', '404 Not Found', ' 429', '4.04e2', '']) {
      const error = normalizeProblem(400, { title: 'Bad', status });
      expect(error).toMatchObject({ kind: 'bad_request', status: 400 });
      expect(error.retryAfterMs).toBeUndefined();
    }
  });

  it('gives the reason phrase as title when title is 42', () => {
    expect(normalizeProblem(404, { title: 42, detail: 'No such user' })).toMatchObject({ title: 'Not Found', detail: 'No such user' });
    expect(normalizeProblem(503, { title: ['Down'] }).title).toBe('Service Unavailable');
    expect(normalizeProblem(409, { title: null }).title).toBe('Conflict');
  });

  it('gives no detail when detail is {}', () => {
    const error = normalizeProblem(400, { title: 'Bad Request', detail: {} });
    expect(hasOwn(error, 'detail')).toBe(false);
    expect(error.detail).toBeUndefined();
    for (const detail of [42, true, null, ['a'], { text: 'x' }]) expect(hasOwn(normalizeProblem(422, { detail }), 'detail')).toBe(false);
  });

  it('gives no instance when instance is not a string', () => {
    for (const instance of [12345, { href: '/account/12345' }, ['/a'], false, null]) expect(hasOwn(normalizeProblem(403, { instance }), 'instance')).toBe(false);
  });
});

describe('RFC 9457 §3.1.1: a missing or non-string type means about:blank', () => {
  it('gives about:blank for a missing type', () => {
    expect(normalizeProblem(404, { title: 'Not Found', detail: 'No user 7' }).type).toBe('about:blank');
  });

  it('gives about:blank for a type of any other JSON type (3,000 values)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), notString, (status, type) => {
        expect(normalizeProblem(status, { type, title: 'x' }).type).toBe('about:blank');
      }),
      { numRuns },
    );
  });

  it('keeps a string type as it is (3,000 values)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.oneof(fc.webUrl(), fc.string({ minLength: 1, maxLength: 40 })), (status, type) => {
        expect(normalizeProblem(status, { type, title: 'x' }).type).toBe(type);
      }),
      { numRuns },
    );
  });

  it('gives about:blank for an empty problem body', () => {
    expect(normalizeProblem(500, {})).toMatchObject({ kind: 'server', status: 500, title: 'Internal Server Error', type: 'about:blank' });
    expect(normalizeProblem(500, '{}')).toMatchObject({ type: 'about:blank' });
  });
});

describe('RFC 9457 §3.1.2: the body status is advisory', () => {
  it('lets the HTTP status win and keeps a disagreeing body status in extensions.status (3,000 pairs)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...statuses),
        fc.oneof(fc.constantFrom(...statuses), fc.integer({ min: 100, max: 599 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
        problemContentType,
        (status, bodyStatus, contentType) => {
          const error = normalizeProblem(status, { type: 'https://example.com/probs/x', title: 'x', status: bodyStatus }, contentType);
          const byHttpStatus = normalizeProblem(status, { type: 'https://example.com/probs/x', title: 'x' }, contentType);
          expect(error.status).toBe(status);
          expect(error.kind).toBe(byHttpStatus.kind);
          expect(error.retryable).toBe(byHttpStatus.retryable);
          if (Object.is(bodyStatus, status)) expect(hasOwn(error.extensions, 'status')).toBe(false);
          else expect(error.extensions['status']).toBe(bodyStatus);
        },
      ),
      { numRuns },
    );
  });

  it('keeps HTTP 500 with a body status 404: kind server, status 500, extensions.status 404', () => {
    const error = normalizeProblem(500, { type: 'about:blank', title: 'Not Found', status: 404 });
    expect(error).toMatchObject({ kind: 'server', status: 500, retryable: true, extensions: { status: 404 } });
  });

  it('keeps HTTP 404 with a body status 500 a not_found that is not retried', () => {
    const error = normalizeProblem(404, { title: 'Gone away', status: 500 });
    expect(error).toMatchObject({ kind: 'not_found', status: 404, retryable: false, extensions: { status: 500 } });
  });

  it('does not repeat an agreeing body status in extensions', () => {
    const error = normalizeProblem(503, { title: 'Service Unavailable', status: 503 });
    expect(error.status).toBe(503);
    expect(error.extensions).not.toHaveProperty('status');
  });

  it('applies to problems recognised by their members, without a media type', () => {
    const result = normalize({ status: 502, body: { type: 'https://example.com/probs/upstream', title: 'Upstream failed', status: 400 } });
    const error = toError(result);
    expect(error).toMatchObject({ dialect: 'problem', kind: 'unavailable', status: 502, type: 'https://example.com/probs/upstream', extensions: { status: 400 } });
  });

  it('applies to seed 002 bodies too: {status, message} on a different HTTP status', () => {
    const error = toError(normalize({ status: 500, body: { status: 404, message: 'No such order', request_id: 'r-1' } }));
    expect(error).toMatchObject({ dialect: 'status-message', kind: 'server', status: 500, detail: 'No such order', requestId: 'r-1', extensions: { status: 404 } });
  });
});

describe('RFC 9457 §3.2: unknown members are kept in extensions', () => {
  it('keeps every member the RFC does not define, with its value (3,000 bodies)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), problemContentType, extensionMembers, fc.boolean(), (status, contentType, extensions, asText) => {
        const body = { type: 'https://example.com/probs/x', title: 'A title', detail: 'A detail', instance: '/i/1', ...extensions };
        const error = normalizeProblem(status, asText ? JSON.stringify(body) : body, contentType);
        // Sent as text, the values are what JSON gives back (-0 becomes 0).
        const expected = asText ? (JSON.parse(JSON.stringify(extensions)) as Record<string, unknown>) : extensions;
        for (const key of Object.keys(expected)) {
          expect(hasOwn(error.extensions, key), `extensions.${key}`).toBe(true);
          expect(error.extensions[key]).toEqual(expected[key]);
        }
        // Members the model holds are not repeated as extensions.
        for (const key of ['type', 'title', 'detail', 'instance']) expect(hasOwn(error.extensions, key), `extensions.${key}`).toBe(false);
      }),
      { numRuns },
    );
  });

  it('reads the RFC 9457 §3 out-of-credit example', () => {
    const error = normalizeProblem(403, {
      type: 'https://example.com/probs/out-of-credit',
      title: 'You do not have enough credit.',
      detail: 'Your current balance is 30, but that costs 50.',
      instance: '/account/12345/msgs/abc',
      balance: 30,
      accounts: ['/account/12345', '/account/67890'],
    });
    expect(error).toMatchObject({
      kind: 'forbidden',
      status: 403,
      type: 'https://example.com/probs/out-of-credit',
      title: 'You do not have enough credit.',
      detail: 'Your current balance is 30, but that costs 50.',
      instance: '/account/12345/msgs/abc',
      dialect: 'problem',
    });
    expect(error.extensions).toEqual({ balance: 30, accounts: ['/account/12345', '/account/67890'] });
  });

  it('reads the RFC 9457 §3 validation example into issues', () => {
    const error = normalizeProblem(422, {
      type: 'https://example.net/validation-error',
      title: 'Your request is not valid.',
      errors: [
        { detail: 'must be a positive integer', pointer: '#/age' },
        { detail: "must be 'green', 'red' or 'blue'", pointer: '#/profile/color' },
      ],
    });
    expect(error.kind).toBe('validation');
    expect(error.issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: ['age'], message: 'must be a positive integer' },
      { path: ['profile', 'color'], message: "must be 'green', 'red' or 'blue'" },
    ]);
  });

  it('keeps extension members whose names are those of other dialects', () => {
    const error = normalizeProblem(429, { title: 'Slow down', code: 'RATE', message: 'Too fast', result: 'error', request_id: 'abc' });
    expect(error.extensions).toMatchObject({ message: 'Too fast', result: 'error', request_id: 'abc' });
    // `code` is kept, as an extension or as the model's own `code`.
    expect(error.code ?? error.extensions['code']).toBe('RATE');
    expect(error.title).toBe('Slow down');
  });
});

describe('a problem without its media type', () => {
  it('is known by a type and a status, the type a relative URI too (RFC 9457 §3.1.1), but not when it has a message (Box)', () => {
    const relative = normalize({ status: 403, headers: { 'content-type': 'application/json' }, body: { type: 'out-of-credit', status: 403, detail: 'Your balance is 30.' } });
    expect(relative.ok ? undefined : relative.error).toMatchObject({ dialect: 'problem', type: 'out-of-credit', detail: 'Your balance is 30.' });
    const uri = normalize({ status: 403, headers: { 'content-type': 'application/json' }, body: { type: 'https://example.com/probs/out-of-credit', status: 403, message: 'Top up first' } });
    expect(uri.ok ? undefined : uri.error).toMatchObject({ dialect: 'problem', type: 'https://example.com/probs/out-of-credit' });
    const box = normalize({ status: 400, headers: { 'content-type': 'application/json' }, body: { type: 'error', status: 400, code: 'item_name_invalid', message: 'Method Not Allowed' } });
    expect(box.ok ? undefined : box.error).toMatchObject({ dialect: 'status-message', detail: 'Method Not Allowed', code: 'item_name_invalid' });
  });
});
