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
};

/** Peer dependencies stay imports; they are never bundled. */
const external = (id) => /^(zod|i18next|ts-pattern)(\/|$)/.test(id) || id.startsWith('node:');

export default [
  {
    input: entries,
    external,
    plugins: [typescript({ tsconfig: './tsconfig.build.json' })],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
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
