/**
 * Seed 004's batch writes: every received item is validated first; if any is invalid, nothing is
 * saved and the answer is a `failure` listing each invalid item's index and errors; otherwise the
 * items are saved and the answer is a `success` with the processed items and the batch figures.
 */
import type { ApiError, BatchInfo, IssueInit, ItemFailureInit } from '../model.ts';
import { createError } from './create-error.ts';

/** What a validator says of one item: its issues (none when valid). */
export type ItemIssues = readonly Pick<IssueInit, 'path' | 'message' | 'field' | 'code' | 'params'>[] | undefined | void;

/** How to process a batch. */
export interface BatchOptions<Saved> {
  /** Issues of one item; an empty list (or nothing) when it is valid. */
  readonly validate: (item: unknown, index: number) => ItemIssues | Promise<ItemIssues>;
  /** Saves the items, all valid; called only when every item is. */
  readonly save: (items: unknown[]) => readonly Saved[] | Promise<readonly Saved[]>;
}

/** The outcome of a batch: the saved items with the batch figures, or the error to answer with. */
export type BatchOutcome<Saved> =
  | {
      /** `true`: every item was valid, and all were saved. */
      readonly ok: true;
      /** What `save` returned. */
      readonly data: Saved[];
      /** `receivedItemsCount`, `validItems` and `invalidItems` (empty), for the envelope's `metadata` (seed 004). */
      readonly batch: BatchInfo;
      /** Never set here; declared so that `outcome.ok ? … : outcome.error` narrows without `strictNullChecks` too. */
      readonly error?: undefined;
    }
  | {
      /** `false`: nothing was saved. */
      readonly ok: false;
      /** A 422 `validation` error whose `failures` list each invalid item; a 400 when the body is no array. */
      readonly error: ApiError;
      /** Never set here; declared so that narrowing on `ok` works without `strictNullChecks` too. */
      readonly data?: undefined;
    };

/**
 * Validates every item, then saves all of them or none.
 * @example
 * const outcome = await processBatch(await request.json(), { validate, save });
 * return outcome.ok ? ok(outcome.data, { dialect: 'envelope', batch: outcome.batch }) : toResponse(outcome.error, { dialect: 'envelope' });
 */
export async function processBatch<Saved>(items: unknown, options: BatchOptions<Saved>): Promise<BatchOutcome<Saved>> {
  if (typeof options?.validate !== 'function' || typeof options.save !== 'function') throw new TypeError('processBatch needs a validate and a save function');
  if (!Array.isArray(items)) return { ok: false, error: createError({ kind: 'bad_request', detail: 'The body must be an array of items' }) };
  const failures: ItemFailureInit[] = [];
  const validItems: number[] = [];
  for (const [index, item] of items.entries()) {
    const issues = (await options.validate(item, index)) ?? [];
    // A validator in plain JavaScript may return anything: say so, rather than fail on `.length` of it.
    if (!Array.isArray(issues)) throw new TypeError(`validate returned ${typeof issues} for item ${index}, not a list of issues`);
    if (issues.length === 0) validItems.push(index);
    // An issue without a path is about the item as a whole. createError takes the model's members
    // of each (a schema library's issues carry more, zod's `expected`), `params` among them, which
    // faultline/i18n words a message from.
    else failures.push({ index, rawData: item, issues: issues.map((issue) => ({ ...issue, path: Array.isArray(issue.path) ? [...issue.path] : [] })) });
  }
  const metadata = { receivedItemsCount: items.length, validItems, invalidItems: failures.map((failure) => failure.index) };
  if (failures.length > 0) {
    // Seed 004, 422: "the content of the request included some invalid data"; no item is saved.
    const issues = failures.flatMap((failure) => failure.issues.map((issue) => ({ ...issue, path: [failure.index, ...issue.path] })));
    return { ok: false, error: createError({ status: 422, kind: 'validation', issues, failures, extensions: { metadata } }) };
  }
  // What save returned, as it returned it: a read-only list is the caller's own to keep so.
  return { ok: true, data: (await options.save(items)) as Saved[], batch: metadata };
}
