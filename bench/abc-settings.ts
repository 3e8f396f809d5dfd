/**
 * How many independent draws an ABC-SMC run is worth under other settings (docs/calibration.md,
 * "Validation of the sampler"): the normal-mean model of
 * test/calibrate/abc-smc-exact.full.test.ts (x̄ = 1.3, n = 20, σ = 1, prior N(0, 10²)), sampler
 * seeds 1…30 per setting. For each: the run-to-run SD of the posterior mean in exact posterior
 * SDs (1/SD² ≈ independent draws), the mean weighted variance against the exact one, and the mean
 * simulations. Seconds on one core.
 *   npx tsx bench/abc-settings.ts
 */
import type { AbcSmcOptions } from '../src/calibrate/abc-smc.js';
import { moments, normalMeanSimulator, replicateMean, replicates } from '../test/calibrate/abc-models.js';

const n = 20;
const s0 = 10;
const xbar = 1.3;
const base: AbcSmcOptions = { prior: [{ name: 'mu', kind: 'normal', mean: 0, sd: s0 }], observed: [xbar], particles: 1000, simulate: normalMeanSimulator(n, 1) };
const exact = { mean: (n * xbar) / (1 / s0 ** 2 + n), variance: 1 / (1 / s0 ** 2 + n) };
const settings: Array<[string, Partial<AbcSmcOptions>]> = [
  ['α = 0.5, stop at 2 % acceptance (the sampler\'s default)', {}],
  ['stop at 5 % (fit\'s default)', { minAcceptance: 0.05 }],
  ['stop at 10 %', { minAcceptance: 0.1 }],
  ['stop at 20 %', { minAcceptance: 0.2 }],
  ['α = 0.9', { alpha: 0.9 }],
  ['N = 2,000', { particles: 2000 }],
];
console.log('| settings | run-to-run SD of the mean (posterior SDs) | variance ÷ exact | simulations |\n|---|---:|---:|---:|');
for (const [label, change] of settings) {
  const runs = await replicates(30, { ...base, ...change });
  const m = runs.map((r) => moments(r, ([mu]) => mu, exact.mean));
  const z = replicateMean(m.map((x) => (x.mean - exact.mean) / Math.sqrt(exact.variance)));
  const v = replicateMean(m.map((x) => x.second / exact.variance));
  const sims = replicateMean(runs.map((r) => r.simulations)).mean;
  console.log(`| ${label} | ${z.sd.toFixed(2)} | ${v.mean.toFixed(3)} | ${Math.round(sims).toLocaleString('en-US')} |`);
}
