/**
 * Zod schemas of each dialect's bodies, as the seeds print them, and of the {@link ApiError}
 * model. Body schemas are loose: members they do not name are allowed and kept, as RFC 9457
 * §3.2 allows extension members and the seeds' servers add fields of their own.
 *
 * The types are written out because `isolatedDeclarations` is on; they are also what a reader of
 * the `.d.ts` sees.
 */
import * as z from 'zod';
import { errorKinds, type ErrorKind } from '../model.ts';

/**
 * Runs `create`. Every schema is built inside one such call, marked pure, so that a bundle that
 * does not use a schema drops it, and a bundle that imports only `fromZodError` drops zod
 * (STYLE.md rule 3). A pure mark on the last call of a chain is not enough: esbuild and rollup
 * keep the calls the chain is made of (`z.looseObject(...)` in `z.looseObject(...).meta(...)`).
 */
const createSchema = <Schema>(create: () => Schema): Schema => create();

// zod 3 has no `z.looseObject`, `z.int` or `.meta`: the schemas are built with what both zod 3
// and 4 have — `object().passthrough()` and `number().int()`, which zod 4 makes the same schemas
// of (the same checks, the same JSON Schema) — so that `faultline/zod` loads and its schemas parse
// beside zod 3 (its import threw "z.looseObject is not a function" there). No zod-4-only export of
// the namespace is read: webpack 5 takes such a read for a build error under zod 3 ("export
// 'looseObject' was not found in 'zod'"), and guarding it with `in` made esbuild keep all of zod
// (93 KB gzipped beside a schema, against 25 KB).

/** An object schema that keeps unknown members (zod 4's `looseObject`). */
const looseObject = <Shape extends z.core.$ZodLooseShape>(shape: Shape): Loose<Shape> => (z.object(shape) as unknown as { passthrough: () => Loose<Shape> }).passthrough();

/** An integer schema (zod 4's `int()`). */
const int = (): z.ZodInt => z.number().int() as unknown as z.ZodInt;

/** `schema` with a title and a description for JSON Schema: `.meta()`, else zod 3's `describe()` (zod 3 has no title). */
const withMeta = <Schema extends z.ZodType>(schema: Schema, meta: { title: string; description: string }): Schema =>
  schema.meta ? schema.meta(meta) : (schema.describe(meta.description) as Schema);

/** An optional string member. */
export type OptionalString = z.ZodOptional<z.ZodString>;
/** An optional integer member. */
export type OptionalInt = z.ZodOptional<z.ZodInt>;
/** An optional number member. */
export type OptionalNumber = z.ZodOptional<z.ZodNumber>;
/** An optional list of item indices (seed 004's `validItems` / `invalidItems`). */
export type OptionalIndices = z.ZodOptional<z.ZodArray<z.ZodInt>>;
/** An object schema that keeps unknown members, as every dialect's readers must. */
export type Loose<Shape extends z.core.$ZodLooseShape> = z.ZodObject<Shape, z.core.$loose>;

// ---------------------------------------------------------------------------------------------
// Seed 001 errors: RFC 9457 problem details (application/problem+json)

/** Type of {@link problemErrorSchema}. */
export type ProblemErrorSchema = Loose<{
  /** The problem code, e.g. `invalid_type` (seed 001). */
  title: OptionalString;
  /** What is wrong with the field (seed 001). */
  detail: OptionalString;
  /** A JSON Pointer (RFC 6901) to the field in the request, e.g. `#/name` (RFC 9457 §3). */
  pointer: OptionalString;
}>;

/** One entry of a problem's `errors[]`: seed 001 `{title, detail}`, RFC 9457 §3 `{detail, pointer}`. */
export const problemErrorSchema: ProblemErrorSchema = /* @__PURE__ */ createSchema(() =>
  withMeta(
    looseObject({
      title: z.string().describe('The problem code, e.g. "invalid_type" (seed 001).').optional(),
      detail: z.string().describe('What is wrong, e.g. "`body.name` is `undefined`, but `string` is expected." (seed 001).').optional(),
      pointer: z.string().describe('A JSON Pointer (RFC 6901) to the field in the request, e.g. "#/name" (RFC 9457 §3).').optional(),
    }),
    { title: 'Problem error', description: 'One field-level problem of a problem details `errors` collection (seed 001, RFC 9457 §3).' },
  ),
);

