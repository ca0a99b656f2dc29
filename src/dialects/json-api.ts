/**
 * JSON:API (jsonapi.org/format, `application/vnd.api+json`). Errors are a top-level `errors[]`
 * of error objects `{id?, links?, status?, code?, title?, detail?, source?, meta?}` ("Error
 * Objects"); a success carries the primary `data`, with `included` resources and `links`
 * ("Top Level"). `data` and `errors` never coexist, so `errors` makes a document an error.
 *
 * Each error naming a `source` is an issue: a `pointer` into the request document (the
 * `/data/attributes` prefix dropped from its path, the pointer kept as `field`) or a query
 * `parameter`. A lone error naming no source is the error itself, not an issue; of several,
 * every one is an issue so that no message is lost. Per-error statuses are advisory ("the most
 * generally applicable HTTP error code SHOULD be used in the response"): the HTTP status
 * decides the kind, and statuses that disagree with it stay visible in `extensions.statuses`.
 */
import { fromStatusAlone, isSuccessStatus, type BodyFacts, type DialectParser, type ErrorFacts } from '../dialect.ts';
import { createIssue, parseFieldPath } from '../issues.ts';
import type { HalLink, Issue } from '../model.ts';
import { isRecord, readOwn, setMember, toCode, toOptionalString } from '../members.ts';
import { toErrorKind } from '../status.ts';

// "Error Objects": `status` is the HTTP status code as a string, "422".
const statusText = /^[1-5]\d\d$/;

// "Resource Objects": every resource has a string `type` and, once stored, a string `id` — and
// its fields in `attributes` or `relationships`, unless it is a bare identifier, `{type, id}`
// ("Resource Identifier Objects"). Stripe's, Intercom's, Anthropic's and Linode's list items
// carry an `id` and a `type` of their own among their fields: they are no JSON:API resources.
const isResourceObject = (value: unknown): boolean =>
  isRecord(value) && typeof readOwn(value, 'type') === 'string' && typeof readOwn(value, 'id') === 'string' && (isRecord(readOwn(value, 'attributes')) || isRecord(readOwn(value, 'relationships')) || Object.keys(value).length === 2);

/** An error object with one of JSON:API's own marks: a `source` object or a string status ("422"). */
function isJsonApiError(error: unknown): boolean {
  if (!isRecord(error)) return false;
  const status = readOwn(error, 'status');
  return isRecord(readOwn(error, 'source')) || (typeof status === 'string' && statusText.test(status));
}

/** A link ("Links"): a URI string, or a link object with a string `href`; `null` and others absent. */
function toLink(value: unknown): HalLink | undefined {
  if (typeof value === 'string') return { href: value };
  return isRecord(value) && typeof readOwn(value, 'href') === 'string' ? (value as unknown as HalLink) : undefined;
}

function toLinks(value: unknown): Record<string, HalLink> | undefined {
  if (!isRecord(value)) return undefined;
  const links: Record<string, HalLink> = {};
  for (const relation of Object.keys(value)) {
    const link = toLink(value[relation]);
    if (link) setMember(links, relation, link);
  }
  return links;
}

/**
 * The path of a source pointer in the payload: `/data/attributes/firstName` → `['firstName']`,
 * `/data/0/attributes/title` → `[0, 'title']`; `""` (the whole document) → `[]`.
 */
function toPointerPath(pointer: string): (string | number)[] {
  const path = parseFieldPath(pointer);
  if (path[0] !== 'data') return path;
  const index = typeof path[1] === 'number' ? 2 : 1;
  const member = path[index];
  return member === 'attributes' || member === 'relationships' ? [...path.slice(1, index), ...path.slice(index + 1)] : path.slice(1);
}

/** One error object as an issue; `undefined` without a message, or without a source when `lone`. */
function toIssue(error: Record<string, unknown>, lone: boolean): Issue | undefined {
  const message = toOptionalString(readOwn(error, 'detail')) ?? toOptionalString(readOwn(error, 'title'));
  if (message === undefined) return undefined;
  const code = toCode(readOwn(error, 'code'));
  const source = readOwn(error, 'source');
  const pointer = isRecord(source) ? toOptionalString(readOwn(source, 'pointer')) : undefined;
  if (pointer !== undefined) return createIssue(toPointerPath(pointer), message, pointer, code);
  const parameter = isRecord(source) ? toOptionalString(readOwn(source, 'parameter')) : undefined;
  if (parameter !== undefined) return createIssue([parameter], message, parameter, code);
  // JSON:API 1.1 `source.header`: a request header, no part of the payload.
  const header = isRecord(source) ? toOptionalString(readOwn(source, 'header')) : undefined;
  if (header !== undefined) return createIssue([], message, header, code);
  return lone ? undefined : createIssue([], message, undefined, code);
}

