/**
 * Which assumptions decide the answer? Morris screening of every GUESS assumption (docs/model.md
 * §7, ranges in docs/sensitivity.md) on a 2,000-user miniature of the default world (money scales
 * with its size), follow-building − like-chasing at cycle 30; then Sobol indices of the top five,
 * estimated on a Gaussian-process emulator of the runs (its held-out Q² is printed, and the
 * direct estimates replace it when Q² < 0.9). Writes the μ*–σ and Sobol charts to <out-dir>.
 *
 * Run: npx tsx examples/sensitivity.ts [out-dir]   (FEEDSIM_EXAMPLE_SIZE=small for a smoke run)
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { formatSensitivity, sensitivity } from '../src/index.js';
import { sensitivityCharts, writeChart } from '../src/plots/index.js';

const small = process.env.FEEDSIM_EXAMPLE_SIZE === 'small';
const out = process.argv[2] ?? join('out', small ? 'sensitivity-small' : 'sensitivity');
const scenario = small ? { users: 500, cycles: 3, stepsPerCycle: 12 } : { users: 2000 };
const workers = Math.max(1, availableParallelism());

const screening = await sensitivity({
  scenario,
  method: 'morris',
  // Small: three assumptions; full size: every one that applies.
  ...(small ? { factors: ['market.buyers', 'economics.valuePerConversion', 'behavior.follow.base'] } : {}),
  trajectories: small ? 2 : 10,
  replicates: 1,
  seed: 1,
  workers,
});
console.log(formatSensitivity(screening, { rows: 10 }));

// The five most influential on the difference go on to variance-based indices.
const morris = screening.outputs.difference;
if (morris.method !== 'morris') throw new Error('expected Morris indices');
const top = morris.morris.factors
  .map((f, i) => ({ rank: f.rank, factor: screening.factors[i] }))
  .sort((a, b) => a.rank - b.rank)
  .slice(0, small ? 2 : 5)
  .map((x) => x.factor);
const sobol = await sensitivity({ scenario, method: 'sobol', factors: top, samples: small ? 4 : 32, replicates: 1, emulator: true, seed: 1, workers });
console.log('\n' + formatSensitivity(sobol));

for (const r of [screening, sobol]) {
  for (const chart of sensitivityCharts(r)) await writeChart(join(out, `${chart.name}.svg`), chart.spec, chart.name);
}
console.log(`\ncharts written to ${out}`);
