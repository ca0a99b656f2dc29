/**
 * RELIABILITY.md "Parsing", fifth line — prototype safety: 100,000 generated bodies biased to
 * `__proto__`, `constructor` and `prototype` keys at every depth leave `Object.prototype`
 * untouched, and a polluted `Object.prototype` does not change the output. DESIGN.md:
 * "`__proto__` and friends never reach a prototype".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDialect, isApiError, normalize, normalizeResponse, type ApiResult, type NormalizeInput, type NormalizeOptions } from '../../src/index.ts';

const numRuns = 100_000;
const propertyTimeout = 120_000;

const dangerousKeys = ['__proto__', 'constructor', 'prototype'] as const;
/** Names a body might use to reach or shadow what lives on `Object.prototype`. */
const dangerousValues = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', '__lookupGetter__', 'polluted', 'toJSON', 'then'];
/** The members the four dialects read, so that dangerous keys reach every parser. */
const vocabulary = [
  'type', 'title', 'status', 'detail', 'instance', 'errors', 'code', 'message', 'error', 'error_description', 'description', 'msg',
  'request_id', 'requestId', 'trace_id', 'traceId', 'retry_after', 'retryAfter', 'result', 'metadata', 'failures', 'rawData', 'field',
  'pointer', 'path', 'loc', 'offset', 'hasNext', '_links', '_embedded', 'href', 'invalidItems', 'validItems', 'page', 'polluted',
];
const dialectWords = ['success', 'failure', 'error', 'system', 'validation', 'permission', 'client', 'about:blank', 'application/problem+json'];

// Bodies are built as JSON text, since JSON.parse makes `__proto__` an own property where an object literal would set the prototype.
const keyText = fc
  .oneof({ arbitrary: fc.constantFrom(...dangerousKeys), weight: 4 }, { arbitrary: fc.constantFrom(...vocabulary), weight: 3 }, { arbitrary: fc.string({ maxLength: 6 }), weight: 1 })
  .map((key) => JSON.stringify(key));
const scalarText = fc
  .oneof(
    { arbitrary: fc.constantFrom(...dangerousValues, ...dialectWords), weight: 3 },
    { arbitrary: fc.oneof(fc.string({ maxLength: 10 }), fc.integer({ min: -1, max: 600 }), fc.boolean(), fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true })), weight: 2 },
  )
  .map((value) => JSON.stringify(value));

const { tree: treeText } = fc.letrec<{ tree: string; array: string; object: string }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalarText, tie('array'), tie('object')),
  array: fc.array(tie('tree'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
  object: fc.array(fc.tuple(keyText, tie('tree')), { maxLength: 5 }).map((members) => `{${members.map(([key, value]) => `${key}:${value}`).join(',')}}`),
}));

/** A subtree behind a chain of dangerous keys, so that they occur at every depth, up to 24 deep. */
const chainedText = fc
  .tuple(fc.array(fc.constantFrom(...dangerousKeys, 'polluted', 'errors', 'error', '_embedded'), { maxLength: 24 }), treeText)
  .map(([keys, leaf]) => keys.reduceRight((inner, key) => `{${JSON.stringify(key)}:${inner}}`, leaf));

const subtree = fc.oneof(treeText, chainedText);
const member = fc.tuple(keyText, subtree).map(([key, value]) => `,${key}:${value}`);
const members = fc.array(member, { maxLength: 3 }).map((list) => list.join(''));
const valueText = fc.oneof(scalarText, subtree);

