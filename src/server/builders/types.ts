/**
 * The server side of a dialect: model → body. It lives in `faultline/server`, apart from the
 * parsing side in src/dialects/, so that a frontend that only normalizes never bundles it.
 */
import type { ApiError, BatchInfo, Cursor, Dialect, HalLink, Init, PageInfo } from '../../model.ts';

/**
 * What a success carries besides its data. Each dialect writes what it has a place for: `page`
 * and `batch` only the envelope (seed 004 `metadata`), `links` and `embedded` only HAL, and
 * `cursor` every dialect but the envelope as seed 003's chunk `{result, offset, hasNext}`. A
 * cursor beside HAL links, or given to the envelope, is a TypeError: dropped, it would end the
 * client's paging.
 */
export interface SuccessShape {
  /** HAL `_links` by relation; the problem dialect writes them in its body (`application/hal+json`), the others, and a HAL answer without a body (204, 205), in an RFC 8288 `Link` header. */
  readonly links?: Readonly<Record<string, Init<HalLink> | readonly Init<HalLink>[]>> | undefined;
  /** HAL `_embedded` resources by relation; only the problem dialect writes them. */
  readonly embedded?: Readonly<Record<string, unknown>> | undefined;
  /** Page figures of a read; only the envelope writes them, in `metadata` (seed 004). */
  readonly page?: Init<PageInfo> | undefined;
  /** Where the next chunk starts; every dialect but the envelope then writes seed 003's chunk `{result, offset, hasNext}`, whose `result` is the data, which must be an array; beside HAL links (give `links.next`) and in the envelope (give `page`) it is a TypeError, as is data that is no array. */
  readonly cursor?: Cursor | undefined;
  /** What a batch write did (`processBatch`'s `batch`); only the envelope writes it, in `metadata` (seed 004). */
  readonly batch?: Init<Omit<BatchInfo, 'validItems' | 'invalidItems'>> & { readonly validItems?: readonly number[] | undefined; readonly invalidItems?: readonly number[] | undefined } | undefined;
  /** The member that holds the items of an envelope success (seed 004). @default 'items' */
  readonly itemsKey?: string | undefined;
}

/** The dialects faultline/server writes: the seeds'. The others are read, not written. */
export type BuiltDialect = 'plain' | 'problem' | 'status-message' | 'envelope';

/**
 * What a `dialect` option takes: any {@link Dialect} (DESIGN.md's `dialect?: Dialect`), or a
 * builder of your own. The seeds' four are written as such; `unknown` and the dialects faultline
 * only reads (`stripe`, `graphql`, ...), which a gateway may pass on as `error.dialect`, are
 * answered in `problem`, RFC 9457's standard. Any other name is a TypeError.
 */
export type DialectOption = Dialect | DialectBuilder;

/** One dialect's builder. */
export interface DialectBuilder {
  /** The dialect this builder writes. */
  readonly id: BuiltDialect;
  /** The `Content-Type` of an error body. */
  readonly errorMediaType: string;
  /** The `Content-Type` of a success body (`body` is what buildSuccess made of it from `shape`). */
  successMediaType(body: unknown, shape: SuccessShape): string;
  /** The JSON body of an error; its status member, where the dialect has one, is the error's status. */
  buildError(error: ApiError, status: number): unknown;
  /** The JSON body of a success. */
  buildSuccess(data: unknown, shape: SuccessShape): unknown;
}
