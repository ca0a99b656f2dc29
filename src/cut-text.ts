/**
 * A text cut to a length, never between the halves of a surrogate pair: a lone half is no
 * character (UTF-8 has no bytes for it, and strict JSON parsers refuse its escape).
 */

/**
 * The first `length` UTF-16 units of `text`, one fewer when the last would be a high surrogate.
 * @example
 * cutWhole('ab😀', 3); // 'ab'
 */
export const cutWhole = (text: string, length: number): string => text.slice(0, (text.charCodeAt(length - 1) & 0xfc00) === 0xd800 ? length - 1 : length);
