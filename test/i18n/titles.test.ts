/**
 * The title of an error localized more than once: the title faultline wrote is recognised as its
 * own in any language it has texts for, so the last language asked for is the one shown.
 */
import { describe, expect, it } from 'vitest';
import { createLocalizer } from '../../src/i18n/index.ts';
import { errorKinds, normalize, type ApiError } from '../../src/index.ts';
import { createError } from '../../src/server/index.ts';
import { readLocale } from './locale-files.ts';

const localizer = createLocalizer({ resources: { en: readLocale('en'), de: readLocale('de'), fr: readLocale('fr') } });

/** The title shown after localizing `error` to each language in turn. */
const titleAfter = (error: ApiError, ...languages: string[]): string => languages.reduce((localized, language) => localizer.localize(localized, language), error).title;

describe('a title localized twice', () => {
  it("of a seed 004 validation error sent with 200 is German after English ('Validation Failed' → 'Invalid input' → German)", () => {
    const result = normalize({ status: 200, body: { result: 'error', error: { type: 'validation', code: 1, message: 'bad' } } });
    if (result.ok) throw new Error('an envelope error was read as a success');
    expect(titleAfter(result.error, 'en', 'de')).toBe(titleAfter(result.error, 'de'));
    expect(titleAfter(result.error, 'de')).not.toBe(titleAfter(result.error, 'en'));
  });

  it.each(errorKinds)('of kind %s is in the last language asked for', (kind) => {
    const error = createError({ kind });
    expect(titleAfter(error, 'en', 'de')).toBe(titleAfter(error, 'de'));
    expect(titleAfter(error, 'de', 'fr')).toBe(titleAfter(error, 'fr'));
    expect(titleAfter(error, 'fr', 'de', 'en')).toBe(titleAfter(error, 'en'));
  });

  it("of a server's own stays as the server wrote it", () => {
    const error = createError({ status: 429, title: 'Slow down, friend' });
    expect(titleAfter(error, 'en', 'de', 'fr')).toBe('Slow down, friend');
  });

  it('is in the language of the leading subtags of a 300 KB language tag', () => {
    // A language from the request (a `?lang=` parameter) is untrusted: its lookup chain, cut by a
    // regex that searched the whole rest of the tag once per subtag, took minutes.
    const error = createError({ kind: 'rate_limited' });
    expect(titleAfter(error, `de${'-a'.repeat(150_000)}`)).toBe(titleAfter(error, 'de'));
  });
});
