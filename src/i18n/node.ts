/**
 * `faultline/i18n` for servers: the build that Node, Deno and Bun resolve (the `node` condition of
 * package.json `exports`), where size does not matter and every language is expected out of the
 * box. The same API and declarations as the lean build (./index.ts), with every locale of
 * `locales/` bundled in (./bundled-locales.ts): `localize(error, 'de')` is German with no set-up.
 * The lean build is not touched: browsers, bundlers for the web and edge runtimes keep loading
 * only the languages they use.
 *
 * @module faultline/i18n
 */
import type { ApiError } from '../model.ts';
import manifest from '../../package.json' with { type: 'json' };
import { bundledLocales } from './bundled-locales.ts';
import { createLocalizer as createLeanLocalizer, type LocaleResources, type Localizer, type LocalizerOptions } from './localizer.ts';

export { supportedLanguages, negotiateLanguage } from './languages.ts';
export type { Localizer, LocalizerOptions, LocaleResources } from './localizer.ts';
export { escapeHtml, toHtml } from './escape-html.ts';

/**
 * Makes a localizer that holds every language of `locales/` — unless `resources` is given: then
 * exactly the caller's languages, as in the lean build. An application's i18next instance
 * (`i18n`) gets faultline's texts for every language under the namespace `faultline`, added
 * beside what it already holds there and never over it.
 * @example
 * createLocalizer().localize(error, 'de').title; // 'Nicht gefunden'
 */
export function createLocalizer(options: LocalizerOptions = {}): Localizer {
  const localizer = createLeanLocalizer(options);
  // The caller chose its languages: none of ours beside them.
  if (options.resources !== undefined) return localizer;
  // Deep and not overwriting (i18next's `addResourceBundle(…, true, false)`): an application's
  // instance may hold texts of its own under faultline's namespace, loaded by its backend. A copy
  // each: i18next before 23.x's copying merge keeps the objects given, and one localizer's
  // `addLocale` changed every other's texts (one tenant's wording in another's answers).
  for (const [language, texts] of Object.entries(bundledLocales)) localizer.i18n.addResourceBundle(language, 'faultline', structuredClone(texts), true, false);
  return localizer;
}

// Of this version only: another version of faultline in the process has texts of its own.
const sharedKey = Symbol.for(`faultline.i18n.shared-localizer@${manifest.version}`);
let ownShared: Localizer | undefined;

/**
 * The localizer behind {@link localize} and {@link addLocale}, made on first use of either, so
 * that importing costs nothing, and before any `addLocale` of the application's, whose texts
 * then replace faultline's own. Kept on globalThis under a registered symbol, as the own-error
 * registry is: a process that loads both the ESM and the CJS build (an app in one, a dependency
 * in the other) has one set of texts, where `addLocale` of one copy was not seen by `localize`
 * of the other.
 */
function shared(): Localizer {
  const registry = globalThis as { [sharedKey]?: Localizer };
  const found = registry[sharedKey] ?? ownShared;
  if (found) return found;
  ownShared = createLocalizer();
  try {
    registry[sharedKey] = ownShared;
  } catch {
    // A frozen globalThis (SES lockdown): this copy keeps its own.
  }
  return ownShared;
}

/**
 * Adds or replaces one language's texts for {@link localize}: every language of `locales/` is
 * there already, and the texts given replace faultline's, key by key.
 * @example
 * addLocale('de', { status: { '404': 'Nicht da' } });
 */
export function addLocale(language: string, resources: LocaleResources): void {
  shared().addLocale(language, resources);
}

/**
 * The error with faultline's own texts in `language`: standard titles and the messages of issue
 * codes faultline knows, in any language of `locales/` with no set-up.
 * @example
 * localize(error, negotiateLanguage(request.headers.get('accept-language'))).title;
 */
export function localize<E extends ApiError>(error: E, language: string): E {
  return shared().localize(error, language);
}
