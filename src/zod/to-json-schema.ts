/**
 * JSON Schema of a zod schema, for the Schema Objects of an OpenAPI document. OpenAPI 3.1
 * Schema Objects are JSON Schema draft 2020-12 (OpenAPI 3.1.0 §4.8.24), zod 4's default target.
 */
import * as z from 'zod';

/** A JSON Schema, as zod 4 writes it. */
export type JsonSchema = z.core.JSONSchema.JSONSchema;

/** How {@link toJsonSchema} writes the schema. */
export interface ToJsonSchemaOptions {
  /**
   * `'draft-2020-12'` for OpenAPI 3.1 (and JSON Schema tools); `'openapi-3.0'` for an OpenAPI 3.0
   * document, whose Schema Object is a subset of draft 04 with `nullable`.
   * @default 'draft-2020-12'
   */
  readonly target?: 'draft-2020-12' | 'openapi-3.0' | undefined;
  /**
   * `'output'` describes what the schema's `parse` returns (a response body); `'input'` what it
   * accepts (a request body). They differ only for transforms, defaults and coercions.
   * @default 'output'
   */
  readonly io?: 'input' | 'output' | undefined;
}

/**
 * The JSON Schema of a zod schema, ready for an OpenAPI 3.1 document: draft 2020-12, and `{}`
 * (any value) for what JSON Schema cannot say, such as a transform's output or a `Date`.
 * @example
 * const document = { openapi: '3.1.0', components: { schemas: { Problem: toJsonSchema(problemSchema) } } };
 */
export function toJsonSchema(schema: z.core.$ZodType, options: ToJsonSchemaOptions = {}): JsonSchema {
  const jsonSchema = z.toJSONSchema(schema, { target: options.target ?? 'draft-2020-12', io: options.io ?? 'output', unrepresentable: 'any' });
  // A copy of the enumerable members only: zod adds a non-enumerable `~standard`, which a plain
  // object for a document has no use for.
  return { ...jsonSchema };
}
