// `toJsonSchema` writes Schema Objects for OpenAPI 3.1 documents (JSON Schema draft 2020-12).
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import * as z3 from 'zod/v3';
import { apiErrorSchema, chunkOf, envelopeSchema, fromZodError, halLinkSchema, halSchema, problemSchema, toJsonSchema, type JsonSchema } from '../../src/zod/index.ts';

describe('toJsonSchema', () => {
  it('gives problemSchema as a draft 2020-12 object with the RFC 9457 members under properties', () => {
    const schema = toJsonSchema(problemSchema);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties ?? {})).toEqual(['type', 'title', 'status', 'detail', 'instance', 'errors']);
    expect(schema.properties?.['status']).toMatchObject({ type: 'integer', minimum: 100, maximum: 599 });
    expect(schema.properties?.['errors']).toMatchObject({ type: 'array', items: { type: 'object', properties: { title: { type: 'string' }, detail: { type: 'string' }, pointer: { type: 'string' } } } });
    // RFC 9457 §3.1: no member is required; §3.2: extension members are allowed.
    expect(schema.required).toBeUndefined();
    expect(schema.additionalProperties).toEqual({});
  });

  it('carries the title and description that name the seed', () => {
    const schema = toJsonSchema(problemSchema);
    expect(schema.title).toBe('Problem details');
    expect(schema.description).toContain('seed 001');
    expect((schema.properties?.['type'] as { description?: string }).description).toContain('RFC 9457 §3.1.1');
  });

  it('returns a plain object that JSON keeps whole', () => {
    const schema = toJsonSchema(halSchema);
    expect(Object.getPrototypeOf(schema)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(schema)).not.toContain('~standard');
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    // draft-kelly-json-hal §4.1: both reserved members are optional.
    expect(schema.required ?? []).toEqual([]);
    expect(Object.keys(schema.properties ?? {})).toEqual(['_links', '_embedded']);
  });

  it('writes the envelope as one of its three results', () => {
    const schema = toJsonSchema(envelopeSchema);
    const results = (schema.oneOf ?? []).map((member) => (member.properties?.['result'] as { const?: string }).const);
    expect(results).toEqual(['success', 'failure', 'error']);
  });

  it('writes the records of chunkOf with their own schema', () => {
    const schema = toJsonSchema(chunkOf(z.object({ id: z.int() })));
    expect(schema.required).toEqual(['result', 'offset', 'hasNext']);
    expect(schema.properties?.['result']).toMatchObject({ type: 'array', items: { type: 'object', required: ['id'] } });
  });

  it('requires of an ApiError only the members its JSON always has: body and a failure rawData may be undefined, and JSON leaves them out', () => {
    const schema = toJsonSchema(apiErrorSchema);
    // fromZodError's error has no body: `JSON.stringify` drops the member.
    const sent = JSON.parse(JSON.stringify(fromZodError({ issues: [{ message: 'Required', path: ['name'] }] }))) as Record<string, unknown>;
    expect((schema.required ?? []).filter((name) => !Object.hasOwn(sent, name))).toEqual([]);
    const failure = (schema.properties?.['failures'] as JsonSchema).items as JsonSchema;
    expect(failure.required).toEqual(['index', 'issues']);
  });

  it("describes every member of the model's schemas and of a HAL link, from the model's documentation", () => {
    /** The dotted names of the members under `schema` (through objects and lists) that have no description. */
    const undescribed = (schema: JsonSchema, name: string): string[] => [
      ...Object.entries(schema.properties ?? {}).flatMap(([key, member]) => {
        const memberName = `${name}.${key}`;
        const own = typeof member === 'object' && typeof member.description === 'string' ? [] : [memberName];
        return [...own, ...(typeof member === 'object' ? undescribed(member, memberName) : [])];
      }),
      ...(typeof schema.items === 'object' && !Array.isArray(schema.items) ? undescribed(schema.items, `${name}[]`) : []),
    ];
    expect(undescribed(toJsonSchema(apiErrorSchema), 'apiError')).toEqual([]);
    expect(undescribed(toJsonSchema(halLinkSchema), 'halLink')).toEqual([]);
    const properties = toJsonSchema(apiErrorSchema).properties!;
    expect((properties['kind'] as JsonSchema).description).toContain('What went wrong');
    expect((properties['requestId'] as JsonSchema).description).toContain('X-Request-Id');
  });

  it('writes what JSON Schema cannot say as any value instead of throwing', () => {
    const schema = toJsonSchema(z.object({ at: z.date(), total: z.bigint() }));
    expect(schema.properties).toEqual({ at: {}, total: {} });
  });

  it('describes the input of a schema when asked, for request bodies', () => {
    const request = z.object({ limit: z.int().default(20) });
    expect(toJsonSchema(request).required).toEqual(['limit']);
    expect(toJsonSchema(request, { io: 'input' }).required).toBeUndefined();
  });

  it('writes an OpenAPI 3.0 Schema Object when asked', () => {
    const schema = toJsonSchema(z.object({ detail: z.string().nullable() }), { target: 'openapi-3.0' });
    expect(schema.$schema).toBeUndefined();
    expect(schema.properties?.['detail']).toEqual({ type: 'string', nullable: true });
  });

  it('refuses what is no zod 4 schema with a TypeError that names the argument, where zod failed inside', () => {
    const inputs: [unknown, string][] = [
      [{}, 'an object that is no zod schema'],
      [{ type: 'object' }, 'an object that is no zod schema'],
      [{ _zod: {} }, 'an object that is no zod schema'],
      [undefined, 'undefined'],
      [null, 'null'],
      ['string', 'string'],
      [z3.z.object({ name: z3.z.string() }), 'a zod 3 schema'],
    ];
    for (const [input, received] of inputs) {
      expect(() => toJsonSchema(input as z.ZodType)).toThrow(new TypeError(`toJsonSchema: schema must be a zod 4 schema; received ${received}`));
    }
  });
});
