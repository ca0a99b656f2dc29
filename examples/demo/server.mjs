/**
 * `npm start`: a local server that plays the five seed APIs with faultline/server, one route
 * family each, and serves a page that calls them with faultline/fetch and faultline/i18n.
 *
 *   /api/000/  seed 000 — plain JSON errors, X-RateLimit-* on every answer
 *   /api/001/  seed 001 — HAL successes, problem+json errors with errors[]
 *   /api/002/  seed 002 — {status, message, request_id}
 *   /api/003/  seed 003 — x-api-key (HEAD checks it), a rate limit per route, 503 throttling,
 *              {result, offset, hasNext} chunks, multipart upload
 *   /api/004/  seed 004 — the result/metadata/failures envelope, a batch import
 *
 * Plain node:http and the built package (run `npm run build` first; `npm start` does).
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { buildError, buildOk, createApiKeyGuard, createError, fromError, processBatch } from '../../dist/server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const demoDirectory = fileURLToPath(new URL('./', import.meta.url));

/** Seed 003: the studio's key, sent in `x-api-key`. The page shows it; it is a demo. */
export const demoApiKey = 'demo-key';

// ---------------------------------------------------------------------------------------------
// Data

const firstNames = ['Eduardo', 'Terrence', 'Mina', 'Jonas', 'Ayla', 'Pieter', 'Zofia', 'Luca', 'Ingrid', 'Mateo', 'Sanne', 'Oskar'];
const lastNames = ['Thomas', 'Hernandez', 'Novak', 'Berg', 'Yilmaz', 'de Vries', 'Kowalska', 'Rossi', 'Lund', 'García', 'Bakker'];
/** Seed 003's example starts its ids at 1210206595. */
const customers = Array.from({ length: 23 }, (_, index) => ({
  id: 1210206595 + index,
  firstName: firstNames[index % firstNames.length],
  lastName: lastNames[index % lastNames.length],
}));
const contacts = Array.from({ length: 12 }, (_, index) => ({
  id: index + 1,
  name: `${firstNames[(index * 5) % firstNames.length]} ${lastNames[(index * 7) % lastNames.length]}`,
  email: `contact${index + 1}@example.com`,
}));

// ---------------------------------------------------------------------------------------------
// Helpers

const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

const send = (response, { status, headers, body }) => void response.writeHead(status, headers).end(body);

/** The body as text, refusing more than `maxBytes` (a 413 in the route's dialect). */
async function readText(request, maxBytes) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > maxBytes) throw createError({ kind: 'payload_too_large', detail: `The body is larger than ${maxBytes} bytes.` });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(request) {
  const raw = await readText(request, 1024 * 1024);
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw createError({ kind: 'bad_request', detail: 'The body is not valid JSON.' });
  }
}

/**
 * The customer form's checks, with the issue codes faultline/i18n knows (`required`,
 * `invalid_format`), so that the page can show them in the user's language.
 */
function validateCustomer(body) {
  const customer = isRecord(body) ? body : {};
  const issues = [];
  const { name, email } = customer;
  if (typeof name !== 'string' || name.trim() === '') issues.push({ path: ['name'], message: 'A name is required.', code: 'required' });
  if (typeof email !== 'string' || email.trim() === '') issues.push({ path: ['email'], message: 'An email address is required.', code: 'required' });
  else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) issues.push({ path: ['email'], message: `"${email}" is not an email address.`, code: 'invalid_format' });
  return issues;
}

/**
 * A fixed-window rate limit with one counter per key (seed 003: "Every endpoint has a separate
 * request counter"). `take` counts one request and says where the window stands.
 */
function createRateLimiter({ limit, windowMs }) {
  const windows = new Map();
  return (key) => {
    const now = Date.now();
    let window = windows.get(key);
    if (window === undefined || now >= window.resetAt) {
      window = { count: 0, resetAt: Math.ceil((now + windowMs) / 1000) * 1000 };
      windows.set(key, window);
    }
    window.count++;
    const rateLimit = { limit, remaining: Math.max(0, limit - window.count), resetAt: window.resetAt };
    return { exceeded: window.count > limit, rateLimit, retryAfterMs: window.resetAt - now };
  };
}

/** `X-RateLimit-*` for a success; buildError writes them itself from the error's `rateLimit`. */
const toRateLimitHeaders = ({ limit, remaining, resetAt }) => ({
  'x-ratelimit-limit': String(limit),
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-reset': String(Math.ceil(resetAt / 1000)),
});

