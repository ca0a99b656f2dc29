// Edge smoke worker: bundled by test/runtimes/edge.test.ts with esbuild from the BUILT package
// (`faultline` resolves through package.json's exports to dist/*.js, as in a user's wrangler
// build) and run in Cloudflare's workerd, without the `nodejs_compat` flag, and in Vercel's
// edge-runtime behind a `fetch` event listener. It uses only what those runtimes have.
//
// It answers the test's requests as an API would (routes below), and `GET /smoke` runs the
// client-side checks inside the runtime and answers with one JSON object of their results (500
// with the failure's stack if one fails). `env.UPSTREAM` is the test's own server on 127.0.0.1.
import { isApiError, normalize, normalizeResponse } from 'faultline';
import { buildError, createError, fromError, ok, toResponse } from 'faultline/server';
import { createClient } from 'faultline/fetch';
import { addLocale, createLocalizer, localize, negotiateLanguage } from 'faultline/i18n';
import en from 'faultline/locales/en.json' with { type: 'json' };
import de from 'faultline/locales/de.json' with { type: 'json' };
import { check, seedValidationExample } from './seed-checks.mjs';

// At module scope, as an application would: i18next initialises synchronously, nothing is fetched.
addLocale('en', en);
addLocale('de', de);
const localizer = createLocalizer({ resources: { en, de } });

// (1) normalize: seed 001's printed validation example (as smoke.mjs), and a success.
function normalizeBodies() {
  const failed = normalize(seedValidationExample);
  check(!failed.ok, 'seed 001 400 is an error');
  const { error } = failed;
  check(isApiError(error), 'isApiError(error)');
  check(error.kind === 'validation' && error.status === 400 && error.dialect === 'problem', `kind/status/dialect, got ${error.kind}/${error.status}/${error.dialect}`);
  check(error.issues.length === 1 && error.issues[0].path.join('.') === 'name', `one issue at name, got ${JSON.stringify(error.issues)}`);
  const succeeded = normalize({ status: 200, headers: { 'content-type': 'application/json', 'x-request-id': 'req-ok' }, body: '{"id":7,"name":"Ada"}' });
  check(succeeded.ok, `200 is a success, got ${JSON.stringify(succeeded)}`);
  return {
    error: { kind: error.kind, status: error.status, dialect: error.dialect, title: error.title, detail: error.detail, issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    success: { status: succeeded.value.status, data: succeeded.value.data, requestId: succeeded.value.requestId },
  };
}

// (2) normalizeResponse of real `fetch` Responses from the test's server.
async function normalizeFetched(upstream) {
  const failed = await normalizeResponse(await fetch(new URL('problem', upstream)));
  check(!failed.ok, 'upstream /problem is an error');
  const success = await normalizeResponse(await fetch(new URL('hello', upstream)));
  check(success.ok, `upstream /hello is a success, got ${JSON.stringify(success.ok ? null : success.error)}`);
  const { error } = failed;
  return {
    error: { kind: error.kind, status: error.status, dialect: error.dialect, title: error.title, requestId: error.requestId, issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code ?? null })) },
    success: { status: success.value.status, data: success.value.data },
  };
}

// (3) faultline/server: toResponse in two dialects and buildError, read back with normalizeResponse.
async function buildAndReadBack() {
  const out = {};
  for (const dialect of ['problem', 'envelope']) {
    const built = createError({ kind: 'validation', detail: 'Name is required', issues: [{ path: ['name'], message: 'Required', code: 'required' }], requestId: 'req-7' });
    const response = toResponse(built, { dialect });
    check(response instanceof Response, `${dialect}: a Response`);
    const result = await normalizeResponse(response);
    check(!result.ok, `${dialect}: read back as an error`);
    const { error } = result;
    out[dialect] = { status: response.status, contentType: response.headers.get('content-type'), kind: error.kind, dialect: error.dialect, requestId: error.requestId, issues: error.issues.map((i) => i.path.join('.')) };
  }
  const { status, headers, body } = buildError(createError({ kind: 'rate_limited', retryAfterMs: 30_000 }), { dialect: 'status-message' });
  const result = await normalizeResponse(new Response(body, { status, headers }));
  check(!result.ok, 'buildError: read back as an error');
  out['status-message'] = { status, contentType: headers['content-type'], retryAfter: headers['retry-after'], kind: result.error.kind, retryAfterMs: result.error.retryAfterMs };
  return out;
}

