/**
 * Standard Schema v1 (standardschema.dev), the interface zod 4, valibot and arktype implement.
 * Its types are copied here, as its authors advise, so that the client imports no schema library.
 */
import { toApiError } from '../create-error.ts';
import type { ApiResult, ApiSuccess, Issue } from '../model.ts';

/** A schema any Standard Schema library makes: zod 4, valibot, arktype. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** What a Standard Schema's `validate` returns. */
export type StandardSchemaResult<Output> = { readonly value: Output; readonly issues?: undefined } | { readonly issues: readonly StandardSchemaIssue[] };

/** One problem a Standard Schema found. */
export interface StandardSchemaIssue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
}

/** The type a schema gives on success. */
export type InferOutput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['output'];

function toIssue(issue: StandardSchemaIssue): Issue {
  const path: (string | number)[] = [];
  for (const segment of issue.path ?? []) {
    const key = typeof segment === 'object' && segment !== null ? segment.key : segment;
    path.push(typeof key === 'number' ? key : String(key));
  }
  return Object.freeze({ path: Object.freeze(path), message: String(issue.message) });
}

/**
 * Validates a success's data. A 2xx whose body fails the caller's schema is not a success:
 * DESIGN.md makes it an `invalid_response` error, the schema's issues as its issues.
 */
export async function validateSuccess<T>(value: ApiSuccess<unknown>, schema: StandardSchemaV1): Promise<ApiResult<T>> {
  const outcome = await schema['~standard'].validate(value.data);
  if (outcome.issues) {
    const error = toApiError({
      kind: 'invalid_response',
      status: value.status,
      detail: 'The response does not match the schema',
      issues: outcome.issues.map(toIssue),
      requestId: value.requestId,
      traceId: value.traceId,
      dialect: value.dialect,
      body: value.body,
    });
    return { ok: false, error };
  }
  return { ok: true, value: { ...value, data: outcome.value as T } };
}
