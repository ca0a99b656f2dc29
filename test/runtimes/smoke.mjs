// Runtime smoke test: run by test/runtimes/runtimes.test.ts under Node, Bun and Deno.
// Imports the BUILT package (npm run build first), never the sources. Prints one JSON line
// with the results and exits 0, or prints the failure on stderr and exits 1.
import { isApiError, normalize, normalizeResponse } from '../../dist/index.js';
import { createError, toResponse } from '../../dist/server.js';
import { createClient } from '../../dist/fetch.js';
import { check, seedValidationExample } from './seed-checks.mjs';

const runtime = typeof globalThis.Deno !== 'undefined' ? 'deno' : typeof globalThis.Bun !== 'undefined' ? 'bun' : 'node';
const version = runtime === 'deno' ? globalThis.Deno.version.deno : runtime === 'bun' ? globalThis.Bun.version : process.versions.node;

// (1) Seed 001's printed validation example (test/fixtures/problem/001-400-validation.json).
function normalizeSeed() {
  const result = normalize(seedValidationExample);
  check(!result.ok, 'seed 001 400 is an error');
  const { error } = result;
  check(isApiError(error), 'isApiError(error)');
  check(error.kind === 'validation', `kind is validation, got ${error.kind}`);
  check(error.status === 400, `status 400, got ${error.status}`);
  check(error.dialect === 'problem', `dialect problem, got ${error.dialect}`);
  check(error.title === 'Bad Request', `title, got ${error.title}`);
  check(error.detail === 'Request failed validation', `detail, got ${error.detail}`);
  check(error.issues.length === 1, `one issue, got ${error.issues.length}`);
  const [issue] = error.issues;
  check(issue.path.join('.') === 'name', `issue path name, got ${JSON.stringify(issue.path)}`);
  check(issue.message === '`body.name` is `undefined`, but `string` is expected.', `issue message, got ${issue.message}`);
  return { kind: error.kind, title: error.title, issues: error.issues.map((i) => ({ path: i.path.join('.'), code: i.code ?? null })) };
}

// (2) createError + toResponse in two dialects, read back with normalizeResponse.
async function buildAndReadBack() {
  const out = {};
  for (const dialect of ['problem', 'envelope']) {
    const built = createError({
      kind: 'validation',
      detail: 'Name is required',
      issues: [{ path: ['name'], message: 'Required', code: 'required' }],
      requestId: 'req-7',
    });
    const response = toResponse(built, { dialect });
    const contentType = response.headers.get('content-type') ?? '';
    check(response.status === 400, `${dialect}: status 400, got ${response.status}`);
    const expectedType = dialect === 'problem' ? 'application/problem+json' : 'application/json';
    check(contentType.startsWith(expectedType), `${dialect}: content-type ${expectedType}, got ${contentType}`);
    const result = await normalizeResponse(response);
    check(!result.ok, `${dialect}: read back as an error`);
    const { error } = result;
    check(error.dialect === dialect, `${dialect}: dialect read back, got ${error.dialect}`);
    check(error.kind === 'validation', `${dialect}: kind validation, got ${error.kind}`);
    check(error.status === 400, `${dialect}: status 400, got ${error.status}`);
    check(error.requestId === 'req-7', `${dialect}: requestId, got ${error.requestId}`);
    // Seed 004's error object names one `field` and one `message` (the error's detail), so the
    // envelope keeps a single issue's field but not its own message or code; problem+json keeps all.
    const [issue] = error.issues;
    check(error.issues.length === 1 && issue.path.join('.') === 'name', `${dialect}: issue path read back, got ${JSON.stringify(error.issues)}`);
    if (dialect === 'problem') {
      check(issue.message === 'Required' && issue.code === 'required', `${dialect}: issue message and code read back, got ${JSON.stringify(issue)}`);
    }
    out[dialect] = { status: response.status, contentType, kind: error.kind, issues: error.issues.length };
  }
  return out;
}

// (3) A local server: 429 with Retry-After: 0 first, then 200 JSON; the client retries.
function handle(count) {
  if (count === 1) {
    return new Response(JSON.stringify({ status: 429, message: 'Slow down' }), {
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '0' },
    });
  }
  return new Response(JSON.stringify({ id: 7, name: 'Ada' }), { status: 200, headers: { 'content-type': 'application/json' } });
}

async function startServer() {
  let count = 0;
  const paths = [];
  if (runtime === 'bun') {
    const server = globalThis.Bun.serve({
      hostname: '127.0.0.1',
      port: 0,
      fetch(request) {
        paths.push(new URL(request.url).pathname);
        return handle(++count);
      },
    });
    return { url: `http://127.0.0.1:${server.port}/`, requests: () => count, paths, stop: async () => { await server.stop(true); } };
  }
  if (runtime === 'deno') {
    let resolvePort;
    const listening = new Promise((resolve) => { resolvePort = resolve; });
    const server = globalThis.Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: ({ port }) => resolvePort(port) }, (request) => {
      paths.push(new URL(request.url).pathname);
      return handle(++count);
    });
    const port = await listening;
    return { url: `http://127.0.0.1:${port}/`, requests: () => count, paths, stop: async () => { await server.shutdown(); } };
  }
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    paths.push(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const response = handle(++count);
    void response.text().then((body) => {
      res.writeHead(response.status, Object.fromEntries(response.headers)).end(body);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests: () => count,
    paths,
    stop: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

async function fetchWithRetry() {
  const server = await startServer();
  try {
    const retries = [];
    const api = createClient({
      baseUrl: server.url,
      totalTimeoutMs: 20_000,
      onRetry: (event) => retries.push({ attempt: event.attempt, delayMs: event.delayMs, kind: event.error.kind }),
    });
    const result = await api.get('customers/7');
    check(result.ok, `client result ok, got ${JSON.stringify(result.ok ? null : result.error)}`);
    check(result.value.data.id === 7 && result.value.data.name === 'Ada', `data, got ${JSON.stringify(result.value.data)}`);
    check(server.requests() === 2, `two requests, got ${server.requests()}`);
    check(server.paths.every((p) => p === '/customers/7'), `paths, got ${JSON.stringify(server.paths)}`);
    check(retries.length === 1 && retries[0].kind === 'rate_limited' && retries[0].delayMs === 0,
      `one retry after rate_limited with 0 ms, got ${JSON.stringify(retries)}`);
    return { requests: server.requests(), retries, data: result.value.data };
  } finally {
    await server.stop();
  }
}

// (4) faultline/i18n by its package name, resolved through package.json `exports` as an
// application resolves it: Node, Bun and Deno match its `node` condition, whose build holds every
// language of locales/ with no set-up.
async function localizeByPackageName() {
  const { createLocalizer, localize } = await import('faultline/i18n');
  const error = createError({ kind: 'not_found' });
  const de = localize(error, 'de').title;
  check(de === 'Nicht gefunden', `localize(error, 'de') is German, got ${de}`);
  const fr = createLocalizer({ language: 'fr' }).localize(error).title;
  check(fr === 'Non trouvé', `createLocalizer({ language: 'fr' }) is French, got ${fr}`);
  return { resolved: import.meta.resolve('faultline/i18n').replace(/^.*\/dist\//, 'dist/'), de, fr };
}

try {
  const results = {
    runtime,
    version,
    normalize: normalizeSeed(),
    build: await buildAndReadBack(),
    fetch: await fetchWithRetry(),
    i18n: await localizeByPackageName(),
  };
  console.log(JSON.stringify(results));
  process.exitCode = 0;
} catch (error) {
  console.error(`[${runtime}] smoke test failed:`, error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
}
