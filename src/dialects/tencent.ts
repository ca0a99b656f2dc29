/**
 * Tencent Cloud API 3.0 ("Responses", "Error Codes" of every Tencent Cloud API): every answer is
 * one `Response` object, the body's only member, that carries a `RequestId`; "if there is an Error
 * field in the response, it means that the API call failed" — whatever the HTTP status, which is
 * commonly 200: `{Response: {Error: {Code: "AuthFailure.SignatureFailure", Message}, RequestId}}`.
 * As Tencent's SDKs do, only an `Error` with a non-empty `Code` makes a failure. A success is the
 * `Response` members other than `RequestId`.
 *
 * Codes are dotted, a common part first (`AuthFailure.SignatureExpire`, `InvalidParameterValue.Name`):
 * the common part names the kind where the status says little.
 */
import { fromStatusAlone, isSuccessStatus, type BodyFacts, type DialectParser } from '../dialect.ts';
import type { ErrorKind } from '../model.ts';
import { isRecord, readOwn, setMember, toOptionalString } from '../members.ts';

/** The common error codes of Tencent Cloud API 3.0 and the kinds they mean. */
const kindsByCode: Readonly<Record<string, ErrorKind>> = {
  // A CAM permission refused, under the authentication prefix.
  'AuthFailure.UnauthorizedOperation': 'forbidden',
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

/** The kind of a code: the whole code's, else its common part's. */
function toKind(code: string): ErrorKind | undefined {
  const common = code.split('.')[0]!;
  return Object.hasOwn(kindsByCode, code) ? kindsByCode[code] : Object.hasOwn(kindsByCode, common) ? kindsByCode[common] : undefined;
}

/** The `Error` of a failure: an object with a non-empty string `Code`. */
function readFailure(response: Record<string, unknown>): { error: Record<string, unknown>; code: string } | undefined {
  const error = readOwn(response, 'Error');
  const code = isRecord(error) ? readOwn(error, 'Code') : undefined;
  return typeof code === 'string' && code !== '' ? { error: error as Record<string, unknown>, code } : undefined;
}

function parseResponse(response: Record<string, unknown>, status: number): BodyFacts {
  const requestId = toOptionalString(readOwn(response, 'RequestId'));
  const failure = readFailure(response);
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(response)) if (!(key === 'Error' && failure) && !(key === 'RequestId' && requestId !== undefined)) setMember(rest, key, response[key]);
  if (!failure) return isSuccessStatus(status) ? { ok: true, data: rest, requestId } : { ok: false, requestId, extensions: rest };
  const { error, code } = failure;
  // The members of `Error` other than the two read are kept under its name.
  const others: Record<string, unknown> = {};
  for (const key of Object.keys(error)) if (key !== 'Code' && key !== 'Message') setMember(others, key, error[key]);
  if (Object.keys(others).length > 0) setMember(rest, 'Error', others);
  return { ok: false, kind: toKind(code), code, detail: toOptionalString(readOwn(error, 'Message')), requestId, extensions: rest };
}

/** The `Response` of a body that is nothing else: a record with other members is some other API's. */
function readResponse(body: unknown): Record<string, unknown> | undefined {
  if (!isRecord(body)) return undefined;
  const response = readOwn(body, 'Response');
  return isRecord(response) && Object.keys(body).length === 1 ? response : undefined;
}

/** Tencent Cloud API 3.0, recognised by a body that is only a `Response` object holding a failure's `Error` or a string `RequestId`. */
export const tencentDialect: DialectParser = {
  id: 'tencent',
  mediaTypes: [],
  requiresOneOf: ['Response'],
  detect(body) {
    const response = readResponse(body);
    return response !== undefined && (readFailure(response) !== undefined || typeof readOwn(response, 'RequestId') === 'string');
  },
  parse(body, { status }) {
    const response = readResponse(body);
    if (response) return parseResponse(response, status);
    return fromStatusAlone(body, status);
  },
};
