/**
 * RELIABILITY.md "Parsing", first line: `normalize` is total. No throw on 100,000 generated
 * inputs each of arbitrary JSON values, arbitrary strings (up to 4 KiB) and arbitrary bytes,
 * with arbitrary statuses (0, 99, 600, NaN, …) and headers; every result is a well-formed
 * `ApiResult` whose error, when there is one, is a valid `ApiError`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNormalizer, errorKinds, isApiError, normalize, normalizeResponse, plainDialect, problemDialect, type ApiResult, type DialectParser, type NormalizeInput, type NormalizeOptions } from '../../src/index.ts';

const numRuns = 100_000;
const propertyTimeout = 120_000;

const dialectIds: ReadonlySet<string> = new Set([
  'plain', 'problem', 'status-message', 'envelope', 'json-api', 'graphql', 'google', 'odata', 'field-map', 'spring', 'status-code', 'stripe', 'slack', 'aws', 'kubernetes', 'unknown',
]);
const kinds: ReadonlySet<string> = new Set(errorKinds);
const optionalStrings = ['detail', 'code', 'type', 'instance', 'requestId', 'traceId'] as const;
const hasOwn = (target: object, key: string): boolean => Object.prototype.hasOwnProperty.call(target, key);
const isHttpStatus = (status: unknown): status is number => typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599;

/** Everything wrong with a result, as sentences; `[]` when it is a well-formed `ApiResult`. */
function problemsOf(result: unknown): string[] {
  if (typeof result !== 'object' || result === null) return [`the result is ${String(result)}, not an object`];
  const keys = Object.keys(result).sort().join(',');
  const record = result as Record<string, unknown>;
  if (record['ok'] === true) {
    if (keys !== 'ok,value') return [`a success has the members ${keys}`];
    const value = record['value'];
    if (typeof value !== 'object' || value === null) return ['a success has no value object'];
    const problems: string[] = [];
    const { status, dialect } = value as Record<string, unknown>;
    if (!(typeof status === 'number' && Number.isInteger(status) && status >= 200 && status <= 299)) problems.push(`a success has status ${String(status)}`);
    if (typeof dialect !== 'string' || !dialectIds.has(dialect)) problems.push(`a success has dialect ${String(dialect)}`);
    return problems;
  }
  if (record['ok'] !== false) return [`ok is ${String(record['ok'])}`];
  if (keys !== 'error,ok') return [`a failure has the members ${keys}`];
  const error = record['error'];
  if (!isApiError(error)) return ['isApiError(error) is false'];
  const problems: string[] = [];
  const fields = error as unknown as Record<string, unknown>;
  if (!kinds.has(error.kind)) problems.push(`kind ${String(error.kind)}`);
  if (hasOwn(error, 'status') && !isHttpStatus(error.status)) problems.push(`status ${String(error.status)} is not an HTTP status`);
  for (const key of optionalStrings) if (hasOwn(error, key) && typeof fields[key] !== 'string') problems.push(`${key} is ${typeof fields[key]}`);
  if (hasOwn(error, 'retryAfterMs') && !(typeof error.retryAfterMs === 'number' && Number.isFinite(error.retryAfterMs) && error.retryAfterMs >= 0)) {
    problems.push(`retryAfterMs is ${String(error.retryAfterMs)}`);
  }
  for (const issue of error.issues) {
    if (typeof issue !== 'object' || issue === null || typeof issue.message !== 'string' || !Array.isArray(issue.path)) problems.push('an issue is malformed');
    else if (!issue.path.every((part) => typeof part === 'string' || typeof part === 'number')) problems.push('an issue path holds a non-key');
  }
  for (const failure of error.failures) if (typeof failure !== 'object' || failure === null || !Number.isInteger(failure.index) || !Array.isArray(failure.issues)) problems.push('a failure is malformed');
  if (!dialectIds.has(error.dialect)) problems.push(`dialect ${error.dialect}`);
  if (!Object.isFrozen(error)) problems.push('the error is not frozen');
  return problems;
}

/**
 * A well-formed result, and one that tells the truth about the status: an invalid status is
 * an `invalid_response`, a valid one is carried as is (so an exception swallowed inside
 * `normalize` cannot pass as a result), and only a 2xx succeeds.
 */
