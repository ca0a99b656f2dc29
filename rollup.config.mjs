// Builds every entry point as ESM (.js) and CJS (.cjs), each with its declarations
// (.d.ts for import, .d.cts for require), so that `attw --pack` finds no mismatch.
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

/** One row per `exports` subpath of package.json. */
const entries = {
  index: 'src/index.ts',
  server: 'src/server/index.ts',
  zod: 'src/zod/index.ts',
  fetch: 'src/fetch/index.ts',
  i18n: 'src/i18n/index.ts',
  cli: 'src/cli/index.ts',
};

/**
 * Builds with no declarations of their own: `faultline/i18n` for servers (the `node` condition),
 * typed by the lean build's dist/i18n.d.ts and .d.cts, whose API it has.
 */
const serverEntries = {
  'i18n-node': 'src/i18n/node.ts',
};

/** Peer dependencies stay imports; they are never bundled (nor the CLI's Node built-ins). */
const external = (id) => /^(zod|i18next|ts-pattern)(\/|$)/.test(id) || id.startsWith('node:');

/**
 * locales/*.json as modules, for the server build of faultline/i18n: `export default {…}`, bundled,
 * so that no JSON is imported at run time (Node 20's minors differ on import attributes).
 */
const json = {
  name: 'faultline-json',
  transform(code, id) {
    if (!id.endsWith('.json')) return null;
    // JSON.parse makes a member of "__proto__"; an object literal would set the prototype with it.
    if (code.includes('"__proto__"')) this.error(`${id}: a "__proto__" key cannot be written as an object literal`);
    return { code: `export default ${JSON.stringify(JSON.parse(code))};`, map: { mappings: '' } };
  },
};

/**
 * The localizer (which imports i18next) in a chunk of its own, and the core modules every entry
 * shares (src/*.ts and src/dialects/) in one `core` chunk, so that no shared module lands beside
 * i18next or zod by chance.
 */
const manualChunks = (id) => {
  if (id.includes('/src/i18n/localizer')) return 'i18n-localizer';
  // Shared by the localizer and negotiateLanguage: in the localizer's chunk, it would bring
  // i18next to a bundle that only negotiates.
  if (id.includes('/src/i18n/languages')) return 'languages';
  if (/\/src\/(dialects\/)?[^/]+\.ts$/.test(id) && !id.endsWith('/src/index.ts')) return 'core';
  return undefined;
};

export default [
  {
    input: { ...entries, ...serverEntries },
    external,
    // Peer dependencies are imported for what they export, never for their side effects: no bare
    // `import 'i18next'` is left in an entry that does not use it.
    treeshake: { moduleSideEffects: (_id, isExternal) => !isExternal },
    plugins: [typescript({ tsconfig: './tsconfig.build.json' }), json],
    // The localizer imports i18next, which does not declare itself free of side effects: in a
    // chunk of its own, a bundle that uses only negotiateLanguage or escapeHtml leaves it out.
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', manualChunks, hoistTransitiveImports: false, banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '') },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs', manualChunks, hoistTransitiveImports: false },
    ],
  },
  {
    input: entries,
    external,
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].d.cts', chunkFileNames: 'chunks/[name]-[hash].d.cts' },
    ],
  },
];
