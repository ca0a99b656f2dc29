/**
 * The localizer of the report, with the texts of `locales/` read from the installed package.
 * i18next is an optional peer dependency that `npx faultline` does not install: without it the
 * report keeps the model's English texts rather than failing.
 */
import { readFile } from 'node:fs/promises';
import type { Localizer } from '../i18n/localizer.ts';

/** The localizer module, imported only when a report is printed (and i18next may be missing). */
export type LocalizerModule = Pick<typeof import('../i18n/localizer.ts'), 'createLocalizer'>;

const importLocalizer = (): Promise<LocalizerModule> => import('../i18n/localizer.ts');

/** `locales/<tag>.json`, or `undefined` when it is missing or not a JSON object. */
async function readLocale(localesUrl: URL, tag: string): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(new URL(`${tag}.json`, localesUrl), 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A localizer holding English, `language` and, for a country variant, its base language (seed
 * 003's variant files hold only what differs: `de-CH` falls back to `de`, then to English).
 * @param language a supported tag, as negotiateLanguage gives it
 * @param localesUrl the `locales/` folder, ending in a slash
 * @returns the localizer, or `undefined` when i18next is not installed
 */
export async function loadLocalizer(language: string, localesUrl: URL, load: () => Promise<LocalizerModule> = importLocalizer): Promise<Localizer | undefined> {
  let module: LocalizerModule;
  try {
    module = await load();
  } catch {
    return undefined;
  }
  const tags = [...new Set(['en', language.split('-')[0]!, language])];
  const resources: Record<string, Record<string, unknown>> = {};
  for (const tag of tags) {
    const locale = await readLocale(localesUrl, tag);
    if (locale) resources[tag] = locale;
  }
  return module.createLocalizer({ language, resources });
}
