/**
 * From what the command line names to an {@link ApiResult}: a file's bytes, standard input, or a
 * live response. A file (or standard input) is either a bare body, whose status comes from
 * `--status`, or a response saved with `curl -i`, which carries its own status line and headers.
 */
import { Buffer } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { createBrotliDecompress, createGunzip, createInflate, type BrotliDecompress, type Gunzip, type Inflate } from 'node:zlib';
import { fetchFollowing } from '../fetch/redirects.ts';
import { isTextMediaType, toMediaType } from '../headers.ts';
import { normalize, normalizeResponse, type ApiResult } from '../index.ts';
import { isFieldName } from '../server/header-safety.ts';
import type { InspectCommand } from './arguments.ts';
import { exitCodes, type ExitCode } from './exit-codes.ts';

/** Where the response comes from. */
export type Source = { readonly kind: 'stdin' } | { readonly kind: 'url'; readonly url: URL } | { readonly kind: 'file'; readonly path: string };

/** A header as a pair; pairs keep repeated names and never throw, as a `Headers` object would on a bad value. */
export type HeaderPair = [name: string, value: string];

/** What `curl -i` saves: the last status line (after any `100 Continue`, redirect or proxy `CONNECT`), its headers and the body. */
export interface SavedResponse {
  readonly status: number;
  readonly headers: readonly HeaderPair[];
  readonly body: Uint8Array;
  /** The head runs on past its limit ({@link maxHeadBytes}) with no end in sight: where the body starts is unknown. */
  readonly headOverLimit?: true;
}

/** The model, or why there is none and the exit code that says so. */
export type SourceRead =
  | { readonly ok: true; readonly result: ApiResult }
  | { readonly ok: false; readonly exitCode: ExitCode; readonly message: string };

/** What reading needs from the outside world, given so that tests can supply it. */
export interface SourceInput {
  /** Standard input, its first `maxBytes` bytes: reading stops there (see {@link readAtMost}). */
  readonly readStdin: (maxBytes: number) => Promise<Uint8Array>;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch | undefined;
  /** How long a live response may take, body included. @default 30_000 */
  readonly timeoutMs?: number | undefined;
}

/** The default wait for a live response: 30 seconds, headers and body. */
export const defaultTimeoutMs = 30_000;

/**
 * The most body bytes normalizeResponse reads by default. A saved body is handed to it cut one
 * byte past this, so that a 600 MB file is neither copied into a Response nor decoded whole as
 * text (past V8's string limit, which aborted Node), and is still read as over the limit.
 */
const maxBodyBytes = 1_048_576;

/** The most bytes read as status lines and headers: several blocks of `curl -iL` are kilobytes. */
const maxHeadBytes = 1_048_576;

/**
 * The most bytes read of a file or standard input: a head and a body each at its limit, and one
 * byte more. A saved response cut there has a body over the limit however long its head (at most
 * {@link maxHeadBytes} of it is read as one), so it reads as the same response live, and a bare
 * body cut there is over the limit too; the rest is never read. A 3 GB file, or
 * `yes | faultline inspect -`, costs 2 MiB rather than all of it (or never ending).
 */
export const maxSavedBytes: number = maxHeadBytes + maxBodyBytes + 1;

/**
 * What reads as a URL of a scheme faultline does not fetch: `scheme://…` (two letters or more, so
 * that `C://x` stays a Windows path), or a scheme written without slashes that is only ever a URL's
 * (`file:`, `mailto:`, `data:`). `notes-10:30.http` is a file.
 */
const otherUrl = /^(?:[a-z][a-z\d+.-]+:\/\/|(?:file|ftp|ftps|sftp|ws|wss|data|mailto|javascript):)/i;

/**
 * `-` is standard input, an `http:` or `https:` URL is fetched, anything else is a file path.
 * Text that looks like a URL of another scheme (`ftp://…`, `file:///…`) or like a broken http(s)
 * one (`http:foo`) is refused rather than looked for as a file: a file of such a name is read as
 * `./name`, so what a source means never depends on the files in the folder.
 * @returns the source, or a sentence saying why the URL cannot be used (a usage error)
 */