function statusProblemsOf(result: ApiResult, status: unknown): string[] {
  if (!isHttpStatus(status)) {
    return !result.ok && result.error.kind === 'invalid_response' ? [] : [`status ${String(status)} gave ${result.ok ? 'a success' : result.error.kind}, not invalid_response`];
  }
  if (result.ok) return status >= 200 && status <= 299 && result.value.status === status ? [] : [`status ${status} gave a success with status ${result.value.status}`];
  return result.error.status === status ? [] : [`status ${status} gave an error with status ${String(result.error.status)}`];
}

function checkResult(result: ApiResult, status: unknown): void {
  const problems = problemsOf(result);
  if (problems.length === 0) problems.push(...statusProblemsOf(result, status));
  // `expect` only on failure: it costs more than `normalize` itself, 100,000 times over.
  if (problems.length > 0) expect(problems).toEqual([]);
}

const statusArbitrary = fc.oneof(
  fc.constantFrom(0, 99, 600, Number.NaN, 200, 204, 400, 422, 429, 503, -1, 1.5, Number.POSITIVE_INFINITY),
  fc.integer(),
  fc.constantFrom(-0, 100, 101, 201, 202, 301, 304, 401, 403, 404, 405, 408, 409, 410, 413, 500, 501, 502, 504, 520, 599, Number.NEGATIVE_INFINITY, 2 ** 53),
  fc.integer({ min: 100, max: 599 }),
);

const contentTypeArbitrary = fc.oneof(
  fc.constantFrom(
    'Application/Problem+JSON; charset=utf-8',
    'application/problem+json',
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/hal+json',
    'application/vnd.x+json',
    'text/json',
    'text/html',
    'text/html; charset=UTF-8',
    'text/plain',
    'text/plain; charset=us-ascii',
    'application/xml',
    'application/xhtml+xml',
    'application/octet-stream',
    '',
    ' ',
    ';',
    '+json',
    'application/',
    ';charset=utf-8',
    'application/json;;;==',
    '\u0000',
  ),
  fc.string({ maxLength: 40 }),
);

const headerNameArbitrary = fc.oneof(
  fc.constantFrom(
    'content-type',
    'Content-Type',
    'CONTENT-TYPE',
    'content-length',
    'retry-after',
    'Retry-After',
    'x-ratelimit-limit',
    'x-ratelimit-remaining',
    'X-RateLimit-Reset',
    'ratelimit',
    'ratelimit-policy',
    'ratelimit-reset',
    'ratelimit-limit',
    'ratelimit-remaining',
    'x-request-id',
    'request-id',
    'x-correlation-id',
    'x-trace-id',
    'traceparent',
    'location',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
  ),
  fc.string({ maxLength: 20 }),
);

const headerValueArbitrary = fc.oneof(
  contentTypeArbitrary,
  fc.string({ maxLength: 60 }),
  fc.nat().map(String),
  fc.constantFrom(
    '120',
    '0',
    '-1',
    '1.5',
    '1e400',
    '9'.repeat(400),
    'NaN',
    'Infinity',
    'Wed, 21 Oct 2015 07:28:00 GMT',
    'Fri, 31 Dec 9999 23:59:59 GMT',
    'Sun Nov  6 08:49:37 1994',
    'not a date',
    'limit=100, remaining=0, reset=30',
    '"default";r=0;t=99999999999999999999',
    'q=100;w=60',
    '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    '00-zz',
  ),
);

/** A real `Headers`, keeping the pairs it accepts. */
function toHeaders(pairs: readonly (readonly [string, string])[]): Headers {
  const headers = new Headers();
  for (const [name, value] of pairs) {
    try {
      headers.append(name, value);
    } catch {
      // An invalid name or value: `Headers` refuses it, as a server's response would never carry it.
    }
  }
  return headers;
}

const headerRecordArbitrary = fc.dictionary(
  headerNameArbitrary,
  fc.oneof(headerValueArbitrary, fc.array(headerValueArbitrary, { maxLength: 3 }), fc.integer(), fc.constant(undefined), fc.anything({ maxDepth: 1 })),
  { maxKeys: 6 },
);

const headersArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  headerRecordArbitrary,
  fc.tuple(contentTypeArbitrary, headerRecordArbitrary).map(([contentType, rest]) => ({ ...rest, 'Content-Type': contentType })),
  fc.array(fc.tuple(headerNameArbitrary, headerValueArbitrary), { maxLength: 6 }),
  fc.tuple(contentTypeArbitrary, fc.array(fc.tuple(headerNameArbitrary, headerValueArbitrary), { maxLength: 6 })).map(([contentType, pairs]) =>
    toHeaders([['content-type', contentType], ...pairs]),
  ),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.anything({ maxDepth: 1 }),
);

const optionsArbitrary: fc.Arbitrary<NormalizeOptions | undefined> = fc.option(
  fc.record(
    {
      dialect: fc.constantFrom('plain', 'problem', 'status-message', 'envelope', 'unknown', 'nope', '__proto__', 'constructor'),
      now: fc.constantFrom(
        () => 1_700_000_000_000,
        () => 0,
        () => Number.NaN,
        () => -1,
      ),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

/** Members of every dialect, so that generated objects reach the dialects' parsers and not only `plain`. */
const vocabulary = [
  'type', 'title', 'status', 'detail', 'instance', 'errors', 'code', 'message', 'error', 'error_description', 'description',
  'msg', 'request_id', 'requestId', 'trace_id', 'traceId', 'retry_after', 'retryAfter', 'result', 'metadata', 'failures',
  'rawData', 'field', 'pointer', 'path', 'loc', 'offset', 'hasNext', '_links', '_embedded', 'href', 'invalidItems',
  'validItems', 'page', 'pagesCount', 'receivedItemsCount',
];
const jsonShaped: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom('success', 'failure', 'error', 'system', 'validation', 'permission', 'about:blank', ''),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 6 }),
  ),
})).value;

const jsonBodyArbitrary = fc.oneof(fc.jsonValue(), jsonShaped);

/** Text that is almost JSON: a BOM, whitespace, a truncation. */
const almostJsonText = fc.tuple(fc.constantFrom('', '\uFEFF', ' \n', '\uFEFF\t'), jsonBodyArbitrary, fc.nat()).map(([prefix, value, cut]) => {
  const text = prefix + (JSON.stringify(value) ?? '');
  return text.length > 0 && cut % 3 === 0 ? text.slice(0, cut % text.length) : text;
});

/**
 * Strings of every length up to 4 KiB: the default size keeps them short, `size: 'max'` makes
 * them long (one in six, as long ones cost 70 times as much to generate).
 */
const stringBody = (unit: 'grapheme' | 'binary'): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.string({ maxLength: 4096, unit }), weight: 3 },
    { arbitrary: fc.string({ maxLength: 4096, unit, size: 'max' }), weight: 1 },
    { arbitrary: almostJsonText, weight: 2 },
  );

const encoder = new TextEncoder();
const bytesBody: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.oneof(
      { arbitrary: fc.uint8Array({ maxLength: 4096 }), weight: 3 },
      { arbitrary: fc.uint8Array({ maxLength: 4096, size: 'max' }), weight: 1 },
      { arbitrary: almostJsonText.map((text) => encoder.encode(text)), weight: 2 },
    ),
    // Bytes as `normalize` may get them: a view, a buffer, a view into a larger buffer.
    fc.constantFrom('Uint8Array', 'ArrayBuffer', 'DataView', 'subarray'),
  )
  .map(([bytes, form]) => {
    if (form === 'ArrayBuffer') return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    if (form === 'DataView') return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (form === 'subarray') return bytes.subarray(Math.min(1, bytes.length));
    return bytes;
  });

function runTotality(body: fc.Arbitrary<unknown>): void {
  fc.assert(
    fc.property(statusArbitrary, headersArbitrary, body, optionsArbitrary, (status, headers, value, options) => {
      const result = normalize({ status, headers, body: value } as NormalizeInput, options);
      checkResult(result, status);
    }),
    { numRuns },
  );
}

