/**
 * `compare`: strategies against each other over many replicates with common random numbers
 * (replicate r of every strategy shares seeds, population, graph, audience and background),
 * with intervals, paired differences, the probability each is ahead, and the crossover.
 * @module
 */
import { CHANNEL_NAMES } from '../feed/channel.js';
import type { CycleRecord } from '../engine/simulate.js';
import { resolveScenario } from '../scenario/resolve.js';
import { scenarioHash } from '../scenario/hash.js';
import type { Scenario, ScenarioInput, StrategySpec } from '../scenario/types.js';
import { ScenarioError } from '../scenario/errors.js';
import { shapeProblems, strategySchema } from '../scenario/schema.js';
import { crossover, type Crossover } from './crossover.js';
import { runEconomics, type Economics } from './economics.js';
import { checkExperimentOptions } from './check-options.js';
import { bootstrapInterval, tInterval, type Interval } from './intervals.js';
import type { RunOutput, RunSpec } from './run.js';
import { difference, tied } from './ties.js';
import { dict } from './dict.js';
import { scaledBudget } from '../scenario/money-scale.js';

/** Adaptive replication: add replicates until an interval is narrow enough. */
export interface AdaptiveReplication {
  /** `'crossover'` (the crossover interval, in cycles) or a cycle metric (its final-cycle paired difference). */
  target: 'crossover' | string;
  /** Stop when the half-width falls below this. */
  halfWidth: number;
  /** Never run more replicates than this. */
  maxReplicates: number;
  /** Replicates added per round (default 10). */
  batch?: number;
}

/** Options of {@link compare}. */
export interface CompareOptions {
  scenario?: ScenarioInput;
  /** Strategies; the first is the baseline of paired differences and crossovers. */
  strategies: Array<StrategySpec | string>;
  /** Replicates per strategy (default 30; the starting number under adaptive replication). */
  replicates?: number;
  /** Master seed (default: the scenario's). */
  seed?: number;
  /** Worker threads (default 1: in this thread). Results do not depend on it. */
  workers?: number;
  /** Confidence level (default 0.95). */
  level?: number;
  /** Interval method: t (default) or seeded percentile bootstrap. */
  interval?: 't' | 'bootstrap';
  adaptive?: AdaptiveReplication;
  /** Modules each worker imports first (user strategies, rankers, freshness curves). */
  modules?: string[];
  /** Keep every run's cycle records in the result (for plots and tidy export). */
  keepRuns?: boolean;
  /** Progress: runs done of runs planned. */
  onProgress?: (done: number, total: number) => void;
  /** Called with each finished run, in run order (e.g. to append it to a durable record). */
  onRun?: (run: RunOutput) => void | Promise<void>;
  /** Stop early (e.g. on SIGINT): the runs already finished have been passed to `onRun`. */
  signal?: AbortSignal;
}

/** Intervals per cycle (index = cycle − 1) by metric name. */
export type MetricSeries = Record<string, Interval[]>;

/** What {@link compare} returns. */
export interface CompareResult {
  scenarioHash: string;
  seed: number;
  replicates: number;
  cycles: number;
  level: number;
  /** Strategy labels; the first is the baseline. */
  strategies: string[];
  /** Per strategy: mean and interval of every cycle metric. */
  summary: Record<string, MetricSeries>;
  /** Per challenger: paired difference (challenger − baseline) of every cycle metric; a pair equal within rounding (ties.ts) differs by exactly 0. */
  differences: Record<string, MetricSeries>;
  /** Per strategy and cycle: share of replicates in which it has the highest cumulative (discounted) net return, `cumulativeNpv` (ties, including values equal within rounding, shared). */
  probabilityAhead: Record<string, number[]>;
  /** Each challenger's crossover over the baseline, on cumulative (discounted) net return. */
  crossovers: Crossover[];
  /** Per strategy: run-level economics across replicates (`n` counts replicates where it is defined). */
  economics: Record<string, Record<keyof Economics, Interval>>;
  /** Mean spend per cycle of each strategy. */
  spendPerCycle: Record<string, number>;
  warnings: string[];
  /** Every run, when `keepRuns` is set. */
  runs?: RunOutput[];
}

