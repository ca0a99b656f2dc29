/**
 * `normalize` for a Web `Response`: reads the body as a stream with a size cap and cancels
 * the rest, so a 1 GiB error page costs at most the cap plus one chunk.
 */
import { toApiError } from './create-error.ts';
import { readOwn } from './members.ts';
import type { ApiResult } from './model.ts';
import { normalize, type Normalize, type NormalizeOptions } from './normalize.ts';
import { isHttpStatus } from './status.ts';
import { abortedFirst, untilAborted } from './until-aborted.ts';

/** How to read a response. */
export interface NormalizeResponseOptions extends NormalizeOptions {
  /** The most body bytes read; the rest is cancelled unread. @default 1_048_576 (1 MiB) */
  readonly maxBodyBytes?: number | undefined;
  /** The normalize function that reads the response: one of `createNormalizer`'s, for dialects of your own or fewer. @default normalize */
  readonly normalize?: Normalize | undefined;
}

/** The default body cap: 1 MiB. */
const defaultMaxBodyBytes = 1_048_576;

/** A body as read: its bytes, or its text where the response gives no stream (React Native's fetch). */
type BodyRead = { readonly bytes: Uint8Array | string | undefined; readonly overflow: boolean; readonly failure?: unknown };

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The reader of a body being read, for {@link readBodyUntil} to cancel. */
type HeldReader = { reader?: ReadableStreamDefaultReader<Uint8Array> };

/**
 * Reads at most `limit` bytes (plus the chunk that crossed it), then cancels the stream.
 * `headers` are the response's, read once by the caller; `held` is given the reader.
 */
async function readBodyCapped(response: Response, headers: Headers, limit: number, held: HeldReader | undefined): Promise<BodyRead> {
  const stream = response.body;
  if (stream === null) return { bytes: undefined, overflow: false };
  const declared = Number(headers.get('content-length'));
  if (declared > limit) {
    // A declared length over the cap: read nothing.
    await stream?.cancel().catch(() => {});
    return { bytes: undefined, overflow: true };
  }
  if (!stream) {
    // React Native's fetch and the whatwg-fetch polyfill give no stream, only the Body methods
    // (its XMLHttpRequest has read the body whole already): every body was read as none. `text()`
    // is the method every one of them has (React Native's FileReader lacks readAsArrayBuffer).
    const text = typeof response.text === 'function' ? await response.text() : '';
    return text.length > limit ? { bytes: undefined, overflow: true } : { bytes: text || undefined, overflow: false };
  }
  const reader = stream.getReader();
  if (held) held.reader = reader;
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel().catch(() => {});
        return { bytes: undefined, overflow: true };
      }
    }
  } catch (failure) {
    reader.releaseLock();
    return { bytes: undefined, overflow: false, failure };
  }
  return { bytes: concat(chunks, total), overflow: false };
}

/**
 * {@link readBodyCapped}, ended by `signal` whether or not the body honours it: a stream that
 * ignores cancel (a mock fetch's), a `text()` that never settles. The read fails with the signal's
 * reason, as undici's body read does when its fetch's signal aborts, so that what the caller sees
 * is the same either way. One race for the whole body, not one per chunk: the reader is cancelled
 * when the signal wins (best effort: a stream may ignore it), which ends the loop's pending read.
 */
async function readBodyUntil(response: Response, headers: Headers, limit: number, signal: AbortSignal): Promise<BodyRead> {
  const held: HeldReader = {};
  const read = await untilAborted(readBodyCapped(response, headers, limit, held), signal);
  if (read !== abortedFirst) return read;
  try {
    held.reader?.cancel(signal.reason).catch(() => {});
  } catch {
    // A reader of the caller's whose cancel throws: nothing more can be released.
  }
  return { bytes: undefined, overflow: false, failure: signal.reason };
}

/**
 * The kind a fetch or a body read failing with this value says, by its `name` (an Error's is
 * inherited from its class): an `AbortError` is `aborted`, a `TimeoutError` (`AbortSignal.timeout`)
 * a `timeout`, a `NetworkError` (a DOMException some fetches, happy-dom's, reject with) `network`;
 * `undefined` for any other.
 */
export function toFailureKind(failure: unknown): 'aborted' | 'timeout' | 'network' | undefined {
  let name: unknown;
  try {
    name = typeof failure === 'object' && failure !== null ? (failure as { name?: unknown }).name : undefined;
  } catch {
    // A Proxy whose traps throw, thrown by a stream of the caller's: no name, a network failure.
  }
  return name === 'AbortError' ? 'aborted' : name === 'TimeoutError' ? 'timeout' : name === 'NetworkError' ? 'network' : undefined;
}

/** An Error's message, when it has one; never throws, whatever the value (a Proxy whose traps throw). */
export function messageOf(value: unknown): string | undefined {
  try {
    const message: unknown = value instanceof Error ? value.message : undefined;
    return typeof message === 'string' && message !== '' ? message : undefined;
  } catch {
    return undefined;
  }
}

/** The message of a failure's cause: undici says "terminated" and puts the reason ("other side closed") there. Never throws. */
export function describeCause(failure: unknown): string | undefined {
  try {
    return messageOf((failure as { cause?: unknown } | null)?.cause);
  } catch {
    return undefined;
  }
}

/**
 * Whether a body read failed because its `Content-Encoding` does not decode it: undici reports
 * zlib's `Z_DATA_ERROR` (gzip, deflate) and brotli's `ERR__ERROR_FORMAT_…` as the cause of a
 * "terminated". Never throws.
 */
function isUndecodable(failure: unknown): boolean {
  try {
    const code: unknown = (failure as { cause?: { code?: unknown } } | null)?.cause?.code;
    return typeof code === 'string' && /^(?:Z_|ERR__)/.test(code);
  } catch {
    return false;
  }
}