/** The route for a method and path: a tiny router, since node:http has none. */
function findRoute(routes, method, path) {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) return { route, params: match.groups ?? {} };
  }
  return undefined;
}

const route = (method, path, handle) => ({ method, pattern: new RegExp(`^${path.replace(/:(\w+)/g, '(?<$1>[^/]+)')}$`), handle });

/** `POST <family>/customers`: the form of the page, answered in the family's dialect. */
function customerFormRoute(dialect, itemsKey) {
  let nextId = 1000;
  return route('POST', '/customers', async ({ request, context = {} }) => {
    const body = await readJson(request);
    const issues = validateCustomer(body);
    if (issues.length > 0) return buildError(createError({ kind: 'validation', detail: 'Request failed validation', issues, ...context }), { dialect });
    const id = nextId++;
    const customer = { id, name: body.name.trim(), email: body.email.trim() };
    return buildOk(customer, { dialect, status: 201, location: `customers/${id}`, itemsKey, links: { self: { href: `/api/001/customers/${id}` } } });
  });
}

// ---------------------------------------------------------------------------------------------
// The five families

/** Seed 000: plain JSON, and X-RateLimit-Limit / -Reset on every answer (3 requests per 10 s per route). */
function createFamily000() {
  const dialect = 'plain';
  const take = createRateLimiter({ limit: 3, windowMs: 10_000 });
  const routes = [
    customerFormRoute(dialect, undefined),
    route('GET', '/ping', () => buildOk({ pong: true, at: new Date().toISOString() }, { dialect })),
  ];
  return {
    dialect,
    async handle(request, path) {
      const found = findRoute(routes, request.method, path);
      if (!found) return buildError(createError({ kind: 'not_found', detail: `No route ${request.method} /api/000${path}` }), { dialect });
      const window = take(`${request.method} ${path}`);
      if (window.exceeded) {
        return buildError(createError({ kind: 'rate_limited', code: 'rate_limit_exceeded', detail: 'Too many requests hit the API too quickly.', retryAfterMs: window.retryAfterMs, rateLimit: window.rateLimit }), { dialect });
      }
      const built = await found.route.handle({ request, params: found.params });
      return { ...built, headers: { ...built.headers, ...toRateLimitHeaders(window.rateLimit) } };
    },
  };
}

/** Seed 001: HAL for successes, problem+json for errors. */
function createFamily001() {
  const dialect = 'problem';
  const routes = [
    customerFormRoute(dialect, undefined),
    route('GET', '/customers/:id', ({ params }) => {
      const customer = customers.find((candidate) => String(candidate.id) === params.id);
      if (!customer) return buildError(createError({ kind: 'not_found', detail: `No customer ${params.id}`, instance: `/api/001/customers/${params.id}` }), { dialect });
      return buildOk(customer, { dialect, links: { self: { href: `/api/001/customers/${customer.id}` }, collection: { href: '/api/001/customers' } } });
    }),
  ];
  return { dialect, handle: (request, path) => handleRoutes(routes, dialect, request, path, '/api/001') };
}

/** Seed 002: `{status, message, request_id, trace_id}`; the request id is echoed or made up. */
function createFamily002() {
  const dialect = 'status-message';
  const routes = [
    customerFormRoute(dialect, undefined),
    route('GET', '/campaigns/:id', ({ params, context }) => {
      if (params.id === '7') return buildOk({ id: 7, name: 'Spring sale' }, { dialect });
      return buildError(createError({ kind: 'not_found', detail: `Can't find campaign named '${params.id}'`, ...context }), { dialect });
    }),
  ];
  return {
    dialect,
    handle(request, path) {
      // Every error of this API names the request and its trace (seed 002).
      const given = request.headers['x-request-id'];
      const context = { requestId: typeof given === 'string' && given !== '' ? given : crypto.randomUUID(), traceId: crypto.randomUUID().replaceAll('-', '') };
      return handleRoutes(routes, dialect, request, path, '/api/002', context);
    },
  };
}

/**
 * Seed 003: the key in `x-api-key` (HEAD on any route only checks it), 5 requests per 10 s per
 * route (customer chunks: 60), every 4th chunk request throttled with a 503, chunks of
 * customers, multipart upload of a document.
 */
