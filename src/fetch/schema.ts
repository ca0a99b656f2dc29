/**
 * Standard Schema v1 (standardschema.dev), the interface zod 4, valibot and arktype implement.
 * Its types are copied here, as its authors advise, so that the client imports no schema library.
 */
import { toApiError } from '../create-error.ts';
import type { ApiError, ApiResult, ApiSuccess, Issue } from '../model.ts';

/** A schema any Standard Schema library makes: zod 4, valibot, arktype. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The Standard Schema interface, under the one name every conforming library uses. */
  readonly '~standard': {
    /** The version of the Standard Schema spec: `1`. */
    readonly version: 1;
    /** The library that made the schema: `zod`, `valibot`, `arktype`, ... */
    readonly vendor: string;
    /** Checks a value: the (possibly transformed) value, or the issues; may be async. */
    readonly validate: (value: unknown) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
    /** The schema's types, for inference only; not present at run time. */
    readonly types?: {
      /** The type the schema accepts. */
      readonly input: Input;
      /** The type the schema gives on success. */
      readonly output: Output;
    } | undefined;
  };
}

/** What a Standard Schema's `validate` returns. */
export type StandardSchemaResult<Output> =
  | {
      /** The validated value, possibly transformed by the schema. */
      readonly value: Output;
      /** Absent: the value passed. */
      readonly issues?: undefined;
    }
  | {
      /** What is wrong with the value, one entry per problem. */
      readonly issues: readonly StandardSchemaIssue[];
    };

/** One problem a Standard Schema found. */
export interface StandardSchemaIssue {
  /** What is wrong; becomes the issue's `message`. */
  readonly message: string;
  /** Where: property keys or `{ key }` segments; absent for a problem with the value as a whole. */
  readonly path?: readonly (PropertyKey | {
    /** The property key of this segment. */
    readonly key: PropertyKey;
  })[] | undefined;
}

/** The type a schema gives on success. */
export type InferOutput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['output'];

/** The type of what a Standard Schema takes in (before its transforms). */
export type InferInput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['input'];

function toIssue(issue: StandardSchemaIssue, prefix: readonly (string | number)[]): Issue {
  const path: (string | number)[] = [...prefix];
  for (const segment of issue.path ?? []) {
    const key = typeof segment === 'object' && segment !== null ? segment.key : segment;
    path.push(typeof key === 'number' ? key : String(key));
  }
  return Object.freeze({ path: Object.freeze(path), message: String(issue.message) });
}

/** The error of a 2xx whose data fails the caller's schema: DESIGN.md makes it an `invalid_response`, the schema's issues as its issues. */
function toSchemaError(value: ApiSuccess<unknown>, issues: readonly Issue[]): { ok: false; error: ApiError } {
  const error = toApiError({
    kind: 'invalid_response',
    status: value.status,
    detail: 'The response does not match the schema',
    issues,
    requestId: value.requestId,
    traceId: value.traceId,
    dialect: value.dialect,
    body: value.body,
  });
  return { ok: false, error };
}

/** The schema given, checked when given: one that is no Standard Schema would fail only once a success came, in words that do not name it. */
export function toStandardSchema(schema: StandardSchemaV1 | undefined): StandardSchemaV1 | undefined {
  if (schema !== undefined && typeof schema?.['~standard']?.validate !== 'function') throw new TypeError('schema must be a Standard Schema (zod 4, valibot, arktype)');
  return schema;
}

/** Validates a success's data. A 2xx whose body fails the caller's schema is not a success. */
export async function validateSuccess<T>(value: ApiSuccess<unknown>, schema: StandardSchemaV1): Promise<ApiResult<T>> {
  const outcome = await schema['~standard'].validate(value.data);
  return outcome.issues ? toSchemaError(value, outcome.issues.map((issue) => toIssue(issue, []))) : { ok: true, value: { ...value, data: outcome.value as T } };
}

/** Validates each item of a page by an item's schema; the issues of every failing item, each path led by its index. */
export async function validateItems(page: ApiSuccess<unknown>, items: readonly unknown[], schema: StandardSchemaV1): Promise<{ ok: true; value: readonly unknown[] } | { ok: false; error: ApiError }> {
  const values: unknown[] = [];
  const issues: Issue[] = [];
  for (let index = 0; index < items.length; index++) {
    // zod, valibot and arktype validate synchronously: awaiting only a promise spares a tick per item.
    const result = schema['~standard'].validate(items[index]);
    const outcome = result instanceof Promise ? await result : result;
    if (outcome.issues) issues.push(...outcome.issues.map((issue) => toIssue(issue, [index])));
    else values.push(outcome.value);
  }
  return issues.length > 0 ? toSchemaError(page, issues) : { ok: true, value: values };
}
