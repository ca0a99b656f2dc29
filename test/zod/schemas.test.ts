// The zod schemas against the seed fixtures of their dialect (test/fixtures/<dialect>/), against
// bodies with members of the wrong type, and against the model that `normalize` returns.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import { createNormalizer, errorKinds, normalize, plainDialect, type DialectParser } from '../../src/index.ts';
import type { ErrorKind } from '../../src/index.ts';
import {
  apiErrorSchema,
  chunkOf,
  chunkSchema,
  envelopeErrorObjectSchema,
  envelopeMetadataSchema,
  envelopeSchema,
  fromZodError,
  halLinkSchema,
  halSchema,
  issueSchema,
  plainErrorSchema,
  problemErrorSchema,
  problemSchema,
  statusMessageSchema,
  toJsonSchema,
  type JsonSchema,
} from '../../src/zod/index.ts';
import { buildError, buildOk, createError } from '../../src/server/index.ts';

interface Fixture {
  readonly name: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

const fixturesDirectory = new URL('../fixtures/', import.meta.url);

/** The fixtures of one dialect folder, each named by its file. */
function readFixtures(dialect: string): Fixture[] {
  const directory = new URL(`${dialect}/`, fixturesDirectory);
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, ...(JSON.parse(readFileSync(new URL(name, directory), 'utf8')) as Omit<Fixture, 'name'>) }));
}

const isObjectBody = (fixture: Fixture): boolean => typeof fixture.body === 'object' && fixture.body !== null;
const isError = (fixture: Fixture): boolean => fixture.status >= 400;

const problemFixtures = readFixtures('problem');
const statusMessageFixtures = readFixtures('status-message');
const plainFixtures = readFixtures('plain');
const envelopeFixtures = readFixtures('envelope');

// Which fixtures each schema describes. Bodies that are text (HTML from a gateway, an empty HEAD
// or 204 answer) and 2xx JSON "as is" (seeds 000 and 002) have no schema of their own.
const problemErrors = problemFixtures.filter(isError);
const halBodies = problemFixtures.filter((fixture) => !isError(fixture) && isObjectBody(fixture));
const statusMessageErrors = statusMessageFixtures.filter(isError);
const plainErrors = plainFixtures.filter((fixture) => isError(fixture) && isObjectBody(fixture));
const chunks = plainFixtures.filter((fixture) => !isError(fixture) && isObjectBody(fixture) && 'hasNext' in (fixture.body as object));

/** The error objects of an envelope body: its `error`, and the entries of its failures' `errors`. */
function toEnvelopeErrorObjects(body: unknown): unknown[] {
  const envelope = body as { error?: unknown; failures?: { errors: unknown[] }[] };
  return [...(envelope.error === undefined ? [] : [envelope.error]), ...(envelope.failures ?? []).flatMap((failure) => failure.errors)];
}

describe('the schemas accept the seed fixtures of their dialect', () => {
  it('selects every fixture the seeds give for each schema', () => {
    // At least the fixtures there are today, so that a change of folder or format cannot make the tests below vacuous.
    expect(problemErrors.length).toBeGreaterThanOrEqual(13);
    expect(halBodies.length).toBeGreaterThanOrEqual(4);
    expect(statusMessageErrors.length).toBeGreaterThanOrEqual(9);
    expect(plainErrors.length).toBeGreaterThanOrEqual(15);
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    expect(envelopeFixtures.length).toBeGreaterThanOrEqual(19);
  });

  it.each(problemErrors)('problemSchema accepts problem/$name', (fixture) => {
    expect(problemSchema.parse(fixture.body)).toEqual(fixture.body);
  });

  it.each(halBodies)('halSchema accepts problem/$name', (fixture) => {
    expect(halSchema.parse(fixture.body)).toEqual(fixture.body);
  });

  it.each(statusMessageErrors)('statusMessageSchema accepts status-message/$name', (fixture) => {
    expect(statusMessageSchema.parse(fixture.body)).toEqual(fixture.body);
  });

  it.each(plainErrors)('plainErrorSchema accepts plain/$name', (fixture) => {
    expect(plainErrorSchema.parse(fixture.body)).toEqual(fixture.body);
  });

  it.each(chunks)('chunkSchema accepts plain/$name', (fixture) => {
    expect(chunkSchema.parse(fixture.body)).toEqual(fixture.body);
  });

  it.each(envelopeFixtures)('envelopeSchema accepts envelope/$name, and envelopeErrorObjectSchema its error objects', (fixture) => {
    expect(envelopeSchema.parse(fixture.body)).toEqual(fixture.body);
    for (const errorObject of toEnvelopeErrorObjects(fixture.body)) expect(envelopeErrorObjectSchema.parse(errorObject)).toEqual(errorObject);
  });

  it('checks the error objects of every envelope error and failure fixture', () => {
    expect(envelopeFixtures.flatMap((fixture) => toEnvelopeErrorObjects(fixture.body)).length).toBeGreaterThanOrEqual(19);
  });
});

