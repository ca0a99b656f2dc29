/**
 * The built `faultline` command end to end: `node dist/cli.js …` in a child process, as
 * `npx faultline` runs it. Run `npm run build` first (`npm test` does).
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, createWriteStream, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Readable, type Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, ApiResult } from '../../src/index.ts';
import { readLocale, readText } from '../i18n/locale-files.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const command = join(root, 'dist/cli.js');
const de = readLocale('de');
const fixture = JSON.parse(readFileSync(join(root, 'test/fixtures/problem/001-400-validation.json'), 'utf8')) as { status: number; headers: Record<string, string>; body: unknown };

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where the command runs, and file descriptors for its standard input or output instead of pipes. */
interface RunOptions {
  readonly cwd?: string;
  readonly stdin?: number;
  readonly stdout?: number;
}

/** Runs the built command; asynchronous, so that a server in this process can answer it. */
function faultline(args: string[], input?: string | Uint8Array, options: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [command, ...args], { cwd: options.cwd ?? root, env: { ...process.env, NO_COLOR: '1' }, stdio: [options.stdin ?? 'pipe', options.stdout ?? 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin?.end(input);
  });
}

/** What `yes '{"a":1}'` writes: the same line, for ever. */
function createEndlessInput(): Readable {
  const chunk = Buffer.from('{"a":1}\n'.repeat(8192));
  return new Readable({ read() { this.push(chunk); } });
}

/**
 * Runs the command while an endless input is written into its standard input or, with `fifo`,
 * into that named pipe: `yes | faultline inspect -`. A command that reads on for ever is killed
 * after `limitMs`, and the run says so, so that the test fails rather than hangs.
 */
function faultlineFedForever(args: string[], fifo?: string, limitMs = 20_000): Promise<Run & { readonly killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [command, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    const input = createEndlessInput();
    // The command closes its end once it has read enough: the writer's EPIPE is the expected outcome.
    const into: Writable = fifo === undefined ? child.stdin : createWriteStream(fifo);
    into.on('error', () => {});
    input.pipe(into);
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill();
    }, limitMs);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      input.unpipe(into);
      input.destroy();
      into.destroy();
      resolve({ code, stdout, stderr, killed });
    });
  });
}

/** Responses the server sends as they are, each to be inspected live and saved. */
const answers: Readonly<Record<string, { status: number; contentType: string; body: Uint8Array }>> = {
  '/png': { status: 200, contentType: 'image/png', body: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00) },
  '/latin1': { status: 400, contentType: 'text/plain; charset=iso-8859-1', body: Uint8Array.of(0x63, 0x61, 0x66, 0xe9) },
  '/nul': { status: 500, contentType: 'text/plain', body: new TextEncoder().encode('Disk\u0000full') },
};

