/**
 * `faultline/i18n`: errors in the user's language — seed 003's language negotiation and a
 * localizer over its own i18next instance, with the texts in `faultline/locales/<lang>.json`.
 *
 * @module faultline/i18n
 */
export { supportedLanguages, negotiateLanguage } from './languages.ts';
export { createLocalizer, localize, addLocale, type Localizer, type LocalizerOptions, type LocaleResources } from './localizer.ts';
export { escapeHtml, toHtml } from './escape-html.ts';
