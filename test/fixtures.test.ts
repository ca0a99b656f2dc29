/**
 * Every example body, status table row and header rule of the five seeds, as a fixture in
 * test/fixtures/<dialect>/, with what a user sees once it is normalized. The expected values are
 * written out by hand from DESIGN.md and the seeds; nothing here asks the implementation for them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/index.ts';
import type { ApiError, BatchInfo, Cursor, Dialect, ErrorKind, HalLink, Issue, ItemFailure, PageInfo, RateLimit } from '../src/index.ts';

/** The clock every fixture is read with: Wed, 15 Jan 2025 12:00:00 GMT. */
const FIXED = 1_736_942_400_000;

interface Fixture {
  readonly source: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

interface ExpectedError {
  readonly kind: ErrorKind;
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly code?: string;
  readonly type?: string;
  readonly instance?: string;
  readonly issues: readonly Issue[];
  readonly failures: readonly ItemFailure[];
  readonly requestId?: string;
  readonly traceId?: string;
  readonly retryAfterMs?: number;
  readonly rateLimit?: RateLimit;
  readonly retryable: boolean;
  readonly dialect: Dialect;
}

interface ExpectedSuccess {
  readonly status: number;
  readonly data: unknown;
  readonly links?: Readonly<Record<string, HalLink | readonly HalLink[]>>;
  readonly embedded?: Readonly<Record<string, unknown>>;
  readonly page?: PageInfo;
  readonly cursor?: Cursor;
  readonly batch?: BatchInfo;
  readonly location?: string;
  readonly dialect: Dialect;
  readonly requestId?: string;
  readonly traceId?: string;
}

type Expected = { readonly ok: true; readonly value: ExpectedSuccess } | { readonly ok: false; readonly error: ExpectedError };

/** The members of the model a user reads; `body` and `extensions` are checked apart. */
const errorKeys = ['kind', 'status', 'title', 'detail', 'code', 'type', 'instance', 'issues', 'failures', 'requestId', 'traceId', 'retryAfterMs', 'rateLimit', 'retryable', 'dialect'] as const;
const successKeys = ['status', 'data', 'links', 'embedded', 'page', 'cursor', 'batch', 'location', 'dialect', 'requestId', 'traceId'] as const;

const succeeds = (value: ExpectedSuccess): Expected => ({ ok: true, value });
const fails = (error: Omit<ExpectedError, 'issues' | 'failures'> & Partial<Pick<ExpectedError, 'issues' | 'failures'>>): Expected => ({
  ok: false,
  error: { issues: [], failures: [], ...error },
});

const expectations: Readonly<Record<string, Expected>> = {
  // Seed 000: plain JSON, `{code, message}` errors, X-RateLimit-* headers.
  'plain/000-200-ok.json': succeeds({ status: 200, data: { id: 'inst_8f2a', name: 'web-1', region: 'eu-south-1' }, dialect: 'plain' }),
  'plain/000-400-bad-request.json': fails({
    kind: 'bad_request',
    status: 400,
    title: 'Bad Request',
    detail: "The parameter 'limit' must be between 1 and 100.",
    code: 'invalid_parameter',
    retryable: false,
    dialect: 'plain',
  }),
  'plain/000-401-unauthorized.json': fails({
    kind: 'unauthenticated',
    status: 401,
    title: 'Unauthorized',
    detail: 'User is not authorised to perform the request.',
    code: 'unauthorized',
    retryable: false,
    dialect: 'plain',
  }),
  'plain/000-429-reset-seconds.json': fails({
    kind: 'rate_limited',
    status: 429,
    title: 'Too Many Requests',
    detail: 'Too many requests hit the API too quickly.',
    code: 'rate_limit_exceeded',
    retryAfterMs: 30_000,
    rateLimit: { limit: 100, resetAt: FIXED + 30_000 },
    retryable: true,
    dialect: 'plain',
  }),
  'plain/000-429-reset-epoch.json': fails({
    kind: 'rate_limited',
    status: 429,
    title: 'Too Many Requests',
    detail: 'Too many requests hit the API too quickly.',
    code: 'rate_limit_exceeded',
    retryAfterMs: 45_000,
    rateLimit: { limit: 100, resetAt: 1_736_942_445_000 },
    retryable: true,
    dialect: 'plain',
  }),
  'plain/000-500-server-error.json': fails({
    kind: 'server',
    status: 500,
    title: 'Internal Server Error',
    detail: 'Something went wrong with Deepstone API.',
    code: 'internal_error',
    retryable: true,
    dialect: 'plain',
  }),
  // An HTML page from a gateway is no message for a person: no detail, the status text as title.
  'plain/000-502-server-error.json': fails({ kind: 'unavailable', status: 502, title: 'Bad Gateway', retryable: true, dialect: 'plain' }),
  'plain/000-503-server-error.json': fails({
    kind: 'unavailable',
    status: 503,
    title: 'Service Unavailable',
    detail: 'Deepstone API is under maintenance.',
    code: 'service_unavailable',
    retryable: true,
    dialect: 'plain',
  }),
  'plain/000-504-server-error.json': fails({ kind: 'timeout', status: 504, title: 'Gateway Timeout', detail: 'upstream request timeout', retryable: true, dialect: 'plain' }),

  // Seed 003: chunks, HEAD key checks, `{code, message}` errors, throttling, Accept-Language.
  'plain/003-200-chunk-next-id.json': succeeds({
    status: 200,
    data: [
      { id: 1210206595, firstName: 'Eduardo', lastName: 'Thomas' },
      { id: 1210206596, firstName: 'Terrence', lastName: 'Hernandez' },
    ],
    cursor: { offset: '1210206596', hasNext: true },
    dialect: 'plain',
  }),
  'plain/003-200-chunk-slice-size.json': succeeds({
    status: 200,
    data: [
      { firstName: 'Eduardo', lastName: 'Thomas' },
      { firstName: 'Terrence', lastName: 'Hernandez' },
    ],
    cursor: { offset: '2', hasNext: true },
    dialect: 'plain',
  }),
  'plain/003-200-chunk-last.json': succeeds({
    status: 200,
    data: [{ firstName: 'Ada', lastName: 'Lovelace' }],
    cursor: { offset: '5', hasNext: false },
    dialect: 'plain',
  }),
  'plain/003-200-head-valid-key.json': succeeds({ status: 200, data: undefined, dialect: 'plain' }),
  'plain/003-401-head-invalid-key.json': fails({ kind: 'unauthenticated', status: 401, title: 'Unauthorized', retryable: false, dialect: 'plain' }),
  'plain/003-400-validation-failed.json': fails({
    kind: 'bad_request',
    status: 400,
    title: 'Bad Request',
    detail: 'Validation of the request failed, check request with specification.',
    code: 'VALIDATION_FAILED',
    retryable: false,
    dialect: 'plain',
  }),
  'plain/003-401-authentication-failed.json': fails({
    kind: 'unauthenticated',
    status: 401,
    title: 'Unauthorized',
    detail: 'Authentication failed. Probably wrong or missing OpenAPI key.',
    code: 'AUTHENTICATION_FAILED',
    retryable: false,
    dialect: 'plain',
  }),
  'plain/003-403-permission-denied.json': fails({
    kind: 'forbidden',
    status: 403,
    title: 'Forbidden',
    detail: 'Permission denied. The caller has no permission for the requested resource.',
    code: 'PERMISSION_DENIED',
    retryable: false,
    dialect: 'plain',
  }),
  'plain/003-404-not-found.json': fails({
    kind: 'not_found',
    status: 404,
    title: 'Not Found',
    detail: 'Requested entity not found.',
    code: '40401',
    retryable: false,
    dialect: 'plain',
  }),
  'plain/003-404-accept-language-de.json': fails({
    kind: 'not_found',
    status: 404,
    title: 'Not Found',
    detail: 'Der Kunde mit der ID 1210206595 wurde nicht gefunden.',
    code: 'ENTITY_NOT_FOUND',
    retryable: false,
    dialect: 'plain',
  }),
  'plain/003-429-rate-limit.json': fails({
    kind: 'rate_limited',
    status: 429,
    title: 'Too Many Requests',
    detail: 'Access denied - rate limit is exceeded.',
    code: 'RATE_LIMIT_EXCEEDED',
    retryable: true,
    dialect: 'plain',
  }),
  'plain/003-500-system-error.json': fails({
    kind: 'server',
    status: 500,
    title: 'Internal Server Error',
    detail: 'Unexpected system error - internal problem.',
    code: 'SYSTEM_ERROR',
    retryable: true,
    dialect: 'plain',
  }),
  'plain/003-503-throttled.json': fails({
    kind: 'unavailable',
    status: 503,
    title: 'Service Unavailable',
    detail: 'The database is under heavy load, please retry later.',
    code: 'SERVICE_UNAVAILABLE',
    retryable: true,
    dialect: 'plain',
  }),
  'plain/003-503-throttled-retry-after.json': fails({
    kind: 'unavailable',
    status: 503,
    title: 'Service Unavailable',
    detail: 'The database is under heavy load, please retry later.',
    code: 'SERVICE_UNAVAILABLE',
    retryAfterMs: 30_000,
    retryable: true,
    dialect: 'plain',
  }),

  // Seed 001: HAL successes, RFC 9457 / 7807 problem errors.
  'problem/001-200-hal.json': succeeds({
    status: 200,
    data: { id: 'cmp_42', name: 'Winter sale', state: 'active' },
    links: {
      self: { href: '/v1/campaigns/cmp_42' },
      audiences: [
        { href: '/v1/audiences/aud_1', title: 'Newsletter' },
        { href: '/v1/audiences/aud_2', title: 'VIP' },
      ],
      find: { href: '/v1/campaigns{?name}', templated: true },
    },
    embedded: { owner: { id: 'usr_7', name: 'Ada', _links: { self: { href: '/v1/users/usr_7' } } } },
    dialect: 'problem',
  }),
  'problem/001-200-hal-collection.json': succeeds({
    status: 200,
    data: { total: 2 },
    links: { self: { href: '/v1/campaigns?page=1' }, next: { href: '/v1/campaigns?page=2' } },
    embedded: {
      campaigns: [
        { id: 'cmp_42', _links: { self: { href: '/v1/campaigns/cmp_42' } } },
        { id: 'cmp_43', _links: { self: { href: '/v1/campaigns/cmp_43' } } },
      ],
    },
    dialect: 'problem',
  }),
  'problem/001-201-created.json': succeeds({
    status: 201,
    data: { id: 'cmp_43', name: 'Spring sale' },
    links: { self: { href: '/v1/campaigns/cmp_43' } },
    location: 'https://api.example.com/v1/campaigns/cmp_43',
    dialect: 'problem',
  }),
  'problem/001-202-accepted.json': succeeds({
    status: 202,
    data: { id: 'exp_7f3c', state: 'queued' },
    links: { self: { href: '/v1/exports/exp_7f3c' } },
    location: 'https://api.example.com/v1/exports/exp_7f3c',
    dialect: 'problem',
  }),
  // No body means no dialect markers: the catch-all plain dialect reads it (DESIGN.md is silent).
  'problem/001-204-no-content.json': succeeds({ status: 204, data: undefined, dialect: 'plain' }),
  'problem/001-400-validation.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: 'Request failed validation',
    type: 'about:blank',
    issues: [{ path: ['name'], field: 'body.name', message: '`body.name` is `undefined`, but `string` is expected.', code: 'invalid_type' }],
    retryable: false,
    dialect: 'problem',
  }),
  'problem/001-401-unauthorized.json': fails({
    kind: 'unauthenticated',
    status: 401,
    title: 'Unauthorized',
    detail: 'The access token expired at 2025-01-15T11:00:00Z.',
    type: 'about:blank',
    retryable: false,
    dialect: 'problem',
  }),
  'problem/001-403-forbidden.json': fails({
    kind: 'forbidden',
    status: 403,
    title: 'Forbidden',
    detail: 'The token lacks the campaigns:write scope.',
    type: 'https://api.example.com/problems/insufficient-scope',
    instance: '/v1/campaigns/cmp_42',
    retryable: false,
    dialect: 'problem',
  }),
  'problem/001-404-not-found.json': fails({
    kind: 'not_found',
    status: 404,
    title: 'Not Found',
    detail: 'Campaign cmp_99 does not exist.',
    type: 'about:blank',
    retryable: false,
    dialect: 'problem',
  }),
  'problem/001-405-method-not-allowed.json': fails({
    kind: 'method_not_allowed',
    status: 405,
    title: 'Method Not Allowed',
    detail: 'PUT is not supported on /v1/campaigns; use PATCH.',
    type: 'about:blank',
    retryable: false,
    dialect: 'problem',
  }),
  'problem/001-409-conflict.json': fails({
    kind: 'conflict',
    status: 409,
    title: 'Conflict',
    detail: 'Another request is updating campaign cmp_42.',
    type: 'https://api.example.com/problems/conflict',
    instance: '/v1/campaigns/cmp_42',
    retryable: false,
    dialect: 'problem',
  }),
  'problem/001-413-content-too-large.json': fails({
    kind: 'payload_too_large',
    status: 413,
    title: 'Content Too Large',
    detail: 'The request body is 12 MB; the limit is 10 MB.',
    type: 'about:blank',
    retryable: false,
    dialect: 'problem',
  }),
  // The server's title wins over the standard text ('Unprocessable Content').
  'problem/001-422-unprocessable.json': fails({
    kind: 'unprocessable',
    status: 422,
    title: 'Unprocessable Entity',
    detail: 'A campaign that has started cannot change its audience.',
    type: 'about:blank',
    retryable: false,
    dialect: 'problem',
  }),
  'problem/001-422-with-errors.json': fails({
    kind: 'validation',
    status: 422,
    title: 'Unprocessable Entity',
    detail: 'Request failed business validation',
    type: 'about:blank',
    issues: [
      { path: ['startDate'], field: 'body.startDate', message: '`body.startDate` must be before `body.endDate`.', code: 'invalid_range' },
      { path: [], message: 'The account has no campaigns left this month.', code: 'quota_exceeded' },
    ],
    retryable: false,
    dialect: 'problem',
  }),
  'problem/001-429-too-many-requests.json': fails({
    kind: 'rate_limited',
    status: 429,
    title: 'Too Many Requests',
    detail: 'The rate limit for this token is 100 requests per minute.',
    type: 'about:blank',
    retryable: true,
    dialect: 'problem',
  }),
  'problem/001-500-internal-server-error.json': fails({
    kind: 'server',
    status: 500,
    title: 'Internal Server Error',
    detail: 'An internal server error has occurred.',
    type: 'about:blank',
    retryable: true,
    dialect: 'problem',
  }),
  'problem/001-501-not-implemented.json': fails({
    kind: 'not_implemented',
    status: 501,
    title: 'Not Implemented',
    detail: 'Bulk deletion of campaigns is not supported.',
    type: 'about:blank',
    retryable: false,
    dialect: 'problem',
  }),
  'problem/001-503-service-unavailable.json': fails({
    kind: 'unavailable',
    status: 503,
    title: 'Service Unavailable',
    detail: 'Service Unavailable.',
    type: 'about:blank',
    retryable: true,
    dialect: 'problem',
  }),

  // Seed 002: `{status, message, request_id?, trace_id?}`. A success body is JSON as is, with
  // no marker of its own, so the catch-all plain dialect reads it (DESIGN.md is silent).
  'status-message/002-200-ok.json': succeeds({ status: 200, data: { id: 'cmp_1', name: 'CampaignName', state: 'scheduled' }, dialect: 'plain' }),
  'status-message/002-400-bad-request.json': fails({
    kind: 'bad_request',
    status: 400,
    title: 'Bad Request',
    detail: "Error updating database: Can't find campaign named 'CampaignName'",
    requestId: '1ab23456-c78d-9012-3456-78efg9hi01j2',
    traceId: '1a2b3456789cd0ef1g234hijklm5nopq',
    retryable: false,
    dialect: 'status-message',
  }),
  'status-message/002-401-authentication-required.json': fails({
    kind: 'unauthenticated',
    status: 401,
    title: 'Unauthorized',
    detail: 'The token has expired.',
    requestId: '2bc34567-d89e-0123-4567-89fgh0ij12k3',
    retryable: false,
    dialect: 'status-message',
  }),
  'status-message/002-403-not-authorized.json': fails({
    kind: 'forbidden',
    status: 403,
    title: 'Forbidden',
    detail: 'The token does not have permission to write segments.',
    requestId: '3cd45678-e90f-1234-5678-90ghi1jk23l4',
    traceId: '2b3c4567890de1f0g345ijklmn6opqr',
    retryable: false,
    dialect: 'status-message',
  }),
  'status-message/002-404-not-found.json': fails({
    kind: 'not_found',
    status: 404,
    title: 'Not Found',
    detail: "Can't find campaign named 'CampaignName'",
    retryable: false,
    dialect: 'status-message',
  }),
  'status-message/002-405-method-not-allowed.json': fails({
    kind: 'method_not_allowed',
    status: 405,
    title: 'Method Not Allowed',
    detail: 'DELETE is not supported on /campaigns.',
    retryable: false,
    dialect: 'status-message',
  }),
  'status-message/002-409-conflict.json': fails({
    kind: 'conflict',
    status: 409,
    title: 'Conflict',
    detail: 'A workflow run is already in progress.',
    requestId: '4de56789-f01a-2345-6789-01hij2kl34m5',
    retryable: false,
    dialect: 'status-message',
  }),
  'status-message/002-429-too-many-requests.json': fails({
    kind: 'rate_limited',
    status: 429,
    title: 'Too Many Requests',
    detail: 'A rate limit has been exceeded.',
    retryable: true,
    dialect: 'status-message',
  }),
  'status-message/002-500-server-error.json': fails({
    kind: 'server',
    status: 500,
    title: 'Internal Server Error',
    detail: 'An internal error occurred.',
    requestId: '5ef67890-a12b-3456-7890-12ijk3lm45n6',
    traceId: '3c4d5678901ef2a1h456jklmno7pqrs',
    retryable: true,
    dialect: 'status-message',
  }),
  'status-message/002-503-service-unavailable.json': fails({
    kind: 'unavailable',
    status: 503,
    title: 'Service Unavailable',
    detail: 'The server is currently unavailable.',
    retryAfterMs: 120_000,
    retryable: true,
    dialect: 'status-message',
  }),

  // Seed 004: `{result, <items>, metadata}`, `failures[]` and `error{}`.
  'envelope/004-200-success-page.json': succeeds({
    status: 200,
    data: [
      { id: 101, name: 'Ada Lovelace' },
      { id: 102, name: 'Alan Turing' },
    ],
    page: { page: 2, pagesCount: 5, recordsPerPage: 2, recordsCount: 9 },
    dialect: 'envelope',
  }),
  'envelope/004-200-success-batch.json': succeeds({
    status: 200,
    data: [
      { id: 201, name: 'Grace Hopper' },
      { id: 202, name: 'Edsger Dijkstra' },
    ],
    batch: { receivedItemsCount: 2, validItems: [0, 1], invalidItems: [] },
    dialect: 'envelope',
  }),
  'envelope/004-422-failure.json': fails({
    kind: 'validation',
    status: 422,
    title: 'Unprocessable Content',
    issues: [
      { path: [1, 'email'], field: 'email', message: 'The value must be a valid e-mail address.', code: '6001' },
      { path: [2, 'name'], field: 'name', message: 'The value must not be empty.', code: '6002' },
    ],
    failures: [
      {
        index: 1,
        rawData: { name: 'Ada Lovelace', email: 'ada@' },
        issues: [{ path: ['email'], field: 'email', message: 'The value must be a valid e-mail address.', code: '6001' }],
      },
      {
        index: 2,
        rawData: { name: '', email: 'alan@example.com' },
        issues: [{ path: ['name'], field: 'name', message: 'The value must not be empty.', code: '6002' }],
      },
    ],
    retryable: false,
    dialect: 'envelope',
  }),
  // A 2xx status has no error text of its own: the title is the kind's (DESIGN.md is silent).
  'envelope/004-200-failure.json': fails({
    kind: 'validation',
    status: 200,
    title: 'Validation Failed',
    issues: [
      { path: [0, 'quantity'], field: 'quantity', message: 'The quantity must be at least 1.', code: '6003' },
      { path: [0], message: 'The product SKU-9 is discontinued.', code: '4002' },
    ],
    failures: [
      {
        index: 0,
        rawData: { sku: 'SKU-9', quantity: 0 },
        issues: [
          { path: ['quantity'], field: 'quantity', message: 'The quantity must be at least 1.', code: '6003' },
          { path: [], message: 'The product SKU-9 is discontinued.', code: '4002' },
        ],
      },
    ],
    retryable: false,
    dialect: 'envelope',
  }),
  'envelope/004-400-syntax.json': fails({
    kind: 'bad_request',
    status: 400,
    title: 'Bad Request',
    detail: 'Unexpected end of JSON input.',
    code: '3002',
    retryable: false,
    dialect: 'envelope',
  }),
  // The generic 400 is refined by `error.type`; the title stays the status text (DESIGN.md: "server's, else the standard status text").
  'envelope/004-400-content.json': fails({
    kind: 'unprocessable',
    status: 400,
    title: 'Bad Request',
    detail: 'The referenced price list does not exist.',
    code: '4003',
    retryable: false,
    dialect: 'envelope',
  }),
  'envelope/004-400-validation-field.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: 'The value must be a date in the future.',
    code: '6004',
    issues: [{ path: ['dueDate'], field: 'dueDate', message: 'The value must be a date in the future.', code: '6004' }],
    retryable: false,
    dialect: 'envelope',
  }),
  'envelope/004-401-client.json': fails({
    kind: 'unauthenticated',
    status: 401,
    title: 'Unauthorized',
    detail: 'Missing or invalid client credentials.',
    code: '2002',
    retryable: false,
    dialect: 'envelope',
  }),
  'envelope/004-403-permission.json': fails({
    kind: 'forbidden',
    status: 403,
    title: 'Forbidden',
    detail: 'The client may not read invoices.',
    code: '5002',
    retryable: false,
    dialect: 'envelope',
  }),
  'envelope/004-404-client.json': fails({
    kind: 'not_found',
    status: 404,
    title: 'Not Found',
    detail: 'The item 1042 does not exist.',
    code: '2004',
    retryable: false,
    dialect: 'envelope',
  }),
  'envelope/004-405-client.json': fails({
    kind: 'method_not_allowed',
    status: 405,
    title: 'Method Not Allowed',
    detail: 'PUT is not allowed on /invoices.',
    code: '2005',
    retryable: false,
    dialect: 'envelope',
  }),
  'envelope/004-422-content.json': fails({
    kind: 'unprocessable',
    status: 422,
    title: 'Unprocessable Content',
    detail: 'The invoice references a closed accounting period.',
    code: '4001',
    retryable: false,
    dialect: 'envelope',
  }),
  'envelope/004-500-system.json': fails({
    kind: 'server',
    status: 500,
    title: 'Internal Server Error',
    detail: 'Unexpected error while processing the request.',
    code: '1001',
    retryable: true,
    dialect: 'envelope',
  }),
  'envelope/004-200-error-system.json': fails({
    kind: 'server',
    status: 200,
    title: 'Internal Server Error',
    detail: 'Unexpected error while processing the request.',
    code: '1000',
    retryable: true,
    dialect: 'envelope',
  }),
  'envelope/004-200-error-client.json': fails({
    kind: 'bad_request',
    status: 200,
    title: 'Bad Request',
    detail: "Unknown query parameter 'sortBy'.",
    code: '2001',
    retryable: false,
    dialect: 'envelope',
  }),
  'envelope/004-200-error-syntax.json': fails({
    kind: 'bad_request',
    status: 200,
    title: 'Bad Request',
    detail: 'The request body is not valid JSON.',
    code: '3001',
    retryable: false,
    dialect: 'envelope',
  }),
  'envelope/004-200-error-content.json': fails({
    kind: 'unprocessable',
    status: 200,
    title: 'Unprocessable Content',
    detail: 'The referenced price list does not exist.',
    code: '4001',
    retryable: false,
    dialect: 'envelope',
  }),
  'envelope/004-200-error-permission.json': fails({
    kind: 'forbidden',
    status: 200,
    title: 'Forbidden',
    detail: 'The client may not delete invoices.',
    code: '5001',
    retryable: false,
    dialect: 'envelope',
  }),
  'envelope/004-200-error-validation.json': fails({
    kind: 'validation',
    status: 200,
    title: 'Validation Failed',
    detail: 'The value must be a valid e-mail address.',
    code: '6001',
    issues: [{ path: ['email'], field: 'email', message: 'The value must be a valid e-mail address.', code: '6001' }],
    retryable: false,
    dialect: 'envelope',
  }),
};

