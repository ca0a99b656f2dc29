/**
 * Edge-runtime smoke test: test/runtimes/edge-worker.mjs, bundled with esbuild from the BUILT
 * package (dist/, reached through package.json's exports as a user's bundler reaches it), runs in
 * - Cloudflare's workerd, the runtime of Cloudflare Workers, as an ES module Worker without
 *   `nodejs_compat`, twice: `workerd` as a new Worker is made today, and `workerd-bare` with no
 *   Node globals at all (see `workerdTargets`);
 * - Vercel's `edge-runtime` (a Node vm holding the Edge Runtime's globals only), as the
 *   service-worker script `edge-runtime` runs, in this process.
 * The test starts a server of its own on 127.0.0.1 for the Workers to fetch (workerd's outbound
 * network allows 127.0.0.0/8 only) and the runtimes on ephemeral loopback ports, and checks what
 * faultline does inside each (`GET /smoke`) and what its faultline/server answers there.
 * Run `npm run build` first (`npm test` does). workerd and edge-runtime are devDependencies; a
 * missing one fails the tests, they are never skipped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type * as EdgeRuntimePackage from 'edge-runtime';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = fileURLToPath(new URL('./edge-worker.mjs', import.meta.url));
const workerd = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'workerd.cmd' : 'workerd');
// The Worker's compatibility date: no later than the pinned workerd's own (`workerd --version`).
const compatibilityDate = '2026-10-23';
const startMs = 30_000;
const testMs = 30_000;
const lastResortMs = 300_000;

/** Reads the targets' answers back in Node with the built package, as their clients would. */
let normalizeResponse: typeof import('../../src/index.ts').normalizeResponse;
let scratch = '';
let upstream: Server | undefined;
let worker: ChildProcess | undefined;
let edgeServer: Awaited<ReturnType<typeof EdgeRuntimePackage.runServer>> | undefined;
/** Each target's origin, by name. */
const origins = new Map<string, string>();
/** What workerd printed, for a failure's message. */
let log = '';
/** Requests the test's server saw, by path (`/<target>/<route>`). */
const seen = new Map<string, number>();
/** Responses to /slow, held unanswered; ended when the server stops. */
const held = new Set<ServerResponse>();

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  response.writeHead(status, headers).end(JSON.stringify(body));
}

/** The server the Workers fetch: a problem+json error, a success, a 503 once, and one that never answers. */
async function startUpstream(): Promise<string> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const count = (seen.get(path) ?? 0) + 1;
    seen.set(path, count);
    // Each target's UPSTREAM is /<target>/, so that each has its own counts.
    const route = path.slice(path.lastIndexOf('/'));
    if (route === '/problem') {
      send(response, 422, { 'content-type': 'application/problem+json', 'x-request-id': 'up-422' }, {
        type: 'https://example.net/validation-error',
        title: 'Your request is not valid.',
        status: 422,
        errors: [{ detail: 'must be a positive integer', pointer: '#/age' }],
      });
    } else if (route === '/hello') send(response, 200, { 'content-type': 'application/json' }, { hello: 'edge' });
    else if (route === '/flaky' && count === 1) send(response, 503, { 'content-type': 'application/json' }, { message: 'Try again' });
    else if (route === '/flaky') send(response, 200, { 'content-type': 'application/json' }, { id: 7, name: 'Ada' });
    else if (route === '/slow') held.add(response.once('close', () => held.delete(response)));
    else send(response, 404, { 'content-type': 'application/json' }, { message: 'Not here' });
  });
  upstream = server;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

interface Target {
  readonly name: string;
  /** Who the smoke run says it ran in. */
  readonly identity: { readonly userAgent: string | null; readonly edgeRuntime: string | null; readonly nodeGlobals: { readonly process: string; readonly Buffer: string } };
}

/**
 * One bundle, two Workers at the pinned workerd's compatibility date: `workerd`, as a new Worker
 * is made today (at a compatibility date of 2026-08-04 or later — 2026-08-01 had none — workerd
 * gives every Worker Node's `process` and `Buffer`, `nodejs_compat_v2`, even without
 * `nodejs_compat`); `workerd-bare`, with that opted out (`no_nodejs_compat_v2`): no Node globals
 * at all, as in a browser or an older Worker.
 */