/** Type of {@link problemSchema}. */
export type ProblemSchema = Loose<{
  /** A URI reference that identifies the problem type; `about:blank` when absent (RFC 9457 §3.1.1). */
  type: OptionalString;
  /** A short, human-readable summary of the problem type (RFC 9457 §3.1.4). */
  title: OptionalString;
  /** The HTTP status code of this occurrence, 100–599 (RFC 9457 §3.1.2). */
  status: OptionalInt;
  /** A human-readable explanation specific to this occurrence (RFC 9457 §3.1.4). */
  detail: OptionalString;
  /** A URI reference that identifies this occurrence (RFC 9457 §3.1.5). */
  instance: OptionalString;
  /** Field-level problems of a failed validation (seed 001). */
  errors: z.ZodOptional<z.ZodArray<ProblemErrorSchema>>;
}>;

/**
 * An RFC 9457 problem details body (seed 001 errors). Every member is optional (RFC 9457 §3.1);
 * extension members are allowed.
 * @example
 * problemSchema.parse({ title: 'Not Found', status: 404, detail: 'Campaign cmp_99 does not exist.' });
 */
export const problemSchema: ProblemSchema = /* @__PURE__ */ createSchema(() =>
  withMeta(
    looseObject({
      type: z.string().describe('A URI reference that identifies the problem type; "about:blank" when absent (RFC 9457 §3.1.1).').optional(),
      title: z.string().describe('A short, human-readable summary of the problem type (RFC 9457 §3.1.4).').optional(),
      status: int().min(100).max(599).describe('The HTTP status code of this occurrence (RFC 9457 §3.1.2).').optional(),
      detail: z.string().describe('A human-readable explanation specific to this occurrence (RFC 9457 §3.1.4).').optional(),
      instance: z.string().describe('A URI reference that identifies this occurrence (RFC 9457 §3.1.5).').optional(),
      errors: z.array(problemErrorSchema).describe('Field-level problems of a failed validation (seed 001).').optional(),
    }),
    { title: 'Problem details', description: 'An error body in the RFC 9457 problem details format, application/problem+json (seed 001).' },
  ),
);

// ---------------------------------------------------------------------------------------------
// Seed 001 successes: HAL (application/hal+json, draft-kelly-json-hal)

/** Type of {@link halLinkSchema}. */
export type HalLinkSchema = Loose<{
  /** A URI, or a URI template when `templated` is true (draft-kelly-json-hal §5.1). */
  href: z.ZodString;
  /** Whether `href` is a URI template (§5.2). */
  templated: z.ZodOptional<z.ZodBoolean>;
  /** A hint of the target's media type (§5.3). */
  type: OptionalString;
  /** A URL explaining that the link is deprecated (§5.4). */
  deprecation: OptionalString;
  /** A secondary key that tells apart links of one relation (§5.5). */
  name: OptionalString;
  /** A URI of a profile of the target resource (§5.6). */
  profile: OptionalString;
  /** A human-readable label of the link (§5.7). */
  title: OptionalString;
  /** The language of the target resource (§5.8). */
  hreflang: OptionalString;
}>;

/** A HAL link object (draft-kelly-json-hal §5): `href` and its optional properties. */
export const halLinkSchema: HalLinkSchema = /* @__PURE__ */ createSchema(() =>
  withMeta(
    looseObject({
      href: z.string().describe('A URI, or a URI template when `templated` is true (draft-kelly-json-hal §5.1).'),
      templated: z.boolean().describe('Whether `href` is a URI template (RFC 6570) to fill in (draft-kelly-json-hal §5.2).').optional(),
      type: z.string().describe('The media type of the target resource.').optional(),
      deprecation: z.string().describe('A URL explaining that the link is deprecated (draft-kelly-json-hal §5.4).').optional(),
      name: z.string().describe('A secondary key that tells apart links of one relation (draft-kelly-json-hal §5.5).').optional(),
      profile: z.string().describe('A URI of a profile of the target resource, RFC 6906 (draft-kelly-json-hal §5.6).').optional(),
      title: z.string().describe('A human-readable label of the link (draft-kelly-json-hal §5.7).').optional(),
      hreflang: z.string().describe('The language of the target resource (draft-kelly-json-hal §5.8).').optional(),
    }),
    { title: 'HAL link', description: 'A HAL link object (draft-kelly-json-hal §5, seed 001).' },
  ),
);

