/** Seed 002: `{status, message, request_id?, trace_id?}`; successes are JSON as is. */
import type { DialectBuilder } from './types.ts';
import { put, startBody, toChunk, toField } from './members.ts';
import { toEchoedId } from '../header-safety.ts';


/** Seed 002: errors as `{status, message, request_id, trace_id}` (+ `code`, `errors[]` of `{field, message, code}`); successes as JSON as is, or `{result, offset, hasNext}` with a cursor. */
export const statusMessageBuilder: DialectBuilder = {
  id: 'status-message',
  errorMediaType: 'application/json',
  successMediaType: () => 'application/json',
  buildError(error, status) {
    const body = startBody(error);
    body['status'] = status;
    body['message'] = error.detail ?? error.title;
    put(body, 'request_id', error.requestId === undefined ? undefined : toEchoedId(error.requestId));
    put(body, 'trace_id', error.traceId === undefined ? undefined : toEchoedId(error.traceId));
    put(body, 'code', error.code);
    if (error.issues.length > 0) body['errors'] = error.issues.map((issue) => ({ field: toField(issue), message: issue.message, code: issue.code }));
    return body;
  },
  buildSuccess: (data, { cursor }) => (cursor === undefined ? data : toChunk(data, cursor)),
};
