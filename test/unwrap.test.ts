/**
 * DESIGN.md "Core functions": `unwrap` returns the success or throws a `ResponseError` that
 * carries the `ApiError`; `isApiError` and `isResponseError` check shape and brand, not class
 * (STYLE.md, after ky), so values from another realm or another copy of faultline pass and
 * look-alikes do not.
 */
import { fileURLToPath } from 'node:url';
import { createContext, runInContext, runInNewContext } from 'node:vm';
import { buildSync } from 'esbuild';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { isApiError, isResponseError, normalize, ResponseError, unwrap, type ApiError, type ApiResult, type ApiSuccess } from '../src/index.ts';

type Faultline = typeof import('../src/index.ts');

/** faultline bundled from source and run in a fresh V8 context: another realm, another copy of the package. */
function loadInAnotherRealm(): Faultline {
  const build = buildSync({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'faultline',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const context = createContext({});
  runInContext(build.outputFiles[0]!.text, context);
  return runInContext('faultline', context) as Faultline;
}

function toError(result: ApiResult): ApiError {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

/** Runs `run` and returns what it threw. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (thrown) {
    return thrown;
  }
  throw new Error('expected a throw');
}

const validErrorSource = '({ kind: "not_found", status: 404, title: "Not Found", issues: [], failures: [], retryable: false, dialect: "problem", extensions: {}, body: null })';

describe('unwrap', () => {
  interface Order {
    readonly id: number;
  }

  it('says clearly that what it was given is no result', () => {
    for (const given of [42, undefined, null, 'text']) expect(() => unwrap(given as unknown as ApiResult), String(given)).toThrow(new TypeError(`Not an ApiResult: ${String(given)}`));
    expect(() => unwrap({} as ApiResult)).toThrow(new TypeError('Not an ApiResult: an object without ok'));
    // A failure whose error is no ApiError: the ResponseError says so, rather than failing to read it.
    expect(() => unwrap({ ok: false, error: undefined } as unknown as ApiResult)).toThrow(new TypeError('ResponseError needs an ApiError, not undefined'));
  });

  it('returns the success value itself', () => {
    const result = normalize<Order>({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":7}' });
    const value = unwrap(result);
    expectTypeOf(value).toEqualTypeOf<ApiSuccess<Order>>();
    if (!result.ok) expect.unreachable(`an error of kind ${result.error.kind}`);
    else expect(value).toBe(result.value);
    expect(value.data).toEqual({ id: 7 });
  });

  it('returns a 204 success with data undefined', () => {
    const value = unwrap(normalize({ status: 204 }));
    expect(value.status).toBe(204);
    expect(value.data).toBeUndefined();
  });

  it('throws a ResponseError whose error is the ApiError and whose message holds status and title', () => {
    const result = normalize({ status: 404, headers: { 'content-type': 'application/problem+json' }, body: '{"title":"No such order","detail":"Order 7 does not exist"}' });
    const thrown = thrownBy(() => unwrap(result));
    expect(thrown).toBeInstanceOf(ResponseError);
    expect(thrown).toBeInstanceOf(Error);
    if (!(thrown instanceof ResponseError)) return;
    expect(thrown.error).toBe(toError(result));
    expect(thrown.name).toBe('ResponseError');
    expect(thrown.message).toContain('404');
    expect(thrown.message).toContain('No such order');
    expect(thrown.stack).toEqual(expect.any(String));
    expect(isResponseError(thrown)).toBe(true);
  });

  it('puts the reason phrase in the message when the server gave no title', () => {
    for (const [status, title] of [
      [400, 'Bad Request'],
      [429, 'Too Many Requests'],
      [500, 'Internal Server Error'],
      [503, 'Service Unavailable'],
    ] as const) {
      const thrown = thrownBy(() => unwrap(normalize({ status })));
      expect(thrown).toBeInstanceOf(ResponseError);
      expect((thrown as ResponseError).message).toContain(String(status));
      expect((thrown as ResponseError).message).toContain(title);
    }
  });

  it('throws for an envelope error sent with 200, naming status and title', () => {
    const result = normalize({ status: 200, body: { result: 'error', error: { type: 'permission', code: 1003, message: 'Not allowed' } } });
    const thrown = thrownBy(() => unwrap(result)) as ResponseError;
    expect(thrown.error).toMatchObject({ kind: 'forbidden', status: 200 });
    expect(thrown.message).toContain('200');
    expect(thrown.message).toContain(thrown.error.title);
  });

  it('throws for an error without status with a message that holds the title and no "undefined"', () => {
    const thrown = thrownBy(() => unwrap(normalize({ status: Number.NaN }))) as ResponseError;
    expect(thrown.error.kind).toBe('invalid_response');
    expect(thrown.message).toContain(thrown.error.title);
    expect(thrown.message).not.toContain('undefined');
  });

  it('throws a ResponseError for every error normalize can give, and returns every success', () => {
    for (let status = 100; status <= 599; status++) {
      const result = normalize({ status, body: status >= 200 && status < 300 ? { ok: 1 } : { message: 'x' } });
      if (result.ok) expect(unwrap(result)).toBe(result.value);
      else expect(isResponseError(thrownBy(() => unwrap(result)))).toBe(true);
    }
  });
});

describe('isApiError and isResponseError across realms', () => {
  const other = loadInAnotherRealm();

  it('loads a second copy of faultline whose objects come from another realm', () => {
    const error = toError(other.normalize({ status: 404 }));
    expect(Object.getPrototypeOf(error)).not.toBe(Object.prototype);
    expect(error.issues).not.toBeInstanceOf(Array);
    expect(other.ResponseError).not.toBe(ResponseError);
  });

  it('recognises an ApiError made by faultline in another realm', () => {
    const error = toError(other.normalize({ status: 422, headers: { 'content-type': 'application/problem+json' }, body: '{"title":"Invalid","errors":[{"detail":"is required","pointer":"/name"}]}' }));
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'validation', status: 422 });
  });

  it('recognises a plain ApiError object literal from another realm', () => {
    expect(isApiError(runInNewContext(validErrorSource))).toBe(true);
  });

  it('recognises an ApiError after structuredClone', () => {
    const error = toError(normalize({ status: 429, headers: { 'retry-after': '5', 'x-ratelimit-limit': '10' }, body: { message: 'Slow down', errors: [{ field: 'a', message: 'b' }] } }));
    const clone = structuredClone(error);
    expect(clone).not.toBe(error);
    expect(clone).toEqual(error);
    expect(isApiError(clone)).toBe(true);
    expect(isApiError(structuredClone(toError(other.normalize({ status: 500 }))))).toBe(true);
  });

  it('recognises a ResponseError thrown by faultline in another realm, where instanceof fails', () => {
    const thrown = thrownBy(() => other.unwrap(other.normalize({ status: 503, headers: { 'content-type': 'text/plain' }, body: 'no healthy upstream' })));
    expect(thrown instanceof ResponseError).toBe(false);
    expect(thrown instanceof Error).toBe(false);
    expect(isResponseError(thrown)).toBe(true);
    if (isResponseError(thrown)) {
      expect(thrown.error).toMatchObject({ kind: 'unavailable', status: 503, detail: 'no healthy upstream' });
      expect(thrown.message).toContain('503');
    }
  });

  it('is recognised by the other realm in turn', () => {
    const thrown = thrownBy(() => unwrap(normalize({ status: 401 })));
    expect(other.isResponseError(thrown)).toBe(true);
    expect(other.isApiError((thrown as ResponseError).error)).toBe(true);
  });

  it('recognises a ResponseError subclass from this realm', () => {
    class OrderError extends ResponseError {}
    expect(isResponseError(new OrderError(toError(normalize({ status: 409 }))))).toBe(true);
  });
});

describe('look-alikes are rejected', () => {
  const valid = runInNewContext(validErrorSource) as Record<string, unknown>;
  const without = (key: string): Record<string, unknown> => Object.fromEntries(Object.entries(valid).filter(([name]) => name !== key));

  const apiErrorLookAlikes: readonly (readonly [string, unknown])[] = [
    ['null', null],
    ['undefined', undefined],
    ['a string', 'Not Found'],
    ['a number', 404],
    ['an array', [valid]],
    ['an empty object', {}],
    ['a result rather than its error', { ok: false, error: valid }],
    ['an unknown kind', { ...valid, kind: 'teapot' }],
    ['a kind named after an Object.prototype member', { ...valid, kind: 'constructor' }],
    ['a kind of __proto__', { ...valid, kind: '__proto__' }],
    ['a kind in upper case', { ...valid, kind: 'NOT_FOUND' }],
    ['no kind', without('kind')],
    ['no title', without('title')],
    ['a numeric title', { ...valid, title: 404 }],
    ['no issues', without('issues')],
    ['issues that are array-like but no array', { ...valid, issues: { length: 0 } }],
    ['no failures', without('failures')],
    ['retryable as a string', { ...valid, retryable: 'false' }],
    ['no retryable', without('retryable')],
    ['no dialect', without('dialect')],
    ['a numeric dialect', { ...valid, dialect: 1 }],
    ['extensions that are null', { ...valid, extensions: null }],
    ['no extensions', without('extensions')],
    ['a ResponseError rather than its error', new ResponseError(valid as unknown as ApiError)],
    ['a vm look-alike with an unknown kind', runInNewContext('({ kind: "oops", title: "x", issues: [], failures: [], retryable: false, dialect: "plain", extensions: {} })')],
  ];

  for (const [name, value] of apiErrorLookAlikes) {
    it(`isApiError rejects ${name}`, () => {
      expect(isApiError(value)).toBe(false);
    });
  }

  const responseErrorLookAlikes: readonly (readonly [string, unknown])[] = [
    ['null', null],
    ['a plain Error', new Error('404 Not Found')],
    ['an Error named ResponseError with an ApiError but no brand', Object.assign(new Error('404 Not Found'), { name: 'ResponseError', error: valid })],
    ['an object from another realm with an ApiError but no brand', runInNewContext(`({ name: 'ResponseError', message: '404 Not Found', error: ${validErrorSource} })`)],
    ['a brand that is the string "true"', { isResponseError: 'true', error: valid }],
    ['a brand without an error', { isResponseError: true }],
    ['a brand with an error that is no ApiError', { isResponseError: true, error: { kind: 'teapot', title: 'x' } }],
    ['a brand with an error that is an Error', { isResponseError: true, error: new Error('x') }],
    ['the ApiError itself', valid],
    ['a result', { ok: false, error: valid }],
  ];

  for (const [name, value] of responseErrorLookAlikes) {
    it(`isResponseError rejects ${name}`, () => {
      expect(isResponseError(value)).toBe(false);
    });
  }
});

describe("a ResponseError's message in logs and error trackers", () => {
  it('escapes the controls of a server\'s text, so that it forges no log line or terminal sequence', () => {
    const thrown = thrownBy(() => unwrap(normalize({ status: 500, body: { message: 'line1\nline2\r\nINFO fake log line \u001b[31mred' } }))) as ResponseError;
    expect(thrown.message).toBe('500 Internal Server Error: line1\\nline2\\r\\nINFO fake log line \\u001b[31mred');
    // The model keeps the text as the server sent it.
    expect(thrown.error.detail).toBe('line1\nline2\r\nINFO fake log line \u001b[31mred');
    // DEL, a C1 control (an 8-bit CSI), a line separator and a bidi override, which JSON leaves as they are.
    const more = thrownBy(() => unwrap(normalize({ status: 500, body: { message: 'a\x7fb\x9bc\u2028d\u202ee' } }))) as ResponseError;
    expect(more.message).toBe('500 Internal Server Error: a\\u007fb\\u009bc\\u2028d\\u202ee');
  });

  it('is never cut inside an escape', () => {
    for (let pad = 0; pad < 8; pad++) {
      const thrown = thrownBy(() => unwrap(normalize({ status: 500, body: { message: `${'x'.repeat(260 + pad)}${'\u001b'.repeat(10)}` } }))) as ResponseError;
      expect(thrown.message.length, `pad ${pad}`).toBeLessThanOrEqual(300);
      expect(thrown.message, `pad ${pad}`).toMatch(/(x|\\u001b)…$/);
    }
  });

  it('is at most 300 characters, however long the server\'s message (a 900 KB title in a tracker before)', () => {
    const long = 'm'.repeat(900 * 1024);
    const thrown = thrownBy(() => unwrap(normalize({ status: 500, body: { message: long } }))) as ResponseError;
    expect(thrown.message).toHaveLength(300);
    expect(thrown.message).toBe(`500 Internal Server Error: ${'m'.repeat(272)}…`);
    expect(thrown.error.detail).toHaveLength(900 * 1024);
    // Never half of a surrogate pair.
    const emoji = thrownBy(() => unwrap(normalize({ status: 500, body: { message: `x${'😀'.repeat(400)}` } }))) as ResponseError;
    expect(emoji.message.length).toBeLessThanOrEqual(300);
    expect(emoji.message).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('writes its name and message in JSON, beside the error', () => {
    const thrown = thrownBy(() => unwrap(normalize({ status: 404 }))) as ResponseError;
    expect(JSON.parse(JSON.stringify(thrown))).toEqual({ name: 'ResponseError', message: '404 Not Found', error: JSON.parse(JSON.stringify(thrown.error)) });
  });
});