/** The value every error gives for `read`, or `undefined` when one differs or lacks it. */
function toShared(errors: readonly Record<string, unknown>[], read: (error: Record<string, unknown>) => string | undefined): string | undefined {
  const first = errors[0] === undefined ? undefined : read(errors[0]);
  return first !== undefined && errors.every((error) => read(error) === first) ? first : undefined;
}

const readLink = (error: Record<string, unknown>, relation: string): string | undefined => {
  const links = readOwn(error, 'links');
  return isRecord(links) ? toLink(readOwn(links, relation))?.href : undefined;
};

function parseErrors(body: Record<string, unknown>, list: readonly unknown[], status: number): ErrorFacts {
  const errors = list.filter(isRecord);
  const extensions: Record<string, unknown> = {};
  for (const key of Object.keys(body)) if (key !== 'errors') setMember(extensions, key, body[key]);
  const lone = errors.length === 1;
  const issues: Issue[] = [];
  const statuses: string[] = [];
  for (const error of errors) {
    const issue = toIssue(error, lone);
    if (issue) issues.push(issue);
    const errorStatus = readOwn(error, 'status');
    // RFC 9457 §3.1 reading: a number is the wrong type for JSON:API's string status, so it is ignored.
    if (typeof errorStatus === 'string' && statusText.test(errorStatus)) statuses.push(errorStatus);
  }
  const ownStatus = String(status);
  if (statuses.some((errorStatus) => errorStatus !== ownStatus)) extensions['statuses'] = statuses;
  // The errors' status refines the kind only when the HTTP status is no error status (a 2xx document with `errors`).
  const first = statuses[0];
  const agreed = status < 400 && first !== undefined && statuses.length === errors.length && statuses.every((errorStatus) => errorStatus === first) ? Number(first) : undefined;
  return {
    ok: false,
    kind: agreed !== undefined && agreed >= 400 ? toErrorKind(agreed, issues.length > 0) : undefined,
    title: toShared(errors, (error) => toOptionalString(readOwn(error, 'title'))),
    detail: toShared(errors, (error) => toOptionalString(readOwn(error, 'detail'))),
    code: toShared(errors, (error) => toCode(readOwn(error, 'code'))),
    // JSON:API 1.1 error links: `type` names the kind of error, `about` this occurrence (RFC 9457 `type`, `instance`).
    type: toShared(errors, (error) => readLink(error, 'type')),
    instance: lone && errors[0] ? readLink(errors[0], 'about') : undefined,
    issues,
    extensions,
  };
}

function parseDocument(body: Record<string, unknown>): BodyFacts {
  const included = readOwn(body, 'included');
  return { ok: true, data: readOwn(body, 'data'), links: toLinks(readOwn(body, 'links')), embedded: Array.isArray(included) ? { included } : undefined };
}

/** JSON:API, recognised by `application/vnd.api+json`, a `jsonapi` object, `errors[]` with a `source` or a string `status`, or resource objects in `data`. */
export const jsonApiDialect: DialectParser = {
  id: 'json-api',
  mediaTypes: ['application/vnd.api+json'],
  requiresOneOf: ['jsonapi', 'errors', 'data'],
  detect(body) {
    if (!isRecord(body)) return false;
    if (isRecord(readOwn(body, 'jsonapi'))) return true;
    const errors = readOwn(body, 'errors');
    if (Array.isArray(errors)) {
      // Other APIs send `errors[]` too: JSON:API's own marks are a `source` object or a string
      // status, which any error object may carry ("Error Objects": every member is optional); the
      // first eight are looked at, so that detection stays cheap on a long list.
      return errors.slice(0, 8).some(isJsonApiError);
    }
    const data = readOwn(body, 'data');
    return isResourceObject(Array.isArray(data) ? data[0] : data);
  },
  parse(body, { status }) {
    if (!isRecord(body)) return fromStatusAlone(body, status);
    const errors = readOwn(body, 'errors');
    if (Array.isArray(errors) && (!isSuccessStatus(status) || errors.some(isRecord))) return parseErrors(body, errors, status);
    if (isSuccessStatus(status)) return parseDocument(body);
    const extensions: Record<string, unknown> = {};
    for (const key of Object.keys(body)) setMember(extensions, key, body[key]);
    return { ok: false, extensions };
  },
};
