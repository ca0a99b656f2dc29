/**
 * Paginated collections as an async iterator of their items, in the ways the seeds page:
 * seed 003's chunks (`offset` as the next id, or offset + `sliceSize`, both ending on
 * `hasNext: false`), seed 004's envelope `metadata.page` / `pagesCount`, HAL `_links.next`
 * (seed 001) and RFC 8288 `Link: <…>; rel="next"`; besides, the lists whose body names the next
 * page a way of its own (mode 'body': Stripe, Google, Notion, …) and a `next` of the caller's
 * (mode 'custom'). The iterator is written by hand, not as an
 * async generator: a million items then cost a million resolved promises and nothing more.
 */
import { toApiError } from '../create-error.ts';
import type { ApiError, ApiSuccess, HalLink } from '../model.ts';
import { isPageUrl, isRecord, setMember } from '../members.ts';
import { ResponseError } from '../response-error.ts';
import type { Query, RequestOptions, Sent } from './client.ts';
import { toStandardSchema, validateItems, type StandardSchemaV1 } from './schema.ts';

/** How a collection pages. `auto` picks one from the first response. */
export type PaginationMode = 'auto' | 'cursor' | 'slice' | 'page' | 'links';

/** How to walk a collection. */
/** How to walk a collection; `Item` types the items `next` is given, as the page lists them (before a schema checks them). */
export interface PaginateOptions<Item = unknown> extends Omit<RequestOptions, 'json' | 'body' | 'idempotencyKey'> {
  /**
   * A JSON object sent as the body of every page's request, which is then a `POST`: the search
   * APIs that page through a request body (Elasticsearch's `search_after`, Notion's database
   * query, HubSpot's search, GraphQL's `after`). What the next page sets — the offset, the page
   * number, the members `next` or the body of a list API names — is set in this body rather than
   * in the query. Anything but an object is a `TypeError`. A `POST` is retried only when the
   * retry options' `methods` name it.
   */
  readonly json?: Readonly<Record<string, unknown>> | undefined;
  /**
   * How the collection pages; another string is a `TypeError`. A mode named whose markers the
   * first page lacks while it shows another mode's (a cursor, page figures, a next link) ends
   * the walk with an `invalid_response`, none of the page's items handed out. @default 'auto'
   */
  readonly mode?: PaginationMode | undefined;
  /** Seed 003: the chunk size, sent as `sliceSize` with an `offset` that starts at 0; implies `slice` under `auto` (unless the first page shows another mode, then walked), and is sent as is in mode `cursor`. A positive integer; with mode `page` or `links`, a `TypeError`. */
  readonly sliceSize?: number | undefined;
  /** The most pages fetched, a positive integer or `Infinity`; the walk stops quietly after them (`progress.stop` is `'max_pages'`). @default 10_000 */
  readonly maxPages?: number | undefined;
  /** The query parameter of the offset (seed 003). @default 'offset' */
  readonly offsetParam?: string | undefined;
  /** The query parameter of the page number (seed 004). @default 'page' */
  readonly pageParam?: string | undefined;
  /** The query parameter of the chunk size (seed 003). @default 'sliceSize' */
  readonly sliceSizeParam?: string | undefined;
  /**
   * Requests the next page as soon as a page arrives, while its items are handed out, so that
   * the network and the caller's work overlap. When the caller stops early, one page more may
   * have been requested; the walk's end (`break`) aborts it. @default false
   */
  readonly prefetch?: boolean | undefined;
  /** Where a page's items are; by default the data when it is an array, else the one array in `_embedded` or in the data. */
  readonly items?: ((page: ApiSuccess<unknown>) => readonly unknown[] | undefined) | undefined;
  /**
   * A Standard Schema (zod 4, valibot, arktype) of one item: each item is validated and typed by
   * it (transforms applied). A page with an item that fails it ends the walk with an
   * `invalid_response` error whose issues start with the item's index in the page.
   */
  readonly schema?: StandardSchemaV1 | undefined;
  /**
   * How to ask for the page after this one, for an API that pages its own way: the query
   * parameters to set on this page's URL (Stripe's `{ starting_after: items.at(-1).id }`,
   * Google's `{ pageToken: page.data.nextPageToken }`, Slack's `cursor`; a `null` or `undefined`
   * value removes one; with `json`, the members to set in the body, of any JSON value), or the
   * next page's URL; `undefined` or `null` when this page is the last.
   * A next URL on another origin ends the walk with an error, as a next link does. With it, the
   * mode is `'custom'`: another `mode` or a `sliceSize` is a `TypeError`.
   * @example
   * api.paginate('/v1/customers', { next: (page, items) => (page.data as { has_more: boolean }).has_more ? { starting_after: (items.at(-1) as { id: string }).id } : undefined })
   */
  readonly next?: ((page: ApiSuccess<unknown>, items: readonly Item[]) => NextPage) | undefined;
}

