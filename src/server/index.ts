/**
 * `faultline/server`: builds responses in the dialect an API documents — {@link createError},
 * {@link fromError}, {@link buildError} / {@link buildOk} for node:http, Express and Fastify,
 * {@link toResponse} / {@link ok} for Web `Response`s; seed 004's batches and seed 003's API-key guard.
 *
 * @module faultline/server
 */
export { createError, toStatus, type CreateErrorInit, type Writable } from './create-error.ts';
export { fromError, type FromErrorOptions } from './from-error.ts';
export { thrownHeaders } from './thrown-headers.ts';
export { buildError, buildOk, toResponse, ok, toWebResponse, type BuiltResponse, type ErrorResponseOptions, type OkOptions } from './respond.ts';
export { processBatch, type BatchOptions, type BatchOutcome, type ItemIssues } from './batch.ts';
export { createApiKeyGuard, type ApiKeyGuardOptions, type RequestHead } from './api-key.ts';
export { plainBuilder, problemBuilder, statusMessageBuilder, envelopeBuilder, type BuiltDialect, type DialectBuilder, type DialectOption, type SuccessShape } from './builders/index.ts';
export { assertHeaderValue, maxIdLength } from './header-safety.ts';
export type { AnyHeaders, HeadersInput, HeadersShape } from '../web-types.ts';
/** The model's types, which a server's handlers name: here too, so that one import serves. */
export type { ApiError, ApiErrorOf, ErrorKind, Issue, IssueInit, ItemFailure, ItemFailureInit, RateLimit, Init } from '../model.ts';
