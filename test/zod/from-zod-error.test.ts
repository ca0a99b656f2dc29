// `fromZodError` on errors of real zod schemas. The expected issues are written out by hand from
// zod 4's English messages and issue codes; nothing here asks the implementation for them.
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import * as zm from 'zod/mini';
import * as z3 from 'zod/v3';
import { isApiError } from '../../src/index.ts';
import type { ApiError, ApiErrorOf, Issue } from '../../src/index.ts';
import * as v from 'valibot';
import { apiErrorSchema, fromZodError, type ZodErrorLike } from '../../src/zod/index.ts';

/** The zod error of a parse that must fail. */
function failParse(schema: z.ZodType, input: unknown): z.ZodError {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the parse to fail');
  return result.error;
}

const order = z.object({
  customer: z.object({ name: z.string(), address: z.object({ city: z.string() }) }),
  items: z.array(z.object({ name: z.string(), quantity: z.int().positive() })),
});

/** The issues without their params, which the tests below check on their own. */
const withoutParams = (issues: readonly Issue[]): Omit<Issue, 'params'>[] => issues.map(({ params: _params, ...issue }) => issue);

describe('fromZodError', () => {
  it('turns a nested object path into a path and a dotted field', () => {
    const error = fromZodError(failParse(order, { customer: { name: 'Ada', address: { city: 7 } }, items: [] }));
    expect(withoutParams(error.issues)).toEqual([
      { path: ['customer', 'address', 'city'], field: 'customer.address.city', message: 'Invalid input: expected string, received number', code: 'invalid_type' },
    ]);
  });

  it('keeps array indices as numbers and spells them in brackets', () => {
    const error = fromZodError(failParse(order, { customer: { name: 'Ada', address: { city: 'London' } }, items: [{ name: 'pen', quantity: 1 }, { quantity: 2 }] }));
    expect(withoutParams(error.issues)).toEqual([
      { path: ['items', 1, 'name'], field: 'items[1].name', message: 'Invalid input: expected string, received undefined', code: 'invalid_type' },
    ]);
  });

  it('gives one issue per zod issue, in zod order', () => {
    const schema = z.object({ name: z.string().min(2), age: z.int().positive(), tags: z.array(z.string()).max(1), email: z.email() });
    const error = fromZodError(failParse(schema, { name: 'A', age: -1, tags: ['a', 'b'], email: 'ada@' }));
    expect(withoutParams(error.issues)).toEqual([
      { path: ['name'], field: 'name', message: 'Too small: expected string to have >=2 characters', code: 'too_small' },
      { path: ['age'], field: 'age', message: 'Too small: expected number to be >0', code: 'too_small' },
      { path: ['tags'], field: 'tags', message: 'Too big: expected array to have <=1 items', code: 'too_big' },
      { path: ['email'], field: 'email', message: 'Invalid email address', code: 'invalid_format' },
    ]);
  });

  it('keeps the custom message of a refinement, with the code custom', () => {
    const signUp = z.object({ password: z.string(), confirm: z.string() }).refine((form) => form.password === form.confirm, { message: 'Passwords do not match', path: ['confirm'] });
    const error = fromZodError(failParse(signUp, { password: 'secret', confirm: 'secrte' }));
    expect(withoutParams(error.issues)).toEqual([{ path: ['confirm'], field: 'confirm', message: 'Passwords do not match', code: 'custom' }]);
  });

  it('reports an unrecognized key at the path of its object, without a field for the root', () => {
    const schema = z.strictObject({ name: z.string(), address: z.strictObject({ city: z.string() }) });
    const error = fromZodError(failParse(schema, { name: 'Ada', address: { city: 'London', zip: 'N1' }, admin: true }));
    expect(withoutParams(error.issues)).toEqual([
      { path: ['address'], field: 'address', message: 'Unrecognized key: "zip"', code: 'unrecognized_keys' },
      { path: [], message: 'Unrecognized key: "admin"', code: 'unrecognized_keys' },
    ]);
    expect(Object.keys(error.issues[1]!)).not.toContain('field');
  });

  it('keeps the facts a message is made of in params, for faultline/i18n, and nowhere else', () => {
    const error = fromZodError(failParse(z.object({ age: z.number().min(18) }), { age: 3 }));
    expect(Object.keys(error.issues[0]!).sort()).toEqual(['code', 'field', 'message', 'params', 'path']);
    expect(error.issues[0]!.params).toEqual({ origin: 'number', minimum: 18, inclusive: true });
    expect(error.extensions).toEqual({});
    expect(error.body).toBeUndefined();
  });

  it('gives each kind of zod issue the params its message needs', () => {
    const schema = z.object({
      name: z.string().min(3),
      tags: z.array(z.string()).max(2),
      email: z.email(),
      size: z.enum(['s', 'm']),
      step: z.number().multipleOf(5),
    }).strict();
    const error = fromZodError(failParse(schema, { name: 'ab', tags: ['a', 'b', 'c'], email: 'x', size: 'xl', step: 7, extra: 1 }));
    const byField = Object.fromEntries(error.issues.map((issue) => [issue.field ?? '(root)', issue.params]));
    expect(byField['name']).toEqual({ origin: 'string', minimum: 3, inclusive: true });
    expect(byField['tags']).toEqual({ origin: 'array', maximum: 2, inclusive: true });
    expect(byField['email']).toMatchObject({ format: 'email' });
    expect(byField['size']).toEqual({ values: ['s', 'm'] });
    expect(byField['step']).toMatchObject({ divisor: 5 });
    expect(byField['(root)']).toEqual({ keys: ['extra'] });
  });

  it('gives the limits of a date as ISO dates, where zod 4 and zod 3 give epoch milliseconds, and the time when it is not midnight UTC', () => {
    const schema = z.object({ from: z.date().min(new Date('2024-01-01')), until: z.date().max(new Date('2024-12-31T12:30:00Z')) });
    const error = fromZodError(failParse(schema, { from: new Date('2020-01-01'), until: new Date('2030-01-01') }));
    expect(error.issues.map((issue) => issue.params)).toEqual([
      { origin: 'date', minimum: '2024-01-01', inclusive: true },
      { origin: 'date', maximum: '2024-12-31T12:30:00.000Z', inclusive: true },
    ]);
    const zod3 = z3.z.object({ from: z3.z.date().min(new Date('2024-01-01')) }).safeParse({ from: new Date('2020-01-01') });
    expect(fromZodError(zod3.error!).issues[0]?.params).toMatchObject({ origin: 'date', minimum: '2024-01-01' });
    expect(JSON.parse(JSON.stringify(error.issues))).toEqual(error.issues);
  });

  it('spells keys that are not identifiers in quoted brackets, as zod does', () => {
    const error = fromZodError(failParse(z.object({ scores: z.record(z.string(), z.number()) }), { scores: { 'first round': 'x' } }));
    expect(withoutParams(error.issues)).toEqual([
      { path: ['scores', 'first round'], field: 'scores["first round"]', message: 'Invalid input: expected number, received string', code: 'invalid_type' },
    ]);
  });

  it('turns symbols in a path into strings', () => {
    const key = Symbol('meta');
    const schema = z.object({}).superRefine((_value, context) => {
      context.addIssue({ code: 'custom', message: 'Not allowed', path: [key, 'owner'] });
    });
    const error = fromZodError(failParse(schema, {}));
    expect(withoutParams(error.issues)).toEqual([{ path: ['Symbol(meta)', 'owner'], field: '["Symbol(meta)"].owner', message: 'Not allowed', code: 'custom' }]);
  });

  it('makes a validation error with status 400, the title Bad Request and dialect unknown', () => {
    const error = fromZodError(failParse(z.object({ name: z.string() }), {}));
    expect(error).toEqual({
      kind: 'validation',
      status: 400,
      title: 'Bad Request',
      issues: [{ path: ['name'], field: 'name', message: 'Invalid input: expected string, received undefined', code: 'invalid_type', params: { expected: 'string' } }],
      failures: [],
      retryable: false,
      dialect: 'unknown',
      extensions: {},
      body: undefined,
    });
    expect(Object.keys(error)).toEqual(['kind', 'status', 'title', 'issues', 'failures', 'retryable', 'dialect', 'extensions', 'body']);
  });

  it('takes a 422 status and a detail when asked, the kind staying validation', () => {
    const error = fromZodError(failParse(z.object({ name: z.string() }), {}), { status: 422, detail: 'Request failed validation' });
    expect(error).toMatchObject({ kind: 'validation', status: 422, title: 'Unprocessable Content', detail: 'Request failed validation', retryable: false });
  });

  it('refuses a status other than 400 or 422 with a RangeError that names the option', () => {
    const zodError = failParse(z.object({ name: z.string() }), {});
    for (const status of [500, 200, 404, 0, '422', null]) {
      expect(() => fromZodError(zodError, { status } as unknown as { status: 400 })).toThrow(new RangeError('fromZodError: options.status must be 400 or 422'));
    }
    expect(fromZodError(zodError, { status: undefined }).status).toBe(400);
  });

  it('lists the first 1,000 issues by default and says in the detail how many there were', () => {
    const tooMany = failParse(z.object({ list: z.array(z.number()) }), { list: Array.from({ length: 10_000 }, () => 'x') });
    const error = fromZodError(tooMany);
    expect(error.issues).toHaveLength(1000);
    expect(error.issues[999]!.path).toEqual(['list', 999]);
    expect(error.detail).toBe('10000 issues; the first 1000 are listed');
    expect(fromZodError(tooMany, { detail: 'Request failed validation' }).detail).toBe('Request failed validation (10000 issues; the first 1000 are listed)');
  });

  it('lists as many issues as maxIssues says, and leaves the detail alone when all are listed', () => {
    const three = failParse(z.object({ a: z.string(), b: z.string(), c: z.string() }), {});
    const error = fromZodError(three, { maxIssues: 2, detail: 'Request failed validation' });
    expect(error.issues.map((issue) => issue.field)).toEqual(['a', 'b']);
    expect(error.detail).toBe('Request failed validation (3 issues; the first 2 are listed)');
    expect(fromZodError(three, { maxIssues: 3 })).not.toHaveProperty('detail');
    // One listed: said in the singular.
    expect(fromZodError(three, { maxIssues: 1 }).detail).toBe('3 issues; the first is listed');
  });

  it('refuses a maxIssues that is no positive integer with a RangeError that names it', () => {
    const zodError = failParse(z.object({ name: z.string() }), {});
    for (const maxIssues of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '10', null]) {
      expect(() => fromZodError(zodError, { maxIssues } as { maxIssues: number })).toThrow(new RangeError('fromZodError: options.maxIssues must be a positive integer'));
    }
  });

  it("answers 10,000 bad items with a body faultline's client reads whole, its issues and all", async () => {
    const { buildError } = await import('../../src/server/index.ts');
    const { normalizeResponse } = await import('../../src/index.ts');
    const tooMany = failParse(z.object({ list: z.array(z.number()) }), { list: Array.from({ length: 10_000 }, () => 'x') });
    const built = buildError(fromZodError(tooMany, { detail: 'Request failed validation' }), { dialect: 'problem' });
    expect(built.body.length).toBeLessThan(1_048_576);
    const read = await normalizeResponse(new Response(built.body, { status: built.status, headers: built.headers }));
    expect(read.ok ? undefined : read.error).toMatchObject({ kind: 'validation', detail: 'Request failed validation (10000 issues; the first 1000 are listed)' });
    expect(read.ok ? 0 : read.error.issues.length).toBe(1000);
  });

  it('returns a frozen error that isApiError recognizes and structuredClone and JSON keep', () => {
    const error = fromZodError(failParse(order, { customer: {}, items: [{}] }));
    expect(isApiError(error)).toBe(true);
    expect(Object.isFrozen(error)).toBe(true);
    expect(Object.isFrozen(error.issues)).toBe(true);
    for (const issue of error.issues) {
      expect(Object.isFrozen(issue)).toBe(true);
      expect(Object.isFrozen(issue.path)).toBe(true);
    }
    expect(structuredClone(error)).toEqual(error);
    expect(JSON.parse(JSON.stringify(error))).toEqual(error);
    expect(error.issues).toHaveLength(4);
  });

  it('is typed as an ApiError of the validation kind', () => {
    const error = fromZodError(failParse(z.string(), 1));
    expectTypeOf(error).toEqualTypeOf<ApiErrorOf<'validation'>>();
    expectTypeOf(error).toExtend<ApiError>();
    expectTypeOf(error.kind).toEqualTypeOf<'validation'>();
    expectTypeOf(error.issues).toEqualTypeOf<readonly Issue[]>();
  });

  it('accepts an error of zod/mini, whose class is not ZodError', () => {
    const result = zm.safeParse(zm.object({ name: zm.string() }), { name: 1 });
    expect(result.error).toBeDefined();
    expect(result.error instanceof z.ZodError).toBe(false);
    expect(withoutParams(fromZodError(result.error!).issues)).toEqual([{ path: ['name'], field: 'name', message: 'Invalid input: expected string, received number', code: 'invalid_type' }]);
  });

  it('accepts an error of another zod copy, here zod 3, by its shape', () => {
    const result = z3.z.object({ items: z3.z.array(z3.z.string()) }).safeParse({ items: ['a', 2] });
    expect(result.success).toBe(false);
    expect(withoutParams(fromZodError(result.error!).issues)).toEqual([{ path: ['items', 1], field: 'items[1]', message: 'Expected string, received number', code: 'invalid_type' }]);
  });

  it('gives a zod 3 issue the params of zod 4 names, so that faultline/i18n finds them (zod 3 says type and multipleOf)', () => {
    const result = z3.z.object({ name: z3.z.string().min(3), tags: z3.z.array(z3.z.string()).max(1), step: z3.z.number().multipleOf(5) }).safeParse({ name: 'A', tags: ['a', 'b'], step: 7 });
    const byField = Object.fromEntries(fromZodError(result.error!).issues.map((issue) => [issue.field, issue.params]));
    expect(byField['name']).toMatchObject({ origin: 'string', minimum: 3, inclusive: true });
    expect(byField['tags']).toMatchObject({ origin: 'array', maximum: 1, inclusive: true });
    expect(byField['step']).toMatchObject({ divisor: 5 });
  });

  it('accepts a Standard Schema failure whose path segments are objects', () => {
    const failure = { issues: [{ message: 'Required', path: [{ key: 'items' }, { key: 0 }] }, { message: 'Invalid body' }] };
    expect(withoutParams(fromZodError(failure).issues)).toEqual([
      { path: ['items', 0], field: 'items[0]', message: 'Required' },
      { path: [], message: 'Invalid body' },
    ]);
  });

  it("gives the issues of a record's key in place of zod 4's invalid_key, at the key's path, as zod's treeifyError does", () => {
    const schema = z.object({ scores: z.record(z.string().min(3), z.number()) });
    const error = fromZodError(failParse(schema, { scores: { ab: 1 } }));
    expect(error.issues).toEqual([
      { path: ['scores', 'ab'], field: 'scores.ab', message: 'Too small: expected string to have >=3 characters', code: 'too_small', params: { origin: 'string', minimum: 3, inclusive: true } },
    ]);
  });

  it("gives the issues of a map's keys and values in place of invalid_key and invalid_element, at the map when a key is an object", () => {
    const schema = z.object({ prices: z.map(z.object({ id: z.number() }), z.string().min(3)) });
    const error = fromZodError(failParse(schema, { prices: new Map<unknown, unknown>([[{ id: 1 }, 'a'], [{ id: 'x' }, 'abcd']]) }));
    expect(withoutParams(error.issues)).toEqual([
      { path: ['prices'], field: 'prices', message: 'Too small: expected string to have >=3 characters', code: 'too_small' },
      { path: ['prices', 'id'], field: 'prices.id', message: 'Invalid input: expected number, received string', code: 'invalid_type' },
    ]);
  });

  it("puts a map element's key that is a string or a number in the path", () => {
    // As zod 4 wrote a map's invalid value before 4.1, with the key beside the nested issues.
    const wrapper = { code: 'invalid_element', origin: 'map', key: 'pen', path: ['prices'], message: 'Invalid value in map', issues: [{ code: 'too_small', origin: 'number', minimum: 1, inclusive: true, path: [], message: 'Too small' }] };
    expect(withoutParams(fromZodError({ issues: [wrapper] }).issues)).toEqual([{ path: ['prices', 'pen'], field: 'prices.pen', message: 'Too small', code: 'too_small' }]);
  });

  it('keeps an invalid_union as one issue, its branches contradicting each other', () => {
    const error = fromZodError(failParse(z.object({ id: z.union([z.string(), z.number()]) }), { id: true }));
    expect(withoutParams(error.issues)).toEqual([{ path: ['id'], field: 'id', message: 'Invalid input', code: 'invalid_union' }]);
  });

  it('keeps a wrapper that holds no issues, and opens a wrapper that holds itself once', () => {
    const empty = { code: 'invalid_key', path: ['a'], message: 'Invalid key', issues: [] };
    expect(withoutParams(fromZodError({ issues: [empty] }).issues)).toEqual([
      { path: ['a'], field: 'a', message: 'Invalid key', code: 'invalid_key' },
    ]);
    const wrapper = { code: 'invalid_key', path: ['a'], message: 'Invalid key', issues: [] as unknown[] };
    wrapper.issues.push(wrapper, { path: ['b'], message: 'Required' });
    expect(fromZodError({ issues: [wrapper] } as z.ZodError).issues.map((issue) => issue.message)).toEqual(['Invalid key', 'Required']);
  });

  it("accepts valibot's issues as they are, without a cast: a path item's key is any value", () => {
    const result = v.safeParse(v.object({ name: v.pipe(v.string(), v.minLength(3)), prices: v.map(v.string(), v.number()) }), { name: 'Al', prices: new Map([['pen', 'x']]) });
    expect(result.success).toBe(false);
    if (result.success) return;
    // Type-checked (tsc over test/): with the key typed `PropertyKey`, tsc refused both lines.
    const issues: ZodErrorLike['issues'] = result.issues;
    expect(fromZodError({ issues }).issues).toEqual(fromZodError({ issues: result.issues }).issues);
    expect(fromZodError({ issues: result.issues }).issues.map((issue) => issue.path)).toEqual([['name'], ['prices', 'pen']]);
  });

  it('throws a TypeError that names what it expected for anything but a zod error', () => {
    const inputs: unknown[] = [null, undefined, 'Invalid input', 42, {}, [], new Error('boom'), { issues: 'none' }];
    for (const input of inputs) {
      expect(() => fromZodError(input as z.ZodError)).toThrow(TypeError);
      expect(() => fromZodError(input as z.ZodError)).toThrow(/fromZodError expects a zod error \(an object with an `issues` array\)/);
    }
    expect(() => fromZodError({ issues: [{ path: ['name'] }] } as unknown as z.ZodError)).toThrow(new TypeError('fromZodError: issue 0 has no string `message`; expected a zod issue'));
  });
});

