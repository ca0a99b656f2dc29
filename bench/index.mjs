// `npm run bench`: every bench/*.bench.mjs, each printing ratios measured side by side in one run.
import { readdirSync } from 'node:fs';

console.log(`faultline benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
const files = readdirSync(new URL('.', import.meta.url)).filter((name) => name.endsWith('.bench.mjs')).sort();
const only = process.argv[2];
for (const file of files) {
  if (only && !file.startsWith(only)) continue;
  const bench = await import(new URL(file, import.meta.url).href);
  await bench.run();
}
