/**
 * `faultline`: turns any HTTP response into one typed, pattern-matchable model —
 * {@link normalize}, {@link normalizeResponse}, {@link unwrap}, {@link isApiError} and the dialects.
 *
 * @module faultline
 */
export type { ApiError, ApiErrorBase, ApiErrorOf, ApiResult, ApiSuccess, BatchInfo, Cursor, Dialect, DialectId, ErrorKind, HalLink, Init, Issue, IssueInit, IssueParam, ItemFailure, ItemFailureInit, KindFields, PageInfo, RateLimit } from './model.ts';
export { errorKinds } from './model.ts';
export { normalize, createNormalizer, detectDialect, type Normalize, type NormalizeInput, type NormalizeOptions } from './normalize.ts';
export type { HeadersLike } from './headers.ts';
export type { AnyHeaders, HeadersInput, HeadersShape } from './web-types.ts';
export { normalizeResponse, type NormalizeResponseOptions } from './normalize-response.ts';
export { unwrap, ResponseError, isApiError, isResponseError } from './response-error.ts';
export {
  envelopeDialect,
  plainDialect,
  problemDialect,
  statusMessageDialect,
  jsonApiDialect,
  graphqlDialect,
  googleDialect,
  odataDialect,
  fieldMapDialect,
  springDialect,
  statusCodeDialect,
  stripeDialect,
  slackDialect,
  awsDialect,
  kubernetesDialect,
  tencentDialect,
  cloudflareDialect,
  jsendDialect,
  quickbooksDialect,
  krakenDialect,
  jsonRpcDialect,
  dialects,
  seedDialects,
} from './dialects/index.ts';
export type { BodyFacts, DialectParser, ErrorFacts, ParseContext, SuccessFacts } from './dialect.ts';
export { toErrorKind, toReasonPhrase, isRetryableStatus } from './status.ts';
// Also in faultline/i18n; here for a page that only shows errors or picks a language, which
// then needs no i18next to bundle (faultline/i18n imports it).
export { escapeHtml, toHtml } from './i18n/escape-html.ts';
export { negotiateLanguage, supportedLanguages } from './i18n/languages.ts';
export { parseRetryAfter, parseRateLimitReset } from './retry-timing.ts';
