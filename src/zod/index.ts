/**
 * `faultline/zod`: zod errors as `ApiError`s, zod schemas of the four dialects' bodies and of
 * the model, and their JSON Schema for OpenAPI documents. zod is an optional peer dependency.
 *
 * @module faultline/zod
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
  EnvelopeErrorType,
  EnvelopeFailureSchema,
  EnvelopeMetadataSchema,
  EnvelopeSchema,
  EnvelopeSuccessSchema,
  HalLinkSchema,
  HalSchema,
  IssueSchema,
  ItemFailureSchema,
  Loose,
  OptionalIndices,
  OptionalInt,
  OptionalNumber,
  OptionalString,
  PlainErrorSchema,
  ProblemErrorSchema,
  ProblemSchema,
  ResourceSchema,
  StatusMessageSchema,
} from './schemas.ts';
export { toJsonSchema, type JsonSchema, type ToJsonSchemaOptions } from './to-json-schema.ts';