/** What a `next` of the caller's gives: the members to set (in the query, or in the `json` body), the next URL, or nothing after the last page. */
export type NextPage = Query | Readonly<Record<string, unknown>> | string | URL | null | undefined;

/** Why a walk ended: the last page said so, the position stopped advancing, or `maxPages` was reached. */
export type PaginationStop = 'last' | 'stalled' | 'max_pages';

/** How far a walk has come. */
export interface PaginationProgress {
  /** Pages received so far; a page that repeats one already read is not counted, nor are its items handed out. */
  readonly pages: number;
  /** Items received so far. */
  readonly items: number;
  /** The number of items in the collection, when the server gives it (page figures, `X-Total-Count`, a list body's `count`, `total_count`, `totalSize`…). */
  readonly total: number | undefined;
  /**
   * The mode in use, once the first page has decided it: `'custom'` with a `next` of the caller's,
   * `'body'` for a list API whose body names its next page in a way of its own that faultline
   * knows (Stripe's `has_more`, Google's `nextPageToken`, …), `'single'` for one page.
   */
  readonly mode: Exclude<PaginationMode, 'auto'> | 'single' | 'custom' | 'body' | undefined;
  /** Whether the walk is over: the last page came, it stalled or reached `maxPages`, a page failed, or the caller stopped early. */
  readonly done: boolean;
  /** Why the walk ended; `undefined` while it runs, and after a failed page or an early stop. */
  readonly stop: PaginationStop | undefined;
}

/** The items of a collection, with the progress of the walk. */
export interface Paginator<T> extends AsyncIterable<T> {
  /** How far the walk has come, updated as pages arrive. */
  readonly progress: PaginationProgress;
  /** The pages themselves, each an array of items, for those who handle a page at a time. */
  pages(): AsyncIterableIterator<readonly T[]>;
}

/** What the client gives a paginator. */
export interface PageSource {
  /** The base URL's origin: credentials are never sent anywhere else. */
  readonly baseOrigin: string | undefined;
  readonly toUrl: (path: string | URL, query: Query | undefined) => string;
  readonly send: (method: string, url: string, init: RequestOptions | undefined) => Promise<Sent>;
}

type Mode = Exclude<PaginationMode, 'auto'> | 'single';
/** A page to ask for: its URL and, in a walk that sends a JSON body, that body. */
interface Position {
  readonly url: string;
  readonly json: Readonly<Record<string, unknown>> | undefined;
}
type Progress = { -readonly [K in keyof PaginationProgress]: PaginationProgress[K] };

/** The modes `mode` may name, {@link PaginationMode}'s, for callers without the type (JavaScript). */
const paginationModes: readonly unknown[] = ['auto', 'cursor', 'slice', 'page', 'links'];

/** A URL with one query parameter set (replaced when present). */
function withParam(url: string, name: string, value: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set(name, value);
  return parsed.href;
}

/** `position` with one member set: in its JSON body when it has one, else in its query. */
function withMember(position: Position, name: string, value: string | number): Position {
  const { url, json } = position;
  return json ? { url, json: { ...json, [name]: value } } : { url: withParam(url, name, String(value)), json };
}

/** A member of `position`: from its JSON body when it has one, else from its query; `null` when absent. */
function readMember(position: Position, name: string): string | null {
  const { url, json } = position;
  if (!json) return new URL(url).searchParams.get(name);
  const value = Object.hasOwn(json, name) ? json[name] : undefined;
  return value === undefined || value === null ? null : String(value);
}

/** `json` with each member `members` names set, as `withQuery` sets parameters; a `null` or `undefined` value removes it. */
function withMembers(json: Readonly<Record<string, unknown>>, members: Exclude<NextPage, string | URL | null | undefined>): Readonly<Record<string, unknown>> {
  const target: Record<string, unknown> = { ...json };
  // A name repeated in URLSearchParams is a list, as it is in a query.
  const entries = members instanceof URLSearchParams ? [...new Set(members.keys())].map((name) => [name, members.getAll(name).length > 1 ? members.getAll(name) : members.get(name)] as const) : Object.entries(members);
  for (const [name, value] of entries) {
    if (value === undefined || value === null) delete target[name];
    else setMember(target, name, value);
  }
  return target;
}

