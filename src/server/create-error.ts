/**
 * `createError`: an {@link ApiError} from what a route knows — a kind, a status, or both — with
 * everything else filled in. The caller's arrays and objects are copied, never frozen in place.
 */
import { toApiError } from '../create-error.ts';
import { createIssue } from '../issues.ts';
import { isRecord, setMember, toCode, toOwnView } from '../members.ts';
import { markOwn } from '../own-errors.ts';
import { errorKinds, type ApiError, type ApiErrorOf, type ErrorKind, type Init, type Issue, type IssueInit, type ItemFailure, type ItemFailureInit, type RateLimit } from '../model.ts';
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
export type CreateErrorInit = Writable<Omit<ApiError, 'kind' | 'status' | 'code' | 'issues' | 'failures' | 'rateLimit'>> & {
  /** A machine code; a number (seed 004's are integers) is kept as a string, as the model keeps codes. */
  code?: string | number | undefined;
  /** Field-level problems; a 400 or 422 with them is `validation`. */
  issues?: readonly IssueInit[] | undefined;
  /** Batch item failures (seed 004), each with its index and issues. */
  failures?: readonly ItemFailureInit[] | undefined;
  /** Rate-limit figures, written as `X-RateLimit-*` headers. */
  rateLimit?: Init<RateLimit> | undefined;
} & (
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

/** What a caller gave that the model cannot hold: said, never dropped (RELIABILITY.md). */
function refuse(what: string): never {
  throw new TypeError(`createError: ${what}`);
}

/**
 * The model's issue of one the caller gave: its path (a list of keys and indices), message, and
 * `field`, `code` and `params` when of their types; a numeric code as a string (seed 004's codes
 * are integers), `null` as absent. Members the model has no place for (zod's `expected`, Joi's
 * `type`) are left, as a validator's issues carry them; one that misreads is refused.
 */
const copyIssue = (given: IssueInit, at: string): Issue => {
  // Own reads (toOwnView): a polluted `code` or `field` is never read as the caller's (RELIABILITY.md).
  const { path, message, field, code, params } = toOwnView(isRecord(given) ? given : ({} as IssueInit));
  // A path is a list (['items', 0, 'name']): a text one, the server's own spelling, is `field`.
  const valid =
    Array.isArray(path) &&
    path.every((segment) => typeof segment === 'string' || typeof segment === 'number') &&
    typeof message === 'string' &&
    typeof (field ?? '') === 'string' &&
    (code == null || toCode(code) !== undefined) &&
    isRecord(params ?? {});
  if (!valid) refuse(`${at} is no Issue ({ path: (string | number)[], message, field?, code?, params? })`);
  return createIssue([...path], message, field ?? undefined, code == null ? undefined : toCode(code), params ? { ...params } : undefined);
};

const copyFailure = (given: ItemFailureInit, at: string): ItemFailure => {
  const failure = toOwnView(given);
  if (!isRecord(failure) || !(failure.index >= 0) || !Number.isSafeInteger(failure.index)) refuse(`${at} is no ItemFailure ({ index, rawData, issues })`);
  return Object.freeze({ index: failure.index, rawData: failure.rawData, issues: Object.freeze(copyEach(failure.issues, `${at}.issues`, copyIssue)) });
};

/** Each item of a list the caller gave, copied; a list that is none is refused. */
function copyEach<T, R>(list: readonly T[] | undefined, at: string, copy: (item: T, at: string) => R): R[] {
  if (!Array.isArray(list ?? [])) refuse(`${at} must be an array`);
  return (list ?? []).map((item, index) => copy(item, `${at}[${index}]`));
}

/**
 * Makes an error to answer with. The status follows from the kind and the kind from the status;
 * the title defaults to the status text. An `aborted` error has no status, as the model types
 * it; buildError answers it with 499 ({@link toStatus}).
 * @example
 * createError({ kind: 'not_found', detail: 'No campaign 7' }); // status 404, title 'Not Found'
 * createError({ status: 422, issues: [{ path: ['email'], message: 'is invalid' }] }); // kind 'validation'
 */
export function createError<K extends ErrorKind>(given: CreateErrorInit & { readonly kind: K }): { [Kind in K]: ApiErrorOf<Kind> }[K];
export function createError(given: CreateErrorInit): ApiError;
export function createError(given: CreateErrorInit): ApiError {
  if (typeof given !== 'object' || given === null) throw new TypeError('createError needs an object with a kind or a status');
  const init = toOwnView(given);
  if (init.kind !== undefined && !errorKinds.includes(init.kind)) throw new TypeError(`Unknown kind ${String(init.kind)}; use one of ${errorKinds.join(', ')}`);
  const issues = copyEach(init.issues, 'issues', copyIssue);
  // The model types an aborted error's status `undefined` (the caller gave up before any response):
  // it keeps none, a given one included, and buildError answers it with 499 ({@link toStatus}).
  // A server's own time-out or failed upstream is a 504 or a 502, as it is answered.
  const status = init.kind === 'aborted' ? undefined : (init.status ?? (init.kind === undefined ? undefined : toStatus(init.kind)));
  // A status that is none is a mistake, said even where it would be dropped (`aborted`).
  if ((init.status !== undefined && !isHttpStatus(init.status)) || (status === undefined && init.kind === undefined)) throw new TypeError(`createError needs an HTTP status from 100 to 599, or a kind; got ${String(init.status ?? init.kind)}`);
  const failures = copyEach(init.failures, 'failures', copyFailure);
  // Batch failures are field issues by item (seed 004): a 400 or 422 with them is `validation`,
  // as the envelope reader takes it back.
  const kind = init.kind ?? toErrorKind(status!, issues.length + failures.length > 0);
  const extensions: Record<string, unknown> = {};
  for (const key of Object.keys(init.extensions ?? {})) setMember(extensions, key, init.extensions![key]);
  // A numeric code (seed 004's are integers) is kept as the model keeps codes: as a string.
  const code = typeof init.code === 'number' ? toCode(init.code) : init.code;
  const error = toApiError({ ...init, kind, status, code, issues, failures, extensions, rateLimit: init.rateLimit && (Object.freeze(Object.fromEntries(Object.entries(init.rateLimit).filter(([, figure]) => figure !== undefined))) as RateLimit) });
  // toApiError leaves out or replaces what is of the wrong type (`detail: 42`) or no member at all
  // (`message`): each is said here. An aborted error's status is left out on purpose (above);
  // `null` is absent, as in an issue; and a figure that is none (`NaN`, as `Number()` of a missing
  // header gives) says nothing to keep.
  for (const key of Object.keys(init)) {
    const value = key === 'code' ? code : init[key as keyof typeof init];
    if (key !== 'status' && value != null && typeof value !== typeof error[key as keyof ApiError] && !Number.isNaN(value)) {
      refuse(`ApiError has no \`${key}\` of type ${typeof value} (\`detail\` explains; extension members go in \`extensions\`)`);
    }
  }
  return markOwn(error);
}
