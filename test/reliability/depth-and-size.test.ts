/**
 * RELIABILITY.md "Parsing", last two lines. Depth: a 1,000,000-deep body does not overflow the
 * stack; walks stop at a fixed depth (64). Size: `normalizeResponse` reads at most
 * `maxBodyBytes` (default 1 MiB) plus one chunk, then cancels the stream; a declared
 * `Content-Length` over the cap reads nothing.
 */
import { describe, expect, it } from 'vitest';
import { detectDialect, isApiError, normalize, normalizeResponse, type ApiError, type ApiResult, type ApiSuccess, type Issue, type NormalizeInput } from '../../src/index.ts';

const million = 1_000_000;
const mebibyte = 1_048_576;
const maxWalkDepth = 64;
const timeout = 60_000;

function toError(result: ApiResult): ApiError {
  if (result.ok) throw new Error(`expected an error, got a success with status ${result.value.status}`);
  // No JSON.stringify of a million-deep body in a message.
  if (!isApiError(result.error)) throw new Error('expected a valid ApiError');
  return result.error;
}

function toSuccess(result: ApiResult): ApiSuccess {
  if (!result.ok) throw new Error(`expected a success, got an error of kind ${result.error.kind}: ${result.error.detail ?? ''}`);
  return result.value;
}

const longestPath = (issues: readonly Issue[]): number => issues.reduce((longest, issue) => Math.max(longest, issue.path.length), 0);

/** The depth of a chain of single-element arrays, counted without recursion. */
function arrayDepth(value: unknown): number {
  let depth = 0;
  let current = value;
  while (Array.isArray(current)) {
    depth++;
    current = current[0];
  }
  return depth;
}