describe('normalize is total', () => {
  it('returns a well-formed result for 100,000 arbitrary JSON values as the parsed body', { timeout: propertyTimeout }, () => {
    runTotality(jsonBodyArbitrary);
  });

  it('returns a well-formed result for 100,000 arbitrary strings up to 4 KiB as the body', { timeout: propertyTimeout }, () => {
    runTotality(stringBody('grapheme'));
  });

  it('returns a well-formed result for 100,000 arbitrary binary strings (lone surrogates included) up to 4 KiB', { timeout: propertyTimeout }, () => {
    runTotality(stringBody('binary'));
  });

  it('returns a well-formed result for 100,000 arbitrary byte bodies up to 4 KiB', { timeout: propertyTimeout }, () => {
    runTotality(bytesBody);
  });

  it('returns a well-formed result for 100,000 bodies of any JavaScript value, not only JSON', { timeout: propertyTimeout }, () => {
    runTotality(fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withDate: true }));
  });
});

const trapNames = [
  'apply', 'construct', 'defineProperty', 'deleteProperty', 'get', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'has', 'isExtensible',
  'ownKeys', 'preventExtensions', 'set', 'setPrototypeOf',
] as const;

/** A Proxy whose every trap throws. */
function createHostileProxy(): object {
  const handler: Record<string, () => never> = {};
  for (const trap of trapNames) {
    handler[trap] = () => {
      throw new Error(`hostile ${trap} trap`);
    };
  }
  return new Proxy({}, handler as ProxyHandler<object>);
}

function createRevokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function createDetachedBytes(): Uint8Array {
  const bytes = new Uint8Array(16);
  structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
  return bytes;
}

const throwing = (): never => {
  throw new Error('getter throws');
};

