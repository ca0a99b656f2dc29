/**
 * JSON-RPC 2.0 (jsonrpc.org/specification, §5 "Response object"): every answer is `{jsonrpc:
 * "2.0", result, id}` or `{jsonrpc: "2.0", error: {code, message, data?}, id}`, most often in an
 * HTTP 200 whatever happened — Ethereum nodes, wallets, Zabbix, Odoo. An `error` is a failure
 * whatever the status; a `result` is the data. JSON-RPC 1.0 (Bitcoin Core) has no `jsonrpc`
 * member, and its `{result, error, id}` is a job record's shape too: it is left to plain, which
 * reads a nested error under an error status — Bitcoin Core's 404 and 500.
 *
 * The code is the error's integer code; §5.1's reserved codes name the kind they mean, and so
 * does EIP-1474's "Limit exceeded" (-32005), which Ethereum providers send for a rate limit.
 * The error's `data` and the request's `id` have no place in the model and are kept. Batch
 * answers (a list of responses) stay data: each response in it is the caller's to read.
 */
import { fromStatusAlone, isSuccessStatus, type BodyFacts, type DialectParser } from '../dialect.ts';
import type { ErrorKind } from '../model.ts';
import { isRecord, readOwn, setMember, toOptionalString } from '../members.ts';

/** §5.1's pre-defined errors and EIP-1474's limit, by code. */
const kindsByCode: Readonly<Record<string, ErrorKind>> = {
  // Parse error, Invalid Request, Invalid params: the request is at fault, naming no field.
  '-32700': 'bad_request',
  '-32600': 'bad_request',
  '-32602': 'bad_request',
  // "The method does not exist / is not available."
  '-32601': 'not_found',
  '-32603': 'server',
  '-32005': 'rate_limited',
};

/**
 * Whether a body is a JSON-RPC 2.0 response (§5): `jsonrpc: "2.0"`, the required `id`, and a
 * `result` or an `error` object; a request (its `method`) or a log of one is none.
 */
function isResponse(body: unknown): body is Record<string, unknown> {
  return isRecord(body) && readOwn(body, 'jsonrpc') === '2.0' && Object.hasOwn(body, 'id') && !Object.hasOwn(body, 'method') && (Object.hasOwn(body, 'result') || isRecord(readOwn(body, 'error')));
}

/** The members of `source` but those named, kept as received. */
function keepAllBut(target: Record<string, unknown>, source: Record<string, unknown>, read: readonly string[]): Record<string, unknown> {
  for (const key of Object.keys(source)) if (!read.includes(key)) setMember(target, key, source[key]);
  return target;
}

function parseError(body: Record<string, unknown>, error: Record<string, unknown>): BodyFacts {
  // §5.1: the code MUST be an integer; one of another type is kept, not read.
  const given = readOwn(error, 'code');
  const code = Number.isInteger(given) ? String(given) : undefined;
  const message = toOptionalString(readOwn(error, 'message'));
  // What the model has no place for: the request's `id`, anything beside, and the error's `data`;
  // an error with members of its own beyond those is kept whole, lest they meet the body's.
  const extensions = keepAllBut({}, body, ['jsonrpc', 'error']);
  const unread = Object.keys(error).filter((key) => !(key === 'code' && code !== undefined) && !(key === 'message' && message !== undefined));
  if (unread.length === 1 && unread[0] === 'data') setMember(extensions, 'data', error['data']);
  else if (unread.length > 0) setMember(extensions, 'error', error);
  return { ok: false, kind: code !== undefined && Object.hasOwn(kindsByCode, code) ? kindsByCode[code] : undefined, detail: message, code, extensions };
}

/** JSON-RPC 2.0, recognised by `jsonrpc: "2.0"` beside a `result` or an `error`, whatever the status. */
export const jsonRpcDialect: DialectParser = {
  id: 'json-rpc',
  mediaTypes: [],
  requiresOneOf: ['jsonrpc'],
  detect: isResponse,
  parse(body, { status }) {
    if (!isResponse(body)) return fromStatusAlone(body, status);
    const error = readOwn(body, 'error');
    if (isRecord(error)) return parseError(body, error);
    // A success: the data is the result, under any 2xx; an error status decides over it.
    return isSuccessStatus(status) ? { ok: true, data: readOwn(body, 'result') } : { ok: false, extensions: keepAllBut({}, body, ['jsonrpc']) };
  },
};
