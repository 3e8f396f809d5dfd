/**
 * Adaptive ABC-SMC (Del Moral, Doucet & Jasra 2012, "An adaptive sequential Monte Carlo method
 * for approximate Bayesian computation", Stat. Comput. 22:1009) with one simulation per particle
 * and generation, for fitting scenario parameters to observed summary statistics when every
 * simulation is dear.
 *
 * Generation 0 draws N particles from the prior and simulates each. Every later generation
 *  1. re-estimates the distance scales from the previous generation's simulations and recomputes
 *     the particles' distances with them (Prangle 2017; `distance.ts`);
 *  2. picks the tolerance ε_t that cuts the effective sample size to α times its value
 *     (`tolerance.ts`) and reweights the particles by 1[d ≤ ε_t];
 *  3. resamples them (systematic) when the ESS is at most N/2;
 *  4. moves every particle of positive weight by one Metropolis–Hastings step of a Gaussian random
 *     walk — one simulation each, all in one batch — and accepts with the prior ratio and the
 *     indicator that the new simulation lies within the acceptance region.
 * It stops when a generation's acceptance rate falls below `minAcceptance` (and returns the
 * population before that generation: see below), when ε reaches `targetTolerance`, when ε cannot
 * fall (every particle alive at one distance), or at the generation or simulation budget.
 *
 * Choices, and why:
 * - The walk runs in an unconstrained space (`transform.ts`: log scale for positive parameters,
 *   logit for bounded ones), so no proposal leaves the prior's support and every generation's
 *   batch holds exactly the particles of positive weight, known before it is drawn. With the
 *   default α = 0.5 the ESS falls to N/2 (above it only when a block of tied distances cannot be
 *   split), so every generation resamples and simulates exactly N.
 * - Its covariance is 2 × the weighted covariance of the particles (Beaumont et al. 2009,
 *   Biometrika 96:983; optimal among such kernels, Filippi et al. 2013, SAGMB 12:87).
 * - Since the distance changes between generations, the target of generation t is the ABC
 *   posterior with acceptance region ∩_{s ≤ t} {d_s ≤ ε_s}, every earlier region kept: the
 *   regions are then nested, so reweighting by 1[d_t ≤ ε_t] alone is exact importance sampling
 *   from one target to the next (Del Moral et al. 2012 eq. 3.2), and the moves leave the target
 *   invariant. The earlier regions are far wider than the last, so they rarely bind.
 * - A generation whose moves are accepted less often than `minAcceptance` is reported but not
 *   kept: its particles are resampled copies of the few inside the new tolerance, which no move has
 *   renewed, so their spread understates the target's and the intervals come out too narrow (in the
 *   coverage study of docs/calibration.md such final populations held 5 to 30 distinct particles
 *   of 150). The population before it is a fair sample of a somewhat wider target.
 * - Randomness: the sampler's draws in generation g come from a stream seeded by (seed, g), and
 *   simulation i of generation g gets the seed hashKey(key(seed), g, i): a result depends on the
 *   seed only, never on how `simulate` splits a batch, and a checkpoint needs no generator state.
 * @module
 */
import { deriveSeed, hashKey, normal, uniformStream } from '../rng.js';
import { ScenarioError } from '../scenario/errors.js';
import { choleskyInPlace } from '../sensitivity/cholesky.js';
import { ABC_DEFAULTS, checkAbcSmcOptions, checkCheckpoint, type AbcSmcCheckpoint, type AbcSmcOptions, type AbcSmcResult, type AbcStopReason, type GenerationReport } from './abc-options.js';
import { robustScales, scaledDistance } from './distance.js';
import { effectiveSampleSize, systematicResample, weightedCovariance } from './particles.js';
import { priorLogDensity, priorSample } from './prior.js';
import { nextTolerance } from './tolerance.js';
import { createTransform, fromUnconstrained, logJacobian, toUnconstrained } from './transform.js';
import * as math from '../math/index.js';

export type { AbcSmcCheckpoint, AbcSmcOptions, AbcSmcResult, AbcStopReason, GenerationReport } from './abc-options.js';