/** Rows of each seed's status table (and 2xx for the success bodies) that must have a fixture. */
const statusTables: Readonly<Record<string, readonly number[]>> = {
  '000': [200, 400, 401, 429, 500, 502, 503, 504],
  '001': [200, 201, 202, 204, 400, 401, 403, 404, 405, 409, 413, 422, 429, 500, 501, 503],
  '002': [200, 400, 401, 403, 404, 405, 409, 429, 500, 503],
  '003': [200, 400, 401, 403, 404, 429, 500, 503],
  '004': [200, 400, 401, 403, 404, 405, 422, 500],
};

/** The fixture folder of each seed. */
const dialectOfSeed: Readonly<Record<string, string>> = { '000': 'plain', '001': 'problem', '002': 'status-message', '003': 'plain', '004': 'envelope' };

const fixturesDirectory = new URL('./fixtures/', import.meta.url);

function readFixtureNames(): string[] {
  return readdirSync(fixturesDirectory, { withFileTypes: true })
    // test/fixtures/more/ holds the bodies of the non-seed dialects, tested in test/dialects/.
    .filter((entry) => entry.isDirectory() && entry.name !== 'more')
    .flatMap((directory) => readdirSync(new URL(`${directory.name}/`, fixturesDirectory)).map((file) => `${directory.name}/${file}`))
    .sort();
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function readFixture(name: string): Fixture {
  const parsed: unknown = JSON.parse(readFileSync(new URL(name, fixturesDirectory), 'utf8'));
  if (!isRecord(parsed)) throw new TypeError(`${name} is not a JSON object`);
  const { source, status, headers } = parsed;
  if (typeof source !== 'string' || typeof status !== 'number' || !isRecord(headers) || !Object.hasOwn(parsed, 'body')) {
    throw new TypeError(`${name} lacks source, status, headers or body`);
  }
  for (const value of Object.values(headers)) if (typeof value !== 'string') throw new TypeError(`${name} has a header that is not a string`);
  return { source, status, headers: headers as Record<string, string>, body: parsed['body'] };
}

function pick(source: object, keys: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (Object.hasOwn(source, key)) picked[key] = (source as Record<string, unknown>)[key];
  return picked;
}

const fixtureNames = readFixtureNames();
const fixtures = new Map(fixtureNames.map((name) => [name, readFixture(name)] as const));

const normalizeFixture = (fixture: Fixture) => normalize({ status: fixture.status, headers: fixture.headers, body: fixture.body }, { now: () => FIXED });

function readErrors(): [string, ApiError][] {
  const errors: [string, ApiError][] = [];
  for (const [name, fixture] of fixtures) {
    const result = normalizeFixture(fixture);
    if (!result.ok) errors.push([name, result.error]);
  }
  return errors;
}

describe('the seed fixtures', () => {
  it('has an expectation for every fixture file on disk and a fixture file for every expectation', () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(60);
    expect(fixtureNames).toStrictEqual(Object.keys(expectations).sort());
  });

  it('keeps fixtures only in the four dialect folders, each named after its seed', () => {
    for (const [name, fixture] of fixtures) {
      const [folder, file] = name.split('/');
      const seed = /^seed (00\d), \S/.exec(fixture.source)?.[1];
      expect(seed, `${name} names its seed and section`).toBeDefined();
      expect(file?.startsWith(`${seed}-${fixture.status}-`), `${name} starts with its seed and status`).toBe(true);
      expect(folder, `${name} sits in the folder of seed ${seed}`).toBe(dialectOfSeed[seed ?? '']);
    }
  });

  it('has a fixture for every row of every seed status table', () => {
    const covered = new Set([...fixtures.values()].map((fixture) => `${fixture.source.slice(5, 8)} ${fixture.status}`));
    const missing = Object.entries(statusTables).flatMap(([seed, statuses]) => statuses.map((status) => `${seed} ${status}`).filter((row) => !covered.has(row)));
    expect(missing).toStrictEqual([]);
  });

  it('has a seed 004 error of every type, both with a 2xx status and with an error status', () => {
    const types = (successful: boolean): string[] =>
      [...fixtures.values()]
        .filter((fixture) => fixture.source.startsWith('seed 004') && fixture.status < 300 === successful)
        .map((fixture) => (isRecord(fixture.body) && isRecord(fixture.body['error']) ? fixture.body['error']['type'] : undefined))
        .filter((type): type is string => typeof type === 'string')
        .sort();
    expect(types(true)).toStrictEqual(['client', 'content', 'permission', 'syntax', 'system', 'validation']);
    expect(new Set(types(false))).toStrictEqual(new Set(['client', 'content', 'permission', 'syntax', 'system', 'validation']));
  });
});