/**
 * What tells one page request from another: a 53-bit digest (two FNV-1a lanes) of its URL, and
 * of its body when it has one. Kept whole, a walk of long URLs or bodies held each page's text
 * in `seen` (4 KB a page for a 4 KB GraphQL query); two pages are taken for one only when both
 * lanes agree, a chance of about one in 10^8 over 10,000 pages.
 */
function toKey({ url, json }: Position): number {
  const text = json ? `${url} ${JSON.stringify(json)}` : url;
  let low = 0x811c9dc5;
  let high = 0x9e3779b9;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    low = Math.imul(low ^ code, 0x01000193);
    high = Math.imul(high ^ code, 0x5bd1e995);
  }
  return (high >>> 11) * 0x100000000 + (low >>> 0);
}

/** `url` with each parameter `query` names set to its values (`URLSearchParams` or an object); a `null` or `undefined` value removes it. */
function withQuery(url: string, query: Exclude<NextPage, string | URL | null | undefined>): string {
  const target = new URL(url);
  const names = query instanceof URLSearchParams ? [...new Set(query.keys())] : Object.keys(query);
  for (const name of names) {
    const value: unknown = query instanceof URLSearchParams ? query.getAll(name) : query[name];
    target.searchParams.delete(name);
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined && item !== null) target.searchParams.append(name, String(item));
  }
  return target.href;
}

function firstArray(record: Readonly<Record<string, unknown>> | undefined): readonly unknown[] | undefined {
  if (!record) return undefined;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (Array.isArray(value)) return value;
  }
  return undefined;
}

/** A page's items: the data when it is a list, else the one list in `_embedded` (HAL), else the first list in the data. */
function readItems(page: ApiSuccess<unknown>): readonly unknown[] | undefined {
  const { data } = page;
  if (Array.isArray(data)) return data;
  const data_ = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : undefined;
  return firstArray(page.embedded) ?? firstArray(data_);
}

/** RFC 8288 §3: the target of the first link whose `rel` names `next` (relation types are case-insensitive). */
export function parseNextLink(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  // No `<` inside the target (RFC 3986 never allows one): otherwise every `<` of a header of them
  // and no `>` was searched to the end, quadratic (11 s for 100 KB).
  const links = /<([^<>]*)>([^<]*)/g;
  for (let match = links.exec(header); match; match = links.exec(header)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i.exec(match[2]!);
    const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    // Sentry sends a next link on the last page too, marked `results="false"` (docs.sentry.io/api/pagination).
    // (`\x22` is the quote: a lone `"` in a regex literal derails happy-dom's module compiler, which the demo's tests load the build with.)
    if (relations.includes('next')) return /;\s*results\s*=\s*\x22?false\b/i.test(match[2]!) ? undefined : match[1];
  }
  return undefined;
}

function halNext(page: ApiSuccess<unknown>): string | undefined {
  const next = page.links?.['next'];
  const link = (Array.isArray(next) ? next[0] : next) as HalLink | undefined;
  return link?.href;
}

/** A count: a safe integer, 0 or more. */
const toTotalCount = (value: unknown): number | undefined => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined);

/** Whether `record` has a member `key` that is a list. */
const hasListAt = (record: Readonly<Record<string, unknown>>, key: string): boolean => Array.isArray(record[key]);

/**
 * The collection's size where a list API gives it in the body, each known by the members beside
 * it, so that a `total` or a `count` of something else is not taken for it:
 * - `total_count` beside a list: GitHub's search, Stripe's search, Intercom's lists;
 * - Salesforce's `totalSize` beside `records`; Mailchimp's `total_items`;
 * - `total` beside a list and where it starts or how long it is: Jira's `startAt` / `maxResults`,
 *   Spotify's and DummyJSON's `offset` / `skip` / `limit`;
 * - `count` beside `results` and `next` (Django REST Framework, on a single page too), or beside
 *   `next_page` (Zendesk's offset pages);
 * - Spring Data's `totalElements`, at the top (`Page`) or in `page` (`PagedModel`, HATEOAS);
 * - Laravel's API resources' `meta.total`; Directus's `meta.filter_count` / `total_count`;
 * - search engines' hits: Elasticsearch's `hits.total.value` when exact (`relation: "eq"`),
 *   Algolia's `nbHits`, Meilisearch's `totalHits`, Typesense's `found`.
 */