/** The state between generations (what a checkpoint holds, in working form). */
interface State {
  generation: number;
  theta: number[][];
  weights: Float64Array;
  /** Row-major N×K: the summaries each particle was accepted with. */
  summaries: Float64Array;
  regions: Array<{ scales: Float64Array; tolerance: number }>;
  nextScales: Float64Array;
  kernel: Float64Array | null;
  simulations: number;
  reports: GenerationReport[];
}

/** The particles of positive weight, in index order. */
const aliveOf = (w: ArrayLike<number>) => {
  const out: number[] = [];
  for (let i = 0; i < w.length; i++) if (w[i] > 0) out.push(i);
  return out;
};

/**
 * Runs adaptive ABC-SMC (see the module comment) and returns the final weighted particles.
 * @example
 * ```ts
 * // x₁…x₂₀ ~ N(μ, 1), μ ~ N(0, 10²); the summary is the sample mean.
 * const r = await abcSmc({
 *   prior: [{ name: 'mu', kind: 'normal', mean: 0, sd: 10 }],
 *   observed: [1.3],
 *   simulate: (thetas, seeds) => thetas.map(([mu], i) => [mu + normal(uniformStream(seeds[i])) / Math.sqrt(20)]),
 * });
 * posteriorSummary(r); // [{ name: 'mu', mean: ≈1.3, sd: ≈0.22, ... }]
 * ```
 */
