/**
 * `faultline/fetch` in a real browser, across two origins on 127.0.0.1 (two ports are two
 * origins, one site): a page served by one server calls an API on the other, through
 * Debian's Chromium driven by playwright-core, with the built `dist/fetch.js`.
 * What only a browser does is tested here: cookies on a cross-origin call need
 * `credentials: 'include'` (Fetch standard §4.5), `mode: 'no-cors'` and `redirect: 'manual'`
 * give opaque responses whose status and body are hidden (§3.1.4).
 */
import { readFileSync, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireChromium, skipBrowser } from '../support/chromium.ts';

const dist = new URL('../../dist/', import.meta.url);
const timeout = 60_000;

let browser: Browser | undefined;
let page: Page;
let pageServer: Server;
let apiServer: Server;
let pageOrigin: string;
let apiOrigin: string;
const apiRequests: { url: string; cookie: string | undefined }[] = [];

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

/** The page's origin: an empty page, and dist/ as ES modules. */
function servePage(request: IncomingMessage, response: ServerResponse): void {
  const path = (request.url ?? '/').split('?')[0]!;
  if (path.startsWith('/dist/') && !path.includes('..') && existsSync(new URL(path.slice(6), dist))) {
    response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(new URL(path.slice(6), dist)));
  } else response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>page</title>');
}

/** The API's origin: CORS for the page's origin, with credentials, except on /no-cors. */
function serveApi(request: IncomingMessage, response: ServerResponse): void {
  const path = (request.url ?? '/').split('?')[0]!;
  apiRequests.push({ url: path, cookie: request.headers.cookie });
  const cors = { 'access-control-allow-origin': pageOrigin, 'access-control-allow-credentials': 'true', 'access-control-allow-headers': 'x-api-key, accept-language' };
  if (request.method === 'OPTIONS') response.writeHead(204, cors).end();
  else if (path === '/me') response.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ cookie: request.headers.cookie ?? null }));
  else if (path === '/no-cors') response.writeHead(200, { 'content-type': 'application/json' }).end('{"hidden":true}');
  else if (path === '/moved') response.writeHead(302, { ...cors, location: '/me' }).end();
  else response.writeHead(404, cors).end();
}

beforeAll(async () => {
  const executablePath = requireChromium();
  if (!existsSync(new URL('fetch.js', dist))) throw new Error('dist/ is missing: run `npm run build` before the browser tests.');
  pageServer = createServer(servePage);
  apiServer = createServer(serveApi);
  pageOrigin = await listen(pageServer);
  apiOrigin = await listen(apiServer);
  browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  const context = await browser.newContext();
  // A session cookie of the site, as a login would have set it; SameSite=Lax goes to the same site's other origins.
  await context.addCookies([{ name: 'session', value: 's-1', domain: '127.0.0.1', path: '/', sameSite: 'Lax' }]);
  page = await context.newPage();
  await page.goto(pageOrigin);
  // As a page's own module would import it (an import inside `evaluate` would be rewritten by Vite).
  await page.addScriptTag({ type: 'module', content: "import { createClient } from '/dist/fetch.js'; window.createClient = createClient;" });
  await page.waitForFunction(() => 'createClient' in window);
}, timeout);

afterAll(async () => {
  await browser?.close();
  // A server that never started (a failed beforeAll) has nothing to close: waiting for it would hang.
  for (const server of [pageServer, apiServer]) if (server?.listening) await new Promise((resolve) => server.close(resolve));
}, timeout);

/** Runs a call in the page with `createClient` from dist/fetch.js, and returns its result as JSON. */
async function callInPage(path: string, fetchOptions: object | undefined): Promise<{ ok: boolean; value?: { data: unknown }; error?: { kind: string; detail?: string; retryable: boolean } }> {
  return page.evaluate(
    async ({ base, path, fetchOptions }) => {
      const { createClient } = window as unknown as typeof import('../../src/fetch/index.ts');
      const api = createClient({ baseUrl: base, apiKey: 'key-1', retry: 0, ...(fetchOptions ? { fetchOptions } : {}) });
      return JSON.parse(JSON.stringify(await api.get(path)));
    },
    { base: apiOrigin, path, fetchOptions },
  );
}

describe.skipIf(skipBrowser)('fetch options in a browser, across origins', () => {
  it('sends the session cookie to the API on another origin only with credentials: include', { timeout }, async () => {
    expect(await callInPage('/me', undefined)).toMatchObject({ ok: true, value: { data: { cookie: null } } });
    expect(await callInPage('/me', { credentials: 'include' })).toMatchObject({ ok: true, value: { data: { cookie: 'session=s-1' } } });
  });

  it('says an opaque no-cors response hides its status and body, without retrying it', { timeout }, async () => {
    const before = apiRequests.filter((request) => request.url === '/no-cors').length;
    const result = await callInPage('/no-cors', { mode: 'no-cors' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_response', retryable: false } });
    expect(result.error?.detail).toBe("The response is opaque: mode 'no-cors' and redirect 'manual' hide its status and body");
    expect(apiRequests.filter((request) => request.url === '/no-cors').length).toBe(before + 1);
  });

  it('says a redirect the browser hides under redirect: manual is not followed', { timeout }, async () => {
    const result = await callInPage('/moved', { redirect: 'manual' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_response' } });
    expect(result.error?.detail).toBe("The response is opaqueredirect: mode 'no-cors' and redirect 'manual' hide its status and body");
  });
});
