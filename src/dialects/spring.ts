/**
 * Spring Boot's default error body (`DefaultErrorAttributes`): `{timestamp, status, error, path}`
 * with, as configured, `message`, `exception`, `trace`, `errors` (the `ObjectError`s of a
 * `BindingResult`) and, on WebFlux, `requestId`. Success bodies are JSON as is.
 */
import { isSuccessStatus, type BodyFacts, type DialectParser } from '../dialect.ts';
import { createIssue, parseFieldPath } from '../issues.ts';
import type { Issue } from '../model.ts';
import { isRecord, readOwn, toCode, toOptionalString } from '../members.ts';
import { readMembers, type MemberRule } from '../read-members.ts';

const rules: Readonly<Record<string, MemberRule>> = {
  error: 'title',
  message: 'detail',
  path: 'instance',
  requestId: 'requestId',
  status: 'status',
};

/**
 * `DefaultErrorAttributes`: "No message available" when the error has no message, and `""` when
 * `server.error.include-message` hides it (the default since Boot 2.3). Neither says anything.
 */
const isPlaceholder = (message: string): boolean => message === '' || message === 'No message available';

/** One `ObjectError` (or `FieldError`, which adds `field` and `rejectedValue`) as an issue. */
function toIssue(error: unknown): Issue | undefined {
  if (!isRecord(error)) return undefined;
  const message = toOptionalString(readOwn(error, 'defaultMessage'));
  if (message === undefined) return undefined;
  const field = toOptionalString(readOwn(error, 'field'));
  // An `ObjectError` without `field` is about the object as a whole.
  return createIssue(field === undefined ? [] : parseFieldPath(field), message, field, toCode(readOwn(error, 'code')));
}

function parseSpring(body: Record<string, unknown>, status: number): BodyFacts {
  const facts = readMembers(body, rules, status);
  if (facts.detail !== undefined && isPlaceholder(facts.detail)) facts.detail = undefined;
  const errors = readOwn(facts.extensions, 'errors');
  if (Array.isArray(errors)) {
    facts.issues = errors.flatMap((error: unknown) => toIssue(error) ?? []);
    delete facts.extensions['errors'];
  }
  return facts;
}

/** A JSON date as Jackson writes `java.util.Date`: ISO 8601 text since Boot 2.0, epoch milliseconds before. */
const isTimestamp = (value: unknown): boolean => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

/** Spring Boot's default error, recognised by `timestamp`, a numeric `status` and a string `error`. */
export const springDialect: DialectParser = {
  id: 'spring',
  mediaTypes: [],
  requiresOneOf: ['timestamp'],
  // `path` is not required: `DefaultErrorAttributes` adds it only when the request URI is known,
  // and Spring's own guide (gs-actuator-service) prints a body without it.
  detect: (body) =>
    isRecord(body) && isTimestamp(readOwn(body, 'timestamp')) && typeof readOwn(body, 'status') === 'number' && typeof readOwn(body, 'error') === 'string',
  parse: (body, { status }) => (isSuccessStatus(status) || !isRecord(body) ? { ok: true, data: body } : parseSpring(body, status)),
};
