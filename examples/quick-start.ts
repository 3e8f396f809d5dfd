/**
 * Quick start (`npm start`): the default comparison — like-chasing against follow-building on
 * the default scenario, 5 replicates each with common random numbers (replicate r of both
 * strategies faces the same users, graph and background) — printed as a headline (final net
 * returns, the verdict, spend per cycle and any warning) above a table of mean followers,
 * reach and cumulative net return per cycle, with the net return's 95 % interval, and the
 * comparison's plots (net return with bands and crossover, followers, reach by channel) as SVG in out/.
 *
 * Run: npx tsx examples/quick-start.ts   (FEEDSIM_EXAMPLE_SIZE=small for a fast smoke run)
 */
import { availableParallelism } from 'node:os';
import { compare, followBuilding, formatComparison, likeChasing, type ScenarioInput } from '../src/index.js';
import { writePlots } from '../src/plots/index.js';

const small = process.env.FEEDSIM_EXAMPLE_SIZE === 'small';
const scenario: ScenarioInput = small ? { users: 3000, cycles: 4 } : {};
const replicates = small ? 2 : 5;

const started = performance.now();
const r = await compare({
  scenario,
  strategies: [likeChasing(), followBuilding()],
  replicates,
  workers: Math.min(2, availableParallelism()),
});
const seconds = (performance.now() - started) / 1000;

console.log(`feedsim quick start — default scenario, ${r.replicates} replicates per strategy, seed ${r.seed}`);
// The headline first: final net returns, the verdict, spend and any warning, then the table.
console.log(formatComparison(r));
console.log(`${seconds.toFixed(1)} s.`);
const plots = await writePlots(small ? 'out/quick-start-small' : 'out/quick-start', r);
console.log(`Plots: ${plots.map((p) => p.path).join(', ')}`);
console.log('More replicates and the full statistics: npx tsx examples/likes-vs-follows.ts');
