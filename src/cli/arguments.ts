/**
 * The command line of `faultline`, read with node:util `parseArgs`. Nothing here touches the
 * file system or the network: a parse gives a command or a sentence saying what is wrong.
 */
import { parseArgs } from 'node:util';
import { isFieldName } from '../server/header-safety.ts';

/** `faultline inspect <source>` with its options. */
export interface InspectCommand {
  readonly command: 'inspect';
  /** A file path, an http(s) URL, or `-` for standard input. */
  readonly source: string;
  /** `--status`: the status of a bare body, or the one that replaces a saved status line. */
  readonly status?: number;
  /** `--header`, in order: response headers of a saved body, request headers sent to a URL. */
  readonly headers: readonly (readonly [name: string, value: string])[];
  /** `--lang`, as given: a tag or an `Accept-Language` list. */
  readonly language?: string;
  /** `--json`: the model as JSON instead of the report. */
  readonly json: boolean;
  /** `--timeout`, in milliseconds: how long a URL may take to answer, body included. */
  readonly timeoutMs?: number;
}

/**
 * What the command line asks for. `bare` is `faultline` without arguments: the help is printed,
 * as `git` and `npm` print theirs, and the exit code is still the usage error's.
 */
export type Command = { readonly command: 'help' } | { readonly command: 'bare' } | { readonly command: 'version' } | InspectCommand;

/** A parsed command line, or the sentence saying what is wrong with it (exit code 2). */
export type ParsedArguments = { readonly ok: true; readonly value: Command } | { readonly ok: false; readonly message: string };

/** The text `faultline --help` prints. */
export const usage: string = `Usage: faultline inspect <file | url | -> [options]

Prints the normalized model of an HTTP response: a saved body, a response saved with
\`curl -i\` (status line, headers, blank line, body), a live http(s) URL, or standard input (-).

Options:
  --status <code>          The status of a bare body (required unless its status member
                           names a 4xx or 5xx); replaces the status line of a saved
                           response. Not for URLs.
  -H, --header "Name: value"
                           A response header of a saved body (repeatable), or a request
                           header sent to a URL.
  --lang <tag>             The language of titles, issue messages and advice: any tag or
                           Accept-Language list, negotiated as seed 003 says (default en).
  --timeout <seconds>      How long a URL may take to answer, body included (default 30).
  --json                   Print the model as JSON.
  -h, --help               Print this help.
  --version                Print the version.

Exit codes:
  0  the response is a success
  1  the response is an error (the inspection itself worked, as with curl --fail)
  2  the command line is wrong
  3  the file or standard input cannot be read: a missing file, a directory, no
     permission
  4  the URL could not be reached, or did not answer completely within --timeout
  5  the input is not a response body: a bare body without a Content-Type that is
     not UTF-8 text, a compressed body that does not decompress, or a saved head
     over 1 MiB
  6  the output could not be written (a full disk)
`;

