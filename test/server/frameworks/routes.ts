/**
 * One set of routes for every framework: plain functions from `{method, path, params, headers,
 * body}` to a `BuiltResponse`, playing the seeds. Each framework adapter in `adapters/` mounts
 * them with a few lines; the dialect is a parameter, so the same routes answer in all four.
 */
import { buildError, buildOk, createApiKeyGuard, createError, processBatch, type BuiltDialect, type BuiltResponse, type RequestHead } from '../../../src/server/index.ts';

/** The dialects a server can answer in. */
export type ServedDialect = BuiltDialect;

/** Every dialect a server can answer in, for `describe.each`. */
export const servedDialects: readonly ServedDialect[] = ['problem', 'status-message', 'plain', 'envelope'];

/** The studio's key (seed 003: sent in `x-api-key`). */
export const validApiKey = 'studio-7-openapi-key';

/** Seed 003: "The default rate limit is 1000 requests per minute." */
export const requestsPerMinute = 1000;

/** What a route reads of a request, whatever the framework. */
export interface RouteRequest {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The parsed JSON body; `undefined` when there is none. */
  readonly body: unknown;
}

/** One route: a method, a path with `:name` parameters, and the function that answers it. */
export interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly handle: (request: RouteRequest) => BuiltResponse | Promise<BuiltResponse>;
}

/** How many times business logic ran; a HEAD or a refused key must leave every count unchanged. */
export interface CallCounts {
  campaigns: number;
  customers: number;
  contacts: number;
  savedContacts: number;
  limited: number;
  boom: number;
}

/** The routes of one server, its key guard and its call counts. */
export interface Api {
  readonly dialect: ServedDialect;
  /** Seed 003's guard, run before any route (and before the framework's 404). */
  readonly guard: (request: RequestHead) => Promise<BuiltResponse | undefined>;
  readonly routes: readonly Route[];
  readonly calls: CallCounts;
  /** When the rate-limit window of `GET /limited` resets, in epoch ms (a whole second). */
  readonly rateLimitResetAt: number;
}

/** A server started by an adapter on 127.0.0.1 with an ephemeral port. */
export interface StartedServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  close(): Promise<void>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const readHeader = (request: RouteRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** Seed 001's validation issue, word for word: "`body.name` is `undefined`, but `string` is expected." */
function validateCustomer(body: unknown): { path: string[]; message: string; code: string }[] {
  const customer = isRecord(body) ? body : {};
  const issues: { path: string[]; message: string; code: string }[] = [];
  const name = customer['name'];
  if (typeof name !== 'string' || name === '') issues.push({ path: ['name'], message: `\`body.name\` is \`${typeof name}\`, but \`string\` is expected.`, code: 'invalid_type' });
  const email = customer['email'];
  if (email !== undefined && !(typeof email === 'string' && email.includes('@'))) issues.push({ path: ['email'], message: '`body.email` is not an email address.', code: 'invalid_string' });
  return issues;
}

/**
 * The seeds' routes, answering in `dialect`:
 * - `GET /campaigns/:id` — 200 with campaign 7; any other id is a 404 (seeds 001, 002).
 * - `POST /customers` — 400 validation with issues (seed 001), or 201 with a `Location`.
 * - `POST /contacts/batch` — seed 004: 200 success with the batch figures, or 422 failure.
 * - `GET /limited` — 429 with `Retry-After` and `X-RateLimit-*` (seeds 000, 003).
 * - `GET /boom` — throws an `Error` whose message must never reach the client.
 */
export function createApi(dialect: ServedDialect): Api {
  const calls: CallCounts = { campaigns: 0, customers: 0, contacts: 0, savedContacts: 0, limited: 0, boom: 0 };
  const rateLimitResetAt = Math.ceil(Date.now() / 1000) * 1000 + 60_000;
  const routes: Route[] = [
    {
      method: 'GET',
      path: '/campaigns/:id',
      handle(request) {
        calls.campaigns++;
        const id = request.params['id'];
        if (id !== '7') {
          const error = createError({ kind: 'not_found', detail: `No campaign ${String(id)}`, instance: request.path, requestId: readHeader(request, 'x-request-id') });
          return buildError(error, { dialect });
        }
        return buildOk({ id: 7, name: 'Spring sale' }, { dialect, itemsKey: 'campaign', links: { self: { href: '/campaigns/7' } } });
      },
    },
    {
      method: 'POST',
      path: '/customers',
      handle(request) {
        calls.customers++;
        const issues = validateCustomer(request.body);
        if (issues.length > 0) return buildError(createError({ kind: 'validation', detail: 'Request failed validation', issues }), { dialect });
        const customer = { id: 42, name: (request.body as { name: string }).name };
        return buildOk(customer, { dialect, status: 201, location: '/customers/42', itemsKey: 'customer', links: { self: { href: '/customers/42' } } });
      },
    },
    {
      method: 'POST',
      path: '/contacts/batch',
      async handle(request) {
        calls.contacts++;
        const outcome = await processBatch(request.body, {
          validate: (item) => {
            const email = isRecord(item) ? item['email'] : undefined;
            // Seed 004: error codes are integers.
            return typeof email === 'string' && email.includes('@') ? [] : [{ path: ['email'], message: 'The email address is not valid', code: '1001' }];
          },
          save: (items) => {
            calls.savedContacts += items.length;
            return items.map((item, index) => ({ id: 100 + index, ...(item as Record<string, unknown>) }));
          },
        });
        return outcome.ok ? buildOk(outcome.data, { dialect, batch: outcome.batch, itemsKey: 'contacts' }) : buildError(outcome.error, { dialect });
      },
    },
    {
      method: 'GET',
      path: '/limited',
      handle() {
        calls.limited++;
        const error = createError({
          kind: 'rate_limited',
          code: 'RATE_LIMIT_EXCEEDED',
          detail: 'Access denied - rate limit is exceeded.',
          retryAfterMs: 30_000,
          rateLimit: { limit: requestsPerMinute, remaining: 0, resetAt: rateLimitResetAt },
        });
        return buildError(error, { dialect });
      },
    },
    {
      method: 'GET',
      path: '/boom',
      handle() {
        calls.boom++;
        throw new Error('secret db password');
      },
    },
  ];
  const guard = createApiKeyGuard({ verify: (key) => key === validApiKey, dialect });
  return { dialect, guard, routes, calls, rateLimitResetAt };
}

/** The route for a method and path, with its `:name` parameters: the router node:http lacks. */
export function findRoute(routes: readonly Route[], method: string | undefined, path: string): { route: Route; params: Record<string, string> } | undefined {
  const segments = path.split('/');
  for (const route of routes) {
    const pattern = route.path.split('/');
    if (route.method !== method || pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, index) => {
      const segment = segments[index] ?? '';
      if (!part.startsWith(':')) return part === segment;
      params[part.slice(1)] = decodeURIComponent(segment);
      return segment !== '';
    });
    if (matches) return { route, params };
  }
  return undefined;
}
