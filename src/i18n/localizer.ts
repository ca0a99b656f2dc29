/**
 * Errors in the user's language, with i18next underneath — in an instance of its own
 * (`createInstance`), so the application's i18next is never touched. faultline localizes what
 * it owns: standard titles (the status phrase or the kind's title it filled in) and the
 * messages of issue codes it knows. The server's own title, `detail` and unknown issue
 * messages stay as the server wrote them, and server text is never interpreted.
 */
import { createInstance, type i18n, type TOptions } from 'i18next';
import type { ApiError, Issue } from '../model.ts';
import { kindTitles } from '../status.ts';
import { toLookupChain } from './languages.ts';

/** One language's texts: the content of a `locales/<lang>.json` file. */
export type LocaleResources = Readonly<Record<string, unknown>>;

/** How to make a localizer. */
export interface LocalizerOptions {
  /** An initialized i18next instance to add faultline's texts to (namespace `faultline`); by default one of its own. One whose `init()` was never called throws a `TypeError`: faultline does not initialize it. */
  readonly i18n?: i18n | undefined;
  /** The language when none is given per call. @default 'en' */
  readonly language?: string | undefined;
  /** Texts by language, e.g. `{ en, de }` imported from `faultline/locales/*.json`. Include `en`: titles are recognised by their English text, and English is the fallback. */
  readonly resources?: Readonly<Record<string, LocaleResources>> | undefined;
}

/** Localizes errors; made by {@link createLocalizer}. */
export interface Localizer {
  /** The i18next instance holding the texts. */
  readonly i18n: i18n;
  /** The error with faultline's own texts in `language` (the localizer's by default); of the same kind, typed so. */
  localize<E extends ApiError>(error: E, language?: string): E;
  /** A sentence explaining the error's kind to a user, in `language`. */
  describe(error: ApiError, language?: string): string;
  /** "Try again in N seconds", when the error says when; `undefined` otherwise. */
  retryAdvice(error: ApiError, language?: string): string | undefined;
  /** Adds or replaces one language's texts, e.g. a locale fetched when the user picked it. */
  addLocale(language: string, resources: LocaleResources): void;
}

const namespace = 'faultline';

/**
 * How faultline's texts are looked up and filled in, set per call: an application's instance has
 * settings of its own (i18next's default `fallbackLng: 'dev'`, `keySeparator: false`, an
 * `nsSeparator` found in a key, `%{count}` placeholders) that faultline's keys and `{{...}}` texts
 * must not depend on. Values are plain text: escaping is the page's job (an application's instance
 * escapes by default), and a value is never read again for `{{...}}` (`skipOnVariables: false`
 * would); nor for `$t(...)`: under `skipOnVariables` i18next nests nothing once a value brings a
 * `$t(...)` (`extendTranslation`), and faultline's texts hold none.
 */
const lookup = { ns: namespace, keySeparator: '.', nsSeparator: false, interpolation: { escapeValue: false, skipOnVariables: true, prefix: '{{', suffix: '}}' } } as const;

/**
 * The issue texts that may fit, best first: the ones more specific than the code's own (zod's
 * codes, seed 003's `required`) that a locale has — by format (`invalid_format_email`), by origin
 * (`too_small_string`), `invalid_value_options`, `invalid_type_expected`. `translate` skips a key
 * no locale has and a text whose params are missing; with none left the server's message stays.
 * None for `custom`: a `refine()`'s own message ("Passwords do not match") says more than any
 * generic text. None for a code with a dot, which is none of faultline's: i18next reads a dotted
 * key part by part, in time quadratic in the parts (minutes for a server's 200 KB code).
 */
const toIssueKeys = ({ code, params = {} }: Issue): string[] => code === 'custom' || code?.includes('.') ? [] : [...[params['format'], params['origin'], 'options', 'expected'].map((specific) => `issue.${code}_${specific}`), `issue.${code}`];

/**
 * Makes a localizer.
 * @example
 * import en from 'faultline/locales/en.json' with { type: 'json' };
 * import de from 'faultline/locales/de.json' with { type: 'json' };
 * const localizer = createLocalizer({ resources: { en, de } });
 * localizer.localize(error, 'de').title; // 'Zu viele Anfragen'
 */
