/**
 * The published declarations work with or without the DOM lib: test/declarations/consumer is a
 * project that imports the BUILT package by name (Node resolves it through its own `exports`, the
 * `.d.ts` files for `import`, the `.d.cts` ones for `require`), type-checked by `tsc` with
 * `skipLibCheck: false` — so that a name only lib.dom declares (`HeadersInit`, `BodyInit`) is an
 * error, not a silent `any` — once per configuration: Node alone (`lib: ["es2022"]`,
 * `types: ["node"]`), a browser (`lib: ["es2022", "dom"]`), and both. Its `@ts-expect-error`
 * lines prove that invalid headers and bodies are refused. Run `npm run build` first (`npm test` does).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const consumer = fileURLToPath(new URL('./consumer', import.meta.url));
// One `tsc` takes 3–4 s of CPU (@types/node is large), more on a busy machine.
const timeoutMs = 120_000;

describe('the published declarations', () => {
  it('are built', () => {
    for (const file of ['dist/index.d.ts', 'dist/index.d.cts', 'dist/server.d.ts', 'dist/fetch.d.ts', 'dist/fetch.d.cts']) {
      expect(existsSync(join(root, file)), `${file} is missing: run npm run build`).toBe(true);
    }
  });

  it.each([
    ['Node alone, without the DOM lib', 'tsconfig.node.json'],
    ['a browser, with the DOM lib and no @types/node', 'tsconfig.dom.json'],
    ['the DOM lib and @types/node together', 'tsconfig.both.json'],
    ['strict: false, where a union narrows on `!result.ok` only when each branch declares the other member', 'tsconfig.loose.json'],
  ])('type-check a consumer under %s, and refuse its invalid headers and bodies', (_name, config) => {
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--pretty', 'false', '-p', join(consumer, config)], { cwd: root, encoding: 'utf8', timeout: timeoutMs });
    expect(tsc.error).toBeUndefined();
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, timeoutMs);
});
