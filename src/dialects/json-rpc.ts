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
import { isRecord, readOwn, setMember, toCode, toOptionalString } from '../members.ts';

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

/** Whether a body is a JSON-RPC 2.0 response: `jsonrpc: "2.0"` beside a `result` or an `error` object. */
function isResponse(body: unknown): body is Record<string, unknown> {
  return isRecord(body) && readOwn(body, 'jsonrpc') === '2.0' && (Object.hasOwn(body, 'result') || isRecord(readOwn(body, 'error')));
}

/** The members of `source` but those named, kept as received. */
function keepAllBut(target: Record<string, unknown>, source: Record<string, unknown>, read: readonly string[]): Record<string, unknown> {
  for (const key of Object.keys(source)) if (!read.includes(key)) setMember(target, key, source[key]);
  return target;
}

function parseError(body: Record<string, unknown>, error: Record<string, unknown>): BodyFacts {
  const code = toCode(readOwn(error, 'code'));
  const message = toOptionalString(readOwn(error, 'message'));
  // What the model has no place for: the error's `data`, the request's `id`, anything beside.
  const read = [code === undefined ? '' : 'code', message === undefined ? '' : 'message'];
  const extensions = keepAllBut(keepAllBut({}, error, read), body, ['jsonrpc', 'error']);
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
