import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { InspectCommand } from '../../src/cli/arguments.ts';
import { describeFetchFailure, findNonText, maxSavedBytes, parseSavedResponse, readAtMost, readSource, toSource, type SourceRead } from '../../src/cli/read-source.ts';
import type { ApiResult } from '../../src/index.ts';

/** The bytes each gunzip the reader makes has produced, in the order they were made. */
const gunzipOutput = vi.hoisted((): number[] => []);

// node:zlib as it is, but each gunzip counts the bytes it pushes out: a bomb's test asserts that
// decompression stopped soon after the limit, not only that the body reads as over it.
vi.mock('node:zlib', async (importOriginal) => {
  const zlib = await importOriginal<typeof import('node:zlib')>();
  const createGunzip = (options?: import('node:zlib').ZlibOptions): import('node:zlib').Gunzip => {
    const stream = zlib.createGunzip(options);
    const index = gunzipOutput.push(0) - 1;
    const push = stream.push.bind(stream);
    stream.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
      if (chunk instanceof Uint8Array) gunzipOutput[index]! += chunk.byteLength;
      return push(chunk, encoding);
    };
    return stream;
  };
  return { ...zlib, createGunzip };
});

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const inspect = (source: string, more: Partial<InspectCommand> = {}): InspectCommand => ({ command: 'inspect', source, headers: [], json: false, ...more });
const noStdin = (): Promise<Uint8Array> => Promise.reject(new Error('standard input is not read in this test'));