/** A resource as an `_embedded` member holds it: any object. */
export type ResourceSchema = Loose<Record<never, never>>;

/** Type of {@link halSchema}. */
export type HalSchema = Loose<{
  /** Links by relation type, each a link or an array of links (draft-kelly-json-hal §4.1.1: optional). */
  _links: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodUnion<readonly [HalLinkSchema, z.ZodArray<HalLinkSchema>]>>>;
  /** Embedded resources by relation type, each a resource or an array of them (draft-kelly-json-hal §4.1.2). */
  _embedded: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodUnion<readonly [ResourceSchema, z.ZodArray<ResourceSchema>]>>>;
}>;

/**
 * A HAL resource (seed 001 successes): optionally `_links` by relation, each a link or an array
 * of links, and optionally `_embedded` resources; the resource's own members sit beside them.
 * draft-kelly-json-hal §4.1 makes both reserved members optional: a resource with only
 * `_embedded`, as `buildOk(data, { embedded })` writes, is HAL too.
 */
export const halSchema: HalSchema = /* @__PURE__ */ createSchema(() =>
  withMeta(
    looseObject({
      _links: z
        .record(z.string(), z.union([halLinkSchema, z.array(halLinkSchema)]))
        .describe('Links by relation type (draft-kelly-json-hal §4.1.1).')
        .optional(),
      _embedded: z
        .record(z.string(), z.union([looseObject({}), z.array(looseObject({}))]))
        .describe('Embedded resources by relation type (draft-kelly-json-hal §4.1.2).')
        .optional(),
    }),
    { title: 'HAL resource', description: 'A success body in HAL, application/hal+json (seed 001).' },
  ),
);

// ---------------------------------------------------------------------------------------------
// Seed 002: {status, message, request_id?, trace_id?}

/** Type of {@link statusMessageSchema}. */
export type StatusMessageSchema = Loose<{
  /** The status code of the error, 100–599 (seed 002). */
  status: z.ZodInt;
  /** A human-readable error message (seed 002). */
  message: z.ZodString;
  /** A request ID (seed 002). */
  request_id: OptionalString;
  /** A tracing ID (seed 002). */
  trace_id: OptionalString;
}>;

/** A status-message error body (seed 002). */
export const statusMessageSchema: StatusMessageSchema = /* @__PURE__ */ createSchema(() =>
  withMeta(
    looseObject({
      status: int().min(100).max(599).describe('The status code for the error (seed 002).'),
      message: z.string().describe('A human readable error message (seed 002).'),
      request_id: z.string().describe('A request ID (seed 002).').optional(),
      trace_id: z.string().describe('A tracing ID (seed 002).').optional(),
    }),
    { title: 'Status and message error', description: 'An error body of status, message and optional request and trace IDs (seed 002).' },
  ),
);

// ---------------------------------------------------------------------------------------------
// Seeds 000 and 003: flat {code, message} errors, {result, offset, hasNext} chunks

/** Type of {@link plainErrorSchema}. */
export type PlainErrorSchema = Loose<{
  /** The error code, a string or a number: `"VALIDATION_FAILED"`, `40401` (seed 003); absent when there is none. */
  code: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>>;
  /** What went wrong, in the language of `Accept-Language` (seed 003). */
  message: z.ZodString;
}>;

/** A flat error body `{code, message}` (seeds 000 and 003); the code is a string or a number. */
export const plainErrorSchema: PlainErrorSchema = /* @__PURE__ */ createSchema(() =>
  withMeta(
    looseObject({
      // Optional: seed 000 documents no body members, and faultline/server's plain builder (and its
      // API-key guard) answers `{message}` alone when an error has no code.
      code: z.union([z.string(), z.number()]).describe('The error code, e.g. "VALIDATION_FAILED" or 40401 (seed 003).').optional(),
      message: z.string().describe('What went wrong, in the language of Accept-Language (seed 003).'),
    }),
    { title: 'Error', description: 'A JSON error body with an error code and a message (seeds 000 and 003).' },
  ),
);

