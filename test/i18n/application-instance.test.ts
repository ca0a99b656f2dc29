/**
 * createLocalizer({ i18n }) with an application's own i18next instance: faultline's texts are
 * added to it, and what a user sees must not depend on how the application set it up.
 */
import fc from 'fast-check';
import { createInstance, type InitOptions } from 'i18next';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createLocalizer, type Localizer } from '../../src/i18n/index.ts';
import { normalize } from '../../src/index.ts';
import { fromZodError, type ZodErrorLike, type ZodIssueLike } from '../../src/zod/index.ts';
import { readLocale, readText } from './locale-files.ts';

const en = readLocale('en');
const de = readLocale('de');
const german = (key: string): string => readText(de, 'de', key);

/** A localizer over an application's instance, initialized with the application's `settings`. */
async function withApplication(settings: InitOptions): Promise<Localizer> {
  const application = createInstance();
  await application.init({ lng: 'en', resources: {}, ...settings });
  return createLocalizer({ i18n: application, resources: { en, de, 'de-CH': readLocale('de-CH') } });
}

/** Request keys a client may send, that look like i18next's placeholders and nesting. */
const hostilePieces = ['{{count}}', '{{minimum}}', '{{keys}}', '{{- keys}}', '$t(kind.server.title)', '$t(faultline:status.404)', '$t(issue.required, {"lng": "de"})', '<b>', '&amp;'];

describe("text from the request or the server, through an application's instance", () => {
  it("stays literal when the application reads values again (skipOnVariables: false) and escapes them", async () => {
    const localizer = await withApplication({ interpolation: { skipOnVariables: false, escapeValue: true } });
    // Keys the client sent in the request body: zod names them in an unrecognized_keys issue.
    const parsed = z.strictObject({}).safeParse({ '$t(kind.server.title)': 1, '{{count}}': 2 });
    if (parsed.success) throw new Error('a strict object accepted unknown keys');
    const message = localizer.localize(fromZodError(parsed.error), 'de').issues[0]?.message;
    expect(message).toBe(german('issue.unrecognized_keys').replace('{{keys}}', '$t(kind.server.title), {{count}}'));
  });

  it(
    'stays literal in 10,000 generated keys',
    async () => {
      const localizer = await withApplication({ interpolation: { skipOnVariables: false, escapeValue: true } });
      const key = fc.array(fc.oneof(fc.string(), fc.constantFrom(...hostilePieces)), { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join(''));
      fc.assert(
        fc.property(key, (name) => {
          const issues: ZodErrorLike['issues'] = [{ code: 'unrecognized_keys', path: [], message: `Unrecognized key: "${name}"`, keys: [name] } as ZodIssueLike];
          const error = fromZodError({ issues });
          expect(localizer.localize(error, 'de').issues[0]?.message).toBe(german('issue.unrecognized_keys').split('{{keys}}').join(name));
        }),
        { numRuns: 10_000 },
      );
    },
    120_000,
  );
});

describe("faultline's texts through an application's instance", () => {
  const english = (key: string): string => readText(en, 'en', key);
  const rateLimited = (): ReturnType<typeof normalize> => normalize({ status: 429, headers: { 'retry-after': '3' }, body: { message: 'Slow down', errors: [{ field: 'name', code: 'too_small', message: 'Too small: expected string to have >=3 characters' }] } });

  it.each<[string, InitOptions]>([
    ["i18next's default fallbackLng ('dev')", {}],
    ["fallbackLng: 'fr'", { fallbackLng: 'fr' }],
    ['keySeparator: false', { keySeparator: false }],
    ["nsSeparator: '.' and keySeparator: ':'", { nsSeparator: '.', keySeparator: ':' }],
    ["nsSeparator: '_'", { nsSeparator: '_' }],
    ['placeholders written %{count}', { interpolation: { prefix: '%{', suffix: '}' } }],
    ["load: 'currentOnly'", { load: 'currentOnly' }],
    ["supportedLngs: ['en', 'fr']", { supportedLngs: ['en', 'fr'] }],
    ["lng: 'cimode'", { lng: 'cimode' }],
  ])('are the same with %s', async (_, settings) => {
    const localizer = await withApplication(settings);
    const result = rateLimited();
    if (result.ok) throw new Error('a 429 was read as a success');
    const inGerman = localizer.localize(result.error, 'de');
    expect(inGerman.title).toBe(german('status.429'));
    expect(localizer.localize(result.error, 'de-CH').title).toBe(german('status.429'));
    expect(localizer.retryAdvice(result.error, 'de')).toBe(german('retry.in_seconds_other').replace('{{count}}', '3'));
    expect(inGerman.issues[0]?.message).toBe(german('issue.too_small').replace('{{minimum}}', '3'));
    // A language without texts is English, faultline's fallback, never the raw key nor nothing.
    expect(localizer.localize(result.error, 'ja').title).toBe(english('status.429'));
    expect(localizer.describe(result.error, 'ja')).toBe(english('kind.rate_limited.description'));
    expect(localizer.retryAdvice(result.error, 'ja')).toBe(english('retry.in_seconds_other').replace('{{count}}', '3'));
  });
});
