// What a user reads once `fromZodError`'s issues are localized by faultline/i18n: the params
// fromZodError writes decide which text applies. Texts are written out from locales/en.json and
// locales/de.json by hand.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import * as z3 from 'zod/v3';
import { createLocalizer } from '../../src/i18n/index.ts';
import { fromZodError } from '../../src/zod/index.ts';
import { readLocale } from '../i18n/locale-files.ts';

const localizer = createLocalizer({ resources: { en: readLocale('en'), de: readLocale('de') } });

/** The message of the first issue of a parse of `input` that must fail, localized in English and in German. */
function messagesOf(schema: { safeParse(input: unknown): { success: boolean; error?: unknown } }, input: unknown): { en: string; de: string } {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the parse to fail');
  const error = fromZodError(result.error as z.ZodError);
  return { en: localizer.localize(error, 'en').issues[0]!.message, de: localizer.localize(error, 'de').issues[0]!.message };
}

describe('an exclusive bound', () => {
  it('reads as too small or too large, never as an inclusive "at least" or "at most" (zod 4)', () => {
    const tooSmall = { en: 'This value is too small.', de: 'Dieser Wert ist zu klein.' };
    const tooLarge = { en: 'This value is too large.', de: 'Dieser Wert ist zu groß.' };
    // 0 is not positive: "Must be at least 0." said it was fine.
    expect(messagesOf(z.number().positive(), 0)).toEqual(tooSmall);
    expect(messagesOf(z.number().gt(5), 5)).toEqual(tooSmall);
    expect(messagesOf(z.number().lt(10), 10)).toEqual(tooLarge);
    expect(messagesOf(z.number().negative(), 0)).toEqual(tooLarge);
  });

  it('reads the same for zod 3', () => {
    expect(messagesOf(z3.z.number().positive(), 0)).toEqual({ en: 'This value is too small.', de: 'Dieser Wert ist zu klein.' });
    expect(messagesOf(z3.z.number().lt(10), 10)).toEqual({ en: 'This value is too large.', de: 'Dieser Wert ist zu groß.' });
  });

  it('is kept in params under JSON Schema names, beside inclusive: false', () => {
    const error = fromZodError(z.object({ a: z.number().gt(5), b: z.number().lt(1) }).safeParse({ a: 5, b: 1 }).error!);
    expect(error.issues.map((issue) => issue.params)).toEqual([
      { origin: 'number', exclusiveMinimum: 5, inclusive: false },
      { origin: 'number', exclusiveMaximum: 1, inclusive: false },
    ]);
  });

  it('leaves inclusive bounds and exact lengths their texts', () => {
    expect(messagesOf(z.int().min(5), 1)).toEqual({ en: 'Must be at least 5.', de: 'Muss mindestens 5 sein.' });
    expect(messagesOf(z.number().max(3), 4)).toEqual({ en: 'Must be at most 3.', de: 'Darf höchstens 3 sein.' });
    // A length(3) string of 2 characters is shorter than 3: the text stays true.
    expect(messagesOf(z.string().length(3), 'ab')).toEqual({ en: 'Number of characters must be at least 3.', de: 'Muss mindestens 3 Zeichen lang sein.' });
  });
});

describe("a literal's or an enum's choices", () => {
  it('are shown when they are booleans, null or bigints', () => {
    expect(messagesOf(z.literal(true), false)).toEqual({ en: 'Must be one of: true.', de: 'Muss einer der folgenden Werte sein: true.' });
    expect(messagesOf(z.literal(null), 1).en).toBe('Must be one of: null.');
    expect(messagesOf(z.literal(5n), 1n).en).toBe('Must be one of: 5.');
    expect(messagesOf(z.literal([1, true, null]), 'x').en).toBe('Must be one of: 1, true, null.');
  });

  it('are written to params as text, so that they survive JSON', () => {
    const error = fromZodError(z.literal([1, false, null, 7n]).safeParse('x').error!);
    expect(error.issues[0]!.params).toEqual({ values: [1, 'false', 'null', '7'] });
    expect(JSON.parse(JSON.stringify(error.issues))).toEqual(error.issues);
  });

  it('give the generic text when none can be shown, never "Must be one of: ."', () => {
    const issue = { code: 'invalid_value', message: 'Invalid option', values: [{}, () => 1] };
    const error = fromZodError({ issues: [issue] });
    expect(error.issues[0]!.params).toBeUndefined();
    expect(localizer.localize(error, 'en').issues[0]!.message).toBe('This value is not one of the allowed options.');
  });
});

