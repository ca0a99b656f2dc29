/**
 * The Chromium the browser tests drive through playwright-core (`npx playwright install` cannot
 * download one here): the one `FAULTLINE_CHROMIUM` names, else Debian's /usr/bin/chromium (which
 * `.ci/run` installs with apt-get), else where Chromium and Chrome usually live. Without one, the
 * browser tests are skipped with a notice on a developer's machine — `npm install` then `npm test`
 * must work on a fresh machine — and fail under `CI=true`, where they must run.
 */
import { existsSync } from 'node:fs';

// A FAULTLINE_CHROMIUM given is the only one looked for (a path that does not exist skips the tests).
const named = process.env['FAULTLINE_CHROMIUM'];
const candidates = named !== undefined ? [named] : [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The browser's executable, or `undefined` when none is here. */
export const chromiumPath: string | undefined = candidates.find((path) => existsSync(path));

/** Whether this is a CI run: `CI=true` (or `1`), as CI services and `.ci/run` set it; `CI=false` is none. */
const underCi = /^(?:true|1)$/i.test(process.env['CI'] ?? '');

/** Whether the browser tests are skipped (`describe.skipIf`): no Chromium is here, and this is no CI run. */
export const skipBrowser: boolean = chromiumPath === undefined && !underCi;

if (skipBrowser) {
  console.warn('Browser tests skipped: no Chromium found. Install one (`apt-get install chromium`) or name it in FAULTLINE_CHROMIUM to run them; CI=true runs them always.');
}

/** The executable for `chromium.launch`; under CI without one, an error that says what to install. */
export function requireChromium(): string {
  if (chromiumPath === undefined) throw new Error("The browser tests drive Chromium, which is missing: install Debian's with `apt-get install chromium` (CI does), or name one in FAULTLINE_CHROMIUM.");
  return chromiumPath;
}