export function toSource(text: string): Source | string {
  if (text === '-') return { kind: 'stdin' };
  if (/^https?:(?!\/\/)/i.test(text)) return `"${text}" is not a valid URL: an http(s) URL starts with http:// or https:// (a file of that name: ./${text})`;
  if (!/^https?:\/\//i.test(text)) {
    return otherUrl.test(text) ? `only http and https URLs are fetched, not "${text}" (a file of that name: ./${text})` : { kind: 'file', path: text };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text}" is not a valid URL`;
  }
  // Fetch refuses a URL with credentials (Fetch §5.4, "new Request" step 8): say what to do instead.
  if (url.username !== '' || url.password !== '') return 'a URL may not carry credentials: send them with --header "Authorization: …"';
  return { kind: 'url', url };
}

/** `HTTP/1.1 404 Not Found`, `HTTP/2 200`: the status line of RFC 9112 §4, and curl's spelling of HTTP/2 and 3. */
const statusLine = /^HTTP\/\d(?:\.\d)? (\d{3})(?: [^\r\n]*)?\r?$/;

/** The line that starts at `start`, without its CR LF, and where the next one starts. */
function readLine(text: string, start: number): { readonly line: string; readonly next: number } {
  const end = text.indexOf('\n', start);
  const stop = end === -1 ? text.length : end;
  return { line: text.slice(start, stop).replace(/\r$/, ''), next: end === -1 ? text.length : end + 1 };
}

/**
 * A response saved by `curl -i` (or `curl -iL`, or through a proxy): status lines with headers,
 * a blank line after each block, then the body. The last block is the response; `undefined`
 * when the bytes do not start with a status line. A line that is no header field (no `Name:`
 * before a colon, as `{"message":…}`) ends the head and starts the body: curl never writes one
 * into a head, so a head cut short of its blank line (an edited file, a `printf`) loses no body.
 * @example
 * parseSavedResponse(new TextEncoder().encode('HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n\r\nNo such page'));
 * // { status: 404, headers: [['Content-Type', 'text/plain']], body: Uint8Array('No such page') }
 */
export function parseSavedResponse(bytes: Uint8Array): SavedResponse | undefined {
  // The head is bytes, not UTF-8 (RFC 9110 §5.5: field values are octets; latin1 keeps each one).
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, maxHeadBytes));
  // A byte order mark that an editor or PowerShell's Out-File put before the status line.
  let position = text.startsWith('\u00ef\u00bb\u00bf') ? 3 : 0;
  let saved: { status: number; headers: HeaderPair[] } | undefined;
  // Whether the last head ended: at its blank line, at a line that is no header, or with the input.
  let ended = true;
  blocks: for (;;) {
    const { line, next } = readLine(text, position);
    const match = statusLine.exec(line);
    if (!match) break;
    const headers: HeaderPair[] = [];
    saved = { status: Number(match[1]), headers };
    position = next;
    ended = false;
    while (position < text.length) {
      const field = readLine(text, position);
      // A line the limit cut: the head goes on past it.
      if (field.next === text.length && !text.endsWith('\n') && bytes.byteLength > text.length) break;
      if (field.line === '') {
        position = field.next;
        ended = true;
        break;
      }
      const last = headers.at(-1);
      if (/^[ \t]/.test(field.line) && last) {
        // RFC 9112 §5.2: an obsolete line folding continues the previous value.
        headers[headers.length - 1] = [last[0], `${last[1]} ${field.line.trim()}`];
        position = field.next;
        continue;
      }
      const colon = field.line.indexOf(':');
      const name = colon === -1 ? '' : field.line.slice(0, colon).trim();
      // No header: the head ended without its blank line, and this line is the body's first.
      if (!isFieldName(name)) {
        ended = true;
        break blocks;
      }
      headers.push([name, field.line.slice(colon + 1).trim()]);
      position = field.next;
    }
    if (!ended) break;
  }
  if (!saved) return undefined;
  // Header lines up to the limit and more bytes after it: the rest of the head was never read.
  if (!ended && bytes.byteLength > text.length) return { ...saved, body: new Uint8Array(), headOverLimit: true };
  // latin1 maps each byte to one character, so a character position is a byte offset.
  return { ...saved, body: bytes.subarray(position) };
}

/**
 * Why `bytes` cannot be a body of text, or `undefined` when they can: a NUL byte or a byte
 * sequence that is not UTF-8 (RFC 8259 §8.1). Asked of a body nothing describes (a bare body
 * without a `--header` Content-Type), and of one whose Content-Encoding says it may still be compressed.
 */