/** Flattens a cycle record to metric → value (channel splits as `impressions.network` …). */
export function cycleMetrics(c: CycleRecord): Record<string, number> {
  const out: Record<string, number> = dict();
  for (const [k, v] of Object.entries(c)) {
    if (k === 'cycle') continue;
    if (typeof v === 'number') out[k] = v;
    else for (const ch of CHANNEL_NAMES) out[`${k.replace('ByChannel', '')}.${ch}`] = (v as Record<string, number>)[ch];
  }
  return out;
}

/** Normalises the strategy list to specs with unique labels. */
export function labelStrategies(strategies: Array<StrategySpec | string>): Array<{ label: string; spec: StrategySpec }> {
  if (!Array.isArray(strategies) || strategies.length === 0) {
    throw new ScenarioError([{ path: 'strategies', value: strategies, allowed: 'must be a non-empty list of strategies, e.g. ["like-chasing", "follow-building"]' }]);
  }
  const problems = strategies.flatMap((s, i) => shapeProblems(typeof s === 'string' ? { kind: s } : s, strategySchema).map((p) => ({ ...p, path: `strategies[${i}]${p.path ? `.${p.path}` : ''}` })));
  if (problems.length) throw new ScenarioError(problems);
  const specs = strategies.map((s) => (typeof s === 'string' ? { kind: s } : s));
  const labels = specs.map((s) => s.label ?? s.kind);
  const out = specs.map((spec, i) => {
    let label = labels[i];
    if (labels.filter((l) => l === label).length > 1) label = `${label}#${labels.slice(0, i + 1).filter((l) => l === label).length}`;
    return { label, spec };
  });
  // A numbered label can collide with one given explicitly (["a", "a#2", "a"]): runs would mix.
  const first = new Map<string, number>();
  out.forEach(({ label }, i) => {
    const j = first.get(label);
    if (j !== undefined) {
      throw new ScenarioError([{ path: `strategies[${i}].label`, value: label, allowed: `must be unique: strategies[${j}] is also labelled "${label}"; give each strategy its own label` }]);
    }
    first.set(label, i);
  });
  return out;
}

/** Run specs of a comparison: replicate r of every strategy shares the scenario and seed. */
export function compareSpecs(scenario: ScenarioInput, strategies: Array<{ label: string; spec: StrategySpec }>, seed: number, from: number, to: number): RunSpec[] {
  const specs: RunSpec[] = [];
  for (let r = from; r < to; r++) {
    for (const { label, spec } of strategies) specs.push({ id: `${label}/r${r}`, label, scenario, strategy: spec, replicate: r, seed });
  }
  return specs;
}

function intervalOf(xs: number[], method: 't' | 'bootstrap', level: number, seed: string): Interval {
  return method === 'bootstrap' ? bootstrapInterval(xs, seed, level) : tInterval(xs, level);
}

/** The settings {@link summarise} aggregates runs with. */
export interface SummaryOptions {
  level: number;
  interval: 't' | 'bootstrap';
  seed: number;
  hash: string;
  discountRate: number;
  budgetPerCycle?: number;
}