/** Type of {@link chunkOf}'s schemas. */
export type ChunkSchema<Item extends z.core.SomeType> = Loose<{
  /** The records of this chunk. */
  result: z.ZodArray<Item>;
  /** Where the next chunk starts: the `offset` query parameter of the next request (seed 003). */
  offset: z.ZodString;
  /** Whether another chunk follows; `false` on the last chunk (seed 003). */
  hasNext: z.ZodBoolean;
}>;

/**
 * The schema of a chunk of a chunked read (seed 003) whose records `itemSchema` describes.
 * @example
 * const customersChunkSchema = chunkOf(z.object({ id: z.int(), firstName: z.string() }));
 */
export function chunkOf<Item extends z.core.SomeType>(itemSchema: Item): ChunkSchema<Item> {
  return withMeta(
    looseObject({
      result: z.array(itemSchema).describe('The records of this chunk.'),
      offset: z.string().describe('Where the next chunk starts: the `offset` query parameter of the next request (seed 003).'),
      hasNext: z.boolean().describe('Whether another chunk follows; false on the last chunk (seed 003).'),
    }),
    { title: 'Chunk', description: 'One chunk of a chunked read: records, the offset of the next chunk, and whether there is one (seed 003).' },
  );
}

/** A chunk of a chunked read (seed 003) with records of any shape. */
export const chunkSchema: ChunkSchema<z.ZodUnknown> = /* @__PURE__ */ createSchema(() => chunkOf(z.unknown()));

// ---------------------------------------------------------------------------------------------
// Seed 004: {result: "success" | "failure" | "error", ...}

/** Type of {@link envelopeMetadataSchema}. */
export type EnvelopeMetadataSchema = Loose<{
  /** The current page number (GET). */
  page: OptionalInt;
  /** The total number of pages (GET). */
  pagesCount: OptionalInt;
  /** The most records a page holds (GET). */
  recordsPerPage: OptionalInt;
  /** The total number of records available (GET). */
  recordsCount: OptionalInt;
  /** The number of items received (POST, PATCH, DELETE). */
  receivedItemsCount: OptionalInt;
  /** Indices of the valid items in the request collection (POST, PATCH, DELETE). */
  validItems: OptionalIndices;
  /** Indices of the invalid items in the request collection (POST, PATCH, DELETE); `failures` map to them. */
  invalidItems: OptionalIndices;
}>;

/** The `metadata` object of an envelope (seed 004): page figures for reads, item indices for writes. */
export const envelopeMetadataSchema: EnvelopeMetadataSchema = /* @__PURE__ */ createSchema(() =>
  withMeta(
    looseObject({
      page: int().nonnegative().describe('Current page number (GET).').optional(),
      pagesCount: int().nonnegative().describe('Total number of pages (GET).').optional(),
      recordsPerPage: int().nonnegative().describe('Maximum number of records per each page (GET).').optional(),
      recordsCount: int().nonnegative().describe('Total number of records available (GET).').optional(),
      receivedItemsCount: int().nonnegative().describe('Total number of items received (POST, PATCH, DELETE).').optional(),
      validItems: z.array(int().nonnegative()).describe('Indices of the valid items of the request collection (POST, PATCH, DELETE).').optional(),
      invalidItems: z.array(int().nonnegative()).describe('Indices of the invalid items of the request collection (POST, PATCH, DELETE).').optional(),
    }),
    { title: 'Envelope metadata', description: 'Describes the response: page figures for reads; received, valid and invalid items for writes (seed 004).' },
  ),
);

/** The seed 004 error types. */
export type EnvelopeErrorType = 'system' | 'client' | 'syntax' | 'content' | 'permission' | 'validation';

/** Type of {@link envelopeErrorObjectSchema}. */
export type EnvelopeErrorObjectSchema = Loose<{
  /** The error type: `system`, `client`, `syntax`, `content`, `permission` or `validation` (seed 004). */
  type: z.ZodEnum<{ [Type in EnvelopeErrorType]: Type }>;
  /** The error code, an integer (seed 004). */
  code: z.ZodInt;
  /** The error message (seed 004). */
  message: z.ZodString;
  /** A verbose description for developers, when there is one (seed 004). */
  description: OptionalString;
  /** The name of the field whose value failed validation (seed 004). */
  field: OptionalString;
}>;

