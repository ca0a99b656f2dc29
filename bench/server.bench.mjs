// faultline/server: answering with an error through `buildError` + `toResponse`, against the
// problem+json Response a route would write by hand, for the same errors: a 404, a 400 with two
// field issues, a 429 with Retry-After and rate-limit facts, and a 500.
import { buildError, createError, toResponse } from '../dist/server.js';
import { compare, printRatio } from './measure.mjs';

function createErrors() {
  return [
    createError({ kind: 'not_found', detail: 'No campaign cmp_42' }),
    createError({
      status: 400,
      detail: 'Request failed validation',
      issues: [
        { path: ['name'], message: '`body.name` is `undefined`, but `string` is expected.', code: 'invalid_type' },
        { path: ['items', 0, 'quantity'], message: 'must be at least 1', code: 'too_small' },
      ],
    }),
    createError({ kind: 'rate_limited', detail: 'Too many requests hit the API too quickly.', retryAfterMs: 30_000, rateLimit: { limit: 1000, remaining: 0, resetAt: 1_750_000_060_000 } }),
    createError({ kind: 'server' }),
  ];
}

/** The members a hand-written RFC 9457 body carries. */
const toHandWritten = (error) => ({ type: error.type ?? 'about:blank', title: error.title, status: error.status, detail: error.detail });

export function run() {
  const errors = createErrors();
  const handWritten = errors.map(toHandWritten);
  // The same status, headers and body as toResponse sends: what the Response itself costs.
  const prebuilt = errors.map((error) => buildError(error));
  console.log(`\n## faultline/server (${errors.length} errors: 404, 400 with 2 issues, 429 with Retry-After and rate limit, 500)`);
  let sink = 0;
  const times = compare({
    'hand-written Response': () => {
      for (const body of handWritten) {
        sink += new Response(JSON.stringify(body), { status: body.status, headers: { 'content-type': 'application/problem+json' } }).status;
      }
    },
    toResponse: () => {
      for (const error of errors) sink += toResponse(error).status;
    },
    'Response of prebuilt output': () => {
      for (const { status, headers, body } of prebuilt) sink += new Response(body, { status, headers }).status;
    },
    'hand-written JSON.stringify': () => {
      for (const body of handWritten) sink += JSON.stringify(body).length;
    },
    buildError: () => {
      for (const error of errors) sink += buildError(error).body.length;
    },
  });
  const perError = (name) => (times[name] / errors.length).toFixed(0);
  console.log(`hand-written Response ${perError('hand-written Response')} ns/error, toResponse ${perError('toResponse')} ns/error`);
  console.log(`hand-written JSON.stringify ${perError('hand-written JSON.stringify')} ns/error, buildError ${perError('buildError')} ns/error`);
  printRatio('toResponse / hand-written Response', times.toResponse / times['hand-written Response'], 1.3);
  printRatio('buildError / hand-written JSON.stringify', times.buildError / times['hand-written JSON.stringify']);
  // Where the difference lies: the Response of the same output (its extra Retry-After and
  // X-RateLimit-* headers, its errors[]) against the hand-written one, and faultline's own work.
  printRatio('  Response of prebuilt output / hand-written Response', times['Response of prebuilt output'] / times['hand-written Response']);
  printRatio('  toResponse / Response of prebuilt output', times.toResponse / times['Response of prebuilt output']);
  if (sink < 0) console.log(sink); // keeps the work observable
}