/** Aggregates finished runs (all strategies × replicates 0 … R − 1). */
export function summarise(runs: RunOutput[], labels: string[], opts: SummaryOptions): CompareResult {
  const byLabel = new Map<string, RunOutput[]>(labels.map((l) => [l, []]));
  for (const r of runs) byLabel.get(r.label)!.push(r);
  for (const list of byLabel.values()) list.sort((a, b) => a.replicate - b.replicate);
  const R = byLabel.get(labels[0])!.length;
  const C = R ? byLabel.get(labels[0])![0].accounts[0].cycles.length : 0;
  const metricsOf = (label: string) => byLabel.get(label)!.map((r) => r.accounts[0].cycles.map(cycleMetrics));
  const perLabel = new Map(labels.map((l) => [l, metricsOf(l)]));
  const names = R && C ? Object.keys(perLabel.get(labels[0])![0][0]) : [];
  const iv = (xs: number[], key: string) => intervalOf(xs, opts.interval, opts.level, `${opts.seed}|${key}`);

  const summary: Record<string, MetricSeries> = dict();
  for (const l of labels) {
    const m = perLabel.get(l)!;
    summary[l] = Object.fromEntries(names.map((name) => [name, Array.from({ length: C }, (_, c) => iv(m.map((rep) => rep[c][name]), `${l}|${name}|${c}`))]));
  }
  const base = perLabel.get(labels[0])!;
  const differences: Record<string, MetricSeries> = dict();
  const crossovers: Crossover[] = [];
  const value = 'cumulativeNpv';
  for (const l of labels.slice(1)) {
    const m = perLabel.get(l)!;
    differences[l] = Object.fromEntries(
      names.map((name) => [name, Array.from({ length: C }, (_, c) => iv(m.map((rep, r) => difference(rep[c][name], base[r][c][name])), `${l}-diff|${name}|${c}`))]),
    );
    const diffs = m.map((rep, r) => rep.map((cyc, c) => difference(cyc[value], base[r][c][value])));
    crossovers.push(crossover(l, labels[0], diffs, differences[l][value], opts.level));
  }
  const probabilityAhead: Record<string, number[]> = Object.fromEntries(labels.map((l) => [l, new Array(C).fill(0)]));
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const values = labels.map((l) => perLabel.get(l)![r][c][value]);
      const best = Math.max(...values);
      // Equal within rounding is a tie: the lead is shared.
      const leaders = labels.filter((_, i) => tied(values[i], best));
      for (const l of leaders) probabilityAhead[l][c] += 1 / leaders.length / R;
    }
  }
  const economics: CompareResult['economics'] = dict();
  const spendPerCycle: Record<string, number> = dict();
  const paidPerCycle: Record<string, number> = dict();
  for (const l of labels) {
    const per = byLabel.get(l)!.map((r) => runEconomics(r.accounts[0].cycles, opts.discountRate));
    const keys = Object.keys(per[0] ?? {}) as Array<keyof Economics>;
    economics[l] = Object.fromEntries(
      keys.map((k) => [k, iv(per.map((e) => e[k]).filter((x): x is number => x !== null), `${l}|econ|${k}`)]),
    ) as Record<keyof Economics, Interval>;
    spendPerCycle[l] = C ? per.reduce((s, e) => s + e.cost, 0) / (per.length * C) : 0;
    paidPerCycle[l] = C ? per.reduce((s, e) => s + (e.promotionShare ?? 0) * e.cost, 0) / (per.length * C) : 0;
  }
  const warnings: string[] = [];
  const spends = Object.values(spendPerCycle);
  const maxSpend = Math.max(...spends);
  if (maxSpend > 0 && (maxSpend - Math.min(...spends)) / maxSpend > 0.02) {
    const budget = opts.budgetPerCycle;
    const under = budget ? labels.filter((l) => spendPerCycle[l] < 0.98 * budget && paidPerCycle[l] > 0) : [];
    // Promotion the paid channel could not place is the usual cause (e.g. a small world):
    // name it, with what each bought, so the reader knows what to change.
    const why = under.length
      ? `; ${under.join(', ')} spent less than the budget of ${budget} per cycle while buying ads (${labels.map((l) => `${l} ${paidPerCycle[l].toFixed(2)}`).join(', ')} per cycle on ads): if a strategy meant to spend it all, the ads could not be placed — each active user takes at most one paid impression a step, so a world with few active users cannot absorb the budget; lower economics.budgetPerCycle, add users, or give the budget for this world's size (economics.referenceUsers)`
      : '';
    warnings.push(
      `strategies do not spend equal budgets (${labels.map((l) => `${l} ${spendPerCycle[l].toFixed(2)}`).join(', ')} per cycle): the comparison is not at equal spend; compare return per unit spent${why}`,
    );
  }
  for (const r of runs) for (const w of r.warnings) if (!warnings.includes(w)) warnings.push(w);
  return {
    scenarioHash: opts.hash, seed: opts.seed, replicates: R, cycles: C, level: opts.level, strategies: labels,
    summary, differences, probabilityAhead, crossovers, economics, spendPerCycle, warnings,
  };
}

