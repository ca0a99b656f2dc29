/**
 * The human-readable report of `faultline inspect`: the model's fields under their own names
 * (the names `--json` prints), faultline's own texts in the chosen language, issues and batch
 * failures as aligned tables. Everything the server sent is printed as is, except control and
 * bidirectional characters, which are escaped: a body must not drive the terminal.
 */
import type { ApiError, ApiResult, ApiSuccess, Issue } from '../model.ts';
import type { Localizer } from '../i18n/localizer.ts';
import { toSafeText } from '../safe-text.ts';

/** How to render. */
export interface RenderOptions {
  /** The language, as negotiateLanguage gives it. */
  readonly language: string;
  /** Texts in that language; without one (no i18next) the model's English texts are shown as they are. */
  readonly localizer?: Localizer | undefined;
}

/** Lines of a value preview, beyond which `--json` shows the rest. */
const maxPreviewLines = 40;
/** Characters of a one-line value (extensions, a failed item's raw data). */
const maxInlineLength = 160;

/** The unsafe characters (safe-text.ts) that `JSON.stringify` leaves as they are: all but the C0 controls. */
const unsafeInJson = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** What `--json` prints for bytes: {@link toBinaryJson}. */
export interface BinaryJson {
  readonly binary: true;
  readonly bytes: number;
}

/**
 * Bytes (a success that is not text, an image or a PDF, keeps its body as a Uint8Array) as their
 * size, as the report prints them ("11 bytes of binary data"): `JSON.stringify` would print an
 * object of one member per byte. The holder's own value is asked, not the one `JSON.stringify`
 * passes: a Buffer's `toJSON` has already made that `{type: 'Buffer', data: [...]}`.
 */
function toBinaryJson(this: unknown, key: string, value: unknown): unknown {
  const own: unknown = (this as Record<string, unknown>)[key];
  return own instanceof Uint8Array ? ({ binary: true, bytes: own.byteLength } satisfies BinaryJson) : value;
}

/**
 * JSON for a terminal: `JSON.stringify` escapes C0 controls, and this escapes the rest of
 * {@link toSafeText}'s characters, which can appear only inside strings (so the JSON stays valid).
 * Bytes are printed as `{"binary": true, "bytes": <size>}`.
 */
export function toSafeJson(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, toBinaryJson, indent) as string | undefined;
  return (json ?? 'undefined').replace(unsafeInJson, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The ranges counted two columns wide, as terminals draw the East Asian Wide and Fullwidth
 * characters of UAX #11 (wcwidth's rule), exactly these: Hangul Jamo 1100–115F, CJK radicals to CJK symbols 2E80–303E, kana
 * to CJK compatibility 3041–33FF, CJK ideographs 3400–4DBF and 4E00–9FFF, Yi A000–A4CF, Hangul
 * syllables AC00–D7A3, CJK compatibility ideographs F900–FAFF, CJK compatibility forms FE30–FE4F,
 * fullwidth forms FF00–FF60 and FFE0–FFE6, and the supplementary ideographic planes 20000–3FFFD.
 * Of the emoji, only those of East Asian Width W (checked against Unicode 14's data), in five
 * blocks: Miscellaneous Symbols and Dingbats 2600–27BF (☕, ⚡, ✅, ❌: 25 ranges of the block's
 * 448 code points; ☀ and ✔ are N, one column), Miscellaneous Symbols and Pictographs and
 * Emoticons 1F300–1F64F (all but 🌡 and its like), Transport and Map Symbols 1F680–1F6FF (🚀; not
 * 🛋 and its like), Supplemental Symbols and Pictographs 1F90C–1F9FF (not 1F93B and 1F946), and
 * Symbols and Pictographs Extended-A 1FA70–1FAFF (🫠). Other emoji of width W (⌚ ⭐ 🟠 🀄) count
 * one column, and a sequence counts each code point: one with a skin tone or a ZWJ counts wider
 * than it is drawn.
 */
const wideRanges: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  // Miscellaneous Symbols and Dingbats: the code points of East Asian Width W.
  [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1], [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce],
  [0x26d4, 0x26d4], [0x26ea, 0x26ea], [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b], [0x2728, 0x2728],
  [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797], [0x27b0, 0x27b0], [0x27bf, 0x27bf],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  // Miscellaneous Symbols and Pictographs, Emoticons: the code points of East Asian Width W.
  [0x1f300, 0x1f320], [0x1f32d, 0x1f335], [0x1f337, 0x1f37c], [0x1f37e, 0x1f393], [0x1f3a0, 0x1f3ca], [0x1f3cf, 0x1f3d3], [0x1f3e0, 0x1f3f0], [0x1f3f4, 0x1f3f4], [0x1f3f8, 0x1f43e],
  [0x1f440, 0x1f440], [0x1f442, 0x1f4fc], [0x1f4ff, 0x1f53d], [0x1f54b, 0x1f54e], [0x1f550, 0x1f567], [0x1f57a, 0x1f57a], [0x1f595, 0x1f596], [0x1f5a4, 0x1f5a4], [0x1f5fb, 0x1f64f],
  // Transport and Map Symbols: the code points of East Asian Width W.
  [0x1f680, 0x1f6c5], [0x1f6cc, 0x1f6cc], [0x1f6d0, 0x1f6d2], [0x1f6d5, 0x1f6df], [0x1f6eb, 0x1f6ef], [0x1f6f4, 0x1f6ff],
  // Supplemental Symbols and Pictographs, Symbols and Pictographs Extended-A: the code points of East Asian Width W.
  [0x1f90c, 0x1f93a], [0x1f93c, 0x1f945], [0x1f947, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x3fffd],
];

/** Columns as a terminal counts them, roughly: one a code point, two for a wide one (`名前` is 4). */
function widthOf(text: string): number {
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    width += code >= 0x1100 && wideRanges.some(([first, last]) => code >= first && code <= last) ? 2 : 1;
  }
  return width;
}

