/**
 * Error bodies nested too deep for the model. V8's `JSON.stringify` and `structuredClone`
 * overflow the stack at about 5,000 levels, and the model must survive both (DESIGN.md). Such a
 * body is still read — every walk stops at depth 64 — but the model keeps its text as `body`,
 * in place of its members in `extensions` and the items' raw data in `failures`: nothing is
 * lost, the text holds them. No real error body comes near the limit; a hostile or broken
 * server can send one (RELIABILITY.md "Depth").
 */
import type { ItemFailure } from './model.ts';

/** The deepest nesting of arrays and objects an error body may have and stay parsed in the model. */
const maxDepth = 1_000;

/** Whether JSON text nests arrays and objects more than {@link maxDepth} deep; strings are skipped. */
export function nestsTooDeep(text: string): boolean {
  // Only a text twice as long as the limit can nest that deep: most error bodies skip the scan.
  if (text.length <= 2 * maxDepth) return false;
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      if (++depth > maxDepth) return true;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return false;
}

/** The failures without their items' raw data, which the body's text keeps. */
export function withoutRawData(failures: readonly ItemFailure[] | undefined): readonly ItemFailure[] | undefined {
  return Array.isArray(failures) ? failures.map((failure) => ({ ...failure, rawData: undefined })) : undefined;
}