describe('a 1,000,000-deep body does not overflow the stack', () => {
  const deepArrayText = '['.repeat(million) + ']'.repeat(million);

  it('reads a million nested arrays as text on a 200 as a success whose data is that array', { timeout }, () => {
    for (const headers of [{}, { 'content-type': 'application/json' }, { 'content-type': 'application/vnd.x+json; charset=utf-8' }]) {
      const value = toSuccess(normalize({ status: 200, headers, body: deepArrayText }));
      expect(arrayDepth(value.data)).toBe(million);
    }
  });

  it('reads a million nested arrays as text or bytes on error statuses as errors of the status', { timeout }, () => {
    const bytes = new TextEncoder().encode(deepArrayText);
    for (const [status, kind] of [
      [400, 'bad_request'],
      [422, 'unprocessable'],
      [500, 'server'],
      [503, 'unavailable'],
    ] as const) {
      const inputs: readonly NormalizeInput[] = [
        { status, body: deepArrayText },
        { status, headers: { 'content-type': 'application/json' }, body: deepArrayText },
        { status, headers: { 'content-type': 'application/problem+json' }, body: bytes },
      ];
      for (const input of inputs) {
        const error = toError(normalize(input));
        expect(error).toMatchObject({ status, kind });
        expect(error.issues.length).toBeLessThanOrEqual(maxWalkDepth);
      }
    }
  });

  it('keeps an error body nested deeper than 1,000 levels as its text, so that the model survives JSON.stringify and structuredClone', { timeout }, async () => {
    for (const depth of [1_001, 5_000, million]) {
      const text = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
      for (const result of [normalize({ status: 400, headers: { 'content-type': 'application/json' }, body: text }), await normalizeResponse(new Response(text, { status: 500 }), { maxBodyBytes: 16 * mebibyte })]) {
        const error = toError(result);
        expect(error.body, String(depth)).toBe(text);
        expect(() => JSON.stringify(result)).not.toThrow();
        expect(structuredClone(result)).toEqual(result);
      }
    }
    // A thousand levels, and strings full of brackets, stay parsed.
    const shallow = '['.repeat(1_000) + JSON.stringify('[[[[{{{{\\"') + ']'.repeat(1_000);
    expect(arrayDepth(toError(normalize({ status: 400, body: shallow })).body)).toBe(1_000);
  });

  it('reads a too-deep error body for the model and keeps its text in place of its members and items\' raw data', () => {
    const deep = '['.repeat(5_000) + ']'.repeat(5_000);
    const plainText = `{"message":"Bad item","hint":{"see":"docs"},"trail":${deep}}`;
    const plain = toError(normalize({ status: 400, headers: { 'content-type': 'application/json' }, body: plainText }));
    expect(plain).toMatchObject({ detail: 'Bad item', extensions: {}, body: plainText });
    const envelopeText = `{"result":"failure","failures":[{"rawData":{"name":""},"errors":[{"message":"Name is required","field":"name"}]},{"rawData":${deep},"errors":[{"message":"Too deep"}]}],"metadata":{"invalidItems":[0,1]}}`;
    const envelope = toError(normalize({ status: 200, body: envelopeText }));
    expect(envelope.failures.map((failure) => failure.rawData)).toEqual([undefined, undefined]);
    expect(envelope.body).toBe(envelopeText);
    expect(envelope.failures[1]!.issues[0]!.message).toBe('Too deep');
    expect(() => structuredClone(envelope)).not.toThrow();
  });

  it('reads a million nested arrays from a Response', { timeout }, async () => {
    const response = new Response(deepArrayText, { status: 200, headers: { 'content-type': 'application/json' } });
    const value = toSuccess(await normalizeResponse(response, { maxBodyBytes: 4 * mebibyte }));
    expect(arrayDepth(value.data)).toBe(million);
    expect(detectDialect(deepArrayText, 'application/json')).toBe('plain');
  });

  it('stops the issue walk of a million nested errors[] objects built in memory at depth 64', { timeout }, () => {
    let body: Record<string, unknown> = { message: 'the innermost problem', field: 'leaf' };
    for (let level = 0; level < million; level++) body = { message: `problem ${level}`, field: 'child', errors: [body] };
    for (const [status, contentType] of [
      [400, 'application/json'],
      [422, 'application/json'],
      [422, 'application/problem+json'],
      [200, 'application/json'],
    ] as const) {
      const result = normalize({ status, headers: { 'content-type': contentType }, body });
      if (status === 200) {
        expect(toSuccess(result).data).toBe(body);
        continue;
      }
      const error = toError(result);
      expect(error.status).toBe(status);
      expect(error.kind).toBe('validation');
      expect(error.issues.length).toBeLessThanOrEqual(maxWalkDepth);
      expect(error.issues.length).toBeGreaterThanOrEqual(maxWalkDepth / 2);
      expect(longestPath(error.issues)).toBeLessThanOrEqual(maxWalkDepth);
    }
  });

  it('reads a million nested errors objects (a field → errors map in each level) without overflow', { timeout }, () => {
    let body: Record<string, unknown> = { name: ['is required'] };
    for (let level = 0; level < million; level++) body = { errors: body };
    const error = toError(normalize({ status: 400, body }));
    expect(error).toMatchObject({ status: 400 });
    expect(['bad_request', 'validation']).toContain(error.kind);
    expect(error.issues.length).toBeLessThanOrEqual(maxWalkDepth);
  });

  it('reads a million nested errors[] objects sent as JSON text', { timeout }, () => {
    const text = '{"message":"outer","errors":['.repeat(million) + '{"message":"inner"}' + ']}'.repeat(million);
    const error = toError(normalize({ status: 422, headers: { 'content-type': 'application/json' }, body: text }));
    expect(error).toMatchObject({ status: 422, kind: 'validation' });
    expect(error.issues.length).toBeLessThanOrEqual(maxWalkDepth);
    expect(error.issues.length).toBeGreaterThanOrEqual(maxWalkDepth / 2);
  });

  it('reads a million-deep chain in every member a dialect reads, without overflow', { timeout }, () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < million; level++) deep = { a: [deep] };
    const inputs: readonly (readonly [string, NormalizeInput, string | undefined])[] = [
      ['HAL _links and _embedded', { status: 200, headers: { 'content-type': 'application/hal+json' }, body: { id: 1, _links: { self: { href: '/a' }, deep }, _embedded: { deep } } }, undefined],
      ['an envelope success', { status: 200, body: { result: 'success', items: deep, metadata: deep } }, undefined],
      ['an envelope failure', { status: 200, body: { result: 'failure', failures: [{ rawData: deep, errors: [{ message: 'x', field: 'a' }, deep] }], metadata: deep } }, 'validation'],
      ['an envelope error', { status: 200, body: { result: 'error', error: { type: 'system', code: 1, message: 'Down', field: 'a', description: deep } } }, 'server'],
      ['a problem', { status: 500, headers: { 'content-type': 'application/problem+json' }, body: { title: 'T', detail: 'D', instance: deep, errors: deep, deep } }, 'server'],
      ['a seed 002 error', { status: 404, body: { status: 404, message: 'No such thing', request_id: deep, deep } }, 'not_found'],
      ['a plain error', { status: 500, body: { code: deep, message: deep, error: deep, errors: [deep], deep } }, 'server'],
      ['a chunk', { status: 200, body: { result: [deep], offset: deep, hasNext: true } }, undefined],
    ];
    for (const [name, input, kind] of inputs) {
      const result = normalize(input);
      if (kind === undefined) expect(result.ok, name).toBe(true);
      else expect(toError(result).kind, name).toBe(kind);
      expect(detectDialect(input.body)).toEqual(expect.any(String));
    }
  });
});

