/**
 * Kraken's Spot REST API (docs.kraken.com, "Spot REST API" introduction, "Errors" and "Spot Error
 * Messages"): every answer is `{error: [...], result?}` — "HTTP status codes are generally not used
 * by our API to convey information about the state of requests" — and a non-empty `error` list of
 * `<severity><category>:<type>[:<extra info>]` (`EGeneral:Invalid arguments:ordertype`) is a
 * failure whatever the status; a failure may leave `result` out. Severity `E` is an error, `W` a
 * warning: a list of warnings only is a success, its body the data as plain gives it.
 *
 * The code is the first error without its extra info (`EGeneral:Invalid arguments`): the string
 * Kraken's docs list and its clients match on. The category alone (`EAPI`) would name an invalid
 * key and a spent rate limit alike. The detail is what follows the category (`Invalid arguments:ordertype`).
 */
import { fromStatusAlone, isSuccessStatus, type BodyFacts, type DialectParser } from '../dialect.ts';
import type { ErrorKind } from '../model.ts';
import { isRecord, readOwn } from '../members.ts';

/** An entry of Kraken's `error` list: a severity, a category, a colon and a word (`ERROR:Failed`, `WARNING:deprecated` and `ERROR: no` are none). */
const entryPattern = /^(?!ERROR:|WARN(?:ING)?:)[EW][A-Z][A-Za-z]*:[A-Za-z]/;

/** The errors whose kind the docs make clear, for a status (a 200) that says nothing. */
const kindsByCode: Readonly<Record<string, ErrorKind>> = {
  'EAPI:Rate limit exceeded': 'rate_limited',
  'EOrder:Rate limit exceeded': 'rate_limited',
  // "Too many sequential EAPI:Invalid key errors": a wait of some 15 minutes.
  'EGeneral:Temporary lockout': 'rate_limited',
  'EAPI:Invalid key': 'unauthenticated',
  'EAPI:Invalid signature': 'unauthenticated',
  'EAPI:Invalid nonce': 'unauthenticated',
  'EGeneral:Permission denied': 'forbidden',
  'EService:Unavailable': 'unavailable',
  'EService:Busy': 'unavailable',
  // The payload is "malformed, incorrect or ambiguous": no field is named, so no `validation`.
  'EGeneral:Invalid arguments': 'bad_request',
  'EGeneral:Internal error': 'server',
};

/** The `error` list of a body that is `error` and `result` only, when every entry is Kraken's and there is one. */
function readEntries(body: unknown): string[] | undefined {
  const entries = isRecord(body) ? readOwn(body, 'error') : undefined;
  return Array.isArray(entries) && entries.length > 0 && entries.every((entry) => typeof entry === 'string' && entryPattern.test(entry)) && Object.keys(body as object).every((key) => key === 'error' || key === 'result')
    ? entries
    : undefined;
}

function parseKraken(body: Record<string, unknown>, entries: string[], status: number): BodyFacts {
  // A caller's list may have holes, which `every` skips and `find` does not.
  const first = entries.find((entry) => typeof entry === 'string' && entry[0] === 'E');
  // What the model has no place for is kept: the other entries (warnings alone, all of them), a
  // `result` that is not empty.
  const extensions: Record<string, unknown> = {};
  const result = readOwn(body, 'result');
  if (entries.length > 1 || first === undefined) extensions['error'] = entries;
  if (result !== undefined && !(isRecord(result) && Object.keys(result).length === 0)) extensions['result'] = result;
  if (first === undefined) return isSuccessStatus(status) ? { ok: true, data: body } : { ok: false, extensions };
  const [category, type] = first.split(':') as [string, string];
  const code = `${category}:${type}`;
  return { ok: false, kind: Object.hasOwn(kindsByCode, code) ? kindsByCode[code] : undefined, detail: first.slice(category.length + 1), code, extensions };
}

/** Kraken's Spot REST API, recognised by a body of an `error` list of Kraken's entries (and a `result`), whatever the status. */
export const krakenDialect: DialectParser = {
  id: 'kraken',
  mediaTypes: [],
  requiresOneOf: ['error'],
  detect: (body) => readEntries(body) !== undefined,
  parse(body, { status }) {
    const entries = readEntries(body);
    return entries ? parseKraken(body as Record<string, unknown>, entries, status) : fromStatusAlone(body, status);
  },
};
