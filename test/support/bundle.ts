// The esbuild bundling the size tests share: a source bundled as a user's bundler would
// (esbuild, minified, tree-shaken, ESM) from the built package, and its gzipped size.
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** The repository root, with a trailing slash. */
const root: string = fileURLToPath(new URL('../..', import.meta.url));

/** Resolves `faultline` and `faultline/<entry>` to dist/<entry>.js, as the `import` condition of `exports` does. */
const builtPackage: Plugin = {
  name: 'faultline-dist',
  setup(build) {
    build.onResolve({ filter: /^faultline(\/[a-z0-9-]+)?$/ }, ({ path }) => ({ path: join(root, 'dist', `${path.split('/')[1] ?? 'index'}.js`) }));
  },
};

/** How to bundle: what each size test asks of esbuild beyond the shared settings. */
export interface BundleOptions {
  /** Resolve `faultline` and its subpaths to the built files in dist/ (default true). */
  readonly resolveFaultline?: boolean;
  /** esbuild's `mainFields`, for packages resolved from node_modules (esbuild's default when absent). */
  readonly mainFields?: readonly string[];
  /** Imports left out of the bundle (none when absent). */
  readonly external?: readonly string[];
}

/** Bundles `source` (resolved from the repository root) minified as ESM for a neutral platform, and returns its text. */
export async function bundle(source: string, options: BundleOptions = {}): Promise<string> {
  const settings: BuildOptions = {
    stdin: { contents: source, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    logLevel: 'silent',
    platform: 'neutral',
  };
  if (options.resolveFaultline ?? true) settings.plugins = [builtPackage];
  if (options.mainFields !== undefined) settings.mainFields = [...options.mainFields];
  if (options.external !== undefined) settings.external = [...options.external];
  const result = await build({ ...settings, write: false });
  return result.outputFiles[0]!.text;
}

/** The size of `text` gzipped at level 9, in bytes. */
export const gzipSize = (text: string | Uint8Array): number => gzipSync(text, { level: 9 }).length;