describe('nested problem+json errors stop at depth 64', () => {
  /** A seed 001 problem whose `errors[]` entries nest `depth` levels, each with a pointer one segment longer. */
  function nestedProblemText(depth: number): string {
    const open = (level: number): string => `{"title":"invalid_type","detail":"level ${level}","pointer":"/a","errors":[`;
    let text = '{"type":"https://example.com/probs/validation","title":"Bad Request","detail":"Request failed validation","errors":[';
    for (let level = 0; level < depth; level++) text += open(level);
    text += ']}'.repeat(depth);
    return `${text}]}`;
  }

  it('walks a chain 10,000 deep to no more than 64 levels, without overflow', { timeout }, () => {
    const error = toError(normalize({ status: 400, headers: { 'content-type': 'application/problem+json' }, body: nestedProblemText(10_000) }));
    expect(error).toMatchObject({ status: 400, kind: 'validation', dialect: 'problem', title: 'Bad Request' });
    expect(error.issues.length).toBeLessThanOrEqual(maxWalkDepth);
    expect(error.issues.length).toBeGreaterThanOrEqual(maxWalkDepth / 2);
    expect(longestPath(error.issues)).toBeLessThanOrEqual(maxWalkDepth);
    expect(error.issues[0]).toMatchObject({ path: ['a'], message: 'level 0', code: 'invalid_type' });
  });

  it('walks a chain 1,000,000 deep the same way', { timeout }, () => {
    const error = toError(normalize({ status: 422, headers: { 'content-type': 'application/problem+json' }, body: nestedProblemText(million) }));
    expect(error).toMatchObject({ status: 422, kind: 'validation' });
    expect(error.issues.length).toBeLessThanOrEqual(maxWalkDepth);
    expect(longestPath(error.issues)).toBeLessThanOrEqual(maxWalkDepth);
  });

  it('reads a chain shorter than the limit completely', () => {
    const error = toError(normalize({ status: 400, headers: { 'content-type': 'application/problem+json' }, body: nestedProblemText(maxWalkDepth / 2) }));
    expect(error.issues).toHaveLength(maxWalkDepth / 2);
    expect(error.issues.map((issue) => issue.message)).toEqual(Array.from({ length: maxWalkDepth / 2 }, (_, level) => `level ${level}`));
    expect(longestPath(error.issues)).toBe(maxWalkDepth / 2);
  });

  it('keeps the issue count and every path bounded for a wide and deep tree', () => {
    // Two entries per level, 12 levels: 8,190 entries, all within the depth limit.
    const level = (depth: number): unknown => (depth === 0 ? [] : [0, 1].map((index) => ({ detail: `d${depth}.${index}`, pointer: `/n${index}`, errors: level(depth - 1) })));
    const error = toError(normalize({ status: 400, headers: { 'content-type': 'application/problem+json' }, body: { title: 'Bad', errors: level(12) } }));
    expect(error.issues).toHaveLength(2 ** 13 - 2);
    expect(longestPath(error.issues)).toBe(12);
  });
});

