/**
 * A custom strategy: 'weekly-sale' (examples/extensions/weekly-sale-strategy.ts) builds an
 * audience with a follow-asking post every day and sells to it once a week. It runs against the
 * built-in like-chasing (the baseline) and follow-building at equal spend, with common random
 * numbers, and prints each strategy's spend, followers, ROI and cumulative net return, and the
 * crossover of each challenger over like-chasing. Two variants of the one kind are told apart by
 * their `label`.
 *
 * Run: npx tsx examples/custom-strategy.ts   (FEEDSIM_EXAMPLE_SIZE=small for a smoke run)
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { compare, followBuilding, likeChasing, strategyKinds } from '../src/index.js';
// Importing the module registers the strategy in this thread; `modules` registers it in workers.
import './extensions/weekly-sale-strategy.js';

const small = process.env.FEEDSIM_EXAMPLE_SIZE === 'small';
console.log(`registered strategy kinds: ${strategyKinds().join(', ')}`);

const r = await compare({
  // Small worlds: money scales with the users (economics.referenceUsers), so they spend alike per user.
  scenario: small ? { users: 2000, cycles: 7 } : {},
  strategies: [
    likeChasing(),
    followBuilding(),
    { kind: 'weekly-sale', label: 'weekly-sale' },
    { kind: 'weekly-sale', params: { saleEvery: 3 }, label: 'sale-every-3-days' },
  ],
  replicates: small ? 2 : 10,
  // At small size one thread is quicker than starting workers.
  workers: small ? 1 : Math.min(2, availableParallelism()),
  modules: [fileURLToPath(new URL('./extensions/weekly-sale-strategy.ts', import.meta.url))],
});

const last = r.cycles - 1;
const fmt = (x: number, digits = 0) => (Number(x.toFixed(digits)) < 0 ? '−' : '') + Math.abs(x).toFixed(digits);
console.log(`${r.replicates} replicates, ${r.cycles} cycles, seed ${r.seed}`);
// Warnings first, before the table they qualify.
for (const w of r.warnings) console.log('warning:', w);
console.log('| strategy | spend per cycle | followers | ROI | cumulative net (95 % CI) |');
console.log('| --- | ---: | ---: | ---: | --- |');
for (const s of r.strategies) {
  const net = r.summary[s].cumulativeNet[last];
  console.log(
    `| ${s} | ${r.spendPerCycle[s].toFixed(1)} | ${fmt(r.summary[s].followers[last].mean)} | ${fmt(r.economics[s].roi.mean, 2)} | ${fmt(net.mean)} [${fmt(net.lower)}, ${fmt(net.upper)}] |`,
  );
}
for (const x of r.crossovers) console.log(`${x.challenger}: ${x.summary}`);
