/**
 * Seed 004: every body says `result`. Successes carry the items and `metadata`; batch failures
 * carry `failures[{rawData, errors}]` with `metadata.invalidItems`; other errors carry
 * `error{type, code, message, description?, field?}`.
 */
import type { ApiError, ErrorKind, Issue } from '../../model.ts';
import type { DialectBuilder } from './types.ts';
import { put, startBody, toField } from './members.ts';

/** Seed 004's error types, from the kind. */
const errorTypes: Partial<Record<ErrorKind, string>> = {
  validation: 'validation',
  unauthenticated: 'permission',
  forbidden: 'permission',
  bad_request: 'client',
  not_found: 'client',
  method_not_allowed: 'client',
  conflict: 'content',
  payload_too_large: 'content',
  unprocessable: 'content',
  rate_limited: 'client',
};

const toErrorType = (kind: ErrorKind): string => errorTypes[kind] ?? 'system';

/** Seed 004's six error types: one read into `extensions.type` is written back as it came. */
const seedErrorTypes: readonly unknown[] = ['system', 'client', 'syntax', 'content', 'permission', 'validation'];

// Seed 004, Error Object: `code` is an Integer, always present — a string code would break
// clients typed from the seed (and faultline/zod's envelopeSchema). A code spelled in digits is
// written as that integer; any other code has no place in seed 004, and the status stands in.
const toIntegerCode = (code: string | undefined, status: number): number =>
  code !== undefined && /^-?\d{1,15}$/.test(code) ? Number(code) : status;

function toErrorObject(kind: ErrorKind, issue: Issue | undefined, message: string, code: string | undefined, status: number): Record<string, unknown> {
  const object: Record<string, unknown> = { type: toErrorType(kind), code: toIntegerCode(code, status), message };
  put(object, 'field', issue && toField(issue));
  return object;
}

function buildFailure(error: ApiError, status: number): Record<string, unknown> {
  const metadata: Record<string, unknown> = { ...(error.extensions['metadata'] as object | undefined) };
  metadata['invalidItems'] = error.failures.map((failure) => failure.index);
  const body = startBody(error);
  body['result'] = 'failure';
  body['failures'] = error.failures.map((failure) => ({
    rawData: failure.rawData,
    errors: failure.issues.map((issue) => toErrorObject('validation', issue, issue.message, issue.code, status)),
  }));
  body['metadata'] = metadata;
  return body;
}

/** Seed 004: errors as `{result: "error", error: {type, code, message, description?, field?}}`, batch failures as `{result: "failure", failures: [{rawData, errors}], metadata}`; successes as `{result: "success", items, metadata}` (`itemsKey` renames `items`; a cursor is a TypeError: seed 004 pages by `page`). */
export const envelopeBuilder: DialectBuilder = {
  id: 'envelope',
  errorMediaType: 'application/json',
  successMediaType: () => 'application/json',
  buildError(error, status) {
    if (error.failures.length > 0) return buildFailure(error, status);
    // Seed 004's error object names one field: a validation error's first issue. When the object
    // cannot carry them all — several issues, or one whose message or code is not the object's, or
    // that names no field — every issue with its own message and code also goes in `errors[]`, a
    // member seed 004 readers ignore and faultline reads back, so that none is lost.
    const [first] = error.issues;
    // Seed 004's `message` of a field error is that field's: a lone issue's message, unless the error has its own.
    const object = toErrorObject(error.kind, first, error.detail ?? (error.issues.length === 1 ? first!.message : error.title), error.code, status);
    put(object, 'description', error.extensions['description']);
    if (seedErrorTypes.includes(error.extensions['type'])) object['type'] = error.extensions['type'];
    // An issue without a code is read back with the object's: a code added, nothing lost.
    const carried = error.issues.length === 1 && first!.path.length > 0 && first!.message === object['message'] && (first!.code ?? String(object['code'])) === String(object['code']);
    if (error.issues.length > 0 && !carried) object['errors'] = error.issues.map((issue) => ({ field: toField(issue), message: issue.message, code: issue.code }));
    // Extensions (`metadata` among them) as extra members beside `result`, as in the other
    // dialects: seed 004 readers keep them; left out, `normalize(buildError(e))` lost them.
    const body = startBody(error);
    body['result'] = 'error';
    body['error'] = object;
    return body;
  },
  buildSuccess(data, { page, batch, cursor, itemsKey = 'items' }) {
    // Seed 004 pages by `metadata.page`: a cursor written nowhere would end a client's paging unsaid.
    if (cursor !== undefined) throw new TypeError('The envelope dialect has no cursor: give page');
    // Seed 004's own members: items under either name would be overwritten, or overwrite `result`.
    if (itemsKey === 'result' || itemsKey === 'metadata') throw new TypeError(`itemsKey "${itemsKey}" is a member of seed 004's envelope`);
    const body: Record<string, unknown> = { result: 'success' };
    put(body, itemsKey, data);
    body['metadata'] = { ...page, ...batch };
    return body;
  },
};