function toBodyTotal(body: unknown): number | undefined {
  if (!isRecord(body)) return undefined;
  const { total_count, totalSize, total_items, total, count, totalElements, page, meta, hits, nbHits, totalHits, found } = body;
  const hasList = firstArray(body) !== undefined;
  if (total_count !== undefined && hasList) return toTotalCount(total_count);
  if (totalSize !== undefined && hasListAt(body, 'records')) return toTotalCount(totalSize);
  if (total_items !== undefined && hasList) return toTotalCount(total_items);
  if (total !== undefined && hasList && ['startAt', 'maxResults', 'offset', 'skip', 'limit'].some((key) => Object.hasOwn(body, key))) return toTotalCount(total);
  if (count !== undefined && ((hasListAt(body, 'results') && Object.hasOwn(body, 'next')) || (hasList && Object.hasOwn(body, 'next_page')))) return toTotalCount(count);
  if (totalElements !== undefined && hasListAt(body, 'content')) return toTotalCount(totalElements);
  if (isRecord(page) && page['totalPages'] !== undefined) return toTotalCount(page['totalElements']);
  if (isRecord(meta)) return meta['last_page'] !== undefined ? toTotalCount(meta['total']) : toTotalCount(meta['filter_count'] ?? meta['total_count']);
  if (isRecord(hits) && isRecord(hits['total'])) return hits['total']['relation'] === 'eq' ? toTotalCount(hits['total']['value']) : undefined;
  if (!hasListAt(body, 'hits')) return undefined;
  return toTotalCount(nbHits ?? totalHits ?? found);
}

function toTotal(page: ApiSuccess<unknown>, headers: Headers | undefined): number | undefined {
  const records = page.page?.recordsCount;
  if (records !== undefined) return records;
  // `X-Total-Count` (json-server, many REST APIs), GitLab's `X-Total`.
  const header = headers?.get('x-total-count') ?? headers?.get('x-total');
  const total = header ? Number(header) : Number.NaN;
  return Number.isSafeInteger(total) && total >= 0 ? total : toBodyTotal(page.body);
}

/** Whether a page has the markers a mode walks by: a cursor, page figures, a next link. */
function shows(mode: Mode, page: ApiSuccess<unknown>, headers: Headers | undefined): boolean {
  return mode === 'page' ? page.page?.page !== undefined || page.page?.pagesCount !== undefined : mode === 'links' ? halNext(page) !== undefined || parseNextLink(headers?.get('link')) !== undefined : page.cursor !== undefined;
}

/**
 * The next page of a list API whose body names it in a way of its own, each known by members no
 * other API sends together: the query to set on the page's URL, or the next URL; `undefined` when
 * the body names none (the last page, or no such API).
 */
function toBodyNext(body: unknown, items: readonly unknown[]): Query | string | undefined {
  if (!isRecord(body)) return undefined;
  const { nextPageToken, object, has_more, next_cursor, nextRecordsUrl, done, next_page_uri, paging, pages, metadata, kind, nextPage, isLast, type, next_page, content, last, page, nbPages, totalPages } = body;
  // Google APIs (AIP-158): `nextPageToken`, sent back as `pageToken`; absent on the last page.
  if (typeof nextPageToken === 'string' && nextPageToken !== '') return { pageToken: nextPageToken };
  if (object === 'list' && has_more === true) {
    // Notion: `next_cursor`, sent as `start_cursor`. Stripe: the last item's id, as `starting_after`.
    if (typeof next_cursor === 'string') return { start_cursor: next_cursor };
    const last = items.at(-1);
    const id = isRecord(last) ? last['id'] : undefined;
    // Stripe's ids are text; its lookalikes' may be numbers (`{object: 'list', data: [{id: 42}]}`),
    // whose walk stopped after the first page as if it were the last.
    if (typeof id === 'string' || typeof id === 'number') return { starting_after: String(id) };
  }
  // Salesforce's query results: `nextRecordsUrl` while `done` is false.
  if (typeof nextRecordsUrl === 'string' && done === false) return nextRecordsUrl;
  // Twilio's 2010 API: `next_page_uri`, `null` on the last page.
  if (typeof next_page_uri === 'string') return next_page_uri;
  // HubSpot: `paging.next.after`. Intercom: a `list`'s `pages.next.starting_after`.
  const after = isRecord(paging) && isRecord(paging['next']) ? paging['next']['after'] : undefined;
  if (typeof after === 'string') return { after };
  const startingAfter = type === 'list' && isRecord(pages) && isRecord(pages['next']) ? pages['next']['starting_after'] : undefined;
  if (typeof startingAfter === 'string') return { starting_after: startingAfter };
  // Kubernetes: a `…List`'s `metadata.continue`, empty on the last page.
  const token = typeof kind === 'string' && kind.endsWith('List') && isRecord(metadata) ? metadata['continue'] : undefined;
  if (typeof token === 'string' && token !== '') return { continue: token };
  // Jira's PageBean: `nextPage` while `isLast` is false.
  if (typeof nextPage === 'string' && isLast === false) return nextPage;
  // Stripe's search: the `next_page` token, sent as `page`. Zendesk's offset pages: `next_page`, a URL.
  if (typeof next_page === 'string' && next_page !== '') return object === 'search_result' ? (has_more === true ? { page: next_page } : undefined) : isPageUrl(next_page) ? next_page : undefined;
  // Spring Data's `Page`: `number` counts from 0, `last` ends it; its `PagedModel`: `page.number`, `page.totalPages`.
  const springPage = Array.isArray(content) ? (isRecord(page) ? page : body) : undefined;
  const springNumber = springPage?.['number'];
  if (typeof springNumber === 'number' && Number.isInteger(springNumber) && springNumber >= 0) {
    const pagesCount = springPage!['totalPages'];
    return last === false || (last === undefined && typeof pagesCount === 'number' && springNumber + 1 < pagesCount) ? { page: springNumber + 1 } : undefined;
  }
  // Search engines' pages beside their `hits`: Algolia's `page` counts from 0 to `nbPages`, Meilisearch's from 1 to `totalPages`.
  if (Array.isArray(body['hits']) && typeof page === 'number' && Number.isInteger(page)) {
    if (typeof nbPages === 'number' && page + 1 < nbPages) return { page: page + 1 };
    if (typeof totalPages === 'number' && page < totalPages) return { page: page + 1 };
  }
  return undefined;
}

