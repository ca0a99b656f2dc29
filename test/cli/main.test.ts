import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usage } from '../../src/cli/arguments.ts';
import { main, type CliContext } from '../../src/cli/main.ts';
import { normalize } from '../../src/index.ts';
import { readLocale, readText } from '../i18n/locale-files.ts';

const packageUrl = new URL('../../', import.meta.url);
const version = (JSON.parse(readFileSync(new URL('package.json', packageUrl), 'utf8')) as { version: string }).version;
const de = readLocale('de');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `main` on its own streams. */
async function run(argv: string[], more: Partial<CliContext> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    packageUrl,
    writeOut: (text) => void (stdout += text),
    writeError: (text) => void (stderr += text),
    readStdin: () => Promise.reject(new Error('no standard input in this test')),
    ...more,
  });
  return { code, stdout, stderr };
}

const problem = { title: 'Not Found', detail: 'No campaign 7' };
let folder: string;
let bodyFile: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'faultline-main-'));
  bodyFile = join(folder, 'not-found.json');
  writeFileSync(bodyFile, JSON.stringify(problem));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('main', () => {
  it('prints the usage for --help and the package version for --version', async () => {
    expect(await run(['--help'])).toEqual({ code: 0, stdout: usage, stderr: '' });
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('says in --help that exit 3 is a file or standard input that cannot be read, a directory among them', async () => {
    const { stdout } = await run(['--help']);
    expect(stdout).toContain('  3  the file or standard input cannot be read: a missing file, a directory, no\n     permission\n');
    expect(stdout).not.toContain('the file is missing or cannot be read');
  });

  it('prints the help for `faultline help` (exit 0) and for `faultline` alone (exit 2, as git and npm do)', async () => {
    expect(await run(['help'])).toEqual({ code: 0, stdout: usage, stderr: '' });
    expect(await run([])).toEqual({ code: 2, stdout: usage, stderr: '' });
  });

  it('says that --status is empty for --status= 404', async () => {
    expect(await run(['inspect', bodyFile, '--status=', '404'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'faultline: --status needs an HTTP status from 100 to 599, but it is empty: write --status 404 or --status=404\nRun "faultline --help" for usage.\n',
    });
  });

  it('says how to give a --header value that starts with a dash', async () => {
    expect(await run(['inspect', bodyFile, '-H', '--json'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `faultline: option '-H' argument is ambiguous; to specify an option argument starting with a dash use '--header=-XYZ' or '-H-XYZ'\nRun "faultline --help" for usage.\n`,
    });
  });

  it('refuses a --header value past Latin-1 as a usage error naming the header, for a URL and a file alike', async () => {
    const fetch = (): Promise<never> => Promise.reject(new Error('nothing is fetched in this test'));
    const expected = { code: 2, stdout: '', stderr: 'faultline: --header "X-Name" cannot hold "日": a header value holds only Latin-1 characters\nRun "faultline --help" for usage.\n' };
    expect(await run(['inspect', 'http://127.0.0.1:9/a', '-H', 'X-Name: 日本'], { fetch })).toEqual(expected);
    expect(await run(['inspect', bodyFile, '--status', '404', '-H', 'X-Name: 日本'])).toEqual(expected);
  });

  it.each(['Host: evil.example', 'Content-Length: 5', 'connection: close', 'Transfer-Encoding: chunked'])('refuses -H "%s" for a URL, which fetch would drop or refuse, as a usage error', async (header) => {
    const fetch = (): Promise<never> => Promise.reject(new Error('nothing is fetched in this test'));
    const name = header.slice(0, header.indexOf(':'));
    const { code, stdout, stderr } = await run(['inspect', 'http://127.0.0.1:9/a', '-H', header], { fetch });
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(new RegExp(`^faultline: --header "${name}" cannot be sent to a URL: fetch sets it( from the URL)?\nRun "faultline --help" for usage\\.\n$`));
  });

  it('keeps a Host or Content-Length --header for a saved body, where it is a response header', async () => {
    expect(await run(['inspect', bodyFile, '--status', '404', '-H', 'Host: example.com', '-H', 'Content-Length: 1'])).toMatchObject({ code: 1, stderr: '' });
  });

  it.each([
    ['ftp://127.0.0.1/x', 'only http and https URLs are fetched, not "ftp://127.0.0.1/x" (a file of that name: ./ftp://127.0.0.1/x)'],
    ['file:///etc/passwd', 'only http and https URLs are fetched, not "file:///etc/passwd" (a file of that name: ./file:///etc/passwd)'],
    ['http:foo', '"http:foo" is not a valid URL: an http(s) URL starts with http:// or https:// (a file of that name: ./http:foo)'],
  ])('refuses %s as a URL it does not fetch, exit 2, rather than looking for such a file', async (source, message) => {
    expect(await run(['inspect', source])).toEqual({ code: 2, stdout: '', stderr: `faultline: ${message}\nRun "faultline --help" for usage.\n` });
  });

  it('says on standard error when there are no texts in the --lang asked for, with or without --json', async () => {
    const note = 'faultline: there are no texts for "xx", so English is used\n';
    expect(await run(['inspect', bodyFile, '--status', '404', '--lang', 'xx'])).toMatchObject({ code: 1, stdout: expect.stringMatching(/title +Not Found/), stderr: note });
    const json = await run(['inspect', bodyFile, '--status', '404', '--lang', 'xx', '--json']);
    expect(json.stderr).toBe(note);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { title: 'Not Found' } });
    for (const language of ['en', 'en-US', 'xx, en;q=0.5', 'xx, *', 'ja, de;q=0.5', 'de-LU']) expect((await run(['inspect', bodyFile, '--status', '404', '--lang', language])).stderr).toBe('');
  });

  it('exits with 2 and points to --help on a usage error', async () => {
    expect(await run(['inspect', bodyFile, '--colour'])).toEqual({ code: 2, stdout: '', stderr: `faultline: unknown option '--colour'\nRun "faultline --help" for usage.\n` });
  });

  it('exits with 1 for an error response and 0 for a success', async () => {
    expect(await run(['inspect', bodyFile, '--status', '404'])).toMatchObject({ code: 1, stdout: expect.stringMatching(/^Error response: not_found \(404\)/), stderr: '' });
    expect(await run(['inspect', bodyFile, '--status', '200'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Success response \(200\)/) });
  });

  it('prints --json as normalize gave it, and localized when --lang is given', async () => {
    const { stdout } = await run(['inspect', bodyFile, '--status', '404', '--json']);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(normalize({ status: 404, body: JSON.stringify(problem) }))));
    const german = JSON.parse((await run(['inspect', bodyFile, '--status', '404', '--json', '--lang', 'de'])).stdout) as { error: { title: string } };
    expect(german.error.title).toBe(readText(de, 'de', 'status.404'));
  });

  it('negotiates --lang by seed 003’s rules: a variant falls back to its language, an unknown one to English', async () => {
    expect((await run(['inspect', bodyFile, '--status', '404', '--lang', 'de-LU'])).stdout).toMatch(new RegExp(`title +${readText(de, 'de', 'status.404')}`));
    expect((await run(['inspect', bodyFile, '--status', '404', '--lang', 'ja, de;q=0.5'])).stdout).toMatch(new RegExp(`title +${readText(de, 'de', 'status.404')}`));
    expect((await run(['inspect', bodyFile, '--status', '404', '--lang', 'ja'])).stdout).toMatch(/title +Not Found/);
  });

  it('keeps the model’s English texts, and says why, when i18next is not installed', async () => {
    const importLocalizer = (): Promise<never> => Promise.reject(new Error("Cannot find package 'i18next'"));
    const result = await run(['inspect', bodyFile, '--status', '404', '--lang', 'de'], { importLocalizer });
    expect(result).toMatchObject({ code: 1, stderr: 'faultline: i18next is not installed, so the texts stay in English (npm install i18next)\n' });
    expect(result.stdout).toMatch(/title +Not Found/);
    expect((await run(['inspect', bodyFile, '--status', '404'], { importLocalizer })).stderr).toBe('');
  });

  it('prints the model’s title with or without i18next installed', async () => {
    const bad = join(folder, 'bad.json');
    writeFileSync(bad, 'not json{');
    const args = ['inspect', bad, '--status', '200', '-H', 'content-type: application/json'];
    const importLocalizer = (): Promise<never> => Promise.reject(new Error("Cannot find package 'i18next'"));
    const withI18next = await run(args);
    const without = await run(args, { importLocalizer });
    for (const { stdout } of [withI18next, without]) expect(stdout).toMatch(/^ {2}title +Invalid Response$/m);
    // Only the description is i18next's to add: every other line says the same, columns aside.
    const fields = (stdout: string): string[] => stdout.split('\n').filter((line) => !line.startsWith('  description ')).map((line) => line.replace(/ +/g, ' '));
    expect(fields(withI18next.stdout)).toEqual(fields(without.stdout));
  });

  it('prints the detail of a text body labelled br, saved with curl --compressed', async () => {
    const saved = join(folder, 'br-text.http');
    writeFileSync(saved, 'HTTP/2 500\r\ncontent-type: text/plain\r\ncontent-encoding: br\r\n\r\n500 Internal Server Error: database timeout');
    const { code, stdout, stderr } = await run(['inspect', saved]);
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(stdout).toMatch(/^ {2}detail +500 Internal Server Error: database timeout$/m);
  });

  it('says that a body labelled gzip is not gzip data, exit 5', async () => {
    const saved = join(folder, 'not-gzip.http');
    writeFileSync(saved, new Uint8Array([...new TextEncoder().encode('HTTP/1.1 500 Oops\r\nContent-Encoding: gzip\r\n\r\n'), 0x9a, 0x3c, 0x00, 0xf1]));
    expect(await run(['inspect', saved])).toEqual({
      code: 5,
      stdout: '',
      stderr: `faultline: ${saved} is not a response body: it is not UTF-8 text (byte 0 is 0x9a); faultline reads JSON and text bodies. Its Content-Encoding is gzip, but its bytes are not gzip data.\n`,
    });
  });

  it('prints a read failure on standard error with its exit code', async () => {
    const missing = join(folder, 'missing.json');
    expect(await run(['inspect', missing, '--status', '404'])).toEqual({ code: 3, stdout: '', stderr: `faultline: no such file: ${missing}\n` });
  });

  it('escapes control characters in a file name it prints', async () => {
    expect((await run(['inspect', join(folder, 'a\u001b[2Jb'), '--status', '404'])).stderr).toContain('a\\u001b[2Jb');
  });
});
