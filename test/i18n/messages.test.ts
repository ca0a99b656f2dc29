/**
 * Issue messages as a user reads them once an error is localized: which messages faultline
 * replaces with its own text, and what its texts show.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import * as z3 from 'zod/v3';
import { createLocalizer } from '../../src/i18n/index.ts';
import { normalize, type ApiError, type IssueParam } from '../../src/index.ts';
import { createError } from '../../src/server/index.ts';
import { fromZodError } from '../../src/zod/index.ts';
import { flatten, readLocale, readText } from './locale-files.ts';

const en = readLocale('en');
const de = readLocale('de');
const german = (key: string): string => readText(de, 'de', key);
const localizer = createLocalizer({ resources: { en, de } });

/** The error a failed parse of `schema` gives, through fromZodError. */
function parseError(schema: { safeParse(input: unknown): { success: boolean; error?: unknown } }, input: unknown): ApiError {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the parse to fail');
  return fromZodError(result.error as z.ZodError);
}

/** The message of each issue of `error` in `language`, by field. */
const messagesIn = (error: ApiError, language: string): Record<string, string> => Object.fromEntries(localizer.localize(error, language).issues.map((issue) => [issue.field ?? '', issue.message]));

describe("a developer's own message", () => {
  const passwords = z.object({ password: z.string(), confirm: z.string() }).refine((value) => value.password === value.confirm, { message: 'Passwords do not match', path: ['confirm'] });

  it('of a refine() stays as written, in English and in German', () => {
    const error = parseError(passwords, { password: 'a', confirm: 'b' });
    expect(messagesIn(error, 'en')).toEqual({ confirm: 'Passwords do not match' });
    expect(messagesIn(error, 'de')).toEqual({ confirm: 'Passwords do not match' });
  });

  it('of a zod 3 refine() stays as written', () => {
    const schema = z3.z.object({ code: z3.z.string().refine((value) => value === 'ok', 'Not the code we sent you') });
    expect(messagesIn(parseError(schema, { code: 'no' }), 'de')).toEqual({ code: 'Not the code we sent you' });
  });

  it('of a refine() sent by a server (code custom) stays as written', () => {
    const result = normalize({ status: 400, headers: { 'content-type': 'application/problem+json' }, body: { title: 'Bad Request', errors: [{ title: 'custom', detail: 'Passwords do not match' }] } });
    if (result.ok) throw new Error('a 400 was read as a success');
    expect(localizer.localize(result.error, 'de').issues[0]?.message).toBe('Passwords do not match');
  });

});

describe("a server's message under a zod code, without params", () => {
  it("is the server's pick of faultline's text, replaced as for required (seed 001's errors[].title)", () => {
    const result = normalize({ status: 400, headers: { 'content-type': 'application/problem+json' }, body: { title: 'Bad Request', errors: [{ title: 'invalid_type', detail: '`body.name` is `undefined`, but `string` is expected.' }] } });
    if (result.ok) throw new Error('a 400 was read as a success');
    expect(localizer.localize(result.error, 'de').issues[0]?.message).toBe(german('issue.invalid_type'));
  });
});

describe("zod's own message", () => {
  it('of zod 4 is replaced by the German text, with its limits', () => {
    const schema = z.object({ age: z.number(), name: z.string().min(3), check: z.string().refine((value) => value === 'ok') });
    expect(messagesIn(parseError(schema, { age: 'x', name: 'ab', check: 'no' }), 'de')).toEqual({
      age: german('issue.invalid_type_expected').replace('{{expected}}', 'number'),
      name: german('issue.too_small_string').replace('{{minimum}}', '3'),
      // A refine() without a message: zod says "Invalid input", left as it is, as every refine's message.
      check: 'Invalid input',
    });
  });

  it('of zod 3 is replaced by the German text, with its limits', () => {
    const schema = z3.z.object({ age: z3.z.number(), name: z3.z.string().min(3) });
    expect(messagesIn(parseError(schema, { age: 'x', name: 'ab' }), 'de')).toEqual({
      age: german('issue.invalid_type_expected').replace('{{expected}}', 'number'),
      name: german('issue.too_small_string').replace('{{minimum}}', '3'),
    });
  });

  it("sent by a server is replaced too, as is the message of a code that is not zod's", () => {
    const result = normalize({ status: 400, body: { message: 'Invalid', errors: [{ field: 'email', code: 'invalid_format', message: 'Invalid email address' }, { field: 'name', code: 'required', message: 'A name is required.' }] } });
    if (result.ok) throw new Error('a 400 was read as a success');
    expect(messagesIn(result.error, 'de')).toEqual({ email: german('issue.invalid_format'), name: german('issue.required') });
  });
});