/** `auto`: the first response's own markers say how the collection pages. */
function decideMode(page: ApiSuccess<unknown>, headers: Headers | undefined): Mode {
  for (const mode of ['cursor', 'page', 'links'] as const) if (shows(mode, page, headers)) return mode;
  return 'single';
}

/**
 * A count given as an option, or `undefined`; anything but a positive integer is a mistake, said
 * at once: `maxPages: NaN` walked without end, `-1` fetched nothing, `sliceSize: -1` was sent.
 */
function toCount(value: number | undefined, name: string): number | undefined {
  if (value == null || (Number.isInteger(value) && value > 0)) return value ?? undefined;
  throw new RangeError(`${name} must be a positive integer, not ${String(value)}`);
}

function throwError(error: ApiError): never {
  throw new ResponseError(error);
}

/** Walks a collection; one instance per `paginate` call. */
class Walk {
  readonly progress: Progress = { pages: 0, items: 0, total: undefined, mode: undefined, done: false, stop: undefined };
  private nextPosition: Position | undefined;
  /** An error found while reading a page, thrown when the page after it is asked for. */
  private failure: ApiError | undefined;
  /** The next page, already requested (`prefetch`). */
  private pending: Promise<readonly unknown[] | undefined> | undefined;
  /** The pages read (their numbers) or asked for (their offsets, and digests of their next requests). */
  private readonly seen = new Set<string | number>();
  /** The offset of the first request, when its URL has one. */
  private readonly firstOffset: string | null;
  private readonly maxPages: number;
  private readonly offsetParam: string;
  private readonly pageParam: string;
  private readonly source: PageSource;
  private readonly init: PaginateOptions | undefined;
  /** Mode 'slice' comes from a `sliceSize` under 'auto', not from the caller: the first page may show another. */
  private readonly implied: boolean = false;

  constructor(source: PageSource, path: string | URL, init: PaginateOptions | undefined) {
    this.source = source;
    this.init = init;
    // `Infinity` is the usual way to say "no cap".
    this.maxPages = init?.maxPages === Number.POSITIVE_INFINITY ? init.maxPages : (toCount(init?.maxPages, 'maxPages') ?? 10_000);
    this.offsetParam = init?.offsetParam ?? 'offset';
    this.pageParam = init?.pageParam ?? 'page';
    const json = init?.json;
    // A body of members to set the next page's in: an array or a text has none.
    if (json !== undefined && !isRecord(json)) throw new TypeError('json must be an object');
    toStandardSchema(init?.schema);
    let position: Position = { url: source.toUrl(path, init?.query), json };
    const mode = init?.mode ?? 'auto';
    // A mode no walk knows (`'offset'`, from JavaScript) was walked as 'auto' unsaid.
    if (!paginationModes.includes(mode)) throw new TypeError(`mode must be 'auto', 'cursor', 'slice', 'page' or 'links', not ${String(mode)}`);
    const sliceSize = toCount(init?.sliceSize, 'sliceSize');
    // Seed 003's chunks take a size: offset + sliceSize ('slice'), and servers of its
    // offset-as-next-id chunks ('cursor') often take one too; pages and links follow their own rules.
    if (sliceSize !== undefined && (mode === 'page' || mode === 'links')) throw new TypeError(`sliceSize is for modes 'slice' and 'cursor', not '${mode}'`);
    if (init?.next !== undefined) {
      // The caller's `next` decides every page after the first: a mode or chunk size would be ignored unsaid.
      if (typeof init.next !== 'function') throw new TypeError('next must be a function');
      if (mode !== 'auto' || sliceSize !== undefined) throw new TypeError("next is a mode of its own ('custom'): give no mode or sliceSize with it");
      this.progress.mode = 'custom';
    }
    if (sliceSize !== undefined) position = withMember(position, init?.sliceSizeParam ?? 'sliceSize', sliceSize);
    if (sliceSize !== undefined && mode !== 'cursor') {
      // Seed 003: "if your request contains the offset 0 and a sliceSize of 2, the returned offset will be 2".
      if (readMember(position, this.offsetParam) === null) position = withMember(position, this.offsetParam, json ? 0 : '0');
      this.progress.mode = 'slice';
      this.implied = mode === 'auto';
    } else if (mode !== 'auto') this.progress.mode = mode;
    this.firstOffset = readMember(position, this.offsetParam);
    this.nextPosition = position;
  }