/** An envelope error object (seed 004): the `error` of a `result: "error"`, an entry of a failure's `errors`. */
export const envelopeErrorObjectSchema: EnvelopeErrorObjectSchema = /* @__PURE__ */ createSchema(() =>
  withMeta(
    looseObject({
      type: z.enum(['system', 'client', 'syntax', 'content', 'permission', 'validation']).describe('The error type (seed 004).'),
      code: int().describe('Error code (seed 004).'),
      message: z.string().describe('Error message (seed 004).'),
      description: z.string().describe('Verbose error description for developers, if available (seed 004).').optional(),
      field: z.string().describe('Name of the field whose value caused validation to fail (seed 004).').optional(),
    }),
    { title: 'Envelope error', description: 'Detailed information about an error, with hints for developers (seed 004).' },
  ),
);

/** Type of the `result: "success"` member of {@link envelopeSchema}. */
export type EnvelopeSuccessSchema = Loose<{
  /** `"success"`: every item was processed; the items sit beside `metadata` under a name of the endpoint's choosing. */
  result: z.ZodLiteral<'success'>;
  /** Page figures for reads, item indices for writes (seed 004). */
  metadata: EnvelopeMetadataSchema;
}>;
/** Type of the `result: "failure"` member of {@link envelopeSchema}. */
export type EnvelopeFailureSchema = Loose<{
  /** `"failure"`: some or all items could not be processed; none was saved (seed 004). */
  result: z.ZodLiteral<'failure'>;
  /** The items that could not be processed, mapped to the request items by `metadata.invalidItems` (seed 004). */
  failures: z.ZodArray<Loose<{
    /** The item's data as the API understands it (seed 004); absent in JSON when undefined. */
    rawData: z.ZodOptional<z.ZodUnknown>;
    /** What is wrong with the item, as envelope error objects (seed 004). */
    errors: z.ZodArray<EnvelopeErrorObjectSchema>;
  }>>;
  /** The batch figures; `invalidItems` maps `failures` to the request items (seed 004). */
  metadata: EnvelopeMetadataSchema;
}>;
/** Type of the `result: "error"` member of {@link envelopeSchema}. */
export type EnvelopeErrorSchema = Loose<{
  /** `"error"`: the request was not processed, due to a fatal error (seed 004). */
  result: z.ZodLiteral<'error'>;
  /** What went wrong (seed 004). */
  error: EnvelopeErrorObjectSchema;
}>;
/** Type of {@link envelopeSchema}. */
export type EnvelopeSchema = z.ZodDiscriminatedUnion<readonly [EnvelopeSuccessSchema, EnvelopeFailureSchema, EnvelopeErrorSchema], 'result'>;

/**
 * An envelope body (seed 004), told apart by `result`: a success with its items (under a name of
 * the endpoint's choosing) and `metadata`; a failure with `failures[{rawData, errors}]` mapped by
 * `metadata.invalidItems`; or an error with one `error` object.
 */
export const envelopeSchema: EnvelopeSchema = /* @__PURE__ */ createSchema(() =>
  withMeta(
    z.discriminatedUnion('result', [
      withMeta(
        looseObject({ result: z.literal('success'), metadata: envelopeMetadataSchema }),
        { title: 'Envelope success', description: 'Every item was processed; the processed items sit beside `metadata` (seed 004).' },
      ),
      withMeta(
        looseObject({
          result: z.literal('failure'),
          failures: z
            // `rawData` optional, as in apiErrorSchema: buildError leaves out a failure's undefined
            // rawData (JSON has no undefined), which a schema that required it refused.
            .array(looseObject({ rawData: z.unknown().describe('Raw item data as the API understands it (seed 004).').optional(), errors: z.array(envelopeErrorObjectSchema) }))
            .describe('The items that could not be processed, mapped to the request items by `metadata.invalidItems` (seed 004).'),
          metadata: envelopeMetadataSchema,
        }),
        { title: 'Envelope failure', description: 'Some or all items caused processing errors; no items were saved (seed 004).' },
      ),
      withMeta(
        looseObject({ result: z.literal('error'), error: envelopeErrorObjectSchema }),
        { title: 'Envelope error response', description: 'The request was not processed due to a fatal error (seed 004).' },
      ),
    ]),
    { title: 'Envelope', description: 'A response body whose `result` says whether the request was processed and whether it succeeded (seed 004).' },
  ),
);