export async function abcSmc(options: AbcSmcOptions): Promise<AbcSmcResult> {
  checkAbcSmcOptions(options);
  const { prior, observed } = options;
  const names = prior.map((c) => c.name);
  const n = options.particles ?? ABC_DEFAULTS.particles;
  const seed = options.seed ?? ABC_DEFAULTS.seed;
  const alpha = options.alpha ?? ABC_DEFAULTS.alpha;
  const minAcceptance = options.minAcceptance ?? ABC_DEFAULTS.minAcceptance;
  const target = options.targetTolerance ?? ABC_DEFAULTS.targetTolerance;
  const maxGenerations = options.maxGenerations ?? ABC_DEFAULTS.maxGenerations;
  const maxSimulations = options.maxSimulations ?? ABC_DEFAULTS.maxSimulations;
  const fixedScales = options.scales ? Float64Array.from(options.scales) : undefined;
  const d = prior.length;
  const k = observed.length;
  const transform = createTransform(prior);
  const simulationKey = deriveSeed(seed, 'abc-smc', 'simulations');
  const streamOf = (g: number) => uniformStream(deriveSeed(seed, 'abc-smc', 'sampler', g));

  /** Simulates `thetas` (particles `indices` of generation g) and checks what comes back. */
  const simulateBatch = async (thetas: number[][], indices: readonly number[], g: number): Promise<Float64Array> => {
    const seeds = indices.map((i) => hashKey(simulationKey, g, i));
    // Copies: a simulator that edits its input must not edit the particles.
    const rows = await options.simulate(thetas.map((t) => t.slice()), seeds, g);
    if (!Array.isArray(rows) || rows.length !== thetas.length) {
      throw new ScenarioError([{ path: `simulate (generation ${g})`, value: Array.isArray(rows) ? `${rows.length} rows` : rows, allowed: `must return one row of summary statistics per theta (${thetas.length})` }]);
    }
    const out = new Float64Array(thetas.length * k);
    rows.forEach((row, j) => {
      if (!Array.isArray(row) || row.length !== k) {
        throw new ScenarioError([{ path: 'observed', value: `${k} statistics`, allowed: `must hold as many statistics as simulate returns: ${Array.isArray(row) ? row.length : String(row)} for theta [${thetas[j].join(', ')}] in generation ${g}` }]);
      }
      for (let c = 0; c < k; c++) {
        if (!Number.isFinite(row[c])) {
          throw new ScenarioError([{ path: `simulate (generation ${g})[${j}][${c}]`, value: row[c], allowed: `must be a finite number: statistic ${c} of theta [${thetas[j].join(', ')}] (seed ${seeds[j]})` }]);
        }
        out[j * k + c] = row[c];
      }
    });
    return out;
  };

  const report = async (s: State, r: GenerationReport) => {
    s.reports.push(r);
    if (options.onGeneration) await options.onGeneration({ ...r, scales: r.scales.slice() }, checkpointOf(s, seed, names, n, k));
  };

  let s: State;
  if (options.resume) {
    checkCheckpoint(options.resume, names, n, k, seed);
    s = stateOf(options.resume);
  } else {
    // Generation 0: the prior sample.
    const u = streamOf(0);
    const theta = Array.from({ length: n }, () => priorSample(prior, u));
    const all = Array.from({ length: n }, (_, i) => i);
    const summaries = await simulateBatch(theta, all, 0);
    const nextScales = fixedScales ?? robustScales(summaries, n, k);
    s = { generation: 0, theta, weights: new Float64Array(n).fill(1 / n), summaries, regions: [], nextScales, kernel: null, simulations: n, reports: [] };
    await report(s, { generation: 0, tolerance: Infinity, scales: Array.from(nextScales), ess: n, resampled: false, batch: n, simulations: n });
  }

  for (;;) {
    const last = s.reports[s.reports.length - 1];
    let stop: AbcStopReason | undefined;
    if (last.generation > 0 && last.tolerance <= target) stop = 'target-tolerance';
    else if (last.acceptanceRate !== undefined && last.acceptanceRate < minAcceptance) stop = 'min-acceptance';
    else if (last.generation + 1 >= maxGenerations) stop = 'max-generations';
    if (stop) return resultOf(s, names, stop);

    // 1–2: distances in the new scales, the next tolerance, the new weights.
    const scales = fixedScales ?? s.nextScales;
    const distances = new Float64Array(n).fill(Infinity);
    for (let i = 0; i < n; i++) if (s.weights[i] > 0) distances[i] = scaledDistance(s.summaries, i * k, observed, scales);
    const step = nextTolerance(distances, s.weights, alpha);
    const tolerance = Math.max(step.tolerance, target);
    if (!step.progress && tolerance > target) return resultOf(s, names, 'tolerance-floor');
    const weights = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i] = distances[i] <= tolerance ? s.weights[i] : 0;
    for (let i = 0; i < n; i++) weights[i] /= total;
    const ess = effectiveSampleSize(weights);
    // 3: Del Moral et al. resample below N_T = N/2; at N/2 too, so that α = 0.5 resamples every time.
    const resampled = ess <= n / 2;
    const batch = resampled ? n : aliveOf(weights).length;
    if (s.simulations + batch > maxSimulations) return resultOf(s, names, 'max-simulations');

    const g = s.generation + 1;
    const rng = streamOf(g);
    let z = new Float64Array(n * d);
    for (let i = 0; i < n; i++) if (weights[i] > 0) toUnconstrained(transform, s.theta[i], z, i * d);
    const kernel = moveKernel(z, weights, d) ?? s.kernel ?? identity(d);
    let theta = s.theta.slice();
    let summaries = s.summaries.slice();
    if (resampled) {
      const idx = systematicResample(weights, rng());
      theta = Array.from(idx, (i) => s.theta[i]);
      summaries = new Float64Array(n * k);
      const zr = new Float64Array(n * d);
      idx.forEach((i, j) => {
        summaries.set(s.summaries.subarray(i * k, (i + 1) * k), j * k);
        zr.set(z.subarray(i * d, (i + 1) * d), j * d);
      });
      z = zr;
      weights.fill(1 / n);
    }

    // 4: one random-walk proposal per particle of positive weight, simulated as one batch.
    const movers = aliveOf(weights);
    const proposed = new Float64Array(movers.length * d);
    const logU = new Float64Array(movers.length);
    const xi = new Float64Array(d);
    const thetas = movers.map((i, m) => {
      for (let a = 0; a < d; a++) xi[a] = normal(rng);
      for (let a = 0; a < d; a++) {
        let v = z[i * d + a];
        for (let b = 0; b <= a; b++) v += kernel[a * d + b] * xi[b];
        proposed[m * d + a] = v;
      }
      logU[m] = math.log(rng());
      return fromUnconstrained(transform, proposed, new Array<number>(d), m * d);
    });
    const simulated = await simulateBatch(thetas, movers, g);
    const regions = [...s.regions, { scales, tolerance }];
    let accepted = 0;
    movers.forEach((i, m) => {
      const ratio = priorLogDensity(prior, thetas[m]) + logJacobian(transform, proposed, m * d) - priorLogDensity(prior, theta[i]) - logJacobian(transform, z, i * d);
      if (!(logU[m] < ratio)) return;
      for (const r of regions) if (!(scaledDistance(simulated, m * k, observed, r.scales) <= r.tolerance)) return;
      theta[i] = thetas[m];
      summaries.set(simulated.subarray(m * k, (m + 1) * k), i * k);
      accepted++;
    });
    const acceptanceRate = accepted / movers.length;
    const generation: GenerationReport = { generation: g, tolerance, scales: Array.from(scales), ess, resampled, batch: movers.length, acceptanceRate, simulations: s.simulations + movers.length };
    if (acceptanceRate < minAcceptance) {
      // The moves barely moved: the new population is resampled copies of the few particles inside
      // the new tolerance, a poor sample of its target (its intervals too narrow). The result is the
      // previous population, a fair sample of the previous, wider target; the generation is reported.
      s = { ...s, simulations: generation.simulations };
      await report(s, generation);
      continue;
    }
    const nextScales = fixedScales ?? robustScales(simulated, movers.length, k);
    s = { generation: g, theta, weights, summaries, regions, nextScales, kernel, simulations: generation.simulations, reports: s.reports };
    await report(s, generation);
  }
}

