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
import { abcSmc, type GenerationReport } from './abc-smc.js';
import { posteriorSummary } from './posterior-summary.js';
import { systematicResample } from './particles.js';
import { accountWorld, type AccountWorld, type AccountWorldOptions } from './account-world.js';
import type { AnalyticsExport } from './export.js';
import { calibrationPrior, calibrationPriors } from './parameters.js';
import { simulatedExport } from './simulated-export.js';
import { exportStatistics, MIN_EVENTS, MIN_POSTS, STATISTICS } from './statistics.js';
import type { Factor } from '../sensitivity/factor.js';
import * as math from '../math/index.js';

/** The sampler settings a fit uses where its options are silent (stricter than raw ABC-SMC's: see `minAcceptance`). */
export const FIT_DEFAULTS = { particles: 1000, minAcceptance: 0.05, maxSimulations: 20_000, maxGenerations: 30, checks: 100 } as const;

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
  /** Called after every generation with its report (progress). */
  onGeneration?: (g: GenerationReport) => void | Promise<void>;
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
   * weights' effective sample size, how many particles are distinct (resampling copies
   * particles, and a copy that no move has changed is not a new draw), and the sampler generation
   * the sample is (a fit stopped for `min-acceptance` keeps the generation before its last).
   */
  posterior: { particles: number[][]; weights: number[]; ess: number; distinct: number; generation: number };
  generations: GenerationReport[];
  simulations: number;
  stoppedBecause: string;
  predictive: PredictiveCheck[];
  notes: string[];
  seed: number;
}

/** A statistic's value the distance can use: a run with nothing to measure (NaN) is far off, not an error. */
const FAR = 1e6;

/** What a fit is set up from: the world, the statistics it matches and the parameters' priors. */
export interface FitSetup {
  world: AccountWorld;
  observed: { names: string[]; values: number[]; posts: number[] };
  factors: Factor[];
  notes: string[];
}

/**
 * Checks a fit's options and sets it up, before any run: the account's world, the statistics the
 * export supports that the replayed window can measure too (at least 3 of its posts report them),
 * and the priors of the parameters they inform. Every problem names the option or statistic.
 */
export function fitSetup(options: FitOptions): FitSetup {
  const exp = options.export;
  if (options.checks !== undefined && !(Number.isInteger(options.checks) && options.checks >= 1 && options.checks <= 1_000_000)) {
    throw new ScenarioError([{ path: 'checks', value: options.checks, allowed: 'a whole number from 1 to 1,000,000' }]);
  }
  const world = accountWorld(exp, options);
  const all = exportStatistics(exp, { followers: world.realFollowers });
  const notes = [...all.left];
  // A statistic whose posts all fall after the window would be measured on no simulated post.
  const inWindow = exportStatistics({ ...exp, posts: world.template }, { followers: world.realFollowers, only: all.names });
  const keep = all.names.map((name, j) => name === 'followerGrowth' || inWindow.posts[j] >= MIN_POSTS);
  all.names.forEach((name, j) => {
    if (!keep[j]) notes.push(`${name} is left out: only ${inWindow.posts[j]} of the replayed window's posts report it (raise --days)`);
  });
  const observed = { names: all.names.filter((_, j) => keep[j]), values: all.values.filter((_, j) => keep[j]), posts: all.posts.filter((_, j) => keep[j]) };
  const bad = observed.names.filter((_, j) => !Number.isFinite(observed.values[j]));
  if (bad.length) throw new ScenarioError(bad.map((name) => ({ path: `statistics.${name}`, value: observed.values[observed.names.indexOf(name)], allowed: 'a finite value: the export\'s counts contradict each other (e.g. more followers or non-followers reached than reach)' })));
  if (observed.names.length === 0) throw new ScenarioError([{ path: 'export', value: `${exp.posts.length} posts`, allowed: `an export with impressions and at least ${MIN_EVENTS} likes over ${MIN_POSTS} posts or more` }]);
  const factors = calibrationPriors(resolveScenario(world.scenario), observed.names, options.parameters);
  return { world, observed, factors, notes };
}

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
  const { world, observed, factors, notes: setupNotes } = fitSetup(options);
  const prior = calibrationPrior(factors);
  // Without a follower series the export is measured at its starting count; so is the simulated one.
  const simFollowers = world.followerSeries ? {} : { followers: world.startingFollowers };
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
        const values = exportStatistics(simulatedExport(run, world), { only: observed.names, ...simFollowers }).values.map((v) => (Number.isFinite(v) ? v : FAR));
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
    particles: options.particles ?? FIT_DEFAULTS.particles,
    seed,
    minAcceptance: options.minAcceptance ?? FIT_DEFAULTS.minAcceptance,
    maxSimulations: options.maxSimulations ?? FIT_DEFAULTS.maxSimulations,
    maxGenerations: options.maxGenerations ?? FIT_DEFAULTS.maxGenerations,
    onGeneration: options.onGeneration,
  });

  const summary = posteriorSummary(abc);
  const parameters: ParameterPosterior[] = factors.map((f, k) => {
    const s = summary[k];
    const logs = abc.particles.map((p) => math.log(p[k]));
    const mean = logs.reduce((a, x, i) => a + abc.weights[i] * x, 0);
    const sdLog = Math.sqrt(logs.reduce((a, x, i) => a + abc.weights[i] * (x - mean) ** 2, 0));
    // A log-uniform prior's SD on the log scale: (log max − log min) / √12.
    const priorSdLog = (math.log(f.max) - math.log(f.min)) / Math.sqrt(12);
    return { path: f.path, prior: { min: f.min, max: f.max }, mean: s.mean, sd: s.sd, q05: s.q05, q50: s.q50, q95: s.q95, shrinkage: sdLog / priorSdLog };
  });

  // Posterior predictive check: runs at draws from the posterior, with seeds of their own.
  const checks = options.checks ?? FIT_DEFAULTS.checks;
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
      // Ties count half (a statistic often exactly 0 in small worlds is not off the scale).
      quantile: (values.filter((v) => v < observed.values[j]).length + values.filter((v) => v === observed.values[j]).length / 2) / Math.max(1, values.length),
    };
  });

  const { strategy: _, ...shown } = world;
  return {
    version: VERSION,
    world: shown,
    statistics: { names: observed.names, observed: observed.values, posts: observed.posts },
    parameters,
    posterior: { particles: abc.particles, weights: abc.weights, ess: abc.ess, distinct: new Set(abc.particles.filter((_, i) => abc.weights[i] > 0).map((p) => p.join(','))).size, generation: abc.generation },
    generations: abc.generations,
    simulations: abc.simulations + checks,
    stoppedBecause: abc.stoppedBecause,
    predictive,
    notes: [...exp.notes, ...world.notes, ...setupNotes],
    seed,
  };
}