export function findNonText(bytes: Uint8Array): string | undefined {
  const nul = bytes.indexOf(0);
  // ignoreBOM keeps a byte order mark as U+FEFF, so character and byte positions stay in step.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const encoder = new TextEncoder();
  let offset = 0;
  let from = 0;
  for (let index = text.indexOf('\uFFFD'); index !== -1; index = text.indexOf('\uFFFD', from)) {
    offset += encoder.encode(text.slice(from, index)).byteLength;
    // A replacement character the bytes really hold is EF BF BD; anything else was not UTF-8.
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) {
      return nul !== -1 && nul < offset ? `it holds a NUL byte at byte ${nul}` : `it is not UTF-8 text (byte ${offset} is 0x${bytes[offset]!.toString(16).padStart(2, '0')})`;
    }
    offset += 3;
    from = index + 1;
  }
  return nul === -1 ? undefined : `it holds a NUL byte at byte ${nul}`;
}

/** The headers with `--header`s added, each given name replacing the saved fields of that name. */
function withHeaders(saved: readonly HeaderPair[], given: InspectCommand['headers']): HeaderPair[] {
  const replaced = new Set(given.map(([name]) => name.toLowerCase()));
  return [...saved.filter(([name]) => !replaced.has(name.toLowerCase())), ...given.map(([name, value]): HeaderPair => [name, value])];
}

/** The value of the field named `name` (lower case), in any case. */
function findHeader(headers: readonly HeaderPair[], name: string): string | undefined {
  return headers.find(([field]) => field.toLowerCase() === name)?.[1];
}

/** The content codings fetch decompresses (undici: gzip, deflate, br), and the zlib stream for each. */
const decompressors: Readonly<Record<string, () => Gunzip | Inflate | BrotliDecompress>> = { gzip: createGunzip, 'x-gzip': createGunzip, deflate: createInflate, br: createBrotliDecompress };

/** The first two bytes of gzip (RFC 1952 §2.3.1). */
const isGzip = (bytes: Uint8Array): boolean => bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * What became of a body whose Content-Encoding names a coding: its bytes decompressed, or why
 * they were not, as the clause that follows "Its Content-Encoding is gzip, but".
 */
type Decompressed = { readonly bytes: Uint8Array } | { readonly failure: string } | undefined;

/**
 * The body decompressed as its Content-Encoding says, as fetch gives it live: at most one byte
 * past the body limit, so that a small bomb is read as over the limit rather than into memory.
 * `undefined` for a coding Node does not decompress, and for an empty body. A `failure` when the
 * bytes are not of their coding: not gzip's first bytes, a decoder that throws, or one that
 * stops before the last byte. `curl -i --compressed` keeps the Content-Encoding of a body it
 * already decompressed, so such a body is read as it is (see {@link findUnreadable}). Brotli has
 * no first bytes of its own to check: text that starts with `3 5 7 9 ; = ?` reads to it as an
 * empty last block, after which it stops, having given nothing.
 */
