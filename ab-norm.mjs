import { normalize as nNew } from '/work/main/dist/index.js';
import { normalize as nOld } from '/tmp/abOld/dist/index.js';
import { loadJsonFixtures } from '/work/main/bench/fixtures.mjs';
import { compare } from '/work/main/bench/measure.mjs';
for (const more of [false, true]) {
  const fx = loadJsonFixtures({ more });
  let sink = 0;
  const t = compare({ old: () => { for (const f of fx) sink += nOld({ status: f.status, headers: f.headers, body: f.text }).ok ? 1 : 0; }, new: () => { for (const f of fx) sink += nNew({ status: f.status, headers: f.headers, body: f.text }).ok ? 1 : 0; } }, { rounds: 21 });
  console.log(more ? 'mixed' : 'seeds', (t.new / t.old).toFixed(3), sink > 0);
}
