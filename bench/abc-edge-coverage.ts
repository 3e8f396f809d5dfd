/**
 * Does ABC-SMC cover a parameter near its prior's edge less often than the exact posterior does?
 * (docs/calibration.md, "Are the intervals honest?") The coverage study's three log-uniform priors;
 * each statistic is log θ plus normal noise of SD σ, so the exact posterior of log θ is a normal
 * truncated to the prior's range. For each data set (θ from the prior, stream `abc-edge/r`) the
 * sampler runs (seed r + 1, stopping at 5 % acceptance), by default at the coverage study's first
 * size, 150 particles and at most 1,500 simulations (the study now uses 400 and 4,000, which the
 * flags set), and both 90 % intervals are checked against the truth, split by where the truth
 * lies: the lowest eighth of the prior's log range, or the rest.
 *   npx tsx bench/abc-edge-coverage.ts [--sigma 0.5] [--data-sets 1000] [--particles 150] [--max-simulations 1500]
 */
import { errorFunction } from 'simple-statistics';
import { abcSmc } from '../src/calibrate/abc-smc.js';
import { FIT_DEFAULTS } from '../src/calibrate/fit.js';
import { calibrationPrior } from '../src/calibrate/parameters.js';
import { posteriorSummary } from '../src/calibrate/posterior-summary.js';
import { priorSample } from '../src/calibrate/prior.js';
import { normal, uniformStream } from '../src/rng.js';
import { EARLIER_SAMPLER, coveragePriors } from './calibration-coverage.js';
import { flag } from './args.js';

const sigma = flag('sigma', 0.5);
const dataSets = flag('data-sets', 1000);
const sampler = { particles: flag('particles', EARLIER_SAMPLER.particles), maxSimulations: flag('max-simulations', EARLIER_SAMPLER.maxSimulations) };
const priors = coveragePriors();
const prior = calibrationPrior(priors);
const phi = (x: number) => 0.5 * (1 + errorFunction(x / Math.SQRT2));
const simulate = (thetas: number[][], seeds: number[]) => thetas.map((t, i) => {
  const u = uniformStream(seeds[i]);
  return t.map((x) => Math.log(x) + sigma * normal(u));
});

type Cell = { n: number; abc: number; exact: number };
const stops = new Map<string, number>();
const cells = priors.map(() => ({ edge: { n: 0, abc: 0, exact: 0 } as Cell, rest: { n: 0, abc: 0, exact: 0 } as Cell }));
const started = performance.now();
for (let r = 0; r < dataSets; r++) {
  const u = uniformStream(`abc-edge/${r}`);
  const truth = priorSample(prior, u);
  const observed = truth.map((x) => Math.log(x) + sigma * normal(u));
  const res = await abcSmc({ prior, observed, simulate, ...sampler, minAcceptance: FIT_DEFAULTS.minAcceptance, maxGenerations: FIT_DEFAULTS.maxGenerations, seed: r + 1 });
  stops.set(res.stoppedBecause, (stops.get(res.stoppedBecause) ?? 0) + 1);
  posteriorSummary(res).forEach((q, a) => {
    const [lo, hi, at] = [priors[a].min, priors[a].max, truth[a]].map(Math.log);
    const cdf = (x: number) => phi((x - observed[a]) / sigma);
    const pit = (cdf(at) - cdf(lo)) / (cdf(hi) - cdf(lo)); // the truth's place in the exact posterior
    const cell = (at - lo) / (hi - lo) < 0.125 ? cells[a].edge : cells[a].rest;
    cell.n++;
    if (q.q05 <= truth[a] && truth[a] <= q.q95) cell.abc++;
    if (pit >= 0.05 && pit <= 0.95) cell.exact++;
  });
}
const show = (c: Cell) => `${(c.abc / c.n).toFixed(2)} / ${(c.exact / c.n).toFixed(2)} (n ${c.n})`;
console.log(`σ = ${sigma}, ${dataSets} data sets, ${sampler.particles} particles, at most ${sampler.maxSimulations} simulations; coverage of 90 % intervals, ABC-SMC / exact posterior (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
console.log('| parameter | truth in the lowest eighth | truth elsewhere |\n|---|---:|---:|');
priors.forEach((f, a) => console.log(`| \`${f.path}\` | ${show(cells[a].edge)} | ${show(cells[a].rest)} |`));
console.log(`\nstopped because: ${[...stops].map(([why, n]) => `${why} ${n}`).join(', ')}`);
