/**
 * The one loop that reads a body for a dialect: each member its rules name fills a fact, the
 * first one present winning; every other member, and any member of the wrong type, is kept
 * in `extensions` (RFC 9457 §3.1: ignored as the model's value, never coerced, never lost).
 */
import { createIssue, readIssues } from './issues.ts';
import type { Issue } from './model.ts';
import { isRecord, readOwn, setMember, toCode } from './members.ts';

/** The facts a member can fill. `status` is the advisory body status (RFC 9457 §3.1.2). */
export type MemberRule = 'title' | 'detail' | 'code' | 'type' | 'instance' | 'requestId' | 'traceId' | 'issues' | 'status' | 'error';

/** What {@link readMembers} found. */
export interface MemberFacts {
  ok: false;
  title: string | undefined;
  detail: string | undefined;
  code: string | undefined;
  type: string | undefined;
  instance: string | undefined;
  requestId: string | undefined;
  traceId: string | undefined;
  /** A plain-dialect `error` string, placed by the dialect as title or detail. */
  error: string | undefined;
  issues: Issue[] | undefined;
  /** A wait the body names, set by a dialect that reads one. */
  retryAfterMs: number | undefined;
  extensions: Record<string, unknown>;
}

/**
 * Adds the issues found in `value` to `facts`, and says whether `value` is all issues: a member
 * that is not — `errors: [{id: 7}]`, a string, data beside the messages — is kept as received too.
 */
export function addIssues(facts: MemberFacts, value: unknown): boolean {
  const { issues, complete } = readIssues(value);
  if (issues.length > 0) facts.issues = facts.issues ? facts.issues.concat(issues) : issues;
  return complete && issues.length > 0;
}

/** Reads the members of `body` by `rules`; `status` is the HTTP status the body's own must agree with. */
export function readMembers(body: Record<string, unknown>, rules: Readonly<Record<string, MemberRule>>, status: number): MemberFacts {
  const facts: MemberFacts = {
    ok: false,
    title: undefined,
    detail: undefined,
    code: undefined,
    type: undefined,
    instance: undefined,
    requestId: undefined,
    traceId: undefined,
    error: undefined,
    issues: undefined,
    retryAfterMs: undefined,
    extensions: {},
  };
  for (const key of Object.keys(body)) {
    const value = body[key];
    const rule = readOwn(rules, key) as MemberRule | undefined;
    let taken = false;
    if (rule === 'status') taken = value === status;
    else if (rule === 'issues') taken = addIssues(facts, value);
    else if (rule !== undefined) {
      // The first spelling present gives the fact; a second one (`message` beside `description`) is kept.
      const text = rule === 'code' ? toCode(value) : typeof value === 'string' ? value : undefined;
      taken = text !== undefined && facts[rule] === undefined;
      if (taken) facts[rule] = text;
    }
    if (!taken) setMember(facts.extensions, key, value);
  }
  return facts;
}

/**
 * A field's `{code, message}` and nothing else, as PocketBase sends each: its codes are its
 * validator's (`validation_required`, `validation_invalid_email`), which tie the map to fields.
 */
const isFieldMessage = (value: unknown): value is { code: string; message: string } =>
  isRecord(value) && typeof readOwn(value, 'message') === 'string' && String(readOwn(value, 'code')).startsWith('validation_') && Object.keys(value).length === 2;

/**
 * PocketBase's `{status, message, data: {title: {code: "validation_required", message: "Missing
 * required value."}}}` (its API preview's 400): a `data` map of fields, each a validator's
 * `{code, message}`, gives an issue per field; any other `data` — an upstream error wrapped in
 * it, say — stays as received.
 */
export function readFieldMessages(facts: MemberFacts): MemberFacts {
  const data = readOwn(facts.extensions, 'data');
  if (facts.issues !== undefined || !isRecord(data)) return facts;
  const fields = Object.keys(data);
  if (fields.length === 0 || !fields.every((field) => isFieldMessage(data[field]))) return facts;
  facts.issues = fields.map((field) => {
    const { code, message } = data[field] as { code: string; message: string };
    return createIssue([field], message, field, code);
  });
  delete facts.extensions['data'];
  return facts;
}

/** The members of an error whose `id` is its code (Heroku's Platform API, DigitalOcean's API v2). */
const idCodeMembers = ['id', 'message', 'url', 'request_id'];

/**
 * Heroku's and DigitalOcean's errors name their code `id` (`{id: "not_found", message, url}`,
 * `{id: "unauthorized", message, request_id}`): lower-case words, in a body of those members only
 * — a resource's id (`"app_2f9c"`, a UUID) or an error about a resource stays data.
 */
export function readIdCode(facts: MemberFacts, body: Record<string, unknown>): MemberFacts {
  const id = readOwn(facts.extensions, 'id');
  if (facts.code === undefined && typeof id === 'string' && /^[a-z]+(?:_[a-z]+)*$/.test(id) && Object.keys(body).every((key) => idCodeMembers.includes(key))) {
    facts.code = id;
    delete facts.extensions['id'];
  }
  return facts;
}
