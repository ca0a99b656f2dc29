// The seed fixtures of test/fixtures/, as the wire delivers them: status, headers and body text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../test/fixtures/', import.meta.url).pathname;

/**
 * Every fixture whose body is JSON (text bodies are not JSON.parse's to compare): the seeds'
 * (test/fixtures/<dialect>/), or with `{ more: true }` also the other dialects' (test/fixtures/more/).
 */
export function loadJsonFixtures({ more = false } = {}) {
  const fixtures = [];
  const folders = readdirSync(root).filter((name) => name !== 'more').map((name) => join(root, name));
  if (more) folders.push(...readdirSync(join(root, 'more')).map((name) => join(root, 'more', name)));
  for (const folder of folders) {
    const dialect = folder.slice(root.length);
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
      const fixture = JSON.parse(readFileSync(join(folder, file), 'utf8'));
      if (fixture.body === undefined || typeof fixture.body === 'string') continue;
      fixtures.push({ name: `${dialect}/${file}`, status: fixture.status, headers: fixture.headers ?? {}, text: JSON.stringify(fixture.body) });
    }
  }
  return fixtures;
}
