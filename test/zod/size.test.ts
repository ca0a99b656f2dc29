// zod is an optional peer dependency: the built `faultline/zod` imports it and never bundles it,
// and a bundle that takes only `fromZodError` leaves zod out, as a user's bundler would build it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundle as bundleWith, gzipSize } from '../support/bundle.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = `${root}/dist/zod.js`;

/** Bundles `source` (which imports from the built entry) the way a frontend bundler would. */
const bundle = (source: string): Promise<string> => bundleWith(source, { resolveFaultline: false, mainFields: ['module', 'main'] });

describe('the faultline/zod bundle', () => {
  it('imports zod from its peer in both builds instead of bundling it', () => {
    expect(readFileSync(entry, 'utf8')).toMatch(/^import \* as z from 'zod';$/m);
    expect(readFileSync(`${root}/dist/zod.cjs`, 'utf8')).toMatch(/require\('zod'\)/);
    expect(readFileSync(entry, 'utf8')).not.toContain('$ZodType');
  });

  it('leaves zod out of a bundle that imports only fromZodError', async () => {
    const text = await bundle(`export { fromZodError } from '${entry}';`);
    const size = gzipSize(text);
    console.log(`fromZodError: ${size} bytes gzipped`);
    expect(text).not.toContain('$ZodType');
    expect(text).not.toContain('looseObject');
    // A bundle with zod in it is over 20 KB; fromZodError alone carries the core's error
    // constructor and its reason phrases (2,139 bytes when the registry's phrases were completed;
    // 2,316 with date limits given as ISO dates and keys of digits quoted, `tags["0"]`); raised by
    // 784 (3,106) for an outside audit's fixes: exclusive bounds as exclusiveMinimum/Maximum,
    // literal choices that are booleans, null or bigints, a refinement's params and zod 3's codes
    // under zod 4's names, the issues nested in invalid_key and invalid_element, options.status
    // checked, maxIssues, and hostile input read safely; by 32 (3,141) for a text path refused
    // (TypeBox's `/name`), which put its issue on no field, and toApiError's type checks; by 32
    // (3,169) for an issue's field and path keys cut at 1,024 characters, in createIssue; by 224
    // (3,400) for another audit's: an answer kept under 1 MiB (paths cut at 64 keys, messages at
    // 1,000 characters, longer lists left out of params, no issue listed past 256 KiB), a numeric
    // code kept as text, and zod 3's invalid_date and invalid_union_discriminator under zod 4's names;
    // by 48 (3,446) for a review's fixes: a key cut at 1,024 characters never between the halves of
    // a surrogate pair, and "the first is listed" said in the singular.
    expect(size).toBeLessThanOrEqual(3_456);
  });

  it('brings zod into a bundle that imports a schema', async () => {
    const text = await bundle(`export { problemSchema } from '${entry}';`);
    console.log(`problemSchema with zod: ${gzipSize(text)} bytes gzipped`);
    expect(text).toContain('$ZodType');
    // Only the zod a schema uses: reading `z.looseObject` behind an `in` check made esbuild keep all
    // of zod, 93 KB gzipped (26.7 KB measured without).
    expect(gzipSize(text)).toBeLessThanOrEqual(32_768);
  });
});
