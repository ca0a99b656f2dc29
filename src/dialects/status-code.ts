/**
 * The `{statusCode, error, message}` family: hapi's boom (`output.payload`), Fastify's default
 * error serializer (which adds `code`, `FST_ERR_VALIDATION` and the like) and NestJS's built-in
 * exception filter, whose `message` is an array of class-validator messages when `ValidationPipe`
 * refuses a body. Success bodies are JSON as is.
 */
import { isSuccessStatus, type BodyFacts, type DialectParser } from '../dialect.ts';
import { createIssue } from '../issues.ts';
import { isRecord, readOwn, snakeCaseCode } from '../members.ts';
import { readMembers, type MemberRule } from '../read-members.ts';

const rules: Readonly<Record<string, MemberRule>> = {
  error: 'title',
  message: 'detail',
  code: 'code',
  // Auth0's Management API adds one: `errorCode: "invalid_body"`.
  errorCode: 'code',
  statusCode: 'status',
};

function parseStatusCode(body: Record<string, unknown>, status: number): BodyFacts {
  const facts = readMembers(body, rules, status);
  // Resend names its code `name` (`validation_error`): a word code only, not an exception's class
  // name (`TypeError`) an error serializer copied, which stays data.
  const name = readOwn(facts.extensions, 'name');
  if (facts.code === undefined && typeof name === 'string' && snakeCaseCode.test(name)) {
    facts.code = name;
    delete facts.extensions['name'];
  }
  const messages = readOwn(facts.extensions, 'message');
  if (Array.isArray(messages)) {
    // NestJS `ValidationPipe`: one message per failed constraint. class-validator starts each with
    // the property's name ("email must be an email"), but a nested one reads "address.city must…"
    // and a custom one anything at all, so no path is guessed. `detail` stays absent: the issues
    // are the explanation, and the title (`error`) already summarises them.
    facts.issues = messages.flatMap((message: unknown) => (typeof message === 'string' ? [createIssue([], message)] : []));
    delete facts.extensions['message'];
  }
  return facts;
}

/** NestJS leaves `error` out when it would repeat the message (`{"statusCode": 403, "message": "Forbidden"}`). */
const isMessage = (value: unknown): boolean => typeof value === 'string' || Array.isArray(value);

/** NestJS, Fastify and hapi/boom, recognised by a numeric `statusCode` with `error` or `message`. */
export const statusCodeDialect: DialectParser = {
  id: 'status-code',
  mediaTypes: [],
  requiresOneOf: ['statusCode'],
  detect(body) {
    if (!isRecord(body) || typeof readOwn(body, 'statusCode') !== 'number') return false;
    return typeof readOwn(body, 'error') === 'string' || isMessage(readOwn(body, 'message'));
  },
  parse: (body, { status }) => (isSuccessStatus(status) || !isRecord(body) ? { ok: true, data: body } : parseStatusCode(body, status)),
};