/**
 * The widest a column is padded to. A longer cell overflows its row: padding every other row to
 * its width made a report's size the number of rows times the longest cell (a 50 KB path in one
 * issue of 2,000 printed 100 MB).
 */
const maxColumnWidth = 160;

/** Rows as aligned columns, two spaces apart; the last column is not padded, nor any past {@link maxColumnWidth}. */
export function renderTable(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, Math.min(widthOf(cell), maxColumnWidth))));
  return rows.map((row) => indent + row.map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(Math.max(0, widths[column]! - widthOf(cell))))).join('  ').trimEnd());
}

/** `['items', 0, 'name']` → `items[0].name`; a key that is not an identifier in brackets: `["first name"]`. */
export function toPathText(path: readonly (string | number)[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/**
 * The issue table: where (the server's own spelling when it gave one), code, message. A message
 * the localizer replaced (a code faultline knows) keeps the server's own beside it: the report
 * is for inspecting what the server said.
 */
function renderIssues(issues: readonly Issue[], received: readonly Issue[], indent: string): string[] {
  const replaced = issues.some((issue, index) => issue.message !== received[index]?.message);
  const rows = issues.map((issue, index) => {
    const row = [toSafeText(issue.field ?? toPathText(issue.path)) || '-', toSafeText(issue.code ?? '') || '-', toSafeText(issue.message)];
    return replaced ? [...row, toSafeText(received[index]?.message ?? '')] : row;
  });
  return renderTable([['PATH', 'CODE', 'MESSAGE', ...(replaced ? ['SERVER MESSAGE'] : [])], ...rows], indent);
}

/** A value on one line, cut at {@link maxInlineLength}. */
function toInlineJson(value: unknown): string {
  const characters = [...toSafeJson(value)];
  return characters.length > maxInlineLength ? `${characters.slice(0, maxInlineLength - 1).join('')}…` : characters.join('');
}

/** A value as indented lines, cut at {@link maxPreviewLines}. */
function toPreview(value: unknown): string[] {
  // A success of a media type that is not text (an image, a PDF) keeps its bytes: JSON would print one line per byte.
  if (value instanceof Uint8Array) return [`  ${value.byteLength} bytes of binary data`];
  const lines = (typeof value === 'string' ? toSafeText(value) : toSafeJson(value, 2)).split('\n');
  if (lines.length <= maxPreviewLines) return lines.map((line) => `  ${line}`);
  return [...lines.slice(0, maxPreviewLines).map((line) => `  ${line}`), `  … ${lines.length - maxPreviewLines} more lines (--json prints them all)`];
}

/** `limit 100, remaining 0, resets 2026-01-01T00:00:00.000Z`. */
function toRateLimitText(rateLimit: NonNullable<ApiError['rateLimit']>): string {
  const parts: string[] = [];
  if (rateLimit.limit !== undefined) parts.push(`limit ${rateLimit.limit}`);
  if (rateLimit.remaining !== undefined) parts.push(`remaining ${rateLimit.remaining}`);
  const resetAt = rateLimit.resetAt === undefined ? undefined : new Date(rateLimit.resetAt);
  if (resetAt && Number.isFinite(resetAt.getTime())) parts.push(`resets ${resetAt.toISOString()}`);
  return parts.join(', ');
}

/** The field lines: label, value; a value that is absent leaves its line out. */
function renderFields(fields: readonly (readonly [string, string | undefined])[]): string[] {
  return renderTable(fields.filter((field): field is readonly [string, string] => field[1] !== undefined && field[1] !== ''));
}

/**
 * The error with faultline's texts in the chosen language (a standard title, the messages of
 * issue codes it knows), as the report and `--json --lang` show it. In English the title stays
 * the model's: the model is English already, and the English locale's titles are a UI's
 * ("Unexpected response" for the model's "Invalid Response"), so the report, `--json` and a run
 * without i18next would each have said something else.
 */
function toShownError(original: ApiError, options: RenderOptions): ApiError {
  const { language, localizer } = options;
  if (!localizer) return original;
  const localized = localizer.localize(original, language);
  return language.split('-')[0]!.toLowerCase() === 'en' ? { ...localized, title: original.title } : localized;
}

/** The report of an error response. */
export function renderError(original: ApiError, options: RenderOptions): string {
  const { language, localizer } = options;
  const error = toShownError(original, options);
  const safe = (text: string | undefined): string | undefined => (text === undefined ? undefined : toSafeText(text));
  const advice = localizer?.retryAdvice(error, language);
  const lines = [
    `Error response: ${error.kind}${error.status === undefined ? '' : ` (${error.status})`}`,
    ...renderFields([
      ['kind', error.kind],
      ['status', error.status === undefined ? undefined : String(error.status)],
      ['title', safe(error.title)],
      ['detail', safe(error.detail)],
      ['description', localizer?.describe(error, language)],
      ['code', safe(error.code)],
      ['type', safe(error.type)],
      ['instance', safe(error.instance)],
      ['requestId', safe(error.requestId)],
      ['traceId', safe(error.traceId)],
      ['retryable', String(error.retryable)],
      ['retryAfterMs', error.retryAfterMs === undefined ? undefined : `${error.retryAfterMs}${advice === undefined ? '' : `  ${advice}`}`],
      ['rateLimit', error.rateLimit && toRateLimitText(error.rateLimit)],
      ['dialect', error.dialect],
      ['extensions', Object.keys(error.extensions).length > 0 ? toInlineJson(error.extensions) : undefined],
    ]),
  ];
  if (error.issues.length > 0) lines.push('', `Issues (${error.issues.length})`, ...renderIssues(error.issues, original.issues, '  '));
  if (error.failures.length > 0) {
    lines.push('', `Failures (${error.failures.length})`);
    error.failures.forEach((failure, index) => {
      lines.push(`  item ${failure.index}  ${toInlineJson(failure.rawData)}`);
      if (failure.issues.length > 0) lines.push(...renderIssues(failure.issues, original.failures[index]?.issues ?? [], '    '));
    });
  }
  return `${lines.join('\n')}\n`;
}

/** `self, next` — the names of a record's members. */
const toNames = (record: Readonly<Record<string, unknown>> | undefined): string | undefined => (record ? toSafeText(Object.keys(record).join(', ')) : undefined);

/** `key value, key value` for the facts of a success (page, cursor, batch). */
const toFactsText = (facts: object | undefined): string | undefined =>
  facts ? Object.entries(facts).map(([key, value]) => `${key} ${Array.isArray(value) ? value.join(' ') : toSafeText(String(value))}`).join(', ') : undefined;

/** The report of a success: its facts, then the data. */
export function renderSuccess(success: ApiSuccess): string {
  const lines = [
    `Success response (${success.status})`,
    ...renderFields([
      ['status', String(success.status)],
      ['dialect', success.dialect],
      ['requestId', success.requestId === undefined ? undefined : toSafeText(success.requestId)],
      ['traceId', success.traceId === undefined ? undefined : toSafeText(success.traceId)],
      ['location', success.location === undefined ? undefined : toSafeText(success.location)],
      ['page', toFactsText(success.page)],
      ['cursor', toFactsText(success.cursor)],
      ['batch', toFactsText(success.batch)],
      ['links', toNames(success.links)],
      ['embedded', toNames(success.embedded)],
    ]),
    '',
    success.data === undefined ? 'No data' : 'Data',
  ];
  if (success.data !== undefined) lines.push(...toPreview(success.data));
  return `${lines.join('\n')}\n`;
}

/**
 * The report of a result, in `options.language`.
 * @example
 * process.stdout.write(renderResult(normalize({ status: 404 }), { language: 'de', localizer }));
 */
export function renderResult(result: ApiResult, options: RenderOptions): string {
  return result.ok ? renderSuccess(result.value) : renderError(result.error, options);
}

/**
 * `--json`: the result as `JSON.stringify(result, null, 2)`, the error localized when a
 * localizer is given (its title the model's in English, as in the report), and made safe for a
 * terminal as {@link toSafeJson} says (bytes as their size).
 */
export function renderJson(result: ApiResult, options?: RenderOptions): string {
  const localized = !result.ok && options?.localizer ? { ok: false, error: toShownError(result.error, options) } : result;
  return `${toSafeJson(localized, 2)}\n`;
}
