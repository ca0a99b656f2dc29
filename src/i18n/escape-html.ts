/**
 * Server text on a page is text, never markup: a message that says `<script>` shows
 * `<script>`. These helpers are for pages that build HTML by hand; frameworks that escape
 * (React, Vue, Svelte) need none of it.
 */
import type { ApiError } from '../model.ts';

/**
 * Escapes `& < > " '` so that `text` is shown as written, in element content and in quoted
 * attributes, as numeric character references (`&#60;` for `<`), which every HTML parser reads.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * An error as a small HTML fragment: its title, its detail and a list of its issues, every
 * piece of text escaped.
 * @example
 * element.innerHTML = toHtml(localize(error, 'de'));
 */
export function toHtml(error: ApiError): string {
  const detail = error.detail === undefined ? '' : `<p>${escapeHtml(error.detail)}</p>`;
  // One `<li>` per issue, each never empty: no issues, no list.
  const issues = error.issues
    .map((issue) => {
      const field = issue.field ?? issue.path.join('.');
      return `<li>${field && `<strong>${escapeHtml(field)}</strong>: `}${escapeHtml(issue.message)}</li>`;
    })
    .join('');
  return `<div role="alert"><strong>${escapeHtml(error.title)}</strong>${detail}${issues && `<ul>${issues}</ul>`}</div>`;
}
