/**
 * RELIABILITY.md "Rendering (i18n)": server-provided text is never interpreted — `<script>`,
 * `{{x}}` and `$t(...)` inside a server message stay literal text in the output of 10,000
 * generated messages — and examples of what a user sees once an error is localized.
 */
import fc from 'fast-check';
import { createServer } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createClient } from '../../src/fetch/index.ts';
import { addLocale, createLocalizer, escapeHtml, localize, toHtml } from '../../src/i18n/index.ts';
import { normalize, type ApiError, type Issue } from '../../src/index.ts';
import { createError } from '../../src/server/index.ts';
import { fromZodError, type ZodErrorLike } from '../../src/zod/index.ts';
import { flatten, readLocale, readText } from './locale-files.ts';

const en = readLocale('en');
const de = readLocale('de');
const german = (key: string): string => readText(de, 'de', key);
const english = (key: string): string => readText(en, 'en', key);

beforeAll(() => {
  addLocale('en', en);
  addLocale('de', de);
});

/** Property tests run 10,000 cases; the 5 s default is for single cases. */
const propertyTimeout = 120_000;
const runs = 10_000;

/** Text a hostile or careless server may send: markup, i18next interpolation and nesting, entities. */
const hostilePieces = [
  '<script>alert(1)</script>',
  '{{x}}',
  '{{count}}',
  '{{minimum}}',
  '{{values}}',
  '$t(status.404)',
  '$t(kind.server.title)',
  '$t(faultline:issue.required)',
  '{{- x}}',
  '{{-x}}',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  '&lt;b&gt;',
  '&amp;',
  '&#60;',
  '$&',
  "$'",
  '$1',
  '</div>',
  '\u0000',
  '\r\n',
];

/** A server message: any text, mixed with hostile pieces. */
const serverText = fc
  .array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(...hostilePieces)), { maxLength: 8 })
  .map((pieces) => pieces.join(''));

/** Every English title faultline fills in or localizes: such a title is faultline's own, not the server's. */
const englishTitles: ReadonlySet<string> = new Set(
  [...flatten(en)].filter(([key]) => key.startsWith('status.') || /^kind\.[a-z_]+\.title$/.test(key)).map(([, value]) => String(value)),
);

/** The issue codes faultline has texts for (the keys under `issue` in en.json). */
const knownIssueKeys: ReadonlySet<string> = new Set([...flatten(en).keys()].filter((key) => key.startsWith('issue.')).map((key) => key.slice('issue.'.length)));

/** Fills a template's `{{name}}` with `value` literally, no `$` patterns. */
const fill = (template: string, name: string, value: string): string => template.split(`{{${name}}}`).join(value);

/** A zod-shaped error with one issue of `code` and its params, as `fromZodError` reads it. */
function zodError(code: string, params: Record<string, unknown>): ApiError {
  const issue = { code, path: ['name'], message: `zod says ${code}`, ...params };
  const error: ZodErrorLike = { issues: [issue] };
  return fromZodError(error);
}

/** The HTML tags `toHtml` writes itself. */
const ownTag = /^<(?:div role="alert"|\/div|strong|\/strong|p|\/p|ul|\/ul|li|\/li)>$/;

/** A DOM-free decoder of the numeric references `escapeHtml` writes (`&#60;`), in one pass (so `&#38;#60;` stays `&#60;`). */
const decodeHtml = (html: string): string => html.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

