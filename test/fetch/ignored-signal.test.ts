/**
 * RELIABILITY.md "Client": the caller's signal and the time-outs end a call at every stage, even
 * when what the call waits for ignores the signal — a mock `fetch` (msw-like, a test's
 * `new Promise(() => {})`), a polyfill, a body stream that ignores cancel, a hook's response.
 * No server here: the client's own timers are faked (`vi.useFakeTimers`), so that each figure is
 * the delay the code asks for, and no other code's timers are counted as left behind.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, isResponseError, type ApiResult } from '../../src/fetch/index.ts';
import { countListeners } from './signals.ts';

describe('a fetch or a body that ignores the signal (a mock, a polyfill, a hook\'s response) ends at the abort or time-out all the same', () => {
  // Fake timers for the client's own timers (attempt, total, backoff), so that a figure is the
  // delay the code asks for, not a race with a loaded machine's clock; the real setImmediate
  // stays, to let every promise settle between two steps.
  const useClock = (): void => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
  afterEach(() => void vi.useRealTimers());
  /** Lets every pending promise settle: a macrotask runs only once the microtask queue is empty. */
  const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  /** A call's result as soon as it has one, `undefined` while it is pending. */
  function watch<T>(pending: Promise<T>): () => { value?: T; failure?: unknown } | undefined {
    let outcome: { value?: T; failure?: unknown } | undefined;
    pending.then(
      (value) => (outcome = { value }),
      (failure: unknown) => (outcome = { failure }),
    );
    return () => outcome;
  }

  const encoder = new TextEncoder();
  /** The outside tester's body: `{"a":` and then nothing, with no cancel of its own. */
  const hangingStream = (): ReadableStream<Uint8Array> => new ReadableStream({ start: (controller) => controller.enqueue(encoder.encode('{"a":')) });
  const fetches: readonly (readonly [string, () => Promise<Response>])[] = [
    ['a fetch that never answers', () => new Promise<Response>(() => {})],
    ['a fetch whose body never ends and ignores cancel', async () => new Response(hangingStream(), { status: 200, headers: { 'content-type': 'application/json' } })],
    // React Native's fetch and whatwg-fetch give no stream: the body is read by `text()`.
    ['a fetch without body streams whose text() never settles', async () => ({ status: 200, ok: true, url: '', headers: new Headers(), body: undefined, text: () => new Promise<string>(() => {}) }) as unknown as Response],
  ];
  const timeouts = [
    [{ totalTimeoutMs: 250 }, 'The request took longer than its total timeout'],
    [{ timeoutMs: 250 }, 'No response within 250 ms'],
  ] as const;

  for (const [name, fetch] of fetches) {
    for (const [limit, detail] of timeouts) {
      it(`ends ${name} at 250 ms of ${Object.keys(limit)[0]}, not a tick later, as a time-out with no timer left`, async () => {
        useClock();
        const outcome = watch(createClient({ baseUrl: 'https://api.example.com', fetch, retry: 0, ...limit }).get('/x'));
        await vi.advanceTimersByTimeAsync(249);
        await settle();
        expect(outcome()).toBeUndefined();
        await vi.advanceTimersByTimeAsync(1);
        await settle();
        // RELIABILITY.md: a hanging body under a 250 ms total timeout ends within 350 ms.
        expect(outcome()?.value).toMatchObject({ ok: false, error: { kind: 'timeout', detail, retryable: true } });
        expect((outcome()?.value as ApiResult).ok || (outcome()?.value as Extract<ApiResult, { ok: false }>).error.status).toBeUndefined();
        expect(vi.getTimerCount()).toBe(0);
      });
    }

    it(`ends ${name} when the caller aborts, keeping the reason and leaving no listener behind`, async () => {
      useClock();
      const controller = new AbortController();
      const listeners = countListeners(controller.signal);
      const outcome = watch(createClient({ baseUrl: 'https://api.example.com', fetch, totalTimeoutMs: 60_000 }).get('/x', { signal: controller.signal }));
      await vi.advanceTimersByTimeAsync(50);
      await settle();
      expect(outcome()).toBeUndefined();
      controller.abort(new Error('superseded by a newer search'));
      await settle();
      expect(outcome()?.value).toMatchObject({ ok: false, error: { kind: 'aborted', detail: 'The request was aborted: superseded by a newer search', retryable: false } });
      expect(listeners()).toBe(0);
      expect(vi.getTimerCount()).toBe(0);
    });
  }

  it("ends the outside tester's call on the real clock, and a caller's AbortSignal.timeout as the caller's", async () => {
    /** The call's result, or `'pending'` after 2 s: a call that hangs fails here, not at the test's timeout. */
    const within2s = <T>(call: Promise<T>): Promise<T | 'pending'> => Promise.race([call, new Promise<'pending'>((resolve) => setTimeout(resolve, 2_000, 'pending').unref())]);
    const fb = async (): Promise<Response> => new Response(hangingStream(), { status: 200 });
    const start = performance.now();
    const result = await within2s(createClient({ baseUrl: 'https://a.test', fetch: fb, retry: 0, totalTimeoutMs: 250 }).get('/x'));
    const elapsed = performance.now() - start;
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', detail: 'The request took longer than its total timeout' } });
    // The figure is the fake-timer tests' (250 ms, not a tick more); this bound, generous for a
    // loaded machine, only proves that no real timer or stream holds the call.
    expect(elapsed).toBeGreaterThanOrEqual(240);
    expect(elapsed).toBeLessThan(2_000);
    const never = (): Promise<Response> => new Promise(() => {});
    const expired = await within2s(createClient({ baseUrl: 'https://a.test', fetch: never }).get('/x', { signal: AbortSignal.timeout(100) }));
    expect(expired).toMatchObject({ ok: false, error: { kind: 'timeout', detail: "The caller's signal timed out" } });
  });

  it('retries an attempt that timed out while the total time allows, as for a fetch that honours its signal', async () => {
    useClock();
    let calls = 0;
    const fetch = (): Promise<Response> => (++calls === 1 ? new Promise(() => {}) : Promise.resolve(Response.json({ second: true })));
    const outcome = watch(createClient({ baseUrl: 'https://api.example.com', fetch, timeoutMs: 100, wait: () => Promise.resolve() }).get('/x'));
    await vi.advanceTimersByTimeAsync(100);
    await settle();
    expect(outcome()?.value).toMatchObject({ ok: true, value: { data: { second: true } } });
    expect(calls).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('releases what answers late or can be cancelled: a late response is cancelled, a late failure is no unhandled rejection, a stream that honours cancel is cancelled', async () => {
    useClock();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): number => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const cancelled: unknown[] = [];
      const cancellable = (): ReadableStream<Uint8Array> => new ReadableStream({ start: (controller) => controller.enqueue(encoder.encode('{"a":')), cancel: (reason) => void cancelled.push(reason) });
      const late = (answer: () => Promise<Response>) => (): Promise<Response> => new Promise((resolve) => setTimeout(resolve, 1_000)).then(answer);
      const client = (fetch: () => Promise<Response>) => createClient({ baseUrl: 'https://api.example.com', fetch, retry: 0, totalTimeoutMs: 250 });
      const outcomes = [
        watch(client(late(async () => new Response(cancellable()))).get('/late-response')),
        watch(client(late(() => Promise.reject(new TypeError('fetch failed')))).get('/late-failure')),
        // The stream honours cancel, the fetch does not honour the signal: a beforeRequest hook's cached response, a mock.
        watch(client(async () => new Response(cancellable())).get('/cancellable')),
      ];
      await vi.advanceTimersByTimeAsync(250);
      await settle();
      for (const outcome of outcomes) expect(outcome()?.value).toMatchObject({ ok: false, error: { kind: 'timeout' } });
      expect(cancelled).toHaveLength(1);
      expect(cancelled[0]).toMatchObject({ name: 'TimeoutError' });
      await vi.advanceTimersByTimeAsync(1_000);
      await settle();
      await settle();
      expect(cancelled).toHaveLength(2);
      expect(unhandled).toEqual([]);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it("ends a hooked call: a beforeRequest hook's response whose body never ends, and one copied for an afterResponse hook", async () => {
    useClock();
    const answered = createClient({ baseUrl: 'https://api.example.com', timeoutMs: 250, retry: 0, hooks: { beforeRequest: [() => new Response(hangingStream())] } });
    const copied = createClient({ baseUrl: 'https://api.example.com', fetch: async () => new Response(hangingStream()), timeoutMs: 250, retry: 0, hooks: { afterResponse: [() => undefined] } });
    const outcomes = [watch(answered.get('/x')), watch(copied.get('/x'))];
    await vi.advanceTimersByTimeAsync(250);
    await settle();
    for (const outcome of outcomes) expect(outcome()?.value).toMatchObject({ ok: false, error: { kind: 'timeout', detail: 'No response within 250 ms' } });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends a paginate walk and verifyKey, which send through the same attempts, with a thrown time-out', async () => {
    useClock();
    for (const [, fetch] of fetches) {
      const client = createClient({ baseUrl: 'https://api.example.com', fetch, retry: 0, totalTimeoutMs: 250 });
      const walk = watch((async () => {
        for await (const item of client.paginate('/items')) void item;
      })());
      const verified = watch(client.verifyKey());
      await vi.advanceTimersByTimeAsync(250);
      await settle();
      for (const outcome of [walk(), verified()]) {
        const thrown = outcome?.failure;
        expect(isResponseError(thrown) && thrown.error).toMatchObject({ kind: 'timeout', detail: 'The request took longer than its total timeout' });
      }
      expect(vi.getTimerCount()).toBe(0);
    }
  });

  it("ends an error status whose body the caller's abort or the total time-out cut as aborted or timeout, not as the status's kind to retry", async () => {
    useClock();
    const fetch = async (): Promise<Response> => new Response(hangingStream(), { status: 503, headers: { 'content-type': 'application/json' } });
    const controller = new AbortController();
    const aborted = watch(createClient({ baseUrl: 'https://api.example.com', fetch, retry: 0 }).get('/x', { signal: controller.signal }));
    const total = watch(createClient({ baseUrl: 'https://api.example.com', fetch, retry: 0, totalTimeoutMs: 250 }).get('/x'));
    await settle();
    controller.abort('user left');
    await vi.advanceTimersByTimeAsync(250);
    await settle();
    expect(aborted()?.value).toMatchObject({ ok: false, error: { kind: 'aborted', detail: 'The request was aborted: user left', retryable: false } });
    expect(total()?.value).toMatchObject({ ok: false, error: { kind: 'timeout', detail: 'The request took longer than its total timeout' } });
  });

  it('retries a 503 whose body only the attempt time-out cut, as a 503', async () => {
    useClock();
    let calls = 0;
    const fetch = async (): Promise<Response> => (++calls === 1 ? new Response(hangingStream(), { status: 503 }) : new Response('{"id":7}', { status: 200, headers: { 'content-type': 'application/json' } }));
    const outcome = watch(createClient({ baseUrl: 'https://api.example.com', fetch, retry: { limit: 1, delayMs: 10, backoffLimitMs: 10 }, timeoutMs: 250 }).get('/x'));
    await vi.advanceTimersByTimeAsync(300);
    await settle();
    expect(calls).toBe(2);
    expect(outcome()?.value).toMatchObject({ ok: true, value: { data: { id: 7 } } });
  });

  it('sends nothing for a signal aborted before the call, whatever the fetch does with it', async () => {
    let calls = 0;
    const fetch = async (): Promise<Response> => (calls++, new Response('{}'));
    const result = await createClient({ baseUrl: 'https://api.example.com', fetch }).get('/x', { signal: AbortSignal.abort('gone') });
    expect(result).toMatchObject({ ok: false, error: { kind: 'aborted', detail: 'The request was aborted: gone' } });
    expect(calls).toBe(0);
  });

  it('follows no more redirects once the call is aborted, with or without credentials, when the fetch ignores the signal', async () => {
    useClock();
    const sent: string[] = [];
    const fetch = (url: string | URL | Request): Promise<Response> =>
      new Promise((resolve) => setTimeout(() => (sent.push(String(url)), resolve(new Response(null, { status: 302, headers: { location: `/hop${sent.length}` } }))), 50));
    const controller = new AbortController();
    const outcome = watch(createClient({ baseUrl: 'https://api.example.com', fetch, apiKey: 'k', retry: 0 }).get('/x', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(120);
    controller.abort();
    const atAbort = sent.length;
    await vi.advanceTimersByTimeAsync(1_000);
    await settle();
    expect(outcome()?.value).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    // The hop under way when the abort came may still answer; none is sent after it.
    expect(sent.length).toBeLessThanOrEqual(atAbort + 1);
  });

  it("cancels a late response of another realm or polyfill, known by its shape, so that its connection is freed", async () => {
    useClock();
    let cancelled = false;
    const late = { status: 200, ok: true, url: '', headers: new Headers(), body: { cancel: async () => void (cancelled = true), getReader: () => ({}) } };
    const fetch = (): Promise<Response> => new Promise((resolve) => setTimeout(() => resolve(late as unknown as Response), 500));
    const outcome = watch(createClient({ baseUrl: 'https://api.example.com', fetch, retry: 0, timeoutMs: 250 }).get('/x'));
    await vi.advanceTimersByTimeAsync(600);
    await settle();
    expect(outcome()?.value).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(cancelled).toBe(true);
  });
});
