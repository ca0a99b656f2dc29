/**
 * The shape every dialect shares (STYLE.md rule 2): `{id, mediaTypes, detect, parse}`.
 * A dialect reads the body only; `normalize` adds what the status and headers say.
 */
import type { BatchInfo, Cursor, ErrorKind, HalLink, Init, IssueInit, ItemFailureInit, PageInfo, RateLimit } from './model.ts';

/** What a dialect is told about the response besides its body. */
export interface ParseContext {
  /** A valid HTTP status, 100–599. */
  readonly status: number;
  /** The media type, lower-cased, without parameters; `''` when absent. */
  readonly mediaType: string;
  /**
   * Every response header, by lower-case name (`content-type`, `x-request-id`,
   * `x-amzn-errortype`, an API's own `x-acme-error`), repeated ones joined with `, `: for a
   * dialect whose facts travel in headers.
   */
  readonly headers?: Readonly<Record<string, string | undefined>> | undefined;
}

/** What a dialect found in an error body. Absent members are left to the status and headers. */
export interface ErrorFacts {
  /** Always `false`: the body describes an error. */
  readonly ok: false;
  /** A kind the body names (seed 004 `error.type`); the status decides first. */
  readonly kind?: ErrorKind | undefined;
  /** The server's short summary; the status text stands in when absent. */
  readonly title?: string | undefined;
  /** The server's explanation of this occurrence. */
  readonly detail?: string | undefined;
  /** The machine code the body names, as a string. */
  readonly code?: string | undefined;
  /** A problem type URI (RFC 9457 §3.1.1). */
  readonly type?: string | undefined;
  /** A URI reference to this occurrence (RFC 9457 §3.1.5). */
  readonly instance?: string | undefined;
  /** Field-level problems; with them a 400 or 422 becomes `validation`. */
  readonly issues?: readonly IssueInit[] | undefined;
  /** Batch item failures (seed 004 `failures[]`), by request index. */
  readonly failures?: readonly ItemFailureInit[] | undefined;
  /** A request id from the body; it wins over the headers'. */
  readonly requestId?: string | undefined;
  /** A trace id from the body; it wins over the headers'. */
  readonly traceId?: string | undefined;
  /** A wait the body names, in ms; a `Retry-After` header wins over it. */
  readonly retryAfterMs?: number | undefined;
  /** Rate-limit figures the body names (Vercel's `error.limit`); the rate-limit headers win over them. */
  readonly rateLimit?: Init<RateLimit> | undefined;
  /** Whether a retry may succeed, where the body says so against its status (OpenAI's `insufficient_quota` 429 never does); `Stripe-Should-Retry` wins over it. */
  readonly retryable?: boolean | undefined;
  /** Body members the dialect does not read, kept as received. */
  readonly extensions?: Readonly<Record<string, unknown>> | undefined;
}

/** What a dialect found in a success body. */
export interface SuccessFacts {
  /** Always `true`: the body is a success (the status must be a 2xx too). */
  readonly ok: true;
  /** The payload, envelopes and hypermedia controls removed. */
  readonly data: unknown;
  /** Links by relation (HAL `_links`, JSON:API `links`). */
  readonly links?: Readonly<Record<string, HalLink | readonly HalLink[]>> | undefined;
  /** Embedded resources (HAL `_embedded`, JSON:API `included`). */
  readonly embedded?: Readonly<Record<string, unknown>> | undefined;
  /** Page figures (seed 004 `metadata`). */
  readonly page?: PageInfo | undefined;
  /** Where the next chunk starts (seed 003). */
  readonly cursor?: Cursor | undefined;
  /** What a batch write did with the items (seed 004 `metadata`). */
  readonly batch?: BatchInfo | undefined;
  /** A request id from the body; it wins over the headers'. */
  readonly requestId?: string | undefined;
  /** A trace id from the body; it wins over the headers'. */
  readonly traceId?: string | undefined;
}

/** A dialect's reading of a body: a success, or the facts of an error. */
export type BodyFacts = SuccessFacts | ErrorFacts;

/**
 * One response convention. `detect` must be cheap: it runs on every response until one
 * dialect claims it. `parse` must not throw; if it does, `normalize` falls back to the status.
 */
export interface DialectParser {
  /** The dialect's name, reported as `dialect` and accepted by `normalize`'s `dialect` option. */
  readonly id: string;
  /**
   * Media types (matched case-insensitively) that select this dialect without its `detect`, unless
   * a dialect tried before it claims the body: `application/problem+json`. A JSON media type
   * selects it for a parsed body only (a text under it is malformed JSON); any other, whatever
   * the body (`application/soap+xml`).
   */
  readonly mediaTypes: readonly string[];
  /**
   * Response headers whose presence selects this dialect whatever the body — JSON, text or none
   * (AWS REST-JSON names its error in `x-amzn-ErrorType`, Azure in `x-ms-error-code`) — unless a
   * dialect tried before it claims the body. Names match case-insensitively.
   */
  readonly markerHeaders?: readonly string[] | undefined;
  /**
   * Top-level members of which an object body must have one for `detect` to claim it (`['error']`):
   * `normalize` asks `detect` about a plain object (as JSON.parse makes them) only when it has one
   * of them as an own enumerable member, which keeps detection cheap with many dialects. Leave it
   * out when any object may be this dialect's; text, arrays, absent bodies and objects that are not
   * plain (class instances, objects of another prototype) are always asked.
   */
  readonly requiresOneOf?: readonly string[] | undefined;
  /** Whether the (parsed) body looks like this dialect. */
  detect(body: unknown, mediaType: string): boolean;
  /** Reads the body; a 2xx status gives a success unless the body itself says it failed. */
  parse(body: unknown, context: ParseContext): BodyFacts;
}

/** Whether a status is a success (2xx). */
export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300;
}

/** The facts of a body a dialect does not read: a success's data as it is, or an error the status alone explains. */
export function fromStatusAlone(body: unknown, status: number): BodyFacts {
  return isSuccessStatus(status) ? { ok: true, data: body } : { ok: false };
}