/** The d×d identity: the kernel of last resort (unit steps in the unconstrained space). */
function identity(d: number): Float64Array {
  const m = new Float64Array(d * d);
  for (let a = 0; a < d; a++) m[a * d + a] = 1;
  return m;
}

/**
 * Cholesky factor of 2 × the weighted covariance of the particles (rows of z), or undefined when
 * that is not positive definite (particles collapsed onto one point or a line): the caller then
 * keeps the previous generation's kernel.
 */
function moveKernel(z: Float64Array, w: Float64Array, d: number): Float64Array | undefined {
  const { cov } = weightedCovariance(z, w, d);
  for (let a = 0; a < d * d; a++) cov[a] *= 2;
  return choleskyInPlace(cov, d) ? cov : undefined;
}

/** The state of a checkpoint (a JSON round trip turns the tolerance Infinity of generation 0 into null). */
function stateOf(c: AbcSmcCheckpoint): State {
  return {
    generation: c.generation,
    theta: c.particles.map((t) => t.slice()),
    weights: Float64Array.from(c.weights),
    summaries: Float64Array.from(c.summaries.flat()),
    regions: c.regions.map((r) => ({ scales: Float64Array.from(r.scales), tolerance: r.tolerance })),
    nextScales: Float64Array.from(c.nextScales),
    kernel: c.kernel ? Float64Array.from(c.kernel) : null,
    simulations: c.simulations,
    reports: c.generations.map((r) => ({ ...r, tolerance: r.tolerance ?? Infinity, scales: r.scales.slice() })),
  };
}

/** Rows of a row-major n×k array. */
const rowsOf = (x: Float64Array, n: number, k: number) => Array.from({ length: n }, (_, i) => Array.from(x.subarray(i * k, (i + 1) * k)));

function checkpointOf(s: State, seed: number, names: string[], n: number, k: number): AbcSmcCheckpoint {
  return {
    version: 1,
    seed,
    names: names.slice(),
    generation: s.generation,
    particles: s.theta.map((t) => t.slice()),
    weights: Array.from(s.weights),
    summaries: rowsOf(s.summaries, n, k),
    regions: s.regions.map((r) => ({ scales: Array.from(r.scales), tolerance: r.tolerance })),
    nextScales: Array.from(s.nextScales),
    kernel: s.kernel ? Array.from(s.kernel) : null,
    simulations: s.simulations,
    generations: s.reports.map((r) => ({ ...r, scales: r.scales.slice() })),
  };
}

function resultOf(s: State, names: string[], stoppedBecause: AbcStopReason): AbcSmcResult {
  // The population's own generation (a rejected last generation is reported but not kept).
  const last = s.reports[s.generation];
  return {
    names: names.slice(),
    particles: s.theta.map((t) => t.slice()),
    weights: Array.from(s.weights),
    summaries: rowsOf(s.summaries, s.weights.length, s.summaries.length / s.weights.length),
    ess: effectiveSampleSize(s.weights),
    generation: s.generation,
    tolerance: last.tolerance,
    scales: last.scales.slice(),
    generations: s.reports.map((r) => ({ ...r, scales: r.scales.slice() })),
    simulations: s.simulations,
    stoppedBecause,
  };
}