/** Bodies shaped like each dialect, with dangerous keys and values where the parsers look. */
const dialectBodyText = fc.oneof(
  fc.tuple(valueText, valueText, valueText, valueText, members).map(([type, code, message, field, rest]) => `{"result":"error","error":{"type":${type},"code":${code},"message":${message},"field":${field}${rest}}${rest}}`),
  fc.tuple(subtree, subtree, subtree, members).map(([rawData, errors, metadata, rest]) => `{"result":"failure","failures":[{"rawData":${rawData},"errors":${errors}}],"metadata":${metadata}${rest}}`),
  fc.tuple(subtree, subtree, members).map(([items, metadata, rest]) => `{"result":"success","metadata":${metadata},"items":${items}${rest}}`),
  fc.tuple(valueText, valueText, valueText, valueText, subtree, members).map(([type, title, status, detail, errors, rest]) => `{"type":${type},"title":${title},"status":${status},"detail":${detail},"errors":${errors}${rest}}`),
  fc.tuple(subtree, subtree, members).map(([links, embedded, rest]) => `{"_links":${links},"_embedded":${embedded}${rest}}`),
  fc.tuple(subtree, members).map(([links, rest]) => `{"_links":{"__proto__":{"href":"/x"},"constructor":[{"href":"/y"}],"prototype":${links}}${rest}}`),
  fc.tuple(valueText, valueText, members).map(([status, message, rest]) => `{"status":${status},"message":${message},"request_id":"r"${rest}}`),
  fc.tuple(valueText, valueText, subtree, members).map(([code, message, errors, rest]) => `{"code":${code},"message":${message},"errors":${errors}${rest}}`),
  fc.tuple(subtree, members).map(([errors, rest]) => `{"errors":{"__proto__":["is bad"],"constructor":"is bad","prototype":${errors}}${rest}}`),
  fc.tuple(subtree, valueText).map(([result, offset]) => `{"result":[${result}],"offset":${offset},"hasNext":true}`),
  fc.constant('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}'),
);

const bodyText = fc.oneof({ arbitrary: treeText, weight: 2 }, { arbitrary: chainedText, weight: 1 }, { arbitrary: dialectBodyText, weight: 3 });

const statusArbitrary = fc.constantFrom(200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504);
const contentTypeArbitrary = fc.constantFrom(undefined, 'application/json', 'application/problem+json', 'application/hal+json', 'text/plain');
const headerArbitrary = fc.tuple(contentTypeArbitrary, fc.constantFrom(...dangerousKeys, 'x-request-id', 'retry-after')).map(([contentType, extra]) =>
  JSON.parse(`{${contentType === undefined ? '' : `"content-type":${JSON.stringify(contentType)},`}${JSON.stringify(extra)}:"1"}`) as Record<string, string>,
);

const builtInPrototypes: readonly (readonly [string, object])[] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];

/** Every own property of the built-in prototypes, with its descriptor. */
function snapshotPrototypes(): Map<string, PropertyDescriptor> {
  const snapshot = new Map<string, PropertyDescriptor>();
  for (const [name, prototype] of builtInPrototypes) {
    for (const key of Reflect.ownKeys(prototype)) snapshot.set(`${name}.${String(key)}`, Reflect.getOwnPropertyDescriptor(prototype, key)!);
    snapshot.set(`${name} [[Prototype]]`, { value: Object.getPrototypeOf(prototype) });
    snapshot.set(`${name} [[Extensible]]`, { value: Object.isExtensible(prototype) });
  }
  return snapshot;
}

/** The properties added, removed or replaced on the built-in prototypes since `before`. */
function changedProperties(before: Map<string, PropertyDescriptor>): string[] {
  const after = snapshotPrototypes();
  const changed: string[] = [];
  for (const [key, descriptor] of after) {
    const old = before.get(key);
    if (!old || !Object.is(old.value, descriptor.value) || old.get !== descriptor.get || old.set !== descriptor.set || old.writable !== descriptor.writable) changed.push(key);
  }
  for (const key of before.keys()) if (!after.has(key)) changed.push(`${key} (removed)`);
  return changed;
}

const allowedPrototypes: ReadonlySet<unknown> = new Set([Object.prototype, Array.prototype, null]);

/** The paths of objects in a result whose prototype is not Object.prototype, Array.prototype or null. */
function foreignPrototypes(value: unknown, path = 'result', seen = new Set<object>()): string[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const found = allowedPrototypes.has(Object.getPrototypeOf(value)) ? [] : [path];
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) found.push(...foreignPrototypes(descriptor.value, `${path}.${String(key)}`, seen));
  }
  return found;
}

function isWellFormed(result: ApiResult): boolean {
  if (result.ok) return typeof result.value === 'object' && typeof result.value.status === 'number' && typeof result.value.dialect === 'string';
  return result.ok === false && isApiError(result.error);
}

