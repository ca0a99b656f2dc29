/**
 * Seed 002: `{status, message, request_id?, trace_id?}` error bodies; success bodies are
 * JSON as is.
 */
import { isSuccessStatus, type DialectParser } from '../dialect.ts';
import { isRecord, readOwn, toCode } from '../members.ts';
import { readFieldMessages, readIdCode, readMembers, type MemberFacts, type MemberRule } from '../read-members.ts';

/**
 * Seed 002's members, and `code` and `errors[]` beyond them, as faultline/server writes them for
 * machine codes and field issues. Adyen's `{status, errorCode, message, errorType, pspReference}`
 * has this shape too: its code is `errorCode`, and `pspReference` the reference its support asks for;
 * so has DigitalOcean's `{id, message, request_id}`, its code the `id` (`readIdCode`).
 */
const rules: Readonly<Record<string, MemberRule>> = {
  message: 'detail',
  request_id: 'requestId',
  trace_id: 'traceId',
  status: 'status',
  code: 'code',
  errorCode: 'code',
  errors: 'issues',
  pspReference: 'requestId',
};

/** Seed 002's `{status, message, request_id?, trace_id?}`, recognised by a string `message` with a numeric `status`, a `request_id` or a `trace_id`. */
export const statusMessageDialect: DialectParser = {
  id: 'status-message',
  mediaTypes: [],
  requiresOneOf: ['message'],
  detect: (body) =>
    isRecord(body) &&
    typeof readOwn(body, 'message') === 'string' &&
    (typeof readOwn(body, 'status') === 'number' || typeof readOwn(body, 'request_id') === 'string' || typeof readOwn(body, 'trace_id') === 'string'),
  parse: (body, { status }) => (isSuccessStatus(status) || !isRecord(body) ? { ok: true, data: body } : readIdCode(readFieldMessages(readLinkedIn(readMembers(body, rules, status))), body)),
};

/**
 * LinkedIn's `{message, serviceErrorCode, status}`: `serviceErrorCode` "further classifies the
 * error" (learn.microsoft.com/linkedin/shared/api-guide/concepts/error-handling), the code when the
 * body names no other — beside a `code: "ACCESS_DENIED"` it stays in the extensions.
 */
function readLinkedIn(facts: MemberFacts): MemberFacts {
  const code = facts.code === undefined ? toCode(readOwn(facts.extensions, 'serviceErrorCode')) : undefined;
  if (code !== undefined) {
    facts.code = code;
    delete facts.extensions['serviceErrorCode'];
  }
  return facts;
}
