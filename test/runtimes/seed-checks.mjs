// Shared by the runtime smoke scripts (smoke.mjs under Node, Bun and Deno; edge-worker.mjs in
// workerd and edge-runtime): plain JavaScript every runtime loads, and no import of faultline, so
// that each script checks the build it was given.

/** Throws with `message` when `condition` fails: the script's failure, with what was seen. */
export function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

/** Seed 001's printed validation example (test/fixtures/problem/001-400-validation.json), as `normalize` takes it. */
export const seedValidationExample = {
  status: 400,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({
    title: 'Bad Request',
    detail: 'Request failed validation',
    errors: [{ title: 'invalid_type', detail: '`body.name` is `undefined`, but `string` is expected.' }],
  }),
};