describe('bodies with __proto__, constructor and prototype keys', () => {
  it('leave the built-in prototypes untouched and reach no prototype, for 100,000 generated bodies', { timeout: propertyTimeout }, () => {
    const before = snapshotPrototypes();
    const baseline = Reflect.ownKeys(Object.prototype).length;
    try {
      fc.assert(
        fc.property(statusArbitrary, headerArbitrary, bodyText, fc.constantFrom('parsed', 'text', 'bytes'), (status, headers, text, form) => {
          const body = form === 'parsed' ? (JSON.parse(text) as unknown) : form === 'text' ? text : new TextEncoder().encode(text);
          const result = normalize({ status, headers, body });
          const problems: string[] = [];
          if (!isWellFormed(result)) problems.push(`not a well-formed result: ${result.ok ? 'success' : `error of kind ${String(result.error.kind)}`}`);
          if (({} as { polluted?: unknown }).polluted !== undefined) problems.push('({}).polluted is defined');
          if (Reflect.ownKeys(Object.prototype).length !== baseline) problems.push(`Object.prototype has new keys: ${changedProperties(before).join(', ')}`);
          for (const path of foreignPrototypes(result)) problems.push(`${path} has a prototype that is not Object.prototype, Array.prototype or null`);
          // `expect` only on failure: it would cost more than `normalize`, 100,000 times over.
          if (problems.length > 0) expect(problems).toEqual([]);
        }),
        { numRuns },
      );
    } finally {
      expect(changedProperties(before)).toEqual([]);
    }
  });

  it('leave the built-in prototypes untouched through normalizeResponse and detectDialect (2,000 bodies)', { timeout: propertyTimeout }, async () => {
    const before = snapshotPrototypes();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(200, 400, 422, 500), contentTypeArbitrary, bodyText, async (status, contentType, text) => {
        const response = new Response(text, { status, headers: contentType === undefined ? {} : { 'content-type': contentType } });
        const result = await normalizeResponse(response);
        detectDialect(JSON.parse(text) as unknown, contentType);
        expect(isWellFormed(result)).toBe(true);
        expect(foreignPrototypes(result)).toEqual([]);
        expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
      }),
      { numRuns: 2_000 },
    );
    expect(changedProperties(before)).toEqual([]);
  });

  it('keep a top-level __proto__ member as data, not as the prototype of extensions', () => {
    const result = normalize({ status: 400, body: JSON.parse('{"message":"Bad","__proto__":{"title":"injected","kind":"forbidden"}}') as unknown });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'bad_request', title: 'Bad Request', detail: 'Bad' });
    expect(allowedPrototypes.has(Object.getPrototypeOf(result.error.extensions))).toBe(true);
    expect((result.error.extensions as { title?: unknown }).title).toBeUndefined();
  });

  it('do not let an envelope error type named after an Object.prototype member become the kind', () => {
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const result = normalize({ status: 200, body: { result: 'error', error: { type, code: 1, message: 'Refused' } } });
      expect(result.ok, type).toBe(false);
      if (result.ok) continue;
      expect(isApiError(result.error), `error.type ${type}: kind ${String(result.error.kind)}`).toBe(true);
      expect(typeof result.error.kind, type).toBe('string');
      expect(result.error.title, type).toEqual(expect.any(String));
    }
  });
});

