/**
 * `npm start`: the demo server, started as `node examples/demo/server.mjs` with PORT=0 in a child
 * process, as npm runs it (after `npm run build`), and hit with real `fetch`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Browser } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, toFormData, type RetryEvent } from '../../src/fetch/index.ts';
import { normalizeResponse } from '../../src/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
let child: ChildProcess;
let base: string;
/** What the demo printed on standard output as it started. */
let startOutput = '';

beforeAll(async () => {
  child = spawn(process.execPath, ['examples/demo/server.mjs'], { cwd: root, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  base = await new Promise<string>((resolve, reject) => {
    let printed = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      startOutput = printed;
      const address = /faultline demo: (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(printed)?.[1];
      if (address !== undefined && printed.includes('Ctrl-C')) resolve(address);
    });
    child.once('exit', (code) => reject(new Error(`The demo server exited with ${String(code)}: ${errors}`)));
  });
});

afterAll(async () => {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
});

const url = (path: string): string => new URL(path, base).href;
const post = (path: string, json: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(url(path), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(json) });

/** A request with the path sent exactly as written: `fetch` would remove the dot segments first. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const outgoing = httpRequest({ hostname, port, path, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('the page and its files', () => {
  it('prints its address on 127.0.0.1 and serves the page as HTML with an import map for i18next', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(base);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<script type="importmap">{ "imports": { "i18next": "/vendor/i18next.js" } }</script>');
    expect(html).toContain('<script type="module" src="/app.js"></script>');
  });

  it('serves every module the page imports, following the import map, as JavaScript', async () => {
    const importMap: Record<string, string> = { i18next: '/vendor/i18next.js' };
    const seen = new Set<string>();
    const pending = ['/app.js'];
    while (pending.length > 0) {
      const path = pending.pop()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await fetch(url(path));
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe('text/javascript; charset=utf-8');
      const source = await response.text();
      for (const [, specifier] of source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g)) {
        pending.push(importMap[specifier!] ?? new URL(specifier!, url(path)).pathname);
      }
    }
    expect([...seen]).toEqual(expect.arrayContaining(['/app.js', '/dist/fetch.js', '/dist/i18n.js', '/vendor/i18next.js']));
  });

  it.each(['/dist/index.js', '/dist/fetch.js', '/dist/i18n.js', '/dist/server.js'])('serves %s as JavaScript', async (path) => {
    const response = await fetch(url(path));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each(['en', 'de', 'de-CH', 'fr-LU', 'tr'])('serves locales/%s.json as JSON', async (language) => {
    const response = await fetch(url(`/locales/${language}.json`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toBeTypeOf('object');
  });

  it.each([
    '/dist/../package.json',
    '/dist/%2e%2e/package.json',
    '/dist/%2E%2E/package.json',
    '/dist/..%2fpackage.json',
    '/locales/%2e%2e%2fpackage.json',
    '/dist/..%5cpackage.json',
    '/locales/../../../../etc/passwd',
    '/package.json',
    '/examples/demo/server.mjs',
    '/node_modules/i18next/package.json',
    '/dist/index.d.ts',
  ])('refuses %s', async (path) => {
    const { status, body } = await rawGet(path);
    expect([403, 404]).toContain(status);
    expect(body).not.toContain('"devDependencies"');
    expect(body).not.toContain('createServer');
  });

  it('answers a missing file with a 404', async () => {
    expect((await fetch(url('/dist/nothing.js'))).status).toBe(404);
  });
});

describe('the page, run by happy-dom against the live server', () => {
  const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

  it('marks invalid fields next to the inputs, switches language, shows failed batch rows and loads every chunk', async () => {
    const browser = new Browser({ settings: { disableJavaScriptFileLoading: false, enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
    try {
      const page = browser.newPage();
      await page.goto(base);
      await page.waitUntilComplete();
      const document = page.mainFrame.document;
      const until = async (check: () => boolean): Promise<void> => {
        for (let waited = 0; !check() && waited < 10_000; waited += 50) await settle(50);
      };
      const text = (selector: string): string => document.querySelector(selector)?.textContent ?? '';
      await until(() => document.querySelectorAll('#language option').length > 0);
      expect(document.querySelectorAll('#language option')).toHaveLength(21);

      // The form, answered in problem+json: each issue next to its input.
      (document.querySelector('#dialect') as unknown as { value: string }).value = '001';
      (document.querySelector('#customer-form button') as unknown as { click(): void }).click();
      await until(() => text('[data-error-for="name"]') !== '');
      expect(text('[data-error-for="name"]')).toBe('This field is required.');
      expect(text('[data-error-for="email"]')).toBe('This value is not in the right format.');
      expect(document.querySelector('#email')?.getAttribute('aria-invalid')).toBe('true');

      // A variant: de-CH loads de and de-CH, and what is on screen is drawn again.
      const picker = document.querySelector('#language') as unknown as { value: string; dispatchEvent(event: unknown): boolean };
      picker.value = 'de-CH';
      picker.dispatchEvent(new page.mainFrame.window.Event('change'));
      await until(() => text('[data-error-for="name"]') === 'Dieses Feld ist erforderlich.');
      expect(text('[data-error-for="name"]')).toBe('Dieses Feld ist erforderlich.');
      expect(text('#form-result')).toContain('Request failed validation'); // the server's detail stays as written

      // The batch import: rows 2, 3 and 5 of the sample fail, each with its reason.
      (document.querySelector('#import') as unknown as { click(): void }).click();
      await until(() => document.querySelectorAll('#batch-result tr').length > 0);
      const failed = [...document.querySelectorAll('#batch-result tr.failed')].map((row) => row.textContent);
      expect(failed).toEqual(expect.arrayContaining([expect.stringContaining('name: The name is missing.'), expect.stringContaining('email: The email address is not valid.'), expect.stringContaining('email: A contact with this email address exists already.')]));

      // The list, chunk by chunk, through a throttled chunk.
      (document.querySelector('#load-customers') as unknown as { click(): void }).click();
      await until(() => text('#chunk-status').includes('customers in'));
      expect(document.querySelectorAll('#customers li')).toHaveLength(23);
      expect(text('#chunk-status')).toBe('23 customers in 5 chunks');
    } finally {
      await browser.close();
    }
  }, 30_000);
});

describe('000: plain JSON with X-RateLimit-*', () => {
  it('counts down X-RateLimit-Remaining, then answers 429 with Retry-After and {code, message}', async () => {
    for (const remaining of ['2', '1', '0']) {
      const response = await fetch(url('/api/000/ping'));
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-limit')).toBe('3');
      expect(response.headers.get('x-ratelimit-remaining')).toBe(remaining);
      expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
      expect(await response.json()).toMatchObject({ pong: true });
    }
    const limited = await fetch(url('/api/000/ping'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('application/json');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(11);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    const result = await normalizeResponse(limited);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'rate_limited', dialect: 'plain', code: 'rate_limit_exceeded', body: { code: 'rate_limit_exceeded', message: 'Too many requests hit the API too quickly.' } });
    expect(result.error.retryAfterMs).toBeGreaterThan(0);
  });

  it('answers an invalid form with 400 {code, message, errors[{field, message, code}]}', async () => {
    const response = await post('/api/000/customers', { email: 'nope' });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-ratelimit-limit')).toBe('3');
    const body: unknown = await response.clone().json();
    expect(body).toMatchObject({ message: 'Request failed validation', errors: [{ field: 'name', code: 'required' }, { field: 'email', code: 'invalid_format' }] });
    const result = await normalizeResponse(response);
    expect(result.ok ? [] : result.error.issues.map((issue) => issue.path)).toEqual([['name'], ['email']]);
  });

  it('creates a valid customer with 201', async () => {
    const response = await post('/api/000/customers', { name: 'Ada', email: 'ada@example.com' });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-ratelimit-limit')).toBe('3');
    expect(await response.json()).toMatchObject({ name: 'Ada', email: 'ada@example.com' });
  });
});

describe('001: problem+json and HAL', () => {
  it('answers an invalid form with problem+json errors[{title, detail, pointer}]', async () => {
    const response = await post('/api/001/customers', {});
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.clone().json()).toEqual({
      title: 'Bad Request',
      status: 400,
      detail: 'Request failed validation',
      errors: [
        { title: 'required', detail: 'A name is required.', pointer: '#/name' },
        { title: 'required', detail: 'An email address is required.', pointer: '#/email' },
      ],
    });
    const result = await normalizeResponse(response);
    expect(result.ok ? undefined : { kind: result.error.kind, dialect: result.error.dialect, paths: result.error.issues.map((issue) => issue.path) }).toEqual({ kind: 'validation', dialect: 'problem', paths: [['name'], ['email']] });
  });

  it('creates a customer with 201, a Location and HAL links', async () => {
    const response = await post('/api/001/customers', { name: 'Ada', email: 'ada@example.com' });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/hal+json');
    expect(response.headers.get('location')).toMatch(/^customers\/\d+$/);
    expect(await response.json()).toMatchObject({ name: 'Ada', _links: { self: { href: expect.stringMatching(/^\/api\/001\/customers\/\d+$/) } } });
  });

  it('answers a known customer with HAL and an unknown one with a 404 problem', async () => {
    const found = await fetch(url('/api/001/customers/1210206595'));
    expect(found.headers.get('content-type')).toBe('application/hal+json');
    expect(await found.json()).toMatchObject({ id: 1210206595, firstName: 'Eduardo', _links: { collection: { href: '/api/001/customers' } } });
    const missing = await fetch(url('/api/001/customers/1'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(await missing.json()).toEqual({ title: 'Not Found', status: 404, detail: 'No customer 1', instance: '/api/001/customers/1' });
  });
});

describe('002: {status, message, request_id}', () => {
  it('answers an invalid form with status, message, request_id, trace_id and errors', async () => {
    const response = await post('/api/002/customers', { name: 'Ada', email: 'ada' }, { 'x-request-id': 'req-42' });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-request-id')).toBe('req-42');
    const body = (await response.clone().json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 400, message: 'Request failed validation', request_id: 'req-42', errors: [{ field: 'email', code: 'invalid_format' }] });
    expect(body['trace_id']).toMatch(/^[0-9a-f]{32}$/);
    const result = await normalizeResponse(response);
    expect(result.ok ? undefined : { kind: result.error.kind, dialect: result.error.dialect, requestId: result.error.requestId, paths: result.error.issues.map((issue) => issue.path) }).toEqual({ kind: 'validation', dialect: 'status-message', requestId: 'req-42', paths: [['email']] });
  });

  it('makes up a request id when none is sent, and answers a missing campaign with 404', async () => {
    const response = await fetch(url('/api/002/campaigns/9'));
    expect(response.status).toBe(404);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 404, message: "Can't find campaign named '9'" });
    expect(body['request_id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(await (await fetch(url('/api/002/campaigns/7'))).json()).toEqual({ id: 7, name: 'Spring sale' });
  });
});

describe('003: x-api-key, HEAD checks, its own rate limit, 503 throttling, chunks, multipart', () => {
  const key = { 'x-api-key': 'demo-key' };

  it('answers HEAD on any route with 200 for the key and 401 without it, with no body', async () => {
    for (const path of ['/api/003/customers', '/api/003/documents', '/api/003/no-such-route']) {
      const valid = await fetch(url(path), { method: 'HEAD', headers: key });
      expect(valid.status, path).toBe(200);
      expect(await valid.text()).toBe('');
      const missing = await fetch(url(path), { method: 'HEAD' });
      expect(missing.status, path).toBe(401);
      expect(await missing.text()).toBe('');
      const wrong = await fetch(url(path), { method: 'HEAD', headers: { 'x-api-key': 'other' } });
      expect(wrong.status, path).toBe(401);
    }
    expect(await createClient({ baseUrl: url('/api/003'), apiKey: 'demo-key' }).verifyKey()).toBe(true);
    expect(await createClient({ baseUrl: url('/api/003'), apiKey: 'wrong' }).verifyKey()).toBe(false);
  });

  it('refuses a GET without the key with a 401 in plain JSON', async () => {
    const response = await fetch(url('/api/003/customers'));
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toHaveProperty('message');
  });

  it('allows 5 requests per 10 s on a route, then answers 429 with Retry-After', async () => {
    for (let sent = 1; sent <= 5; sent++) {
      const response = await post('/api/003/customers', { name: '' }, key);
      expect(response.status).toBe(400);
      expect(response.headers.get('x-ratelimit-limit')).toBe('5');
      expect(response.headers.get('x-ratelimit-remaining')).toBe(String(5 - sent));
      expect(await response.json()).toMatchObject({ errors: [{ field: 'name', code: 'required' }, { field: 'email', code: 'required' }] });
    }
    const limited = await post('/api/003/customers', { name: '' }, key);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toEqual({ code: 'rate_limit_exceeded', message: 'Access denied - rate limit is exceeded.' });
    // Every endpoint has a separate counter (seed 003).
    expect((await fetch(url('/api/003/customers?offset=0&sliceSize=1'), { headers: key })).headers.get('x-ratelimit-limit')).toBe('60');
  });

  it('throttles every 4th chunk request with a 503 and Retry-After: 1', async () => {
    const statuses: number[] = [];
    for (let sent = 0; sent < 4; sent++) {
      const response = await fetch(url('/api/003/customers?offset=0&sliceSize=2'), { headers: key });
      statuses.push(response.status);
      if (response.status === 503) {
        expect(response.headers.get('retry-after')).toBe('1');
        expect(await response.json()).toMatchObject({ code: 'service_unavailable' });
      } else {
        await response.body?.cancel();
      }
    }
    expect(statuses.filter((status) => status === 503)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
  });

  it('answers {result, offset, hasNext} chunks whose offset is the last offset plus the slice size', async () => {
    let response = await fetch(url('/api/003/customers?offset=20&sliceSize=5'), { headers: key });
    if (response.status === 503) response = await fetch(url('/api/003/customers?offset=20&sliceSize=5'), { headers: key });
    expect(await response.json()).toMatchObject({ offset: '23', hasNext: false, result: [{ id: 1210206615 }, { id: 1210206616 }, { id: 1210206617 }] });
  });

  it('loads every customer chunk by chunk with client.paginate, retrying the throttled chunk', async () => {
    const retries: RetryEvent[] = [];
    const api = createClient({ baseUrl: url('/api/003'), apiKey: 'demo-key', onRetry: (event) => retries.push(event) });
    const customers = api.paginate<{ id: number }>('customers', { sliceSize: 5 });
    const chunks: number[] = [];
    for await (const chunk of customers.pages()) chunks.push(chunk.length);
    expect(chunks).toEqual([5, 5, 5, 5, 3]);
    expect(customers.progress).toMatchObject({ mode: 'slice', done: true, stop: 'last', items: 23 });
    expect(retries.length).toBeGreaterThanOrEqual(1);
    expect(retries[0]).toMatchObject({ delayMs: 1000, error: { kind: 'unavailable', status: 503 } });
  });

  it('takes a multipart upload with a "data" JSON part and a "document" file part', async () => {
    const body = toFormData({ title: 'Contract' }, { document: new File(['%PDF-1.7 demo'], 'contract.pdf', { type: 'application/pdf' }) });
    const response = await fetch(url('/api/003/documents'), { method: 'POST', headers: key, body });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toMatch(/^documents\/\d+$/);
    expect(await response.json()).toMatchObject({ title: 'Contract', fileName: 'contract.pdf', size: 13, type: 'application/pdf' });
  });

  it('answers an upload without a title or file with 400 issues on those parts, and JSON with 415', async () => {
    const response = await fetch(url('/api/003/documents'), { method: 'POST', headers: key, body: toFormData({ title: '' }, {}) });
    expect(response.status).toBe(400);
    const result = await normalizeResponse(response);
    expect(result.ok ? [] : result.error.issues.map((issue) => issue.path)).toEqual([['title'], ['document']]);
    expect((await post('/api/003/documents', { title: 'x' }, key)).status).toBe(415);
  });
});

describe('004: the result/metadata/failures envelope', () => {
  it('answers contacts by page with metadata', async () => {
    const response = await fetch(url('/api/004/contacts?page=2&recordsPerPage=5'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: string; contacts: unknown[]; metadata: unknown };
    expect(body.result).toBe('success');
    expect(body.contacts).toHaveLength(5);
    expect(body.metadata).toEqual({ page: 2, pagesCount: 3, recordsPerPage: 5, recordsCount: 12 });
  });

  it('saves no row of a batch with invalid rows, and names each failed row by index', async () => {
    const rows = [
      { name: 'Ada Lovelace', email: 'ada@example.com' },
      { name: '', email: 'nobody@example.com' },
      { name: 'Grace Hopper', email: 'grace(at)example.com' },
      { name: 'Known', email: 'contact1@example.com' },
    ];
    const response = await post('/api/004/contacts/batch', rows);
    expect(response.status).toBe(422);
    const body = (await response.clone().json()) as { result: string; failures: { rawData: unknown; errors: unknown[] }[]; metadata: unknown };
    expect(body.result).toBe('failure');
    expect(body.metadata).toEqual({ receivedItemsCount: 4, validItems: [0], invalidItems: [1, 2, 3] });
    expect(body.failures.map((failure) => failure.rawData)).toEqual(rows.slice(1));
    expect(body.failures[1]?.errors).toEqual([{ type: 'validation', code: 1001, message: 'The email address is not valid.', field: 'email' }]);
    const result = await normalizeResponse(response);
    expect(result.ok ? [] : result.error.failures.map((failure) => [failure.index, failure.issues.map((issue) => issue.code)])).toEqual([[1, ['1000']], [2, ['1001']], [3, ['1002']]]);
    expect(((await (await fetch(url('/api/004/contacts?page=1&recordsPerPage=50'))).json()) as { contacts: unknown[] }).contacts).toHaveLength(12);
  });

  it('saves a batch of valid rows with receivedItemsCount and validItems', async () => {
    const response = await post('/api/004/contacts/batch', [{ name: 'Alan Turing', email: 'alan@example.com' }]);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      result: 'success',
      contacts: [{ id: 13, name: 'Alan Turing', email: 'alan@example.com' }],
      metadata: { receivedItemsCount: 1, validItems: [0], invalidItems: [] },
    });
  });

  it('answers an invalid form with an envelope error naming the field', async () => {
    const response = await post('/api/004/customers', { name: 'Ada' });
    expect(response.status).toBe(400);
    expect(await response.clone().json()).toMatchObject({ result: 'error', error: { type: 'validation', field: 'email', message: 'Request failed validation' } });
    const result = await normalizeResponse(response);
    expect(result.ok ? undefined : { dialect: result.error.dialect, paths: result.error.issues.map((issue) => issue.path) }).toEqual({ dialect: 'envelope', paths: [['email']] });
  });

  it('answers malformed JSON with a 400 in the envelope', async () => {
    const response = await fetch(url('/api/004/contacts/batch'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ result: 'error', error: { message: 'The body is not valid JSON.' } });
  });
});

describe('the page\'s rate-limit countdown', () => {
  it('waits what Retry-After says, counting down, then sends the request again by itself', async () => {
    const browser = new Browser({ settings: { disableJavaScriptFileLoading: false, enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
    try {
      const page = browser.newPage();
      await page.goto(base);
      await page.waitUntilComplete();
      const document = page.mainFrame.document;
      const text = (selector: string): string => document.querySelector(selector)?.textContent ?? '';
      const until = async (check: () => boolean, limitMs: number): Promise<void> => {
        for (let waited = 0; !check() && waited < limitMs; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      };
      await until(() => document.querySelectorAll('#language option').length > 0, 10_000);
      (document.querySelector('#ping') as unknown as { click(): void }).click();
      await until(() => text('#countdown') !== '', 10_000);
      expect(text('#countdown')).toMatch(/^⏳ \d+ s$/);
      expect(text('#ping-log')).toMatch(/429 rate_limited, 0 left/);
      expect(text('#ping-error')).toContain('Too many requests');
      // After the wait, the same request goes out again and passes.
      await until(() => /429 rate_limited[^]*\n.*ok\n/.test(text('#ping-log')), 15_000);
      expect(text('#ping-log')).toMatch(/429 rate_limited[^]*\n.*#\d ok\n/);
    } finally {
      await browser.close();
    }
  }, 30_000);
});

interface DemoRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node -e <script>` (or examples/demo/server.mjs when no script is given) with `env` in
 * place of PORT; once it has printed the line `until` matches, or has exited, it is stopped.
 */
function runDemoProcess(env: Record<string, string | undefined>, script?: string, until = /Ctrl-C/): Promise<DemoRun> {
  const environment: Record<string, string | undefined> = { ...process.env, ...env };
  if (env['PORT'] === undefined) delete environment['PORT'];
  const args = script === undefined ? ['examples/demo/server.mjs'] : ['--input-type=module', '-e', script];
  const demo = spawn(process.execPath, args, { cwd: root, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  demo.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (until.test(stdout)) demo.kill('SIGTERM');
  });
  demo.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => demo.kill('SIGKILL'), 20_000);
  return new Promise((resolve) => demo.once('close', (code) => {
    clearTimeout(timer);
    resolve({ code, stdout, stderr });
  }));
}

