/**
 * `fit(...)`: calibrates an account's world to its analytics export by ABC-SMC. Each particle is
 * a run spec (the account's world at the particle's parameters, with its seed), so a generation
 * is one batch on the worker pool; each run's own export is measured with the same statistics as
 * the real one, and the sampler keeps the parameters whose simulated statistics come close.
 * The result holds the posterior sample, its effective size, the posterior predictive check (the
 * statistics of runs at posterior draws beside the observed ones) and, per parameter, how much
 * the export taught: the posterior's spread against the prior's.
 * @module
 */
import { applyPoint } from '../experiment/design.js';
import type { RunSpec } from '../experiment/run.js';
import { deriveSeed, uniformStream } from '../rng.js';
import { ScenarioError } from '../scenario/errors.js';
import { resolveScenario } from '../scenario/resolve.js';
import { VERSION } from '../version.js';
import { abcSmc, type AbcSmcCheckpoint, type GenerationReport } from './abc-smc.js';
import { posteriorSummary } from './posterior-summary.js';
import { systematicResample } from './particles.js';
import { accountWorld, type AccountWorld, type AccountWorldOptions } from './account-world.js';
import type { AnalyticsExport } from './export.js';
import { calibrationPriors } from './parameters.js';
import type { Prior } from './prior.js';
import { reportedFields, simulatedExport } from './simulated-export.js';
import { exportStatistics, STATISTICS } from './statistics.js';

/** Options of {@link fit}. */
export interface FitOptions extends AccountWorldOptions {
  /** The account's export (`readExport`). */
  export: AnalyticsExport;
  /** Parameters to fit (dotted paths; default: every one the export informs). */
  parameters?: string[];
  /** Particles (default 1,000). */
  particles?: number;
  seed?: number;
  /** Runs at once (default 1). */
  workers?: number;
  /** Modules every worker imports first (user strategies, rankers). */
  modules?: string[];
  /**
   * Stop when a generation's moves are accepted less often than this (default 0.05): below it
   * most moves leave resampled copies in place, so the particles stop being diverse draws.
   */
  minAcceptance?: number;
  /** Stop after this many simulations (default 20,000) or generations (default 30). */
  maxSimulations?: number;
  maxGenerations?: number;
  /** Runs at posterior draws for the predictive check (default 100). */
  checks?: number;
  /** Called after every generation with a checkpoint to resume from (`resume`). */
  onGeneration?: (g: GenerationReport, checkpoint: AbcSmcCheckpoint) => void | Promise<void>;
  /** Go on from a checkpoint of an interrupted fit with the same options. */
  resume?: AbcSmcCheckpoint;
  /**
   * Statistics of runs recorded before, by run id (`g<generation>/<particle>`, `check/<draw>`): an
   * interrupted fit, or other shards. Recorded runs are read back, not run again; the sampler's own
   * steps are cheap, so a fit replayed over its record reaches the same state exactly.
   */
  recorded?: ReadonlyMap<string, number[]>;
  /** Runs only the runs this returns true for (a shard's share); any other run must be recorded, else the fit stops with {@link FitPending}. */
  filter?: (id: string) => boolean;
  /** Called with each run's statistics as it finishes (to append it to a record). */
  onRun?: (id: string, statistics: number[]) => void | Promise<void>;
  /** Stop early (Ctrl-C): runs in progress finish and are passed to `onRun`; the fit then throws. */
  signal?: AbortSignal;
}

/** A generation needs runs that belong to other shards: run them, then go on with every shard's record. */
export class FitPending extends Error {
  constructor(
    readonly batch: string,
    readonly missing: number,
    readonly total: number,
  ) {
    super(`fit batch "${batch}" needs ${missing} of its ${total} runs from other shards: go on with every shard's record`);
    this.name = 'FitPending';
  }
}

/** One parameter's posterior. */
export interface ParameterPosterior {
  path: string;
  prior: { min: number; max: number };
  mean: number;
  sd: number;
  q05: number;
  q50: number;
  q95: number;
  /** Posterior SD ÷ prior SD, both on the log scale: near 1, the export says little about it. */
  shrinkage: number;
}

/** The posterior predictive check of one statistic. */
export interface PredictiveCheck {
  statistic: string;
  about: string;
  observed: number;
  /** Simulated values at posterior draws. */
  simulated: number[];
  /** Share of simulated values below the observed one (near 0 or 1: the model cannot reproduce it). */
  quantile: number;
}

/** What {@link fit} returns. */
export interface FitResult {
  version: string;
  /** The world the fit simulated (scenario, posts replayed, followers matched, notes). */
  world: Omit<AccountWorld, 'strategy'>;
  statistics: { names: string[]; observed: number[]; posts: number[] };
  parameters: ParameterPosterior[];
  /**
   * The posterior sample: particles (values in `parameters` order), normalised weights, the
   * weights' effective sample size, and how many particles are distinct (resampling copies
   * particles, and a copy that no move has changed is not a new draw).
   */
  posterior: { particles: number[][]; weights: number[]; ess: number; distinct: number };
  generations: GenerationReport[];
  simulations: number;
  stoppedBecause: string;
  predictive: PredictiveCheck[];
  notes: string[];
  seed: number;
}

/** A statistic's value the distance can use: a run with nothing to measure (NaN) is far off, not an error. */
const FAR = 1e6;