function createFamily003() {
  const dialect = 'plain';
  const guard = createApiKeyGuard({ verify: (key) => key === demoApiKey, dialect });
  const take = createRateLimiter({ limit: 5, windowMs: 10_000 });
  const takeChunk = createRateLimiter({ limit: 60, windowMs: 10_000 });
  let chunkRequests = 0;
  let nextDocumentId = 1;
  const routes = [
    customerFormRoute(dialect, undefined),
    route('GET', '/customers', ({ request }) => {
      // Seed 003 "Service availability": adaptive throttling under load answers 503.
      chunkRequests++;
      if (chunkRequests % 4 === 0) {
        return buildError(createError({ kind: 'unavailable', code: 'service_unavailable', detail: 'The database is under heavy load. Try again shortly.', retryAfterMs: 1000 }), { dialect });
      }
      const query = new URL(request.url, 'http://localhost').searchParams;
      const offset = Number(query.get('offset') ?? '0');
      const sliceSize = Number(query.get('sliceSize') ?? '10');
      if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(sliceSize) || sliceSize < 1 || sliceSize > 100) {
        return buildError(createError({ kind: 'validation', detail: 'offset must be 0 or more, sliceSize between 1 and 100', issues: [{ path: ['sliceSize'], message: 'Must be between 1 and 100.', code: 'too_big' }] }), { dialect });
      }
      const slice = customers.slice(offset, offset + sliceSize);
      const next = offset + slice.length;
      // Seed 003: the returned offset is the last offset plus the slice size.
      return buildOk(slice, { dialect, cursor: { offset: String(next), hasNext: next < customers.length } });
    }),
    route('POST', '/documents', async ({ request }) => {
      const contentType = String(request.headers['content-type'] ?? '');
      if (!contentType.startsWith('multipart/form-data')) {
        return buildError(createError({ status: 415, detail: 'Send multipart/form-data with a "data" JSON part and a "document" file part.' }), { dialect });
      }
      const length = Number(request.headers['content-length'] ?? '0');
      if (length > 5 * 1024 * 1024) return buildError(createError({ kind: 'payload_too_large', detail: 'A document may have at most 5 MiB.' }), { dialect });
      // The Web Request API parses multipart bodies; node:http hands over a stream.
      const form = await new Request('http://localhost/', { method: 'POST', headers: { 'content-type': contentType }, body: Readable.toWeb(request), duplex: 'half' }).formData();
      const issues = [];
      let data;
      const part = form.get('data');
      try {
        data = JSON.parse(typeof part === 'string' ? part : await part?.text() ?? '');
      } catch {
        issues.push({ path: ['data'], message: 'The "data" part must be JSON.', code: 'invalid_type' });
      }
      if (data !== undefined && !(isRecord(data) && typeof data.title === 'string' && data.title !== '')) issues.push({ path: ['title'], message: 'A title is required.', code: 'required' });
      const document = form.get('document');
      if (!(document instanceof Blob) || document.size === 0) issues.push({ path: ['document'], message: 'A non-empty file is required.', code: 'required' });
      if (issues.length > 0) return buildError(createError({ kind: 'validation', detail: 'Validation of the request failed', issues }), { dialect });
      const id = nextDocumentId++;
      return buildOk({ id, title: data.title, fileName: document.name ?? 'document', size: document.size, type: document.type }, { dialect, status: 201, location: `documents/${id}` });
    }),
  ];
  return {
    dialect,
    async handle(request, path) {
      const refused = await guard(request);
      if (refused) return refused;
      const found = findRoute(routes, request.method, path);
      if (!found) return buildError(createError({ kind: 'not_found', detail: `No route ${request.method} /api/003${path}` }), { dialect });
      const window = (request.method === 'GET' && path === '/customers' ? takeChunk : take)(`${request.method} ${path}`);
      if (window.exceeded) {
        return buildError(createError({ kind: 'rate_limited', code: 'rate_limit_exceeded', detail: 'Access denied - rate limit is exceeded.', retryAfterMs: window.retryAfterMs, rateLimit: window.rateLimit }), { dialect });
      }
      const built = await found.route.handle({ request, params: found.params });
      return { ...built, headers: { ...built.headers, ...toRateLimitHeaders(window.rateLimit) } };
    },
  };
}

