/**
 * Bare field → messages maps, the whole body being the map: Rails (`render json: record.errors`,
 * ActiveModel::Errors#as_json), Django REST framework serializer errors (nested serializers as
 * nested maps, `many=True` lists as lists of maps, `non_field_errors`) and ASP.NET Core 2.1's
 * `SerializableError`. DRF's `get_full_details()` spells each message `{message, code}`. A map under `errors` beside a `message` (Laravel, Rails `{errors: ...}`)
 * and DRF's `{"detail": "Not found."}` are plain's: this dialect never claims a body with a string
 * member, nor one with a top-level `errors`.
 */
import { isSuccessStatus, type BodyFacts, type DialectParser } from '../dialect.ts';
import { createIssue, isObjectKey, joinPath, maxDepth, maxSteps, parseFieldPath, toName } from '../issues.ts';
import type { Issue } from '../model.ts';
import { isRecord, readOwn, setMember } from '../members.ts';

/** How many values `detect` looks at before it answers from what it saw: it runs on every response. */
const detectBudget = 256;

interface Scan {
  budget: number;
  messages: number;
}

/** DRF `get_full_details()`: a message with its code, `{"message": "This field is required.", "code": "required"}`. */
function isFullDetail(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return typeof readOwn(value, 'message') === 'string' && keys.every((key) => key === 'message' || (key === 'code' && typeof value[key] === 'string'));
}

/** Whether `value` is a map of messages: every member an array of strings, a nested map, or a list of maps. */
function isMessageMap(value: Record<string, unknown>, scan: Scan, depth: number): boolean {
  if (depth >= maxDepth) return false;
  for (const key of Object.keys(value)) {
    if (--scan.budget < 0) return true;
    if (!isMessages(value[key], scan, depth + 1)) return false;
  }
  return true;
}

function isMessages(value: unknown, scan: Scan, depth: number): boolean {
  if (isRecord(value)) return isMessageMap(value, scan, depth);
  if (!Array.isArray(value)) return false;
  // `["can't be blank"]`, or DRF's `many=True` errors `[{}, {"name": ["..."]}]`; never both.
  const strings = value.length > 0 && typeof value[0] === 'string';
  for (const item of value) {
    if (--scan.budget < 0) return true;
    const detail = !strings && isRecord(item) && isFullDetail(item);
    if (strings ? typeof item !== 'string' : !isRecord(item) || !(detail || isMessageMap(item, scan, depth + 1))) return false;
    if (strings || detail) scan.messages++;
  }
  return true;
}

/** The spelling of a nested field, as Laravel flattens them: `items.1.name`. */
// Each part cut before they are joined: cutting a joined text would copy it whole first (V8
// flattens it), a 400 KB key once per issue below it, and keep each copy alive.
const joinField = (parent: string | undefined, key: string): string => toName(parent === undefined ? key : `${toName(parent)}.${toName(key)}`);

function collect(value: unknown, path: readonly (string | number)[], field: string, out: Issue[], depth: number): void {
  if (depth >= maxDepth) return;
  if (isRecord(value)) {
    collectMap(value, path, field, out, depth + 1);
    return;
  }
  if (!Array.isArray(value)) return;
  let index = 0;
  for (const item of value) {
    if (typeof item === 'string') out.push(createIssue(path, item, field));
    else if (isRecord(item) && isFullDetail(item)) out.push(createIssue(path, readOwn(item, 'message') as string, field, readOwn(item, 'code') as string | undefined));
    // DRF: the errors of the n-th item of a list, `{}` for an item without any.
    else if (isRecord(item)) collectMap(item, joinPath(path, [index]), `${field}.${index}`, out, depth + 1);
    index++;
  }
}

/**
 * How many maps the read has entered, from 0 at each read (a read is synchronous): a caller's
 * object may share a member at every level (`{a: x, b: x}`), 2^64 ways in, where a parsed body is
 * a tree; past issues.ts's {@link maxSteps} the rest is not read.
 */
let steps = 0;

function collectMap(map: Record<string, unknown>, prefix: readonly (string | number)[], parent: string | undefined, out: Issue[], depth: number): void {
  if (depth >= maxDepth || ++steps > maxSteps) return;
  for (const key of Object.keys(map)) {
    const path = isObjectKey(key) ? prefix : joinPath(prefix, parseFieldPath(key));
    collect(map[key], path, joinField(parent, key), out, depth);
  }
}

function parseFieldMap(body: Record<string, unknown>): BodyFacts {
  steps = 0;
  const issues: Issue[] = [];
  const extensions: Record<string, unknown> = {};
  // GitLab wraps its map in `message` (docs.gitlab.com, REST API troubleshooting): `{message: {title: ["can't be blank"]}}`.
  const wrapped = readOwn(body, 'message');
  const map = isRecord(wrapped) && Object.keys(body).length === 1 ? wrapped : body;
  for (const key of Object.keys(map)) {
    const value = map[key];
    // RFC 9457 §3.1 in spirit: a member that is no list or map of messages is kept, not read.
    // An object key's map (zod's `fieldErrors`) spells its fields without it: `email`, not `fieldErrors.email`.
    if (isRecord(value) && isObjectKey(key)) collectMap(value, [], undefined, issues, 1);
    else if (Array.isArray(value) || isRecord(value)) collect(value, isObjectKey(key) ? [] : parseFieldPath(key), key, issues, 0);
    else setMember(extensions, key, value);
  }
  return { ok: false, issues, extensions };
}

/** Rails and Django REST framework, recognised by a body whose every member is a list of messages, or a nested map of them. */
export const fieldMapDialect: DialectParser = {
  id: 'field-map',
  mediaTypes: [],
  detect(body) {
    if (!isRecord(body) || Object.hasOwn(body, 'errors')) return false;
    const scan: Scan = { budget: detectBudget, messages: 0 };
    // A map without a single message (`{}`, `{"items": []}`) is data, not errors.
    return isMessageMap(body, scan, 0) && scan.messages > 0;
  },
  parse: (body, { status }) => (isSuccessStatus(status) || !isRecord(body) ? { ok: true, data: body } : parseFieldMap(body)),
};