  /** The caller stopped early (`break`): set once, after which no page changes the walk. */
  private closed = false;
  /** Aborts the prefetched page's request, its retries and waits included, when the walk is closed. */
  private prefetchAbort: AbortController | undefined;

  /** The caller stopped early: a prefetched page is aborted and dropped, nothing more is fetched. */
  close(): void {
    this.closed = true;
    this.prefetchAbort?.abort();
    this.pending = undefined;
    this.finish(undefined);
  }

  /** Ends the walk: nothing more is fetched. */
  finish(stop: PaginationStop | undefined): void {
    this.nextPosition = undefined;
    this.progress.done = true;
    this.progress.stop = stop;
  }

  /** The page being read: the next request waits for it, so that two at once never read one page twice. */
  private reading: Promise<unknown> | undefined;

  /** The next page's items, or `undefined` when the walk is over. */
  fetchPage(): Promise<readonly unknown[] | undefined> {
    const page = this.reading ? this.reading.then(() => this.readPage(), () => this.readPage()) : this.readPage();
    return (this.reading = page);
  }

  private async readPage(): Promise<readonly unknown[] | undefined> {
    const pending = this.pending;
    this.pending = undefined;
    const page = await (pending ?? this.load());
    if (this.init?.prefetch && this.nextPosition !== undefined && !this.failure && !this.progress.done) {
      // Its own signal, which the caller's aborts too: a `break` ends the request, where it went
      // on retrying and waiting (a 503's Retry-After) behind the caller's back.
      const controller = (this.prefetchAbort = new AbortController());
      const callerSignal = this.init.signal;
      const onAbort = (): void => controller.abort(callerSignal?.reason);
      if (callerSignal?.aborted) onAbort();
      callerSignal?.addEventListener('abort', onAbort);
      const next = this.load(controller.signal).finally(() => callerSignal?.removeEventListener('abort', onAbort));
      // A failure of the prefetched page is thrown when that page is asked for, not before.
      next.catch(() => {});
      this.pending = next;
    }
    return page;
  }

