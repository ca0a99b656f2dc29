// The built package as an installed copy is used: `require` and `import` by name, in a fresh
// Node process (Node resolves a package's own name through its `exports`).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (args: string[]): string => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });

const script = `
  const { normalize, isApiError } = faultline;
  const result = normalize({ status: 404, headers: { 'content-type': 'application/problem+json' }, body: '{"title":"Not Found","detail":"No campaign 7"}' });
  console.log(JSON.stringify({ kind: result.error.kind, detail: result.error.detail, guard: isApiError(result.error) }));
`;
const expected = { kind: 'not_found', detail: 'No campaign 7', guard: true };

describe('the built package', () => {
  it('works through require (CommonJS)', () => {
    expect(JSON.parse(run(['-e', `const faultline = require('faultline');${script}`]))).toEqual(expected);
  });

  it('works through import (ES modules)', () => {
    expect(JSON.parse(run(['--input-type=module', '-e', `import * as faultline from 'faultline';${script}`]))).toEqual(expected);
  });
});

describe('package.json', () => {
  it('says sideEffects: false, as DESIGN.md asks: the command is a bin, which no bundler imports', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { sideEffects?: unknown; bin?: unknown; exports: Record<string, unknown> };
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.bin).toEqual({ faultline: './dist/cli.js' });
    expect(Object.keys(manifest.exports).some((path) => path.includes('cli'))).toBe(false);
  });
});

describe('a subpath for a resolver that ignores `exports`', () => {
  // Metro before 0.82, in React Native 0.73–0.78 (package exports off by default), and webpack 4 resolve
  // `faultline/fetch` as a folder: "Unable to resolve module faultline/fetch" without one.
  it.each([
    ['server', 'buildError'],
    ['zod', 'fromZodError'],
    ['fetch', 'createClient'],
    ['i18n', 'createLocalizer'],
  ])('finds faultline/%s through its folder\'s package.json, whose main, module and types are built files', (entry, name) => {
    const manifest = JSON.parse(readFileSync(join(root, entry, 'package.json'), 'utf8')) as Record<string, string>;
    for (const field of ['main', 'module', 'types']) expect(existsSync(join(root, entry, manifest[field]!)), `${entry}/package.json ${field}`).toBe(true);
    // A folder required by path is resolved by its package.json's main, never by `exports`.
    expect(run(['-e', `console.log(typeof require(${JSON.stringify(join(root, entry))}).${name})`]).trim()).toBe('function');
    const files = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] }).files;
    expect(files).toContain(entry);
  });

  it("names for React Native and browsers the ESM build `exports` gives, root and subpaths alike: one copy of the core", () => {
    // Metro 0.82+ reads a subpath folder's package.json as the nearest one, hiding the root's
    // `exports`: `faultline` came through `exports` as ESM and `faultline/fetch` through `main` as
    // CJS, two copies of the core in one app (`unwrap` of one, `ResponseError` of the other).
    const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown> & { exports: Record<string, { import: { default: string } }> };
    expect(rootManifest['react-native']).toBe(rootManifest.exports['.']!.import.default);
    expect(rootManifest['browser']).toBe(rootManifest.exports['.']!.import.default);
    for (const entry of ['server', 'zod', 'fetch', 'i18n']) {
      const manifest = JSON.parse(readFileSync(join(root, entry, 'package.json'), 'utf8')) as Record<string, string>;
      const esm = join(root, 'dist', `${entry}.js`);
      // The lean faultline/i18n, as exports' `browser` condition gives it.
      expect(join(root, entry, manifest['react-native']!), entry).toBe(esm);
      expect(join(root, entry, manifest['browser']!), entry).toBe(esm);
      expect(join(root, entry, manifest['module']!), entry).toBe(esm);
    }
  });
});

describe('the exports map', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  type Conditions = { readonly [condition: string]: string | Conditions };

  /** Every object of conditions under `exports`, each with the path of conditions that leads to it. */
  function* toConditionObjects(value: unknown, where: string): Generator<[string, Conditions]> {
    if (typeof value !== 'object' || value === null) return;
    yield [where, value as Conditions];
    for (const [condition, target] of Object.entries(value)) yield* toConditionObjects(target, `${where} > ${condition}`);
  }

  it('lists `types` first in each object of conditions, and `node` before `import`, `require` and `default`', () => {
    // Node and TypeScript take the first condition that matches, in the object's order.
    const misordered: string[] = [];
    for (const [subpath, conditions] of Object.entries(manifest.exports)) {
      for (const [where, object] of toConditionObjects(conditions, subpath)) {
        const keys = Object.keys(object);
        if (keys.includes('types') && keys[0] !== 'types') misordered.push(`${where}: types is not first`);
        const node = keys.indexOf('node');
        if (node !== -1 && keys.some((key, index) => ['import', 'require', 'default'].includes(key) && index < node)) misordered.push(`${where}: node comes after import, require or default`);
        if (keys.includes('default') && keys.at(-1) !== 'default') misordered.push(`${where}: default is not last`);
      }
    }
    expect(misordered).toEqual([]);
  });

  it("resolves faultline/i18n to the server build under `node` and to the lean build otherwise, `browser` first, both typed by the lean build's declarations", () => {
    const typed = (format: 'import' | 'require', file: string): Conditions => ({ types: format === 'import' ? './dist/i18n.d.ts' : './dist/i18n.d.cts', default: file });
    expect(manifest.exports['./i18n']).toEqual({
      // A resolver that matches both (webpack's electron-renderer target) builds for a page.
      browser: { import: typed('import', './dist/i18n.js'), require: typed('require', './dist/i18n.cjs') },
      node: { import: typed('import', './dist/i18n-node.js'), require: typed('require', './dist/i18n-node.cjs') },
      import: typed('import', './dist/i18n.js'),
      require: typed('require', './dist/i18n.cjs'),
    });
    expect(Object.keys(manifest.exports['./i18n'] as object).slice(0, 2)).toEqual(['browser', 'node']);
    // Only faultline/i18n has a server build.
    expect(Object.entries(manifest.exports).filter(([, conditions]) => JSON.stringify(conditions).includes('"node"')).map(([subpath]) => subpath)).toEqual(['./i18n']);
  });
});
