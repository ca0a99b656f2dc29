/**
 * `faultline`: the command, as a function of its arguments and its surroundings, returning the
 * exit code. index.ts runs it on the real process; tests run it on their own streams.
 */
import { readFile } from 'node:fs/promises';
import { negotiateLanguage } from '../i18n/languages.ts';
import { parseArguments, usage, type InspectCommand } from './arguments.ts';
import { exitCodes, type ExitCode } from './exit-codes.ts';
import { loadLocalizer, type LocalizerModule } from './locales.ts';
import { readSource } from './read-source.ts';
import { renderJson, renderResult } from './render.ts';
import { toSafeText } from '../safe-text.ts';

/** The surroundings of a run. */
export interface CliContext {
  /** The installed package's folder, ending in a slash: `locales/` and `package.json` are read from it. */
  readonly packageUrl: URL;
  readonly writeOut: (text: string) => void;
  readonly writeError: (text: string) => void;
  /** Standard input, its first `maxBytes` bytes: reading stops there. */
  readonly readStdin: (maxBytes: number) => Promise<Uint8Array>;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch | undefined;
  /** How long a live response may take. @default 30_000 */
  readonly timeoutMs?: number | undefined;
  /** Imports the localizer; tests replace it to see the report without i18next. */
  readonly importLocalizer?: (() => Promise<LocalizerModule>) | undefined;
}

/** The line after a usage error's. */
const usageHint = 'Run "faultline --help" for usage.\n';

/** The version in the package's package.json. */
async function readVersion(packageUrl: URL): Promise<string> {
  try {
    const manifest: unknown = JSON.parse(await readFile(new URL('package.json', packageUrl), 'utf8'));
    const version = (manifest as { version?: unknown } | null)?.version;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Whether a `--lang` tag or list asks for English, or for any language (`*`). */
function namesEnglish(language: string): boolean {
  return language.split(',').some((range) => /^(?:en(?:-.*)?|\*)$/i.test(range.split(';')[0]!.trim()));
}

/** `faultline inspect`: read, normalize, print; the exit code says what was found. */
async function inspect(command: InspectCommand, context: CliContext): Promise<ExitCode> {
  const read = await readSource(command, context);
  if (!read.ok) {
    // An argument the source cannot take (`--status` for a URL, an ftp:// source) is a usage error like any other.
    context.writeError(`faultline: ${toSafeText(read.message)}\n${read.exitCode === exitCodes.usage ? usageHint : ''}`);
    return read.exitCode;
  }
  // Any tag or Accept-Language list is accepted; seed 003's rules pick one there are texts for.
  const language = negotiateLanguage(command.language);
  // --json is the model as normalize gave it, unless a language was asked for.
  const wantsTexts = !command.json || command.language !== undefined;
  const localizer = wantsTexts ? await loadLocalizer(language, new URL('locales/', context.packageUrl), context.importLocalizer) : undefined;
  if (wantsTexts && !localizer && language !== 'en') context.writeError('faultline: i18next is not installed, so the texts stay in English (npm install i18next)\n');
  // `--lang xx`: seed 003 falls back to English, which the reader should not take for a bug. On
  // standard error, so that it is said with --json too without spoiling the JSON.
  if (command.language !== undefined && language === 'en' && !namesEnglish(command.language)) {
    context.writeError(`faultline: there are no texts for "${toSafeText(command.language)}", so English is used\n`);
  }
  const options = { language, localizer };
  context.writeOut(command.json ? renderJson(read.result, options) : renderResult(read.result, options));
  return read.result.ok ? exitCodes.success : exitCodes.errorResponse;
}

/**
 * Runs `faultline` with `argv` (the arguments after the script).
 * @returns the exit code: see exit-codes.ts
 * @example
 * process.exitCode = await main(process.argv.slice(2), context);
 */
export async function main(argv: readonly string[], context: CliContext): Promise<ExitCode> {
  const parsed = parseArguments(argv);
  if (!parsed.ok) {
    context.writeError(`faultline: ${toSafeText(parsed.message)}\n${usageHint}`);
    return exitCodes.usage;
  }
  const command = parsed.value;
  if (command.command === 'help' || command.command === 'bare') {
    context.writeOut(usage);
    return command.command === 'help' ? exitCodes.success : exitCodes.usage;
  }
  if (command.command === 'version') {
    context.writeOut(`${await readVersion(context.packageUrl)}\n`);
    return exitCodes.success;
  }
  return inspect(command, context);
}