const options = {
  status: { type: 'string' },
  timeout: { type: 'string' },
  header: { type: 'string', short: 'H', multiple: true },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** `Name: value` → `[name, value]`; the value trimmed of surrounding whitespace (RFC 9110 §5.5). */
export function parseHeader(text: string): readonly [string, string] | string {
  const colon = text.indexOf(':');
  const name = colon === -1 ? '' : text.slice(0, colon).trim();
  if (!isFieldName(name)) return `--header needs "Name: value", not "${text}"`;
  const value = text.slice(colon + 1).trim();
  // RFC 9110 §5.5: no CR, LF or NUL in a field value.
  if (/[\r\n\0]/.test(value)) return `--header "${name}" has a line break or NUL in its value`;
  // A field value is octets, which fetch's Headers takes as Latin-1 (a ByteString): "日本" cannot be one.
  const wide = /[^\u0000-\u00ff]/u.exec(value);
  if (wide) return `--header "${name}" cannot hold "${wide[0]}": a header value holds only Latin-1 characters`;
  return [name, value];
}

/** `--status` as a number, or the sentence saying why it is not one. */
function parseStatus(text: string): number | string {
  // `--status= 404`: the shell gave the option an empty value, and 404 became a second source.
  if (text === '') return '--status needs an HTTP status from 100 to 599, but it is empty: write --status 404 or --status=404';
  const status = /^\d{3}$/.test(text) ? Number(text) : Number.NaN;
  return status >= 100 && status <= 599 ? status : `--status needs an HTTP status from 100 to 599, not "${text}"`;
}

/** The longest `--timeout`: a day. */
const maxTimeoutSeconds = 86_400;

/** `--timeout` in milliseconds, or the sentence saying why it is not a number of seconds. */
function parseTimeout(text: string): number | string {
  const seconds = /^\d+(?:\.\d+)?$|^\.\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  const ms = Math.round(seconds * 1000);
  return ms >= 1 && seconds <= maxTimeoutSeconds ? ms : `--timeout needs a number of seconds above 0 and at most ${maxTimeoutSeconds}, not "${text}"`;
}

/**
 * The first sentence of parseArgs' message: "Unknown option '--foo'", "Option '--status <value>'
 * argument missing"; and its advice for a value that starts with a dash (`-H --json`), which says
 * how to give one ("use '--header=-XYZ' or '-H-XYZ'").
 */
function toUsageMessage(thrown: unknown): string {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  const [first, ...rest] = message.split(/(?<=[.?])\s+/);
  const advice = rest.find((sentence) => sentence.startsWith('To specify an option argument'));
  const lower = (text: string): string => text.replace(/^./, (letter) => letter.toLowerCase());
  return lower(first!.replace(/\.$/, '')) + (advice === undefined ? '' : `; ${lower(advice.replace(/\.$/, ''))}`);
}

/**
 * Reads `argv` (without `node` and the script).
 * @example
 * parseArguments(['inspect', 'body.json', '--status', '404']);
 * // { ok: true, value: { command: 'inspect', source: 'body.json', status: 404, headers: [], json: false } }
 */
export function parseArguments(argv: readonly string[]): ParsedArguments {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (thrown) {
    return { ok: false, message: toUsageMessage(thrown) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, value: { command: 'help' } };
  if (values.version) return { ok: true, value: { command: 'version' } };
  if (argv.length === 0) return { ok: true, value: { command: 'bare' } };
  const [command, source, ...rest] = positionals;
  // `faultline help`, as `git help` and `npm help` are asked.
  if (command === 'help') return { ok: true, value: { command: 'help' } };

  // The options first: an empty one (`--status= 404`) leaves its value as a positional, which
  // would be reported as a second source.
  const headers: (readonly [string, string])[] = [];
  for (const text of values.header ?? []) {
    const header = parseHeader(text);
    if (typeof header === 'string') return { ok: false, message: header };
    headers.push(header);
  }
  const status = values.status === undefined ? undefined : parseStatus(values.status);
  if (typeof status === 'string') return { ok: false, message: status };
  const timeoutMs = values.timeout === undefined ? undefined : parseTimeout(values.timeout);
  if (typeof timeoutMs === 'string') return { ok: false, message: timeoutMs };
  if (values.lang !== undefined && values.lang.trim() === '') return { ok: false, message: '--lang needs a language tag such as de or de-CH' };

  if (command === undefined) return { ok: false, message: 'a command is missing: faultline inspect <file | url | ->' };
  if (command !== 'inspect') return { ok: false, message: `unknown command "${command}" (the command is inspect)` };
  if (source === undefined || source === '') return { ok: false, message: 'inspect needs a source: a file, an http(s) URL, or - for standard input' };
  if (rest.length > 0) return { ok: false, message: `inspect takes one source, not also "${rest.join('" "')}"` };

  const inspect: { -readonly [K in keyof InspectCommand]: InspectCommand[K] } = { command: 'inspect', source, headers, json: values.json === true };
  if (status !== undefined) inspect.status = status;
  if (timeoutMs !== undefined) inspect.timeoutMs = timeoutMs;
  if (values.lang !== undefined) {
    // A shell's locale spelling (`de_CH`, `de_CH.UTF-8` from $LANG) as the language tag it means (RFC 5646 uses `-`).
    inspect.language = values.lang.trim().replace(/^([a-z]{2,3})_([a-z]{2})(\.[\w-]+)?(@\w+)?$/i, '$1-$2');
  }
  return { ok: true, value: inspect };
}