function resultOf(read: SourceRead): ApiResult {
  if (!read.ok) throw new Error(`not read: ${read.message}`);
  return read.result;
}

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'faultline-read-source-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A file in the test's folder. */
function save(name: string, content: string | Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

describe('toSource', () => {
  it('reads - as standard input, http(s) URLs as URLs and anything else as a path', () => {
    expect(toSource('-')).toEqual({ kind: 'stdin' });
    expect(toSource('http://127.0.0.1:8080/a')).toEqual({ kind: 'url', url: new URL('http://127.0.0.1:8080/a') });
    expect(toSource('HTTPS://example.com')).toMatchObject({ kind: 'url' });
    expect(toSource('saved/response.http')).toEqual({ kind: 'file', path: 'saved/response.http' });
    expect(toSource('./ftp://example.com/x')).toEqual({ kind: 'file', path: './ftp://example.com/x' });
    // A colon alone does not make a URL: a time in a file name, a Windows drive.
    expect(toSource('saved-10:30.http')).toEqual({ kind: 'file', path: 'saved-10:30.http' });
    expect(toSource('C:\\saved\\response.http')).toEqual({ kind: 'file', path: 'C:\\saved\\response.http' });
  });

  it('refuses a URL of another scheme, or an http one without its slashes, saying how to name such a file', () => {
    expect(toSource('ftp://example.com/x')).toBe('only http and https URLs are fetched, not "ftp://example.com/x" (a file of that name: ./ftp://example.com/x)');
    expect(toSource('file:///etc/passwd')).toMatch(/^only http and https URLs are fetched/);
    expect(toSource('mailto:someone@example.com')).toMatch(/^only http and https URLs are fetched/);
    expect(toSource('HTTP:foo')).toBe('"HTTP:foo" is not a valid URL: an http(s) URL starts with http:// or https:// (a file of that name: ./HTTP:foo)');
  });

  it('refuses a URL that does not parse or carries credentials', () => {
    expect(toSource('http://exa mple.com')).toMatch(/not a valid URL/);
    expect(toSource('https://user:secret@example.com/')).toMatch(/--header "Authorization/);
  });
});

describe('parseSavedResponse', () => {
  it('reads the status line, headers and body that curl -i saves', () => {
    const saved = parseSavedResponse(encode('HTTP/1.1 404 Not Found\r\nContent-Type: application/problem+json\r\nX-Request-Id: r-1\r\n\r\n{"title":"Not Found"}'));
    expect(saved?.status).toBe(404);
    expect(saved?.headers).toEqual([['Content-Type', 'application/problem+json'], ['X-Request-Id', 'r-1']]);
    expect(decode(saved!.body)).toBe('{"title":"Not Found"}');
  });

  it('reads bare line feeds, HTTP/2 status lines without a reason and an empty body', () => {
    const saved = parseSavedResponse(encode('HTTP/2 204\ndate: Tue, 01 Jan 2030 00:00:00 GMT\n\n'));
    expect(saved).toMatchObject({ status: 204, headers: [['date', 'Tue, 01 Jan 2030 00:00:00 GMT']] });
    expect(saved?.body.byteLength).toBe(0);
    expect(parseSavedResponse(encode('HTTP/1.1 200 OK'))).toMatchObject({ status: 200, headers: [] });
  });

  it('takes the last response after 100 Continue, a redirect followed with -L, or a proxy CONNECT', () => {
    const text = 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 Connection established\r\n\r\nHTTP/1.1 302 Found\r\nLocation: /b\r\n\r\nHTTP/2 503\r\nretry-after: 5\r\n\r\nbusy';
    const saved = parseSavedResponse(encode(text));
    expect(saved).toMatchObject({ status: 503, headers: [['retry-after', '5']] });
    expect(decode(saved!.body)).toBe('busy');
  });

  it('joins an obsolete folded header line to the field before it (RFC 9112 §5.2)', () => {
    expect(parseSavedResponse(encode('HTTP/1.0 500 Oops\r\nX-Note: first\r\n  second\r\n\r\n'))?.headers).toEqual([['X-Note', 'first second']]);
  });

  it('keeps the body bytes exactly, a body that is not UTF-8 included', () => {
    const head = encode('HTTP/1.1 200 OK\r\n\r\n');
    const body = Uint8Array.of(0xff, 0x00, 0xc3, 0xa9);
    const bytes = new Uint8Array([...head, ...body]);
    expect([...parseSavedResponse(bytes)!.body]).toEqual([...body]);
  });

  it('reads a saved response that an editor or PowerShell prefixed with a UTF-8 byte order mark', () => {
    const saved = parseSavedResponse(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n\r\n{"message":"x"}')]));
    expect(saved).toMatchObject({ status: 404, headers: [['Content-Type', 'application/json']] });
    expect(decode(saved!.body)).toBe('{"message":"x"}');
  });

  it('ends a head that has no blank line at the first line that is no header, which starts the body', () => {
    const saved = parseSavedResponse(encode('HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n{"message":"no blank line"}'));
    expect(saved).toMatchObject({ status: 404, headers: [['Content-Type', 'application/json']] });
    expect(decode(saved!.body)).toBe('{"message":"no blank line"}');
    const text = parseSavedResponse(encode('HTTP/1.1 500 Oops\nX-Id: 1\nSomething broke\nfor good'));
    expect(text).toMatchObject({ status: 500, headers: [['X-Id', '1']] });
    expect(decode(text!.body)).toBe('Something broke\nfor good');
  });

  it('says when header lines run past the head’s limit, rather than taking what follows for the body', () => {
    const head = `HTTP/1.1 404 Not Found\r\n${'X-Pad: 0123456789abcdef\r\n'.repeat(50_000)}\r\n{"message":"hi"}`;
    expect(parseSavedResponse(encode(head))).toMatchObject({ status: 404, headOverLimit: true });
    expect(parseSavedResponse(encode(head))?.body.byteLength).toBe(0);
  });

  it('gives undefined for a bare body', () => {
    expect(parseSavedResponse(encode('{"status":404}'))).toBeUndefined();
    expect(parseSavedResponse(encode('HTTP/1.1 abc\r\n\r\n'))).toBeUndefined();
    expect(parseSavedResponse(new Uint8Array())).toBeUndefined();
  });
});

describe('findNonText', () => {
  it('accepts UTF-8 text, a byte order mark and a replacement character the body really holds', () => {
    expect(findNonText(encode('{"message":"Grüße, 日本, 🙂"}'))).toBeUndefined();
    expect(findNonText(encode('\uFEFF{"a":1}'))).toBeUndefined();
    expect(findNonText(encode('bad byte shown as \uFFFD by the server'))).toBeUndefined();
    expect(findNonText(new Uint8Array())).toBeUndefined();
  });

  it('names the first NUL byte', () => {
    expect(findNonText(encode('{"a":\u0000}'))).toBe('it holds a NUL byte at byte 5');
  });

  it('names the first byte that is not UTF-8, after real replacement characters', () => {
    expect(findNonText(Uint8Array.of(0x7b, 0xff, 0x7d))).toBe('it is not UTF-8 text (byte 1 is 0xff)');
    expect(findNonText(new Uint8Array([...encode('é\uFFFDx'), 0xc3]))).toBe('it is not UTF-8 text (byte 6 is 0xc3)');
    // Latin-1 "é" alone, as a file saved in the wrong encoding has it.
    expect(findNonText(Uint8Array.of(0x63, 0x61, 0x66, 0xe9))).toBe('it is not UTF-8 text (byte 3 is 0xe9)');
  });

  it('names whichever comes first of a NUL byte and bytes that are not UTF-8', () => {
    expect(findNonText(Uint8Array.of(0x61, 0x00, 0xff))).toBe('it holds a NUL byte at byte 1');
    expect(findNonText(Uint8Array.of(0xff, 0x00))).toBe('it is not UTF-8 text (byte 0 is 0xff)');
  });
});

describe('readAtMost', () => {
  it('gives the first bytes of a stream that never ends, and destroys it', async () => {
    const chunk = encode('{"a":1}\n'.repeat(1000));
    const endless = new Readable({ read() { this.push(chunk); } });
    const bytes = await readAtMost(endless, maxSavedBytes);
    expect(bytes.byteLength).toBe(maxSavedBytes);
    expect(decode(bytes.subarray(0, 16))).toBe('{"a":1}\n{"a":1}\n');
    expect(endless.destroyed).toBe(true);
  });

  it('gives all of a shorter stream, strings as UTF-8', async () => {
    expect(decode(await readAtMost(Readable.from(['Grü', 'ße']), 100))).toBe('Grüße');
    expect((await readAtMost(Readable.from([]), 100)).byteLength).toBe(0);
  });
});

describe('readSource from a file or standard input', () => {
  const body = JSON.stringify({ title: 'Not Found', detail: 'No campaign 7' });

  it('normalizes a bare body with the status given', async () => {
    const path = save('bare.json', body);
    const result = resultOf(await readSource(inspect(path, { status: 404, headers: [['Content-Type', 'application/problem+json']] }), { readStdin: noStdin }));
    expect(result).toMatchObject({ ok: false, error: { kind: 'not_found', status: 404, detail: 'No campaign 7', dialect: 'problem' } });
  });

  it('refuses a bare body that names no status, without --status, as a usage error that names the file', async () => {
    const path = save('no-status.json', body);
    expect(await readSource(inspect(path), { readStdin: noStdin })).toEqual({ ok: false, exitCode: 2, message: expect.stringContaining(`${path} is a bare body that names no status`) });
    for (const [name, text] of [['text.txt', 'Not Found'], ['list.json', '[{"status":404}]'], ['odd.json', '{"status":"404"}'], ['past.json', '{"status":700}'], ['order.json', '{"id":7,"status":204}'], ['step.json', '{"id":7,"status":150}']]) {
      expect(await readSource(inspect(save(name!, text!)), { readStdin: noStdin }), name).toMatchObject({ ok: false, exitCode: 2 });
    }
  });

  it("takes the error status a bare body names of itself: a problem's or seed 002's `status`, NestJS's `statusCode`; --status over it", async () => {
    const problem = save('problem.json', JSON.stringify({ title: 'Not Found', status: 404, detail: 'No campaign 7' }));
    expect(resultOf(await readSource(inspect(problem), { readStdin: noStdin }))).toMatchObject({ ok: false, error: { kind: 'not_found', status: 404, detail: 'No campaign 7', dialect: 'problem' } });
    const seed002 = save('seed-002.json', JSON.stringify({ status: 429, message: 'Too many requests', request_id: 'req_1' }));
    expect(resultOf(await readSource(inspect(seed002), { readStdin: noStdin }))).toMatchObject({ ok: false, error: { kind: 'rate_limited', status: 429, requestId: 'req_1' } });
    const nest = save('nest.json', JSON.stringify({ statusCode: 403, message: 'Forbidden resource' }));
    expect(resultOf(await readSource(inspect(nest), { readStdin: noStdin }))).toMatchObject({ ok: false, error: { kind: 'forbidden', status: 403 } });
    expect(resultOf(await readSource(inspect(problem, { status: 410 }), { readStdin: noStdin }))).toMatchObject({ ok: false, error: { status: 410 } });
  });

  it('reads a saved response, and lets --status and --header replace what it says', async () => {
    const path = save('saved.http', `HTTP/1.1 404 Not Found\r\nContent-Type: application/problem+json\r\nRetry-After: 5\r\n\r\n${body}`);
    expect(resultOf(await readSource(inspect(path), { readStdin: noStdin }))).toMatchObject({ ok: false, error: { kind: 'not_found', retryAfterMs: 5000 } });
    const replaced = resultOf(await readSource(inspect(path, { status: 503, headers: [['retry-after', '9']] }), { readStdin: noStdin }));
    expect(replaced).toMatchObject({ ok: false, error: { kind: 'unavailable', status: 503, retryAfterMs: 9000 } });
  });

  it('reads standard input like a file', async () => {
    const readStdin = async (): Promise<Uint8Array> => encode('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"id":7}');
    expect(resultOf(await readSource(inspect('-'), { readStdin }))).toMatchObject({ ok: true, value: { status: 200, data: { id: 7 } } });
    const bare = async (): Promise<Uint8Array> => encode('{"id":7}');
    expect(await readSource(inspect('-'), { readStdin: bare })).toMatchObject({ ok: false, exitCode: 2, message: expect.stringContaining('standard input is a bare body') });
  });

  it('says when the head of a saved response runs past its limit, exit 5', async () => {
    const path = save('long-head.http', `HTTP/1.1 404 Not Found\r\n${'X-Pad: 0123456789abcdef\r\n'.repeat(50_000)}\r\n{"message":"hi"}`);
    expect(await readSource(inspect(path), { readStdin: noStdin })).toEqual({
      ok: false,
      exitCode: 5,
      message: `${path} is not a response body: its head (status line and headers) runs past 1048576 bytes without the blank line that ends it`,
    });
  });

  it('gives exit code 3 when standard input cannot be read, a directory among them', async () => {
    const readStdin = (): Promise<never> => Promise.reject(Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' }));
    expect(await readSource(inspect('-', { status: 200 }), { readStdin })).toEqual({ ok: false, exitCode: 3, message: 'standard input is a directory, not a file' });
  });

  it('refuses --timeout for a file or standard input as a usage error', async () => {
    const path = save('timeout.json', body);
    expect(await readSource(inspect(path, { status: 404, timeoutMs: 5000 }), { readStdin: noStdin })).toEqual({ ok: false, exitCode: 2, message: '--timeout is for a URL; a file or standard input is read without one' });
  });

  it('gives exit code 3 and names the file when it is missing, a directory, or unreadable', async () => {
    const missing = join(folder, 'missing.json');
    expect(await readSource(inspect(missing, { status: 200 }), { readStdin: noStdin })).toEqual({ ok: false, exitCode: 3, message: `no such file: ${missing}` });
    expect(await readSource(inspect(folder, { status: 200 }), { readStdin: noStdin })).toEqual({ ok: false, exitCode: 3, message: `${folder} is a directory, not a file` });
  });

  it('gives exit code 5 for bytes that are not a response body, with advice that fits them', async () => {
    const garbage = save('garbage.bin', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00));
    expect(await readSource(inspect(garbage, { status: 200 }), { readStdin: noStdin })).toEqual({
      ok: false,
      exitCode: 5,
      message: `${garbage} is not a response body: it is not UTF-8 text (byte 0 is 0x89); faultline reads JSON and text bodies. Say what it is with -H "Content-Type: …", as -H "Content-Type: text/plain; charset=iso-8859-1" for Latin-1 text.`,
    });
    const gzipBytes = save('body.json.gz', gzipSync('{"message":"zipped"}'));
    expect(await readSource(inspect(gzipBytes, { status: 400 }), { readStdin: noStdin })).toEqual({
      ok: false,
      exitCode: 5,
      message: `${gzipBytes} is not a response body: it is not UTF-8 text (byte 1 is 0x8b); faultline reads JSON and text bodies. It looks gzip-compressed: add -H "Content-Encoding: gzip", or gunzip it first.`,
    });
    // Cut short: gzip's first bytes, and no more.
    const broken = save('broken-gzip.http', new Uint8Array([...encode('HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n'), 0x1f, 0x8b, 0x08, 0x00]));
    expect(await readSource(inspect(broken), { readStdin: noStdin })).toEqual({
      ok: false,
      exitCode: 5,
      message: `${broken} is not a response body: it is not UTF-8 text (byte 1 is 0x8b); faultline reads JSON and text bodies. Its Content-Encoding is gzip, but it does not decompress: unexpected end of file.`,
    });
    // Bytes that do not start as gzip does, under a Content-Encoding that says gzip.
    const notGzip = save('not-gzip.http', new Uint8Array([...encode('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n\r\n'), 0x9a, 0x3c, 0x00, 0xf1, 0x07]));
    expect(await readSource(inspect(notGzip), { readStdin: noStdin })).toEqual({
      ok: false,
      exitCode: 5,
      message: `${notGzip} is not a response body: it is not UTF-8 text (byte 0 is 0x9a); faultline reads JSON and text bodies. Its Content-Encoding is gzip, but its bytes are not gzip data.`,
    });
    const notXGzip = save('not-x-gzip.json', Uint8Array.of(0x9a, 0x3c, 0x00, 0xf1, 0x07));
    expect(await readSource(inspect(notXGzip, { status: 400, headers: [['Content-Encoding', 'x-gzip']] }), { readStdin: noStdin })).toMatchObject({
      exitCode: 5,
      message: expect.stringMatching(/\. Its Content-Encoding is x-gzip, but its bytes are not gzip data\.$/),
    });
    const zstd = save('zstd.http', new Uint8Array([...encode('HTTP/1.1 200 OK\r\nContent-Encoding: zstd\r\n\r\n'), 0x28, 0xb5, 0x2f, 0xfd, 0x00]));
    expect(await readSource(inspect(zstd), { readStdin: noStdin })).toMatchObject({ ok: false, exitCode: 5, message: expect.stringContaining('Its Content-Encoding is zstd, which faultline does not decompress: decompress it first, or save it with curl --compressed.') });
  });

  it('reads a Latin-1 bare body with the charset its advice suggests', async () => {
    const latin1 = save('advice-latin1.txt', Uint8Array.of(0x63, 0x61, 0x66, 0xe9));
    const refused = await readSource(inspect(latin1, { status: 400 }), { readStdin: noStdin });
    const suggested = /-H "(Content-Type: text\/plain; charset=iso-8859-1)"/.exec(refused.ok ? '' : refused.message)?.[1];
    expect(suggested).toBe('Content-Type: text/plain; charset=iso-8859-1');
    const [name, value] = suggested!.split(': ') as [string, string];
    expect(resultOf(await readSource(inspect(latin1, { status: 400, headers: [[name, value]] }), { readStdin: noStdin }))).toMatchObject({ ok: false, error: { detail: 'café' } });
  });

  it('decompresses a gzip, deflate or br body, bare with -H "Content-Encoding: …" or saved with curl -i, as fetch does live', async () => {
    const json = '{"message":"Grüße"}';
    const bare = save('bare.json.gz', gzipSync(json));
    expect(resultOf(await readSource(inspect(bare, { status: 400, headers: [['Content-Encoding', 'gzip']] }), { readStdin: noStdin }))).toMatchObject({ ok: false, error: { kind: 'bad_request', detail: 'Grüße' } });
    for (const [coding, bytes] of [['gzip', gzipSync(json)], ['deflate', deflateSync(json)], ['br', brotliCompressSync(json)]] as const) {
      const saved = save(`saved-${coding}.http`, new Uint8Array([...encode(`HTTP/1.1 422 Unprocessable Content\r\nContent-Type: application/json\r\nContent-Encoding: ${coding}\r\n\r\n`), ...bytes]));
      expect(resultOf(await readSource(inspect(saved), { readStdin: noStdin })), coding).toMatchObject({ ok: false, error: { status: 422, detail: 'Grüße' } });
    }
  });

  it('reads a text body labelled br as it is (saved with curl --compressed) when the decoder stops short of its end', async () => {
    // Brotli has no first bytes of its own: text that starts with 3 5 7 9 ; = or ? reads as an empty last block.
    for (const first of '3579;=?') {
      const text = `${first}00 Internal Server Error: database timeout`;
      const path = save(`plain-br-${first.charCodeAt(0)}.http`, `HTTP/2 500\r\ncontent-type: text/plain\r\ncontent-encoding: br\r\n\r\n${text}`);
      expect(resultOf(await readSource(inspect(path), { readStdin: noStdin })), first).toMatchObject({ ok: false, error: { kind: 'server', status: 500, detail: text } });
    }
    const bare = save('plain-br.txt', '500 Internal Server Error: database timeout');
    const read = await readSource(inspect(bare, { status: 500, headers: [['Content-Encoding', 'br']] }), { readStdin: noStdin });
    expect(resultOf(read)).toMatchObject({ ok: false, error: { status: 500, detail: '500 Internal Server Error: database timeout' } });
  });

  it('ignores bytes after the compressed data, as fetch does live', async () => {
    // Node's fetch decodes gzip, deflate and br with trailing bytes (a NUL, a new line) and drops
    // them; the saved response was refused as no such data.
    for (const [coding, compress, trailing] of [['gzip', gzipSync, [0, 0, 0, 0]], ['br', brotliCompressSync, [0x0a]], ['deflate', deflateSync, [0x0a]]] as const) {
      const body = new Uint8Array([...compress('{"message":"first"}'), ...trailing]);
      const path = save(`trailing-${coding}.http`, new Uint8Array([...encode(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Encoding: ${coding}\r\n\r\n`), ...body]));
      expect(resultOf(await readSource(inspect(path), { readStdin: noStdin })), coding).toMatchObject({ ok: false, error: { status: 400, detail: 'first' } });
    }
  });

  it('reads a compressed body as over the limit when it decompresses past it, without decompressing all of it', async () => {
    const bomb = save('bomb.http', new Uint8Array([...encode('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n\r\n'), ...gzipSync(Buffer.alloc(64 * 1_048_576, 0x61))]));
    gunzipOutput.length = 0;
    expect(resultOf(await readSource(inspect(bomb), { readStdin: noStdin }))).toMatchObject({ ok: false, error: { kind: 'invalid_response', detail: 'The body exceeds the limit of 1048576 bytes' } });
    // One gunzip, stopped a few of its 16 KiB chunks past the limit rather than at 64 MiB.
    expect(gunzipOutput).toHaveLength(1);
    expect(gunzipOutput[0]).toBeGreaterThan(1_048_576);
    expect(gunzipOutput[0]).toBeLessThan(2 * 1_048_576);
  });

  it('reads a bare body as the Content-Type a --header gives: in its charset, or as bytes for a binary success', async () => {
    const latin1 = save('latin1.txt', Uint8Array.of(0x63, 0x61, 0x66, 0xe9));
    const charset = resultOf(await readSource(inspect(latin1, { status: 400, headers: [['Content-Type', 'text/plain; charset=iso-8859-1']] }), { readStdin: noStdin }));
    expect(charset).toMatchObject({ ok: false, error: { kind: 'bad_request', detail: 'café' } });
    const png = save('image.png', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x00));
    const binary = resultOf(await readSource(inspect(png, { status: 200, headers: [['Content-Type', 'image/png']] }), { readStdin: noStdin }));
    expect(binary).toMatchObject({ ok: true, value: { status: 200, dialect: 'unknown', data: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x00) } });
  });

  it('reads a body saved with curl --compressed, whose head still names its Content-Encoding', async () => {
    const path = save('compressed.http', 'HTTP/1.1 400 Bad Request\r\nContent-Encoding: gzip\r\nContent-Type: application/json\r\n\r\n{"message":"Grüße"}');
    expect(resultOf(await readSource(inspect(path), { readStdin: noStdin }))).toMatchObject({ ok: false, error: { kind: 'bad_request', detail: 'Grüße' } });
  });

  it('reads a saved HEAD response (curl -sI) whose Content-Length is over 1 MiB as a response without a body, and a saved 204 without one', async () => {
    const head = save('head.http', 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n');
    expect(resultOf(await readSource(inspect(head), { readStdin: noStdin }))).toMatchObject({ ok: true, value: { status: 200, data: undefined } });
    const noContent = save('no-content.http', 'HTTP/1.1 204 No Content\r\n\r\n{"stray":true}');
    expect(resultOf(await readSource(inspect(noContent), { readStdin: noStdin }))).toMatchObject({ ok: true, value: { status: 204, data: undefined } });
  });

  it('reads at most 1 MiB of a body, as normalizeResponse does with a live one', async () => {
    const big = `[${'"item",'.repeat(200_000)}"last"]`;
    const success = save('big-success.http', `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${big}`);
    expect(resultOf(await readSource(inspect(success), { readStdin: noStdin }))).toMatchObject({ ok: false, error: { kind: 'invalid_response', status: 200, detail: 'The body exceeds the limit of 1048576 bytes' } });
    const failure = save('big-failure.http', `HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\n\r\n${big}`);
    expect(resultOf(await readSource(inspect(failure), { readStdin: noStdin }))).toMatchObject({ ok: false, error: { kind: 'unavailable', status: 503, retryAfterMs: 5000 } });
  });

  it('reads a body of exactly 1 MiB after a saved head, or bare, and one a byte longer as over the limit', async () => {
    const head = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n';
    const atLimit = resultOf(await readSource(inspect(save('at-limit.http', head + 'x'.repeat(1_048_576))), { readStdin: noStdin }));
    expect(atLimit.ok && (atLimit.value.data as string).length).toBe(1_048_576);
    const overLimit = { ok: false, error: { kind: 'invalid_response', status: 200, detail: 'The body exceeds the limit of 1048576 bytes' } };
    expect(resultOf(await readSource(inspect(save('over-limit.http', head + 'x'.repeat(1_048_577))), { readStdin: noStdin }))).toMatchObject(overLimit);
    const bare = { status: 200, headers: [['Content-Type', 'text/plain']] } satisfies Partial<InspectCommand>;
    expect(resultOf(await readSource(inspect(save('at-limit.txt', 'x'.repeat(1_048_576)), bare), { readStdin: noStdin })).ok).toBe(true);
    expect(resultOf(await readSource(inspect(save('over-limit.txt', 'x'.repeat(1_048_577)), bare), { readStdin: noStdin }))).toMatchObject(overLimit);
  });

  it('reads a file some MiB past the limit as over it, as the same response live', async () => {
    // Sparse: 5 MiB to the reader, nothing on the disk.
    const path = save('five-mib.http', 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n[');
    truncateSync(path, 5 * 1_048_576);
    expect(resultOf(await readSource(inspect(path), { readStdin: noStdin }))).toMatchObject({ ok: false, error: { kind: 'invalid_response', status: 200, detail: 'The body exceeds the limit of 1048576 bytes' } });
  });

  it('asks standard input for no more than a head and a body at their limits, and one byte, and reads that as over the limit', async () => {
    const asked: number[] = [];
    const readStdin = async (maxBytes: number): Promise<Uint8Array> => {
      asked.push(maxBytes);
      return new Uint8Array(maxBytes).fill(0x20);
    };
    expect(resultOf(await readSource(inspect('-', { status: 200 }), { readStdin }))).toMatchObject({ ok: false, error: { kind: 'invalid_response', detail: 'The body exceeds the limit of 1048576 bytes' } });
    expect(asked).toEqual([2 * 1_048_576 + 1]);
  });

  it('reads an empty body as a response without one', async () => {
    const path = save('empty', '');
    expect(resultOf(await readSource(inspect(path, { status: 204 }), { readStdin: noStdin }))).toMatchObject({ ok: true, value: { status: 204, data: undefined } });
  });
});

describe('readSource from a URL', () => {
  const tooBig = 'x'.repeat(1_048_577);
  let server: Server;
  let base: string;
  const received: Record<string, string | string[] | undefined>[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      received.push(request.headers);
      if (request.url === '/never') return; // never answers
      if (request.url === '/stalls') {
        // Headers, then a body that never ends.
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"items": [');
        return;
      }
      if (request.url === '/stalls-500') {
        // An error status, then a body that never ends.
        response.writeHead(500, { 'content-type': 'application/json', 'content-length': '100' });
        response.write('{"message": "');
        return;
      }
      if (request.url === '/too-big') {
        response.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '5' });
        response.end(tooBig);
        return;
      }
      response.writeHead(429, { 'content-type': 'application/problem+json', 'retry-after': '7', 'x-request-id': 'live-1' });
      response.end(JSON.stringify({ title: 'Too Many Requests', detail: 'Slow down' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('normalizes the live response with its own status and headers', async () => {
    const result = resultOf(await readSource(inspect(`${base}/limited`), { readStdin: noStdin }));
    expect(result).toMatchObject({ ok: false, error: { kind: 'rate_limited', status: 429, detail: 'Slow down', retryAfterMs: 7000, requestId: 'live-1', dialect: 'problem' } });
  });

  it('reads a saved error whose body is over 1 MiB as it reads the same response live, the limit named in detail', async () => {
    const live = resultOf(await readSource(inspect(`${base}/too-big`), { readStdin: noStdin }));
    expect(live).toMatchObject({ ok: false, error: { kind: 'unavailable', status: 503, retryAfterMs: 5000, detail: 'The body exceeds the limit of 1048576 bytes' } });
    const saved = save('too-big.http', `HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nRetry-After: 5\r\n\r\n${tooBig}`);
    expect(resultOf(await readSource(inspect(saved), { readStdin: noStdin }))).toEqual(live);
  });

  it('sends the --headers, and --lang as Accept-Language unless a header gives one', async () => {
    received.length = 0;
    await readSource(inspect(`${base}/a`, { headers: [['Authorization', 'Bearer t']], language: 'de-CH' }), { readStdin: noStdin });
    await readSource(inspect(`${base}/b`, { headers: [['Accept-Language', 'fr']], language: 'de' }), { readStdin: noStdin });
    expect(received[0]).toMatchObject({ authorization: 'Bearer t', 'accept-language': 'de-CH' });
    expect(received[1]).toMatchObject({ 'accept-language': 'fr' });
  });

  it('refuses a --lang that cannot be sent as Accept-Language as a usage error', async () => {
    for (const language of ['日本語', 'de\r\nX-Injected: 1']) {
      expect(await readSource(inspect(`${base}/a`, { language }), { readStdin: noStdin })).toMatchObject({ ok: false, exitCode: 2, message: expect.stringContaining('--lang cannot be sent as Accept-Language') });
    }
  });

  it('refuses --status for a URL as a usage error', async () => {
    expect(await readSource(inspect(`${base}/a`, { status: 200 }), { readStdin: noStdin })).toMatchObject({ ok: false, exitCode: 2, message: expect.stringContaining('--status is for a saved body') });
  });

  it('gives exit code 4 with the network cause for a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const read = await readSource(inspect(`http://127.0.0.1:${port}/`), { readStdin: noStdin });
    expect(read).toEqual({ ok: false, exitCode: 4, message: `cannot reach http://127.0.0.1:${port}/: connect ECONNREFUSED 127.0.0.1:${port}` });
  });

  it.each(['/never', '/stalls', '/stalls-500'])('gives exit code 4 and one message when %s does not answer completely in time: no answer, a 2xx body or an error body that stalls', async (path) => {
    const read = await readSource(inspect(`${base}${path}`), { readStdin: noStdin, timeoutMs: 200 });
    expect(read).toEqual({ ok: false, exitCode: 4, message: `cannot reach ${base}${path}: no complete answer within 0.2 s (--timeout <seconds> waits longer)` });
  });

  it('waits as long as --timeout says', async () => {
    const started = Date.now();
    const read = await readSource(inspect(`${base}/never`, { timeoutMs: 300 }), { readStdin: noStdin, timeoutMs: 30_000 });
    expect(read).toEqual({ ok: false, exitCode: 4, message: `cannot reach ${base}/never: no complete answer within 0.3 s (--timeout <seconds> waits longer)` });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses a --header fetch sets itself (Host, Content-Length, Connection) as a usage error, before any request', async () => {
    received.length = 0;
    expect(await readSource(inspect(`${base}/a`, { headers: [['Host', 'evil.example']] }), { readStdin: noStdin })).toEqual({ ok: false, exitCode: 2, message: '--header "Host" cannot be sent to a URL: fetch sets it from the URL' });
    expect(await readSource(inspect(`${base}/a`, { headers: [['content-length', '5']] }), { readStdin: noStdin })).toEqual({ ok: false, exitCode: 2, message: '--header "content-length" cannot be sent to a URL: fetch sets it' });
    expect(await readSource(inspect(`${base}/a`, { headers: [['Expect', '100-continue']] }), { readStdin: noStdin })).toEqual({ ok: false, exitCode: 2, message: '--header "Expect" cannot be sent to a URL: fetch does not send it' });
    expect(received).toHaveLength(0);
  });

  it('says that fetch refuses a "bad port" (9), without connecting', async () => {
    expect(await readSource(inspect('http://127.0.0.1:9/'), { readStdin: noStdin })).toEqual({ ok: false, exitCode: 4, message: 'cannot reach http://127.0.0.1:9/: its port is one fetch refuses to connect to (a "bad port" of the Fetch standard)' });
  });

  it('says that the TLS handshake failed for https to a plain HTTP port, and suggests http://', async () => {
    const read = await readSource(inspect(`${base.replace('http:', 'https:')}/a`), { readStdin: noStdin });
    expect(read).toMatchObject({ ok: false, exitCode: 4 });
    expect(!read.ok && read.message).toMatch(new RegExp(`^cannot reach ${base.replace('http:', 'https:')}/a: the TLS handshake failed \\([a-z ]+: is the port plain HTTP\\? try http://\\)$`));
  });
});

describe('readSource following redirects', () => {
  // Two origins: the same host on two ports (RFC 6454 §4: the port is part of the origin).
  let home: Server;
  let elsewhere: Server;
  let homeBase: string;
  let elsewhereBase: string;
  const received: { origin: string; path: string; headers: Record<string, string | string[] | undefined> }[] = [];

  /** A server that records each request, answers `/to?url=<target>` with `302 Location: <target>`, `/loop` with a redirect to itself, and anything else with 200. */
  async function startRecording(name: string): Promise<{ server: Server; base: string }> {
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      received.push({ origin: name, path: url.pathname, headers: request.headers });
      if (url.pathname === '/to') response.writeHead(302, { location: url.searchParams.get('url') ?? '/' }).end();
      else if (url.pathname === '/loop') response.writeHead(302, { location: '/loop' }).end();
      else response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  }

  beforeAll(async () => {
    ({ server: home, base: homeBase } = await startRecording('home'));
    ({ server: elsewhere, base: elsewhereBase } = await startRecording('elsewhere'));
  });
  afterAll(async () => {
    for (const server of [home, elsewhere]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  const credentials: InspectCommand['headers'] = [
    ['x-api-key', 'key-1'],
    ['Authorization', 'Bearer t'],
    ['Cookie', 'session=s'],
    ['Proxy-Authorization', 'Basic p'],
    ['X-Trace', 'trace-1'],
  ];
  const credentialNames = ['x-api-key', 'authorization', 'cookie', 'proxy-authorization'];

  it('drops x-api-key, Authorization, Cookie and Proxy-Authorization on a redirect to another origin, and keeps other headers', async () => {
    received.length = 0;
    const read = await readSource(inspect(`${homeBase}/to?url=${encodeURIComponent(`${elsewhereBase}/landing`)}`, { headers: credentials }), { readStdin: noStdin });
    expect(resultOf(read)).toMatchObject({ ok: true, value: { status: 200 } });
    expect(received.map(({ origin, path }) => `${origin} ${path}`)).toEqual(['home /to', 'elsewhere /landing']);
    expect(received[0]!.headers).toMatchObject({ 'x-api-key': 'key-1', authorization: 'Bearer t', cookie: 'session=s', 'proxy-authorization': 'Basic p' });
    expect(credentialNames.filter((name) => received[1]!.headers[name] !== undefined)).toEqual([]);
    expect(received[1]!.headers['x-trace']).toBe('trace-1');
  });

  it('keeps the credentials on a redirect within the origin, and does not give them back after a hop elsewhere', async () => {
    received.length = 0;
    await readSource(inspect(`${homeBase}/to?url=%2Flanding`, { headers: credentials }), { readStdin: noStdin });
    expect(received[1]).toMatchObject({ origin: 'home', path: '/landing', headers: { 'x-api-key': 'key-1', authorization: 'Bearer t' } });
    received.length = 0;
    const back = `${elsewhereBase}/to?url=${encodeURIComponent(`${homeBase}/landing`)}`;
    await readSource(inspect(`${homeBase}/to?url=${encodeURIComponent(back)}`, { headers: credentials }), { readStdin: noStdin });
    expect(received.map(({ origin, path }) => `${origin} ${path}`)).toEqual(['home /to', 'elsewhere /to', 'home /landing']);
    expect(credentialNames.filter((name) => received[2]!.headers[name] !== undefined)).toEqual([]);
  });

  it('follows at most 20 redirects, then reports the last one as the response', async () => {
    received.length = 0;
    const result = resultOf(await readSource(inspect(`${homeBase}/loop`), { readStdin: noStdin }));
    expect(received).toHaveLength(21);
    expect(result).toMatchObject({ ok: false, error: { status: 302 } });
  });
});

describe('describeFetchFailure', () => {
  it('reads the cause undici hides behind "fetch failed", and the first of an AggregateError', () => {
    expect(describeFetchFailure(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND nowhere.invalid') }))).toBe('getaddrinfo ENOTFOUND nowhere.invalid');
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:80'), { code: 'ECONNREFUSED' });
    expect(describeFetchFailure(new TypeError('fetch failed', { cause: new AggregateError([refused], '') }))).toBe('connect ECONNREFUSED ::1:80');
    expect(describeFetchFailure(new TypeError('fetch failed', { cause: Object.assign(new Error(''), { code: 'ECONNRESET' }) }))).toBe('ECONNRESET');
    expect(describeFetchFailure('odd')).toBe('odd');
  });

  it('reads OpenSSL’s reason rather than its raw line, and keeps the certificate messages that are clear already', () => {
    const ssl = (code: string, reason: string): Error => Object.assign(new Error(`806C0000:error:0A00010B:SSL routines:ssl3_get_record:${reason}:../deps/openssl/ssl/record/ssl3_record.c:354:\n`), { code, library: 'SSL routines', reason });
    expect(describeFetchFailure(new TypeError('fetch failed', { cause: ssl('ERR_SSL_WRONG_VERSION_NUMBER', 'wrong version number') }))).toBe('the TLS handshake failed (wrong version number: is the port plain HTTP? try http://)');
    expect(describeFetchFailure(new TypeError('fetch failed', { cause: ssl('ERR_SSL_PACKET_LENGTH_TOO_LONG', 'packet length too long') }))).toBe('the TLS handshake failed (packet length too long: is the port plain HTTP? try http://)');
    expect(describeFetchFailure(new TypeError('fetch failed', { cause: ssl('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', 'tlsv1 alert protocol version') }))).toBe('the TLS handshake failed (tlsv1 alert protocol version)');
    const selfSigned = Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(describeFetchFailure(new TypeError('fetch failed', { cause: selfSigned }))).toBe('self-signed certificate');
    expect(describeFetchFailure(new TypeError('fetch failed', { cause: new Error('bad port') }))).toBe('its port is one fetch refuses to connect to (a "bad port" of the Fetch standard)');
  });
});
