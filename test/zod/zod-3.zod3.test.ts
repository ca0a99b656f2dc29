// faultline/zod beside zod 3, the peer its range admits: this file runs in vitest's `zod3`
// project, where `zod` resolves to zod 3.25.76 (the `zod3` devDependency), so that the source's
// and the ESM build's `import * as z from 'zod'` get zod 3, as in a project that has it. Schemas
// and errors of the tests themselves come from `zod3` by name.
import { describe, expect, it } from 'vitest';
import * as peer from 'zod';
import * as z3 from 'zod3';
import { isApiError } from '../../src/index.ts';
import { apiErrorSchema, chunkOf, envelopeSchema, fromZodError, halSchema, issueSchema, problemSchema, statusMessageSchema, toJsonSchema } from '../../src/zod/index.ts';

/** The zod 3 error of a parse that must fail. */
function failParse(schema: z3.ZodType, input: unknown): z3.ZodError {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the parse to fail');
  return result.error;
}

describe('faultline/zod under zod 3', () => {
  it('runs where `zod` is zod 3, which has no looseObject and no toJSONSchema', () => {
    expect((peer as Record<string, unknown>)['looseObject']).toBeUndefined();
    expect((peer as Record<string, unknown>)['toJSONSchema']).toBeUndefined();
    expect(peer.ZodObject).toBe(z3.ZodObject);
  });

  it('loads, from the source and from the ESM build, where it threw "z.looseObject is not a function"', async () => {
    const built = await import('../../dist/zod.js');
    expect(typeof built.fromZodError).toBe('function');
    // The build's `zod` is zod 3 here: its schemas are zod 3's (the test proves nothing otherwise).
    expect(built.problemSchema).toBeInstanceOf(z3.ZodObject);
    expect(built.problemSchema.safeParse({ status: 404, title: 'Not Found' }).success).toBe(true);
  });

  it('reads no zod-4-only export but behind an `in` check, which webpack 5 takes for a check and not a build error under zod 3', async () => {
    // webpack 5 failed the build: "export 'looseObject' (imported as 'z') was not found in 'zod'".
    const { readFile } = await import('node:fs/promises');
    // The code's lines, not its comments' (which name `z.looseObject` in words).
    const built = (await readFile(new URL('../../dist/zod.js', import.meta.url), 'utf8'))
      .split('\n')
      .filter((line) => !/^\s*(?:\/\/|\/?\*)/.test(line))
      .join('\n');
    // webpack counts a read as checked only in the branch of its `in` check: each read is that branch.
    for (const name of ['core', 'toJSONSchema']) {
      const reads = [...built.matchAll(new RegExp(String.raw`\bz\.${name}\b`, 'g'))];
      expect(reads.length, name).toBeGreaterThan(0);
      for (const read of reads) expect(built.slice(0, read.index).endsWith(`'${name}' in z ? `), `${name} at ${read.index}`).toBe(true);
    }
    // The schemas read none: an `in` check there made esbuild keep all of zod beside a schema.
    for (const name of ['looseObject', 'int']) expect(built, name).not.toMatch(new RegExp(String.raw`\bz\.${name}\b`));
  });

  it("reads zod 3's errors, its codes under zod 4's names", () => {
    const schema = z3.object({ email: z3.string().email(), size: z3.enum(['s', 'm']), at: z3.date(), tags: z3.array(z3.string()).max(1) });
    const error = fromZodError(failParse(schema, { email: 'ada@', size: 'xl', at: new Date('x'), tags: ['a', 'b'] }));
    expect(isApiError(error)).toBe(true);
    expect(error.issues.map(({ field, code, params }) => ({ field, code, params }))).toEqual([
      { field: 'email', code: 'invalid_format', params: { format: 'email' } },
      { field: 'size', code: 'invalid_value', params: { values: ['s', 'm'] } },
      { field: 'at', code: 'invalid_type', params: { expected: 'date' } },
      { field: 'tags', code: 'too_big', params: { origin: 'array', maximum: 1, inclusive: true, exact: false } },
    ]);
  });

  it('builds schemas that parse as under zod 4: unknown members kept, members checked', () => {
    const problem = { type: 'https://example.com/probs/out-of-credit', title: 'Out of credit', status: 403, balance: 30 };
    expect(problemSchema.parse(problem)).toEqual(problem);
    expect(problemSchema.safeParse({ status: 99 }).success).toBe(false);
    expect(problemSchema.safeParse({ status: 403.5 }).success).toBe(false);
    expect(statusMessageSchema.safeParse({ status: 500, message: 'Internal error', request_id: 'r1' }).success).toBe(true);
    expect(halSchema.parse({ id: 1, _links: { self: { href: '/orders/1' } }, _embedded: { items: [{ id: 2 }] } })).toMatchObject({ id: 1, _links: { self: { href: '/orders/1' } } });
    const failure = { result: 'failure', failures: [{ rawData: { name: '' }, errors: [{ type: 'validation', code: 1001, message: 'Name is required', field: 'name' }] }], metadata: { invalidItems: [0] } };
    expect(envelopeSchema.parse(failure)).toEqual(failure);
    expect(envelopeSchema.safeParse({ result: 'unknown' }).success).toBe(false);
    expect(chunkOf(z3.object({ id: z3.number() }) as never).safeParse({ result: [{ id: 1 }], offset: '1', hasNext: false }).success).toBe(true);
    // The model's own schemas strip what they do not name, as under zod 4.
    expect(issueSchema.parse({ path: ['a'], message: 'm', extra: true })).toEqual({ path: ['a'], message: 'm' });
    expect(apiErrorSchema.safeParse(JSON.parse(JSON.stringify(fromZodError(failParse(z3.object({ name: z3.string() }), {}))))).success).toBe(true);
  });

  it('keeps the descriptions, with which zod 3 has no titles', () => {
    expect(problemSchema.description).toContain('RFC 9457');
    expect(problemSchema.shape.status.description).toContain('RFC 9457 §3.1.2');
  });

  it('refuses toJsonSchema with a TypeError that says it needs zod 4.1', () => {
    expect(() => toJsonSchema(problemSchema)).toThrow(new TypeError('toJsonSchema needs zod 4.1 or later; found zod 3'));
  });
});