describe('normalize of inputs that are not responses', () => {
  const notObjects: readonly (readonly [string, unknown])[] = [
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['NaN', Number.NaN],
    ['a string', '{"status":200}'],
    ['a boolean', true],
    ['a symbol', Symbol('input')],
    ['a bigint', 10n],
    ['a function', () => ({ status: 200 })],
    ['an array', [200, {}, '{}']],
    ['a Proxy whose every trap throws', createHostileProxy()],
    ['a revoked Proxy', createRevokedProxy()],
    ['an object whose status getter throws', { get status(): never { return throwing(); } }],
    ['an object whose headers getter throws', { status: 200, get headers(): never { return throwing(); }, body: '{}' }],
    ['an object whose body getter throws', { status: 200, headers: {}, get body(): never { return throwing(); } }],
  ];

  for (const [name, input] of notObjects) {
    it(`gives an error result, not an exception, for ${name}`, () => {
      let result: ApiResult | undefined;
      expect(() => {
        result = normalize(input as NormalizeInput);
      }).not.toThrow();
      expect(problemsOf(result)).toEqual([]);
      expect(result?.ok).toBe(false);
    });
  }

  it('says what is wrong with a status that is no status, a string one included', () => {
    const detailOf = (status: unknown): unknown => {
      const result = normalize({ status } as NormalizeInput);
      return !result.ok && result.error.detail;
    };
    expect(detailOf('200')).toBe('Invalid status "200" (a string, not a number)');
    expect(detailOf(99)).toBe('Invalid status 99');
    // No status at all: most likely not a response (`normalize(42)`, `normalize(text)`).
    expect(detailOf(undefined)).toBe('No status: give { status, headers, body }');
  });

  const hostileParts: readonly (readonly [string, NormalizeInput, NormalizeOptions?])[] = [
    ['headers that are a Proxy whose every trap throws', { status: 404, headers: createHostileProxy() as HeadersInit, body: '{"message":"x"}' }],
    ['headers whose content-type getter throws', { status: 404, headers: { get 'content-type'(): never { return throwing(); } } as unknown as HeadersInit }],
    ['headers whose forEach throws', { status: 503, headers: { forEach: throwing } as unknown as HeadersInit }],
    ['headers whose iterator throws midway', { status: 503, headers: { *[Symbol.iterator]() { yield ['content-type', 'text/plain']; throwing(); } } as unknown as HeadersInit }],
    ['headers whose values are objects with a throwing toString', { status: 500, headers: { 'content-type': { toString: throwing } } as unknown as HeadersInit }],
    ['a body that is a Proxy whose every trap throws', { status: 400, headers: { 'content-type': 'application/problem+json' }, body: createHostileProxy() }],
    ['a body that is a revoked Proxy', { status: 200, body: createRevokedProxy() }],
    ['a body whose members are getters that throw', { status: 422, body: { get title(): never { return throwing(); }, get errors(): never { return throwing(); } } }],
    ['a body of detached bytes', { status: 200, headers: { 'content-type': 'application/json' }, body: createDetachedBytes() }],
    ['a body whose toJSON and toString throw', { status: 500, body: { toJSON: throwing, toString: throwing, valueOf: throwing } }],
    ['options that are a Proxy whose every trap throws', { status: 429, headers: { 'retry-after': '5' } }, createHostileProxy() as NormalizeOptions],
    ['a clock that throws', { status: 429, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT', 'x-ratelimit-reset': '30' } }, { now: throwing }],
    ['a clock that returns a non-number', { status: 429, headers: { 'x-ratelimit-reset': '30', 'x-ratelimit-remaining': '0' } }, { now: () => ({ valueOf: throwing }) as unknown as number }],
  ];

  for (const [name, input, options] of hostileParts) {
    it(`returns a well-formed result, not an exception, for ${name}`, () => {
      let result: ApiResult | undefined;
      expect(() => {
        result = normalize(input, options);
      }).not.toThrow();
      expect(problemsOf(result)).toEqual([]);
    });
  }
});

describe('normalizeResponse is total', () => {
  const notResponses: readonly (readonly [string, unknown])[] = [
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', 'HTTP/1.1 200 OK'],
    ['a Proxy whose every trap throws', createHostileProxy()],
    ['a revoked Proxy', createRevokedProxy()],
    ['an object whose status getter throws', { get status(): never { return throwing(); } }],
    ['a response-like object whose headers getter throws', { status: 200, get headers(): never { return throwing(); }, body: null }],
  ];

  for (const [name, input] of notResponses) {
    it(`resolves to an error result, never rejects, for ${name}`, async () => {
      const outcome = await normalizeResponse(input as Response).then(
        (result) => ({ resolved: true, result }) as const,
        (reason: unknown) => ({ resolved: false, reason: reason instanceof Error ? reason.message : String(reason) }) as const,
      );
      if (!outcome.resolved) expect.fail(`normalizeResponse rejected with: ${outcome.reason}`);
      expect(problemsOf(outcome.result)).toEqual([]);
      expect(outcome.result.ok).toBe(false);
    });
  }

  it('reads an object with a status but no Headers as no response: an invalid_response "Not a response", as every other non-Response', async () => {
    // `{ status: 200 }` was a network failure whose detail was a TypeError's message ("Cannot read properties of undefined").
    for (const input of [{ status: 200 }, { status: 404, headers: null }, { status: 200, headers: { 'content-type': 'application/json' }, body: null }, { status: 0 }, null, 42]) {
      const result = await normalizeResponse(input as unknown as Response);
      expect(result, JSON.stringify(input)).toEqual({ ok: false, error: expect.objectContaining({ kind: 'invalid_response', detail: 'Not a response', retryable: false }) });
      expect(result.ok || result.error.status).toBeUndefined();
    }
    // A response-like object with Headers (React Native's, a polyfill's) is still read.
    expect(await normalizeResponse({ status: 404, headers: new Headers(), body: null } as unknown as Response)).toMatchObject({ ok: false, error: { kind: 'not_found', status: 404 } });
  });

  it('resolves to a well-formed result for 5,000 generated responses of arbitrary bytes', { timeout: propertyTimeout }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 200, max: 599 }),
        fc.array(fc.tuple(headerNameArbitrary, headerValueArbitrary), { maxLength: 5 }),
        fc.oneof(fc.uint8Array({ maxLength: 4096 }), fc.string({ maxLength: 512, unit: 'binary' }).map((text) => encoder.encode(text))),
        async (status, pairs, bytes) => {
          const nullBody = status === 204 || status === 205 || status === 304;
          const response = new Response(nullBody ? null : bytes, { status, headers: toHeaders(pairs.filter(([name]) => name.toLowerCase() !== 'content-length')) });
          const result = await normalizeResponse(response);
          checkResult(result, status);
        },
      ),
      { numRuns: 5_000 },
    );
  });
});

