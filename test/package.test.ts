// The built package as an installed copy is used: `require` and `import` by name, in a fresh
// Node process (Node resolves a package's own name through its `exports`).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (args: string[]): string => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });

const script = `
  const { normalize, isApiError } = faultline;
  const result = normalize({ status: 404, headers: { 'content-type': 'application/problem+json' }, body: '{"title":"Not Found","detail":"No campaign 7"}' });
  console.log(JSON.stringify({ kind: result.error.kind, detail: result.error.detail, guard: isApiError(result.error) }));
`;
const expected = { kind: 'not_found', detail: 'No campaign 7', guard: true };

describe('the built package', () => {
  it('works through require (CommonJS)', () => {
    expect(JSON.parse(run(['-e', `const faultline = require('faultline');${script}`]))).toEqual(expected);
  });

  it('works through import (ES modules)', () => {
    expect(JSON.parse(run(['--input-type=module', '-e', `import * as faultline from 'faultline';${script}`]))).toEqual(expected);
  });
});
