// Issue 2: normalize(text) against JSON.parse(text) alone, and against the naive way
// (JSON.parse, then a zod/mini safeParse of a loose error schema), on the seed fixtures.
import * as z from 'zod/mini';
import { normalize } from '../dist/index.js';
import { loadJsonFixtures } from './fixtures.mjs';
import { compare, printRatio } from './measure.mjs';

const looseError = z.union([
  z.looseObject({
    status: z.optional(z.number()),
    title: z.optional(z.string()),
    detail: z.optional(z.string()),
    message: z.optional(z.string()),
    code: z.optional(z.union([z.string(), z.number()])),
    errors: z.optional(z.array(z.unknown())),
  }),
  z.array(z.unknown()),
]);

/**
 * The least a normalizer into DESIGN.md's model could do, for scale: parse, a kind from the status,
 * the first message, a frozen error. No headers, no dialect detection, no issues, no ids. Its ratio
 * to JSON.parse is the floor under issue 2's goal of 1.25.
 */
function leastNormalize({ status, headers, body }) {
  const data = JSON.parse(body);
  const dialect = headers['content-type']?.includes('problem') ? 'problem' : 'plain';
  if (status < 300) return { ok: true, value: { status, data, dialect } };
  const kind = status === 404 ? 'not_found' : status === 429 ? 'rate_limited' : status >= 500 ? 'server' : 'bad_request';
  const message = typeof data?.message === 'string' ? data.message : typeof data?.detail === 'string' ? data.detail : undefined;
  return { ok: false, error: Object.freeze({ kind, status, message, dialect, body: data }) };
}

export function run() {
  const all = loadJsonFixtures();
  const mixed = loadJsonFixtures({ more: true });
  const groups = {
    'all seed fixtures': all,
    [`mixed corpus of every dialect (${mixed.length} bodies)`]: mixed,
    'successes (2xx, ok)': all.filter((fixture) => normalize({ status: fixture.status, headers: fixture.headers, body: fixture.text }).ok),
    'errors': all.filter((fixture) => !normalize({ status: fixture.status, headers: fixture.headers, body: fixture.text }).ok),
  };
  console.log(`\n## normalize (${all.length} JSON fixtures from the five seeds)`);
  for (const [label, fixtures] of Object.entries(groups)) {
    let sink = 0;
    const times = compare({
      'JSON.parse': () => {
        for (const fixture of fixtures) sink += JSON.parse(fixture.text) === null ? 1 : 0;
      },
      normalize: () => {
        for (const fixture of fixtures) sink += normalize({ status: fixture.status, headers: fixture.headers, body: fixture.text }).ok ? 1 : 0;
      },
      least: () => {
        for (const fixture of fixtures) sink += leastNormalize({ status: fixture.status, headers: fixture.headers, body: fixture.text }).ok ? 1 : 0;
      },
      naive: () => {
        for (const fixture of fixtures) sink += looseError.safeParse(JSON.parse(fixture.text)).success ? 1 : 0;
      },
    });
    console.log(`${label}: JSON.parse ${(times['JSON.parse'] / fixtures.length).toFixed(0)} ns/body, normalize ${(times.normalize / fixtures.length).toFixed(0)} ns/body`);
    printRatio(`  normalize / JSON.parse`, times.normalize / times['JSON.parse'], label === 'all seed fixtures' || label.startsWith('mixed') ? 1.25 : undefined);
    printRatio(`  naive / JSON.parse`, times.naive / times['JSON.parse']);
    printRatio(`  least (status, a message, freeze) / JSON.parse`, times.least / times['JSON.parse']);
    printRatio(`  normalize / naive`, times.normalize / times.naive);
    if (sink < 0) console.log(sink); // keeps the work observable
  }
}
