/**
 * Options, progress reports, checkpoints and results of the ABC-SMC sampler (`abcSmc` in
 * `abc-smc.ts`), and the checks of options given by a caller: every problem is reported together,
 * each naming the option, its value and what is allowed.
 * @module
 */
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import { INT32, isWhole } from '../whole.js';
import { checkPrior, type Prior } from './prior.js';

/** Options of `abcSmc`. */
export interface AbcSmcOptions {
  prior: Prior;
  /** Observed summary statistics; `simulate` must return this many per parameter vector. */
  observed: readonly number[];
  /**
   * Simulates summary statistics for a batch of parameter vectors (one generation's batch).
   * `seeds[i]` is the seed for `thetas[i]`, derived from the sampler's seed, the generation and the
   * particle's index, so results do not depend on how the batch is split over workers or machines.
   * May be async (a worker pool). Every value returned must be a finite number.
   */
  simulate(thetas: number[][], seeds: number[], generation: number): Promise<number[][]> | number[][];
  /** N, the particles (default 1000). With α ≤ 0.5 every generation resamples and simulates N (ties aside). */
  particles?: number;
  /** Seed of the sampler's draws and of every simulation's seed (default 1). */
  seed?: number;
  /** Fraction of the effective sample size kept by each new tolerance, in (0, 1) (default 0.5). */
  alpha?: number;
  /** Stop once the MCMC acceptance rate of a generation falls below this (default 0.02). */
  minAcceptance?: number;
  /** Stop once the tolerance reaches this, in units of the scaled distance (default 0). */
  targetTolerance?: number;
  /** Stop after this many generations, counting the prior sample, generation 0 (default 100). */
  maxGenerations?: number;
  /** Stop before a generation whose batch would take the simulations past this (default no limit). */
  maxSimulations?: number;
  /**
   * Fixed distance scales, one per statistic, instead of the adaptive ones (Prangle 2017) that are
   * re-estimated every generation. For comparisons: adaptive scales are the point of the sampler.
   */
  scales?: readonly number[];
  /** Called after every generation with its report and a checkpoint to resume from; awaited. */
  onGeneration?(report: GenerationReport, checkpoint: AbcSmcCheckpoint): void | Promise<void>;
  /** Resume after the generation of this checkpoint (from `onGeneration`, possibly via JSON). */
  resume?: AbcSmcCheckpoint;
}

/** What one generation did. */
export interface GenerationReport {
  /** 0 is the prior sample. */
  generation: number;
  /** ε of this generation, in units of `scales` (Infinity for generation 0). */
  tolerance: number;
  /** The distance scales ε is measured in: estimated from the previous generation's simulations (generation 0: its own). */
  scales: number[];
  /** Effective sample size after reweighting by the new tolerance, before any resampling. */
  ess: number;
  /** Whether the particles were resampled (ESS ≤ N/2). */
  resampled: boolean;
  /** Simulations run in this generation: the particles moved. */
  batch: number;
  /** Fraction of the MCMC moves accepted (absent for generation 0). */
  acceptanceRate?: number;
  /** Simulations so far, this generation's included. */
  simulations: number;
}

/** Why the sampler stopped. */
export type AbcStopReason =
  /**
   * The MCMC acceptance rate fell below `minAcceptance`: smaller tolerances would cost too much.
   * That generation is reported, but the result is the population before it.
   */
  | 'min-acceptance'
  /** The tolerance reached `targetTolerance`. */
  | 'target-tolerance'
  /** Every particle alive sits at one distance (a discrete summary): the tolerance cannot fall. */
  | 'tolerance-floor'
  | 'max-generations'
  | 'max-simulations';

/**
 * Everything the sampler needs to go on after a generation, as plain JSON-ready arrays. The
 * sampler's own random stream is re-derived from (seed, generation), so no generator state is kept.
 */
export interface AbcSmcCheckpoint {
  version: 1;
  seed: number;
  names: string[];
  /** The last generation completed. */
  generation: number;
  /** Particles θ (natural scale), their normalised weights and the summaries they were accepted with. */
  particles: number[][];
  weights: number[];
  summaries: number[][];
  /** The acceptance regions so far, generation 1 onwards: d(s; scales) ≤ tolerance. */
  regions: Array<{ scales: number[]; tolerance: number }>;
  /** Scales estimated from the last generation's simulations (used by the next one). */
  nextScales: number[];
  /** Cholesky factor of the last move kernel's covariance (row-major d×d), the fallback for a degenerate one. */
  kernel: number[] | null;
  simulations: number;
  generations: GenerationReport[];
}

/** Result of `abcSmc`. */
export interface AbcSmcResult {
  names: string[];
  /** Final particles θ (natural scale): the last generation kept (see `'min-acceptance'`). */
  particles: number[][];
  /** Normalised weights. */
  weights: number[];
  /** Summary statistics each final particle was accepted with. */
  summaries: number[][];
  /** Effective sample size (Σw)²/Σw² of the weights (duplicated particles count as separate). */
  ess: number;
  /** The generation the particles belong to: the last, or the one before a generation rejected for `'min-acceptance'`. */
  generation: number;
  /** The tolerance of the returned population, in units of `scales`. */
  tolerance: number;
  /** Distance scales of that tolerance. */
  scales: number[];
  generations: GenerationReport[];
  simulations: number;
  stoppedBecause: AbcStopReason;
}