describe('the schemas reject bodies with members of the wrong type', () => {
  const rejected: [string, z.ZodType, unknown][] = [
    ['a problem whose status is a string', problemSchema, { title: 'Not Found', status: '404' }],
    ['a problem whose status is no HTTP status', problemSchema, { title: 'Not Found', status: 42 }],
    ['a problem whose title is a number', problemSchema, { title: 404 }],
    ['a problem whose errors are not an array', problemSchema, { title: 'Bad Request', errors: { name: 'is required' } }],
    ['a problem error whose detail is a number', problemErrorSchema, { title: 'invalid_type', detail: 1 }],
    ['an array instead of a problem', problemSchema, [{ title: 'Bad Request' }]],
    ['HAL _links that is an array', halSchema, { _links: [{ href: '/v1/campaigns/cmp_42' }] }],
    ['a HAL link without href', halSchema, { _links: { self: { title: 'Self' } } }],
    ['a HAL link whose templated is a string', halLinkSchema, { href: '/v1/campaigns{?name}', templated: 'true' }],
    ['HAL _embedded that is a string', halSchema, { _links: {}, _embedded: 'none' }],
    ['a status-message body whose status is a string', statusMessageSchema, { status: '400', message: 'Bad request' }],
    ['a status-message body without a message', statusMessageSchema, { status: 400, request_id: 'r-1' }],
    ['a plain error whose code is a boolean', plainErrorSchema, { code: true, message: 'Failed' }],
    ['a plain error without a message', plainErrorSchema, { code: 'VALIDATION_FAILED' }],
    ['a chunk whose offset is a number', chunkSchema, { result: [], offset: 2, hasNext: true }],
    ['a chunk whose hasNext is a string', chunkSchema, { result: [], offset: '2', hasNext: 'false' }],
    ['a chunk whose result is an object', chunkSchema, { result: {}, offset: '2', hasNext: false }],
    ['an envelope error whose code is a string', envelopeSchema, { result: 'error', error: { type: 'client', code: 'x', message: 'Unknown parameter.' } }],
    ['an envelope error whose code is not an integer', envelopeSchema, { result: 'error', error: { type: 'client', code: 20.5, message: 'Unknown parameter.' } }],
    ['an envelope error of an unknown type', envelopeSchema, { result: 'error', error: { type: 'fatal', code: 1, message: 'Boom.' } }],
    ['an envelope error without its error object', envelopeSchema, { result: 'error' }],
    ['an envelope of an unknown result', envelopeSchema, { result: 'ok', items: [] }],
    ['an envelope without a result', envelopeSchema, { items: [], metadata: {} }],
    ['an envelope failure without failures', envelopeSchema, { result: 'failure', metadata: { invalidItems: [0] } }],
    ['an envelope failure whose errors are strings', envelopeSchema, { result: 'failure', failures: [{ rawData: {}, errors: ['bad'] }], metadata: {} }],
    ['an envelope success whose page is a string', envelopeSchema, { result: 'success', items: [], metadata: { page: '2' } }],
    ['envelope metadata with a negative index', envelopeMetadataSchema, { invalidItems: [-1] }],
    ['an error object whose field is a number', envelopeErrorObjectSchema, { type: 'validation', code: 6001, message: 'Invalid.', field: 3 }],
  ];

  it.each(rejected)('rejects %s', (_title, schema, body) => {
    expect(schema.safeParse(body).success).toBe(false);
  });
});

describe('the schemas accept what faultline/server builds in their dialect', () => {
  const schemas = { problem: problemSchema, 'status-message': statusMessageSchema, plain: plainErrorSchema, envelope: envelopeSchema } as const;
  const errors = [
    createError({ kind: 'unauthenticated', detail: 'The API key is missing' }),
    createError({ status: 404, code: 'no_such_user', detail: 'No user 7' }),
    createError({ status: 400, code: '6001', issues: [{ path: ['email'], message: 'is invalid', code: 'invalid_format' }] }),
    createError({ status: 422, failures: [{ index: 1, rawData: { email: 'ada@' }, issues: [{ path: ['email'], message: 'is invalid', code: 'invalid_format' }] }] }),
  ];

  it.each(Object.keys(schemas) as (keyof typeof schemas)[])('the %s schema accepts every error body buildError writes', (dialect) => {
    for (const error of errors) {
      const body: unknown = JSON.parse(buildError(error, { dialect }).body);
      expect(schemas[dialect].safeParse(body).success, JSON.stringify(body)).toBe(true);
    }
  });
});