const workerdTargets = [
  { name: 'workerd', flags: [], identity: { userAgent: 'Cloudflare-Workers', edgeRuntime: null, nodeGlobals: { process: 'object', Buffer: 'function' } } },
  { name: 'workerd-bare', flags: ['no_nodejs_compat_v2'], identity: { userAgent: 'Cloudflare-Workers', edgeRuntime: null, nodeGlobals: { process: 'undefined', Buffer: 'undefined' } } },
] as const satisfies readonly (Target & { readonly flags: readonly string[] })[];

/** Vercel's Edge Runtime names itself in the global `EdgeRuntime`, and has no `navigator`. */
const edgeRuntimeTarget: Target = { name: 'edge-runtime', identity: { userAgent: null, edgeRuntime: 'edge-runtime', nodeGlobals: { process: 'undefined', Buffer: 'undefined' } } };

const targets: readonly Target[] = [...workerdTargets, edgeRuntimeTarget];

/** The capnp config: each Worker on an ephemeral loopback port, its fetch() reaching 127.0.0.0/8 only. */
function toConfig(upstreamUrl: string): string {
  const services = workerdTargets.map(
    ({ name, flags }) => `    ( name = "${name}",
      worker = (
        modules = [ (name = "worker.js", esModule = embed "worker.js") ],
        compatibilityDate = "${compatibilityDate}",
        compatibilityFlags = ${JSON.stringify(flags)},
        bindings = [ (name = "UPSTREAM", text = ${JSON.stringify(`${upstreamUrl}${name}/`)}) ],
      ),
    ),`,
  );
  const sockets = workerdTargets.map(({ name }) => `( name = "${name}", address = "127.0.0.1:0", http = (), service = "${name}" )`);
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
${services.join('\n')}
    # The Workers' global fetch(): the test's own server on loopback, nothing else.
    ( name = "internet", network = ( allow = ["127.0.0.0/8"] ) ),
  ],
  sockets = [ ${sockets.join(', ')} ],
);
`;
}

/** Starts workerd and resolves with each socket's port, from the listen events on its control fd (3). */
function startWorkerd(config: string): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    // afterAll stops it; the spawn timeout is a last resort should afterAll never run (the whole file takes seconds).
    const child = spawn(workerd, ['serve', config, '--control-fd=3'], { cwd: scratch, stdio: ['ignore', 'pipe', 'pipe', 'pipe'], timeout: lastResortMs, killSignal: 'SIGKILL' });
    worker = child;
    const fail = (why: string): void => {
      clearTimeout(timer);
      reject(new Error(`workerd ${why}\nits output:\n${log}`));
    };
    const timer = setTimeout(() => fail(`did not listen within ${startMs} ms`), startMs);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    child.once('error', (error) => fail(`could not start (${workerd}): ${error.message}`));
    child.once('exit', (code, signal) => fail(`exited with ${code ?? signal} before listening`));
    let control = '';
    const ports = new Map<string, number>();
    (child.stdio[3] as Readable).setEncoding('utf8').on('data', (chunk: string) => {
      control += chunk;
      for (const line of control.split('\n').slice(0, -1)) {
        const message = JSON.parse(line) as { event?: string; socket?: string; port?: number };
        if (message.event === 'listen' && typeof message.socket === 'string' && typeof message.port === 'number') ports.set(message.socket, message.port);
      }
      if (workerdTargets.every(({ name }) => ports.has(name))) {
        clearTimeout(timer);
        resolve(ports);
      }
      control = control.slice(control.lastIndexOf('\n') + 1);
    });
  });
}

async function stopWorkerd(): Promise<void> {
  const child = worker;
  worker = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The worker bundled as a bundler does for each platform: one file, no Node built-ins (platform `neutral`). */
async function bundle(options: { format: 'esm' | 'iife'; conditions: string[]; stdin?: { contents: string; resolveDir: string; sourcefile: string } }): Promise<string> {
  const { outputFiles } = await build({
    ...(options.stdin ? { stdin: options.stdin } : { entryPoints: [entry] }),
    write: false,
    outdir: scratch,
    bundle: true,
    format: options.format,
    platform: 'neutral',
    conditions: options.conditions,
    mainFields: ['browser', 'module', 'main'],
    target: 'es2022',
    logLevel: 'silent',
  });
  return outputFiles[0]!.text;
}

/** Bundles the worker and starts the test's server, workerd and edge-runtime, once: each test awaits it, so that a missing binary or dist/ fails every test (a failed beforeAll would only skip them). */
async function start(): Promise<void> {
  for (const file of ['index.js', 'server.js', 'fetch.js', 'i18n.js']) {
    if (!existsSync(join(root, 'dist', file))) throw new Error(`dist/${file} is missing: run \`npm run build\` before these tests (npm test does)`);
  }
  ({ normalizeResponse } = (await import(pathToFileURL(join(root, 'dist', 'index.js')).href)) as typeof import('../../src/index.ts'));
  if (!existsSync(workerd)) throw new Error(`workerd is missing at ${workerd}: run \`npm install\` (it is a devDependency)`);
  // A missing package fails here, with Node's own "Cannot find package 'edge-runtime'".
  const { EdgeRuntime, runServer } = await import('edge-runtime');
  scratch = mkdtempSync(join(tmpdir(), 'faultline-edge-'));
  const upstreamUrl = await startUpstream();

  // workerd: an ES module Worker, with the conditions wrangler resolves packages with.
  writeFileSync(join(scratch, 'worker.js'), await bundle({ format: 'esm', conditions: ['workerd', 'worker', 'browser'] }));
  writeFileSync(join(scratch, 'config.capnp'), toConfig(upstreamUrl));
  for (const [name, port] of await startWorkerd('config.capnp')) origins.set(name, `http://127.0.0.1:${port}`);

  // edge-runtime evaluates a script, not a module, and dispatches FetchEvents to it: the same
  // worker behind a `fetch` listener, resolved with `edge-light`, Vercel's runtime condition.
  const env = JSON.stringify({ UPSTREAM: `${upstreamUrl}${edgeRuntimeTarget.name}/` });
  const script = await bundle({
    format: 'iife',
    conditions: ['edge-light', 'worker', 'browser'],
    stdin: { contents: `import worker from './edge-worker.mjs';\naddEventListener('fetch', (event) => event.respondWith(worker.fetch(event.request, ${env})));\n`, resolveDir: dirname(entry), sourcefile: 'edge-runtime-entry.mjs' },
  });
  edgeServer = await runServer({ runtime: new EdgeRuntime({ initialCode: script }), host: '127.0.0.1', port: 0 });
  origins.set(edgeRuntimeTarget.name, edgeServer.url.replace(/\/$/, ''));
}

