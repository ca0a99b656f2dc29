// The README's examples run as written, against the built package:
// - every TypeScript block is type-checked with the project's strict settings, compiled, run,
//   and each `console.log(...); // output` comment is checked against what it printed;
// - every shell block followed by a `text` block is run (`npx faultline` as the built
//   `dist/cli.js`), and what it prints must be that text.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
// Inside the project (test/artifacts is git-ignored), so that `faultline` resolves to the built
// package through its own `exports`, and zod, ts-pattern and i18next from node_modules.
const artifacts = join(root, 'test/artifacts');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const typescriptBlocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
// A block's text never holds a fence, so that a match cannot run from one block into the next.
const shellRuns = [...readme.matchAll(/```sh\n((?:(?!```)[\s\S])*)```\n\n```text\n((?:(?!```)[\s\S])*)```/g)].map((match) => ({ script: match[1]!, output: match[2]! }));

const toScratchDirectory = (prefix: string): string => {
  mkdirSync(artifacts, { recursive: true });
  return mkdtempSync(join(artifacts, prefix));
};

describe('README examples', () => {
  it('has an example for every entry point', () => {
    for (const entry of ["'faultline'", "'faultline/server'", "'faultline/zod'", "'faultline/fetch'", "'faultline/i18n'"]) {
      expect(typescriptBlocks.some((code) => code.includes(`from ${entry}`))).toBe(true);
    }
    expect(shellRuns.some(({ script }) => script.includes('npx faultline inspect'))).toBe(true);
  });

  it('type-checks every TypeScript example with the strict settings of the project', () => {
    const directory = toScratchDirectory('readme-types-');
    typescriptBlocks.forEach((code, index) => writeFileSync(join(directory, `example-${index}.ts`), code));
    const config = { extends: join(root, 'tsconfig.json'), compilerOptions: { resolveJsonModule: true }, include: ['*.ts'], exclude: [] };
    writeFileSync(join(directory, 'tsconfig.json'), JSON.stringify(config));
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', directory], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it.each(typescriptBlocks.map((code, index) => [index, code] as const))('runs example %i as written', (_index, code) => {
    const { code: javascript } = transformSync(code, { loader: 'ts', format: 'esm' });
    const file = join(toScratchDirectory('readme-'), 'example.mjs');
    writeFileSync(file, javascript);
    const output = execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    const expected = [...code.matchAll(/console\.log\(.*\); \/\/ (.+)$/gm)].map((match) => match[1]!);
    for (const line of expected) expect(output).toContain(line);
  });

  it.each(shellRuns.map((run, index) => [index, run] as const))('runs shell example %i and prints what the README shows', (_index, { script, output }) => {
    const cli = JSON.stringify(join(root, 'dist/cli.js'));
    const run = spawnSync('bash', ['-c', script.replaceAll('npx faultline', `node ${cli}`)], { cwd: toScratchDirectory('readme-sh-'), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(output);
  });
});