/** Odd values of the right type, so that a read that reaches the prototype shows in the output. */
const pollution: Readonly<Record<string, unknown>> = {
  title: 'POLLUTED title',
  detail: 'POLLUTED detail',
  message: 'POLLUTED message',
  status: 418,
  kind: 'forbidden',
  retryAfterMs: 1,
  issues: [{ path: ['polluted'], message: 'POLLUTED issue' }],
  result: 'error',
  errors: ['POLLUTED error'],
  dialect: 'envelope',
  extensions: { polluted: true },
  now: () => 0,
  maxBodyBytes: 1,
  _links: { self: { href: '/polluted' } },
  _embedded: { polluted: [1] },
  code: 'POLLUTED',
  type: 'https://polluted.example',
  instance: '/polluted',
  requestId: 'polluted-request',
  traceId: 'polluted-trace',
  request_id: 'polluted-request',
  trace_id: 'polluted-trace',
  failures: [{ index: 9, rawData: 'polluted', issues: [] }],
  rateLimit: { limit: 1 },
  retryable: true,
  data: 'POLLUTED data',
  links: { self: { href: '/polluted' } },
  embedded: { polluted: true },
  page: { page: 99 },
  cursor: { offset: 'polluted', hasNext: true },
  batch: { receivedItemsCount: 99 },
  location: '/polluted',
  metadata: { invalidItems: [99] },
  hasNext: true,
  offset: 'polluted',
  rawData: 'polluted',
  field: 'polluted',
  pointer: '/polluted',
  msg: 'POLLUTED msg',
  description: 'POLLUTED description',
  error_description: 'POLLUTED',
  error: 'POLLUTED',
  retry_after: 7,
  retryAfter: 7,
  invalidItems: [99],
  validItems: [98],
  polluted: 'yes',
  // The spellings and headers read since the seeds: other APIs' members, numeric status tables.
  reason: 'POLLUTED reason',
  Message: 'POLLUTED Message',
  Code: 'POLLUTED',
  RequestId: 'polluted-request',
  ModelState: { polluted: ['POLLUTED'] },
  details: [{ field: '/polluted', description: 'POLLUTED' }],
  errorMessages: ['POLLUTED'],
  errorCauses: [{ errorSummary: 'POLLUTED' }],
  errorSummary: 'POLLUTED summary',
  errorId: 'polluted-request',
  error_message: 'POLLUTED',
  error_msg: 'POLLUTED',
  error_summary: 'POLLUTED',
  debug_id: 'polluted-request',
  fbtrace_id: 'polluted-request',
  'x-ms-error-code': 'POLLUTED',
  'x-ms-request-id': 'polluted-request',
  'x-rate-limit-reset': '1',
  529: 'POLLUTED',
  404: 'POLLUTED',
};

/** Runs `run` with every member of {@link pollution} set on Object.prototype, as an assignment would set it. */
async function withPollutedPrototype<T>(run: () => Promise<T>): Promise<T> {
  const prototype = Object.prototype as Record<string, unknown>;
  const keys = Object.keys(pollution);
  try {
    for (const key of keys) prototype[key] = pollution[key];
    return await run();
  } finally {
    for (const key of keys) delete prototype[key];
  }
}

const clock = { now: () => 1_700_000_000_000 } satisfies NormalizeOptions;
const encoder = new TextEncoder();