/** Seed 004: the envelope; contacts by page, and a batch import that saves all rows or none. */
function createFamily004() {
  const dialect = 'envelope';
  const routes = [
    customerFormRoute(dialect, 'customer'),
    route('GET', '/contacts', ({ request }) => {
      const query = new URL(request.url, 'http://localhost').searchParams;
      const page = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
      const recordsPerPage = Math.min(50, Math.max(1, Number.parseInt(query.get('recordsPerPage') ?? '5', 10) || 5));
      const items = contacts.slice((page - 1) * recordsPerPage, page * recordsPerPage);
      const pagesCount = Math.ceil(contacts.length / recordsPerPage);
      return buildOk(items, { dialect, itemsKey: 'contacts', page: { page, pagesCount, recordsPerPage, recordsCount: contacts.length } });
    }),
    route('POST', '/contacts/batch', async ({ request }) => {
      const body = await readJson(request);
      const items = isRecord(body) && Array.isArray(body.contacts) ? body.contacts : body;
      if (!Array.isArray(items)) return buildError(createError({ kind: 'bad_request', detail: 'Send an array of contacts.' }), { dialect });
      const outcome = await processBatch(items, {
        // Seed 004: error codes are integers.
        validate: (item) => {
          const contact = isRecord(item) ? item : {};
          const issues = [];
          if (typeof contact.name !== 'string' || contact.name.trim() === '') issues.push({ path: ['name'], message: 'The name is missing.', code: '1000' });
          if (typeof contact.email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(contact.email)) issues.push({ path: ['email'], message: 'The email address is not valid.', code: '1001' });
          else if (contacts.some((known) => known.email === contact.email)) issues.push({ path: ['email'], message: 'A contact with this email address exists already.', code: '1002' });
          return issues;
        },
        save: (valid) => valid.map((item) => {
          const contact = { id: contacts.length + 1, name: item.name, email: item.email };
          contacts.push(contact);
          return contact;
        }),
      });
      return outcome.ok ? buildOk(outcome.data, { dialect, itemsKey: 'contacts', batch: outcome.batch }) : buildError(outcome.error, { dialect });
    }),
  ];
  return { dialect, handle: (request, path) => handleRoutes(routes, dialect, request, path, '/api/004') };
}

/** Runs the route for the request; `context` holds members every error of the family carries. */
async function handleRoutes(routes, dialect, request, path, prefix, context = {}) {
  const found = findRoute(routes, request.method, path);
  if (!found) return buildError(createError({ kind: 'not_found', detail: `No route ${request.method} ${prefix}${path}`, ...context }), { dialect });
  try {
    return await found.route.handle({ request, params: found.params, context });
  } catch (thrown) {
    return buildError({ ...fromError(thrown), ...context }, { dialect });
  }
}

// ---------------------------------------------------------------------------------------------
// Static files: the page, dist/, locales/ and i18next's ESM build, nothing else.

const mediaTypes = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** URL prefix → directory on disk. */
const staticDirectories = {
  '/dist/': resolve(root, 'dist'),
  '/locales/': resolve(root, 'locales'),
};
const staticFiles = {
  '/': resolve(demoDirectory, 'index.html'),
  '/index.html': resolve(demoDirectory, 'index.html'),
  '/app.js': resolve(demoDirectory, 'app.js'),
  // dist/i18n.js imports the bare specifier 'i18next'; the page's import map points it here.
  '/vendor/i18next.js': resolve(root, 'node_modules/i18next/dist/esm/i18next.js'),
};

const refuse = (status, detail) => buildError(createError({ status, detail }), { dialect: 'plain' });

/** The file a static path names, or an answer refusing it. Paths that climb out are refused. */
function toStaticFile(rawPath) {
  if (Object.hasOwn(staticFiles, rawPath)) return { file: staticFiles[rawPath] };
  const prefix = Object.keys(staticDirectories).find((candidate) => rawPath.startsWith(candidate));
  if (prefix === undefined) return { refused: refuse(404, 'No such file.') };
  let relative;
  try {
    relative = decodeURIComponent(rawPath.slice(prefix.length));
  } catch {
    return { refused: refuse(400, 'The path is not valid.') };
  }
  // Checked after decoding: %2e%2e%2f is a '../' too.
  if (relative.split(/[\\/]/).some((segment) => segment === '..') || relative.includes('\0')) return { refused: refuse(403, 'The path leaves the directory.') };
  const directory = staticDirectories[prefix];
  const file = resolve(directory, relative);
  if (!file.startsWith(directory + sep)) return { refused: refuse(403, 'The path leaves the directory.') };
  if (!Object.hasOwn(mediaTypes, extname(file))) return { refused: refuse(404, 'No such file.') };
  return { file };
}

