/**
 * The `faultline` command (package.json `bin`, built to dist/cli.js). This module is a program,
 * not a library module: the call to `main` at module scope below is the one STYLE.md rule 3
 * allows, and no entry point of the library imports this file.
 */
import { fstatSync } from 'node:fs';
import { exitCodes } from './exit-codes.ts';
import { main } from './main.ts';
import { readAtMost } from './read-source.ts';

/** `ENOSPC: no space left on device, write` → `no space left on device (ENOSPC)`. */
function describeWriteFailure(error: NodeJS.ErrnoException): string {
  const system = /^([A-Z\d_]+): (.+?)(?:, \w+)?$/.exec(error.message);
  return system ? `${system[2]} (${system[1]})` : error.message || String(error.code ?? error.name);
}

// `faultline inspect … | head` closes the pipe early: that is the reader's choice, not an error.
// Any other failure to write (a full disk: `> /dev/full`) is said in one line, with its own code.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`faultline: cannot write the output: ${describeWriteFailure(error)}\n`);
  process.exit(exitCodes.unwritableOutput);
});
// Standard error that cannot be written leaves nothing to say a failure on: the exit code says it.
process.stderr.on('error', () => {});

/** Whether standard input is a directory (`faultline inspect - < folder`), which Node reads as empty input. */
function isStdinDirectory(): boolean {
  try {
    return fstatSync(0).isDirectory();
  } catch {
    return false;
  }
}

// Module-scope call: this file is the program (see above). dist/cli.js sits in dist/, so the
// package's folder, with locales/ and package.json, is one level up.
main(process.argv.slice(2), {
  packageUrl: new URL('../', import.meta.url),
  writeOut: (text) => void process.stdout.write(text),
  writeError: (text) => void process.stderr.write(text),
  // `faultline inspect -`: standard input is closed once enough is read, so that `yes | faultline inspect -` ends.
  readStdin: (maxBytes) =>
    isStdinDirectory() ? Promise.reject(Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' })) : readAtMost(process.stdin, maxBytes),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not an expected failure: say so and exit with a code none of the documented ones uses.
    process.stderr.write(`faultline: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