/** The bytes of the server's answer to a GET of `path` as they came, status line and headers included: what `curl -si` saves. */
function readResponseBytes(path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

let folder: string;
let bodyFile: string;
let server: Server;
let base: string;
let port: number;
/** The Accept-Language of the last request the server received. */
let receivedLanguage: string | undefined;

beforeAll(async () => {
  if (!existsSync(command)) throw new Error('dist/cli.js is missing: run `npm run build` before these tests');
  folder = mkdtempSync(join(tmpdir(), 'faultline-command-'));
  bodyFile = join(folder, '001-400-validation.json');
  writeFileSync(bodyFile, JSON.stringify(fixture.body));
  server = createServer((request, response) => {
    receivedLanguage = request.headers['accept-language'];
    const answer = request.url === undefined ? undefined : answers[request.url];
    if (answer) {
      response.writeHead(answer.status, { 'content-type': answer.contentType, 'content-length': answer.body.byteLength });
      response.end(answer.body);
      return;
    }
    if (request.url === '/stalls-500') {
      // An error status, then a body that never ends.
      response.writeHead(500, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"message": "');
      return;
    }
    if (request.url === '/campaigns') {
      response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'live-ok' });
      response.end(JSON.stringify({ id: 7, name: 'Spring' }));
      return;
    }
    response.writeHead(fixture.status, { ...fixture.headers, 'x-request-id': 'live-400' });
    response.end(JSON.stringify(fixture.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('the faultline command', () => {
  it('inspects a saved seed body with --status and --header, and exits with 1 for the error response', async () => {
    const { code, stdout, stderr } = await faultline(['inspect', bodyFile, '--status', '400', '--header', 'Content-Type: application/problem+json']);
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(stdout).toMatch(/^Error response: validation \(400\)\n/);
    expect(stdout).toMatch(/^ {2}title +Bad Request$/m);
    expect(stdout).toMatch(/^ {2}detail +Request failed validation$/m);
    expect(stdout).toMatch(/^ {2}dialect +problem$/m);
    expect(stdout).toMatch(/^Issues \(1\)\n {2}PATH +CODE +MESSAGE/m);
    expect(stdout).toContain('`body.name` is `undefined`, but `string` is expected.');
  });

  it('inspects a response saved with curl -i, status line and headers included', async () => {
    const saved = join(folder, 'saved.http');
    writeFileSync(saved, 'HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nRetry-After: 30\r\nX-RateLimit-Limit: 100\r\nX-RateLimit-Remaining: 0\r\nX-Request-Id: req-429\r\n\r\n{"code":"rate_limited","message":"Slow down"}');
    const { code, stdout } = await faultline(['inspect', saved]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {2}kind +rate_limited$/m);
    expect(stdout).toMatch(/^ {2}requestId +req-429$/m);
    expect(stdout).toMatch(/^ {2}retryAfterMs +30000 {2}Try again in 30 seconds\.$/m);
    expect(stdout).toMatch(/^ {2}rateLimit +limit 100, remaining 0$/m);
  });

  it('reads standard input for -', async () => {
    const { code, stdout } = await faultline(['inspect', '-', '--status', '200'], '{"id":7}');
    expect(code).toBe(0);
    expect(stdout).toBe('Success response (200)\n  status   200\n  dialect  plain\n\nData\n  {\n    "id": 7\n  }\n');
  });

  it('inspects a live URL with the response’s own status and headers, sending --lang as Accept-Language', async () => {
    const failed = await faultline(['inspect', `${base}/campaigns/7`, '--lang', 'de']);
    expect(failed.code).toBe(1);
    expect(receivedLanguage).toBe('de');
    expect(failed.stdout).toMatch(/^ {2}requestId +live-400$/m);
    expect(failed.stdout).toMatch(new RegExp(`^ {2}title +${readText(de, 'de', 'status.400')}$`, 'm'));
    const succeeded = await faultline(['inspect', `${base}/campaigns`]);
    expect(succeeded.code).toBe(0);
    expect(succeeded.stdout).toMatch(/^ {2}requestId +live-ok$/m);
    expect(succeeded.stdout).toContain('"name": "Spring"');
  });

  it('prints faultline’s texts in German with --lang de', async () => {
    const { stdout } = await faultline(['inspect', bodyFile, '--status', '400', '--lang', 'de']);
    expect(stdout).toMatch(new RegExp(`^ {2}title +${readText(de, 'de', 'status.400')}$`, 'm'));
    expect(stdout).toContain(readText(de, 'de', 'kind.validation.description'));
    expect(stdout).toContain(readText(de, 'de', 'issue.invalid_type'));
  });

  it('prints the model as JSON with --json', async () => {
    const { code, stdout } = await faultline(['inspect', bodyFile, '--status', '400', '-H', 'content-type: application/problem+json', '--json']);
    expect(code).toBe(1);
    const result = JSON.parse(stdout) as ApiResult;
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', status: 400, title: 'Bad Request', detail: 'Request failed validation', dialect: 'problem', body: fixture.body } });
    expect(!result.ok && result.error.issues).toHaveLength(1);
  });

  it('prints a binary success as its size with --json, as the report does', async () => {
    const saved = join(folder, 'png.http');
    writeFileSync(saved, Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0])]));
    const { code, stdout, stderr } = await faultline(['inspect', saved, '--json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout)).toEqual({ ok: true, value: { status: 200, data: { binary: true, bytes: 11 }, dialect: 'unknown', body: { binary: true, bytes: 11 } } });
    expect((await faultline(['inspect', saved])).stdout).toContain('\n  11 bytes of binary data\n');
  });

  it('prints the model’s title in the report, as --json does, for an error faultline titled itself', async () => {
    const bad = join(folder, 'bad.json');
    writeFileSync(bad, 'not json{');
    const args = ['inspect', bad, '--status', '200', '-H', 'content-type: application/json'];
    const report = await faultline(args);
    expect({ code: report.code, stderr: report.stderr }).toEqual({ code: 1, stderr: '' });
    expect(report.stdout).toMatch(/^ {2}title +Invalid Response$/m);
    expect(report.stdout).toMatch(/^ {2}description +The server sent a response that could not be read\.$/m);
    const json = JSON.parse((await faultline([...args, '--json'])).stdout) as { error: ApiError };
    expect(json.error.title).toBe('Invalid Response');
    const english = JSON.parse((await faultline([...args, '--json', '--lang', 'en'])).stdout) as { error: ApiError };
    expect(english.error.title).toBe('Invalid Response');
  });

  it('exits with 3 and names the file when it is missing', async () => {
    const missing = join(folder, 'missing.json');
    expect(await faultline(['inspect', missing, '--status', '400'])).toEqual({ code: 3, stdout: '', stderr: `faultline: no such file: ${missing}\n` });
  });

  it('exits with 4 and prints the cause when the URL cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await faultline(['inspect', `http://127.0.0.1:${port}/`])).toEqual({ code: 4, stdout: '', stderr: `faultline: cannot reach http://127.0.0.1:${port}/: connect ECONNREFUSED 127.0.0.1:${port}\n` });
  });

  it('exits with 5 for bytes that are not a response body', async () => {
    const garbage = join(folder, 'garbage.bin');
    writeFileSync(garbage, Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00));
    const { code, stdout, stderr } = await faultline(['inspect', garbage, '--status', '200']);
    expect({ code, stdout }).toEqual({ code: 5, stdout: '' });
    expect(stderr).toBe(`faultline: ${garbage} is not a response body: it is not UTF-8 text (byte 0 is 0x89); faultline reads JSON and text bodies. Say what it is with -H "Content-Type: …", as -H "Content-Type: text/plain; charset=iso-8859-1" for Latin-1 text.\n`);
  });

  it.each([
    ['a binary success', '/png', 0, '  10 bytes of binary data\n'],
    ['an ISO-8859-1 error', '/latin1', 1, '  detail       café\n'],
    ['an error whose text holds a NUL byte', '/nul', 1, '  detail       Disk\\u0000full\n'],
  ])('reads %s saved with curl -i, from a file or standard input, as it reads the same response live', async (_, path, code, line) => {
    const bytes = await readResponseBytes(path);
    const saved = join(folder, `saved-${path.slice(1)}.http`);
    writeFileSync(saved, bytes);
    const live = await faultline(['inspect', `${base}${path}`]);
    expect(live).toMatchObject({ code, stdout: expect.stringContaining(line), stderr: '' });
    expect(await faultline(['inspect', saved])).toEqual(live);
    expect(await faultline(['inspect', '-'], bytes)).toEqual(live);
  });

  it('exits with 2, not with a stack trace, for a --lang that cannot be sent to a URL', async () => {
    const { code, stdout, stderr } = await faultline(['inspect', `${base}/campaigns`, '--lang', '日本語']);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/^faultline: --lang cannot be sent as Accept-Language: /);
    expect(stderr).not.toContain('unexpected failure');
  });

  it('reads a 600 MB saved response without crashing, as normalizeResponse reads a live one: at most 1 MiB of body', async () => {
    // A sparse file: 600 MB on the command's side, nothing on the disk. Decoding it whole as text aborted Node.
    const huge = join(folder, 'huge.http');
    writeFileSync(huge, 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n[');
    truncateSync(huge, 600 * 1024 * 1024);
    const { code, stdout, stderr } = await faultline(['inspect', huge]);
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(stdout).toMatch(/^Error response: invalid_response \(200\)\n/);
    expect(stdout).toMatch(/^ {2}detail +The body exceeds the limit of 1048576 bytes$/m);
  }, 60_000);

  it('stops reading standard input past the limit and exits, while the writer keeps writing (yes | faultline inspect -)', async () => {
    const { code, stdout, stderr, killed } = await faultlineFedForever(['inspect', '-', '--status', '200']);
    expect({ killed, code, stderr }).toEqual({ killed: false, code: 1, stderr: '' });
    expect(stdout).toMatch(/^Error response: invalid_response \(200\)\n/);
    expect(stdout).toMatch(/^ {2}detail +The body exceeds the limit of 1048576 bytes$/m);
  }, 30_000);

  it.skipIf(process.platform === 'win32')('reads a file only as far as the limit: a named pipe that never ends is over it, and the command exits', async () => {
    const fifo = join(folder, 'endless.fifo');
    execFileSync('mkfifo', [fifo]);
    const { code, stdout, stderr, killed } = await faultlineFedForever(['inspect', fifo, '--status', '200'], fifo);
    expect({ killed, code, stderr }).toEqual({ killed: false, code: 1, stderr: '' });
    expect(stdout).toMatch(/^Error response: invalid_response \(200\)\n/);
    expect(stdout).toMatch(/^ {2}detail +The body exceeds the limit of 1048576 bytes$/m);
  }, 30_000);

  it('exits with 2 for an unknown option, and with 0 for --help', async () => {
    expect(await faultline(['inspect', bodyFile, '--verbose'])).toEqual({ code: 2, stdout: '', stderr: `faultline: unknown option '--verbose'\nRun "faultline --help" for usage.\n` });
    const help = await faultline(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: faultline inspect <file \| url \| ->/);
  });

  it.skipIf(!existsSync('/dev/full'))('says in one line that the output cannot be written (> /dev/full), exit 6, no stack trace', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      expect(await faultline(['inspect', bodyFile, '--status', '400'], undefined, { stdout: full })).toEqual({ code: 6, stdout: '', stderr: 'faultline: cannot write the output: no space left on device (ENOSPC)\n' });
    } finally {
      closeSync(full);
    }
  });

  it('lists exit code 6 in --help', async () => {
    expect((await faultline(['--help'])).stdout).toMatch(/^ {2}6 {2}the output could not be written/m);
  });

  it('prints the help for faultline alone (exit 2) and for faultline help (exit 0)', async () => {
    const help = await faultline(['--help']);
    expect(await faultline([])).toEqual({ code: 2, stdout: help.stdout, stderr: '' });
    expect(await faultline(['help'])).toEqual({ code: 0, stdout: help.stdout, stderr: '' });
  });

  it.skipIf(process.platform === 'win32')('says that standard input is a directory (faultline inspect - < folder), exit 3', async () => {
    const directory = openSync(folder, 'r');
    try {
      expect(await faultline(['inspect', '-', '--status', '200'], undefined, { stdin: directory })).toEqual({ code: 3, stdout: '', stderr: 'faultline: standard input is a directory, not a file\n' });
    } finally {
      closeSync(directory);
    }
  });

  it('reads the body of a saved response whose head has no blank line before it', async () => {
    const saved = join(folder, 'no-blank-line.http');
    writeFileSync(saved, 'HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n{"message":"no blank line"}');
    const { code, stdout, stderr } = await faultline(['inspect', saved]);
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(stdout).toMatch(/^ {2}detail +no blank line$/m);
  });

  it('refuses a source that looks like a URL of another scheme, exit 2, and reads a file of that name given as ./name', async () => {
    writeFileSync(join(folder, 'mailto:x'), JSON.stringify({ message: 'a file after all' }));
    expect(await faultline(['inspect', 'mailto:x', '--status', '404'], undefined, { cwd: folder })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'faultline: only http and https URLs are fetched, not "mailto:x" (a file of that name: ./mailto:x)\nRun "faultline --help" for usage.\n',
    });
    const file = await faultline(['inspect', './mailto:x', '--status', '404'], undefined, { cwd: folder });
    expect(file).toMatchObject({ code: 1, stderr: '' });
    expect(file.stdout).toMatch(/^ {2}detail +a file after all$/m);
  });

  it('says the TLS handshake failed for https:// to a plain HTTP port, without OpenSSL’s raw line, exit 4', async () => {
    const https = base.replace('http:', 'https:');
    const { code, stdout, stderr } = await faultline(['inspect', `${https}/campaigns`]);
    expect({ code, stdout }).toEqual({ code: 4, stdout: '' });
    expect(stderr).toMatch(new RegExp(`^faultline: cannot reach ${https}/campaigns: the TLS handshake failed \\([a-z ]+: is the port plain HTTP\\? try http://\\)\n$`));
  });

  it('says fetch refuses a bad port (9), exit 4', async () => {
    expect(await faultline(['inspect', 'http://127.0.0.1:9/'])).toEqual({ code: 4, stdout: '', stderr: 'faultline: cannot reach http://127.0.0.1:9/: its port is one fetch refuses to connect to (a "bad port" of the Fetch standard)\n' });
  });

  it('says an error body that stalls did not come within --timeout, exit 4, rather than showing the time-out as the server’s detail', async () => {
    expect(await faultline(['inspect', `${base}/stalls-500`, '--timeout', '0.5'])).toEqual({
      code: 4,
      stdout: '',
      stderr: `faultline: cannot reach ${base}/stalls-500: no complete answer within 0.5 s (--timeout <seconds> waits longer)\n`,
    });
  });

  it('suggests a charset for a Latin-1 bare body, and reads it with the header suggested', async () => {
    const latin1 = join(folder, 'latin1.txt');
    writeFileSync(latin1, Uint8Array.of(0x63, 0x61, 0x66, 0xe9));
    const refused = await faultline(['inspect', latin1, '--status', '400']);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain('-H "Content-Type: text/plain; charset=iso-8859-1"');
    const read = await faultline(['inspect', latin1, '--status', '400', '-H', 'Content-Type: text/plain; charset=iso-8859-1']);
    expect(read).toMatchObject({ code: 1, stderr: '' });
    expect(read.stdout).toMatch(/^ {2}detail +café$/m);
  });

  it('decompresses a gzip file given with -H "Content-Encoding: gzip", and says how to read one given without', async () => {
    const gz = join(folder, 'body.json.gz');
    writeFileSync(gz, gzipSync('{"message":"zipped"}'));
    const read = await faultline(['inspect', gz, '--status', '400', '-H', 'Content-Encoding: gzip']);
    expect(read).toMatchObject({ code: 1, stderr: '' });
    expect(read.stdout).toMatch(/^ {2}detail +zipped$/m);
    expect(await faultline(['inspect', gz, '--status', '400'])).toEqual({
      code: 5,
      stdout: '',
      stderr: `faultline: ${gz} is not a response body: it is not UTF-8 text (byte 1 is 0x8b); faultline reads JSON and text bodies. It looks gzip-compressed: add -H "Content-Encoding: gzip", or gunzip it first.\n`,
    });
  });

  it('starts with a shebang, so that npm can link it as a command', () => {
    expect(readFileSync(command, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('checks a header name with the server’s own rule, and takes nothing else of the server: header-safety, which imports nothing', () => {
    /** The chunks a built file imports, by name: `./chunks/core-CEHykwpn.js` is `core`. */
    const chunksOf = (path: string): string[] => [...readFileSync(path, 'utf8').matchAll(/^import [^;]* from '\.\/(?:chunks\/)?(.+)-[\w-]{8}\.js';$/gm)].map((match) => match[1]!).sort();
    expect(chunksOf(command)).toEqual(['core', 'header-safety', 'languages', 'redirects']);
    const headerSafety = readdirSync(join(root, 'dist/chunks')).find((name) => /^header-safety-[\w-]{8}\.js$/.test(name))!;
    expect(readFileSync(join(root, 'dist/chunks', headerSafety), 'utf8')).not.toMatch(/^import /m);
    expect(chunksOf(join(root, 'dist/server.js'))).toContain('header-safety');
  });
});
