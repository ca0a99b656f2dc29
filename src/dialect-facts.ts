/**
 * A dialect's facts held to the model's types. The built-in dialects give them right; a custom
 * dialect (README "Fewer dialects, or your own") may pass members of the body through as they
 * are — a list of strings for issues, a `NaN` wait, the caller's own objects. What is of the wrong
 * type is left out, and what is the caller's is copied, never frozen in place (`normalize` is pure).
 */
import { createIssue } from './issues.ts';
import { emptyList, isRecord, toCount, toOptionalString } from './members.ts';
import type { Issue, ItemFailure, RateLimit } from './model.ts';
import { toRateLimit } from './retry-timing.ts';

// A key, or an index (issues.ts reads paths alike).
const isPathSegment = (segment: unknown): segment is string | number => typeof segment === 'string' || toCount(segment) !== undefined;

/** Whether a member is absent or of its type: a string, or a record for `params`. */
const absentOr = (value: unknown, is: (value: unknown) => boolean): boolean => value === undefined || is(value);

/** An issue as the model holds it: a frozen `Issue` as it is; one of the caller's copied; anything else `undefined`. */
function toModelIssue(value: unknown): Issue | undefined {
  if (!isRecord(value)) return undefined;
  const { path, message, field, code, params } = value;
  if (!Array.isArray(path) || typeof message !== 'string' || !path.every(isPathSegment)) return undefined;
  // createIssue's issues (every built-in dialect's) are frozen, path and all: checked, not copied.
  if (Object.isFrozen(value) && Object.isFrozen(path) && absentOr(field, (text) => typeof text === 'string') && absentOr(code, (text) => typeof text === 'string') && absentOr(params, isRecord)) return value as unknown as Issue;
  return createIssue([...path], message, toOptionalString(field), toOptionalString(code), isRecord(params) ? ({ ...params } as Issue['params']) : undefined);
}

/** Keeps what `toModel` makes of each entry of a list, in a list of its own. */
function keepEach<T>(list: unknown, toModel: (value: unknown) => T | undefined): readonly T[] {
  if (!Array.isArray(list) || list.length === 0) return emptyList;
  const kept: T[] = [];
  for (const value of list) {
    const item = toModel(value);
    if (item !== undefined) kept.push(item);
  }
  return kept;
}

/** A dialect's issues: the `Issue`s among them. */
export const toModelIssues = (list: unknown): readonly Issue[] => keepEach(list, toModelIssue);

/** A dialect's item failures (seed 004): those with an index and a list of issues. */
export const toModelFailures = (list: unknown): readonly ItemFailure[] =>
  keepEach(list, (value): ItemFailure | undefined => {
    if (!isRecord(value) || toCount(value['index']) === undefined || !Array.isArray(value['issues'])) return undefined;
    const issues = toModelIssues(value['issues']);
    // A frozen failure whose issues all hold is kept as it is; any other is rebuilt of what holds.
    const whole = issues.length === value['issues'].length && issues.every((issue, at) => issue === (value['issues'] as unknown[])[at]);
    return Object.isFrozen(value) && whole ? (value as unknown as ItemFailure) : Object.freeze({ index: value['index'] as number, rawData: value['rawData'], issues: Object.freeze(issues) });
  });

/** A wait in ms: a finite number, 0 or more. */
export const toWaitMs = (value: unknown): number | undefined => (typeof value === 'number' && value >= 0 && value < Number.POSITIVE_INFINITY ? value : undefined);

/** Rate-limit figures: counts, and a reset that is a time; absent when none of them is. */
export const toModelRateLimit = (value: unknown): RateLimit | undefined =>
  isRecord(value) ? toRateLimit(toCount(value['limit']), toCount(value['remaining']), toWaitMs(value['resetAt'])) : undefined;

/** An object member of a success (`links`, `page`, `cursor`, `batch`): a record, else absent. */
export const toRecordFact = <T>(value: T): T | undefined => (isRecord(value) ? value : undefined);