let started: Promise<void> | undefined;
const setUp = (): Promise<void> => (started ??= start());

afterAll(async () => {
  await stopWorkerd();
  await edgeServer?.close();
  for (const response of held) response.destroy();
  if (upstream) {
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream!.close(resolve));
  }
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}, 15_000);

/** A request to a target, with a timeout of its own; a failure to connect shows workerd's output. */
async function call(target: string, path: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(`${origins.get(target)}${path}`, { ...init, signal: AbortSignal.timeout(testMs) });
  } catch (error) {
    throw new Error(`${target}: ${path} failed: ${error instanceof Error ? error.message : String(error)}\nworkerd's output:\n${log}`, { cause: error });
  }
}

describe('the built package in edge runtimes', () => {
  for (const { name, identity } of targets) {
    it(`normalizes, builds, localizes and fetches in ${name}`, { timeout: startMs + testMs }, async () => {
      await setUp();
      const response = await call(name, '/smoke');
      const text = await response.text();
      if (response.status !== 200) throw new Error(`the smoke run in ${name} failed (${response.status}):\n${text}\nworkerd's output:\n${log}`);
      const output = JSON.parse(text) as Record<string, unknown>;
      expect(output).toMatchObject({
        ...identity,
        normalize: {
          error: { kind: 'validation', status: 400, dialect: 'problem', title: 'Bad Request', detail: 'Request failed validation', issues: [{ path: 'name', message: '`body.name` is `undefined`, but `string` is expected.' }] },
          success: { status: 200, data: { id: 7, name: 'Ada' }, requestId: 'req-ok' },
        },
        normalizeResponse: {
          error: { kind: 'validation', status: 422, dialect: 'problem', title: 'Your request is not valid.', requestId: 'up-422', issues: [{ path: 'age', message: 'must be a positive integer' }] },
          success: { status: 200, data: { hello: 'edge' } },
        },
        build: {
          problem: { status: 400, contentType: 'application/problem+json', kind: 'validation', dialect: 'problem', requestId: 'req-7', issues: ['name'] },
          envelope: { status: 400, contentType: 'application/json', kind: 'validation', dialect: 'envelope', requestId: 'req-7', issues: ['name'] },
          'status-message': { status: 429, contentType: 'application/json', retryAfter: '30', kind: 'rate_limited', retryAfterMs: 30_000 },
        },
        fetch: {
          retry: { data: { id: 7, name: 'Ada' }, retries: [{ attempt: 1, kind: 'unavailable', status: 503 }] },
          timeout: { kind: 'timeout', detail: 'No response within 300 ms', retries: [{ attempt: 1, kind: 'timeout', status: null }] },
        },
        i18n: {
          language: 'de',
          title: 'Zu viele Anfragen',
          describe: 'Zu viele Anfragen in kurzer Zeit. Warten Sie einen Moment und versuchen Sie es erneut.',
          retryAdvice: 'Versuchen Sie es in 30 Sekunden erneut.',
        },
      });
      // Two attempts of 300 ms each timed out: not at once, and not after some default timeout.
      const { elapsedMs } = (output['fetch'] as { timeout: { elapsedMs: number } }).timeout;
      expect(elapsedMs).toBeGreaterThanOrEqual(550);
      expect(elapsedMs).toBeLessThan(10_000);
      // The server saw what the client inside sent: the 503 and its retry, both timed-out attempts.
      const own = Object.fromEntries([...seen].filter(([path]) => path.startsWith(`/${name}/`)));
      expect(own).toEqual({ [`/${name}/problem`]: 1, [`/${name}/hello`]: 1, [`/${name}/flaky`]: 2, [`/${name}/slow`]: 2 });
    });

    it(`answers requests with faultline/server in ${name}`, { timeout: startMs + testMs }, async () => {
      await setUp();
      const found = await call(name, '/customers/7');
      expect(found.status).toBe(200);
      expect(found.headers.get('content-type')).toBe('application/hal+json');
      expect(await normalizeResponse(found)).toMatchObject({ ok: true, value: { status: 200, data: { id: 7, name: 'Ada' }, requestId: 'req-ok' } });

      const missing = await call(name, '/customers/8');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('application/problem+json');
      expect(await normalizeResponse(missing)).toMatchObject({ ok: false, error: { kind: 'not_found', status: 404, title: 'Not Found', detail: 'No customer 8', requestId: 'req-404' } });

      // A validation error in the language the request asks for, localized inside the runtime.
      const invalid = await call(name, '/customers', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'de-AT, en;q=0.5' }, body: '{}' });
      expect(invalid.status).toBe(400);
      expect(invalid.headers.get('content-language')).toBe('de');
      expect(invalid.headers.get('vary')).toBe('Accept-Language');
      expect(await normalizeResponse(invalid)).toMatchObject({
        ok: false,
        error: { kind: 'validation', status: 400, title: 'Ungültige Anfrage', detail: 'The customer is not valid', issues: [{ path: ['name'], message: 'Dieses Feld ist erforderlich.', code: 'required' }] },
      });

      const created = await call(name, '/customers', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Grace"}' });
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe('/customers/8');
      expect(await normalizeResponse(created)).toMatchObject({ ok: true, value: { status: 201, data: { id: 8, name: 'Grace' }, location: '/customers/8' } });

      // buildError's {status, headers, body}, sent as a Response.
      const busy = await call(name, '/busy');
      expect(busy.status).toBe(429);
      expect(busy.headers.get('retry-after')).toBe('30');
      expect(await normalizeResponse(busy)).toMatchObject({ ok: false, error: { kind: 'rate_limited', status: 429, retryAfterMs: 30_000 } });

      // What a route threw: a plain 500 that keeps the thrown message to itself.
      const boom = await call(name, '/boom');
      expect(boom.status).toBe(500);
      expect(await boom.clone().text()).not.toContain('hunter2');
      expect(await normalizeResponse(boom)).toMatchObject({ ok: false, error: { kind: 'server', status: 500, title: 'Internal Server Error' } });
    });
  }
});
