/**
 * Seed 003 "Header Accept-Language", each rule a test: the 21 tags are chosen as listed; a
 * language not listed falls back to `en`; a country variant not listed falls back to its
 * language (`de-LU` → `de`); no header means the configured default. Weights follow RFC 9110
 * §12.4.2 and §12.5.4, and no header, however long or broken, makes the choice throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { negotiateLanguage, supportedLanguages } from '../../src/i18n/index.ts';
import { seedTags } from './locale-files.ts';

const isSupported = (tag: string): boolean => supportedLanguages.includes(tag);

describe('negotiateLanguage: seed 003 languages and variants', () => {
  it.each(seedTags)('chooses %s when the client asks for it', (tag) => {
    expect(negotiateLanguage(tag)).toBe(tag);
  });

  it.each(seedTags)('chooses %s whatever the case the client writes it in', (tag) => {
    expect(negotiateLanguage(tag.toUpperCase())).toBe(tag);
    expect(negotiateLanguage(tag.toLowerCase())).toBe(tag);
  });

  it("spells the choice as seed 003 does: 'DE-ch' → 'de-CH'", () => {
    expect(negotiateLanguage('DE-ch')).toBe('de-CH');
    expect(negotiateLanguage('eN-gB')).toBe('en-GB');
    expect(negotiateLanguage('Fr-lU')).toBe('fr-LU');
  });

  it.each(['ja', 'pt-BR', 'zh-Hant-TW', 'x-klingon', 'i-default'])('falls back to en for %s, a language seed 003 does not list', (header) => {
    expect(negotiateLanguage(header)).toBe('en');
  });

  it('falls back to en for a language not listed even when another default is configured', () => {
    // Seed 003: "Any other language not listed above ... will fall back to `en`"; the default is for no header.
    expect(negotiateLanguage('ja', supportedLanguages, 'de')).toBe('en');
  });

  it.each([
    ['de-LU', 'de'],
    ['fr-CA', 'fr'],
    ['en-AU', 'en'],
    ['de-AT', 'de'],
    ['nb-NO', 'nb'],
    ['sl-SI', 'sl'],
    ['ru-UA', 'ru'],
    ['de-CH-1996', 'de-CH'],
    ['en-GB-oxendict', 'en-GB'],
  ])('falls back from the variant %s, not listed, to %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});

describe('negotiateLanguage: weights', () => {
  it.each([
    ['fr;q=0.5, de;q=0.9', 'de'],
    ['fr;q=0.5, de', 'de'],
    ['ja, fr;q=0.1', 'fr'],
    ['de-LU;q=0.4, fr-CA;q=0.6', 'fr'],
    ['de;q=0.001, fr;q=0.0001', 'de'],
    ['sv;Q=0.3, nl;q=0.2', 'sv'],
    ['pl ; q=0.2 , cs ; q=0.8', 'cs'],
  ])('respects q-values: %s → %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });

  it.each([
    ['fr, de', 'fr'],
    ['de, fr', 'de'],
    ['it;q=0.8, es;q=0.8', 'it'],
    ['es;q=0.8, it;q=0.8', 'es'],
    ['ro;q=1, tr', 'ro'],
  ])("keeps the client's order between equal weights: %s → %s", (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });

  it.each([
    ['de;q=0, fr', 'fr'],
    ['de;q=0.0, fr;q=0.1', 'fr'],
    ['de;q=0.000, fr;q=0.001', 'fr'],
    ['de-CH;q=0, de', 'de'],
    ['de;q=0', 'en'],
  ])('excludes a language weighted q=0: %s → %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});

describe("negotiateLanguage: a browser's navigator.languages", () => {
  it('takes the list most preferred first, as a header of equal weights', () => {
    // It returned the default unsaid: a list is no header text.
    expect(negotiateLanguage(['de-CH', 'fr', 'en-US'])).toBe('de-CH');
    expect(negotiateLanguage(['ja', 'fr-CA', 'de'])).toBe('fr');
    // As the header `pt-BR, pt` is answered (seed 003: English before the default when none is supported).
    expect(negotiateLanguage(['pt-BR', 'pt'], supportedLanguages, 'de')).toBe(negotiateLanguage('pt-BR, pt', supportedLanguages, 'de'));
    expect(negotiateLanguage([], supportedLanguages, 'fr')).toBe('fr');
  });
});

describe('negotiateLanguage: no header', () => {
  it.each([undefined, null, '', '   '])('uses the configured default for %j', (header) => {
    expect(negotiateLanguage(header, supportedLanguages, 'de')).toBe('de');
    expect(negotiateLanguage(header, supportedLanguages, 'fr-LU')).toBe('fr-LU');
  });

  it('uses en when no default is configured', () => {
    expect(negotiateLanguage(undefined)).toBe('en');
    expect(negotiateLanguage(null)).toBe('en');
    expect(negotiateLanguage('')).toBe('en');
  });
});

describe('negotiateLanguage: malformed headers', () => {
  it("treats '*' (any language) as no preference", () => {
    expect(negotiateLanguage('*', supportedLanguages, 'sv')).toBe('sv');
    expect(negotiateLanguage('*')).toBe('en');
  });

  it.each([
    ['*, de;q=0.5', 'de'],
    ['*;q=0.9, fr-CA;q=0.5', 'fr'],
    ['ja, *;q=0.8, pl;q=0.5', 'pl'],
  ])("skips '*' when other ranges follow it (RFC 4647 §3.4): %s → %s", (header, expected) => {
    expect(negotiateLanguage(header, supportedLanguages, 'sv')).toBe(expected);
  });

  it("uses the configured default for '*' when no other range finds a language", () => {
    expect(negotiateLanguage('ja, *', supportedLanguages, 'sv')).toBe('sv');
    expect(negotiateLanguage('*, ja;q=0.5', supportedLanguages, 'sv')).toBe('sv');
  });

  it("gives for '*' a language the header does not refuse with q=0: the default, else English (seed 003), else the first supported", () => {
    expect(negotiateLanguage('de;q=0, *', supportedLanguages, 'de')).toBe('en');
    expect(negotiateLanguage('sv;q=0, *', supportedLanguages, 'sv')).toBe('en');
    expect(negotiateLanguage('en;q=0, sv;q=0, *', supportedLanguages, 'sv')).toBe('cs');
    expect(negotiateLanguage('cs;q=0, de;q=0, *', ['de', 'de-CH', 'cs', 'en'], 'de')).toBe('en');
    expect(negotiateLanguage('de-CH;q=0, *', supportedLanguages, 'de')).toBe('de');
  });

  it('falls back to English, as seed 003 says, when no range finds a language and there is no *, even if English is refused', () => {
    expect(negotiateLanguage('ja, en;q=0', supportedLanguages, 'sv')).toBe('en');
  });

  it.each([' , ,', ',', ';q=1', ';;;', 'de;q=abc', 'de;q=1.5', 'de;q=-1', 'de;q=0.1234', 'de;q=', '-de', 'de-', 'toolonglanguage', 'de_CH', '"de"', '\u0000de', 'de\r\nX: y'])(
    'returns a supported tag for %j and never throws',
    (header) => {
      expect(isSupported(negotiateLanguage(header))).toBe(true);
    },
  );

  it('skips a range with a malformed weight and uses the next one', () => {
    expect(negotiateLanguage('de;q=abc, fr;q=0.5')).toBe('fr');
    expect(negotiateLanguage('de;q=1.5, fr;q=0.5')).toBe('fr');
    expect(negotiateLanguage('garbage!!, ¿qué?, it;q=0.2')).toBe('it');
  });

  it('returns a supported tag for garbage bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.uint8Array({ maxLength: 200 }).map((bytes) => String.fromCharCode(...bytes))), (header) => {
        expect(isSupported(negotiateLanguage(header))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it('returns a supported tag for headers made of tags, weights and separators in any order', () => {
    const piece = fc.oneof(fc.constantFrom(...seedTags, 'ja', 'de-LU', '*', ',', ';', 'q=', 'q=0', 'q=0.5', 'q=1', ' ', '-', '=', '.'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        expect(isSupported(negotiateLanguage(pieces.join('')))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it('returns a supported tag for a 10 KB header', () => {
    const headers = [
      'a'.repeat(10_240),
      `de;${';'.repeat(10_240)}`,
      `de;q=${'0'.repeat(10_240)}`,
      `${'-'.repeat(10_240)}de`,
      `de-${'a1-'.repeat(3_413)}x`,
      ' '.repeat(10_240),
      `de${' ;'.repeat(5_120)}`,
      `${'de-CH-'.repeat(1_707)}de`,
    ];
    for (const header of headers) {
      expect(header.length).toBeGreaterThanOrEqual(10_240);
      expect(isSupported(negotiateLanguage(header))).toBe(true);
    }
  });

  it('chooses by the leading subtags of a 300 KB tag as of a short one, each subtag cut once', () => {
    // 150,000 subtags: a regex that searched the whole rest of the tag for its last subtag, once
    // per subtag, took minutes on such a header (RELIABILITY.md "Parsing": any header).
    expect(negotiateLanguage(`de-CH${'-a'.repeat(150_000)}`)).toBe('de-CH');
    expect(negotiateLanguage(`ja${'-a'.repeat(150_000)}, fr;q=0.5`)).toBe('fr');
  });

  it('respects the q-values of every range of a 10 KB header: its best language may come last', () => {
    // 1,130 unlisted ranges at q=0.1, then German at q=1: the first 64 alone were read, English came back.
    expect(negotiateLanguage(`${'zz;q=0.1,'.repeat(1_130)}de`)).toBe('de');
    expect(negotiateLanguage(`fr;q=0.5,${'zz;q=0.1,'.repeat(70)}de`)).toBe('de');
    expect(negotiateLanguage(`${','.repeat(64)}de`)).toBe('de');
  });

  it('returns a supported tag for a header of 10,000 ranges', () => {
    const unlisted = Array.from({ length: 10_000 }, (_, index) => `x${index % 1000}-y${index};q=0.${(index % 9) + 1}`);
    expect(isSupported(negotiateLanguage(unlisted.join(', ')))).toBe(true);
    expect(isSupported(negotiateLanguage([...unlisted, 'de'].join(',')))).toBe(true);
    expect(negotiateLanguage(['de', ...unlisted].join(','))).toBe('de');
    expect(negotiateLanguage(Array.from({ length: 10_000 }, () => 'fr-CA').join(', '))).toBe('fr');
  });
});

describe('supportedLanguages, the default list', () => {
  it('is frozen: a push through a cast would change every negotiation that uses the default', () => {
    expect(Object.isFrozen(supportedLanguages)).toBe(true);
    expect(() => (supportedLanguages as string[]).push('ja')).toThrow(TypeError);
    expect(supportedLanguages).toHaveLength(21);
    expect(negotiateLanguage('ja')).toBe('en');
  });
});

describe('negotiateLanguage: custom supported lists', () => {
  it('chooses among the given languages only', () => {
    expect(negotiateLanguage('de-CH, fr', ['fr', 'de'])).toBe('de');
    expect(negotiateLanguage('es, fr;q=0.5', ['fr', 'de'])).toBe('fr');
    expect(negotiateLanguage('pt-BR', ['en', 'pt-BR', 'pt'])).toBe('pt-BR');
    expect(negotiateLanguage('pt-PT', ['en', 'pt-BR', 'pt'])).toBe('pt');
  });

  it('returns the spelling of the given list', () => {
    expect(negotiateLanguage('de-ch', ['EN', 'DE-CH'])).toBe('DE-CH');
    expect(negotiateLanguage('ja', ['EN', 'DE-CH'])).toBe('EN');
  });

  it('falls back to the configured default when the list has no en', () => {
    expect(negotiateLanguage('ja', ['fr', 'de'], 'fr')).toBe('fr');
    expect(negotiateLanguage(undefined, ['fr', 'de'], 'de')).toBe('de');
  });

  it('returns a member of the list for any header, when the default is a member', () => {
    const tag = fc.constantFrom(...seedTags, 'ja', 'pt-BR', 'pt', 'zh-Hant');
    fc.assert(
      fc.property(fc.uniqueArray(tag, { minLength: 1, maxLength: 8 }), fc.array(fc.tuple(tag, fc.constantFrom('', ';q=0', ';q=0.5', ';q=1', ';q=x')), { maxLength: 6 }), (supported, ranges) => {
        const defaultLanguage = supported[0]!;
        const chosen = negotiateLanguage(ranges.map(([name, weight]) => name + weight).join(', '), supported, defaultLanguage);
        expect(supported).toContain(chosen);
      }),
      { numRuns: 2_000 },
    );
  });
});
