/**
 * Seed 002: `{status, message, request_id?, trace_id?}` error bodies; success bodies are
 * JSON as is.
 */
import { isSuccessStatus, type DialectParser } from '../dialect.ts';
import { isRecord, readOwn, setMember, toOptionalString } from '../members.ts';

export const statusMessageDialect: DialectParser = {
  id: 'status-message',
  mediaTypes: [],
  detect: (body) =>
    isRecord(body) &&
    typeof readOwn(body, 'message') === 'string' &&
    (typeof readOwn(body, 'status') === 'number' || typeof readOwn(body, 'request_id') === 'string' || typeof readOwn(body, 'trace_id') === 'string'),
  parse(body, { status }) {
    if (isSuccessStatus(status) || !isRecord(body)) return { ok: true, data: body };
    let detail, requestId, traceId;
    const extensions: Record<string, unknown> = {};
    for (const key of Object.keys(body)) {
      const value = body[key];
      if (key === 'message') detail = toOptionalString(value);
      else if (key === 'request_id') requestId = toOptionalString(value);
      else if (key === 'trace_id') traceId = toOptionalString(value);
      // The body's status is advisory: the HTTP status wins, a disagreement stays visible.
      else if (key !== 'status' || value !== status) setMember(extensions, key, value);
    }
    return { ok: false, detail, requestId, traceId, extensions };
  },
};