describe('chunkSchema accepts every chunk buildOk writes', () => {
  it('in each dialect that writes chunks, the records being a list (buildOk refuses other data)', () => {
    for (const dialect of ['problem', 'plain', 'status-message'] as const) {
      for (const rows of [[], [{ id: 7 }], [1, 'two', null]]) {
        const body: unknown = JSON.parse(buildOk(rows, { dialect, cursor: { offset: '7', hasNext: true } }).body);
        expect(chunkSchema.safeParse(body).success, `${dialect} ${JSON.stringify(body)}`).toBe(true);
      }
      expect(() => buildOk({ id: 7 }, { dialect, cursor: { offset: '7', hasNext: true } })).toThrow(TypeError);
    }
  });
});

describe('envelopeSchema accepts a batch failure whose item data is undefined', () => {
  it('as buildError writes it, without rawData, and says so in its JSON Schema', () => {
    const error = createError({ status: 422, failures: [{ index: 0, rawData: undefined, issues: [{ path: ['email'], message: 'is invalid', code: 'invalid_format' }] }] });
    const body = JSON.parse(buildError(error, { dialect: 'envelope' }).body) as { failures: object[] };
    expect(body.failures[0]).not.toHaveProperty('rawData');
    expect(envelopeSchema.safeParse(body).success).toBe(true);
    const failure = (toJsonSchema(envelopeSchema).oneOf![1]!.properties!['failures'] as JsonSchema).items as JsonSchema;
    expect(failure.required).toEqual(['errors']);
  });
});