function halfWidth(result: CompareResult, target: string): number {
  if (target === 'crossover') {
    const x = result.crossovers[0];
    if (!x) return 0;
    if (x.population !== null) return (x.population - (x.earliest ?? x.population)) / 2;
    return x.earliest === null ? 0 : Infinity; // clearly no crossover, or still undecided
  }
  const series = result.strategies.length > 1 ? result.differences[result.strategies[1]][target] : result.summary[result.strategies[0]][target];
  if (!series) throw new RangeError(`adaptive.target: "${target}" is not a cycle metric (e.g. cumulativeNet, followers, reach)`);
  const last = series[series.length - 1];
  return (last.upper - last.lower) / 2;
}

/** What {@link summarise} needs besides the runs, as {@link compare} sets it: a caller summarising runs as they arrive (a live display) gets compare's numbers. */
export function summaryOptions(resolved: Scenario, options: Pick<CompareOptions, 'level' | 'interval' | 'seed'>): SummaryOptions {
  return {
    level: options.level ?? 0.95, interval: options.interval ?? 't', seed: options.seed ?? resolved.seed, hash: scenarioHash(resolved),
    discountRate: resolved.economics.discountRate, budgetPerCycle: scaledBudget(resolved),
  };
}

/**
 * Compares strategies over replicates with common random numbers.
 * @example
 * ```ts
 * import { compare, likeChasing, followBuilding } from 'feedsim';
 * const r = await compare({ scenario: { users: 2000, cycles: 10 }, strategies: [likeChasing(), followBuilding()], replicates: 10 });
 * console.log(r.crossovers[0].summary);
 * ```
 */
export async function compare(options: CompareOptions): Promise<CompareResult> {
  const scenarioInput = options.scenario ?? {};
  const resolved = resolveScenario(scenarioInput);
  if (!Array.isArray(options.strategies) || options.strategies.length === 0) {
    throw new ScenarioError([{ path: 'strategies', value: options.strategies, allowed: 'at least one strategy, e.g. [likeChasing(), followBuilding()]' }]);
  }
  const strategies = labelStrategies(options.strategies);
  checkExperimentOptions(options);
  const start = options.replicates ?? 30;
  const { preflight } = await import('./preflight.js');
  const adaptive = options.adaptive;
  const cap = adaptive ? Math.max(start, adaptive.maxReplicates) : start;
  // Every finished run is kept until the end (the summary reads them all).
  await preflight([{ scenario: resolved }], strategies.map((s) => s.spec), { modules: options.modules, workers: options.workers ?? 1, held: { runs: cap * strategies.length, full: true } });
  const { runAll } = await import('./pool.js');
  const opts = summaryOptions(resolved, options);
  const seed = opts.seed;
  const runs: RunOutput[] = [];
  let planned = start;
  let done = 0;
  let result: CompareResult;
  for (let from = 0; ; ) {
    const specs = compareSpecs(scenarioInput, strategies, seed, from, planned);
    const total = cap * strategies.length;
    const out = await runAll(specs, {
      workers: options.workers,
      modules: options.modules,
      signal: options.signal,
      onResult: async (run) => {
        await options.onRun?.(run);
        done++;
        options.onProgress?.(done, adaptive ? total : planned * strategies.length);
      },
    });
    for (const run of out) runs.push(run); // not push(...out): a spread of 10⁵ runs overflows the stack
    if (options.signal?.aborted) throw new Error('compare interrupted: finished runs were passed to onRun');
    result = summarise(runs, strategies.map((s) => s.label), opts);
    if (!adaptive || planned >= cap || halfWidth(result, adaptive.target) <= adaptive.halfWidth) break;
    from = planned;
    planned = Math.min(cap, planned + (adaptive.batch ?? 10));
  }
  if (options.keepRuns) result.runs = runs;
  return result;
}
