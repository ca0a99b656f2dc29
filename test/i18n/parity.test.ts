/**
 * RELIABILITY.md "Rendering (i18n)": every language file has every key (a parity test); a
 * missing key falls back to English. The languages are seed 003's 15 and its 6 country
 * variants; a variant holds only what differs from its language.
 */
import { describe, expect, it } from 'vitest';
import { createLocalizer, supportedLanguages } from '../../src/i18n/index.ts';
import { normalize, toReasonPhrase } from '../../src/index.ts';
import { createError } from '../../src/server/index.ts';
import {
  flatten,
  hasLocale,
  readExistingLocales,
  readLocale,
  readLocaleText,
  readText,
  seedLanguages,
  seedTags,
  seedVariants,
  toBaseLanguage,
  toEnglishCounterpart,
  toKeyShape,
  toLanguageCategories,
  toPlaceholders,
  toPluralParts,
  type LocaleJson,
} from './locale-files.ts';

const english = flatten(readLocale('en'));
const englishShape = toKeyShape(english.keys());

/** Keys of a language missing against en.json, plural groups by base name. */
function toMissingKeys(tag: string): string[] {
  const shape = toKeyShape(flatten(readLocale(tag)).keys());
  const missing = [...englishShape.plain].filter((key) => !shape.plain.has(key));
  for (const base of englishShape.plurals.keys()) if (!shape.plurals.has(base)) missing.push(`${base}_*`);
  return missing;
}

/** Keys of a language en.json does not have. */
function toStrayKeys(tag: string): string[] {
  const shape = toKeyShape(flatten(readLocale(tag)).keys());
  const stray = [...shape.plain].filter((key) => !englishShape.plain.has(key));
  for (const base of shape.plurals.keys()) if (!englishShape.plurals.has(base)) stray.push(`${base}_*`);
  return stray;
}

/** `key: problem` lines for every value that is not a non-empty string or whose placeholders differ from en.json's. */
function toBadValues(tag: string): string[] {
  const problems: string[] = [];
  for (const [key, value] of flatten(readLocale(tag))) {
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`${key}: ${JSON.stringify(value)} is not a non-empty string`);
      continue;
    }
    const counterpart = toEnglishCounterpart(english, key);
    if (typeof counterpart !== 'string') continue; // a stray key, reported by its own test
    const expected = toPlaceholders(counterpart);
    const actual = toPlaceholders(value);
    if (actual.join() !== expected.join()) problems.push(`${key}: placeholders {${actual.join(', ')}} where en.json has {${expected.join(', ')}}`);
  }
  return problems;
}

describe('supportedLanguages', () => {
  it('lists exactly the 15 languages and 6 variants of seed 003', () => {
    expect([...supportedLanguages].sort()).toEqual([...seedTags].sort());
  });
});

describe.each(seedLanguages)('locales/%s.json', (language) => {
  it('exists', () => {
    expect(hasLocale(language), `locales/${language}.json is missing`).toBe(true);
  });

  it('is valid JSON holding an object', () => {
    expect(() => JSON.parse(readLocaleText(language))).not.toThrow();
    expect(() => readLocale(language)).not.toThrow();
  });

  it('has every key en.json has', () => {
    expect(toMissingKeys(language)).toEqual([]);
  });

  it('has no key en.json does not have', () => {
    expect(toStrayKeys(language)).toEqual([]);
  });

  it('has, for each plural group, exactly the categories Intl.PluralRules lists for the language', () => {
    const shape = toKeyShape(flatten(readLocale(language)).keys());
    const expected = toLanguageCategories(language);
    for (const base of englishShape.plurals.keys()) {
      expect([...(shape.plurals.get(base) ?? [])].sort(), `${base} in locales/${language}.json`).toEqual(expected);
    }
  });

  it("has a non-empty string for every key, with en.json's placeholders", () => {
    expect(toBadValues(language)).toEqual([]);
  });
});

