/**
 * A custom feed algorithm: does the answer to "chase likes or build followers?" depend on the
 * feed? Registers the 'followed-first' ranker (examples/extensions/followed-first-ranker.ts:
 * followed accounts first, newest first, recommendations as filler) and runs like-chasing
 * against follow-building under it and under the built-in `engagement` ranker, with common
 * random numbers. Prints, per feed and strategy, followers, reach and cumulative net return with
 * 95 % intervals, and the winner under each feed.
 *
 * Run: npx tsx examples/custom-feed.ts   (FEEDSIM_EXAMPLE_SIZE=small for a smoke run)
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { compare, followBuilding, likeChasing, rankerNames, type Interval } from '../src/index.js';
// Importing the module registers the ranker in this thread; `modules` registers it in workers.
import './extensions/followed-first-ranker.js';

const small = process.env.FEEDSIM_EXAMPLE_SIZE === 'small';
const rankerModule = fileURLToPath(new URL('./extensions/followed-first-ranker.ts', import.meta.url));
console.log(`registered rankers: ${rankerNames().join(', ')}`);

const fmt = (x: number) => (Math.round(x) < 0 ? '−' : '') + Math.abs(Math.round(x));
const ci = (i: Interval) => `${fmt(i.mean)} [${fmt(i.lower)}, ${fmt(i.upper)}]`;
console.log('| feed | strategy | followers | reach (last cycle) | cumulative net (95 % CI) |');
console.log('| --- | --- | ---: | ---: | --- |');
const verdicts: string[] = [];
for (const ranker of ['engagement', 'followed-first']) {
  const r = await compare({
    // Small worlds: money scales with the users (economics.referenceUsers), so they spend alike per user.
    scenario: { ...(small ? { users: 2500, cycles: 4 } : {}), ranker },
    strategies: [likeChasing(), followBuilding()],
    replicates: small ? 2 : 10,
    // At small size one thread is quicker than starting workers.
    workers: small ? 1 : Math.min(2, availableParallelism()),
    modules: [rankerModule],
  });
  const last = r.cycles - 1;
  for (const s of r.strategies) {
    const m = r.summary[s];
    console.log(`| ${ranker} | ${s} | ${fmt(m.followers[last].mean)} | ${fmt(m.reach[last].mean)} | ${ci(m.cumulativeNet[last])} |`);
  }
  const d = r.differences[r.strategies[1]].cumulativeNet[last];
  const winner = d.lower > 0 ? r.strategies[1] : d.upper < 0 ? r.strategies[0] : 'neither (the interval spans 0)';
  verdicts.push(`${ranker}: follow-building − like-chasing after ${r.cycles} cycles ${ci(d)} → ${winner}`);
  // Beside the verdict it qualifies.
  for (const w of r.warnings) verdicts.push(`  warning: ${w}`);
}
console.log('');
for (const v of verdicts) console.log(v);