/**
 * Calibrates an account's world to its export.
 * @example
 * ```ts
 * import { fit, syntheticExport } from 'feedsim';
 * const { export: data } = syntheticExport({ posts: 30, days: 15, users: 500, followers: 50 });
 * const result = await fit({ export: data, users: 500, particles: 100, maxSimulations: 600, checks: 10 });
 * console.log(result.parameters.map((p) => `${p.path}: ${p.q50}`));
 * ```
 */
export async function fit(options: FitOptions): Promise<FitResult> {
  const exp = options.export;
  const seed = options.seed ?? 1;
  const world = accountWorld(exp, options);
  const observed = exportStatistics(exp, { followers: world.realFollowers });
  if (observed.names.length === 0) throw new ScenarioError([{ path: 'export', value: `${exp.posts.length} posts`, allowed: 'an export with impressions and likes on at least 3 posts' }]);
  const resolved = resolveScenario(world.scenario);
  const factors = calibrationPriors(resolved, observed.names, options.parameters);
  const prior: Prior = factors.map((f) => ({ name: f.path, kind: 'log-uniform', min: f.min, max: f.max }));
  const fields = reportedFields(exp);
  const { runAll } = await import('../experiment/pool.js');

  const recorded = new Map(options.recorded ?? []);
  const statisticsOf = async (thetas: number[][], seeds: number[], tag: string): Promise<number[][]> => {
    const specs: RunSpec[] = thetas.map((theta, i) => ({
      id: `${tag}/${i}`,
      label: 'account',
      scenario: applyPoint(world.scenario, Object.fromEntries(factors.map((f, k) => [f.path, theta[k]]))),
      strategy: world.strategy,
      replicate: 0,
      seed: seeds[i],
    }));
    const todo = specs.filter((s) => !recorded.has(s.id) && (options.filter?.(s.id) ?? true));
    await runAll(todo, {
      workers: options.workers ?? 1,
      modules: options.modules,
      keepPosts: true,
      signal: options.signal,
      onResult: async (run) => {
        const values = exportStatistics(simulatedExport(run, world, fields), { only: observed.names }).values.map((v) => (Number.isFinite(v) ? v : FAR));
        recorded.set(run.id, values);
        await options.onRun?.(run.id, values);
      },
    });
    if (options.signal?.aborted) throw new Error('the fit was interrupted');
    const missing = specs.filter((s) => !recorded.has(s.id)).length;
    if (missing > 0) throw new FitPending(tag, missing, specs.length);
    return specs.map((s) => recorded.get(s.id)!);
  };

  const abc = await abcSmc({
    prior,
    observed: observed.values,
    simulate: (thetas, seeds, generation) => statisticsOf(thetas, seeds, `g${generation}`),
    particles: options.particles ?? 1000,
    seed,
    minAcceptance: options.minAcceptance ?? 0.05,
    maxSimulations: options.maxSimulations ?? 20_000,
    maxGenerations: options.maxGenerations ?? 30,
    onGeneration: options.onGeneration,
    ...(options.resume ? { resume: options.resume } : {}),
  });

  const summary = posteriorSummary(abc);
  const parameters: ParameterPosterior[] = factors.map((f, k) => {
    const s = summary[k];
    const logs = abc.particles.map((p) => Math.log(p[k]));
    const mean = logs.reduce((a, x, i) => a + abc.weights[i] * x, 0);
    const sdLog = Math.sqrt(logs.reduce((a, x, i) => a + abc.weights[i] * (x - mean) ** 2, 0));
    // A log-uniform prior's SD on the log scale: (log max − log min) / √12.
    const priorSdLog = (Math.log(f.max) - Math.log(f.min)) / Math.sqrt(12);
    return { path: f.path, prior: { min: f.min, max: f.max }, mean: s.mean, sd: s.sd, q05: s.q05, q50: s.q50, q95: s.q95, shrinkage: sdLog / priorSdLog };
  });

  // Posterior predictive check: runs at draws from the posterior, with seeds of their own.
  const checks = options.checks ?? 100;
  const u = uniformStream(deriveSeed('fit-checks', seed));
  const draws = Array.from(systematicResample(abc.weights, u(), checks), (i) => abc.particles[i]);
  const simulated = await statisticsOf(draws, draws.map((_, i) => deriveSeed('fit-check', seed, i)), 'check');
  const predictive: PredictiveCheck[] = observed.names.map((name, j) => {
    const values = simulated.map((s) => s[j]);
    return {
      statistic: name,
      about: STATISTICS.find((s) => s.name === name)!.about,
      observed: observed.values[j],
      simulated: values,
      quantile: values.filter((v) => v < observed.values[j]).length / Math.max(1, values.length),
    };
  });

  const { strategy: _, ...shown } = world;
  return {
    version: VERSION,
    world: shown,
    statistics: { names: observed.names, observed: observed.values, posts: observed.posts },
    parameters,
    posterior: { particles: abc.particles, weights: abc.weights, ess: abc.ess, distinct: new Set(abc.particles.map((p) => p.join(','))).size },
    generations: abc.generations,
    simulations: abc.simulations + checks,
    stoppedBecause: abc.stoppedBecause,
    predictive,
    notes: [...exp.notes, ...world.notes],
    seed,
  };
}