describe('fromZodError on input that is no zod error', () => {
  /** `fromZodError` of anything, as JavaScript may call it. */
  const fromAnything = (input: unknown): ApiError => fromZodError(input as z.ZodError);
  const unreadable = (position: number): TypeError => new TypeError(`fromZodError: issue ${position} cannot be read; expected a zod issue`);

  it('throws a TypeError naming the issue that a getter or a Proxy trap will not let it read', () => {
    const throwing = (): never => {
      throw new Error('boom');
    };
    const inputs: unknown[] = [
      { issues: [{ message: 'ok' }, { get message() { return throwing(); } }] },
      { issues: [{ message: 'ok' }, { message: 'm', get path() { return throwing(); } }] },
      { issues: [{ message: 'ok' }, { message: 'm', code: 'too_small', get minimum() { return throwing(); } }] },
      { issues: [{ message: 'ok' }, new Proxy({}, { get: throwing })] },
      { issues: [{ message: 'ok' }, { message: 'm', path: [{ get key() { return throwing(); } }] }] },
    ];
    for (const input of inputs) expect(() => fromAnything(input)).toThrow(unreadable(1));
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => fromAnything({ issues: [proxy] })).toThrow(unreadable(0));
  });

  it("throws a TypeError naming an issue whose path is text, as TypeBox's and Elysia's are, which put it on no field", () => {
    // Elysia's `error.all` (TypeBox's ValueError) spells the path as a pointer: `/name`.
    let thrown: unknown;
    try {
      fromAnything({ issues: [{ message: 'ok', path: ['a'] }, { message: 'Expected string', path: '/name' }] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toEqual(unreadable(1));
    expect((thrown as Error).cause).toEqual(new TypeError('its path is no list of keys'));
    // An issue of no path (a Standard Schema issue may have none) is the object's, as before.
    expect(fromAnything({ issues: [{ message: 'Too many items' }] }).issues).toMatchObject([{ path: [], message: 'Too many items' }]);
  });

  it('throws the TypeError of a zod error expected for an error whose issues cannot be read', () => {
    const revocable = Proxy.revocable([], {});
    revocable.revoke();
    const inputs: unknown[] = [
      { get issues() { throw new Error('getter'); } },
      new Proxy({}, { get() { throw new Error('trap'); } }),
      { issues: revocable.proxy },
    ];
    for (const input of inputs) expect(() => fromAnything(input)).toThrow(new TypeError('fromZodError expects a zod error (an object with an `issues` array); received an object whose `issues` cannot be read'));
  });

  it('reads an issues list through its indices, so that a Proxy that traps map is read', () => {
    const issues = new Proxy([{ message: 'Required', path: ['a'] }], { get: (target, key) => (key === 'map' ? undefined : Reflect.get(target, key)) });
    expect(fromAnything({ issues }).issues).toEqual([{ path: ['a'], field: 'a', message: 'Required' }]);
  });

  it('reads a hole in a sparse issues list as an issue without a message', () => {
    expect(() => fromAnything({ issues: [, { message: 'x' }] })).toThrow(new TypeError('fromZodError: issue 0 has no string `message`; expected a zod issue'));
  });

  it('keeps a number in a path as an index only when it is an integer of 0 or more, other numbers as keys in text', () => {
    const error = fromAnything({ issues: [{ message: 'm', path: ['prices', 1.5] }, { message: 'm', path: ['prices', -1] }, { message: 'm', path: [Number.NaN] }, { message: 'm', path: ['items', 0] }] });
    expect(error.issues.map((issue) => [issue.path, issue.field])).toEqual([
      [['prices', '1.5'], 'prices["1.5"]'],
      [['prices', '-1'], 'prices["-1"]'],
      [['NaN'], 'NaN'],
      [['items', 0], 'items[0]'],
    ]);
    // The model's schema takes every path: indices are integers.
    expect(apiErrorSchema.safeParse(error).success).toBe(true);
  });

  it('ends a path at a segment no path can name: an object as a key, a `{ key }` segment without one', () => {
    const error = fromAnything({
      issues: [
        { message: 'm', path: ['prices', { key: Object.create(null) }, 'amount'] },
        { message: 'm', path: ['prices', { key: { id: 1 } }] },
        { message: 'm', path: ['a', { toString: () => 'b' }] },
      ],
    });
    expect(error.issues.map((issue) => issue.path)).toEqual([['prices'], ['prices'], ['a']]);
  });
});

describe('fromZodError on errors that would make an answer too long to read', () => {
  /** The dialects faultline/server writes; `undefined` is its default. */
  const dialects = ['problem', 'status-message', 'plain', 'envelope', undefined] as const;

  /** What a client reads of `error` built in `dialect`: the body's UTF-8 bytes and the error normalizeResponse makes of it. */
  async function sendAndRead(error: ApiError, dialect: (typeof dialects)[number]): Promise<{ bytes: number; read: ApiError | undefined }> {
    const { buildError } = await import('../../src/server/index.ts');
    const { normalizeResponse } = await import('../../src/index.ts');
    const built = buildError(error, dialect === undefined ? {} : { dialect });
    const result = await normalizeResponse(new Response(built.body, { status: built.status, headers: built.headers }));
    return { bytes: new TextEncoder().encode(built.body).length, read: result.ok ? undefined : result.error };
  }

  /** A schema nested `depth` levels under `child`, with a list of numbers at every level. */
  const nested: z.ZodType = z.object({ child: z.lazy(() => nested).optional(), items: z.array(z.number()).optional() });
  /** 1,000 bad items 250 levels deep: a request of 7 KB whose issues each have a path of 252 keys. */
  const deepInput = (): unknown => {
    let input: unknown = { items: Array.from({ length: 1000 }, () => 'x') };
    for (let level = 0; level < 250; level++) input = { child: input };
    return input;
  };

  it("keeps the first 64 keys of a path, the model's most, and spells the field of them, as readers cut a path they read", async () => {
    const error = fromZodError(failParse(nested, deepInput()), { maxIssues: 3 });
    const path = Array.from({ length: 64 }, () => 'child');
    expect(error.issues.map((issue) => issue.path)).toEqual([path, path, path]);
    expect(error.issues[0]!.field).toBe(path.join('.'));
    for (const dialect of dialects) expect((await sendAndRead(error, dialect)).read?.issues.map((issue) => issue.path)).toEqual([path, path, path]);
  });

  it('cuts a message at 1,000 characters, with an ellipsis, and never between the halves of a surrogate pair', () => {
    const long = (message: string): string => fromZodError({ issues: [{ message }] }).issues[0]!.message;
    expect(long('a'.repeat(1000))).toBe('a'.repeat(1000));
    expect(long('a'.repeat(1001))).toBe(`${'a'.repeat(999)}…`);
    // '😀' is two UTF-16 code units: cut after 999 units, its first half would be last.
    const emoji = long(`${'a'.repeat(998)}😀😀`);
    expect(emoji).toBe(`${'a'.repeat(998)}…`);
    expect(long(`${'a'.repeat(997)}😀😀`)).toBe(`${'a'.repeat(997)}😀…`);
  });

  it('stops listing issues once their paths and messages pass 256 KiB, and says in the detail how many there were', () => {
    const error = fromZodError(failParse(nested, deepInput()), { detail: 'Request failed validation' });
    expect(error.issues.length).toBeGreaterThan(100);
    expect(error.issues.length).toBeLessThan(1000);
    expect(error.detail).toBe(`Request failed validation (1000 issues; the first ${error.issues.length} are listed)`);
    expect(new TextEncoder().encode(JSON.stringify(error.issues.map(({ path, field, message, code }) => [path, field, message, code]))).length).toBeLessThanOrEqual(256 * 1024);
    // The first issue is listed whatever its size.
    expect(fromZodError({ issues: [{ message: 'x'.repeat(1000), path: Array.from({ length: 64 }, () => '~'.repeat(1024)) }] }).issues).toHaveLength(1);
  });

  it('answers a deep recursive schema, 60,000 unknown keys and 64 keys of 1,024 characters under 1 MiB in every dialect, read back with their issues', async () => {
    const unknownKeys = Object.fromEntries(Array.from({ length: 60_000 }, (_, index) => [`key${index}`, 1]));
    // 64 levels of keys of 1,024 `~` (a pointer spells each `~0`), 1,000 bad values at the bottom.
    let longKeys: z.ZodType = z.record(z.string(), z.number());
    let longInput: unknown = Object.fromEntries(Array.from({ length: 1000 }, (_, index) => [`k${index}`, 'x']));
    for (let level = 0; level < 64; level++) {
      const key = `${'~'.repeat(1020)}${String(level).padStart(4, '0')}`;
      longKeys = z.object({ [key]: longKeys });
      longInput = { [key]: longInput };
    }
    const errors = {
      deep: fromZodError(failParse(nested, deepInput())),
      unknownKeys: fromZodError(failParse(z.strictObject({}), unknownKeys)),
      longKeys: fromZodError(failParse(longKeys, longInput)),
    };
    expect(errors.unknownKeys.issues[0]!.message).toHaveLength(1000);
    for (const [name, error] of Object.entries(errors)) {
      for (const dialect of dialects) {
        const { bytes, read } = await sendAndRead(error, dialect);
        console.log(`${name} in ${dialect ?? 'the default'} dialect: ${bytes} bytes, ${read?.issues.length} issues`);
        expect(bytes, `${name} in ${dialect}`).toBeLessThan(1_048_576);
        expect(read, `${name} in ${dialect}`).toMatchObject({ kind: 'validation' });
        expect(read?.issues.map((issue) => issue.message), `${name} in ${dialect}`).toEqual(error.issues.map((issue) => issue.message));
      }
    }
  });

  it('leaves out a list param longer than a message may be, so that faultline/i18n makes no longer message of it', () => {
    const unknownKeys = Object.fromEntries(Array.from({ length: 60_000 }, (_, index) => [`key${index}`, 1]));
    expect(fromZodError(failParse(z.strictObject({}), unknownKeys)).issues[0]).not.toHaveProperty('params');
    expect(fromZodError(failParse(z.strictObject({}), { a: 1, b: 2 })).issues[0]!.params).toEqual({ keys: ['a', 'b'] });
  });
});

describe('fromZodError on codes', () => {
  it('keeps a numeric code as its text, as the model holds codes', () => {
    expect(fromZodError({ issues: [{ message: 'Name is required', path: ['name'], code: 1001 }] }).issues[0]!.code).toBe('1001');
    expect(fromZodError({ issues: [{ message: 'm', code: Number.NaN }] }).issues[0]).not.toHaveProperty('code');
  });

  it("gives zod 3's invalid_date and invalid_union_discriminator under zod 4's names, with zod 4's params", () => {
    const date = fromZodError(z3.z.object({ at: z3.z.date() }).safeParse({ at: new Date('x') }).error!).issues[0];
    expect(date).toEqual({ path: ['at'], field: 'at', message: 'Invalid date', code: 'invalid_type', params: { expected: 'date' } });
    expect(fromZodError(failParse(z.object({ at: z.date() }), { at: new Date('x') })).issues[0]).toMatchObject({ code: 'invalid_type', params: { expected: 'date' } });
    const union = z3.z.discriminatedUnion('type', [z3.z.object({ type: z3.z.literal('a') }), z3.z.object({ type: z3.z.literal('b') })]);
    const discriminator = fromZodError(union.safeParse({ type: 'c' }).error!).issues[0];
    expect(discriminator).toEqual({ path: ['type'], field: 'type', message: "Invalid discriminator value. Expected 'a' | 'b'", code: 'invalid_union' });
    const zod4 = z.discriminatedUnion('type', [z.object({ type: z.literal('a') }), z.object({ type: z.literal('b') })]);
    expect(fromZodError(failParse(zod4, { type: 'c' })).issues[0]).toMatchObject({ path: ['type'], code: 'invalid_union' });
    expect(fromZodError(failParse(zod4, { type: 'c' })).issues[0]).not.toHaveProperty('params');
  });
});