interface StreamStats {
  pulls: number;
  pulledBytes: number;
  cancelled: boolean;
  cancelReason: unknown;
}

interface CountingBody {
  readonly chunkBytes: number;
  /** How many bytes the source holds; generated on demand, never all in memory. @default 1 GiB */
  readonly totalBytes?: number;
  /** Error the stream once this many bytes have been pulled. */
  readonly failAfterBytes?: number;
  readonly fill?: number;
}

/**
 * A Response over a stream that makes its chunks only when pulled and counts them. The
 * high-water mark is 0, so the stream pulls nothing ahead of the reader: every pull is a read.
 */
function createCountingResponse(body: CountingBody, init: ResponseInit): { readonly response: Response; readonly stats: StreamStats } {
  const { chunkBytes, totalBytes = 2 ** 30, failAfterBytes, fill = 0x61 } = body;
  const stats: StreamStats = { pulls: 0, pulledBytes: 0, cancelled: false, cancelReason: undefined };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        stats.pulls++;
        if (failAfterBytes !== undefined && stats.pulledBytes >= failAfterBytes) {
          controller.error(new TypeError('terminated'));
          return;
        }
        if (stats.pulledBytes >= totalBytes) {
          controller.close();
          return;
        }
        const size = Math.min(chunkBytes, totalBytes - stats.pulledBytes);
        stats.pulledBytes += size;
        controller.enqueue(new Uint8Array(size).fill(fill));
      },
      cancel(reason) {
        stats.cancelled = true;
        stats.cancelReason = reason;
      },
    },
    { highWaterMark: 0 },
  );
  return { response: new Response(stream, init), stats };
}

