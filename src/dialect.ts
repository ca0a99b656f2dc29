/**
 * The shape every dialect shares (STYLE.md rule 2): `{id, mediaTypes, detect, parse}`.
 * A dialect reads the body only; `normalize` adds what the status and headers say.
 */
import type { BatchInfo, Cursor, ErrorKind, HalLink, Issue, ItemFailure, PageInfo } from './model.ts';

/** What a dialect is told about the response besides its body. */
export interface ParseContext {
  /** A valid HTTP status, 100–599. */
  readonly status: number;
  /** The media type, lower-cased, without parameters; `''` when absent. */
  readonly mediaType: string;
  /**
   * The response headers normalize reads (lower-case names: `content-type`, `x-request-id`,
   * `retry-after`, `x-amzn-errortype`, ...), for a dialect whose facts travel in headers.
   */
  readonly headers?: Readonly<Record<string, string | undefined>> | undefined;
}

/** What a dialect found in an error body. Absent members are left to the status and headers. */
export interface ErrorFacts {
  readonly ok: false;
  /** A kind the body names (seed 004 `error.type`); the status decides first. */
  readonly kind?: ErrorKind | undefined;
  readonly title?: string | undefined;
  readonly detail?: string | undefined;
  readonly code?: string | undefined;
  readonly type?: string | undefined;
  readonly instance?: string | undefined;
  readonly issues?: readonly Issue[] | undefined;
  readonly failures?: readonly ItemFailure[] | undefined;
  readonly requestId?: string | undefined;
  readonly traceId?: string | undefined;
  readonly retryAfterMs?: number | undefined;
  readonly extensions?: Readonly<Record<string, unknown>> | undefined;
}

/** What a dialect found in a success body. */
export interface SuccessFacts {
  readonly ok: true;
  readonly data: unknown;
  readonly links?: Readonly<Record<string, HalLink | readonly HalLink[]>> | undefined;
  readonly embedded?: Readonly<Record<string, unknown>> | undefined;
  readonly page?: PageInfo | undefined;
  readonly cursor?: Cursor | undefined;
  readonly batch?: BatchInfo | undefined;
  readonly requestId?: string | undefined;
  readonly traceId?: string | undefined;
}

/** A dialect's reading of a body: a success, or the facts of an error. */
export type BodyFacts = SuccessFacts | ErrorFacts;

/**
 * One response convention. `detect` must be cheap: it runs on every response until one
 * dialect claims it. `parse` must not throw; if it does, `normalize` falls back to the status.
 */
export interface DialectParser {
  readonly id: string;
  /** Media types that select this dialect without looking at the body: `application/problem+json`. */
  readonly mediaTypes: readonly string[];
  /**
   * Response headers whose presence selects this dialect, as a media type does (AWS REST-JSON
   * names its error in `x-amzn-ErrorType`). Only headers normalize reads can mark a dialect.
   */
  readonly markerHeaders?: readonly string[] | undefined;
  /** Whether the (parsed) body looks like this dialect. */
  detect(body: unknown, mediaType: string): boolean;
  /** Reads the body; a 2xx status gives a success unless the body itself says it failed. */
  parse(body: unknown, context: ParseContext): BodyFacts;
}

/** Whether a status is a success (2xx). */
export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300;
}