// ---------------------------------------------------------------------------------------------
// The model

/** Type of {@link issueSchema}. */
export type IssueSchema = z.ZodObject<
  {
    /** Where the problem is: `['items', 0, 'name']`; `[]` when not tied to a field. */
    path: z.ZodArray<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>>;
    /** The server's own spelling of the field: `items[0].name`, `/items/0/name`. */
    field: OptionalString;
    /** What is wrong, in the server's (or the validator's) words. */
    message: z.ZodString;
    /** The server's machine code for the problem: `invalid_type`, `1001`. */
    code: OptionalString;
    /** The facts a message about the code is made of: `{ origin: 'string', minimum: 3 }`. */
    params: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodArray<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>>]>>>;
  },
  z.core.$strip
>;

/** The model's `Issue`: one field-level problem. */
export const issueSchema: IssueSchema = /* @__PURE__ */ createSchema(() =>
  withMeta(
    z.object({
      path: z.array(z.union([z.string(), int()])).describe("Where the problem is: ['items', 0, 'name']; [] when not tied to a field."),
      field: z.string().describe("The server's own spelling of the field: 'items[0].name', '/items/0/name'.").optional(),
      message: z.string().describe("What is wrong, in the server's (or the validator's) words."),
      code: z.string().describe("The server's machine code for the problem: 'invalid_type', '1001'.").optional(),
      params: z
        .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]))
        .describe("The facts a message about the code is made of: { origin: 'string', minimum: 3 }.")
        .optional(),
    }),
    { title: 'Issue', description: 'One field-level problem.' },
  ),
);

/** Type of the entries of {@link apiErrorSchema}'s `failures`. */
export type ItemFailureSchema = z.ZodObject<
  {
    /** The item's index in the request collection, 0 or more. */
    index: z.ZodInt;
    /** The item's data as the server sent it back (seed 004 `rawData`); absent in JSON when undefined. */
    rawData: z.ZodOptional<z.ZodUnknown>;
    /** What is wrong with the item. */
    issues: z.ZodArray<IssueSchema>;
  },
  z.core.$strip
>;

/** Type of {@link apiErrorSchema}. */
export type ApiErrorSchema = z.ZodObject<
  {
    /** What went wrong: one of the `ErrorKind`s. */
    kind: z.ZodEnum<{ [Kind in ErrorKind]: Kind }>;
    /** The HTTP status, 100–599; absent for network failures, timeouts on the client and aborts. */
    status: OptionalInt;
    /** A short summary: the server's, else the standard status text. */
    title: z.ZodString;
    /** The server's explanation of this occurrence. */
    detail: OptionalString;
    /** The machine code from the body, as a string. */
    code: OptionalString;
    /** RFC 9457 problem type URI. */
    type: OptionalString;
    /** A URI reference to this occurrence (RFC 9457 §3.1.5). */
    instance: OptionalString;
    /** Field-level problems; `[]` when there are none. */
    issues: z.ZodArray<IssueSchema>;
    /** Batch item failures, mapped to the request items by index (seed 004). */
    failures: z.ZodArray<ItemFailureSchema>;
    /** The request id, from the body or the response headers. */
    requestId: OptionalString;
    /** The trace id, from the body or the response headers. */
    traceId: OptionalString;
    /** How long to wait before trying again, in milliseconds. */
    retryAfterMs: OptionalNumber;
    /** Rate-limit figures from the response headers. */
    rateLimit: z.ZodOptional<z.ZodObject<{
      /** Requests allowed in the window. */
      limit: OptionalNumber;
      /** Requests left in the current window. */
      remaining: OptionalNumber;
      /** When the window resets, in epoch milliseconds. */
      resetAt: OptionalNumber;
    }, z.core.$strip>>;
    /** Whether sending the same request again may succeed. */
    retryable: z.ZodBoolean;
    /** The dialect that read the body: a built-in's id, a custom dialect's, or `unknown` when none did. */
    dialect: z.ZodString;
    /** Body members the dialect does not define, kept as received. */
    extensions: z.ZodRecord<z.ZodString, z.ZodUnknown>;
    /** What was received: parsed JSON, or text; absent in JSON when nothing was (`fromZodError`, network errors). */
    body: z.ZodOptional<z.ZodUnknown>;
  },
  z.core.$strip