describe('normalizing each seed fixture', () => {
  for (const name of fixtureNames) {
    const fixture = fixtures.get(name)!;
    it(`reads ${name} (${fixture.source}) as the seed and DESIGN.md describe`, () => {
      const expected = expectations[name];
      expect(expected, `${name} has an expectation`).toBeDefined();
      const result = normalizeFixture(fixture);
      const seen = result.ok ? { ok: true, value: pick(result.value, successKeys) } : { ok: false, error: pick(result.error, errorKeys) };
      expect(seen).toStrictEqual(expected);
    });
  }
});

describe("seed 002's example as printed", () => {
  // The seed's code block, character for character: its message broken by a reStructuredText line
  // continuation (a backslash, then a new line), which makes the text no JSON as it stands.
  const printed = String.raw`{
     "status": 400,
     "message": "Error updating database: Can't find campaign named \
                 'CampaignName'",
     "request_id":"1ab23456-c78d-9012-3456-78efg9hi01j2",
     "trace_id":"1a2b3456789cd0ef1g234hijklm5nopq"
   }`;

  it('reads it as the fixture that joins the lines, ids and all', () => {
    expect(printed).toContain('named \\\n');
    const read = normalize({ status: 400, headers: { 'content-type': 'application/json' }, body: printed });
    const joined = normalizeFixture(fixtures.get('status-message/002-400-bad-request.json')!);
    expect(read.ok ? undefined : read.error).toMatchObject({
      kind: 'bad_request',
      dialect: 'status-message',
      detail: "Error updating database: Can't find campaign named 'CampaignName'",
      requestId: '1ab23456-c78d-9012-3456-78efg9hi01j2',
      traceId: '1a2b3456789cd0ef1g234hijklm5nopq',
    });
    expect(read.ok ? undefined : pick(read.error, errorKeys)).toEqual(joined.ok ? undefined : pick(joined.error, errorKeys));
    // With CRLF line ends too; a body malformed for another reason stays malformed text.
    expect(normalize({ status: 400, headers: { 'content-type': 'application/json' }, body: printed.replaceAll('\n', '\r\n') })).toMatchObject({ ok: false, error: { requestId: '1ab23456-c78d-9012-3456-78efg9hi01j2' } });
    const broken = normalize({ status: 400, headers: { 'content-type': 'application/json' }, body: `${printed},` });
    expect(broken.ok ? undefined : broken.error.requestId).toBeUndefined();
  });
});