// (4) faultline/fetch against the test's server: a 503 retried, then a timeout (retried once too).
async function fetchWithRetryAndTimeout(upstream) {
  const retries = [];
  const api = createClient({
    baseUrl: upstream,
    retry: { limit: 2, delayMs: 1 },
    totalTimeoutMs: 20_000,
    onRetry: (event) => retries.push({ attempt: event.attempt, kind: event.error.kind, status: event.error.status ?? null }),
  });
  const flaky = await api.get('flaky');
  check(flaky.ok, `flaky: a success after a retry, got ${JSON.stringify(flaky.ok ? null : flaky.error)}`);
  const retried = retries.splice(0);
  const started = Date.now();
  const slow = await api.get('slow', { timeoutMs: 300, retry: { limit: 1, delayMs: 1 } });
  const elapsedMs = Date.now() - started;
  check(!slow.ok, 'slow: an error');
  return {
    retry: { data: flaky.value.data, retries: retried },
    timeout: { kind: slow.error.kind, detail: slow.error.detail, retries: retries.splice(0), elapsedMs },
  };
}

// (5) faultline/i18n: the shared localizer and one of its own, on a 429 as a real server sends it.
function localizeRateLimit() {
  const result = normalize({ status: 429, headers: { 'content-type': 'application/json', 'retry-after': '30' }, body: '{"message":"Slow down"}' });
  check(!result.ok, '429 is an error');
  return {
    language: negotiateLanguage('de-AT, fr;q=0.8'),
    title: localize(result.error, 'de').title,
    describe: localizer.describe(result.error, 'de'),
    retryAdvice: localizer.retryAdvice(result.error, 'de'),
  };
}

async function smoke(env) {
  const upstream = env.UPSTREAM;
  return {
    userAgent: globalThis.navigator?.userAgent ?? null,
    edgeRuntime: typeof globalThis.EdgeRuntime === 'string' ? globalThis.EdgeRuntime : null,
    nodeGlobals: { process: typeof globalThis.process, Buffer: typeof globalThis.Buffer },
    normalize: normalizeBodies(),
    normalizeResponse: await normalizeFetched(upstream),
    build: await buildAndReadBack(),
    fetch: await fetchWithRetryAndTimeout(upstream),
    i18n: localizeRateLimit(),
  };
}

// The API the test calls: what a Worker built on faultline/server answers.
async function route(request, env) {
  const url = new URL(request.url);
  const language = negotiateLanguage(request.headers.get('accept-language'));
  if (url.pathname === '/smoke') return Response.json(await smoke(env));
  if (url.pathname === '/customers/7' && request.method === 'GET') return ok({ id: 7, name: 'Ada' }, { headers: { 'x-request-id': 'req-ok' } });
  if (url.pathname.startsWith('/customers/') && request.method === 'GET') {
    return toResponse(createError({ kind: 'not_found', detail: `No customer ${url.pathname.slice('/customers/'.length)}`, requestId: 'req-404' }));
  }
  if (url.pathname === '/customers' && request.method === 'POST') {
    const body = await request.json();
    if (typeof body?.name !== 'string') {
      const error = createError({ kind: 'validation', detail: 'The customer is not valid', issues: [{ path: ['name'], message: 'Required', code: 'required' }] });
      return toResponse(error, { language, localizer });
    }
    return ok({ id: 8, name: body.name }, { status: 201, location: '/customers/8' });
  }
  if (url.pathname === '/busy') {
    const { status, headers, body } = buildError(createError({ kind: 'rate_limited', retryAfterMs: 30_000 }), { dialect: 'status-message' });
    return new Response(body, { status, headers });
  }
  if (url.pathname === '/boom') throw new Error('database password is hunter2');
  return toResponse(createError({ kind: 'not_found' }));
}

export default {
  async fetch(request, env) {
    try {
      return await route(request, env);
    } catch (thrown) {
      if (new URL(request.url).pathname === '/smoke') {
        return new Response(thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown), { status: 500, headers: { 'content-type': 'text/plain', 'x-smoke-failed': '1' } });
      }
      return toResponse(fromError(thrown));
    }
  },
};
