/**
 * Seeds 000 and 003: `{code, message}` errors (with `errors[]` for field issues); successes are
 * JSON as is, or seed 003's chunk `{result, offset, hasNext}` when there is a cursor.
 */
import type { DialectBuilder } from './types.ts';
import { put, startBody, toChunk, toField } from './members.ts';


/** Seeds 000 and 003: errors as `{code, message}` (+ `errors[]` of `{field, message, code}`); successes as JSON as is, or `{result, offset, hasNext}` with a cursor. */
export const plainBuilder: DialectBuilder = {
  id: 'plain',
  errorMediaType: 'application/json',
  successMediaType: () => 'application/json',
  buildError(error) {
    const body = startBody(error);
    put(body, 'code', error.code);
    body['message'] = error.detail ?? error.title;
    if (error.issues.length > 0) body['errors'] = error.issues.map((issue) => ({ field: toField(issue), message: issue.message, code: issue.code }));
    return body;
  },
  buildSuccess: (data, { cursor }) => (cursor === undefined ? data : toChunk(data, cursor)),
};
