/**
 * AWS JSON protocols (awsJson1_0, awsJson1_1: DynamoDB, Kinesis, CloudWatch Logs, ...): an
 * error body names its shape in `__type` — `com.amazonaws.dynamodb.v20120810#ResourceNotFoundException`
 * — and explains it in `message` (some services spell it `Message`). restJson1 services send
 * the name in the `x-amzn-ErrorType` header instead and a bare `{message}` body: that header
 * selects this dialect too (`markerHeaders`), and `parse` reads the name from it.
 *
 * The XML protocols answer with text: S3 (restXml) `<Error><Code/><Message/><RequestId/></Error>`,
 * the Query protocol (SQS, STS, IAM) `<ErrorResponse><Error>…</Error><RequestId/></ErrorResponse>`
 * and EC2 `<Response><Errors><Error>…</Error></Errors><RequestID/></Response>`. The first `Code`,
 * `Message` and request id are read; the text stays whole in `body`.
 */
import { isSuccessStatus, type BodyFacts, type DialectParser } from '../dialect.ts';
import { toIssues } from '../issues.ts';
import type { ErrorKind, Issue } from '../model.ts';
import { isRecord, readOwn, setMember } from '../members.ts';
import { readTextError } from './xml-error.ts';

/**
 * Error shapes shared by many AWS services (the "Common Errors" of the AWS API references and
 * DynamoDB's error table), and what they mean for a status that says little: AWS sends most
 * of them as a plain 400.
 */
const kindsByErrorName: Readonly<Record<string, ErrorKind>> = {
  ValidationException: 'validation',
  ValidationError: 'validation',
  SerializationException: 'bad_request',
  ResourceNotFoundException: 'not_found',
  AccessDeniedException: 'forbidden',
  AccessDenied: 'forbidden',
  UnrecognizedClientException: 'unauthenticated',
  InvalidSignatureException: 'unauthenticated',
  IncompleteSignature: 'unauthenticated',
  MissingAuthenticationToken: 'unauthenticated',
  InvalidClientTokenId: 'unauthenticated',
  ExpiredTokenException: 'unauthenticated',
  ExpiredToken: 'unauthenticated',
  ThrottlingException: 'rate_limited',
  Throttling: 'rate_limited',
  ProvisionedThroughputExceededException: 'rate_limited',
  RequestLimitExceeded: 'rate_limited',
  TooManyRequestsException: 'rate_limited',
  ConditionalCheckFailedException: 'conflict',
  TransactionConflictException: 'conflict',
  ResourceInUseException: 'conflict',
  ConflictException: 'conflict',
  InternalServerError: 'server',
  InternalServerException: 'server',
  InternalFailure: 'server',
  ServiceUnavailable: 'unavailable',
  ServiceUnavailableException: 'unavailable',
};

/**
 * The error name in an `__type` (or `x-amzn-ErrorType`) value, as the Smithy protocol tests
 * sanitize it (smithy.io, aws-restjson1 "Operation error serialization"): the part before the
 * first `:`, then the part after the first `#`.
 * @example
 * toErrorName('ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/'); // 'ValidationException'
 */
function toErrorName(type: string): string {
  const colon = type.indexOf(':');
  const name = colon === -1 ? type : type.slice(0, colon);
  const hash = name.indexOf('#');
  return hash === -1 ? name : name.slice(hash + 1);
}

/** An `<Error>` with a `<Code>` and a request id: the mark of AWS's XML errors. */
const isXmlError = (text: string): boolean => text.includes('<Error>') && text.includes('<Code>') && /<(RequestI[dD]|HostId)>/.test(text);

/** What an AWS error name says, where the status says little: the table, or a `….NotFound` of EC2's. */
function toKind(code: string | undefined): ErrorKind | undefined {
  if (code === undefined) return undefined;
  return Object.hasOwn(kindsByErrorName, code) ? kindsByErrorName[code] : code.endsWith('NotFound') ? 'not_found' : undefined;
}

/** The error name of an `__type` or `x-amzn-ErrorType` value; `undefined` for none or an empty one. */
const toCodeOf = (type: string | undefined): string | undefined => (type === undefined ? undefined : toErrorName(type) || undefined);

function parseAws(body: Record<string, unknown>, errorType: string | undefined): BodyFacts {
  const type = readOwn(body, '__type');
  // awsJson names the error in `__type`; restJson in the `x-amzn-ErrorType` header (smithy.io).
  const code = toCodeOf(typeof type === 'string' ? type : errorType);
  let detail: string | undefined;
  let issues: Issue[] | undefined;
  const extensions: Record<string, unknown> = {};
  for (const key of Object.keys(body)) {
    const value = body[key];
    if (key === '__type' && typeof type === 'string' && code !== undefined) continue;
    // awsJson bodies spell it `message`; some services (and older ones) `Message`.
    if ((key === 'message' || key === 'Message') && typeof value === 'string' && detail === undefined) detail = value;
    // smithy.framework#ValidationException lists its fields: `fieldList: [{path: "/name", message}]`.
    else if (key === 'fieldList' && Array.isArray(value)) issues = toIssues(value);
    else setMember(extensions, key, value);
  }
  return { ok: false, kind: toKind(code), detail, code, issues, extensions };
}

/** AWS, recognised by `__type`, the `x-amzn-ErrorType` header or an `application/x-amz-json-1.x` media type (JSON protocols), or an XML `<Error>` with a `<Code>` and a request id (S3, Query, EC2). */
export const awsDialect: DialectParser = {
  id: 'aws',
  mediaTypes: ['application/x-amz-json-1.0', 'application/x-amz-json-1.1'],
  requiresOneOf: ['__type'],
  markerHeaders: ['x-amzn-errortype'],
  detect: (body) => (typeof body === 'string' ? isXmlError(body) : isRecord(body) && typeof readOwn(body, '__type') === 'string'),
  // AWS sends `__type` only with errors; a 2xx body is data whatever it holds.
  parse(body, context) {
    const { status, mediaType } = context;
    if (isSuccessStatus(status)) return { ok: true, data: body };
    // Read only here: the context gathers every header when first asked (normalize.ts).
    const errorType = context.headers?.['x-amzn-errortype'];
    if (typeof body === 'string') {
      const facts = readTextError(body, mediaType, toCodeOf(errorType));
      return { ...facts, kind: toKind(facts.code) };
    }
    if (isRecord(body)) return parseAws(body, errorType);
    // A HEAD (or an empty body) names the error in the header alone.
    return body === undefined ? parseAws({}, errorType) : { ok: false };
  },
};
