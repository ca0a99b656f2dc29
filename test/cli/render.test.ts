import { describe, expect, it } from 'vitest';
import { renderError, renderJson, renderResult, renderSuccess, renderTable, toPathText, toSafeJson } from '../../src/cli/render.ts';
import { toSafeText } from '../../src/safe-text.ts';
import { createLocalizer } from '../../src/i18n/index.ts';
import { normalize, type ApiError, type ApiResult } from '../../src/index.ts';
import { readLocale, readText } from '../i18n/locale-files.ts';

const en = readLocale('en');
const de = readLocale('de');
const localizer = createLocalizer({ resources: { en, de } });

function errorOf(result: ApiResult): ApiError {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

const validation = errorOf(
  normalize({
    status: 400,
    headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req-1', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
    body: { title: 'Bad Request', detail: 'Request failed validation', errors: [{ title: 'invalid_type', detail: '`body.name` is `undefined`, but `string` is expected.' }] },
  }),
);

describe('toSafeText', () => {
  it('escapes terminal escapes, C1 controls, line breaks and bidirectional controls', () => {
    expect(toSafeText('red \u001b[31mtext\u001b[0m')).toBe('red \\u001b[31mtext\\u001b[0m');
    expect(toSafeText('csi \u009b2J bell \u0007 del \u007f')).toBe('csi \\u009b2J bell \\u0007 del \\u007f');
    expect(toSafeText('a\nb\r\tc')).toBe('a\\nb\\r\\tc');
    expect(toSafeText('admin\u202e\u2066x')).toBe('admin\\u202e\\u2066x');
  });

  it('leaves ordinary text, accents and emoji as they are', () => {
    expect(toSafeText('Ungültige Anfrage — 日本 🙂 <b>&amp;</b>')).toBe('Ungültige Anfrage — 日本 🙂 <b>&amp;</b>');
  });
});

describe('toSafeJson', () => {
  it('escapes what JSON.stringify leaves raw, and stays JSON that parses to the same value', () => {
    const value = { message: 'x\u001b[2J\u009b\u202ey', nested: ['\u2028'] };
    const json = toSafeJson(value, 2);
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u202e]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('prints bytes, a Buffer among them, as their size', () => {
    expect(JSON.parse(toSafeJson({ png: Uint8Array.of(1, 2, 3), buffer: Buffer.from('abcd'), list: [new Uint8Array(0)] }))).toEqual({
      png: { binary: true, bytes: 3 },
      buffer: { binary: true, bytes: 4 },
      list: [{ binary: true, bytes: 0 }],
    });
  });
});

describe('renderTable', () => {
  it('aligns columns by characters and leaves the last one unpadded', () => {
    expect(renderTable([['PATH', 'CODE', 'MESSAGE'], ['name', 'too_small', 'Short'], ['straße.nr', '-', 'x']])).toEqual([
      '  PATH       CODE       MESSAGE',
      '  name       too_small  Short',
      '  straße.nr  -          x',
    ]);
  });

  it('counts a wide (East Asian) character as two columns, so that the columns after it line up', () => {
    expect(renderTable([['PATH', 'CODE', 'MESSAGE'], ['名前', 'required', '名前は必須です'], ['ｅｍａｉｌ', '-', 'x'], ['name', '-', 'y']])).toEqual([
      '  PATH        CODE      MESSAGE',
      '  名前        required  名前は必須です',
      '  ｅｍａｉｌ  -         x',
      '  name        -         y',
    ]);
  });

  it('counts an emoji of East Asian Width W as two columns (🚀, 🫠, ☕), and one of width N as one (🛋, ☀)', () => {
    expect(renderTable([['FIELD', 'CODE'], ['🚀 launch', 'a'], ['🫠', 'b'], ['☕ break', 'c'], ['🛋 x', 'd'], ['☀ sun', 'e']])).toEqual([
      '  FIELD      CODE',
      '  🚀 launch  a',
      '  🫠         b',
      '  ☕ break   c',
      '  🛋 x        d',
      '  ☀ sun      e',
    ]);
  });

  it('lines up an issue table whose paths are Japanese, in the report', () => {
    const error = errorOf(normalize({ status: 400, body: { message: 'Invalid', errors: [{ field: '名前', code: 'required', message: 'm' }, { field: 'email', code: 'invalid', message: 'n' }] } }));
    const lines = renderError(error, { language: 'en' }).split('\n');
    const header = lines.indexOf('Issues (2)');
    expect(lines.slice(header + 1, header + 4)).toEqual(['  PATH   CODE      MESSAGE', '  名前   required  m', '  email  invalid   n']);
  });

  it('pads no column past 160 characters: a 500 KB path overflows its own row, not 20,000 others', () => {
    // Every row was padded to the longest cell: 10 GB of spaces, past what a string can hold.
    const long = 'f'.repeat(500_000);
    const error = errorOf(normalize({ status: 400, body: { message: 'Invalid', errors: [{ field: long, message: 'm' }, ...Array.from({ length: 20_000 }, () => ({ field: 'a', message: 'm' }))] } }));
    const lines = renderError(error, { language: 'en' }).split('\n');
    const header = lines.indexOf('Issues (20001)');
    expect(lines[header + 1]).toBe(`  PATH${' '.repeat(156)}  CODE  MESSAGE`);
    // The model keeps 1,024 characters of a path's key (the body keeps it whole).
    expect(lines[header + 2]).toBe(`  ${long.slice(0, 1_024)}  -     m`);
    expect(lines[header + 3]).toBe(`  a${' '.repeat(159)}  -     m`);
  });
});

describe('toPathText', () => {
  it('writes paths as JavaScript property access', () => {
    expect(toPathText(['items', 0, 'name'])).toBe('items[0].name');
    expect(toPathText([0, 'sku'])).toBe('[0].sku');
    expect(toPathText(['first name', 'x'])).toBe('["first name"].x');
    expect(toPathText([])).toBe('');
  });
});

describe('renderError', () => {
  it('prints kind, status, title, detail, ids and dialect under the model’s names, and the issues as a table', () => {
    const report = renderError(validation, { language: 'en', localizer });
    expect(report).toMatch(/^Error response: validation \(400\)\n/);
    expect(report).toMatch(/^ {2}kind +validation$/m);
    expect(report).toMatch(/^ {2}status +400$/m);
    expect(report).toMatch(/^ {2}title +Bad Request$/m);
    expect(report).toMatch(/^ {2}detail +Request failed validation$/m);
    expect(report).toMatch(/^ {2}requestId +req-1$/m);
    expect(report).toMatch(/^ {2}traceId +4bf92f3577b34da6a3ce929d0e0e4736$/m);
    expect(report).toMatch(/^ {2}retryable +false$/m);
    expect(report).toMatch(/^ {2}dialect +problem$/m);
    expect(report).toContain(`  description  ${readText(en, 'en', 'kind.validation.description')}`);
    expect(report).toContain('Issues (1)\n  PATH       CODE          MESSAGE');
  });

  it('keeps the server’s issue message beside the one the localizer gave', () => {
    const lines = renderError(validation, { language: 'en', localizer }).split('\n');
    const header = lines.find((line) => line.includes('PATH'))!;
    expect(header).toMatch(/PATH +CODE +MESSAGE +SERVER MESSAGE$/);
    expect(lines[lines.indexOf(header) + 1]).toBe(`  body.name  invalid_type  ${readText(en, 'en', 'issue.invalid_type')}  \`body.name\` is \`undefined\`, but \`string\` is expected.`);
  });

  it('prints faultline’s texts in the chosen language', () => {
    const report = renderError(validation, { language: 'de', localizer });
    expect(report).toMatch(new RegExp(`^ {2}title +${readText(de, 'de', 'status.400')}$`, 'm'));
    expect(report).toContain(readText(de, 'de', 'kind.validation.description'));
    expect(report).toContain(readText(de, 'de', 'issue.invalid_type'));
    // The server's own detail is not faultline's to translate.
    expect(report).toMatch(/^ {2}detail +Request failed validation$/m);
  });

  it('prints the model’s title in English, where the English locale has a title of its own, and the locale’s in another language', () => {
    const unreadable = errorOf(normalize({ status: 200, headers: { 'content-type': 'application/json' }, body: 'not json{' }));
    expect(unreadable.title).toBe('Invalid Response');
    for (const language of ['en', 'en-GB', 'en-US']) expect(renderError(unreadable, { language, localizer })).toMatch(/^ {2}title +Invalid Response$/m);
    expect(renderError(unreadable, { language: 'en' })).toMatch(/^ {2}title +Invalid Response$/m);
    expect(renderError(unreadable, { language: 'de', localizer })).toMatch(new RegExp(`^ {2}title +${readText(de, 'de', 'kind.invalid_response.title')}$`, 'm'));
  });

  it('prints the model as it is without a localizer', () => {
    const report = renderError(validation, { language: 'de' });
    expect(report).toMatch(/^ {2}title +Bad Request$/m);
    expect(report).not.toContain('description');
    expect(report).toMatch(/PATH +CODE +MESSAGE$/m);
  });

  it('prints retry advice and the rate limit', () => {
    const limited = errorOf(normalize({ status: 429, headers: { 'retry-after': '30', 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0' }, body: { code: 'rate_limited', message: 'Slow down' } }));
    const report = renderError(limited, { language: 'de', localizer });
    expect(report).toMatch(/^ {2}retryable +true$/m);
    expect(report).toContain(`30000  ${readText(de, 'de', 'retry.in_seconds_other').replace('{{count}}', '30')}`);
    expect(report).toMatch(/^ {2}rateLimit +limit 100, remaining 0$/m);
    expect(report).toMatch(/^ {2}code +rate_limited$/m);
  });

  it('prints batch failures item by item with their issues', () => {
    const failure = errorOf(
      normalize({
        status: 200,
        body: {
          result: 'failure',
          failures: [{ rawData: { sku: 'SKU-9', quantity: 0 }, errors: [{ type: 'validation', code: 6003, message: 'The quantity must be at least 1.', field: 'quantity' }] }],
          metadata: { receivedItemsCount: 2, validItems: [1], invalidItems: [0] },
        },
      }),
    );
    const report = renderError(failure, { language: 'en', localizer });
    expect(report).toContain('Failures (1)\n  item 0  {"sku":"SKU-9","quantity":0}\n    PATH      CODE  MESSAGE\n    quantity  6003  The quantity must be at least 1.');
  });

  it('escapes control characters in everything the server sent', () => {
    const hostile = errorOf(normalize({ status: 500, headers: { 'x-request-id': 'id\u001b]0;pwned\u0007' }, body: { code: 'E\u001b[1m', message: 'line one\nline two \u001b[2J' } }));
    const report = renderError(hostile, { language: 'en', localizer });
    expect(report).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(report).toContain('line one\\nline two \\u001b[2J');
  });
});

describe('renderSuccess', () => {
  it('prints the status, dialect, HAL links and the data', () => {
    const result = normalize({ status: 200, headers: { 'content-type': 'application/hal+json' }, body: { _links: { self: { href: '/a' }, next: { href: '/a?p=2' } }, total: 2 } });
    if (!result.ok) throw new Error('expected a success');
    expect(renderSuccess(result.value)).toBe('Success response (200)\n  status   200\n  dialect  problem\n  links    self, next\n\nData\n  {\n    "total": 2\n  }\n');
  });

  it('cuts a long data preview and points to --json', () => {
    const result = normalize({ status: 200, body: Array.from({ length: 100 }, (_, index) => index) });
    if (!result.ok) throw new Error('expected a success');
    const lines = renderSuccess(result.value).trimEnd().split('\n');
    expect(lines.at(-1)).toBe('  … 62 more lines (--json prints them all)');
  });

  it('prints a binary body (a download) as its size, not one line per byte', () => {
    const result = normalize({ status: 200, headers: { 'content-type': 'image/png' }, body: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13) });
    if (!result.ok) throw new Error('expected a success');
    expect(renderSuccess(result.value)).toBe('Success response (200)\n  status   200\n  dialect  unknown\n\nData\n  12 bytes of binary data\n');
  });

  it('says when there is no data', () => {
    const result = normalize({ status: 204 });
    expect(renderResult(result, { language: 'en' })).toMatch(/\nNo data\n$/);
  });
});

describe('renderJson', () => {
  it('prints the result as indented JSON that parses back to the model', () => {
    const result = normalize({ status: 404, headers: { 'content-type': 'application/problem+json' }, body: { title: 'Not Found', detail: 'No campaign 7' } });
    const json = renderJson(result);
    expect(json).toBe(`${JSON.stringify(result, null, 2)}\n`);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(result)));
  });

  it('prints a binary body (a download) as its size, as the report does, not one member per byte', () => {
    const result = normalize({ status: 200, headers: { 'content-type': 'image/png' }, body: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13) });
    const json = JSON.parse(renderJson(result)) as { value: { data: unknown; body: unknown } };
    expect(json.value.data).toEqual({ binary: true, bytes: 12 });
    expect(json.value.body).toEqual({ binary: true, bytes: 12 });
  });

  it('keeps the model’s title in English, as the report does', () => {
    const unreadable = normalize({ status: 200, headers: { 'content-type': 'application/json' }, body: 'not json{' });
    const json = JSON.parse(renderJson(unreadable, { language: 'en', localizer })) as { error: ApiError };
    expect(json.error.title).toBe('Invalid Response');
  });

  it('localizes the error when a localizer is given', () => {
    const json = JSON.parse(renderJson(normalize({ status: 404 }), { language: 'de', localizer })) as { error: ApiError };
    expect(json.error.title).toBe(readText(de, 'de', 'status.404'));
  });
});
