/**
 * DESIGN.md "Pattern matching": `ApiError` is a discriminated union on `kind`, so ts-pattern's
 * `exhaustive()` is checked by the compiler and narrowing gives each variant its fields.
 * These assertions are type-checked by `tsc --noEmit -p tsconfig.json` and run as tests.
 */
import { match, P } from 'ts-pattern';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createNormalizer, errorKinds, normalize, type ApiError, type ApiErrorOf, type ApiResult, type ApiSuccess, type Dialect, type DialectId, type DialectParser, type ErrorKind, type HalLink } from '../src/index.ts';
import { buildOk, createError, processBatch } from '../src/server/index.ts';
import { createClient } from '../src/fetch/index.ts';
import { createLocalizer } from '../src/i18n/index.ts';
import * as z from 'zod';
import { readLocale } from './i18n/locale-files.ts';

/** A minimal error of a kind, as another copy of faultline or a test double would make it. */
function createErrorOf<K extends ErrorKind>(kind: K, status?: number): ApiError {
  const error = { kind, title: `A ${kind} error`, issues: [], failures: [], retryable: false, dialect: 'unknown', extensions: {}, body: undefined };
  return (status === undefined ? error : { ...error, status }) as ApiError;
}

/** Every kind handled: `exhaustive()` compiles. */
function toLabel(error: ApiError): string {
  return match(error)
    .with({ kind: 'bad_request' }, () => 'bad request')
    .with({ kind: 'validation' }, (validation) => `validation: ${validation.issues.length} issues`)
    .with({ kind: 'unauthenticated' }, () => 'sign in')
    .with({ kind: 'forbidden' }, () => 'forbidden')
    .with({ kind: 'not_found' }, () => 'not found')
    .with({ kind: 'method_not_allowed' }, () => 'method not allowed')
    .with({ kind: 'conflict' }, () => 'conflict')
    .with({ kind: 'payload_too_large' }, () => 'too large')
    .with({ kind: 'unprocessable' }, () => 'unprocessable')
    .with({ kind: 'rate_limited' }, (limited) => `rate limited with status ${limited.status}`)
    .with({ kind: 'server' }, () => 'server')
    .with({ kind: 'not_implemented' }, () => 'not implemented')
    .with({ kind: 'unavailable' }, () => 'unavailable')
    .with({ kind: 'timeout' }, () => 'timeout')
    .with({ kind: 'network' }, () => 'network')
    .with({ kind: 'aborted' }, () => 'aborted')
    .with({ kind: 'invalid_response' }, () => 'invalid response')
    .with({ kind: 'unknown' }, () => 'unknown')
    .exhaustive();
}

/** `unknown` left out: `exhaustive()` must not compile. */
function toLabelMissingOneKind(error: ApiError): string {
  const matcher = match(error)
    .with({ kind: 'bad_request' }, () => 'bad request')
    .with({ kind: 'validation' }, () => 'validation')
    .with({ kind: 'unauthenticated' }, () => 'sign in')
    .with({ kind: 'forbidden' }, () => 'forbidden')
    .with({ kind: 'not_found' }, () => 'not found')
    .with({ kind: 'method_not_allowed' }, () => 'method not allowed')
    .with({ kind: 'conflict' }, () => 'conflict')
    .with({ kind: 'payload_too_large' }, () => 'too large')
    .with({ kind: 'unprocessable' }, () => 'unprocessable')
    .with({ kind: 'rate_limited' }, () => 'rate limited')
    .with({ kind: 'server' }, () => 'server')
    .with({ kind: 'not_implemented' }, () => 'not implemented')
    .with({ kind: 'unavailable' }, () => 'unavailable')
    .with({ kind: 'timeout' }, () => 'timeout')
    .with({ kind: 'network' }, () => 'network')
    .with({ kind: 'aborted' }, () => 'aborted')
    .with({ kind: 'invalid_response' }, () => 'invalid response');
  // @ts-expect-error -- the kind 'unknown' is not handled, so the match is not exhaustive.
  return matcher.exhaustive();
}

