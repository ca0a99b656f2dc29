import { defineConfig } from 'vitest/config';

// Three projects: Node for the core and servers; happy-dom for what a browser page runs (a test
// file ending in `.dom.test.ts`); and Node with `zod` resolved to zod 3, the `zod3` devDependency
// (a file ending in `.zod3.test.ts`), so that faultline/zod's own `import * as z from 'zod'`, in
// src/ and in the ESM build alike, gets zod 3, as in a project that has zod 3. Each project `extends` the root
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
          exclude: ['test/**/*.dom.test.ts', 'test/**/*.zod3.test.ts'],
          typecheck: { enabled: false },
        },
      },
      {
        extends: true,
        resolve: { alias: [{ find: /^zod$/, replacement: 'zod3' }] },
        test: {
          name: 'zod3',
          environment: 'node',
          include: ['test/**/*.zod3.test.ts'],
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
