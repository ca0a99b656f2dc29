/**
 * `faultline/fetch`: a `fetch` client whose every call resolves to an `ApiResult` — retry,
 * timeouts, schema validation, pagination in every seed mode, hooks and seed 003's multipart bodies.
 *
 * @module faultline/fetch
 */
/** Makes a client: retry, timeouts, API key, language, schema validation and hooks. */
export { createClient, type Client, type ClientOptions, type RequestOptions, type SchemaRequestOptions, type SendMethod, type Query, type QueryValue, type RetryEvent, type Hooks, type BeforeRequestHook, type AfterResponseHook, type FetchOptions, type RequestHeaders } from './client.ts';
/** Walks paginated collections in every mode of the seeds. */
export { parseNextLink, type NextPage, type PaginateOptions, type PaginationMode, type PaginationProgress, type PaginationStop, type Paginator } from './paginate.ts';
/** The retry policy's options and its pure delay arithmetic. */
export { toRetryPolicy, toBackoffMs, toRetryDelayMs, isRetryableError, isRetryableMethod, maxTimerMs, type RetryOptions, type RetryPolicy } from './retry.ts';
/** Builds seed 003's multipart body: a JSON part of type `application/json` and binary parts. */
export { toFormData, type FormDataOptions, type NativeFile } from './form-data.ts';
/** The Standard Schema v1 types a `schema` option accepts. */
export type { StandardSchemaV1, StandardSchemaIssue, StandardSchemaResult, InferInput, InferOutput } from './schema.ts';
/** For callers who prefer exceptions: the success, or a thrown `ResponseError`. */
export { unwrap, ResponseError, isResponseError, isApiError } from '../response-error.ts';
/** Headers and bodies as every runtime's `fetch` takes them: lib.dom's `HeadersInit` and `BodyInit`, under names a Node-only project has too. */
export type { AnyHeaders, BodyInput, HeadersInput, HeadersShape } from '../web-types.ts';
/** The result model every call returns. */
export type { ApiError, ApiResult, ApiSuccess } from '../model.ts';
