/**
 * Is the coverage study's shortfall the sampler's? (docs/calibration.md, "Are the intervals
 * honest?") The study's fits are replaced by a toy whose exact posterior is known and whose shape
 * is the study's: the same three log-uniform priors, and summaries that are a quadratic in log θ
 * (with cross terms) plus normal noise, the quadratic and the noise's SD fitted by least squares to
 * 2,000 prior-predictive runs of the study's world (export 0's; prior draws and run seeds from the
 * fit's seed 1). Then, for each sampler setting, data sets are drawn from the toy (θ from the
 * prior, stream `abc-coverage-toy/r`), fitted by ABC-SMC (seed r + 1, stop at 5 % acceptance as
 * `fit` does), and the 90 % intervals checked against the truth — beside the exact posterior's
 * (a 50³ grid on the log scale), which covers 90 % by construction.
 *   npx tsx bench/abc-coverage-toy.ts [--data-sets 400] [--workers 2]
 */
import { abcSmc } from '../src/calibrate/abc-smc.js';
import { FIT_DEFAULTS, fit } from '../src/calibrate/fit.js';
import { calibrationPrior } from '../src/calibrate/parameters.js';
import { posteriorSummary } from '../src/calibrate/posterior-summary.js';
import { priorSample } from '../src/calibrate/prior.js';
import { normal, uniformStream } from '../src/rng.js';
import { choleskyInPlace, choleskySolve } from '../src/sensitivity/cholesky.js';
import { COVERAGE, EARLIER_SAMPLER, coverageExport, coverageFitOptions, coveragePriors } from './calibration-coverage.js';
import { flag } from './args.js';

const dataSets = flag('data-sets', 400);
const priors = coveragePriors();
const prior = calibrationPrior(priors);
const d = priors.length;

// 1. The prior predictive of the study's world: a fit stopped after generation 0 (the prior sample).
const runs = 2000;
const statistics: number[][] = [];
const t0 = performance.now();
const probe = await fit({ ...coverageFitOptions(coverageExport(0, priors).data), particles: runs, maxGenerations: 1, checks: 1, seed: 1, workers: flag('workers', 2), onRun: (id, values) => {
  if (id.startsWith('g0/')) statistics[Number(id.slice(3))] = values;
} });
const thetas = probe.posterior.particles;
const k = probe.statistics.names.length;
console.log(`prior predictive: ${runs} runs in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

// 2. The toy: each statistic a quadratic in log θ (with cross terms) plus normal noise.
const features = (theta: readonly number[]) => {
  const l = theta.map(Math.log);
  const f = [1, ...l, ...l.map((x) => x * x)];
  for (let a = 0; a < d; a++) for (let b = a + 1; b < d; b++) f.push(l[a] * l[b]);
  return f;
};
const p = features(thetas[0]).length;
const gram = new Float64Array(p * p);
const rows = thetas.map(features);
for (const f of rows) for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) gram[a * p + b] += f[a] * f[b];
if (!choleskyInPlace(gram, p)) throw new Error('the design of the least-squares fit is singular');
const coefficients: Float64Array[] = [];
const noise: number[] = [];
for (let j = 0; j < k; j++) {
  const rhs = new Float64Array(p);
  rows.forEach((f, i) => f.forEach((x, a) => (rhs[a] += x * statistics[i][j])));
  const c = choleskySolve(gram, p, rhs);
  coefficients.push(c);
  const residuals = rows.map((f, i) => statistics[i][j] - f.reduce((s, x, a) => s + x * c[a], 0));
  noise.push(Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / (runs - p)));
}
const mean = (theta: readonly number[]) => {
  const f = features(theta);
  return coefficients.map((c) => f.reduce((s, x, a) => s + x * c[a], 0));
};
console.log(`toy noise SD per statistic (${probe.statistics.names.join(', ')}): ${noise.map((s) => s.toFixed(3)).join(', ')}`);
const simulate = (ts: number[][], seeds: number[]) => ts.map((t, i) => {
  const u = uniformStream(seeds[i]);
  return mean(t).map((m, j) => m + noise[j] * normal(u));
});

// 3. The exact posterior on a grid: the priors are uniform on the log scale, so a point's weight is its likelihood.
const G = 50;
const axes = priors.map((f) => Array.from({ length: G }, (_, g) => Math.exp(Math.log(f.min) + ((Math.log(f.max) - Math.log(f.min)) * (g + 0.5)) / G)));
const grid: number[][] = [];
for (let i = 0; i < G ** d; i++) grid.push(Array.from({ length: d }, (_, a) => axes[a][Math.floor(i / G ** (d - 1 - a)) % G]));
const gridMeans = grid.map(mean);

const settings = [
  { label: 'the earlier coverage study', ...EARLIER_SAMPLER },
  { label: 'the coverage study', ...COVERAGE.sampler },
  { label: '`fit`\'s default', particles: FIT_DEFAULTS.particles, maxSimulations: FIT_DEFAULTS.maxSimulations },
].map((s) => ({ ...s, label: `${s.particles.toLocaleString('en-US')} particles, at most ${s.maxSimulations.toLocaleString('en-US')} simulations (${s.label})` }));
const names = priors.map((f) => `\`${f.path}\``).join(' / ');
console.log(`\n${dataSets} data sets; coverage of 90 % intervals (${names}), ± ${(1.96 * Math.sqrt(0.09 / dataSets)).toFixed(3)} for 95 % if calibrated\n`);
console.log('| sampler | ABC-SMC coverage | exact posterior\'s coverage | distinct particles (mean) | simulations (mean) | wall time |\n|---|---:|---:|---:|---:|---:|');
for (const s of settings) {
  const covered = new Array<number>(d).fill(0);
  const exact = new Array<number>(d).fill(0);
  let distinct = 0;
  let simulations = 0;
  const started = performance.now();
  for (let r = 0; r < dataSets; r++) {
    const u = uniformStream(`abc-coverage-toy/${r}`);
    const truth = priorSample(prior, u);
    const observed = mean(truth).map((m, j) => m + noise[j] * normal(u));
    const w = gridMeans.map((m) => Math.exp(-0.5 * m.reduce((a, mj, j) => a + ((mj - observed[j]) / noise[j]) ** 2, 0)));
    const total = w.reduce((a, b) => a + b, 0);
    for (let a = 0; a < d; a++) {
      const below = grid.reduce((acc, g, i) => acc + (g[a] < truth[a] ? w[i] : 0), 0) / total;
      if (below >= 0.05 && below <= 0.95) exact[a]++;
    }
    const res = await abcSmc({ prior, observed, simulate, particles: s.particles, maxSimulations: s.maxSimulations, minAcceptance: FIT_DEFAULTS.minAcceptance, maxGenerations: FIT_DEFAULTS.maxGenerations, seed: r + 1 });
    posteriorSummary(res).forEach((q, a) => {
      if (q.q05 <= truth[a] && truth[a] <= q.q95) covered[a]++;
    });
    distinct += new Set(res.particles.filter((_, i) => res.weights[i] > 0).map((t) => t.join(','))).size;
    simulations += res.simulations;
  }
  const share = (c: number[]) => c.map((x) => (x / dataSets).toFixed(2)).join(' / ');
  console.log(`| ${s.label} | ${share(covered)} | ${share(exact)} | ${Math.round(distinct / dataSets)} | ${Math.round(simulations / dataSets).toLocaleString('en-US')} | ${((performance.now() - started) / 1000).toFixed(0)} s |`);
}
