/**
 * The demo in a real browser: playwright-core drives Debian's Chromium (/usr/bin/chromium; CI
 * installs it, `npx playwright install` is never used) through the page that `npm start` serves.
 * The server runs as `node examples/demo/server.mjs` with PORT=0 in a child process, after
 * `npm run build`. Each step saves a screenshot under test/artifacts/ (git-ignored).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireChromium, skipBrowser } from '../support/chromium.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const timeout = 60_000;

type Texts = { issue: { required: string; invalid_format: string }; kind: { validation: { description: string } } };
const readTexts = (language: string): Texts => JSON.parse(readFileSync(new URL(`../../locales/${language}.json`, import.meta.url), 'utf8')) as Texts;
const english = readTexts('en');
const german = readTexts('de');

let child: ChildProcess | undefined;
let browser: Browser | undefined;
let base: string;

beforeAll(async () => {
  const executablePath = requireChromium();
  if (!existsSync(new URL('../../dist/fetch.js', import.meta.url))) {
    throw new Error('dist/ is missing: run `npm run build` before the browser tests.');
  }
  mkdirSync(artifacts, { recursive: true });

  const server = spawn(process.execPath, ['examples/demo/server.mjs'], { cwd: root, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  child = server;
  let errors = '';
  server.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  base = await new Promise<string>((resolve, reject) => {
    let printed = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const address = /faultline demo: (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(printed)?.[1];
      if (address !== undefined) resolve(address);
    });
    server.once('exit', (code) => reject(new Error(`The demo server exited with ${String(code)}: ${errors}`)));
  });

  browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}, timeout);

afterAll(async () => {
  await browser?.close();
  if (child === undefined || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child?.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}, timeout);

/** A fresh page in English (so German is a choice the test makes), with the language picker filled. */
async function openDemo(): Promise<Page> {
  if (browser === undefined) throw new Error('The browser did not start.');
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  await page.goto(base);
  await page.waitForFunction(() => document.querySelectorAll('#language option').length > 0 && document.documentElement.lang !== '');
  expect(failures).toEqual([]);
  return page;
}

const screenshot = async (page: Page, step: string): Promise<void> => {
  await page.screenshot({ path: `${artifacts}${step}.png`, fullPage: true });
};

describe.skipIf(skipBrowser)('the demo in Chromium', () => {
  it('shows the field errors of an invalid form next to the inputs, in German', async () => {
    expect(german.issue.required).not.toBe(english.issue.required);
    expect(german.issue.invalid_format).not.toBe(english.issue.invalid_format);
    const page = await openDemo();
    try {
      await page.selectOption('#language', 'de');
      await page.waitForFunction(() => document.documentElement.lang === 'de');
      await page.selectOption('#dialect', '001'); // problem+json
      await page.fill('#name', '');
      await page.fill('#email', 'not an address');
      await page.click('#customer-form button');

      const nameError = page.locator('[data-error-for="name"]');
      const emailError = page.locator('[data-error-for="email"]');
      await page.waitForFunction(() => document.querySelector('[data-error-for="email"]')?.textContent !== '');
      expect(await nameError.textContent()).toBe(german.issue.required);
      expect(await emailError.textContent()).toBe(german.issue.invalid_format);
      expect(await page.getAttribute('#name', 'aria-invalid')).toBe('true');
      expect(await page.getAttribute('#email', 'aria-invalid')).toBe('true');
      // faultline's description follows the language; the server's detail stays as it wrote it.
      const result = (await page.textContent('#form-result')) ?? '';
      expect(result).toContain(german.kind.validation.description);
      expect(result).toContain('Request failed validation');
      await screenshot(page, 'form-errors-de');
    } finally {
      await page.context().close();
    }
  }, timeout);

  it('counts down a rate limit and then retries to success', async () => {
    const page = await openDemo();
    try {
      await page.click('#ping');
      // Three requests pass, the fourth is refused with Retry-After: the page counts down.
      await page.locator('#countdown').filter({ hasText: /⏳ \d+ s/ }).waitFor({ timeout: 20_000 });
      expect(await page.textContent('#countdown')).toMatch(/^⏳ \d+ s$/);
      expect(await page.textContent('#ping-log')).toMatch(/#4 429 rate_limited, 0 left/);
      expect(await page.textContent('#ping-error')).toMatch(/Try again in \d+ seconds?\./);
      await screenshot(page, 'rate-limit-countdown');

      // After the wait the same request is sent again and succeeds, and so does the fifth.
      await page.waitForFunction(() => (document.querySelector('#ping-log')?.textContent ?? '').includes('#5 ok') && !(document.querySelector('#ping') as HTMLButtonElement).disabled, undefined, { timeout: 30_000 });
      const log = ((await page.textContent('#ping-log')) ?? '').trim().split('\n').map((line) => line.replace(/^.*?\s{2}/, ''));
      expect(log).toEqual(['#1 ok', '#2 ok', '#3 ok', '#4 429 rate_limited, 0 left', '#4 ok', '#5 ok']);
      expect(await page.textContent('#countdown')).toBe('');
      expect(await page.textContent('#ping-error')).toBe('');
      await screenshot(page, 'rate-limit-retried');
    } finally {
      await page.context().close();
    }
  }, timeout);

  it('loads the list chunk by chunk, through the throttled chunk, to all customers', async () => {
    const page = await openDemo();
    try {
      // Record how long the list is each time it changes.
      await page.evaluate(() => {
        const list = document.querySelector('#customers')!;
        const lengths: number[] = [];
        (window as unknown as { listLengths: number[] }).listLengths = lengths;
        new MutationObserver(() => lengths.push(list.children.length)).observe(list, { childList: true });
      });
      await page.click('#load-customers');
      await page.locator('#chunk-status').filter({ hasText: /^chunk 1: 5 customers, 5 so far$/ }).waitFor();
      await page.locator('#chunk-status').filter({ hasText: 'customers in' }).waitFor({ timeout: 30_000 });
      expect(await page.textContent('#chunk-status')).toBe('23 customers in 5 chunks');
      expect(await page.locator('#customers li').count()).toBe(23);
      const lengths = await page.evaluate(() => (window as unknown as { listLengths: number[] }).listLengths);
      expect(lengths.filter((length) => length > 0)).toEqual([5, 10, 15, 20, 23]);
      expect(await page.locator('#customers li').first().textContent()).toMatch(/^\S+ \S+.* \(\d+\)$/);
      await screenshot(page, 'chunked-list');
    } finally {
      await page.context().close();
    }
  }, timeout);
});
