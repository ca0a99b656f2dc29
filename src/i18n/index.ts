export { supportedLanguages, negotiateLanguage } from './languages.ts';
export { createLocalizer, localize, addLocale, type Localizer, type LocalizerOptions, type LocaleResources } from './localizer.ts';
export { escapeHtml, toHtml } from './escape-html.ts';