async function serveStatic(request, response, rawPath) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, { ...refuse(405, 'Only GET and HEAD.'), headers: { ...refuse(405, '').headers, allow: 'GET, HEAD' } });
  const target = toStaticFile(rawPath);
  if (target.refused) return send(response, target.refused);
  let content;
  try {
    content = await readFile(target.file);
  } catch {
    return send(response, refuse(404, 'No such file.'));
  }
  response.writeHead(200, {
    'content-type': mediaTypes[extname(target.file)],
    'content-length': String(content.length),
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  response.end(request.method === 'HEAD' ? undefined : content);
}

// ---------------------------------------------------------------------------------------------
// The server

/** Makes the demo's node:http server (not listening yet). */
export function createDemoServer() {
  const families = { '000': createFamily000(), '001': createFamily001(), '002': createFamily002(), '003': createFamily003(), '004': createFamily004() };
  return createServer(async (request, response) => {
    // The raw path, before any normalisation, so that '..' is seen and refused, never resolved.
    const rawPath = (request.url ?? '/').split('?')[0] ?? '/';
    const api = /^\/api\/(\d{3})(\/.*)?$/.exec(rawPath);
    const family = api ? families[api[1]] : undefined;
    if (!family) return serveStatic(request, response, rawPath);
    try {
      send(response, await family.handle(request, api[2] ?? '/'));
    } catch (thrown) {
      // A thrown faultline error is answered as is; anything else is a 500 that tells nothing.
      send(response, buildError(fromError(thrown), { dialect: family.dialect }));
    }
  });
}

/** The demo's port when `PORT` is unset. */
export const defaultDemoPort = 5173;

/** Whether `PORT` is a port number: digits, 0 to 65535. */
const isPortNumber = (text) => /^\d{1,5}$/.test(text) && Number(text) <= 65535;

/**
 * Listens on 127.0.0.1: `PORT` (0 for any free port), else `defaultPort`, else (that one taken)
 * any free port. Rejects with the listen error, its `port` the one tried.
 * @returns the server, its address, and whether it moved off a taken `defaultPort`
 */
export async function startDemoServer(port = process.env.PORT, defaultPort = defaultDemoPort) {
  const given = port !== undefined && port !== '';
  const server = createDemoServer();
  const listen = (candidate) => new Promise((resolveListen, reject) => {
    const failed = (error) => reject(Object.assign(error, { port: error.port ?? candidate }));
    server.once('error', failed);
    server.listen(candidate, '127.0.0.1', () => {
      server.off('error', failed);
      resolveListen();
    });
  });
  let moved = false;
  try {
    await listen(given ? Number(port) : defaultPort);
  } catch (error) {
    if (error?.code !== 'EADDRINUSE' || given) throw error;
    await listen(0);
    moved = true;
  }
  const { port: actual } = server.address();
  return { server, url: `http://127.0.0.1:${actual}/`, moved };
}

/**
 * `npm start`: starts the demo, says where it is and how to stop it, and stops on Ctrl-C (SIGINT)
 * or SIGTERM. A `PORT` that is no port number, or a port that cannot be listened on, is said in
 * one line on standard error, exit code 1.
 * @returns the server, or `undefined` when it could not start
 */
export async function runDemo({ port = process.env.PORT, defaultPort = defaultDemoPort } = {}) {
  const given = port !== undefined && port !== '';
  if (given && !isPortNumber(port)) {
    console.error(`faultline demo: PORT must be a port number, 0–65535, not "${port}"`);
    process.exitCode = 1;
    return undefined;
  }
  let started;
  try {
    started = await startDemoServer(port, defaultPort);
  } catch (error) {
    // The port tried, never `undefined`: PORT is unset when the default one fails.
    const hint = error?.code === 'EADDRINUSE' && given ? ' (unset PORT or choose another)' : '';
    console.error(`faultline demo: cannot listen on 127.0.0.1:${error?.port ?? (given ? port : defaultPort)}: ${error?.message ?? error}${hint}`);
    process.exitCode = 1;
    return undefined;
  }
  const { server, url, moved } = started;
  // close() waits for every open connection: a browser's keep-alive one, or a request half sent,
  // would keep the demo running for minutes after Ctrl-C. Idle ones are closed now, the rest after
  // a second.
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 1_000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Printed once Ctrl-C is handled: whoever waits for the address may stop the demo at once. The
  // address has a line of its own, for a reader (or a script) that looks for it.
  if (moved) console.log(`faultline demo: port ${defaultPort} is taken, so the demo moved to port ${server.address().port}`);
  console.log(`faultline demo: ${url}`);
  console.log('faultline demo: open it in a browser; Ctrl-C stops it');
  return server;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runDemo();
}