/** Whether the body was read before, or is being read (its stream locked to a reader); never throws, whatever the object. */
function wasRead(response: Response): boolean {
  try {
    return response.bodyUsed === true || response.body?.locked === true;
  } catch {
    return false;
  }
}

/** A status line's three digits past HTTP's statuses (600–999), which undici passes on. */
const isStatusLine = (status: unknown): status is number => Number.isInteger(status) && (status as number) > 599 && (status as number) < 1000;

/**
 * Reads a `Response` and normalizes it. Never rejects: a body that breaks off or exceeds
 * `maxBodyBytes` becomes an error of its own.
 * @example
 * const result = await normalizeResponse(await fetch(url));
 */
export function normalizeResponse<T = unknown>(response: Response, options?: NormalizeResponseOptions): Promise<ApiResult<T>> {
  return readResponse<T>(response, options, undefined);
}

/**
 * {@link normalizeResponse}, its body read ended by `signal` (the client's attempt signal: the
 * caller's abort and the time-outs) whether or not the response honours it. Not exported from the
 * package: the client's own.
 */
export async function readResponse<T = unknown>(response: Response, options: NormalizeResponseOptions | undefined, signal: AbortSignal | undefined): Promise<ApiResult<T>> {
  let status: unknown;
  let headers: Headers;
  let type: unknown;
  try {
    status = response.status;
    headers = response.headers;
    // An object with a status but no Headers (`{ status: 200 }`) is no response either: read on, it
    // failed as a network error ("Cannot read properties of undefined").
    if (typeof headers?.get !== 'function') throw headers;
    // Read only when the status says nothing: an opaque response's (undici's getter costs).
    type = isHttpStatus(status) ? undefined : response.type;
  } catch {
    // A hostile or broken object: RELIABILITY.md "Total" holds for normalizeResponse too.
    return { ok: false, error: toApiError({ kind: 'invalid_response', detail: 'Not a response' }) };
  }
  // undici passes on a status line of 600–999 (`HTTP/1.1 999 Odd`): a response came, whose status
  // is none. It is read on, and normalize says so ("Invalid status 999"), body and ids kept, as
  // for the same response saved (`faultline inspect`).
  if (!isHttpStatus(status) && !isStatusLine(status)) {
    // Fetch standard §3.1.4: an opaque response (a `no-cors` request) and an opaque-redirect one
    // (`redirect: 'manual'` in a browser) hide their status, headers and body: one arrived, unusable.
    if (type === 'opaque' || type === 'opaqueredirect') {
      return { ok: false, error: toApiError({ kind: 'invalid_response', detail: `The response is ${type}: mode 'no-cors' and redirect 'manual' hide its status and body` }) };
    }
    // Response.error() has status 0: nothing was received.
    return { ok: false, error: toApiError({ kind: status === 0 ? 'network' : 'invalid_response', detail: status === 0 ? undefined : 'Not a response' }) };
  }
  const cap = options ? readOwn(options, 'maxBodyBytes') : undefined;
  const limit = typeof cap === 'number' && cap >= 0 ? cap : defaultMaxBodyBytes;
  const success = status >= 200 && status < 300;
  let read: BodyRead;
  let unread: string | undefined;
  try {
    read = await (signal ? readBodyUntil(response, headers, limit, signal) : readBodyCapped(response, headers, limit, undefined));
  } catch (failure) {
    read = { bytes: undefined, overflow: false, failure };
    // A body read before (`await response.json()`, then normalizeResponse) is locked: no reader,
    // a mistake of the caller's, not a network failure to retry. Asked only then: undici's
    // `bodyUsed` costs 1.5 µs, as much as reading a small body.
    if (wasRead(response)) unread = 'The body was already read, or is being read: normalize the response before reading it, or a clone of it';
  }
  const overflow = read.overflow ? `The body exceeds the limit of ${limit} bytes` : undefined;
  if ((overflow || unread) && success) {
    return { ok: false, error: toApiError({ kind: 'invalid_response', status, detail: overflow ?? unread }) };
  }
  let brokenOff: string | undefined;
  if ('failure' in read && !unread) {
    const { failure } = read;
    // Any failure to read a body that arrived is the network's, unless a signal ended it.
    const kind = toFailureKind(failure) ?? 'network';
    const message = messageOf(failure);
    const cause = describeCause(failure) ?? message;
    // A body its Content-Encoding does not decode is the server's fault, the same at every try:
    // no network failure to retry, but a response that cannot be used, with its status.
    const undecodable = kind === 'network' && isUndecodable(failure);
    brokenOff = undecodable ? `The body is not valid ${headers.get('content-encoding')}: ${cause}` : kind === 'network' ? `The body broke off before it was complete${cause ? `: ${cause}` : ''}` : (message ?? 'The body could not be read');
    if (undecodable && success) return { ok: false, error: toApiError({ kind: 'invalid_response', status, detail: brokenOff }) };
    // The status already arrived: an error status keeps its own kind; a success that broke off did
    // not succeed. DESIGN.md: a network failure, a time-out or an abort has no status.
    if (success || kind === 'aborted') return { ok: false, error: toApiError({ kind, detail: brokenOff }) };
  }
  const given = options ? readOwn(options, 'normalize') : undefined;
  const result = (typeof given === 'function' ? (given as Normalize) : normalize)<T>({ status, headers, body: read.bytes }, options);
  // An error whose body was not read still says why it has no message of its own.
  const unsaid = overflow ?? unread ?? brokenOff;
  // An own read: a polluted Object.prototype's `detail` is none of this error's.
  return unsaid && !result.ok && readOwn(result.error, 'detail') === undefined ? { ok: false, error: toApiError({ ...result.error, detail: unsaid }) } : result;
}
