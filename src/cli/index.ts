/**
 * The `faultline` command (package.json `bin`, built to dist/cli.js). This module is a program,
 * not a library module: the call to `main` at module scope below is the one STYLE.md rule 3
 * allows, and no entry point of the library imports this file.
 */
import { main } from './main.ts';
import { readAtMost } from './read-source.ts';

// `faultline inspect … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Module-scope call: this file is the program (see above). dist/cli.js sits in dist/, so the
// package's folder, with locales/ and package.json, is one level up.
main(process.argv.slice(2), {
  packageUrl: new URL('../', import.meta.url),
  writeOut: (text) => void process.stdout.write(text),
  writeError: (text) => void process.stderr.write(text),
  // `faultline inspect -`: standard input is closed once enough is read, so that `yes | faultline inspect -` ends.
  readStdin: (maxBytes) => readAtMost(process.stdin, maxBytes),
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
