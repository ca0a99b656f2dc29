/**
 * Runtime smoke test (issue 7): test/runtimes/smoke.mjs normalizes, builds and fetches against a
 * local server on 127.0.0.1 under Node, Bun and Deno, importing the BUILT package from dist/, and
 * localizes through `faultline/i18n` resolved by name (the server build of the `node` condition).
 * Run `npm run build` first (`npm test` does). Bun and Deno are the `bun` and `deno`
 * devDependencies; a missing binary fails the test, it is never skipped.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = fileURLToPath(new URL('./smoke.mjs', import.meta.url));
const bin = (name: string): string => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const timeoutMs = 60_000;

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', (error) => reject(new Error(`could not start ${command}: ${error.message}`)));
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

let scratch = '';

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'faultline-runtimes-'));
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

interface Runtime {
  readonly name: 'node' | 'bun' | 'deno';
  readonly command: () => string;
  readonly args: readonly string[];
  readonly env: () => NodeJS.ProcessEnv;
}

const runtimes: readonly Runtime[] = [
  { name: 'node', command: () => process.execPath, args: [script], env: () => ({}) },
  {
    name: 'bun',
    command: () => bin('bun'),
    // --no-install: never auto-install (or fetch) a package at run time.
    args: ['--no-install', script],
    env: () => ({ BUN_INSTALL_CACHE_DIR: join(scratch, 'bun-cache'), DO_NOT_TRACK: '1' }),
  },
  {
    name: 'deno',
    command: () => bin('deno'),
    // --no-remote: no remote module is ever fetched; net is needed only for 127.0.0.1.
    args: ['run', '--allow-net', '--allow-read', '--no-prompt', '--no-remote', script],
    env: () => ({ DENO_NO_UPDATE_CHECK: '1', DENO_DIR: join(scratch, 'deno-dir'), NO_COLOR: '1' }),
  },
];

describe('the built package under each runtime', () => {
  it('is built (npm run build)', () => {
    for (const entry of ['index.js', 'server.js', 'fetch.js']) {
      if (!existsSync(join(root, 'dist', entry))) {
        throw new Error(`dist/${entry} is missing: run \`npm run build\` before these tests (npm test does)`);
      }
    }
  });

  for (const runtime of runtimes) {
    it(`normalizes, builds and fetches under ${runtime.name}`, { timeout: timeoutMs + 10_000 }, async () => {
      if (!existsSync(join(root, 'dist', 'index.js'))) {
        throw new Error('dist/ is missing: run `npm run build` before these tests (npm test does)');
      }
      const command = runtime.command();
      if (!existsSync(command)) {
        throw new Error(`${runtime.name} is missing at ${command}: run \`npm install\` (it is a devDependency)`);
      }
      const result = await run(command, runtime.args, { ...process.env, ...runtime.env() });
      if (result.code !== 0) {
        throw new Error(
          `${runtime.name} exited with ${result.code ?? result.signal}` +
            `${result.signal === 'SIGKILL' ? ` (killed after ${timeoutMs} ms?)` : ''}\n` +
            `stderr:\n${result.stderr}\nstdout:\n${result.stdout}`,
        );
      }
      const lines = result.stdout.trim().split('\n');
      const output: unknown = JSON.parse(lines[lines.length - 1] ?? '');
      expect(output).toMatchObject({
        runtime: runtime.name,
        normalize: { kind: 'validation', title: 'Bad Request', issues: [{ path: 'name', code: 'invalid_type' }] },
        build: {
          problem: { status: 400, contentType: 'application/problem+json', kind: 'validation', issues: 1 },
          envelope: { status: 400, contentType: 'application/json', kind: 'validation', issues: 1 },
        },
        fetch: {
          requests: 2,
          retries: [{ attempt: 1, delayMs: 0, kind: 'rate_limited' }],
          data: { id: 7, name: 'Ada' },
        },
        // `faultline/i18n` by name: the server build, German and French with no set-up.
        i18n: { resolved: 'dist/i18n-node.js', de: 'Nicht gefunden', fr: 'Non trouvé' },
      });
    });
  }
});