export function createLocalizer(options: LocalizerOptions = {}): Localizer {
  const instance = options.i18n ?? createInstance();
  const defaultLanguage = options.language ?? 'en';
  // i18next's init() would fail on it with "codes.forEach is not a function", and an array was taken.
  if (typeof defaultLanguage !== 'string') throw new TypeError('options.language must be a string');
  // init() makes the store texts are added to: an instance without one was never initialized.
  if (!instance.store) {
    // The application's instance is the application's to initialize, with its own language,
    // namespaces and backend: init() here would impose faultline's (README: never touched).
    if (options.i18n) throw new TypeError('call init() on options.i18n first');
    // Synchronous: texts are given, nothing is fetched.
    void instance.init({ lng: defaultLanguage, fallbackLng: 'en', ns: namespace, defaultNS: namespace, initAsync: false });
  }
  const addLocale = (language: string, resources: LocaleResources): void => void instance.addResourceBundle(language, namespace, resources, true, true);
  for (const [language, resources] of Object.entries(options.resources ?? {})) addLocale(language, resources);

  /**
   * The text of the first key that has one, skipping a text whose params are missing: it would
   * show a bare `{{placeholder}}` (a server's code `too_small_string` without a `minimum`). Each
   * key is looked up in the language's chain of languages there are texts for, then English: the
   * language in any case (RFC 5646 §2.1.1: tags are case-insensitive, i18next's lookup is not, and
   * 'DE' found no German), its shorter prefixes (`de-CH` → `de`). Given to i18next as `lngs`, so
   * that an application's `fallbackLng`, `load` or `supportedLngs` cannot change it; and as `lng`,
   * or an application's instance in language 'cimode' would answer every key with the key.
   */
  const translate = (keys: string | string[], language: string, values?: TOptions): string | undefined => {
    const lngs = [...toLookupChain(language, Object.keys(instance.store.data)), 'en'];
    for (const key of [keys].flat()) {
      let complete = true;
      const options = { ...values, ...lookup, lng: lngs[0]!, lngs, missingInterpolationHandler: () => void (complete = false) };
      const text = instance.exists(key, options) && (instance.t(key, options) as string);
      if (text && complete) return text;
    }
    return undefined;
  };

  // The title faultline filled in is the status phrase, or the kind's title when the status says
  // nothing (a 2xx envelope error, a network failure): status.ts's kind table names which. It is
  // recognised in English (status.ts's own, or en.json's) and in any language there are texts
  // for, so that an error localized to English and then to German is German.
  const localizeTitle = ({ title, status, kind }: ApiError, language: string): string => {
    const own = kindTitles[kind];
    const ownKey = typeof own === 'number' ? `status.${own}` : `kind.${kind}.title`;
    // Without a status the first key is `status.undefined`, which no locale has.
    // The stored texts themselves, not `translate`: a lookup chain per language made localizing 20 times slower.
    const key = [`status.${status}`, ownKey].find((key) => Object.keys(instance.store.data).some((someLanguage) => instance.getResource(someLanguage, namespace, key, lookup) === title)) ?? (title === own && ownKey);
    return (key && translate(key, language)) || title;
  };

  /** `holder` (the error or one of its failures) with its issues localized. */
  const localizeIssues = <T extends { readonly issues: readonly Issue[] }>(holder: T, language: string): T =>
    Object.freeze({
      ...holder,
      issues: Object.freeze(
        holder.issues.map((issue) => {
          // Lists joined; under `replace`, so that no param can act as an option of i18next's (`lngs`, `defaultValue`).
          const values = Object.fromEntries(Object.entries(issue.params ?? {}).map(([name, value]) => [name, (value as string[]).join?.(', ') ?? value]));
          const message = translate(toIssueKeys(issue), language, { replace: values });
          return message ? Object.freeze({ ...issue, message }) : issue;
        }),
      ),
    });

  /**
   * A method that refuses what is no error or no language with a TypeError that names it: inside,
   * a `null` error failed with "Cannot read properties of null", and a number for a language was
   * taken for English.
   */
  const checked =
    <T>(method: (error: ApiError, language: string) => T) =>
    (error: ApiError, language = defaultLanguage): T => {
      if (!Array.isArray(error?.issues)) throw new TypeError('error must be an ApiError');
      if (typeof language !== 'string') throw new TypeError('language must be a string');
      return method(error, language);
    };

  return {
    i18n: instance,
    // A copy of the error with texts replaced: of the same kind, as its type says.
    localize: checked((error, language) => localizeIssues({ ...error, title: localizeTitle(error, language), failures: Object.freeze(error.failures.map((failure) => localizeIssues(failure, language))) }, language)) as Localizer['localize'],
    describe: checked((error, language) => translate(`kind.${error.kind}.description`, language) ?? error.title),
    retryAdvice: checked((error, language) => (error.retryAfterMs === undefined ? undefined : translate('retry.in_seconds', language, { count: Math.max(1, Math.ceil(error.retryAfterMs / 1000)) }))),
    addLocale,
  };
}

/** The localizer behind {@link localize}, made on first use. */
let sharedLocalizer: Localizer | undefined;
const shared = (): Localizer => (sharedLocalizer ??= createLocalizer());

/**
 * Registers one language's texts for {@link localize}. Register English too: titles are
 * recognised by their English text, so with German alone they stay English.
 * @example
 * addLocale('en', await (await fetch('/locales/en.json')).json());
 * addLocale('de', await (await fetch('/locales/de.json')).json());
 */
export function addLocale(language: string, resources: LocaleResources): void {
  shared().addLocale(language, resources);
}

/**
 * The error with faultline's own texts in `language`: standard titles and the messages of issue
 * codes faultline knows. Languages come from {@link addLocale}, English among them (titles are
 * recognised by their English text, and English is the fallback); what has no text stays as it was.
 * @example
 * localize(error, negotiateLanguage(request.headers.get('accept-language'))).title;
 */
export function localize<E extends ApiError>(error: E, language: string): E {
  return shared().localize(error, language);
}
