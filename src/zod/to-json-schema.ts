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
 * (any value) for what JSON Schema cannot say, such as a transform's output or a `Date`. A
 * `TypeError` when the zod installed is older than 4.1, or `schema` is no zod 4 schema.
 * @example
 * const document = { openapi: '3.1.0', components: { schemas: { Problem: toJsonSchema(problemSchema) } } };
 */
export function toJsonSchema(schema: z.core.$ZodType, options: ToJsonSchemaOptions = {}): JsonSchema {
  // zod 3 (which faultline/zod's peer range admits, for fromZodError and the schemas) has no
  // toJSONSchema, and zod 4.0's warned of the 'openapi-3.0' target and wrote draft 2020-12.
  // `in` before each read of a zod-4-only export: webpack 5 fails the build on `z.core` under zod 3,
  // whether or not toJsonSchema is imported. esbuild then keeps all of zod in a bundle that uses
  // toJsonSchema (an OpenAPI document's build, on a server); the schemas read none of these.
  const version = 'core' in (z as object) ? z.core.version : undefined;
  // Read once, inside its check: webpack counts only a read within the `in` check's branch.
  const toJSONSchema = 'toJSONSchema' in (z as object) ? z.toJSONSchema : undefined;
  if (typeof toJSONSchema !== 'function' || !version || (version.major === 4 && version.minor < 1)) {
    throw new TypeError(`toJsonSchema needs zod 4.1 or later; found zod ${version ? `${version.major}.${version.minor}.${version.patch}` : 3}`);
  }
  // zod's own failure on anything else ("Cannot read properties of undefined (reading 'def')")
  // named neither the argument nor what it takes.
  const internals: unknown = typeof schema === 'object' && schema !== null ? (schema as { _zod?: unknown })._zod : undefined;
  if (typeof internals !== 'object' || internals === null || !('def' in internals)) {
    const received = schema === null ? 'null' : typeof schema !== 'object' ? typeof schema : '_def' in schema ? 'a zod 3 schema' : 'an object that is no zod schema';
    throw new TypeError(`toJsonSchema: schema must be a zod 4 schema; received ${received}`);
  }
  const jsonSchema = toJSONSchema(schema, { target: options.target ?? 'draft-2020-12', io: options.io ?? 'output', unrepresentable: 'any' });
  // A copy of the enumerable members only: zod adds a non-enumerable `~standard`, which a plain
  // object for a document has no use for.
  return { ...jsonSchema };
}