async function decompress(body: Uint8Array, encoding: string): Promise<Decompressed> {
  const coding = encoding.trim().toLowerCase();
  const create = Object.hasOwn(decompressors, coding) ? decompressors[coding] : undefined;
  if (!create || body.byteLength === 0) return undefined;
  const name = coding === 'x-gzip' ? 'gzip' : coding;
  if (name === 'gzip' && !isGzip(body)) return { failure: 'its bytes are not gzip data' };
  const stream = create();
  stream.end(body);
  let bytes: Uint8Array;
  try {
    bytes = await readAtMost(stream, maxBodyBytes + 1);
  } catch (thrown) {
    return { failure: `it does not decompress: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
  }
  // bytesWritten is the input the decoder took. Bytes after the compressed data are ignored, as
  // fetch ignores them live; but a decoder that took a few bytes and gave nothing read no such
  // data at all (Node's Brotli decoder reads text starting with `3 5 7 9 ; = ?` as an empty last block).
  if (bytes.byteLength === 0 && stream.bytesWritten < body.byteLength) {
    return { failure: `its bytes are not ${name} data: the ${name} data ends after ${stream.bytesWritten} of its ${body.byteLength} bytes` };
  }
  return { bytes };
}

/**
 * Why the body cannot be read, or `undefined` when it can. A head (saved, or a `--header`
 * Content-Type) says what the body is, as it does live: a binary success stays bytes, a `charset`
 * is honoured, a NUL is a character of the text. A body nothing describes must be UTF-8 text.
 * A body its Content-Encoding may still hold (one that did not decompress, or in a coding Node
 * does not decompress) is read as it is only when it is text, as `curl --compressed` saves it:
 * otherwise it would be read as garbage text. The advice says what to give or do instead.
 * @param decompressed what {@link decompress} made of it; `{ bytes }` means the body is plain now
 */
function findUnreadable(body: Uint8Array, saved: boolean, status: number, headers: readonly HeaderPair[], decompressed: Decompressed): string | undefined {
  if (body.byteLength > maxBodyBytes) return undefined;
  const contentType = findHeader(headers, 'content-type');
  const encoding = findHeader(headers, 'content-encoding');
  const encoded = encoding !== undefined && encoding.toLowerCase() !== 'identity' && !(decompressed && 'bytes' in decompressed);
  // As normalize decodes a body: a success of a type that is not text stays bytes.
  const text = status < 200 || status > 299 || isTextMediaType(toMediaType(contentType));
  if ((saved || contentType !== undefined) && !(encoded && text)) return undefined;
  const reason = findNonText(body);
  if (reason === undefined) return undefined;
  let advice: string;
  if (encoded && decompressed) advice = ` Its Content-Encoding is ${encoding}, but ${decompressed.failure}.`;
  else if (encoded) advice = ` Its Content-Encoding is ${encoding}, which faultline does not decompress: decompress it first, or save it with curl --compressed.`;
  else if (isGzip(body)) advice = ' It looks gzip-compressed: add -H "Content-Encoding: gzip", or gunzip it first.';
  // A bare body nothing describes: its Content-Type (a charset, a binary type) is what it lacks.
  else advice = ' Say what it is with -H "Content-Type: …", as -H "Content-Type: text/plain; charset=iso-8859-1" for Latin-1 text.';
  return `${reason}; faultline reads JSON and text bodies.${advice}`;
}

/** The null body statuses of Fetch §2.2.3 that a Response can have: fetch drops their body ("main fetch"). */
const nullBodyStatuses: ReadonlySet<number> = new Set([204, 205, 304]);

/**
 * The saved response as fetch would have given it, for normalizeResponse to read as it reads a
 * live one; `undefined` for a status a `Response` cannot have (1xx, over 599).
 */
function toResponse(status: number, headers: readonly HeaderPair[], body: Uint8Array): Response | undefined {
  if (status < 200 || status > 599) return undefined;
  const fields = new Headers();
  for (const [name, value] of headers) {
    // The saved bytes are the body: a Content-Length may be a HEAD's (curl -sI), and the bytes are counted as read.
    if (name.toLowerCase() === 'content-length') continue;
    try {
      fields.append(name, value);
    } catch {
      // A field no HTTP parser would have passed on (a NUL in its value, a space in its name): fetch would not have given it.
    }
  }
  // A copy of at most one byte past the limit: enough for normalizeResponse to see a body over it.
  return new Response(nullBodyStatuses.has(status) ? null : new Uint8Array(body.subarray(0, maxBodyBytes + 1)), { status, headers: fields });
}

/**
 * The error status a bare JSON body names of itself — a problem's or seed 002's `status`, NestJS's
 * `statusCode` — from 400 to 599; `undefined` for any other body. A success's `status` member is
 * data (`{"id": 7, "status": 204}`, an order's), which would be read as a 204 and its body dropped.
 */
function toBodyStatus(bytes: Uint8Array): number | undefined {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { status, statusCode } = body as { status?: unknown; statusCode?: unknown };
  return [status, statusCode].find((value): value is number => Number.isInteger(value) && (value as number) >= 400 && (value as number) <= 599);
}

/** The saved bytes (a file or standard input) as a response: read as the same response live is. */
async function readSaved(bytes: Uint8Array, label: string, command: InspectCommand): Promise<SourceRead> {
  const saved = parseSavedResponse(bytes);
  if (saved?.headOverLimit) {
    return { ok: false, exitCode: exitCodes.notAResponse, message: `${label} is not a response body: its head (status line and headers) runs past ${maxHeadBytes} bytes without the blank line that ends it` };
  }
  const status = command.status ?? saved?.status ?? toBodyStatus(bytes);
  if (status === undefined) {
    return { ok: false, exitCode: exitCodes.usage, message: `${label} is a bare body that names no status: give it with --status <code> (a response saved with curl -i carries its own)` };
  }
  const headers = withHeaders(saved?.headers ?? [], command.headers);
  const encoding = findHeader(headers, 'content-encoding');
  let body = saved?.body ?? bytes;
  const decompressed = encoding === undefined ? undefined : await decompress(body, encoding);
  if (decompressed && 'bytes' in decompressed) body = decompressed.bytes;
  const reason = findUnreadable(body, saved !== undefined, status, headers, decompressed);
  if (reason !== undefined) return { ok: false, exitCode: exitCodes.notAResponse, message: `${label} is not a response body: ${reason}` };
  const response = toResponse(status, headers, body);
  // A status no Response can have is read by normalize, the body cut as normalizeResponse would cut it.
  return { ok: true, result: response ? await normalizeResponse(response) : normalize({ status, headers, body: body.subarray(0, maxBodyBytes) }) };
}

/**
 * The first `maxBytes` bytes of a stream, or all of it when it is shorter. Leaving the loop early
 * destroys a Node stream (its async iterator's `return`): a file is closed, and standard input
 * too, so that a writer that never stops (`yes`) gets SIGPIPE and the command exits.
 * @example
 * const bytes = await readAtMost(process.stdin, maxSavedBytes);
 */
export async function readAtMost(stream: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const kept = bytes.byteLength > maxBytes - total ? bytes.subarray(0, maxBytes - total) : bytes;
    chunks.push(kept);
    total += kept.byteLength;
    if (total >= maxBytes) break;
  }
  return Buffer.concat(chunks, total);
}

/** Why a file (or standard input, `label`) could not be read. */
function describeReadFailure(thrown: unknown, label: string): string {
  const code = (thrown as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return `no such file: ${label}`;
  if (code === 'EISDIR') return `${label} is a directory, not a file`;
  if (code === 'EACCES' || code === 'EPERM') return `cannot read ${label}: permission denied`;
  return `cannot read ${label}: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
}

/** A file's first `maxBytes` bytes, or the sentence saying why there are none. */
async function readFileBytes(path: string, maxBytes: number): Promise<Uint8Array | string> {
  try {
    // Streamed, never read whole: a file may be larger than a Buffer can be (2 GiB), or a named pipe that never ends.
    return await readAtMost(createReadStream(path, { end: maxBytes - 1 }), maxBytes);
  } catch (thrown) {
    return describeReadFailure(thrown, path);
  }
}

/** The OpenSSL errors of an https URL whose port speaks plain HTTP (OpenSSL 3.0 says the first, later ones the second). */
const plainHttpErrors: ReadonlySet<string> = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG']);

/**
 * The reason a fetch failed: undici hides it in `cause` ("fetch failed" says nothing), an
 * AggregateError when every address was refused. OpenSSL's raw text becomes a sentence, and so
 * does fetch's "bad port".
 */
export function describeFetchFailure(thrown: unknown): string {
  let reason: unknown = thrown instanceof Error && thrown.cause !== undefined ? thrown.cause : thrown;
  if (reason instanceof AggregateError && reason.message === '' && reason.errors.length > 0) reason = reason.errors[0];
  if (!(reason instanceof Error)) return String(reason);
  const { code, reason: sslReason } = reason as { code?: unknown; reason?: unknown };
  // The Fetch standard's "bad port" (port blocking): ports of other protocols (25, 6000, …), refused before any connection.
  if (reason.message === 'bad port') return 'its port is one fetch refuses to connect to (a "bad port" of the Fetch standard)';
  // `806C…:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:…:\n`: OpenSSL's reason is the part to show.
  if (typeof code === 'string' && code.startsWith('ERR_SSL_')) {
    const why = typeof sslReason === 'string' && sslReason !== '' ? sslReason : code.slice('ERR_SSL_'.length).toLowerCase().replaceAll('_', ' ');
    return `the TLS handshake failed (${why}${plainHttpErrors.has(code) ? ': is the port plain HTTP? try http://' : ''})`;
  }
  return (reason.message || String(code ?? reason.name)).trim();
}

/**
 * Request headers fetch sets itself (or, Expect, never sends): undici drops Host and
 * Content-Length without a word and fails on the others, so `-H "Host: …"` is refused instead.
 */
const fetchOwnedHeaders: Readonly<Record<string, string>> = {
  host: 'fetch sets it from the URL',
  'content-length': 'fetch sets it',
  connection: 'fetch sets it',
  'keep-alive': 'fetch sets it',
  'transfer-encoding': 'fetch sets it',
  upgrade: 'fetch sets it',
  expect: 'fetch does not send it',
};

/**
 * A live response: fetched with the `--header`s (and `--lang` as Accept-Language), then
 * normalized with its own status and headers. Redirects are followed, the credential headers
 * (`x-api-key`, Authorization, Cookie, Proxy-Authorization) only within the URL's origin.
 */
async function readUrl(url: URL, command: InspectCommand, input: SourceInput): Promise<SourceRead> {
  if (command.status !== undefined) return { ok: false, exitCode: exitCodes.usage, message: '--status is for a saved body; a live response has its own' };
  for (const [name] of command.headers) {
    const lower = name.toLowerCase();
    if (Object.hasOwn(fetchOwnedHeaders, lower)) return { ok: false, exitCode: exitCodes.usage, message: `--header "${name}" cannot be sent to a URL: ${fetchOwnedHeaders[lower]}` };
  }
  const headers = new Headers();
  try {
    for (const [name, value] of command.headers) headers.append(name, value);
  } catch (thrown) {
    return { ok: false, exitCode: exitCodes.usage, message: `a --header cannot be sent: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
  }
  try {
    if (command.language !== undefined && !headers.has('accept-language')) headers.set('accept-language', command.language);
  } catch (thrown) {
    // RFC 9110 §5.5: a field value is Latin-1 octets without CR or LF; `--lang 日本語` is fine for a file, not for a request.
    return { ok: false, exitCode: exitCodes.usage, message: `--lang cannot be sent as Accept-Language: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
  }
  const timeoutMs = command.timeoutMs ?? input.timeoutMs ?? defaultTimeoutMs;
  const signal = AbortSignal.timeout(timeoutMs);
  // One sentence whether nothing came, or a status came and its body stalled (a 2xx's or a 500's).
  const timedOut: SourceRead = { ok: false, exitCode: exitCodes.unreachableUrl, message: `cannot reach ${url.href}: no complete answer within ${timeoutMs / 1000} s (--timeout <seconds> waits longer)` };
  let response: Response;
  try {
    // Followed by hand, as the client does: fetch would send `x-api-key` on to another origin.
    response = await fetchFollowing(input.fetch ?? fetch, url.href, { headers: Object.fromEntries(headers), signal }, url.origin);
  } catch (thrown) {
    if (signal.aborted || (thrown instanceof Error && thrown.name === 'TimeoutError')) return timedOut;
    return { ok: false, exitCode: exitCodes.unreachableUrl, message: `cannot reach ${url.href}: ${describeFetchFailure(thrown)}` };
  }
  const result = await normalizeResponse(response);
  // The wait ended while the body came: its error would say "aborted due to timeout" as if the server had.
  if (signal.aborted) return timedOut;
  // A success whose body broke off or never ended did not arrive: the URL could not be read.
  if (!result.ok && response.ok && (result.error.kind === 'timeout' || result.error.kind === 'network')) {
    return { ok: false, exitCode: exitCodes.unreachableUrl, message: `cannot read ${url.href}: ${result.error.detail ?? result.error.title}` };
  }
  return { ok: true, result };
}

/**
 * Reads the source the command names and normalizes it.
 * @example
 * const read = await readSource({ command: 'inspect', source: 'saved.http', headers: [], json: false }, { readStdin });
 * if (read.ok) console.log(read.result.ok);
 */
export async function readSource(command: InspectCommand, input: SourceInput): Promise<SourceRead> {
  const source = toSource(command.source);
  if (typeof source === 'string') return { ok: false, exitCode: exitCodes.usage, message: source };
  if (source.kind === 'url') return readUrl(source.url, command, input);
  if (command.timeoutMs !== undefined) return { ok: false, exitCode: exitCodes.usage, message: '--timeout is for a URL; a file or standard input is read without one' };
  if (source.kind === 'stdin') {
    let bytes: Uint8Array;
    try {
      bytes = await input.readStdin(maxSavedBytes);
    } catch (thrown) {
      // `faultline inspect - < folder`: index.ts says EISDIR where Node would read nothing.
      return { ok: false, exitCode: exitCodes.unreadableFile, message: describeReadFailure(thrown, 'standard input') };
    }
    return readSaved(bytes, 'standard input', command);
  }
  const bytes = await readFileBytes(source.path, maxSavedBytes);
  if (typeof bytes === 'string') return { ok: false, exitCode: exitCodes.unreadableFile, message: bytes };
  return readSaved(bytes, source.path, command);
}
