// The README's examples run as written: each TypeScript block that needs no network is compiled,
// run against the built package, and every `console.log(...); // output` comment is checked.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const artifacts = join(root, 'test/artifacts');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
const runnable = blocks.filter((code) => !code.includes('fetch('));

describe('README examples', () => {
  it('has examples to run', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(2);
  });

  it.each(runnable.map((code, index) => [index, code] as const))('runs example %i as written', (_index, code) => {
    const { code: javascript } = transformSync(code, { loader: 'ts', format: 'esm' });
    // Inside the project (test/artifacts is git-ignored), so that `faultline` resolves to the
    // built package through its own `exports`, and ts-pattern from node_modules.
    mkdirSync(artifacts, { recursive: true });
    const file = join(mkdtempSync(join(artifacts, 'readme-')), 'example.mjs');
    writeFileSync(file, javascript);
    const output = execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8' });
    for (const [, expected] of code.matchAll(/console\.log\(.*\); \/\/ (.+)$/gm)) expect(output).toContain(expected);
  });
});
