// `npm run bench`: every bench/*.bench.mjs, each printing ratios measured side by side in one run.
// Each file runs in a process of its own: the JIT's type feedback from one (the client's undici
// `Headers`) would otherwise slow the next one's code paths (normalize over plain header records)
// and make its figures depend on the order the files run in.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const only = process.argv[2];
if (only === '--one') {
  const bench = await import(process.argv[3]);
  await bench.run();
} else {
  console.log(`faultline benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
  const files = readdirSync(new URL('.', import.meta.url)).filter((name) => name.endsWith('.bench.mjs')).sort();
  for (const file of files) {
    if (only && !file.startsWith(only)) continue;
    execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--one', new URL(file, import.meta.url).href], { stdio: 'inherit' });
  }
}