  private async load(signal?: AbortSignal): Promise<readonly unknown[] | undefined> {
    // Closed (`break`): not even a failure found before is thrown, of a page never handed out.
    if (this.closed) return undefined;
    const failure = this.failure;
    if (failure) {
      this.failure = undefined;
      this.finish(undefined);
      return throwError(failure);
    }
    const position = this.nextPosition;
    if (position === undefined) return undefined;
    const progress = this.progress;
    if (progress.pages >= this.maxPages) {
      this.finish('max_pages');
      return undefined;
    }
    const init = signal ? { ...this.init, signal } : this.init;
    const sent = position.json ? await this.source.send('POST', position.url, { ...init, json: position.json }) : await this.source.send('GET', position.url, init);
    // Closed meanwhile (a prefetched page after a `break`): the walk stays as the caller left it.
    if (this.closed) return undefined;
    const { result } = sent;
    if (!result.ok) {
      this.finish(undefined);
      return throwError(result.error);
    }
    const page = result.value;
    // RFC 9110 §15.3.5: a 204 has no content, nor has an empty body: no items, and no next page
    // to ask for. An empty collection, not a page without a list.
    const empty = page.body === undefined;
    const found = empty ? [] : (this.init?.items ?? readItems)(page);
    if (!found) return this.refuse(page, 'The page holds no list of items (give `items` to say where they are)');
    const chosen = progress.mode;
    if (chosen && chosen !== 'custom' && chosen !== 'body' && progress.pages === 0 && !empty && !shows(chosen, page, sent.headers)) {
      // The first page lacks what the mode walks by. Another mode's markers: 'auto' walks that
      // mode; a mode the caller named does not fit the API. Walked on, the walk would end after
      // this page as if the last page said so. Seed 003's chunks say `hasNext` even on the last.
      const shown = decideMode(page, sent.headers);
      if (this.implied && shown !== 'single') progress.mode = shown;
      else if (shown !== 'single') return this.refuse(page, `The API pages in mode '${shown}', not '${chosen}'`);
      else if (chosen === 'slice') return this.refuse(page, "The page has no offset and hasNext for mode 'slice'");
    }
    progress.mode ??= decideMode(page, sent.headers);
    // One page as far as the seeds' modes can tell; a list API's body may name the next page its own way.
    if (progress.mode === 'single' && progress.pages === 0 && toBodyNext(page.body, found) !== undefined) progress.mode = 'body';
    const next = empty ? undefined : this.toNextPosition(page, sent, position, found);
    // A page already handed out, answered again (a server that ignores the page or offset asked
    // for): the walk stalled, and its items are not handed out twice.
    if (next === false) return this.stall();
    const schema = this.init?.schema;
    const checked = schema ? await validateItems(page, found, schema) : { ok: true as const, value: found };
    if (this.closed) return undefined;
    if (!checked.ok) {
      this.finish(undefined);
      return throwError(checked.error);
    }
    const items = checked.value;
    progress.pages++;
    progress.items += items.length;
    progress.total = toTotal(page, sent.headers) ?? progress.total;
    this.nextPosition = next;
    if (next === undefined && !progress.done && !this.failure) this.finish('last');
    return items;
  }

  /**
   * The page after this one; `undefined` when there is none, `false` when this page repeats one
   * already handed out. Asked before this page's items are handed out.
   */
  private toNextPosition(page: ApiSuccess<unknown>, sent: Sent, position: Position, items: readonly unknown[]): Position | undefined | false {
    const progress = this.progress;
    const count = items.length;
    switch (progress.mode) {
      case 'custom':
      case 'body': {
        const given = progress.mode === 'custom' ? this.init!.next!(page, items) : toBodyNext(page.body, items);
        if (given === undefined || given === null) return undefined;
        if (typeof given === 'string' || given instanceof URL) return this.followLink(page, sent, position, String(given));
        const { url, json } = position;
        return this.toUnseen(position, json ? { url, json: withMembers(json, given) } : { url: withQuery(url, given), json });
      }
      case 'cursor':
      case 'slice': {
        const cursor = page.cursor;
        if (!cursor || !cursor.hasNext) return undefined;
        const { offset } = cursor;
        // An offset already sent would fetch the same chunks again, forever. One an earlier page
        // gave (not the first request's own) names the same next chunk as that page did: this page
        // is that page again (the offset sent was ignored, or did not advance).
        if (offset === this.firstOffset) return this.stall();
        if (this.seen.has(offset)) return false;
        this.seen.add(offset);
        // Slack's methods take the cursor as `cursor` (api.slack.com/apis/pagination), seed 003 and Airtable as `offset`.
        // In a body, the offset goes back as the API gave it: seed 003 gives a text, a search API a number.
        const given = position.json && isRecord(page.body) ? page.body['offset'] : undefined;
        return withMember(position, this.init?.offsetParam ?? (page.dialect === 'slack' ? 'cursor' : this.offsetParam), typeof given === 'number' && String(given) === offset ? given : offset);
      }
      case 'page': {
        const info = page.page;
        const current = info?.page ?? Number(readMember(position, this.pageParam) ?? progress.pages + 1);
        const key = String(current);
        // A page number already read, answered for another: the server ignored the page asked for.
        if (this.seen.has(key)) return false;
        // Without `pagesCount`, an empty page is the end.
        if (info?.pagesCount !== undefined ? current >= info.pagesCount : count === 0) return undefined;
        this.seen.add(key);
        return withMember(position, this.pageParam, current + 1);
      }
      case 'links': {
        const href = halNext(page) ?? parseNextLink(sent.headers?.get('link'));
        return href === undefined ? undefined : this.followLink(page, sent, position, href);
      }
      default:
        return undefined;
    }
  }