describe('normalizeResponse reads at most maxBodyBytes plus one chunk, then cancels', () => {
  it('reads at most 1 MiB plus one 64 KiB chunk of a 1 GiB 200 body and cancels the rest', { timeout }, async () => {
    const chunkBytes = 65_536;
    const { response, stats } = createCountingResponse({ chunkBytes }, { status: 200, headers: { 'content-type': 'application/json' } });
    const result = await normalizeResponse(response);
    expect(stats.pulledBytes).toBeLessThanOrEqual(mebibyte + chunkBytes);
    expect(stats.pulledBytes).toBeGreaterThan(0);
    expect(stats.cancelled).toBe(true);
    expect(toError(result)).toMatchObject({ kind: 'invalid_response', status: 200 });
  });

  it('reads at most 1 MiB plus one chunk of a 1 GiB 502 HTML page and keeps the error of the status', { timeout }, async () => {
    const chunkBytes = 16_384;
    const { response, stats } = createCountingResponse({ chunkBytes, fill: 0x3c }, { status: 502, headers: { 'content-type': 'text/html' } });
    const error = toError(await normalizeResponse(response));
    expect(stats.pulledBytes).toBeLessThanOrEqual(mebibyte + chunkBytes);
    expect(stats.cancelled).toBe(true);
    expect(error).toMatchObject({ kind: 'unavailable', status: 502, title: 'Bad Gateway' });
  });

  it('reads at most 1 MiB plus one chunk when the chunks are 1 MiB each', { timeout }, async () => {
    const { response, stats } = createCountingResponse({ chunkBytes: mebibyte }, { status: 200 });
    await normalizeResponse(response);
    expect(stats.pulledBytes).toBeLessThanOrEqual(2 * mebibyte);
    expect(stats.cancelled).toBe(true);
  });

  it('honours a smaller maxBodyBytes: at most 1,000 bytes plus one 300-byte chunk', async () => {
    const { response, stats } = createCountingResponse({ chunkBytes: 300 }, { status: 500, headers: { 'content-type': 'application/json' } });
    const error = toError(await normalizeResponse(response, { maxBodyBytes: 1_000 }));
    expect(stats.pulledBytes).toBeLessThanOrEqual(1_300);
    expect(stats.cancelled).toBe(true);
    expect(error).toMatchObject({ kind: 'server', status: 500, title: 'Internal Server Error' });
  });

  it('reads a body of exactly maxBodyBytes whole and does not cancel it', async () => {
    const json = `"${'a'.repeat(998)}"`;
    const response = new Response(json, { status: 200, headers: { 'content-type': 'application/json' } });
    expect(toSuccess(await normalizeResponse(response, { maxBodyBytes: 1_000 })).data).toBe('a'.repeat(998));
    const counted = createCountingResponse({ chunkBytes: 300, totalBytes: 1_000, fill: 0x20 }, { status: 200, headers: { 'content-type': 'text/plain' } });
    const value = toSuccess(await normalizeResponse(counted.response, { maxBodyBytes: 1_000 }));
    expect(counted.stats.pulledBytes).toBe(1_000);
    expect(counted.stats.cancelled).toBe(false);
    expect(value.status).toBe(200);
  });

  it('reads nothing and cancels when the declared Content-Length is over the default cap', async () => {
    const { response, stats } = createCountingResponse({ chunkBytes: 65_536 }, { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(2 ** 30) } });
    const result = await normalizeResponse(response);
    expect(stats.pulls).toBe(0);
    expect(stats.pulledBytes).toBe(0);
    expect(stats.cancelled).toBe(true);
    expect(toError(result)).toMatchObject({ kind: 'invalid_response', status: 200 });
  });

  it('reads nothing and cancels when the declared Content-Length is one byte over maxBodyBytes', async () => {
    const { response, stats } = createCountingResponse({ chunkBytes: 100, totalBytes: 1_001 }, { status: 503, headers: { 'content-length': '1001' } });
    const error = toError(await normalizeResponse(response, { maxBodyBytes: 1_000 }));
    expect(stats.pulls).toBe(0);
    expect(stats.cancelled).toBe(true);
    expect(error).toMatchObject({ kind: 'unavailable', status: 503, title: 'Service Unavailable' });
  });

  it('still stops at the cap when the declared Content-Length is a lie', { timeout }, async () => {
    const chunkBytes = 65_536;
    const { response, stats } = createCountingResponse({ chunkBytes }, { status: 200, headers: { 'content-length': '10' } });
    await normalizeResponse(response);
    expect(stats.pulledBytes).toBeLessThanOrEqual(mebibyte + chunkBytes);
    expect(stats.cancelled).toBe(true);
  });
});

describe('a body that is not read', () => {
  it('says an error body over the cap was not read, rather than leaving the error without a word', async () => {
    const error = toError(await normalizeResponse(new Response('x'.repeat(2_000), { status: 404 }), { maxBodyBytes: 1_000 }));
    expect(error).toMatchObject({ kind: 'not_found', status: 404, title: 'Not Found', detail: 'The body exceeds the limit of 1000 bytes' });
  });

  it('says a body already read was read before, a mistake of the caller and no network failure to retry', async () => {
    const success = new Response('{"id":1}', { status: 200, headers: { 'content-type': 'application/json' } });
    await success.json();
    const detail = 'The body was already read, or is being read: normalize the response before reading it, or a clone of it';
    expect(toError(await normalizeResponse(success))).toMatchObject({ kind: 'invalid_response', status: 200, detail, retryable: false });
    const failure = new Response('{"message":"Gone"}', { status: 404 });
    await failure.text();
    expect(toError(await normalizeResponse(failure))).toMatchObject({ kind: 'not_found', status: 404, detail });
  });

  it('says the same of a body a reader holds, unread: no network failure, the status kept', async () => {
    const detail = 'The body was already read, or is being read: normalize the response before reading it, or a clone of it';
    const success = new Response('{"id":1}', { status: 200 });
    success.body!.getReader();
    expect(toError(await normalizeResponse(success))).toMatchObject({ kind: 'invalid_response', status: 200, detail, retryable: false });
    const failure = new Response('{"message":"Gone"}', { status: 404 });
    failure.body!.getReader();
    expect(toError(await normalizeResponse(failure))).toMatchObject({ kind: 'not_found', status: 404, detail });
  });
});