describe.each(seedVariants)('locales/%s.json (a variant)', (variant) => {
  const base = toBaseLanguage(variant);

  it('exists', () => {
    expect(hasLocale(variant), `locales/${variant}.json is missing`).toBe(true);
  });

  it('is valid JSON holding an object', () => {
    expect(() => JSON.parse(readLocaleText(variant))).not.toThrow();
    expect(() => readLocale(variant)).not.toThrow();
  });

  it('holds only keys en.json has, plural forms only in the categories of its language', () => {
    const stray: string[] = [];
    const categories = toLanguageCategories(variant);
    for (const key of flatten(readLocale(variant)).keys()) {
      const parts = toPluralParts(key);
      if (parts === undefined ? !englishShape.plain.has(key) : !englishShape.plurals.has(parts.base) || !categories.includes(parts.category)) stray.push(key);
    }
    expect(stray).toEqual([]);
  });

  it("has a non-empty string for every key, with en.json's placeholders", () => {
    expect(toBadValues(variant)).toEqual([]);
  });

  it(`holds only texts that differ from locales/${base}.json`, () => {
    const language = flatten(readLocale(base));
    const same = [...flatten(readLocale(variant))].filter(([key, value]) => language.get(key) === value).map(([key]) => key);
    expect(same).toEqual([]);
  });
});

