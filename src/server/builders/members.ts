/** Helpers the builders share. */
import type { ApiError, Issue } from '../../model.ts';
import { setMember } from '../../members.ts';

/** A body that starts with the error's extensions, so that the dialect's own members written after them win. */
export function startBody(error: ApiError, reserved: readonly string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(error.extensions)) if (!reserved.includes(key)) setMember(body, key, error.extensions[key]);
  return body;
}

/** Sets `key` when `value` is defined. */
export function put(body: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) body[key] = value;
}

/** `items[0].name`: how the plain dialect spells a path when the server gave no field. */
export function toDottedField(path: Issue['path']): string | undefined {
  if (path.length === 0) return undefined;
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

/** RFC 6901 JSON Pointer of a path, `#/items/0/name` as in RFC 9457 §3's example; `undefined` for `[]`. */
export function toPointer(path: Issue['path']): string | undefined {
  if (path.length === 0) return undefined;
  return `#/${path.map((segment) => String(segment).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
}
