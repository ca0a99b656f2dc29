/**
 * `createError`: an {@link ApiError} from what a route knows — a kind, a status, or both — with
 * everything else filled in. The caller's arrays and objects are copied, never frozen in place.
 */
import { toApiError } from '../create-error.ts';
import { createIssue } from '../issues.ts';
import { setMember, toOwnView } from '../members.ts';
import { markOwn } from '../own-errors.ts';
import { errorKinds, type ApiError, type ErrorKind, type Issue, type ItemFailure } from '../model.ts';
import { isHttpStatus, toErrorKind, toKindStatus } from '../status.ts';

/**
 * The status an error of a kind is answered with when the caller names none: the status that
 * means the kind (status.ts), else these. Seeds 001 and 003 answer validation failures with 400.
 */
const otherStatuses: Partial<Record<ErrorKind, number>> = { validation: 400, timeout: 504, network: 502, aborted: 499, invalid_response: 502 };

/** The status a server answers an error of this kind with; also for the kinds whose errors have none. */
export function toStatus(kind: ErrorKind): number {
  return toKindStatus(kind) ?? otherStatuses[kind] ?? 500;
}


/** Every member of `T` optional, writable, and accepting `undefined`. */
export type Writable<T> = { -readonly [K in keyof T]?: T[K] | undefined };

/** What `createError` takes: any member of the model, and a kind or a status (or both). */
export type CreateErrorInit = Writable<Omit<ApiError, 'kind' | 'status'>> &
  (
    | {
        /** What went wrong; the status follows from it when none is given (`not_found` → 404, `timeout` → 504), except for `aborted`, which has none. */
        kind: ErrorKind;
        /** The status to answer with, 100–599, when not the kind's own ({@link toStatus}); an `aborted` error keeps none. */
        status?: number | undefined;
      }
    | {
        /** What went wrong, when not what the status says (a 400 or 422 with issues or failures says `validation`). */
        kind?: ErrorKind | undefined;
        /** The status to answer with, 100–599; the kind follows from it when none is given. */
        status: number;
      }
  );

const copyIssue = (given: Issue): Issue => {
  // Own reads (toOwnView): a polluted `code` or `field` is never read as the caller's (RELIABILITY.md).
  const issue = toOwnView(given);
  return createIssue([...issue.path], issue.message, issue.field, issue.code, issue.params && { ...issue.params });
};

const copyFailure = (given: ItemFailure): ItemFailure => {
  const failure = toOwnView(given);
  return Object.freeze({ index: failure.index, rawData: failure.rawData, issues: Object.freeze(failure.issues.map(copyIssue)) });
};

/**
 * Makes an error to answer with. The status follows from the kind and the kind from the status;
 * the title defaults to the status text. An `aborted` error has no status, as the model types
 * it; buildError answers it with 499 ({@link toStatus}).
 * @example
 * createError({ kind: 'not_found', detail: 'No campaign 7' }); // status 404, title 'Not Found'
 * createError({ status: 422, issues: [{ path: ['email'], message: 'is invalid' }] }); // kind 'validation'
 */
export function createError(given: CreateErrorInit): ApiError {
  if (typeof given !== 'object' || given === null) throw new TypeError('createError needs an object with a kind or a status');
  const init = toOwnView(given);
  if (init.kind !== undefined && !errorKinds.includes(init.kind)) throw new TypeError(`Unknown kind ${String(init.kind)}; use one of ${errorKinds.join(', ')}`);
  const issues = Array.isArray(init.issues) ? init.issues.map(copyIssue) : [];
  // The model types an aborted error's status `undefined` (the caller gave up before any response):
  // it keeps none, a given one included, and buildError answers it with 499 ({@link toStatus}).
  // A server's own time-out or failed upstream is a 504 or a 502, as it is answered.
  const status = init.kind === 'aborted' ? undefined : (init.status ?? (init.kind === undefined ? undefined : toStatus(init.kind)));
  // A status that is none is a mistake, said even where it would be dropped (`aborted`).
  if ((init.status !== undefined && !isHttpStatus(init.status)) || (status === undefined && init.kind === undefined)) throw new TypeError(`createError needs an HTTP status from 100 to 599, or a kind; got ${String(init.status ?? init.kind)}`);
  const failures: ItemFailure[] = (init.failures ?? []).map(copyFailure);
  // Batch failures are field issues by item (seed 004): a 400 or 422 with them is `validation`,
  // as the envelope reader takes it back.
  const kind = init.kind ?? toErrorKind(status!, issues.length + failures.length > 0);
  const extensions: Record<string, unknown> = {};
  for (const key of Object.keys(init.extensions ?? {})) setMember(extensions, key, init.extensions![key]);
  return markOwn(toApiError({ ...init, kind, status, issues, failures, extensions, rateLimit: init.rateLimit && Object.freeze({ ...init.rateLimit }) }));
}
