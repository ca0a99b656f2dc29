/**
 * JSend (github.com/omniti-labs/jsend): every answer is `{status, data?, message?, code?}`, often
 * with HTTP 200 whatever happened. `status: "success"` wraps the data in `data`; `"fail"` is a
 * refused request whose `data` maps the request's keys to why each failed
 * (`{"title": "A title is required"}`); `"error"` is a failure on the server ("an exception was
 * thrown") with a required `message`, an optional numeric `code` and `data`.
 *
 * Only a body with no member beyond those four is claimed: `{id, status: "error", message}` is a
 * job that failed, a resource, not an answer that says the request did.
 */
import { fromStatusAlone, isSuccessStatus, type BodyFacts, type DialectParser } from '../dialect.ts';
import { readIssues } from '../issues.ts';
import { isRecord, readOwn, toCode, toOptionalString } from '../members.ts';

const jsendMembers = ['status', 'data', 'message', 'code'];

/** The JSend status of a body that is nothing but JSend's members, and shaped as that status requires. */
function readStatus(body: unknown): 'success' | 'fail' | 'error' | undefined {
  if (!isRecord(body)) return undefined;
  const status = readOwn(body, 'status');
  // The status first: listing the members of every body detection sees costs.
  if (status !== 'success' && status !== 'fail' && status !== 'error') return undefined;
  for (const key of Object.keys(body)) if (!jsendMembers.includes(key)) return undefined;
  // The spec requires `data` for success and fail, `message` for error.
  if (status === 'success' || status === 'fail') return Object.hasOwn(body, 'data') ? status : undefined;
  return status === 'error' && typeof readOwn(body, 'message') === 'string' ? status : undefined;
}

function parseJsend(body: Record<string, unknown>, jsend: 'success' | 'fail' | 'error', status: number): BodyFacts {
  const data = readOwn(body, 'data');
  if (jsend === 'success') return isSuccessStatus(status) ? { ok: true, data } : { ok: false, extensions: { data } };
  if (jsend === 'error') {
    // `data` of an error is free-form, kept as received. A server failure is what a 2xx says
    // here; an error status says more, and decides.
    return { ok: false, kind: isSuccessStatus(status) ? 'server' : undefined, detail: readOwn(body, 'message') as string, code: toCode(readOwn(body, 'code')), extensions: data === undefined ? {} : { data } };
  }
  // A fail's `data` is keyed by the request's fields; a message not keyed so is the detail. Data
  // beside the messages (`limits: {maxTitle: 120}`) keeps `data` whole in `extensions`.
  const { issues, complete } = readIssues(data);
  return { ok: false, kind: issues.length > 0 ? 'validation' : 'bad_request', detail: typeof data === 'string' ? data : toOptionalString(readOwn(body, 'message')), issues, extensions: complete || typeof data === 'string' ? {} : { data } };
}

/** JSend, recognised by a `status` of `success`, `fail` or `error` in a body of JSend's members only. */
export const jsendDialect: DialectParser = {
  id: 'jsend',
  mediaTypes: [],
  requiresOneOf: ['status'],
  detect: (body) => readStatus(body) !== undefined,
  parse(body, { status }) {
    const jsend = readStatus(body);
    if (jsend) return parseJsend(body as Record<string, unknown>, jsend, status);
    return fromStatusAlone(body, status);
  },
};
