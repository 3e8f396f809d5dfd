/**
 * One timed batch of replicates in a fresh process, so every configuration starts cold (both 1
 * and 2 workers pay their threads' JIT warm-up, as a run from the command line does):
 *
 *   node --import tsx bench/replicates.ts <workers> <replicates>                 the default comparison
 *   node --import tsx bench/replicates.ts <workers> <replicates> <users> <cycles> the bench scenario
 *
 * Prints `{ seconds, digest, lines }` as JSON: the time of `compare()`, a digest of its whole
 * result (identical for any worker count) and, for the default comparison, a summary of the
 * last cycle (each strategy, the paired difference, the crossover).
 */
import { createHash } from 'node:crypto';
import type * as Feedsim from '../src/index.js';
import { benchScenario } from './cases.js';

const lib = (await import(new URL('../dist/index.js', import.meta.url).href)) as typeof Feedsim;
const [workers, replicates, users, cycles] = process.argv.slice(2, 6).map(Number);
const bench = users > 0;
const t0 = performance.now();
const result = bench
  ? await lib.compare({ scenario: { ...benchScenario(users), cycles }, strategies: ['like-chasing'], replicates, workers })
  : await lib.compare({ strategies: ['like-chasing', 'follow-building'], replicates, workers });
const seconds = (performance.now() - t0) / 1000;
const digest = createHash('sha256').update(JSON.stringify(result)).digest('hex').slice(0, 16);
const last = result.cycles - 1;
const ci = (x: { mean: number; lower: number; upper: number }) => `${x.mean.toFixed(0)} [${x.lower.toFixed(0)}, ${x.upper.toFixed(0)}]`;
const lines = bench
  ? []
  : [
      ...result.strategies.map((s) => {
        const e = result.economics[s];
        return `${s}: cumulative net ${ci(result.summary[s].cumulativeNet[last])}, followers ${result.summary[s].followers[last].mean.toFixed(0)}, ROI ${e.roi.mean.toFixed(2)}, cost per follower ${e.costPerFollower.mean.toFixed(2)}`;
      }),
      `difference (follow − like) at cycle ${result.cycles}: ${ci(result.differences['follow-building'].cumulativeNet[last])}`,
      result.crossovers[0].summary,
      `KM median ${result.crossovers[0].kaplanMeierMedian}, censored ${(100 * result.crossovers[0].censoredFraction).toFixed(0)} %`,
    ];
console.log(JSON.stringify({ seconds, digest, lines }));
