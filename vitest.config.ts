import { defineConfig } from 'vitest/config';

// Two environments: Node for the core and servers, happy-dom for what a browser page runs.
// A test file ending in `.dom.test.ts` runs under happy-dom. Each project `extends` the root
// settings: without it an inline project keeps vitest's 5-second `testTimeout`, which a loaded
// CI machine exceeds in the tests that run tsc or a browser.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.dom.test.ts'],
          typecheck: { enabled: false },
        },
      },
      {
        extends: true,
        test: {
          name: 'happy-dom',
          environment: 'happy-dom',
          include: ['test/**/*.dom.test.ts'],
        },
      },
    ],
    testTimeout: 120_000,
    // CI also writes a JSON report, from which .ci/run prints its "N passed, N failed" line.
    reporters: process.env['CI'] ? ['default', ['json', { outputFile: '.vitest/results.json' }]] : ['default'],
  },
});