describe('fallbacks', () => {
  const en = readLocale('en');
  const de = readLocale('de');

  /** A copy of a locale without one dotted key. */
  function without(locale: LocaleJson, key: string): LocaleJson {
    const copy = structuredClone(locale);
    const segments = key.split('.');
    let parent: Record<string, unknown> = copy;
    for (const segment of segments.slice(0, -1)) parent = parent[segment] as Record<string, unknown>;
    delete parent[segments.at(-1)!];
    return copy;
  }

  it('falls back to English for a key the language lacks', () => {
    const localizer = createLocalizer({ resources: { en, de: without(without(de, 'issue.required'), 'kind.rate_limited.description') } });
    const error = createError({ status: 400, issues: [{ path: ['name'], message: 'name is required', code: 'required' }] });
    expect(localizer.localize(error, 'de').issues[0]?.message).toBe(readText(en, 'en', 'issue.required'));
    // The rest of the error is still German.
    expect(localizer.localize(error, 'de').title).toBe(readText(de, 'de', 'status.400'));
    expect(localizer.describe(createError({ kind: 'rate_limited' }), 'de')).toBe(readText(en, 'en', 'kind.rate_limited.description'));
  });

  it('has a text for every status faultline titles with a reason phrase, so that no title stays English', () => {
    const statuses = Array.from({ length: 500 }, (_, index) => index + 100).filter((status) => toReasonPhrase(status) !== undefined);
    expect(statuses).toContain(416);
    const englishTexts = flatten(en);
    for (const status of statuses) expect(englishTexts.get(`status.${status}`), `status.${status}`).toBe(toReasonPhrase(status));
    // The other files have the same keys (the parity test above): German, say, titles a 416 in German.
    const localizer = createLocalizer({ resources: { en, de } });
    const rangeError = normalize({ status: 416 });
    if (rangeError.ok) return expect.unreachable('a 416 is an error');
    expect(localizer.localize(rangeError.error, 'de').title).toBe(readText(de, 'de', 'status.416'));
  });

  it('falls back from a variant to its language for the keys the variant does not override', () => {
    const deCH = readLocale('de-CH');
    const localizer = createLocalizer({ resources: { en, de, 'de-CH': deCH } });
    const overridden = [...flatten(deCH).keys()];
    expect(overridden.length, 'de-CH overrides nothing, so the test would prove nothing').toBeGreaterThan(0);
    // A status de-CH does not override is de's; one it overrides is its own.
    const statusKeys = [...flatten(de).keys()].filter((key) => key.startsWith('status.'));
    for (const key of statusKeys) {
      const status = Number(key.slice('status.'.length));
      const expected = overridden.includes(key) ? readText(deCH, 'de-CH', key) : readText(de, 'de', key);
      expect(localizer.localize(createError({ status }), 'de-CH').title, key).toBe(expected);
    }
  });

  it('writes no ß in Swiss or Liechtenstein German, its own texts or those it takes from de', () => {
    // Swiss Standard German writes "ss": a text added to de.json with a ß needs a de-CH and de-LI override.
    const de = flatten(readLocale('de'));
    for (const variant of ['de-CH', 'de-LI']) {
      const own = flatten(readLocale(variant));
      const shown = [...de.keys()].map((key) => [key, own.get(key) ?? de.get(key)] as const);
      expect(shown.filter(([, text]) => String(text).includes('ß')), variant).toEqual([]);
    }
  });

  it('says a length or a count of 1 grammatically: no message counts "1 characters" or "1 items", in any language whose noun has a plural', () => {
    // i18next picks no plural form for these (they have no count): each language says them
    // without a counted noun (ru's "Minimum number of characters: 1"), as English does.
    const resources = readExistingLocales();
    const localizer = createLocalizer({ resources });
    const english = localizer.localize(createError({ status: 422, issues: [{ path: ['name'], message: 'Too short', code: 'too_small_string', params: { minimum: 1 } }, { path: ['tags'], message: 'Too few', code: 'too_small_array', params: { minimum: 1 } }] }), 'en');
    expect(english.issues.map((issue) => issue.message)).toEqual(['Number of characters must be at least 1.', 'Number of items must be at least 1.']);
    // Nor any language whose counted noun has a plural: no figure is followed by that plural.
    // (German "Zeichen" and Norwegian "tegn" are the same for one and for many.)
    const plurals: Readonly<Record<string, readonly string[]>> = { en: ['characters', 'items'], fr: ['caractères', 'éléments'], es: ['caracteres', 'elementos'], it: ['caratteri', 'elementi'], nl: ['tekens', 'items'], de: ['Einträge'], nb: ['elementer'] };
    const counted = Object.entries(plurals).flatMap(([tag, nouns]) =>
      ['too_small_string', 'too_big_string', 'too_small_array', 'too_big_array']
        .map((key) => `${tag} ${key}: ${String(flatten(readLocale(tag)).get(`issue.${key}`))}`)
        .filter((line) => nouns.some((noun) => line.includes(`}} ${noun}`))),
    );
    expect(counted).toEqual([]);
  });

  it('localizes a 429 title and its retry advice from each file, in the plural form Intl.PluralRules picks', () => {
    const resources = readExistingLocales();
    const localizer = createLocalizer({ resources });
    const missing = seedTags.filter((tag) => resources[tag] === undefined);
    expect(missing, 'locale files not written yet').toEqual([]);
    for (const tag of seedTags) {
      const chain = [tag, toBaseLanguage(tag), 'en'].map((name) => (resources[name] ? flatten(resources[name]) : new Map<string, unknown>()));
      const textOf = (key: string): unknown => chain.map((texts) => texts.get(key)).find((text) => text !== undefined);
      expect(localizer.localize(createError({ status: 429 }), tag).title, `${tag} status.429`).toBe(textOf('status.429'));
      for (const seconds of [1, 2, 3, 5, 11, 21, 22, 101]) {
        const category = new Intl.PluralRules(tag).select(seconds);
        const template = textOf(`retry.in_seconds_${category}`);
        expect(typeof template, `${tag} retry.in_seconds_${category}`).toBe('string');
        const advice = localizer.retryAdvice(createError({ status: 429, retryAfterMs: seconds * 1000 }), tag);
        expect(advice, `${tag}, ${seconds} s`).toBe(String(template).replaceAll('{{count}}', String(seconds)));
      }
    }
  });
});