describe('a body that breaks off mid-stream', () => {
  it('gives kind network on a 200, not a rejection, without the status (DESIGN.md: none for a network failure)', async () => {
    const { response, stats } = createCountingResponse({ chunkBytes: 1_000, failAfterBytes: 3_000 }, { status: 200, headers: { 'content-type': 'application/json' } });
    const result = await normalizeResponse(response);
    expect(stats.pulledBytes).toBe(3_000);
    expect(toError(result)).toMatchObject({ kind: 'network', detail: 'The body broke off before it was complete: terminated', retryable: true });
    expect(toError(result).status).toBeUndefined();
  });

  it("says why with undici's cause (other side closed), and gives no status to a time-out or an abort either", async () => {
    const failing = (failure: unknown): Response => new Response(new ReadableStream({ pull: (controller) => controller.error(failure) }), { status: 200 });
    const reset = toError(await normalizeResponse(failing(new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }))));
    expect(reset).toMatchObject({ kind: 'network', detail: 'The body broke off before it was complete: other side closed' });
    expect(reset.status).toBeUndefined();
    expect(toError(await normalizeResponse(failing('not an error')))).toMatchObject({ kind: 'network', detail: 'The body broke off before it was complete' });
    const late = toError(await normalizeResponse(failing(new DOMException('The operation timed out', 'TimeoutError'))));
    expect(late).toMatchObject({ kind: 'timeout', detail: 'The operation timed out' });
    expect(late.status).toBeUndefined();
    const hostile = new Error('terminated');
    Object.defineProperty(hostile, 'cause', { get: () => { throw new Error('trap'); } });
    expect(toError(await normalizeResponse(failing(hostile)))).toMatchObject({ kind: 'network', detail: 'The body broke off before it was complete: terminated' });
    // A stream of the caller's that fails with a Proxy whose every trap throws: still a result.
    const traps = Object.fromEntries(['get', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'has', 'ownKeys'].map((trap) => [trap, () => { throw new Error(`hostile ${trap}`); }]));
    expect(toError(await normalizeResponse(failing(new Proxy({}, traps))))).toMatchObject({ kind: 'network', detail: 'The body broke off before it was complete' });
    // Messages that are no text: a Symbol, an object that cannot become one.
    const odd = [Symbol('x'), Object.create(null) as object, { toString: (): never => { throw new Error('trap'); } }];
    for (const message of odd) {
      const failure = Object.defineProperty(new TypeError('x'), 'message', { value: message });
      expect(toError(await normalizeResponse(failing(failure)))).toMatchObject({ kind: 'network', detail: 'The body broke off before it was complete' });
      const caused = new TypeError('terminated', { cause: Object.defineProperty(new Error('x'), 'message', { value: message }) });
      expect(toError(await normalizeResponse(failing(caused)))).toMatchObject({ kind: 'network', detail: 'The body broke off before it was complete: terminated' });
    }
  });

  it('keeps kind unavailable on a 503, saying that its body broke off', async () => {
    const { response } = createCountingResponse({ chunkBytes: 1_000, failAfterBytes: 2_000, fill: 0x3c }, { status: 503, headers: { 'content-type': 'text/html' } });
    const error = toError(await normalizeResponse(response));
    expect(error).toMatchObject({ kind: 'unavailable', status: 503, title: 'Service Unavailable', detail: 'The body broke off before it was complete: terminated' });
  });

  it('gives kind network when the very first read fails', async () => {
    const { response } = createCountingResponse({ chunkBytes: 1_000, failAfterBytes: 0 }, { status: 201 });
    expect(toError(await normalizeResponse(response)).kind).toBe('network');
  });
});