/** The same check without ts-pattern: a `switch` whose default only `never` reaches. */
function toRetryAdvice(error: ApiError): string {
  switch (error.kind) {
    case 'rate_limited':
    case 'unavailable':
    case 'timeout':
    case 'network':
    case 'server':
      return 'retry';
    case 'bad_request':
    case 'validation':
    case 'unauthenticated':
    case 'forbidden':
    case 'not_found':
    case 'method_not_allowed':
    case 'conflict':
    case 'payload_too_large':
    case 'unprocessable':
    case 'not_implemented':
    case 'aborted':
    case 'invalid_response':
    case 'unknown':
      return 'do not retry';
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}

describe('ts-pattern over ApiError', () => {
  it('matches every kind exhaustively, at compile time and at run time', () => {
    const labels = errorKinds.map((kind) => toLabel(createErrorOf(kind, kind === 'rate_limited' ? 429 : undefined)));
    expect(new Set(labels).size).toBe(errorKinds.length);
    expect(toLabel(createErrorOf('rate_limited', 429))).toBe('rate limited with status 429');
  });

  it('refuses to compile a match that misses one kind, and still runs for the kinds it handles', () => {
    expect(toLabelMissingOneKind(createErrorOf('not_found', 404))).toBe('not found');
  });

  it('narrows a switch on kind down to never', () => {
    expect(errorKinds.map((kind) => toRetryAdvice(createErrorOf(kind)))).toContain('retry');
  });

  it('lists every ErrorKind once in errorKinds', () => {
    expectTypeOf(errorKinds).toEqualTypeOf<readonly ErrorKind[]>();
    expectTypeOf<ApiError['kind']>().toEqualTypeOf<ErrorKind>();
    expect(new Set(errorKinds).size).toBe(errorKinds.length);
    expect(errorKinds).toHaveLength(18);
  });

  it('narrows kind rate_limited to status: number', () => {
    const result = normalize({ status: 429, headers: { 'retry-after': '3' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { error } = result;
    expectTypeOf(error.status).toEqualTypeOf<number | undefined>();
    if (error.kind === 'rate_limited') {
      expectTypeOf(error).toEqualTypeOf<ApiErrorOf<'rate_limited'>>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
      expect(error.status).toBe(429);
    } else {
      expect.unreachable(`kind ${error.kind} for a 429`);
    }
    const status = match(error)
      .with({ kind: 'rate_limited' }, (limited) => {
        expectTypeOf(limited.kind).toEqualTypeOf<'rate_limited'>();
        expectTypeOf(limited.status).toEqualTypeOf<number>();
        expectTypeOf(limited.retryAfterMs).toEqualTypeOf<number | undefined>();
        return limited.status;
      })
      .otherwise(() => 0);
    expect(status).toBe(429);
  });

  it('narrows the other kinds to their own fields', () => {
    expectTypeOf<ApiErrorOf<'not_found'>['status']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ApiErrorOf<'aborted'>['status']>().toEqualTypeOf<undefined>();
    expectTypeOf<Extract<ApiError, { kind: 'validation' }>>().toEqualTypeOf<ApiErrorOf<'validation'>>();
    const kind = match(createErrorOf('timeout'))
      .with({ kind: P.union('timeout', 'network') }, (transient) => {
        expectTypeOf(transient.kind).toEqualTypeOf<'timeout' | 'network'>();
        return transient.kind;
      })
      .otherwise(() => 'other');
    expect(kind).toBe('timeout');
  });
});

describe('ApiResult narrows on ok', () => {
  interface User {
    readonly id: number;
    readonly name: string;
  }

  it('gives value on ok: true and error on ok: false', () => {
    const result = normalize<User>({ status: 200, body: { id: 1, name: 'Ada' } });
    expectTypeOf(result).toEqualTypeOf<ApiResult<User>>();
    // Before `ok` is known, `value` may be absent (as zod's `safeParse` types `data`): declared
    // `undefined` on a failure, so that narrowing works without `strictNullChecks` too.
    expectTypeOf(result.value).toEqualTypeOf<ApiSuccess<User> | undefined>();
    if (result.ok) {
      expectTypeOf(result.value).toEqualTypeOf<ApiSuccess<User>>();
      expectTypeOf(result.value.data).toEqualTypeOf<User>();
      expectTypeOf(result.error).toEqualTypeOf<undefined>();
      expect(result.value.data.name).toBe('Ada');
    } else {
      expectTypeOf(result.error).toEqualTypeOf<ApiError>();
      expect.unreachable(`an error of kind ${result.error.kind}`);
    }
  });

  it('narrows through ts-pattern with exhaustive() over ok', () => {
    const describeResult = (result: ApiResult<User>): string =>
      match(result)
        .with({ ok: true }, ({ value }) => {
          expectTypeOf(value).toEqualTypeOf<ApiSuccess<User>>();
          return `user ${value.data.name}`;
        })
        .with({ ok: false, error: { kind: 'not_found' } }, ({ error }) => {
          expectTypeOf(error.kind).toEqualTypeOf<'not_found'>();
          return 'no such user';
        })
        .with({ ok: false }, ({ error }) => {
          expectTypeOf(error).toEqualTypeOf<ApiError>();
          return `failed: ${error.kind}`;
        })
        .exhaustive();
    expect(describeResult(normalize<User>({ status: 200, body: { id: 1, name: 'Ada' } }))).toBe('user Ada');
    expect(describeResult(normalize<User>({ status: 404 }))).toBe('no such user');
    expect(describeResult(normalize<User>({ status: 503 }))).toBe('failed: unavailable');
  });
});

describe('ApiSuccess as DESIGN.md writes it', () => {
  it('gives links and batch indices that DESIGN.md\'s own types accept', () => {
    const result = normalize({ status: 200, headers: { 'content-type': 'application/hal+json' }, body: { id: 1, _links: { self: { href: '/orders/1' }, item: [{ href: '/items/1' }] } } });
    if (!result.ok) return expect.unreachable(result.error.kind);
    // DESIGN.md: `links?: Record<string, HalLink | HalLink[]>`, `batch?: { validItems?: number[]; invalidItems?: number[] }`.
    const links: Record<string, HalLink | HalLink[]> | undefined = result.value.links;
    const batch: { receivedItemsCount?: number; validItems?: number[]; invalidItems?: number[] } | undefined = result.value.batch;
    expect(links).toEqual({ self: { href: '/orders/1' }, item: [{ href: '/items/1' }] });
    expect(batch).toBeUndefined();
  });
});

describe('inputs take read-only lists, as they did', () => {
  it('lets a custom dialect give read-only link lists and buildOk take read-only batch indices', () => {
    const items: readonly HalLink[] = [{ href: '/items/1' }];
    const dialect: DialectParser = { id: 'acme', mediaTypes: [], detect: () => true, parse: () => ({ ok: true, data: {}, links: { item: items } }) };
    const validItems: readonly number[] = [0, 2];
    const built = buildOk([{ id: 1 }], { dialect: 'envelope', batch: { receivedItemsCount: 3, validItems, invalidItems: [1] } });
    expect(JSON.parse(built.body)).toMatchObject({ metadata: { receivedItemsCount: 3, validItems: [0, 2], invalidItems: [1] } });
    expect(createNormalizer({ dialects: [dialect] })({ status: 200, body: {} })).toMatchObject({ ok: true, value: { links: { item: [{ href: '/items/1' }] } } });
  });
});


describe("a custom dialect's id", () => {
  it("is a `dialect` an error and a success can be compared with, as README's `acme` shows", () => {
    const acme: DialectParser = { id: 'acme', mediaTypes: [], detect: (body) => typeof body === 'object' && body !== null && 'failed' in body, parse: (body) => ((body as { failed: unknown }).failed ? { ok: false, detail: 'quota' } : { ok: true, data: body }) };
    const read = createNormalizer({ dialects: [acme] });
    const failed = read({ status: 400, body: { failed: true } });
    const succeeded = read({ status: 200, body: { failed: false } });
    // Each comparison compiles only while `dialect` admits ids beyond the built-in ones.
    expect(!failed.ok && failed.error.dialect === 'acme').toBe(true);
    expect(succeeded.ok && succeeded.value.dialect === 'acme').toBe(true);
    expectTypeOf<ApiError['dialect']>().toEqualTypeOf<DialectId>();
    // The built-in ids still complete and check: a `Dialect` is a `DialectId`.
    expectTypeOf<Dialect>().toExtend<DialectId>();
  });
});

describe('inputs under exactOptionalPropertyTypes (this project compiles with it)', () => {
  interface Row {
    readonly field: string | undefined;
    readonly message: string;
    readonly code: string | undefined;
  }
  const rows: readonly Row[] = [
    { field: 'email', message: 'is invalid', code: undefined },
    { field: undefined, message: 'Too many items', code: 'too_big' },
  ];

  it('take an optional member given as undefined, and the model keeps it absent', () => {
    // Each of these was a TS2322 "with 'exactOptionalPropertyTypes: true'" where the model's types were the inputs.
    const error = createError({ kind: 'validation', issues: rows.map((row) => ({ path: [], field: row.field, message: row.message, code: row.code })), rateLimit: { limit: undefined, remaining: 0 } });
    expect(error.issues).toEqual([{ path: [], field: 'email', message: 'is invalid' }, { path: [], message: 'Too many items', code: 'too_big' }]);
    expect(Object.keys(error.issues[0]!)).not.toContain('code');
    expect(error.rateLimit).toEqual({ remaining: 0 });
    expect(Object.keys(error.rateLimit!)).toEqual(['remaining']);
    const built = buildOk([1], { dialect: 'envelope', page: { page: 1, pagesCount: undefined } });
    expect(JSON.parse(built.body)).toEqual({ result: 'success', items: [1], metadata: { page: 1 } });
  });

  it('take a validator that gives issues with undefined members, and a save that gives a read-only list', async () => {
    const saved: readonly { id: number }[] = [{ id: 1 }];
    const outcome = await processBatch([{ email: 'x' }], { validate: () => rows.map((row) => ({ path: [], field: row.field, message: row.message })), save: async () => saved });
    expect(outcome).toMatchObject({ ok: false, error: { failures: [{ index: 0, issues: [{ field: 'email' }, { message: 'Too many items' }] }] } });
  });
});

describe('kinds kept in the types', () => {
  it('types createError by the kind it is given, and localize by the error it is given', () => {
    const notFound = createError({ kind: 'not_found', detail: 'No campaign 7' });
    expectTypeOf(notFound).toEqualTypeOf<ApiErrorOf<'not_found'>>();
    const limited = createError({ kind: 'rate_limited', retryAfterMs: 1_000 });
    // A rate-limited error always has a status, as ApiErrorOf<'rate_limited'> says.
    expectTypeOf(limited.status).toEqualTypeOf<number>();
    expect(limited.status).toBe(429);
    const kind = 'conflict' as ErrorKind;
    expectTypeOf(createError({ kind })).toEqualTypeOf<ApiError>();
    expectTypeOf(createError({ status: 404 })).toEqualTypeOf<ApiError>();
    const german = createLocalizer({ resources: { en: readLocale('en'), de: readLocale('de') } }).localize(notFound, 'de');
    expectTypeOf(german).toEqualTypeOf<ApiErrorOf<'not_found'>>();
    expect(german).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it("types the items paginate's next is given: T's, or what the item schema takes in", async () => {
    const api = createClient({ baseUrl: 'https://api.example.com', fetch: () => Promise.resolve(new Response('[{"id":"cus_1"}]', { headers: { 'content-type': 'application/json' } })) });
    const seen: string[] = [];
    const typed = api.paginate<{ id: string }>('/v1/customers', {
      next: (_page, items) => {
        expectTypeOf(items).toEqualTypeOf<readonly { id: string }[]>();
        seen.push(...items.map((item) => item.id));
        return undefined;
      },
    });
    for await (const customer of typed) expectTypeOf(customer).toEqualTypeOf<{ id: string }>();
    const checked = api.paginate('/v1/customers', {
      schema: z.object({ id: z.string().transform((id) => id.length) }),
      next: (_page, items) => {
        expectTypeOf(items).toEqualTypeOf<readonly { id: string }[]>();
        return undefined;
      },
    });
    for await (const customer of checked) expect(customer).toEqual({ id: 5 });
    expect(seen).toEqual(['cus_1']);
  });

  it('takes a schema that may be undefined, typing the data unknown', async () => {
    const api = createClient({ baseUrl: 'https://api.example.com', fetch: () => Promise.resolve(new Response('{"id":1}', { headers: { 'content-type': 'application/json' } })) });
    const maybe = Math.random() > 2 ? z.object({ id: z.number() }) : undefined;
    const result = await api.get('/items/1', { schema: maybe });
    expectTypeOf(result).toEqualTypeOf<ApiResult<unknown>>();
    expect(result).toMatchObject({ ok: true, value: { data: { id: 1 } } });
  });
});
