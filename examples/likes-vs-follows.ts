/**
 * Likes vs follows with intervals: the default comparison over 30 replicates with common random
 * numbers — mean cumulative net return per cycle with 95 % intervals, the paired difference,
 * the probability follow-building is ahead, and the crossover with its interval.
 *
 * Run: npx tsx examples/likes-vs-follows.ts   (FEEDSIM_EXAMPLE_SIZE=small for a smoke run)
 */
import { availableParallelism } from 'node:os';
import { compare, followBuilding, likeChasing, type Interval } from '../src/index.js';

const small = process.env.FEEDSIM_EXAMPLE_SIZE === 'small';
const started = performance.now();
const result = await compare({
  // A small world: money scales with its users (economics.referenceUsers).
  scenario: small ? { users: 3000, cycles: 6 } : {},
  strategies: [likeChasing(), followBuilding()],
  replicates: small ? 4 : 30,
  workers: Math.min(2, availableParallelism()),
  onProgress: (done, total) => {
    if (process.stderr.isTTY && !process.env.CI) process.stderr.write(`\r${done}/${total} runs`);
  },
});
if (process.stderr.isTTY && !process.env.CI) process.stderr.write('\n');

const [base, challenger] = result.strategies;
// Whole units; a real difference under one unit (e.g. 0.004: half a paid impression not yet
// spent at a cycle's end) shows its first digit, so "0" is only printed for a tie.
const fmt = (x: number) => {
  const r = Math.round(x);
  if (r === 0 && Math.abs(x) >= 1e-6) return x.toPrecision(1);
  return (r < 0 ? '-' : '') + Math.abs(r).toFixed(0);
};
const ci = (i: Interval) => `${fmt(i.mean).padStart(6)} [${fmt(i.lower)}, ${fmt(i.upper)}]`.padEnd(22);
console.log(`${result.replicates} replicates × ${result.strategies.length} strategies, ${result.cycles} cycles, seed ${result.seed} (95 % t intervals)`);
// Warnings first: they say how to read everything below (e.g. the spends differ).
for (const w of result.warnings) console.log('warning:', w);
console.log(`cycle | ${base.padEnd(22)} | ${challenger.padEnd(22)} | difference             | P(${challenger} ahead)`);
for (let c = 0; c < result.cycles; c++) {
  if (result.cycles > 12 && c % 3 !== 2 && c !== 0) continue;
  const a = result.summary[base].cumulativeNet[c];
  const b = result.summary[challenger].cumulativeNet[c];
  const d = result.differences[challenger].cumulativeNet[c];
  console.log(`${String(c + 1).padStart(5)} | ${ci(a)} | ${ci(b)} | ${ci(d)} | ${result.probabilityAhead[challenger][c].toFixed(2)}`);
}
const x = result.crossovers[0];
console.log(`\nCrossover: ${x.summary}`);
console.log(
  `Per replicate: ${x.perReplicate.filter((c) => c !== null).length} of ${x.perReplicate.length} cross; ` +
    `Kaplan–Meier median ${x.kaplanMeierMedian ?? 'not reached'}; censored ${(100 * x.censoredFraction).toFixed(0)} %.`,
);
for (const s of result.strategies) {
  const e = result.economics[s];
  console.log(
    `${s}: spend ${result.spendPerCycle[s].toFixed(1)}/cycle, ROI ${e.roi.mean.toFixed(2)} [${e.roi.lower.toFixed(2)}, ${e.roi.upper.toFixed(2)}], ` +
      `cost per follower ${e.costPerFollower.n ? e.costPerFollower.mean.toFixed(2) : 'n/a'}, cost per lead ${e.costPerLead.n ? e.costPerLead.mean.toFixed(1) : 'n/a'}`,
  );
}
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
