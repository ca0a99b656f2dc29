/**
 * Tencent Cloud API 3.0 ("Responses", "Error Codes" of every Tencent Cloud API): every answer is
 * one `Response` object that carries a `RequestId`; "if there is an Error field in the response,
 * it means that the API call failed" — whatever the HTTP status, which is commonly 200:
 * `{Response: {Error: {Code: "AuthFailure.SignatureFailure", Message}, RequestId}}`. A success is
 * the `Response` members other than `RequestId`.
 *
 * Codes are dotted, a common part first (`AuthFailure.SignatureExpire`, `InvalidParameterValue.Name`):
 * the common part names the kind where the status says little.
 */
import { isSuccessStatus, type BodyFacts, type DialectParser } from '../dialect.ts';
import type { ErrorKind } from '../model.ts';
import { isRecord, readOwn, setMember, toOptionalString } from '../members.ts';

/** The common error codes of Tencent Cloud API 3.0 and the kinds they mean. */
const kindsByCode: Readonly<Record<string, ErrorKind>> = {
  AuthFailure: 'unauthenticated',
  UnauthorizedOperation: 'forbidden',
  OperationDenied: 'forbidden',
  RequestLimitExceeded: 'rate_limited',
  InternalError: 'server',
  ResourceNotFound: 'not_found',
  ResourceInUse: 'conflict',
  ResourceUnavailable: 'unavailable',
  InvalidParameter: 'bad_request',
  InvalidParameterValue: 'bad_request',
  MissingParameter: 'bad_request',
  UnknownParameter: 'bad_request',
};

function toKind(code: string | undefined): ErrorKind | undefined {
  const common = code?.split('.')[0];
  return common !== undefined && Object.hasOwn(kindsByCode, common) ? kindsByCode[common] : undefined;
}

function parseResponse(body: Record<string, unknown>, response: Record<string, unknown>, status: number): BodyFacts {
  const requestId = toOptionalString(readOwn(response, 'RequestId'));
  const error = readOwn(response, 'Error');
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(response)) if (key !== 'Error' && !(key === 'RequestId' && requestId !== undefined)) setMember(rest, key, response[key]);
  if (!isRecord(error)) return isSuccessStatus(status) ? { ok: true, data: rest, requestId } : { ok: false, requestId, extensions: rest };
  // Members beside `Response` and inside `Error` other than the two read are kept.
  for (const key of Object.keys(body)) if (key !== 'Response') setMember(rest, key, body[key]);
  for (const key of Object.keys(error)) if (key !== 'Code' && key !== 'Message') setMember(rest, key, error[key]);
  const code = toOptionalString(readOwn(error, 'Code'));
  return { ok: false, kind: toKind(code), code, detail: toOptionalString(readOwn(error, 'Message')), requestId, extensions: rest };
}

/** Tencent Cloud API 3.0, recognised by a `Response` object holding an `Error` object or a string `RequestId`. */
export const tencentDialect: DialectParser = {
  id: 'tencent',
  mediaTypes: [],
  detect(body) {
    const response = isRecord(body) ? readOwn(body, 'Response') : undefined;
    return isRecord(response) && (isRecord(readOwn(response, 'Error')) || typeof readOwn(response, 'RequestId') === 'string');
  },
  parse(body, { status }) {
    const response = isRecord(body) ? readOwn(body, 'Response') : undefined;
    if (isRecord(body) && isRecord(response)) return parseResponse(body, response, status);
    return isSuccessStatus(status) ? { ok: true, data: body } : { ok: false };
  },
};
