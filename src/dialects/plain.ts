/**
 * Seeds 000 and 003: JSON as is. Errors are flat `{code, message}`-like objects (and the
 * common spellings around them), text, HTML pages from proxies, or nothing at all; seed 003
 * adds chunked reads `{result, offset, hasNext}`. Plain claims every body, so it goes last.
 */
import { isSuccessStatus, type BodyFacts, type DialectParser } from '../dialect.ts';
import { toIssues } from '../issues.ts';
import { isRecord, readOwn, setMember, toCode, toOptionalString } from '../members.ts';

/** Members plain reads; every other member is an extension. */
const knownMembers = new Set([
  'code', 'error_code', 'errorCode', 'message', 'error_description', 'detail', 'description', 'msg',
  'error', 'title', 'errors', 'request_id', 'requestId', 'trace_id', 'traceId', 'retry_after', 'retryAfter',
]);

const firstString = (body: Record<string, unknown>, keys: readonly string[]): string | undefined => {
  for (const key of keys) {
    const value = readOwn(body, key);
    if (typeof value === 'string') return value;
  }
  return undefined;
};

/** How much of a text body may become `detail`; longer text is a page, not a message. */
const maxTextDetail = 1024;

function parseText(text: string, mediaType: string): BodyFacts {
  const trimmed = text.trim();
  // Proxies and CDNs answer with HTML pages: their markup is no message for a person.
  const isMarkup = mediaType === 'text/html' || mediaType.endsWith('+xml') || trimmed.startsWith('<');
  return { ok: false, detail: isMarkup || trimmed === '' || trimmed.length > maxTextDetail ? undefined : trimmed };
}

function parseObject(body: Record<string, unknown>): BodyFacts {
  const message = firstString(body, ['message', 'error_description', 'detail', 'description', 'msg']);
  const error = toOptionalString(readOwn(body, 'error'));
  const retryAfter = readOwn(body, 'retry_after') ?? readOwn(body, 'retryAfter');
  const extensions: Record<string, unknown> = {};
  for (const key of Object.keys(body)) if (!knownMembers.has(key)) setMember(extensions, key, body[key]);
  return {
    ok: false,
    // `{error: "Not Found", message: "..."}` names the problem in `error`; alone, `error` is the message.
    title: toOptionalString(readOwn(body, 'title')) ?? (message === undefined ? undefined : error),
    detail: message ?? error,
    code: toCode(readOwn(body, 'code')) ?? toCode(readOwn(body, 'error_code')) ?? toCode(readOwn(body, 'errorCode')),
    issues: toIssues(readOwn(body, 'errors')),
    requestId: firstString(body, ['request_id', 'requestId']),
    traceId: firstString(body, ['trace_id', 'traceId']),
    retryAfterMs: typeof retryAfter === 'number' && retryAfter >= 0 && Number.isFinite(retryAfter) ? Math.round(retryAfter * 1000) : undefined,
    extensions,
  };
}

/** Seed 003 chunks: `offset` is the next id or a running count; `hasNext: false` ends them. */
function parseChunk(body: Record<string, unknown>): BodyFacts | undefined {
  const result = readOwn(body, 'result');
  const hasNext = readOwn(body, 'hasNext');
  const offset = toCode(readOwn(body, 'offset'));
  if (!Array.isArray(result) || typeof hasNext !== 'boolean') return undefined;
  return { ok: true, data: result, cursor: Object.freeze({ offset: offset ?? '', hasNext }) };
}

export const plainDialect: DialectParser = {
  id: 'plain',
  mediaTypes: [],
  detect: () => true,
  parse(body, { status, mediaType }) {
    if (isSuccessStatus(status)) return (isRecord(body) && parseChunk(body)) || { ok: true, data: body };
    if (typeof body === 'string') return parseText(body, mediaType);
    if (isRecord(body)) return parseObject(body);
    // A bare array of errors: `[{"field": "email", "message": "is invalid"}]`.
    return { ok: false, issues: toIssues(body) };
  },
};
