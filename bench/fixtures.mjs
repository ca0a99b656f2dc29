// The seed fixtures of test/fixtures/, as the wire delivers them: status, headers and body text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../test/fixtures/', import.meta.url).pathname;

/** Every fixture whose body is JSON (text bodies are not JSON.parse's to compare). */
export function loadJsonFixtures() {
  const fixtures = [];
  for (const dialect of readdirSync(root)) {
    for (const file of readdirSync(join(root, dialect)).filter((name) => name.endsWith('.json'))) {
      const fixture = JSON.parse(readFileSync(join(root, dialect, file), 'utf8'));
      if (fixture.body === undefined || typeof fixture.body === 'string') continue;
      fixtures.push({ name: `${dialect}/${file}`, status: fixture.status, headers: fixture.headers ?? {}, text: JSON.stringify(fixture.body) });
    }
  }
  return fixtures;
}