describe('server text is never interpreted (10,000 generated messages)', () => {
  it(
    "keeps detail, a server's own title and messages of unknown codes byte-identical",
    () => {
      const unknownCode = fc.oneof(fc.constantFrom('E1001', '1001', 'VALIDATION_FAILED', 'quota_exceeded', 'issue.custom', 'status.404', '$t(issue.required)', '{{x}}', '__proto__', 'constructor'), fc.string());
      fc.assert(
        fc.property(serverText, serverText, unknownCode, fc.constantFrom('en', 'de'), (text, title, code, language) => {
          fc.pre(title !== '' && !englishTitles.has(title) && !knownIssueKeys.has(code) && !code.includes('|'));
          const error = createError({ status: 429, title, detail: text, retryAfterMs: 5_000, issues: [{ path: ['items', 0], message: text, code }, { path: [], message: text }] });
          const localized = localize(error, language);
          expect(localized.title).toBe(title);
          expect(localized.detail).toBe(text);
          expect(localized.issues.map((issue) => issue.message)).toEqual([text, text]);
          // faultline's own title is localized next to server text that looks like a key or a template.
          const standard = localize(createError({ status: 404, detail: text }), language);
          expect(standard.title).toBe(language === 'de' ? german('status.404') : english('status.404'));
          expect(standard.detail).toBe(text);
        }),
        { numRuns: runs },
      );
    },
    propertyTimeout,
  );

  it(
    'puts issue params into the localized message literally, without interpolating or nesting their content',
    () => {
      fc.assert(
        fc.property(serverText, serverText, fc.constantFrom('en', 'de'), (value, other, language) => {
          const text = language === 'de' ? german : english;
          const message = (error: ApiError): string | undefined => localize(error, language).issues[0]?.message;
          expect(message(zodError('too_small', { origin: 'string', minimum: value }))).toBe(fill(text('issue.too_small_string'), 'minimum', value));
          expect(message(zodError('too_big', { origin: 'array', maximum: value }))).toBe(fill(text('issue.too_big_array'), 'maximum', value));
          expect(message(zodError('invalid_value', { values: [value, other] }))).toBe(fill(text('issue.invalid_value_options'), 'values', `${value}, ${other}`));
          expect(message(zodError('unrecognized_keys', { keys: [value] }))).toBe(fill(text('issue.unrecognized_keys'), 'keys', value));
          expect(message(zodError('not_multiple_of', { divisor: value }))).toBe(fill(text('issue.not_multiple_of'), 'divisor', value));
        }),
        { numRuns: runs },
      );
    },
    propertyTimeout,
  );

  it(
    'renders with toHtml no tag but its own, and every piece of server text intact',
    () => {
      fc.assert(
        fc.property(serverText, serverText, serverText, fc.constantFrom('en', 'de'), (title, detail, field, language) => {
          fc.pre(title !== '' && !englishTitles.has(title));
          const error = localize(createError({ status: 400, title, detail, issues: [{ path: ['items', 0, 'name'], field, message: detail, code: 'E1001' }] }), language);
          const html = toHtml(error);
          const tags = html.match(/<[^>]*>/g) ?? [];
          expect(tags.filter((tag) => !ownTag.test(tag))).toEqual([]);
          const text = html.replace(/<[^>]*>/g, '');
          expect(text).not.toMatch(/[<>]/);
          const shownField = field === '' ? '' : `${field}: `;
          expect(decodeHtml(text)).toBe(`${title}${detail}${shownField}${detail}`);
        }),
        { numRuns: runs },
      );
    },
    propertyTimeout,
  );

  it(
    'escapes with escapeHtml so that a DOM-free decoder gives the text back',
    () => {
      fc.assert(
        fc.property(serverText, (text) => {
          const escaped = escapeHtml(text);
          expect(escaped).not.toMatch(/[<>"']/);
          // Every `&` left is one of the five references escapeHtml writes.
          expect(escaped.replace(/&#(?:38|60|62|34|39);/g, '')).not.toContain('&');
          expect(decodeHtml(escaped)).toBe(text);
        }),
        { numRuns: runs },
      );
    },
    propertyTimeout,
  );

  it('leaves the message of a server code containing "|" as the server wrote it', () => {
    // The localizer tries keys separated by "|"; a server code must not be able to pick one.
    for (const code of ['E1|required', 'x|custom', '|invalid_type']) {
      const error = createError({ status: 400, issues: [{ path: ['name'], message: 'Name is mandatory', code }] });
      expect(localize(error, 'de').issues[0]?.message, code).toBe('Name is mandatory');
    }
  });

  it('never shows a raw or empty {{placeholder}} for a known code sent without its params', () => {
    // Seed 001 servers send zod's codes in `errors[].title`, with no params (the fixture
    // 001-400-validation.json): the user sees the server's message or a German text that needs
    // no params, never "{{divisor}}" nor "Unbekanntes Feld: ." with the field left out.
    const codes = ['required', 'invalid_type', 'too_small', 'too_big', 'invalid_format', 'invalid_value', 'not_multiple_of', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element', 'custom'];
    const complete = new Set([...flatten(de)].filter(([key, value]) => key.startsWith('issue.') && !String(value).includes('{{')).map(([, value]) => String(value)));
    const wrong: string[] = [];
    for (const code of codes) {
      const serverMessage = `\`body.age\` failed ${code}`;
      const result = normalize({ status: 400, headers: { 'content-type': 'application/problem+json' }, body: { title: 'Bad Request', errors: [{ title: code, detail: serverMessage }] } });
      if (result.ok) throw new Error('a 400 was read as a success');
      expect(result.error.issues[0]?.code).toBe(code);
      const shown = localize(result.error, 'de').issues[0]?.message ?? '';
      if (shown !== serverMessage && !complete.has(shown)) wrong.push(`${code}: ${shown}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('what a user sees', () => {
  it("a language tag in capitals reads as the same language: 'DE' is German, 'DE-CH' Swiss German, never half English", () => {
    // RFC 5646 §2.1.1: tags are case-insensitive; i18next looks a language up case-sensitively.
    const localizer = createLocalizer({ resources: { en, de, 'de-CH': readLocale('de-CH') } });
    const error = createError({ status: 429, retryAfterMs: 2_000 });
    for (const language of ['DE', 'De', 'DE-CH', 'de-ch']) {
      expect(localizer.localize(error, language).title, language).toBe(german('status.429'));
      expect(localizer.describe(error, language), language).toBe(german('kind.rate_limited.description'));
      expect(localizer.retryAdvice(error, language), language).toBe(fill(german('retry.in_seconds_other'), 'count', '2'));
    }
    expect(localizer.localize(createError({ status: 413 }), 'DE-CH').title).toBe(readText(readLocale('de-CH'), 'de-CH', 'status.413'));
  });

  it("an application's own i18next instance, which escapes values by default, still shows server values as written", async () => {
    // i18next's escapeValue defaults to true: an application's instance would turn `<b>` into `&lt;b&gt;`.
    const { createInstance } = await import('i18next');
    const application = createInstance();
    await application.init({ lng: 'de', resources: { de: { translation: { hello: 'Hallo' } } } });
    const localizer = createLocalizer({ i18n: application, resources: { en, de } });
    const error = zodError('invalid_value', { values: ['<b>', 'a&b', "O'Brien"] });
    expect(localizer.localize(error, 'de').issues[0]?.message).toBe(fill(german('issue.invalid_value_options'), 'values', "<b>, a&b, O'Brien"));
    expect(application.t('hello')).toBe('Hallo');
  });

  it("refuses an application's i18next instance that is not initialized, and leaves it untouched", async () => {
    const { createInstance } = await import('i18next');
    const application = createInstance();
    expect(() => createLocalizer({ i18n: application, resources: { en, de } })).toThrow(new TypeError('call init() on options.i18n first'));
    expect(application.isInitialized).toBeFalsy();
    expect(application.isInitializing).toBeFalsy();
    expect(application.language).toBeUndefined();
    expect(application.options.defaultNS).toBeUndefined();
    expect(application.store).toBeUndefined();
    // Initialized afterwards with the application's own options, it is as if faultline had never seen it.
    await application.init({ lng: 'fr', resources: { fr: { translation: { hello: 'Bonjour' } } } });
    expect([application.language, application.options.defaultNS, application.t('hello')]).toEqual(['fr', ['translation'], 'Bonjour']);
  });

  it("takes an application's instance whose init() has begun, a backend still loading, without changing its language or namespace", async () => {
    const { createInstance } = await import('i18next');
    const application = createInstance();
    const initialized = application.init({ lng: 'de', ns: ['app'], defaultNS: 'app', initAsync: true });
    expect(application.isInitialized).toBeFalsy();
    const localizer = createLocalizer({ i18n: application, resources: { en, de } });
    expect(localizer.localize(createError({ status: 429 }), 'de').title).toBe(german('status.429'));
    await initialized;
    expect([application.language, application.options.defaultNS]).toEqual(['de', 'app']);
  });

  it('a 429 in German: the German title, the German retry advice, the server detail unchanged', () => {
    // Seed 003's 429 (test/fixtures/plain/003-429-rate-limit.json) with a Retry-After of 5 s.
    const result = normalize({ status: 429, headers: { 'content-type': 'application/json', 'retry-after': '5' }, body: { code: 'RATE_LIMIT_EXCEEDED', message: 'Access denied - rate limit is exceeded.' } });
    if (result.ok) throw new Error('a 429 was read as a success');
    const localizer = createLocalizer({ resources: { en, de } });
    const error = localizer.localize(result.error, 'de');
    expect(error.title).toBe(german('status.429'));
    expect(error.detail).toBe('Access denied - rate limit is exceeded.');
    expect(error.code).toBe('RATE_LIMIT_EXCEEDED');
    const advice = localizer.retryAdvice(error, 'de');
    expect(advice).toBe(fill(german('retry.in_seconds_other'), 'count', '5'));
    expect(advice).toContain('5 Sekunden');
    expect(localizer.describe(error, 'de')).toBe(german('kind.rate_limited.description'));
  });

  it('a zod too_small issue in German, with its minimum; the detail unchanged', () => {
    const parsed = z.object({ name: z.string().min(3), tags: z.array(z.string()).max(2) }).safeParse({ name: 'ab', tags: ['a', 'b', 'c'] });
    if (parsed.success) throw new Error('the schema accepted invalid data');
    const error = localize(fromZodError(parsed.error, { detail: 'Request failed validation' }), 'de');
    expect(error.title).toBe(german('status.400'));
    expect(error.detail).toBe('Request failed validation');
    const messages = Object.fromEntries(error.issues.map((issue: Issue) => [issue.field, issue.message]));
    expect(messages).toEqual({ name: fill(german('issue.too_small_string'), 'minimum', '3'), tags: fill(german('issue.too_big_array'), 'maximum', '2') });
  });

  it("a problem body's own title and detail unchanged; only faultline's texts change", () => {
    const result = normalize({
      status: 429,
      headers: { 'content-type': 'application/problem+json' },
      body: { type: 'https://example.com/probs/slow-down', title: 'Slow down, {{name}} <b>friend</b>', status: 429, detail: 'Only $t(status.404) 1000 requests per minute.' },
    });
    if (result.ok) throw new Error('a 429 was read as a success');
    const error = localize(result.error, 'de');
    expect(error.title).toBe('Slow down, {{name}} <b>friend</b>');
    expect(error.detail).toBe('Only $t(status.404) 1000 requests per minute.');
    expect(toHtml(error)).toBe('<div role="alert"><strong>Slow down, {{name}} &#60;b&#62;friend&#60;/b&#62;</strong><p>Only $t(status.404) 1000 requests per minute.</p></div>');
  });

  it('the standard title of a seed 001 problem body in German, its seed 001 issue as the server wrote it when the code is unknown', () => {
    const result = normalize({
      status: 400,
      headers: { 'content-type': 'application/problem+json' },
      body: { title: 'Bad Request', detail: 'Request failed validation', errors: [{ title: 'invalid_range', detail: '`body.age` must be between 1 and 120.' }] },
    });
    if (result.ok) throw new Error('a 400 was read as a success');
    const error = localize(result.error, 'de');
    expect(error.title).toBe(german('status.400'));
    expect(error.detail).toBe('Request failed validation');
    expect(error.issues[0]?.message).toBe('`body.age` must be between 1 and 120.');
  });

  it('the title faultline filled in for a seed 004 error sent with 200 is localized', () => {
    // Seed 004: `result: "error"` is an error whatever the status; faultline gives it its kind's title.
    const result = normalize({ status: 200, headers: { 'content-type': 'application/json' }, body: { result: 'error', error: { type: 'system', code: 1, message: 'Database unreachable' } } });
    if (result.ok) throw new Error('an envelope error was read as a success');
    expect(result.error.kind).toBe('server');
    const error = localize(result.error, 'de');
    expect([german('kind.server.title'), german('status.500')]).toContain(error.title);
    expect(error.detail ?? error.title).not.toBe('');
  });

  it('the title faultline filled in for a network failure is localized', async () => {
    // A real connection refused: a port that was listening a moment ago and is closed now.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const result = await createClient({ baseUrl: `http://127.0.0.1:${address.port}`, retry: 0 }).get('/customers');
    if (result.ok) throw new Error('a closed port answered');
    expect(result.error.kind).toBe('network');
    expect(localize(result.error, 'de').title).toBe(german('kind.network.title'));
  });
});
