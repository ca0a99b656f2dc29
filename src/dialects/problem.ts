/**
 * Seed 001: RFC 9457 (and RFC 7807) problem details for errors, HAL (`application/hal+json`,
 * draft-kelly-json-hal) for successes. 201 Created, 202 Accepted and 204 No Content are
 * successes like 200; a 204 has no body.
 */
import { isSuccessStatus, type BodyFacts, type DialectParser } from '../dialect.ts';
import type { HalLink, Issue } from '../model.ts';
import { isRecord, readOwn, setMember, toOptionalString } from '../members.ts';
import { createIssue, parseFieldPath } from '../issues.ts';
import { addIssues, readMembers, type MemberFacts } from '../read-members.ts';
import { toReasonPhrase } from '../status.ts';
import { toTraceId } from '../headers.ts';

// A link object is HAL only with a string `href` (draft-kelly-json-hal §5.1).
const isHalLink = (value: unknown): value is HalLink => isRecord(value) && typeof readOwn(value, 'href') === 'string';

/** `_links` with every relation that holds a link or an array of links; others are dropped. */
function toLinks(value: unknown): Record<string, HalLink | readonly HalLink[]> | undefined {
  if (!isRecord(value)) return undefined;
  const links: Record<string, HalLink | readonly HalLink[]> = {};
  for (const relation of Object.keys(value)) {
    const link = value[relation];
    if (isHalLink(link)) setMember(links, relation, link);
    else if (Array.isArray(link)) setMember(links, relation, link.filter(isHalLink));
  }
  return links;
}

function parseHal(body: unknown): BodyFacts {
  const links = isRecord(body) ? readOwn(body, '_links') : undefined;
  const embedded = isRecord(body) ? readOwn(body, '_embedded') : undefined;
  if (links === undefined && embedded === undefined) return { ok: true, data: body };
  const data: Record<string, unknown> = {};
  for (const key of Object.keys(body as object)) if (key !== '_links' && key !== '_embedded') setMember(data, key, (body as Record<string, unknown>)[key]);
  // A HAL resource is an object: faultline/server writes other data (a list) as its one member
  // `data`, which is the payload.
  const keys = Object.keys(data);
  const wrapped = keys.length === 1 && keys[0] === 'data' && !isRecord(data['data']) ? data['data'] : data;
  return { ok: true, data: wrapped, links: toLinks(links), embedded: isRecord(embedded) ? embedded : undefined };
}

/**
 * The lists of invalid parameters problems name beside their members: RFC 7807 §3's own example
 * `invalid-params: [{name, reason}]` (its errata spell it `invalid_params`), Vonage's
 * `invalid_parameters` of the same entries, Replicate's `invalid_fields: [{type, field, description}]`.
 */
const parameterLists = ['invalid-params', 'invalid_params', 'invalid_parameters', 'invalid_fields'];

/**
 * Reads a list of invalid parameters as issues: the parameter (`name`, `field`; an empty one the
 * request as a whole) and its message (`reason`, `description`), `type` the code. The list leaves
 * the extensions only when every entry gave an issue.
 */
function readInvalidParameters(facts: MemberFacts): void {
  for (const key of parameterLists) {
    const list = readOwn(facts.extensions, key);
    if (!Array.isArray(list) || facts.issues !== undefined) continue;
    const issues: Issue[] = [];
    for (const entry of list) {
      if (!isRecord(entry)) continue;
      const field = toOptionalString(readOwn(entry, 'name')) ?? toOptionalString(readOwn(entry, 'field'));
      const message = toOptionalString(readOwn(entry, 'reason')) ?? toOptionalString(readOwn(entry, 'description'));
      if (message !== undefined) issues.push(createIssue(field ? parseFieldPath(field) : [], message, field || undefined, toOptionalString(readOwn(entry, 'type'))));
    }
    if (issues.length === 0) continue;
    facts.issues = issues;
    if (issues.length === list.length) delete facts.extensions[key];
  }
}

