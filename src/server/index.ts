export { createError, toStatus, type CreateErrorInit } from './create-error.ts';
export { fromError, type FromErrorOptions } from './from-error.ts';
export { buildError, buildOk, toResponse, ok, toWebResponse, type BuiltResponse, type ErrorResponseOptions, type OkOptions } from './respond.ts';
export { processBatch, type BatchOptions, type BatchOutcome, type ItemIssues } from './batch.ts';
export { createApiKeyGuard, type ApiKeyGuardOptions, type RequestHead } from './api-key.ts';
export { plainBuilder, problemBuilder, statusMessageBuilder, envelopeBuilder, type BuiltDialect, type DialectBuilder, type SuccessShape } from './builders/index.ts';
export { assertHeaderValue, maxIdLength } from './header-safety.ts';