describe('what every normalized fixture guarantees', () => {
  it('keeps the body as received: parsed JSON, text, or undefined when empty', () => {
    for (const [name, fixture] of fixtures) {
      const result = normalizeFixture(fixture);
      const body = result.ok ? result.value.body : result.error.body;
      expect(body, name).toStrictEqual(fixture.body === '' ? undefined : fixture.body);
    }
  });

  it('gives a frozen error, with frozen issues and failures', () => {
    const errors = readErrors();
    expect(errors.length).toBeGreaterThan(40);
    for (const [name, error] of errors) {
      expect(Object.isFrozen(error), name).toBe(true);
      expect(Object.isFrozen(error.issues), `${name} issues`).toBe(true);
      expect(Object.isFrozen(error.failures), `${name} failures`).toBe(true);
      expect(Object.isFrozen(error.extensions), `${name} extensions`).toBe(true);
      for (const issue of error.issues) expect(Object.isFrozen(issue), `${name} issue`).toBe(true);
      for (const failure of error.failures) expect(Object.isFrozen(failure), `${name} failure`).toBe(true);
      if (error.rateLimit !== undefined) expect(Object.isFrozen(error.rateLimit), `${name} rateLimit`).toBe(true);
    }
  });

  it('gives an error that survives structuredClone with equal content', () => {
    for (const [name, error] of readErrors()) expect(structuredClone(error), name).toStrictEqual(error);
  });

  it('gives an error that survives a JSON round trip with equal content', () => {
    for (const [name, error] of readErrors()) expect(JSON.parse(JSON.stringify(error)), name).toEqual(error);
  });

  it('reads the same fixture the same way twice, whatever the wall clock', () => {
    for (const fixture of fixtures.values()) expect(normalizeFixture(fixture)).toStrictEqual(normalizeFixture(fixture));
  });
});
