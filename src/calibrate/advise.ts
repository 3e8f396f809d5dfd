/**
 * `advise(...)`: the contest's answer for one account. The best recipe of each family (a contest
 * run in the account's fitted world at its posterior median, or recipes given) are played against
 * each other in the account's world at draws from its posterior — a paired pair of runs a draw —
 * so the spread of the answer is what the export left uncertain plus each run's own noise (one
 * run a draw), and each fitted parameter's rank correlation with the answer says which
 * uncertainty matters most — named only when it stands out from what noise gives.
 * @module
 */
import { sampleRankCorrelation } from 'simple-statistics';
import { contestStrategies } from '../contest/strategies.js';
import { labelStrategies } from '../experiment/compare.js';
import { applyPoint } from '../experiment/design.js';
import type { RunSpec } from '../experiment/run.js';
import { tInterval, type Interval } from '../experiment/intervals.js';
import { deriveSeed, uniformStream } from '../rng.js';
import { ScenarioError } from '../scenario/errors.js';
import type { ScenarioInput, StrategySpec } from '../scenario/types.js';
import type { ContestOptions } from '../contest/contest.js';
import type { FitResult } from './fit.js';
import { nearestRank } from './format.js';
import { aboveZero, difference as paired } from '../experiment/ties.js';
import { systematicResample } from './particles.js';
import * as math from '../math/index.js';

/** Options of {@link advise}. */
export interface AdviseOptions {
  /** The fit (`fit(...)`, or `fit.json` of `feedsim fit`). */
  fit: FitResult;
  /** Baseline (like-chasing) and challenger (follow-building); default: a contest's finalists in the fitted world. */
  strategies?: Array<StrategySpec | string>;
  /** Settings of that contest (default: 12 recipes a family, 10 held-out replicates, no terminal horizon). */
  contest?: Omit<ContestOptions, 'scenario' | 'seed' | 'workers' | 'modules'>;
  /** Posterior draws played (default 40), and the cycles each runs (default 30). */
  draws?: number;
  cycles?: number;
  seed?: number;
  workers?: number;
  modules?: string[];
  /** Interval level (default 0.9). */
  level?: number;
}

/** What {@link advise} returns. */
export interface Advice {
  strategies: string[];
  draws: number;
  cycles: number;
  level: number;
  /** Challenger − baseline cumulative net return at the last cycle: the mean over draws (with its interval) and the draws' own spread. */
  difference: Interval;
  spread: { lower: number; upper: number };
  /** Per cycle, the share of posterior draws in which the challenger is ahead. */
  aheadByCycle: number[];
  /** First cycle from which the challenger is ahead in at least half the draws, or null. */
  crossover: number | null;
  /** Fitted parameters by how strongly they move the answer (rank correlation with the difference over draws). */
  drivers: Array<{ path: string; correlation: number }>;
  /** The |correlation| above which a driver stands out from noise (5 %, Bonferroni over the parameters). */
  standsOut: number;
  /** The answer in one sentence. */
  headline: string;
}

/** The account's world at posterior parameters `theta`. */
function worldAt(fit: FitResult, theta: readonly number[], cycles: number): ScenarioInput {
  const point = Object.fromEntries(fit.parameters.map((p, k) => [p.path, theta[k]]));
  return applyPoint({ ...fit.world.scenario, cycles }, point);
}

/**
 * Which strategy this account should expect to pay back better, and by when.
 * @example
 * ```ts
 * import { advise, fit, syntheticExport, likeChasing, followBuilding } from 'feedsim';
 * const { export: data } = syntheticExport({ posts: 30, days: 15, users: 500, followers: 50 });
 * const f = await fit({ export: data, users: 500, particles: 100, maxSimulations: 600, checks: 10 });
 * const advice = await advise({ fit: f, strategies: [likeChasing(), followBuilding()], draws: 8, cycles: 5 });
 * console.log(advice.headline);
 * ```
 */
