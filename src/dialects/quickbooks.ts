/**
 * Intuit QuickBooks Online ("Error codes", "Handling common errors", developer.intuit.com): a
 * failure is `{Fault: {Error: [{Message, Detail, code, element}], type}, time}` — "200 OK ... the
 * response body may contain a Fault element that identifies the error", so a 200 with a `Fault`
 * is an error. `type` names the fault's family (`ValidationFault`, `AuthenticationFault`,
 * `AuthorizationFault`, `SystemFault`); `element` the field an error is about, when not empty.
 *
 * Intuit documents only that spelling, but its gateway answers a refused token or app in lower
 * case, `{fault: {error: [{message, detail, code, element}], type: "SERVICE"}}`, at times inside the
 * whole IntuitResponse serialized with its empty members (`"report": null`, `"cdcresponse": []`;
 * github.com/intuit/oauth-jsclient/issues/2): both spellings are read alike.
 */
import { fromStatusAlone, type BodyFacts, type DialectParser } from '../dialect.ts';
import { createIssue, parseFieldPath } from '../issues.ts';
import type { ErrorKind, Issue } from '../model.ts';
import { isRecord, readOwn, setMember, toCode, toOptionalString } from '../members.ts';

/** The fault types and the kinds they mean, for a status that says little. */
const kindsByFaultType: Readonly<Record<string, ErrorKind>> = {
  ValidationFault: 'bad_request',
  AuthenticationFault: 'unauthenticated',
  AuthorizationFault: 'forbidden',
  SystemFault: 'server',
};

/** A member as documented (`Fault`, `Message`), else as the gateway spells it (`fault`, `message`). */
const readSpelled = (target: Record<string, unknown>, name: string): unknown => readOwn(target, name) ?? readOwn(target, name.toLowerCase());

/** A member of an IntuitResponse that holds nothing: `null`, or an empty list. */
const isEmpty = (value: unknown): boolean => value === null || (Array.isArray(value) && value.length === 0);

/** The `Fault` of a body that is nothing else (but its `time` and empty members), when it holds an `Error` entry that says something. */
function readFault(body: unknown): Record<string, unknown> | undefined {
  const fault = isRecord(body) ? readSpelled(body, 'Fault') : undefined;
  const errors = isRecord(fault) ? readSpelled(fault, 'Error') : undefined;
  const saysSomething = (entry: unknown): boolean => isRecord(entry) && ['Message', 'Detail', 'code'].some((name) => readSpelled(entry, name) !== undefined);
  const record = body as Record<string, unknown>;
  return Array.isArray(errors) && errors.some(saysSomething) && Object.keys(record).every((key) => record[key] === fault || key === 'time' || isEmpty(record[key])) ? (fault as Record<string, unknown>) : undefined;
}

function parseFault(body: Record<string, unknown>, fault: Record<string, unknown>): BodyFacts {
  const errors = readSpelled(fault, 'Error') as unknown[];
  const issues: Issue[] = [];
  let detail: string | undefined;
  let code: string | undefined;
  // Entries that are neither the detail nor a field's issue: then the whole fault stays in `extensions`.
  let unread = 0;
  for (const entry of errors) {
    // `Detail` says what happened to this request; `Message` names the error ("Object Not Found").
    const message = isRecord(entry) ? toOptionalString(readSpelled(entry, 'Detail')) || toOptionalString(readSpelled(entry, 'Message')) : undefined;
    const element = isRecord(entry) ? toOptionalString(readOwn(entry, 'element')) : undefined;
    if (message !== undefined && element) issues.push(createIssue(parseFieldPath(element), message, element, toCode(readOwn(entry as Record<string, unknown>, 'code'))));
    else if (message !== undefined && detail === undefined) {
      detail = message;
      code = toCode(readOwn(entry as Record<string, unknown>, 'code'));
    } else unread++;
  }
  detail ??= issues[0]?.message;
  code ??= issues[0]?.code;
  const type = toOptionalString(readOwn(fault, 'type'));
  const named = type !== undefined && Object.hasOwn(kindsByFaultType, type) ? kindsByFaultType[type] : undefined;
  // What the model has no place for stays: the fault's type, the time, anything beside.
  const extensions: Record<string, unknown> = {};
  for (const key of Object.keys(body)) if (body[key] !== fault || unread > 0) setMember(extensions, key, body[key]);
  if (type !== undefined && unread === 0) extensions['type'] = type;
  return { ok: false, kind: named === 'bad_request' && issues.some((issue) => issue.path.length > 0) ? 'validation' : named, detail, code, issues, extensions };
}

/** QuickBooks Online, recognised by a body of a `Fault` or `fault` (and its `time`) whose `Error` list says something, whatever the status. */
export const quickbooksDialect: DialectParser = {
  id: 'quickbooks',
  mediaTypes: [],
  requiresOneOf: ['Fault', 'fault'],
  detect: (body) => readFault(body) !== undefined,
  parse(body, { status }) {
    const fault = readFault(body);
    if (fault) return parseFault(body as Record<string, unknown>, fault);
    return fromStatusAlone(body, status);
  },
};