describe('a text that needs params', () => {
  it("is skipped when a server's code names it without them: the server's message stays, never a bare {{placeholder}}", () => {
    const result = normalize({ status: 422, body: { message: 'Invalid', errors: [{ field: 'age', code: 'too_small_string', message: 'too short' }] } });
    if (result.ok) throw new Error('a 422 was read as a success');
    expect(localizer.localize(result.error, 'de').issues[0]?.message).toBe('too short');
  });

  it('is skipped for every issue text with a placeholder', () => {
    const templated = [...flatten(en)].filter(([key, value]) => key.startsWith('issue.') && String(value).includes('{{')).map(([key]) => key.slice('issue.'.length));
    expect(templated).toContain('too_big_date');
    const shown = templated.map((code) => {
      const result = normalize({ status: 400, body: { errors: [{ field: 'x', code, message: `server says ${code}` }] } });
      if (result.ok) throw new Error('a 400 was read as a success');
      return localizer.localize(result.error, 'de').issues[0]?.message;
    });
    expect(shown).toEqual(templated.map((code) => `server says ${code}`));
  });
});

describe("a server's code with a dot", () => {
  it("names no text of faultline's: the server's message stays, for a code of 100,000 dotted parts too", () => {
    // i18next reads a dotted key part by part, and looked up every run of a long code's parts as a
    // flat key: a 200 KB code took minutes. No code faultline has a text for holds a dot.
    for (const code of ['invalid_format.email', 'a.'.repeat(100_000)]) {
      const result = normalize({ status: 400, body: { message: 'Invalid', errors: [{ field: 'email', code, message: 'Invalid email address' }] } });
      if (result.ok) throw new Error('a 400 was read as a success');
      expect(localizer.localize(result.error, 'de').issues.map((issue) => [issue.code, issue.message])).toEqual([[code, 'Invalid email address']]);
    }
  });
});

describe("an issue's params", () => {
  // Each is the name of an option of i18next's t(): as a param it is a fact of the issue, nothing more.
  it.each<[string, IssueParam]>([
    ['lngs', ['ru']],
    ['replace', ['3']],
    ['lng', 'ru'],
    ['defaultValue', 'Anything at all'],
    ['ns', 'translation'],
    ['keySeparator', '_'],
    ['context', 'male'],
    ['skipInterpolation', true],
    ['returnDetails', true],
    ['postProcess', 'sprintf'],
  ])('named %s changes nothing in the message', (name, value) => {
    const ru = readLocale('ru');
    const withRussian = createLocalizer({ resources: { en, de, ru } });
    const error = createError({ kind: 'validation', issues: [{ path: ['n'], message: 'Too small: expected number to be >=3', code: 'too_small', params: { origin: 'number', minimum: 3, [name]: value } }] });
    expect(withRussian.localize(error, 'en').issues[0]?.message).toBe(readText(en, 'en', 'issue.too_small_number').replace('{{minimum}}', '3'));
    expect(withRussian.localize(error, 'de').issues[0]?.message).toBe(german('issue.too_small_number').replace('{{minimum}}', '3'));
    expect(readText(ru, 'ru', 'issue.too_small_number')).not.toBe(readText(en, 'en', 'issue.too_small_number'));
  });
});

describe('a date limit', () => {
  const window = z.object({ from: z.date().min(new Date('2024-01-01')), until: z.date().max(new Date('2024-12-31')) });
  const outside = { from: new Date('2020-01-01'), until: new Date('2030-01-01') };

  it('of zod 4 reads as an ISO date, not as epoch milliseconds', () => {
    const error = parseError(window, outside);
    expect(messagesIn(error, 'en')).toEqual({ from: 'Must be on or after 2024-01-01.', until: 'Must be on or before 2024-12-31.' });
    expect(messagesIn(error, 'de')).toEqual({ from: 'Darf nicht vor dem 2024-01-01 liegen.', until: 'Darf nicht nach dem 2024-12-31 liegen.' });
  });

  it('of zod 3 reads as an ISO date', () => {
    const error = parseError(z3.z.object({ from: z3.z.date().min(new Date('2024-01-01')) }), { from: new Date('2020-01-01') });
    expect(messagesIn(error, 'de')).toEqual({ from: 'Darf nicht vor dem 2024-01-01 liegen.' });
  });
});
