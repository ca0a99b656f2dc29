// Issue 4: `client.get` against raw `fetch`, ky and ofetch, on the same loopback server in a
// separate process, measured in one run (goal: ≥ 0.95× raw fetch's throughput, ahead of ky and
// ofetch); and `client.paginate` over 1,000,000 records against a hand-written loop of fetch +
// JSON.parse over the same pages (goals: heap growth < 16 MB, time ≤ 1.1×).
import { fork } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ky from 'ky';
import { ofetch } from 'ofetch';
import { createClient } from '../dist/fetch.js';
import { printRatio } from './measure.mjs';

/** `global.gc`, or one obtained at run time when node was started without --expose-gc. */
function getGc() {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc');
}

function startServer() {
  const child = fork(new URL('./fetch-server.mjs', import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (message) => resolve({ child, origin: `http://127.0.0.1:${message.port}` }));
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Times each async contender over interleaved rounds of `batch` sequential calls; median ns per call. */
async function compareAsync(contenders, { rounds = 31, batch = 200 } = {}) {
  const entries = Object.entries(contenders);
  for (const [, fn] of entries) for (let i = 0; i < batch; i++) await fn(); // warm-up
  const samples = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    // A different order each round, so that no contender always follows the same one.
    const order = round % 2 === 0 ? entries : [...entries].reverse();
    for (const [name, fn] of order) {
      const start = performance.now();
      for (let i = 0; i < batch; i++) await fn();
      samples[name].push(((performance.now() - start) * 1e6) / batch);
    }
  }
  return Object.fromEntries(entries.map(([name]) => [name, median(samples[name])]));
}

async function benchmarkGet(origin) {
  const url = `${origin}/item`;
  const client = createClient({ baseUrl: origin });
  // ky sets a 10 s timeout by default, and so pays for an AbortSignal on every fetch; the client's
  // default has none (see `timeoutMs`). Both are measured.
  const timed = createClient({ baseUrl: origin, timeoutMs: 10_000 });
  const clientInit = { method: 'GET', headers: { accept: 'application/json, */*;q=0.8' } };
  let sink = 0;
  const times = await compareAsync({
    fetch: async () => {
      const response = await fetch(url);
      sink += (await response.json()).id;
    },
    // What the client asks of fetch: the same request with its default `Accept` header.
    'fetch with the client headers': async () => {
      const response = await fetch(url, clientInit);
      sink += (await response.json()).id;
    },
    'client.get': async () => {
      const result = await client.get('/item');
      if (result.ok) sink += result.value.data.id;
    },
    'client.get (timeoutMs 10 s)': async () => {
      const result = await timed.get('/item');
      if (result.ok) sink += result.value.data.id;
    },
    ky: async () => {
      sink += (await ky.get(url).json()).id;
    },
    ofetch: async () => {
      sink += (await ofetch(url)).id;
    },
  });
  console.log(`\n## client.get throughput (sequential GETs of a small JSON object over loopback)`);
  for (const [name, ns] of Object.entries(times)) console.log(`${name}: ${(ns / 1000).toFixed(1)} µs/request, ${Math.round(1e9 / ns)} requests/s`);
  // Time ratios: lower is faster. Throughput ≥ 0.95× fetch means a time ratio ≤ 1 / 0.95 = 1.05.
  printRatio('client.get / fetch (time)', times['client.get'] / times.fetch, 1.05);
  printRatio('  fetch with the client headers / fetch (time)', times['fetch with the client headers'] / times.fetch);
  printRatio('  client.get / fetch with the client headers (time)', times['client.get'] / times['fetch with the client headers']);
  printRatio('client.get (timeoutMs 10 s) / fetch (time)', times['client.get (timeoutMs 10 s)'] / times.fetch);
  printRatio('ky / fetch (time)', times.ky / times.fetch);
  printRatio('ofetch / fetch (time)', times.ofetch / times.fetch);
  printRatio('client.get / ky (time)', times['client.get'] / times.ky, 1);
  printRatio('client.get / ofetch (time)', times['client.get'] / times.ofetch, 1);
  printRatio('client.get (timeoutMs 10 s) / ky (time)', times['client.get (timeoutMs 10 s)'] / times.ky, 1);
  if (sink < 0) console.log(sink);
}

/** The hand-written loop: fetch each chunk, JSON.parse it, count its records. */
async function handWritten(origin, onPage) {
  let offset = '0';
  let count = 0;
  let pages = 0;
  for (;;) {
    const response = await fetch(`${origin}/records?offset=${offset}`);
    const body = JSON.parse(await response.text());
    for (const record of body.result) count += record.id >= 0 ? 1 : 0;
    onPage?.(++pages);
    if (!body.hasNext) return count;
    offset = body.offset;
  }
}

/**
 * The least an item iterator can be: the hand-written loop's pages handed out one record at a
 * time through `for await`, by the cheapest iterator there is (an array index and an already
 * resolved promise per record), with none of the client's work. What it costs over the loop is
 * the floor of any `for await` over items, the client's included.
 */
async function leastItemIterator(origin) {
  let offset = '0';
  let hasNext = true;
  let records = [];
  let index = 0;
  const iterator = {
    async next() {
      while (index === records.length) {
        if (!hasNext) return { done: true, value: undefined };
        const body = JSON.parse(await (await fetch(`${origin}/records?offset=${offset}`)).text());
        ({ hasNext, offset } = body);
        records = body.result;
        index = 0;
      }
      return { done: false, value: records[index++] };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  let count = 0;
  for await (const record of iterator) count += record.id >= 0 ? 1 : 0;
  return count;
}

async function withClient(origin, onPage, prefetch = false) {
  const client = createClient({ baseUrl: origin });
  let count = 0;
  const records = client.paginate('/records', { prefetch });
  let pages = 0;
  for await (const record of records) {
    count += record.id >= 0 ? 1 : 0;
    if (records.progress.pages !== pages) onPage?.((pages = records.progress.pages));
  }
  return count;
}

/** The same walk a page at a time: no promise per item. */
async function withClientPages(origin) {
  const client = createClient({ baseUrl: origin });
  let count = 0;
  for await (const page of client.paginate('/records').pages()) for (const record of page) count += record.id >= 0 ? 1 : 0;
  return count;
}

async function benchmarkPaginate(origin) {
  const gc = getGc();
  console.log(`\n## client.paginate over 1,000,000 records (1,000 seed 003 chunks of 1,000)`);
  // Warm the server's page cache and the JIT with one walk each.
  await handWritten(origin);
  await withClient(origin);

  // Heap: retained growth, sampled after a full GC at every 100th page and at the end.
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = Number.NEGATIVE_INFINITY;
  const sample = (pages) => {
    if (pages % 100 !== 0) return;
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
  };
  const count = await withClient(origin, sample);
  gc();
  const after = process.memoryUsage().heapUsed - baseline;
  console.log(`records: ${count}; heap growth retained during the walk: peak ${(peak / 1_048_576).toFixed(2)} MB, after ${(after / 1_048_576).toFixed(2)} MB (goal < 16 MB: ${peak < 16 * 1_048_576 ? 'met' : 'NOT met'})`);
  // For scale, without forced collections: the highest heapUsed seen at any page, garbage included.
  gc();
  const start = process.memoryUsage().heapUsed;
  let highest = 0;
  await withClient(origin, () => (highest = Math.max(highest, process.memoryUsage().heapUsed - start)));
  gc();
  const handStart = process.memoryUsage().heapUsed;
  let handHighest = 0;
  await handWritten(origin, () => (handHighest = Math.max(handHighest, process.memoryUsage().heapUsed - handStart)));
  console.log(`heap used above the start at any page, uncollected garbage included: client.paginate ${(highest / 1_048_576).toFixed(2)} MB, hand-written loop ${(handHighest / 1_048_576).toFixed(2)} MB`);

  // Time: interleaved walks, median of each.
  const withPrefetch = (target) => withClient(target, undefined, true);
  const walks = [['hand', handWritten], ['least', leastItemIterator], ['items', withClient], ['pages', withClientPages], ['prefetch', withPrefetch]];
  const samples = { hand: [], least: [], items: [], pages: [], prefetch: [] };
  for (let round = 0; round < 9; round++) {
    for (const [name, walk] of round % 2 === 0 ? walks : [...walks].reverse()) {
      const start = performance.now();
      await walk(origin);
      samples[name].push(performance.now() - start);
    }
  }
  const hand = median(samples.hand);
  const items = median(samples.items);
  const pages = median(samples.pages);
  const prefetch = median(samples.prefetch);
  const least = median(samples.least);
  console.log(
    `per 1,000,000 records: hand-written loop ${hand.toFixed(0)} ms, client.paginate items ${items.toFixed(0)} ms, ` +
      `client.paginate(...).pages() ${pages.toFixed(0)} ms, items with prefetch ${prefetch.toFixed(0)} ms, the least item iterator ${least.toFixed(0)} ms`,
  );
  // `for await` over items pays one promise per item (~100 ns each), which a loop over pages does not.
  printRatio('client.paginate items / hand-written loop (time)', items / hand, 1.1);
  printRatio('client.paginate pages() / hand-written loop (time)', pages / hand, 1.1);
  printRatio('client.paginate items, prefetch: true / hand-written loop (time)', prefetch / hand, 1.1);
  printRatio('  the least item iterator / hand-written loop (time)', least / hand);
  printRatio('  client.paginate items / the least item iterator (time)', items / least);
}

export async function run() {
  const { child, origin } = await startServer();
  try {
    await benchmarkGet(origin);
    await benchmarkPaginate(origin);
  } finally {
    child.kill();
  }
}