/** A server of the test's own on 127.0.0.1, on a port the system chose: a port the demo finds taken. */
async function occupyPort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

const serverModule = JSON.stringify(new URL('../../examples/demo/server.mjs', import.meta.url).href);

describe('starting', () => {
  it('says, after its address, to open it in a browser and that Ctrl-C stops it', () => {
    expect(startOutput).toBe(`faultline demo: ${base}\nfaultline demo: open it in a browser; Ctrl-C stops it\n`);
  });

  it('refuses a PORT that is no port number in one line, exit 1', async () => {
    for (const port of ['abc', '65536', '-1', '80a']) {
      expect(await runDemoProcess({ PORT: port })).toEqual({ code: 1, stdout: '', stderr: `faultline demo: PORT must be a port number, 0–65535, not "${port}"\n` });
    }
  });

  it('says to unset PORT or choose another when the PORT given is taken, exit 1', async () => {
    const { server, port } = await occupyPort();
    try {
      expect(await runDemoProcess({ PORT: String(port) })).toEqual({
        code: 1,
        stdout: '',
        stderr: `faultline demo: cannot listen on 127.0.0.1:${port}: listen EADDRINUSE: address already in use 127.0.0.1:${port} (unset PORT or choose another)\n`,
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('says that it moved to another port when its own is taken and PORT is unset', async () => {
    const { server, port } = await occupyPort();
    try {
      const { code, stdout, stderr } = await runDemoProcess({ PORT: undefined }, `const { runDemo } = await import(${serverModule}); await runDemo({ defaultPort: ${port} });`);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const moved = new RegExp(`^faultline demo: port ${port} is taken, so the demo moved to port (\\d+)\nfaultline demo: http://127\\.0\\.0\\.1:(\\d+)/\nfaultline demo: open it in a browser; Ctrl-C stops it\n$`).exec(stdout);
      expect(moved, stdout).not.toBeNull();
      expect(moved![1]).toBe(moved![2]);
      expect(moved![1]).not.toBe(String(port));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('names the port it tried when listening fails otherwise with PORT unset, never 127.0.0.1:undefined', async () => {
    // Listening fails with EACCES, as on a port the user may not bind, without binding anything.
    const script = `
      import net from 'node:net';
      net.Server.prototype.listen = function (port, host) {
        process.nextTick(() => this.emit('error', Object.assign(new Error(\`listen EACCES: permission denied \${host}:\${port}\`), { code: 'EACCES', syscall: 'listen', address: host, port })));
        return this;
      };
      const { runDemo } = await import(${serverModule});
      await runDemo();`;
    expect(await runDemoProcess({ PORT: undefined }, script)).toEqual({ code: 1, stdout: '', stderr: 'faultline demo: cannot listen on 127.0.0.1:5173: listen EACCES: permission denied 127.0.0.1:5173\n' });
  });
});

describe('stopping', () => {
  it('exits soon after SIGINT, even while a client holds a request half sent', async () => {
    // A demo of its own: the shared one serves the tests above.
    const demo = spawn(process.execPath, ['examples/demo/server.mjs'], { cwd: root, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const address = await new Promise<URL>((resolve) => {
      let printed = '';
      demo.stdout?.on('data', (chunk: Buffer) => {
        printed += chunk.toString();
        const found = /faultline demo: (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(printed)?.[1];
        if (found !== undefined) resolve(new URL(found));
      });
    });
    const { connect } = await import('node:net');
    const socket = connect(Number(address.port), '127.0.0.1');
    // The demo resets the connection as it stops.
    socket.on('error', () => {});
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST /api/000/customers HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{');
    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => demo.once('exit', resolve));
    demo.kill('SIGINT');
    expect(await exited).toBe(0);
    // Node's requestTimeout would have kept it 300 s.
    expect(Date.now() - started).toBeLessThan(10_000);
    socket.destroy();
  });
});
