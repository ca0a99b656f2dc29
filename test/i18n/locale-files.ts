/**
 * The locale files of seed 003, read from `locales/` as a user's bundler or server reads them,
 * and flattened to dotted keys (`kind.rate_limited.title`, `retry.in_seconds_one`) so that
 * files can be compared key by key.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root: string = fileURLToPath(new URL('../..', import.meta.url));

/** Seed 003 "Header Accept-Language": the 15 languages, written out here rather than read from the code under test. */
export const seedLanguages: readonly string[] = ['cs', 'de', 'en', 'es', 'fr', 'hu', 'it', 'nb', 'nl', 'pl', 'ro', 'ru', 'sl', 'sv', 'tr'];

/** Seed 003: the 6 country variants. */
export const seedVariants: readonly string[] = ['de-CH', 'de-LI', 'en-CA', 'en-GB', 'en-US', 'fr-LU'];

/** The 21 tags of seed 003. */
export const seedTags: readonly string[] = [...seedLanguages, ...seedVariants];

/** i18next's plural suffixes (the CLDR categories). */
export const pluralCategories: readonly string[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

export type LocaleJson = Record<string, unknown>;

/** The path of `locales/<tag>.json`. */
export const toLocalePath = (tag: string): string => `${root}locales/${tag}.json`;

/** Whether `locales/<tag>.json` exists yet. */
export const hasLocale = (tag: string): boolean => existsSync(toLocalePath(tag));

/** The text of `locales/<tag>.json`; throws a sentence naming the file when it is missing. */
export function readLocaleText(tag: string): string {
  if (!hasLocale(tag)) throw new Error(`locales/${tag}.json is missing (seed 003 lists ${tag})`);
  return readFileSync(toLocalePath(tag), 'utf8');
}

/** `locales/<tag>.json` parsed; throws when it is missing, is not JSON or is not an object. */
export function readLocale(tag: string): LocaleJson {
  const text = readLocaleText(tag);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (thrown) {
    throw new Error(`locales/${tag}.json is not valid JSON: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`locales/${tag}.json does not hold a JSON object`);
  return value as LocaleJson;
}

/** Every leaf of a locale under its dotted key; a leaf is anything but a plain object (so a number or an array shows up as a bad value). */
export function flatten(locale: LocaleJson, prefix = '', out: Map<string, unknown> = new Map()): Map<string, unknown> {
  for (const [key, value] of Object.entries(locale)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) flatten(value as LocaleJson, path, out);
    else out.set(path, value);
  }
  return out;
}

/** A key split into its plural base and category (`retry.in_seconds_one` → `retry.in_seconds`, `one`); `undefined` for a key that is not plural. */
export function toPluralParts(key: string): { readonly base: string; readonly category: string } | undefined {
  const match = /^(.+)_(zero|one|two|few|many|other)$/.exec(key);
  return match ? { base: match[1]!, category: match[2]! } : undefined;
}

/** A flattened locale seen plural-aware: plain keys, and plural groups by base name with their categories. */
export interface KeyShape {
  readonly plain: ReadonlySet<string>;
  readonly plurals: ReadonlyMap<string, ReadonlySet<string>>;
}

export function toKeyShape(keys: Iterable<string>): KeyShape {
  const plain = new Set<string>();
  const plurals = new Map<string, Set<string>>();
  for (const key of keys) {
    const parts = toPluralParts(key);
    if (parts === undefined) plain.add(key);
    else {
      const categories = plurals.get(parts.base) ?? new Set<string>();
      categories.add(parts.category);
      plurals.set(parts.base, categories);
    }
  }
  return { plain, plurals };
}

/** The plural categories a language uses, as i18next asks `Intl.PluralRules` for them. */
export const toLanguageCategories = (language: string): string[] => [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();

/** The names of the `{{placeholders}}` of a text (`{{- x}}` unescaped ones included), sorted and unique. */
export function toPlaceholders(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/\{\{-?\s*([^{}]+?)\s*\}\}/g)) names.add(match[1]!.split(',')[0]!.trim());
  return [...names].sort();
}

/** The base language of a variant: `de-CH` → `de`. */
export const toBaseLanguage = (tag: string): string => tag.split('-')[0]!;

/** The English text a key is compared with: the key itself, or for a plural form the same form, else `_other`. */
export function toEnglishCounterpart(english: ReadonlyMap<string, unknown>, key: string): unknown {
  if (english.has(key)) return english.get(key);
  const parts = toPluralParts(key);
  return parts === undefined ? undefined : english.get(`${parts.base}_other`);
}

/** Loads every locale file of seed 003 that exists, for localizers (a missing one is reported by parity.test.ts). */
export function readExistingLocales(): Record<string, LocaleJson> {
  const resources: Record<string, LocaleJson> = {};
  for (const tag of seedTags) if (hasLocale(tag)) resources[tag] = readLocale(tag);
  return resources;
}

/** A text of a locale by dotted key, as a string; throws a sentence naming the file and key when absent. */
export function readText(locale: LocaleJson, tag: string, key: string): string {
  const value = flatten(locale).get(key);
  if (typeof value !== 'string') throw new Error(`locales/${tag}.json has no text for ${key}`);
  return value;
}