describe('createNormalizer given something that is no dialect', () => {
  it("refuses it at once, rather than failing every call: a dialect's id, null, an object without parse", () => {
    for (const given of ['plain', null, { id: 'x', detect: () => true }]) {
      expect(() => createNormalizer({ dialects: [given as unknown as DialectParser] }), String(given)).toThrow(TypeError);
    }
    expect(() => createNormalizer({ dialects: ['plain' as unknown as DialectParser] })).toThrow("Not a dialect: plain (give plainDialect, not 'plain')");
    expect(createNormalizer({ dialects: [plainDialect] })({ status: 404 })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});

describe('a custom dialect with a bug', () => {
  const body = '{"message":"No such order"}';
  const input = { status: 404, headers: { 'content-type': 'application/json' }, body };
  const named = (id: string, parts: Partial<DialectParser>): DialectParser => ({ id, mediaTypes: [], detect: () => true, parse: () => ({ ok: false }), ...parts });

  it('whose detect throws is passed over: the next dialect reads the body, the status stays', () => {
    const normalizeWith = createNormalizer({ dialects: [named('broken', { detect: throwing }), plainDialect] });
    expect(normalizeWith(input)).toMatchObject({ ok: false, error: { kind: 'not_found', status: 404, detail: 'No such order', dialect: 'plain' } });
  });

  it('whose parse returns no facts is read as one that threw: the status tells the story', () => {
    for (const facts of [null, undefined, 42, 'error']) {
      const normalizeWith = createNormalizer({ dialects: [named('empty', { parse: () => facts as never })] });
      const result = normalizeWith(input);
      expect(result, String(facts)).toMatchObject({ ok: false, error: { kind: 'not_found', status: 404, title: 'Not Found', dialect: 'empty' } });
      expect(!result.ok && isApiError(result.error)).toBe(true);
    }
  });

  it('whose facts have members of the wrong type gives a model of the right types, which isApiError accepts', () => {
    const wrong = { ok: false, kind: 'POLLUTED', title: 5, detail: {}, code: 7, issues: 'x', failures: {}, requestId: 1, retryAfterMs: '5', extensions: [1], rateLimit: 'none' };
    const result = createNormalizer({ dialects: [named('wrong', { parse: () => wrong as never })] })(input);
    if (result.ok) expect.fail('an error was expected');
    expect(result.error).toMatchObject({ kind: 'not_found', title: 'Not Found', issues: [], failures: [], extensions: {} });
    for (const member of ['detail', 'code', 'requestId', 'retryAfterMs', 'rateLimit']) expect(result.error, member).not.toHaveProperty(member);
    expect(isApiError(result.error)).toBe(true);
  });
});

describe('createNormalizer given no dialect list', () => {
  it('says what it needs, rather than failing to read a member of undefined', () => {
    for (const given of [undefined, {}, { dialects: 'plain' }]) {
      expect(() => createNormalizer(given as never), JSON.stringify(given)).toThrow(new TypeError('createNormalizer needs { dialects: [...] }, a list of dialects'));
    }
  });
});

describe('a forced dialect the normalizer does not know', () => {
  it('is detected as usual, rather than reading nothing of the body', () => {
    const input = { status: 404, headers: { 'content-type': 'application/problem+json' }, body: '{"title":"No such order","detail":"Order 7 does not exist"}' };
    for (const dialect of ['nope', 'stripe']) {
      const result = createNormalizer({ dialects: [problemDialect, plainDialect] })(input, { dialect });
      expect(result, dialect).toMatchObject({ ok: false, error: { kind: 'not_found', title: 'No such order', detail: 'Order 7 does not exist', dialect: 'problem' } });
    }
    expect(normalize(input, { dialect: 'plain' })).toMatchObject({ ok: false, error: { dialect: 'plain' } });
  });
});

