// Issue 4: `createClient` with `normalize`, bundled as a user's bundler would (esbuild, minified,
// tree-shaken) from the built package, gzipped. Run `npm run build` first: this reads dist/.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    // The subpath as package.json exports it; the core through the package itself.
    alias: { 'faultline/fetch': './dist/fetch.js', faultline: root },
    platform: 'neutral',
    mainFields: ['module', 'main'],
  });
  return result.outputFiles[0]!.text;
}

const gzipSize = (text: string): number => gzipSync(text, { level: 9 }).length;

describe('faultline/fetch bundle size', () => {
  it('keeps `createClient` with `normalize` within its ceiling', async () => {
    const size = gzipSize(await bundle("export { createClient } from 'faultline/fetch';"));
    // Issue 4 asks for ≤ 5,064 bytes (ky's size). Not reached: `normalize` alone bundles to about
    // 5,400 bytes (test/size.test.ts), so no client on top of it can meet that goal. This ceiling
    // is the size measured when the client was written (9,994, with pagination's prefetch) plus 64
    // bytes, so that growth fails the test while the gap is worked on.
    const goal = 5_064;
    const ceiling = 10_058;
    console.log(`createClient + normalize: ${size} bytes gzipped (goal ≤ ${goal}, ceiling ${ceiling}); for scale: ky 5,064, ofetch 4,026`);
    expect(size).toBeLessThanOrEqual(ceiling);
  });

  it('bundles a client that imports no node: module and no schema library', async () => {
    const text = await bundle("export * from 'faultline/fetch';");
    expect(text).not.toMatch(/from\s*["'](node:|zod|valibot|arktype|i18next|ts-pattern)/);
    expect(text).not.toMatch(/require\(/);
  });
});
