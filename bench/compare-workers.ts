/**
 * The default comparison (30 replicates × like-chasing and follow-building, default scenario)
 * timed with 1 and 2 workers, through the built bundle; prints the crossover and the speed-up.
 * Run on an idle machine: node --import tsx bench/compare-workers.ts
 */
import type * as Feedsim from '../src/index.js';

const lib = (await import(new URL('../dist/index.js', import.meta.url).href)) as typeof Feedsim;
const replicates = Number(process.argv[2] ?? 30);
const timings: Record<number, number> = {};
let result: Feedsim.CompareResult | undefined;
// 1 worker first: each timing then pays for one isolate's JIT warm-up (this thread's, then the
// worker thread's; with 2 workers this thread is one of the two).
for (const workers of [1, 2]) {
  const t0 = performance.now();
  const r = await lib.compare({ strategies: ['like-chasing', 'follow-building'], replicates, workers });
  timings[workers] = (performance.now() - t0) / 1000;
  if (result && JSON.stringify(r) !== JSON.stringify(result)) throw new Error('1 and 2 workers differ');
  result = r;
}
const r = result!;
const last = r.cycles - 1;
const d = r.differences['follow-building'].cumulativeNet[last];
console.log(`${replicates} replicates: 1 worker ${timings[1].toFixed(1)} s, 2 workers ${timings[2].toFixed(1)} s, speed-up ${(timings[1] / timings[2]).toFixed(2)}× (results identical)`);
for (const s of r.strategies) {
  const n = r.summary[s].cumulativeNet[last];
  const f = r.summary[s].followers[last];
  console.log(`${s}: cumulative net ${n.mean.toFixed(0)} [${n.lower.toFixed(0)}, ${n.upper.toFixed(0)}], followers ${f.mean.toFixed(0)}, ROI ${r.economics[s].roi.mean.toFixed(2)}, cost per follower ${r.economics[s].costPerFollower.mean.toFixed(2)}`);
}
console.log(`difference (follow − like) at cycle ${r.cycles}: ${d.mean.toFixed(0)} [${d.lower.toFixed(0)}, ${d.upper.toFixed(0)}]`);
console.log(r.crossovers[0].summary);
console.log(`KM median ${r.crossovers[0].kaplanMeierMedian}, censored ${(100 * r.crossovers[0].censoredFraction).toFixed(0)} %`);