describe('halSchema accepts every HAL body buildOk writes', () => {
  it('takes _links and _embedded as optional, as draft-kelly-json-hal §4.1 does', () => {
    for (const body of [{ id: 'cmp_42' }, { id: 1, _embedded: { customer: { id: 7 } } }, { _links: { self: { href: '/' } } }, {}]) {
      expect(halSchema.parse(body), JSON.stringify(body)).toEqual(body);
    }
  });

  it('accepts what buildOk writes with links, embedded or both, over data that may hold its own', () => {
    // The audit's case: embedded resources without links.
    const embeddedOnly = buildOk({ id: 1 }, { embedded: { customer: { id: 7 } } });
    expect(embeddedOnly.headers['content-type']).toBe('application/hal+json');
    expect(halSchema.safeParse(JSON.parse(embeddedOnly.body)).success).toBe(true);

    const linkArb = fc.record(
      { href: fc.string(), templated: fc.boolean(), type: fc.string(), name: fc.string(), title: fc.string(), hreflang: fc.string() },
      { requiredKeys: ['href'] },
    );
    const linksArb = fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(linkArb, fc.array(linkArb, { maxLength: 2 })), { maxKeys: 3 });
    const resourceArb = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
    const embeddedArb = fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(resourceArb, fc.array(resourceArb, { maxLength: 2 })), { maxKeys: 3 });
    const ownControls = fc.record({ _links: linksArb, _embedded: embeddedArb }, { requiredKeys: [] });
    const dataArb = fc.oneof(
      fc.tuple(resourceArb, ownControls).map(([resource, controls]) => ({ ...resource, ...controls })),
      fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
      fc.jsonValue({ maxDepth: 0 }),
      fc.constant(undefined),
    );
    const shapeArb = fc.record({ links: linksArb, embedded: embeddedArb }, { requiredKeys: [] }).filter((shape) => Object.keys(shape).length > 0);
    fc.assert(
      fc.property(dataArb, shapeArb, (data, shape) => {
        const built = buildOk(data, shape);
        expect(built.headers['content-type']).toBe('application/hal+json');
        const body: unknown = JSON.parse(built.body);
        expect(halSchema.safeParse(body).success, built.body).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('the body schemas are loose', () => {
  it('keeps RFC 9457 extension members of a problem', () => {
    // RFC 9457 §3's example of an extension member.
    const body = { type: 'https://example.com/probs/out-of-credit', title: 'You do not have enough credit.', balance: 30, accounts: ['/account/12345'] };
    expect(problemSchema.parse(body)).toEqual(body);
  });

  it('keeps the items of an envelope success under the name the endpoint chose', () => {
    const body = { result: 'success', customers: [{ id: 1 }], metadata: { page: 1 } };
    expect(envelopeSchema.parse(body)).toEqual(body);
  });

  it('lets a problem leave out every member, as RFC 9457 §3.1 does', () => {
    expect(problemSchema.safeParse({}).success).toBe(true);
  });
});

describe('chunkOf', () => {
  const customerChunk = chunkOf(z.object({ id: z.int(), firstName: z.string(), lastName: z.string() }));

  it('checks each record of a chunk with the item schema', () => {
    const chunk = chunks.find((fixture) => fixture.name === '003-200-chunk-next-id.json')!;
    expect(customerChunk.parse(chunk.body)).toEqual(chunk.body);
    // The sliceSize example of seed 003 has no `id`.
    const sliced = chunks.find((fixture) => fixture.name === '003-200-chunk-slice-size.json')!;
    expect(customerChunk.safeParse(sliced.body).success).toBe(false);
  });

  it('infers the record type', () => {
    expectTypeOf<z.output<typeof customerChunk>['result']>().toEqualTypeOf<{ id: number; firstName: string; lastName: string }[]>();
    expectTypeOf<z.output<typeof customerChunk>['hasNext']>().toEqualTypeOf<boolean>();
  });
});

describe('every schema names its seed', () => {
  const named: [string, z.ZodType, RegExp][] = [
    ['problemSchema', problemSchema, /seed 001/],
    ['problemErrorSchema', problemErrorSchema, /seed 001/],
    ['halSchema', halSchema, /seed 001/],
    ['halLinkSchema', halLinkSchema, /seed 001/],
    ['statusMessageSchema', statusMessageSchema, /seed 002/],
    ['plainErrorSchema', plainErrorSchema, /seeds 000 and 003/],
    ['chunkSchema', chunkSchema, /seed 003/],
    ['chunkOf(...)', chunkOf(z.string()), /seed 003/],
    ['envelopeSchema', envelopeSchema, /seed 004/],
    ['envelopeMetadataSchema', envelopeMetadataSchema, /seed 004/],
    ['envelopeErrorObjectSchema', envelopeErrorObjectSchema, /seed 004/],
  ];

  it.each(named)('%s has a title and a description that cites its seed', (_name, schema, seed) => {
    const meta = schema.meta();
    expect(meta?.['title']).toEqual(expect.any(String));
    expect(meta?.['description']).toMatch(seed);
  });
});

describe('apiErrorSchema', () => {
  it('lists every error kind of the model', () => {
    expect(apiErrorSchema.shape.kind.options).toEqual(errorKinds);
    expectTypeOf<z.output<typeof apiErrorSchema>['kind']>().toEqualTypeOf<ErrorKind>();
    // A custom dialect's id as well as a built-in's (createNormalizer).
    expectTypeOf<z.output<typeof apiErrorSchema>['dialect']>().toEqualTypeOf<string>();
  });

  it("accepts an error a custom dialect read, with the dialect's own id", () => {
    const acme: DialectParser = { id: 'acme', mediaTypes: [], detect: (body) => typeof body === 'object' && body !== null && 'failed' in body, parse: () => ({ ok: false, detail: 'quota' }) };
    const result = createNormalizer({ dialects: [acme, plainDialect] })({ status: 400, body: { failed: true } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(apiErrorSchema.parse(JSON.parse(JSON.stringify(result.error)))).toMatchObject({ dialect: 'acme', detail: 'quota' });
  });

  it('accepts the error normalize makes of every error fixture', () => {
    const fixtures = [...problemFixtures, ...statusMessageFixtures, ...plainFixtures, ...envelopeFixtures];
    let errors = 0;
    for (const fixture of fixtures) {
      const result = normalize(fixture, { now: () => 1_736_942_400_000 });
      if (result.ok) continue;
      errors += 1;
      expect(apiErrorSchema.parse(result.error)).toEqual(result.error);
    }
    expect(errors).toBeGreaterThanOrEqual(50);
  });

  it('accepts the error fromZodError makes, and its issues one by one', () => {
    const error = fromZodError(z.object({ items: z.array(z.string()) }).safeParse({ items: [1] }).error!);
    expect(apiErrorSchema.parse(error)).toEqual(error);
    for (const issue of error.issues) expect(issueSchema.parse(issue)).toEqual(issue);
  });

  it('rejects an unknown kind, a string status and a missing title', () => {
    const error = fromZodError({ issues: [{ message: 'Required', path: ['name'] }] });
    expect(apiErrorSchema.safeParse({ ...error, kind: 'teapot' }).success).toBe(false);
    expect(apiErrorSchema.safeParse({ ...error, status: '400' }).success).toBe(false);
    const { title: _title, ...untitled } = error;
    expect(apiErrorSchema.safeParse(untitled).success).toBe(false);
  });
});