describe('a zod 3 issue', () => {
  it('is localized as its zod 4 successor is: invalid_string, invalid_enum_value and invalid_literal', () => {
    expect(messagesOf(z3.z.string().email(), 'ada@')).toEqual({ en: 'Enter a valid email address.', de: 'Geben Sie eine gültige E-Mail-Adresse ein.' });
    expect(messagesOf(z3.z.string().url(), 'nope').en).toBe('Enter a valid URL.');
    expect(messagesOf(z3.z.enum(['s', 'm']), 'xl')).toEqual({ en: 'Must be one of: s, m.', de: 'Muss einer der folgenden Werte sein: s, m.' });
    expect(messagesOf(z3.z.literal('yes'), 'no').en).toBe('Must be one of: yes.');
    expect(messagesOf(z3.z.literal(true), false).en).toBe('Must be one of: true.');
  });

  it("gets zod 4's code and params names, so that a client reads one vocabulary", () => {
    const result = z3.z.object({ email: z3.z.string().email(), size: z3.z.enum(['s', 'm']), agree: z3.z.literal(true) }).safeParse({ email: 'x', size: 'xl', agree: false });
    const issues = fromZodError(result.error!).issues.map(({ code, params }) => ({ code, params }));
    expect(issues).toEqual([
      { code: 'invalid_format', params: { format: 'email' } },
      { code: 'invalid_value', params: { values: ['s', 'm'] } },
      { code: 'invalid_value', params: { values: ['true'] } },
    ]);
  });
});

describe("a refinement's params", () => {
  it('are kept in the issue params, the JSON-safe ones', () => {
    const schema = z.object({ p: z.string(), q: z.string() }).superRefine((_value, context) => {
      context.addIssue({ code: 'custom', message: 'mismatch', path: ['q'], params: { other: 'p', limit: 3, strict: true, nested: { a: 1 }, when: undefined } });
    });
    const error = fromZodError(schema.safeParse({ p: 'a', q: 'b' }).error!);
    expect(error.issues[0]).toEqual({ path: ['q'], field: 'q', message: 'mismatch', code: 'custom', params: { other: 'p', limit: 3, strict: true } });
    expect(fromZodError(z.string().refine((value) => value === 'x', { message: 'must be x', params: { foo: 1 } }).safeParse('y').error!).issues[0]!.params).toEqual({ foo: 1 });
  });

  it("leave the refinement's message as written when localized", () => {
    const schema = z.string().refine((value) => value === 'x', { message: 'Must be x', params: { minimum: 3 } });
    expect(messagesOf(schema, 'y')).toEqual({ en: 'Must be x', de: 'Must be x' });
  });

  it('cannot set the prototype of params through a __proto__ key', () => {
    const issue = { code: 'custom', message: 'm', params: JSON.parse('{"__proto__": ["polluted"], "ok": 1}') as Record<string, unknown> };
    const params = fromZodError({ issues: [issue] }).issues[0]!.params!;
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(params).toEqual({ ok: 1 });
  });
});

describe('a list too long for a message', () => {
  it('is not spelled out by the localized message, which stays as short as the message fromZodError cut', () => {
    const unknownKeys = Object.fromEntries(Array.from({ length: 60_000 }, (_, index) => [`key${index}`, 1]));
    const { en, de } = messagesOf(z.strictObject({}), unknownKeys);
    // No `keys` to fill "Unknown field: {{keys}}." with: zod's message, cut, stays in either language.
    expect(en).toHaveLength(1000);
    expect(de).toBe(en);
  });
});
