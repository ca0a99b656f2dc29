/**
 * Seed 004: every body says `result: "success" | "failure" | "error"`. A success carries the
 * processed items and `metadata` (page figures for reads, received / valid / invalid item
 * indices for writes); a failure carries `failures[{rawData, errors}]`, mapped to the request
 * items by `metadata.invalidItems`; an error carries `error{type, code, message, description?, field?}`.
 * A failure or an error is an error whatever the HTTP status.
 */
import { fromStatusAlone, isSuccessStatus, type BodyFacts, type DialectParser } from '../dialect.ts';
import { createIssue, parseFieldPath, toIssues } from '../issues.ts';
import type { BatchInfo, ErrorKind, Issue, ItemFailure, PageInfo } from '../model.ts';
import { isRecord, readOwn, setMember, toCode, toCount, toOptionalString } from '../members.ts';

/** Seed 004 error types and the kinds they mean. */
const kindsByErrorType: Readonly<Record<string, ErrorKind>> = {
  system: 'server',
  client: 'bad_request',
  syntax: 'bad_request',
  content: 'unprocessable',
  permission: 'forbidden',
  validation: 'validation',
};

const toIndices = (value: unknown): number[] | undefined =>
  Array.isArray(value) ? value.filter((index): index is number => toCount(index) !== undefined) : undefined;

function toPage(metadata: Record<string, unknown>): PageInfo | undefined {
  const page: { page?: number; pagesCount?: number; recordsPerPage?: number; recordsCount?: number } = {};
  for (const key of ['page', 'pagesCount', 'recordsPerPage', 'recordsCount'] as const) {
    const value = toCount(readOwn(metadata, key));
    if (value !== undefined) page[key] = value;
  }
  return Object.keys(page).length > 0 ? Object.freeze(page) : undefined;
}

function toBatch(metadata: Record<string, unknown>): BatchInfo | undefined {
  const batch: { receivedItemsCount?: number; validItems?: number[]; invalidItems?: number[] } = {};
  const received = toCount(readOwn(metadata, 'receivedItemsCount'));
  const valid = toIndices(readOwn(metadata, 'validItems'));
  const invalid = toIndices(readOwn(metadata, 'invalidItems'));
  if (received !== undefined) batch.receivedItemsCount = received;
  if (valid) batch.validItems = valid;
  if (invalid) batch.invalidItems = invalid;
  return Object.keys(batch).length > 0 ? Object.freeze(batch) : undefined;
}

/** One seed 004 error object as an issue; `field` names the field of a validation error. */
function toIssue(error: Record<string, unknown>, prefix: readonly (string | number)[]): Issue | undefined {
  const message = toOptionalString(readOwn(error, 'message'));
  if (message === undefined) return undefined;
  const field = toOptionalString(readOwn(error, 'field'));
  return createIssue([...prefix, ...(field === undefined ? [] : parseFieldPath(field))], message, field, toCode(readOwn(error, 'code')));
}

function toFailures(failures: unknown, invalidItems: readonly number[] | undefined): ItemFailure[] {
  if (!Array.isArray(failures)) return [];
  return failures.map((failure: unknown, position) => {
    // Seed 004: failures map to request items through `invalidItems`; without it, by position.
    const index = invalidItems?.[position] ?? position;
    const errors = isRecord(failure) ? readOwn(failure, 'errors') : undefined;
    const issues = Array.isArray(errors) ? errors.flatMap((error: unknown) => (isRecord(error) ? toIssue(error, []) ?? [] : [])) : [];
    return Object.freeze({ index, rawData: isRecord(failure) ? readOwn(failure, 'rawData') : undefined, issues: Object.freeze(issues) });
  });
}

function parseEnvelope(body: Record<string, unknown>, status: number): BodyFacts {
  const result = readOwn(body, 'result');
  const rawMetadata = readOwn(body, 'metadata');
  const metadata = isRecord(rawMetadata) ? rawMetadata : {};
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(body)) if (key !== 'result' && key !== 'metadata' && key !== 'failures' && key !== 'error') setMember(rest, key, body[key]);

  if (result === 'success') {
    if (!isSuccessStatus(status)) return { ok: false, extensions: rest };
    // The items sit under a name of the endpoint's choosing (`customers`, `items`, ...).
    const names = Object.keys(rest);
    return { ok: true, data: names.length === 1 ? rest[names[0]!] : names.length === 0 ? undefined : rest, page: toPage(metadata), batch: toBatch(metadata) };
  }
  if (rawMetadata !== undefined) setMember(rest, 'metadata', rawMetadata);
  if (result === 'failure') {
    const failures = toFailures(readOwn(body, 'failures'), toIndices(readOwn(metadata, 'invalidItems')));
    // Own reads: an issue without a field or code must not lend one from a polluted Object.prototype.
    const issues = failures.flatMap((failure) =>
      failure.issues.map((issue) => createIssue([failure.index, ...issue.path], issue.message, readOwn(issue, 'field') as string | undefined, readOwn(issue, 'code') as string | undefined)),
    );
    return { ok: false, kind: issues.length > 0 ? 'validation' : 'unprocessable', issues, failures, extensions: rest };
  }
  const error = readOwn(body, 'error');
  if (!isRecord(error)) return { ok: false, extensions: rest };
  // faultline/server adds `errors[]` to the error object when a validation error has several issues.
  const listed = readOwn(error, 'errors');
  const issue = readOwn(error, 'field') === undefined ? undefined : toIssue(error, []);
  const issues = Array.isArray(listed) ? toIssues(listed) : issue ? [issue] : [];
  const description = readOwn(error, 'description');
  // `description` is for developers: kept, but not shown as the detail.
  if (description !== undefined) setMember(rest, 'description', description);
  const type = toOptionalString(readOwn(error, 'type'));
  // Seed 004's `type` is always present and tells `client` from `syntax`, which share a kind; the
  // model's `type` is an RFC 9457 URI, so it is kept beside `description`.
  if (type !== undefined) setMember(rest, 'type', type);
  return {
    ok: false,
    kind: type !== undefined && Object.hasOwn(kindsByErrorType, type) ? kindsByErrorType[type] : undefined,
    detail: toOptionalString(readOwn(error, 'message')),
    code: toCode(readOwn(error, 'code')),
    issues,
    extensions: rest,
  };
}

/** Seed 004's envelope, recognised by `result: "success" | "failure" | "error"`. */
export const envelopeDialect: DialectParser = {
  id: 'envelope',
  mediaTypes: [],
  requiresOneOf: ['result'],
  detect(body) {
    if (!isRecord(body)) return false;
    const result = readOwn(body, 'result');
    return result === 'success' || result === 'failure' || result === 'error';
  },
  parse: (body, { status }) => (isRecord(body) ? parseEnvelope(body, status) : fromStatusAlone(body, status)),
};
