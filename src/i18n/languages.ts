/**
 * Seed 003's languages and its rules for choosing one from `Accept-Language` (RFC 9110 §12.5.4):
 * a language not listed falls back to English; a country variant not listed falls back to its
 * language (`de-LU` → `de`); q-values decide the order; no header means the configured default.
 */

/**
 * How many ranges of a header are read: every range of a 10 KB header (the q-values of its last
 * ones count too, seed 003), and no more, so that a megabyte of commas stays milliseconds of work.
 */
const maxRanges = 1e4;

// RFC 4647 §2.1 language-range, and RFC 9110 §12.4.2 qvalue.
const languageRange = /^(?:\*|[a-z]{1,8}(?:-[a-z\d]{1,8})*)$/i;
const qualityParameter = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i;

/** The tags of a header's ranges, best first; the tags it refuses (`q=0`) are added to `refused`, lower-cased. */
function parseRanges(header: string, refused: string[]): string[] {
  // [quality, tag]
  const ranges: [number, string][] = [];
  for (const part of header.split(',', maxRanges)) {
    const [range, ...parameters] = part.split(';');
    const tag = range!.trim();
    if (!languageRange.test(tag)) continue;
    let quality = 1;
    for (const parameter of parameters) {
      const match = qualityParameter.exec(parameter.replace(/\s+/g, ''));
      // A malformed weight makes the whole range unusable rather than guessed at.
      quality = match ? +match[1]! : NaN;
    }
    // RFC 9110 §12.4.2: q=0 means "not acceptable".
    if (quality > 0) ranges.push([quality, tag]);
    else if (quality === 0) refused.push(tag.toLowerCase());
  }
  // Stable: ranges of equal weight keep the client's order.
  return ranges.sort((a, b) => b[0] - a[0]).map((range) => range[1]);
}

/**
 * The supported spellings of `tag` and of its shorter prefixes, longest first (RFC 4647 §3.4
 * lookup: `de-CH-1996` → `de-CH` → `de`), compared without regard to case (RFC 5646 §2.1.1). The
 * localizer looks its texts up in this chain too, among the languages there are texts for.
 */
export function toLookupChain(tag: string, supported: readonly string[]): string[] {
  const found: string[] = [];
  // Cut at the last hyphen: a regex for the last subtag searched the whole candidate each time,
  // minutes for a 300 KB tag of one-letter subtags.
  for (let candidate = tag.toLowerCase(); candidate; candidate = candidate.substring(0, candidate.lastIndexOf('-'))) {
    for (const language of supported) if (language.toLowerCase() === candidate) found.push(language);
  }
  return found;
}

/**
 * The 15 languages and 6 country variants of seed 003. Frozen: it is `negotiateLanguage`'s
 * default, and a `push` through a cast would change every caller's negotiation.
 */
export const supportedLanguages: readonly string[] = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ 'cs de en es fr hu it nb nl pl ro ru sl sv tr de-CH de-LI en-CA en-GB en-US fr-LU'.split(' '),
);

/**
 * The language to answer in, by seed 003's rules.
 * @param acceptLanguage the request's `Accept-Language`, or a browser's `navigator.languages` (most preferred first); absent or empty means "no preference"
 * @param supported the languages there are texts for @default supportedLanguages
 * @param defaultLanguage the configured language, used when the header says nothing @default 'en'
 * @example
 * negotiateLanguage('de-LU, fr;q=0.8'); // 'de'
 * negotiateLanguage('ja'); // 'en'
 */
export function negotiateLanguage(acceptLanguage: string | readonly string[] | null | undefined, supported: readonly string[] = supportedLanguages, defaultLanguage = 'en'): string {
  // JavaScript callers get past the types: a string for the list was read letter by letter
  // (negotiateLanguage('de', 'de') was 'd'), a null in it failed with "Cannot read properties of
  // null", and a number for the default failed further on.
  // Spread: `some` skips a sparse list's holes (`['de', , 'fr']`), which read as undefined later.
  if (!Array.isArray(supported) || [...supported].some((language) => typeof language !== 'string')) throw new TypeError('supported must be an array of strings');
  if (typeof defaultLanguage !== 'string') throw new TypeError('defaultLanguage must be a string');
  // `navigator.languages` lists tags most preferred first, as ranges of equal weight do (the sort keeps their order).
  const ranges = Array.isArray(acceptLanguage) ? acceptLanguage.join() : acceptLanguage;
  if (typeof ranges !== 'string' || !ranges.trim()) return defaultLanguage;
  let anyLanguage = false;
  const refused: string[] = [];
  for (const tag of parseRanges(ranges, refused)) {
    // RFC 4647 §3.4: `*` followed by other ranges is skipped (`*, de;q=0.5` is German); when
    // nothing else is found it accepts any language, and the configured one is as good as any.
    if (tag === '*') anyLanguage = true;
    else {
      const [found] = toLookupChain(tag, supported);
      if (found) return found;
    }
  }
  // Seed 003: "Any other language not listed above ... will fall back to en (English)"; a list
  // without English falls back to the configured language, or its first. `*` ("any language")
  // puts the configured one first, passing over a language refused with q=0 (`de;q=0, *`).
  const fallbacks: (string | false | undefined)[] = [anyLanguage && defaultLanguage, toLookupChain('en', supported)[0], toLookupChain(defaultLanguage, supported)[0], ...supported];
  return fallbacks.find((language) => language && !(anyLanguage && refused.includes(language.toLowerCase()))) || defaultLanguage;
}
