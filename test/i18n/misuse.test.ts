/**
 * Misuse of faultline/i18n from JavaScript, where the types do not stop it: a TypeError that names
 * the argument, rather than one from deep inside ("Cannot read properties of null").
 */
import { describe, expect, it } from 'vitest';
import { createLocalizer, localize, negotiateLanguage } from '../../src/i18n/index.ts';
import type { ApiError } from '../../src/index.ts';
import { createError } from '../../src/server/index.ts';

describe('a TypeError that names the argument', () => {
  const localizer = createLocalizer();
  const error = createError({ status: 429, retryAfterMs: 1_000 });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['an Error', new Error('x')],
    ['a string', 'Too Many Requests'],
    ['an object without issues', { kind: 'unknown', title: 'x' }],
  ])('for %s where an error belongs', (_, value) => {
    const wrong = value as ApiError;
    expect(() => localizer.localize(wrong, 'de')).toThrow(new TypeError('error must be an ApiError'));
    expect(() => localize(wrong, 'de')).toThrow(new TypeError('error must be an ApiError'));
    expect(() => localizer.describe(wrong, 'de')).toThrow(new TypeError('error must be an ApiError'));
    expect(() => localizer.retryAdvice(wrong, 'de')).toThrow(new TypeError('error must be an ApiError'));
  });

  it.each<[string, unknown]>([
    ['a number', 42],
    ['null', null],
    ['an array', ['de']],
  ])('for %s where a language belongs', (_, value) => {
    const wrong = value as string;
    expect(() => localizer.localize(error, wrong)).toThrow(new TypeError('language must be a string'));
    expect(() => localizer.describe(error, wrong)).toThrow(new TypeError('language must be a string'));
    expect(() => localizer.retryAdvice(error, wrong)).toThrow(new TypeError('language must be a string'));
    // `language: null` is no language given, as for any option read with `??`.
    if (value !== null) expect(() => createLocalizer({ language: wrong })).toThrow(new TypeError('options.language must be a string'));
  });

  it("for negotiateLanguage's supported list or default language of the wrong type", () => {
    expect(() => negotiateLanguage('de', 'de' as unknown as string[])).toThrow(new TypeError('supported must be an array of strings'));
    expect(() => negotiateLanguage(null, null as unknown as string[])).toThrow(new TypeError('supported must be an array of strings'));
    expect(() => negotiateLanguage('ja', ['de'], 42 as unknown as string)).toThrow(new TypeError('defaultLanguage must be a string'));
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['an array', ['de']],
  ])('for %s among the supported languages', (_, value) => {
    const supported = ['de', value] as string[];
    // Every language was read with toLowerCase(), or none when the header gave no preference.
    expect(() => negotiateLanguage('fr', supported)).toThrow(new TypeError('supported must be an array of strings'));
    expect(() => negotiateLanguage('de', supported)).toThrow(new TypeError('supported must be an array of strings'));
    expect(() => negotiateLanguage(null, supported)).toThrow(new TypeError('supported must be an array of strings'));
  });

  it('for a hole in a sparse list of supported languages', () => {
    // eslint-disable-next-line no-sparse-arrays -- the hole is the case
    const sparse = ['de', , 'fr'] as string[];
    expect(() => negotiateLanguage('fr', sparse)).toThrow(new TypeError('supported must be an array of strings'));
  });

  it('and none for what the types allow', () => {
    expect(localizer.localize(error).title).toBe('Too Many Requests');
    expect(negotiateLanguage(undefined, undefined, undefined)).toBe('en');
    expect(negotiateLanguage('de', ['de'])).toBe('de');
  });
});