  /** A next link, resolved against the page's URL, if it may be followed (see the module comment's origin rules). */
  private followLink(page: ApiSuccess<unknown>, sent: Sent, position: Position, href: string): Position | undefined | false {
    let target: URL;
    try {
      target = new URL(href, sent.url || position.url);
    } catch {
      return this.failAfter(page, `Invalid next link: ${href}`);
    }
    // Behind a TLS-terminating proxy, Django REST Framework and other servers build `http:`
    // links to their own host: under an `https:` base, such a link is followed over https,
    // never the reverse.
    if (target.protocol === 'http:' && this.source.baseOrigin === `https://${target.host}`) target.protocol = 'https:';
    // A link with a user and password in it is no page to fetch: fetch refuses such a URL, and
    // the credentials are the link's, not the caller's.
    if (target.username !== '' || target.password !== '') return this.failAfter(page, 'The next link carries credentials');
    // Credentials (x-api-key, Authorization, cookies) never leave the base URL's origin: rather
    // than follow the link, with or without them, the walk ends with an error once this page's
    // items have been handed out.
    if (target.origin !== this.source.baseOrigin) return this.failAfter(page, `The next link leads to another origin: ${target.origin}`);
    // A walk with a body sends it to the next URL too.
    return this.toUnseen(position, { url: target.href, json: position.json });
  }

  /** `next`, unless it was fetched or asked for before: the walk stalled. */
  private toUnseen(position: Position, next: Position): Position | undefined {
    // The page just fetched is seen too: a link back to the first page (A → B → A) would hand out its items again.
    this.seen.add(toKey(position));
    const key = toKey(next);
    if (this.seen.has(key)) return this.stall();
    this.seen.add(key);
    return next;
  }

  /** Ends the walk with an `invalid_response` about this page once its items have been handed out. */
  private failAfter(page: ApiSuccess<unknown>, detail: string): undefined {
    this.failure = toApiError({ kind: 'invalid_response', status: page.status, detail });
    return undefined;
  }

  /** Ends the walk with an `invalid_response` about this page, none of its items handed out. */
  private refuse(page: ApiSuccess<unknown>, detail: string): never {
    this.finish(undefined);
    return throwError(toApiError({ kind: 'invalid_response', status: page.status, detail, dialect: page.dialect, body: page.body }));
  }

  private stall(): undefined {
    this.finish('stalled');
    return undefined;
  }
}

const doneResult: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * The key `for await` looks an iterator up by: Hermes (React Native's engine) has no
 * `Symbol.asyncIterator`, and Babel's `for await` then asks for `@@asyncIterator`. Under the
 * missing symbol, the key was the text "undefined": "Object is not async iterable".
 */
const asyncIterator: typeof Symbol.asyncIterator = Symbol.asyncIterator ?? ('@@asyncIterator' as unknown as typeof Symbol.asyncIterator);

/** The items of a walk, one at a time: a class with fixed fields, so that `next` stays monomorphic and cheap. */
class ItemIterator<T> implements AsyncIterator<T> {
  private items: readonly unknown[] = [];
  private index = 0;
  private readonly walk: Walk;

  constructor(walk: Walk) {
    this.walk = walk;
  }

  /** A page being read: a `next()` made meanwhile waits for it rather than skip its items. */
  private loading: Promise<IteratorResult<T>> | undefined;

  next(): Promise<IteratorResult<T>> {
    if (this.loading) return this.loading.then(() => this.next());
    const { items, index } = this;
    if (index < items.length) {
      this.index = index + 1;
      return Promise.resolve({ done: false, value: items[index] as T });
    }
    return (this.loading = this.nextPage().finally(() => (this.loading = undefined)));
  }

  private async nextPage(): Promise<IteratorResult<T>> {
    for (;;) {
      const page = await this.walk.fetchPage();
      if (page === undefined) return doneResult;
      this.items = page;
      if (page.length > 0) {
        this.index = 1;
        return { done: false, value: page[0] as T };
      }
    }
  }

  return(): Promise<IteratorResult<T>> {
    this.items = [];
    this.walk.close();
    return Promise.resolve(doneResult);
  }
}

/** Makes the paginator of `client.paginate`. Nothing is fetched before the first `next()`. */
export function createPaginator<T>(source: PageSource, path: string | URL, init: PaginateOptions | undefined): Paginator<T> {
  const walk = new Walk(source, path, init);
  return {
    get progress(): PaginationProgress {
      return walk.progress;
    },
    [asyncIterator]: (): AsyncIterator<T> => new ItemIterator<T>(walk),
    pages(): AsyncIterableIterator<readonly T[]> {
      const iterator: AsyncIterableIterator<readonly T[]> = {
        next: async () => {
          const page = await walk.fetchPage();
          return page === undefined ? doneResult : { done: false, value: page as readonly T[] };
        },
        return: () => {
          walk.close();
          return Promise.resolve(doneResult);
        },
        [asyncIterator]: () => iterator,
      };
      return iterator;
    },
  };
}
