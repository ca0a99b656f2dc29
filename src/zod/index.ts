/**
 * `faultline/zod`: zod errors as {@link ApiError}s, zod schemas of the four dialects' bodies and of
 * the model, and their JSON Schema for OpenAPI documents. zod is an optional peer dependency.
 */
export { fromZodError, type FromZodErrorOptions, type ZodErrorLike, type ZodIssueLike } from './from-zod-error.ts';
export {
  apiErrorSchema,
  chunkOf,
  chunkSchema,
  envelopeErrorObjectSchema,
  envelopeMetadataSchema,
  envelopeSchema,
  halLinkSchema,
  halSchema,
  issueSchema,
  plainErrorSchema,
  problemErrorSchema,
  problemSchema,
  statusMessageSchema,
} from './schemas.ts';
export type {
  ApiErrorSchema,
  ChunkSchema,
  EnvelopeErrorObjectSchema,
  EnvelopeErrorSchema,
  EnvelopeFailureSchema,
  EnvelopeMetadataSchema,
  EnvelopeSchema,
  EnvelopeSuccessSchema,
  HalLinkSchema,
  HalSchema,
  IssueSchema,
  ItemFailureSchema,
  PlainErrorSchema,
  ProblemErrorSchema,
  ProblemSchema,
  StatusMessageSchema,
} from './schemas.ts';
export { toJsonSchema, type JsonSchema, type ToJsonSchemaOptions } from './to-json-schema.ts';