/** Inputs through every dialect and every error path; a function, since a Response is read once. */
function createCorpus(): readonly (readonly [string, () => unknown])[] {
  const normalizeCase = (name: string, input: NormalizeInput, options?: NormalizeOptions): readonly [string, () => unknown] => [name, () => normalize(input, options)];
  const erroringStream = (): ReadableStream<Uint8Array> => {
    let sent = false;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) controller.error(new TypeError('terminated'));
        else controller.enqueue(encoder.encode('{"id":'));
        sent = true;
      },
    });
  };
  // Responses are made before the prototype is polluted; only reading them happens under pollution.
  const responses = {
    json: new Response('{"id":1}', { status: 200, headers: { 'content-type': 'application/json' } }),
    jsonWithOptions: new Response('{"id":1}', { status: 200, headers: { 'content-type': 'application/json' } }),
    problem: new Response('{"title":"Not Found","detail":"No user 7"}', { status: 404, headers: { 'content-type': 'application/problem+json' } }),
    unavailable: new Response('upstream connect error', { status: 503, headers: { 'content-type': 'text/plain' } }),
    overflow: new Response('{"items":[1,2,3,4,5,6,7,8,9]}', { status: 200, headers: { 'content-type': 'application/json' } }),
    broken: new Response(erroringStream(), { status: 200, headers: { 'content-type': 'application/json' } }),
    brokenError: new Response(erroringStream(), { status: 503 }),
    declaredTooLong: new Response('{}', { status: 200, headers: { 'content-length': '999999999' } }),
  };
  return [
    normalizeCase('a plain success', { status: 200, body: { id: 1 } }),
    normalizeCase('a plain success from text', { status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":1,"name":"x"}' }),
    normalizeCase('an empty object success', { status: 200, body: {} }),
    normalizeCase('a 204', { status: 204 }),
    normalizeCase('a 201 with Location', { status: 201, headers: { location: '/orders/7' }, body: { id: 7 } }),
    normalizeCase('a HAL success', { status: 200, headers: { 'content-type': 'application/hal+json' }, body: '{"id":1,"_links":{"self":{"href":"/a"}},"_embedded":{"items":[]}}' }),
    normalizeCase('a problem', { status: 404, headers: { 'content-type': 'application/problem+json' }, body: '{"title":"Not Found","detail":"No user 7"}' }),
    normalizeCase('a bare problem body', { status: 404, headers: { 'content-type': 'application/problem+json' }, body: '{}' }),
    normalizeCase('a problem with errors', {
      status: 400,
      headers: { 'content-type': 'application/problem+json' },
      body: { title: 'Bad Request', detail: 'Request failed validation', errors: [{ title: 'invalid_type', detail: '`body.name` is `undefined`, but `string` is expected.' }] },
    }),
    normalizeCase('a seed 002 error', { status: 500, body: { status: 500, message: 'Boom', request_id: 'r-1', trace_id: 't-1' } }),
    normalizeCase('a plain {code, message} error', { status: 400, body: { code: 'E1', message: 'Bad thing' } }),
    normalizeCase('an OAuth error', { status: 400, body: { error: 'invalid_grant', error_description: 'Expired' } }),
    normalizeCase('a plain error with a Rails errors map', { status: 422, body: { errors: { email: ['is invalid'], name: 'is required' } } }),
    normalizeCase('a bare array of errors', { status: 400, body: [{ field: 'email', message: 'is invalid' }] }),
    normalizeCase('an empty object error', { status: 500, body: {} }),
    normalizeCase('an empty error', { status: 500 }),
    normalizeCase('an envelope success', { status: 200, body: { result: 'success', customers: [{ id: 1 }], metadata: { page: 1, pagesCount: 2, recordsPerPage: 1, recordsCount: 2 } } }),
    normalizeCase('an envelope batch failure', {
      status: 200,
      body: { result: 'failure', failures: [{ rawData: { name: '' }, errors: [{ code: 1001, message: 'Name is required', field: 'name' }] }], metadata: { receivedItemsCount: 2, validItems: [0], invalidItems: [1] } },
    }),
    normalizeCase('an envelope batch failure whose errors name no field or code', {
      status: 200,
      body: { result: 'failure', failures: [{ rawData: {}, errors: [{ type: 'validation', message: 'm' }] }], metadata: { receivedItemsCount: 1, validItems: [], invalidItems: [0] } },
    }),
    normalizeCase('an envelope error', { status: 200, body: { result: 'error', error: { type: 'permission', code: 1003, message: 'Not allowed', description: 'Key lacks scope' } } }),
    normalizeCase('an envelope error without type', { status: 400, body: { result: 'error', error: { code: 1, message: 'x' } } }),
    normalizeCase('a seed 003 chunk', { status: 200, body: { result: [1, 2], offset: '10', hasNext: true } }),
    normalizeCase('a 429 with rate-limit headers', { status: 429, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT', 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' } }, clock),
    normalizeCase('a 429 with X-RateLimit-Reset only', { status: 429, headers: [['X-RateLimit-Reset', '1700000030']] }, clock),
    normalizeCase('a 503 with Retry-After in seconds', { status: 503, headers: new Headers({ 'retry-after': '120', 'x-request-id': 'abc' }) }),
    normalizeCase('an nginx 502 page', { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><head><title>502 Bad Gateway</title></head></html>' }),
    normalizeCase('an Envoy text', { status: 503, headers: { 'content-type': 'text/plain' }, body: 'no healthy upstream' }),
    normalizeCase("Jira's errorMessages", { status: 404, body: { errorMessages: ['Issue does not exist'], errors: {} } }),
    normalizeCase("Shopify's base errors", { status: 422, body: { errors: { base: ['Product has reached its variant limit'] } } }),
    normalizeCase('a bare list of messages', { status: 400, body: ['a', 'b'] }),
    normalizeCase("Okta's error", { status: 429, headers: { 'x-rate-limit-limit': '600', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '1700000060' }, body: { errorCode: 'E0000047', errorSummary: 'Slow down', errorId: 'o1', errorCauses: [] } }, clock),
    normalizeCase("PayPal's details", { status: 400, body: { name: 'INVALID_REQUEST', message: 'Bad', debug_id: 'd1', details: [{ field: '/plan_id', issue: 'MISSING', description: 'Missing' }] } }),
    normalizeCase("Elasticsearch's error", { status: 404, body: { error: { type: 'index_not_found_exception', reason: 'no such index' }, status: 404 } }),
    normalizeCase("Spotify's reason beside a message", { status: 403, body: { error: { status: 403, message: 'Premium required', reason: 'PREMIUM_REQUIRED' } } }),
    normalizeCase("Anthropic's 529", { status: 529, body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' }, request_id: 'req_1' } }),
    normalizeCase("ASP.NET Web API 2's ModelState", { status: 400, body: { Message: 'The request is invalid.', ModelState: { 'product.Name': ['The Name field is required.'] } } }),
    normalizeCase('an Azure Storage XML error', { status: 404, headers: { 'content-type': 'application/xml', 'x-ms-error-code': 'BlobNotFound', 'x-ms-request-id': 'm1' }, body: '<?xml version="1.0"?><Error><Code>BlobNotFound</Code><Message>The specified blob does not exist.</Message></Error>' }),
    normalizeCase('an Azure HEAD error', { status: 404, headers: { 'x-ms-error-code': 'BlobNotFound' } }),
    normalizeCase('an AWS text error named by its header', { status: 400, headers: { 'x-amzn-errortype': 'ThrottlingException', 'content-type': 'text/plain' }, body: 'Rate exceeded' }),
    normalizeCase('a status that is NaN', { status: Number.NaN, body: { message: 'x' } }),
    normalizeCase('a status of 600', { status: 600 }),
    normalizeCase('input that is null', null as unknown as NormalizeInput),
    normalizeCase('malformed JSON on a 200', { status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":' }),
    normalizeCase('bytes', { status: 400, body: encoder.encode('{"message":"from bytes"}') }),
    normalizeCase('options that are empty', { status: 400, body: { message: 'x' } }, {}),
    normalizeCase('a forced dialect', { status: 400, body: { title: 'T', detail: 'D' } }, { dialect: 'problem' }),
    ['detectDialect of a problem', () => detectDialect({ title: 'T', detail: 'D' })],
    ['detectDialect of an empty object', () => detectDialect({})],
    ['detectDialect of text', () => detectDialect('{"result":"success"}', 'text/plain')],
    ['normalizeResponse of JSON', () => normalizeResponse(responses.json)],
    ['normalizeResponse of JSON with empty options', () => normalizeResponse(responses.jsonWithOptions, {})],
    ['normalizeResponse of a problem', () => normalizeResponse(responses.problem)],
    ['normalizeResponse of an Envoy text', () => normalizeResponse(responses.unavailable)],
    ['normalizeResponse over its own cap', () => normalizeResponse(responses.overflow, { maxBodyBytes: 8 })],
    ['normalizeResponse of a 200 that breaks off', () => normalizeResponse(responses.broken)],
    ['normalizeResponse of a 503 that breaks off', () => normalizeResponse(responses.brokenError)],
    ['normalizeResponse of a declared length over the cap', () => normalizeResponse(responses.declaredTooLong, {})],
    ['normalizeResponse of null', () => normalizeResponse(null as unknown as Response)],
  ];
}

/** Each case's output as JSON text, by name. */
async function runCorpus(corpus: readonly (readonly [string, () => unknown])[]): Promise<Record<string, string>> {
  const outputs: Record<string, unknown> = {};
  for (const [name, run] of corpus) outputs[name] = await run();
  return Object.fromEntries(Object.entries(outputs).map(([name, output]) => [name, JSON.stringify(output) ?? 'undefined']));
}

describe('a polluted Object.prototype', () => {
  it('does not change the output of normalize, normalizeResponse or detectDialect on a fixed corpus', async () => {
    const before = snapshotPrototypes();
    const clean = await runCorpus(createCorpus());
    const corpus = createCorpus();
    const polluted = await withPollutedPrototype(() => runCorpus(corpus));
    expect(changedProperties(before)).toEqual([]);
    expect(Object.keys(polluted)).toEqual(Object.keys(clean));
    const differences = Object.keys(clean).filter((name) => polluted[name] !== clean[name]);
    expect(Object.fromEntries(differences.map((name) => [name, { clean: clean[name], polluted: polluted[name] }]))).toEqual({});
  });

  it('gives the same output without pollution twice in a row (the corpus is deterministic)', async () => {
    expect(await runCorpus(createCorpus())).toEqual(await runCorpus(createCorpus()));
  });
});
