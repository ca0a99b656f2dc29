/**
 * The server build of faultline/i18n (dist/i18n-node.js and .cjs): what Node, Deno and Bun
 * resolve through the `node` condition of package.json `exports`, with every language of
 * `locales/` in it, so that `localize(error, 'de')` is German with no set-up. Everything else —
 * browsers, bundlers for the web, edge runtimes, React Native — keeps the lean build, which holds
 * only the languages it is given. The built package is resolved by its name in fresh Node
 * processes (Node resolves a package's own name through its `exports`), as an application's is.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { createInstance } from 'i18next';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { bundledLocales } from '../../src/i18n/bundled-locales.ts';
import * as leanBuild from '../../src/i18n/index.ts';
import * as serverBuild from '../../src/i18n/node.ts';
import { createError } from '../../src/server/index.ts';
import { readLocale, readText, root } from './locale-files.ts';

/** The tags of every `locales/<tag>.json`, sorted. */
const localeTags = readdirSync(join(root, 'locales'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.slice(0, -'.json'.length))
  .sort();

const de = readLocale('de');
const german = (key: string): string => readText(de, 'de', key);

/** Runs `source` in a fresh Node process from the repository root, as an ES module or a CommonJS script, and returns what it printed as JSON. */
function runNode(type: 'module' | 'commonjs', source: string): unknown {
  return JSON.parse(execFileSync(process.execPath, [`--input-type=${type}`, '-e', source], { cwd: root, encoding: 'utf8' }));
}

/** The imports of each kind of script: faultline/i18n and faultline/server by name. */
const imports = {
  module: "import * as i18n from 'faultline/i18n'; import { createError } from 'faultline/server';",
  commonjs: "const i18n = require('faultline/i18n'); const { createError } = require('faultline/server');",
} as const;

describe('faultline/i18n resolved by name under Node', () => {
  it('is the server build, through import and through require', () => {
    expect(runNode('module', "console.log(JSON.stringify(import.meta.resolve('faultline/i18n')))")).toMatch(/\/dist\/i18n-node\.js$/);
    expect(runNode('commonjs', "console.log(JSON.stringify(require.resolve('faultline/i18n')))")).toMatch(/\/dist\/i18n-node\.cjs$/);
  });

  it.each(['module', 'commonjs'] as const)('localizes to German with no set-up (%s)', (type) => {
    const result = runNode(
      type,
      `${imports[type]}
      const error = createError({ kind: 'not_found' });
      const limited = createError({ kind: 'rate_limited', retryAfterMs: 5000 });
      console.log(JSON.stringify({
        localize: i18n.localize(error, 'de').title,
        createLocalizer: i18n.createLocalizer().localize(error, 'de').title,
        language: i18n.createLocalizer({ language: 'de' }).localize(error).title,
        retryAdvice: i18n.createLocalizer().retryAdvice(limited, 'de'),
        variant: i18n.localize(error, 'de-CH').title,
        czech: i18n.localize(error, 'cs').title,
      }));`,
    );
    expect(result).toEqual({
      localize: german('status.404'),
      createLocalizer: german('status.404'),
      language: german('status.404'),
      retryAdvice: german('retry.in_seconds_other').replace('{{count}}', '5'),
      variant: german('status.404'),
      czech: readText(readLocale('cs'), 'cs', 'status.404'),
    });
  });

  it.each(['module', 'commonjs'] as const)("lets an application's addLocale replace faultline's texts, before the first use or after it (%s)", (type) => {
    const result = runNode(
      type,
      `${imports[type]}
      const notFound = createError({ kind: 'not_found' });
      const tooMany = createError({ kind: 'rate_limited' });
      i18n.addLocale('de', { status: { 404: 'Nicht da' } });
      const before = [i18n.localize(notFound, 'de').title, i18n.localize(tooMany, 'de').title];
      i18n.addLocale('de', { status: { 429: 'Langsam' } });
      const after = [i18n.localize(notFound, 'de').title, i18n.localize(tooMany, 'de').title];
      console.log(JSON.stringify({ before, after }));`,
    );
    // The texts given win key by key; the others stay faultline's (i18next's deep merge, as addLocale always did).
    expect(result).toEqual({ before: ['Nicht da', german('status.429')], after: ['Nicht da', 'Langsam'] });
  });
});

describe('the lean build, dist/i18n.js and .cjs imported by path', () => {
  it.each([
    ['module', "import * as i18n from './dist/i18n.js'; import { createError } from './dist/server.js';"],
    ['commonjs', "const i18n = require('./dist/i18n.cjs'); const { createError } = require('./dist/server.cjs');"],
  ] as const)('holds only the languages it is given (%s)', (type, header) => {
    const result = runNode(
      type,
      `${header}
      const { readFileSync } = ${type === 'module' ? 'await import' : 'require'}('node:fs');
      const load = (tag) => JSON.parse(readFileSync('locales/' + tag + '.json', 'utf8'));
      const error = createError({ kind: 'not_found' });
      const before = i18n.localize(error, 'de').title;
      const languages = Object.keys(i18n.createLocalizer().i18n.store.data);
      i18n.addLocale('en', load('en'));
      i18n.addLocale('de', load('de'));
      console.log(JSON.stringify({ before, languages, after: i18n.localize(error, 'de').title }));`,
    );
    expect(result).toEqual({ before: 'Not Found', languages: [], after: german('status.404') });
  });
});

describe('which build a resolver picks', () => {
  /** The i18n files of dist/ that esbuild bundles for `faultline/i18n`, resolved by name through `exports`. */
  async function resolveWith(platform: 'browser' | 'neutral' | 'node', conditions: string[]): Promise<string[]> {
    const { metafile } = await build({
      stdin: { contents: "export * from 'faultline/i18n';", resolveDir: root, loader: 'js' },
      bundle: true,
      write: false,
      format: 'esm',
      platform,
      conditions,
      mainFields: ['module', 'main'],
      external: ['i18next'],
      logLevel: 'silent',
      metafile: true,
    });
    return Object.keys(metafile.inputs).filter((path) => /^dist\/i18n/.test(path));
  }

  it.each<[string, 'browser' | 'neutral', string[]]>([
    ['a browser bundle', 'browser', []],
    ['a neutral bundle (the size test)', 'neutral', []],
    ["workerd's (wrangler's conditions)", 'neutral', ['workerd', 'worker', 'browser']],
    ["Vercel's edge runtime", 'neutral', ['edge-light', 'worker', 'browser']],
    ['React Native (Metro)', 'neutral', ['react-native']],
  ])('keeps the lean build for %s', async (_name, platform, conditions) => {
    expect(await resolveWith(platform, conditions)).toEqual(['dist/i18n.js']);
  });

  it('takes the server build for a bundle for Node (esbuild --platform=node)', async () => {
    expect(await resolveWith('node', [])).toEqual(['dist/i18n-node.js']);
  });

  it("finds the lean build through the i18n/ folder's package.json, for resolvers that read no `exports`", () => {
    const manifest = JSON.parse(readFileSync(join(root, 'i18n', 'package.json'), 'utf8')) as Record<string, string>;
    expect([manifest['main'], manifest['module'], manifest['types']]).toEqual(['../dist/i18n.cjs', '../dist/i18n.js', '../dist/i18n.d.cts']);
  });
});

describe('createLocalizer of the server build', () => {
  const notFound = createError({ kind: 'not_found' });

  it('holds every language of locales/ with no options, or with only a language', () => {
    for (const localizer of [serverBuild.createLocalizer(), serverBuild.createLocalizer({ language: 'de' })]) {
      expect(Object.keys(localizer.i18n.store.data).sort()).toEqual(localeTags);
      for (const tag of localeTags) expect(localizer.i18n.getResourceBundle(tag, 'faultline'), tag).toEqual(readLocale(tag));
    }
    expect(serverBuild.createLocalizer({ language: 'de' }).localize(notFound).title).toBe(german('status.404'));
  });

  it("keeps exactly the caller's resources, adding none of faultline's", () => {
    const en = readLocale('en');
    const localizer = serverBuild.createLocalizer({ resources: { en } });
    expect(Object.keys(localizer.i18n.store.data)).toEqual(['en']);
    expect(localizer.localize(notFound, 'de').title).toBe('Not Found');
    expect(Object.keys(serverBuild.createLocalizer({ resources: {} }).i18n.store.data)).toEqual([]);
  });

  it("adds every language to an application's instance under its namespace, beside the application's own texts and never over them", async () => {
    const application = createInstance();
    await application.init({ lng: 'en', resources: { de: { faultline: { status: { 404: 'Nicht vorhanden' } }, translation: { greeting: 'Hallo' } } } });
    const localizer = serverBuild.createLocalizer({ i18n: application });
    expect(localizer.i18n).toBe(application);
    for (const tag of localeTags) expect(application.hasResourceBundle(tag, 'faultline'), tag).toBe(true);
    expect(application.getResourceBundle('de', 'translation')).toEqual({ greeting: 'Hallo' });
    expect(localizer.localize(notFound, 'de').title).toBe('Nicht vorhanden');
    expect(localizer.localize(createError({ kind: 'rate_limited' }), 'de').title).toBe(german('status.429'));
  });

  it("adds only the caller's resources to an application's instance when it gives some", async () => {
    const application = createInstance();
    await application.init({ lng: 'en', resources: {} });
    serverBuild.createLocalizer({ i18n: application, resources: { en: readLocale('en') } });
    expect(Object.keys(application.store.data)).toEqual(['en']);
  });

  it("lets a localizer's addLocale replace faultline's texts for that language", () => {
    const localizer = serverBuild.createLocalizer();
    localizer.addLocale('de', { status: { 404: 'Nicht da' } });
    expect(localizer.localize(notFound, 'de').title).toBe('Nicht da');
    expect(localizer.localize(createError({ kind: 'rate_limited' }), 'de').title).toBe(german('status.429'));
    // Another localizer's texts are its own: faultline's bundled texts were copied, not shared.
    expect(serverBuild.createLocalizer().localize(notFound, 'de').title).toBe(german('status.404'));
  });

  it('gives i18next a copy of each bundled language, never the objects every localizer shares', async () => {
    // i18next 23.0 (in the peer range) merges the objects it is given by reference, unlike 26: a
    // localizer's addLocale then changed every other's texts. Its instance sees what was handed over.
    const application = createInstance();
    await application.init({ lng: 'en', resources: {} });
    const given: unknown[] = [];
    const add = application.addResourceBundle.bind(application);
    application.addResourceBundle = (language: string, namespace: string, texts: unknown, ...rest: [boolean?, boolean?]) => {
      given.push(texts);
      return add(language, namespace, texts, ...rest);
    };
    serverBuild.createLocalizer({ i18n: application });
    expect(given).toHaveLength(localeTags.length);
    for (const texts of given) expect(Object.values(bundledLocales)).not.toContain(texts);
    expect(given).toEqual(Object.values(bundledLocales));
  });
});

describe('the shared localizer of the server build', () => {
  it('is one in a process that loads both the ESM and the CJS build: addLocale of one is localize of the other', () => {
    const script = `
      const esm = await import(${JSON.stringify(join(root, 'dist', 'i18n-node.js'))});
      const cjs = (await import('node:module')).createRequire(import.meta.url)(${JSON.stringify(join(root, 'dist', 'i18n-node.cjs'))});
      const { createError } = await import(${JSON.stringify(join(root, 'dist', 'server.js'))});
      esm.addLocale('de', { status: { 404: 'Gibt es nicht' } });
      console.log(JSON.stringify([esm.localize(createError({ kind: 'not_found' }), 'de').title, cjs.localize(createError({ kind: 'not_found' }), 'de').title]));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual(['Gibt es nicht', 'Gibt es nicht']);
  });

  it('is shared only by copies of the same version: another version of faultline has texts of its own', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const script = `
      const esm = await import(${JSON.stringify(join(root, 'dist', 'i18n-node.js'))});
      const { createError } = await import(${JSON.stringify(join(root, 'dist', 'server.js'))});
      esm.localize(createError({ kind: 'not_found' }), 'de');
      console.log(JSON.stringify(Object.getOwnPropertySymbols(globalThis).map((symbol) => Symbol.keyFor(symbol)).filter((key) => key && key.startsWith('faultline.i18n'))));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([`faultline.i18n.shared-localizer@${version}`]);
  });
});

describe('the server build', () => {
  it('bundles every file of locales/, as it is', () => {
    expect(Object.keys(bundledLocales).sort()).toEqual(localeTags);
    for (const tag of localeTags) expect(bundledLocales[tag], tag).toEqual(readLocale(tag));
  });

  it('has the declarations of the lean build, which both builds are typed by', () => {
    expectTypeOf(serverBuild).toEqualTypeOf(leanBuild);
    expect(Object.keys(serverBuild).sort()).toEqual(Object.keys(leanBuild).sort());
  });
});