>;

/**
 * The `ApiError` model itself: to check an error that crossed a worker or `postMessage`
 * boundary, or to document one.
 */
export const apiErrorSchema: ApiErrorSchema = /* @__PURE__ */ createSchema(() =>
  withMeta(
    z.object({
      // The model's own list: a kind added to ErrorKind is a kind the schema takes.
      kind: z
        .enum(errorKinds as [ErrorKind, ...ErrorKind[]])
        .describe("What went wrong, from the caller's point of view: the HTTP status decides, the body refines a status that says little (a 2xx envelope error, a plain 400 or 422)."),
      status: int().min(100).max(599).describe('The HTTP status; absent for network failures, timeouts on the client and aborts.').optional(),
      title: z.string().describe("A short summary: the server's, else the standard status text."),
      detail: z.string().describe("The server's explanation of this occurrence.").optional(),
      code: z.string().describe('The machine code from the body, as a string.').optional(),
      type: z.string().describe('RFC 9457 problem type URI.').optional(),
      instance: z.string().describe("A URI reference to this occurrence (RFC 9457 §3.1.5), also read from Spring's `path` and JSON:API's `links.about`.").optional(),
      issues: z.array(issueSchema).describe('Field-level problems; [] when the error is not about fields.'),
      failures: z
        .array(
          withMeta(
            // `rawData` and `body` optional: undefined in the model, so absent from the JSON of an
            // error, which a JSON Schema that required them would refuse.
            z.object({
              index: int().nonnegative().describe("The item's index in the request collection (seed 004: from `metadata.invalidItems`)."),
              rawData: z.unknown().describe("The item's data as the server sent it back (seed 004 `rawData`, raw item data as the API understands it).").optional(),
              issues: z.array(issueSchema).describe("What is wrong with this item; paths are relative to the item (the error's `issues` prefix them with `index`)."),
            }),
            { title: 'Item failure', description: 'One item of a batch request that the server refused (seed 004).' },
          ),
        )
        .describe('Envelope batch failures, mapped to the request items by index (seed 004).'),
      requestId: z.string().describe("The request id: the body's, else the `X-Request-Id` / `Request-Id` header (or AWS's and Slack's own).").optional(),
      traceId: z.string().describe("The trace id: the body's, else `X-Trace-Id` or the trace-id of a W3C `traceparent` header.").optional(),
      retryAfterMs: z.number().nonnegative().describe('How long to wait before trying again, in milliseconds.').optional(),
      rateLimit: z
        .object({
          limit: z.number().describe('Requests allowed in the window: `X-RateLimit-Limit`, else `RateLimit-Limit`.').optional(),
          remaining: z.number().describe('Requests left in the current window: `X-RateLimit-Remaining`, else `RateLimit-Remaining`.').optional(),
          resetAt: z.number().describe('When the window resets, in epoch milliseconds.').optional(),
        })
        .describe('The rate-limit headers of the response, else the figures its body names; absent when it sent none.')
        .optional(),
      retryable: z.boolean().describe('Whether sending the same request again may succeed.'),
      // A custom dialect's id too (createNormalizer): an error it read must pass as well.
      dialect: z.string().describe("The dialect that read the body: a built-in's id (plain, problem, status-message, envelope, json-api, …), a custom dialect's, or unknown when none did."),
      extensions: z.record(z.string(), z.unknown()).describe('Body members the dialect does not define, kept as received.'),
      body: z.unknown().describe('What was received: parsed JSON, or text.').optional(),
    }),
    { title: 'API error', description: 'A failed HTTP response, as faultline models it.' },
  ),
);