function parseProblem(body: unknown, status: number): BodyFacts {
  if (!isRecord(body)) return { ok: false };
  // Seed 001 validation errors: `errors[]` of `{title, detail}`; RFC 9457 §3: `{detail, pointer}`.
  // `code` is the most common extension member (RFC 9457 §3.2), and ASP.NET Core's
  // ValidationProblemDetails carries `traceId`: the model has a place for both. Zalando's
  // constraint-violation problem (problem-spring-web) lists `violations: [{field, message}]`.
  const facts = readMembers(body, { type: 'type', title: 'title', detail: 'detail', instance: 'instance', status: 'status', errors: 'issues', violations: 'issues', code: 'code', traceId: 'traceId' }, status);
  // RFC 9457 §3.1.1: a missing or non-string type means "about:blank".
  facts.type ??= 'about:blank';
  if (facts.traceId !== undefined) facts.traceId = toTraceId(facts.traceId);
  readInvalidParameters(facts);
  // Mollie names the one field a problem is about in a `field` member beside the detail.
  const field = readOwn(facts.extensions, 'field');
  const message = facts.detail ?? facts.title;
  if (typeof field === 'string' && facts.issues === undefined && message !== undefined) {
    facts.issues = [createIssue(parseFieldPath(field), message, field)];
    delete facts.extensions['field'];
  }
  // Seed 001 sends a `detail` in every problem; one that repeats the title explains nothing more
  // (faultline/server writes the title there when it has no detail), and is no detail to show twice.
  if (facts.detail === facts.title) facts.detail = undefined;
  readVndError(facts, status);
  return facts;
}

/**
 * vnd.error (github.com/blongden/vnd.error), Micronaut's default error: `{message, _links,
 * _embedded: {errors: [{message, path}]}}`, HAL for an error. `message` is the detail unless it only
 * repeats the title; each embedded error an issue, the first one of no field the detail else.
 */
function readVndError(facts: MemberFacts, status: number): void {
  const embedded = readOwn(facts.extensions, '_embedded');
  const errors = isRecord(embedded) ? readOwn(embedded, 'errors') : undefined;
  if (!Array.isArray(errors) || facts.issues !== undefined) return;
  const message = readOwn(facts.extensions, 'message');
  const title = facts.title ?? toReasonPhrase(status);
  if (typeof message === 'string' && (message === title || facts.detail === undefined)) {
    // Said already by the title, or the detail now: no member to keep twice.
    delete facts.extensions['message'];
    if (message !== title) facts.detail ??= message;
  }
  if (addIssues(facts, errors) && Object.keys(embedded as object).length === 1) delete facts.extensions['_embedded'];
  facts.detail ??= (facts.issues as Issue[] | undefined)?.find((issue) => issue.path.length === 0)?.message;
}

/** Seed 001: RFC 9457 problem details and HAL, recognised by `application/problem+json` or `application/hal+json`, `title` with `detail`, `type` with `title` or `status`, or `_links` / `_embedded`. */
export const problemDialect: DialectParser = {
  id: 'problem',
  mediaTypes: ['application/problem+json', 'application/hal+json'],
  requiresOneOf: ['_links', '_embedded', 'title', 'type'],
  detect(body) {
    if (!isRecord(body)) return false;
    if (isRecord(readOwn(body, '_links')) || isRecord(readOwn(body, '_embedded'))) return true;
    // Without its media type a problem is known by its members: seed 001 always sends
    // `title` and `detail`; RFC 9457 bodies name a `type` with a `title` or `status`. A `message`
    // beside a `type` that is a bare word is another API's own shape (Box's `{type: "error", status,
    // code, message}`); a type that reads as a URI (`:` or `/`) is a problem's, whatever its extensions.
    const title = typeof readOwn(body, 'title') === 'string';
    const type = readOwn(body, 'type');
    const uriLike = typeof type === 'string' && (type.includes(':') || type.includes('/'));
    return (title && typeof readOwn(body, 'detail') === 'string') || (typeof type === 'string' && (title || (typeof readOwn(body, 'status') === 'number' && (uriLike || typeof readOwn(body, 'message') !== 'string'))));
  },
  parse: (body, { status }) => (isSuccessStatus(status) ? parseHal(body) : parseProblem(body, status)),
};
