// Side-by-side timing: contenders run in interleaved rounds, so that the machine's drift
// (other load, frequency changes, GC) hits all of them alike; each figure is a median.

/** Runs `fn` until `minMs` have passed, returning the time of one call in ns. */
function timeOnce(fn, minMs) {
  let iterations = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < 100; i++) fn();
    iterations += 100;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return (elapsed * 1e6) / iterations;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Times each contender (`{ name: fn }`) over `rounds` interleaved rounds.
 * @returns {Record<string, number>} the median ns per call of each contender
 */
export function compare(contenders, { rounds = 15, minMs = 40 } = {}) {
  const entries = Object.entries(contenders);
  for (const [, fn] of entries) timeOnce(fn, minMs); // warm-up: let the JIT settle first
  const samples = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of entries) samples[name].push(timeOnce(fn, minMs));
  }
  return Object.fromEntries(entries.map(([name]) => [name, median(samples[name])]));
}

/** Prints `a / b = 1.12` lines, with the goal when there is one. */
export function printRatio(label, value, goal) {
  const verdict = goal === undefined ? '' : value <= goal ? `  (goal ≤ ${goal}: met)` : `  (goal ≤ ${goal}: NOT met)`;
  console.log(`${label} = ${value.toFixed(2)}${verdict}`);
}