export async function advise(options: AdviseOptions): Promise<Advice> {
  const f = options.fit;
  const draws = options.draws ?? 40;
  const cycles = options.cycles ?? 30;
  const seed = options.seed ?? f.seed;
  const level = options.level ?? 0.9;
  const problems = [];
  if (!Number.isInteger(draws) || draws < 2) problems.push({ path: 'draws', value: draws, allowed: 'a whole number ≥ 2' });
  if (!Number.isInteger(cycles) || cycles < 1) problems.push({ path: 'cycles', value: cycles, allowed: 'a whole number ≥ 1' });
  if (!(level > 0 && level < 1)) problems.push({ path: 'level', value: level, allowed: 'a level in (0, 1)' });
  if (options.strategies !== undefined && options.strategies.length !== 2) problems.push({ path: 'strategies', value: options.strategies, allowed: 'two strategies, baseline first' });
  if (problems.length) throw new ScenarioError(problems);

  const median = f.parameters.map((p) => p.q50);
  let strategies = options.strategies;
  if (strategies === undefined) {
    const { contest } = await import('../contest/contest.js');
    const c = await contest({ candidates: 12, heldOut: 10, horizon: 0, ...options.contest, scenario: worldAt(f, median, cycles), seed, workers: options.workers, modules: options.modules });
    strategies = contestStrategies(c);
  }
  const labelled = labelStrategies(strategies);

  // Posterior draws by weight, from a stream of their own.
  const u = uniformStream(deriveSeed('advise', seed));
  const thetas = Array.from(systematicResample(f.posterior.weights, u(), draws), (i) => f.posterior.particles[i]);
  // Both strategies of a draw share its world and seed: common random numbers pair them.
  const specs: RunSpec[] = thetas.flatMap((theta, d) =>
    labelled.map((s) => ({ id: `d${d}/${s.label}`, label: s.label, scenario: worldAt(f, theta, cycles), strategy: s.spec, replicate: 0, seed: deriveSeed('advise-draw', seed, d) })),
  );
  const { runAll } = await import('../experiment/pool.js');
  const runs = await runAll(specs, { workers: options.workers ?? 1, modules: options.modules });
  const npv = (i: number) => runs[i].accounts[0].cycles.map((c) => c.cumulativeNpv);
  const diffs = thetas.map((_, d) => {
    const base = npv(2 * d);
    return npv(2 * d + 1).map((x, c) => paired(x, base[c]));
  });
  const final = diffs.map((d) => d[d.length - 1]);
  const difference = tInterval(final, level);
  const sorted = [...final].sort((a, b) => a - b);
  const spread = { lower: nearestRank(sorted, (1 - level) / 2), upper: nearestRank(sorted, (1 + level) / 2) };
  const aheadByCycle = Array.from({ length: cycles }, (_, c) => diffs.filter((d) => aboveZero(d[c])).length / draws);
  const from = aheadByCycle.findIndex((_, c) => aheadByCycle.slice(c).every((p) => p >= 0.5));
  const crossover = from < 0 ? null : from + 1;
  const drivers = f.parameters
    .map((p, k) => ({ path: p.path, correlation: varies(thetas.map((t) => t[k])) && varies(final) ? sampleRankCorrelation(thetas.map((t) => t[k]), final) : 0 }))
    .sort((a, b) => Math.abs(b.correlation) - Math.abs(a.correlation));
  // A rank correlation of pure noise has SD ≈ 1/√(n − 1); with k parameters tested, the largest
  // stands out at 5 % only beyond the Bonferroni normal quantile of that.
  const k = Math.max(1, drivers.length);
  const standsOut = math.probit(1 - 0.025 / k) / Math.sqrt(draws - 1);
  const names = labelled.map((s) => s.label);
  const users = (f.world.scenario as { users?: number }).users ?? 0;
  return { strategies: names, draws, cycles, level, difference, spread, aheadByCycle, crossover, drivers, standsOut, headline: headlineOf(names, users, difference, spread, aheadByCycle, crossover, drivers, standsOut, level) };
}

const varies = (xs: number[]) => xs.some((x) => x !== xs[0]);

/** Whole units from 100 on, two significant digits below (tiny worlds earn cents); never "−0". */
const money = (x: number) => {
  const v = Math.abs(x) >= 100 ? Math.round(x) : Number(x.toPrecision(2));
  return (v === 0 ? 0 : v).toLocaleString('en-US').replace('-', '−');
};

function headlineOf(names: string[], users: number, d: Interval, spread: { lower: number; upper: number }, ahead: number[], crossover: number | null, drivers: Advice['drivers'], standsOut: number, level: number): string {
  const [base, challenger] = names;
  const C = ahead.length;
  const pct = `${Math.round(level * 100)} %`;
  const where = d.lower > 0 ? `ahead of ${base} by ${money(d.mean)}` : d.upper < 0 ? `behind ${base} by ${money(-d.mean)}` : `level with ${base} (${money(d.mean)})`;
  const when = crossover === null ? `there is no cycle from which it stays ahead in half the draws` : `it stays ahead in at least half the draws from cycle ${crossover} on`;
  const top = drivers[0];
  const driver = top && Math.abs(top.correlation) > standsOut
    ? ` The uncertainty that matters most is ${top.path} (rank correlation ${top.correlation.toFixed(2)} with the difference).`
    : ' No fitted parameter moves the answer beyond what run-to-run noise gives.';
  return (
    `For this account, ${challenger} ends ${C} cycles ${where} in net return [${pct} interval of the mean ${money(d.lower)} to ${money(d.upper)}; ` +
    `${pct} of posterior draws between ${money(spread.lower)} and ${money(spread.upper)}; money of the ${users.toLocaleString('en-US')}-user simulated world]; ` +
    `P(${challenger} ahead at cycle ${C}) = ${ahead[C - 1].toFixed(2)}, and ${when}.${driver}`
  );
}