/** Defaults of the options. */
export const ABC_DEFAULTS = { particles: 1000, seed: 1, alpha: 0.5, minAcceptance: 0.02, targetTolerance: 0, maxGenerations: 100, maxSimulations: Infinity } as const;

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Throws a {@link ScenarioError} listing every bad option of `abcSmc`. */
export function checkAbcSmcOptions(o: AbcSmcOptions): void {
  if (typeof o !== 'object' || o === null) throw new ScenarioError([{ path: 'options', value: o, allowed: 'must be an object { prior, observed, simulate, ... }' }]);
  checkPrior(o.prior);
  const problems: ScenarioProblem[] = [];
  const bad = (path: string, value: unknown, allowed: string) => problems.push({ path, value, allowed });
  if (!Array.isArray(o.observed) || o.observed.length === 0) bad('observed', o.observed, 'must be a non-empty list of the observed summary statistics');
  else o.observed.forEach((x, j) => finite(x) || bad(`observed[${j}]`, x, 'must be a finite number'));
  if (typeof o.simulate !== 'function') bad('simulate', o.simulate, 'must be a function (thetas, seeds, generation) → summaries, one row per theta');
  if (o.particles !== undefined && !isWhole(o.particles, 2, 10_000_000)) bad('particles', o.particles, 'a whole number from 2 to 10,000,000 (about 1,000 is typical)');
  if (o.seed !== undefined && !isWhole(o.seed, -INT32, INT32 - 1)) bad('seed', o.seed, 'a whole number from -2,147,483,648 to 2,147,483,647');
  if (o.alpha !== undefined && !(finite(o.alpha) && o.alpha > 0 && o.alpha < 1)) bad('alpha', o.alpha, 'a number strictly between 0 and 1: the fraction of the effective sample size each generation keeps (e.g. 0.5)');
  if (o.minAcceptance !== undefined && !(finite(o.minAcceptance) && o.minAcceptance >= 0 && o.minAcceptance < 1)) bad('minAcceptance', o.minAcceptance, 'a number from 0 up to (not including) 1, e.g. 0.02');
  if (o.targetTolerance !== undefined && !(finite(o.targetTolerance) && o.targetTolerance >= 0)) bad('targetTolerance', o.targetTolerance, 'a finite number ≥ 0');
  if (o.maxGenerations !== undefined && !isWhole(o.maxGenerations, 1)) bad('maxGenerations', o.maxGenerations, 'a whole number ≥ 1 (generation 0, the prior sample, counts)');
  const n = o.particles ?? ABC_DEFAULTS.particles;
  if (o.maxSimulations !== undefined && !(o.maxSimulations === Infinity || isWhole(o.maxSimulations, n))) {
    bad('maxSimulations', o.maxSimulations, `a whole number ≥ particles (${n}): generation 0 simulates every particle; or Infinity`);
  }
  if (o.scales !== undefined) {
    if (!Array.isArray(o.scales) || (Array.isArray(o.observed) && o.scales.length !== o.observed.length)) bad('scales', o.scales, 'must be a list of one scale per observed statistic');
    else o.scales.forEach((x, j) => (finite(x) && x > 0) || bad(`scales[${j}]`, x, 'must be a finite number > 0'));
  }
  if (o.onGeneration !== undefined && typeof o.onGeneration !== 'function') bad('onGeneration', o.onGeneration, 'must be a function (report, checkpoint)');
  if (problems.length) throw new ScenarioError(problems);
}

/** Checks that a checkpoint fits the options it resumes (same prior names, particles and seed). */
export function checkCheckpoint(c: AbcSmcCheckpoint, names: readonly string[], n: number, k: number, seed: number): void {
  const problems: ScenarioProblem[] = [];
  const bad = (path: string, value: unknown, allowed: string) => problems.push({ path: `resume.${path}`, value, allowed });
  if (typeof c !== 'object' || c === null || c.version !== 1) throw new ScenarioError([{ path: 'resume', value: c, allowed: 'must be a checkpoint (version 1) handed to onGeneration' }]);
  if (c.seed !== seed) bad('seed', c.seed, `must equal the seed option (${seed})`);
  if (!Array.isArray(c.names) || c.names.join('\u241f') !== names.join('\u241f')) bad('names', c.names, `must be the prior's names: ${names.join(', ')}`);
  const rows = (x: unknown, width: number) => Array.isArray(x) && x.length === n && x.every((r) => Array.isArray(r) && r.length === width && r.every(finite));
  if (!rows(c.particles, names.length)) bad('particles', 'not as expected', `must be ${n} rows of ${names.length} finite numbers`);
  if (!rows(c.summaries, k)) bad('summaries', 'not as expected', `must be ${n} rows of ${k} finite numbers`);
  if (!(Array.isArray(c.weights) && c.weights.length === n && c.weights.every((w) => finite(w) && w >= 0) && c.weights.some((w) => w > 0))) bad('weights', 'not as expected', `must be ${n} weights ≥ 0, not all 0`);
  if (!(Array.isArray(c.nextScales) && c.nextScales.length === k)) bad('nextScales', c.nextScales, `must hold ${k} scales`);
  if (!isWhole(c.generation, 0) || !isWhole(c.simulations, n)) bad('generation', c.generation, 'must be a completed generation with its simulation count');
  if (problems.length) throw new ScenarioError(problems);
}
