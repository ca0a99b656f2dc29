/**
 * Server text made safe for one line of a log or a terminal: shared by a `ResponseError`'s
 * message and the `faultline` command's report.
 */

/**
 * C0 and C1 controls (ESC starts a terminal sequence, and U+009B is a one-character CSI), line
 * and paragraph separators, and the bidirectional controls of Unicode TR 9 that can reorder what
 * a reader sees ("Trojan Source", CVE-2021-42574).
 */
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const namedEscapes: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Server text made safe to print: each control or bidirectional character becomes an escape.
 * @example
 * toSafeText('Bad\u001b[31m request\n'); // 'Bad\\u001b[31m request\\n'
 */
export function toSafeText(text: string): string {
  return text.replace(unsafeCharacters, (character) => namedEscapes[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
