/**
 * Sweeps: a design's points × strategies × replicates, expanded to run specs by a pure
 * function, executed on the worker pool, streamed as tidy rows to sinks as each run finishes.
 * Only a few numbers per run are kept, to map where each strategy wins.
 * @module
 */
import { toRows } from '../engine/tidy.js';
import type { RowSink } from '../io/sink.js';
import { resolveScenario } from '../scenario/resolve.js';
import { checkExperimentOptions } from './check-options.js';
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import { scenarioHash } from '../scenario/hash.js';
import type { Scenario, ScenarioInput, StrategySpec } from '../scenario/types.js';
import { labelStrategies } from './compare.js';
import { crossover, type Crossover } from './crossover.js';
import type { PreflightOptions } from './preflight.js';
import { applyPoint, expandDesign, type Design, type DesignPoint } from './design.js';
import { tInterval, type Interval } from './intervals.js';
import type { RunOutput, RunSpec } from './run.js';
import { aboveZero, belowZero, difference as pairedDifference, greater } from './ties.js';
import { dict } from './dict.js';
import { RunRecordError } from './run-schema.js';
import { checkSweepSize } from './sweep-size.js';

/** Options of {@link sweep}. */
export interface SweepOptions {
  scenario?: ScenarioInput;
  design: Design;
  /** Strategies; the first is the baseline. */
  strategies: Array<StrategySpec | string>;
  /** Replicates per point and strategy (default 10). */
  replicates?: number;
  seed?: number;
  workers?: number;
  /** Where tidy rows go as runs finish (e.g. `jsonLinesSink(path)` from `feedsim/node`). */
  sinks?: RowSink[];
  modules?: string[];
  onProgress?: (done: number, total: number) => void;
  /** Called with each finished run (in run order), e.g. to write a manifest. */
  onRun?: (run: RunOutput, spec: RunSpec) => void | Promise<void>;
  /** Run only the specs this returns true for (resume, shards). */
  filter?: (spec: RunSpec, index: number) => boolean;
  signal?: AbortSignal;
  /**
   * A key every point's runs derive their random streams from, instead of their own scenario's
   * hash: points then differ by their parameters, not by their draws (common random numbers; a
   * sensitivity study sets it). Off by default: each point draws its own streams.
   */
  streams?: string;
}

/** The outcome at one design point. */
export interface SweepPoint {
  index: number;
  point: DesignPoint;
  scenarioHash: string;
  /** Final cumulative (discounted) net return per strategy. */
  final: Record<string, Interval>;
  /** Per challenger: paired difference of the final cumulative net return against the baseline. */
  difference: Record<string, Interval>;
  /**
   * The winner at this point: among the challengers whose paired difference against the baseline
   * is significantly above zero, the one with the highest mean (challengers are not tested against
   * each other); the baseline when every challenger is significantly below it; else `'neither'`.
   */
  winner: string;
  /** Per challenger: crossover over the baseline. */
  crossovers: Crossover[];
}

/** What {@link sweep} returns. */
export interface SweepResult {
  strategies: string[];
  replicates: number;
  seed: number;
  runs: number;
  points: SweepPoint[];
}

/** One design point applied to the sweep's scenario. */
export interface SweepScenario {
  point: DesignPoint;
  /** The scenario input at this point. */
  scenario: ScenarioInput;
  /** The same, resolved and checked. */
  resolved: Scenario;
  hash: string;
}

/**
 * Checking stops after this many failing design points: a misspelled factor fails at every
 * point, and thousands of copies of one problem would bury the message (and take seconds).
 */
export const MAX_FAILING_POINTS = 20;

/**
 * The points of a sweep, each applied to the scenario and checked; problems are reported
 * together (those of the first 20 failing points: `MAX_FAILING_POINTS`).
 */
export function sweepScenarios(scenario: ScenarioInput, design: Design): SweepScenario[] {
  if (typeof scenario !== 'object' || scenario === null || Array.isArray(scenario)) {
    throw new ScenarioError([{ path: 'scenario', value: scenario, allowed: 'must be a scenario object' }]);
  }
  const problems: ScenarioProblem[] = [];
  const out: SweepScenario[] = [];
  const points = expandDesign(design);
  if (points.some((point) => 'seed' in point)) {
    // Every point runs its replicates from the sweep's seed (its strategies paired on it); a varied seed would be ignored.
    throw new ScenarioError([{ path: 'design: seed', value: points.find((point) => 'seed' in point)!.seed, allowed: 'the seed cannot be a design factor: every point runs its replicates from the sweep\'s seed so that points are compared on common random numbers; set the sweep\'s seed instead, and use more replicates for more draws' }]);
  }
  let failing = 0;
  for (let i = 0; i < points.length; i++) {
    const point = points[i];
    try {
      const s = applyPoint(scenario, point);
      const resolved = resolveScenario(s);
      out.push({ point, scenario: s, resolved, hash: scenarioHash(resolved) });
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      for (const p of e.problems) problems.push({ ...p, path: `design point ${i + 1} (${JSON.stringify(point)}): ${p.path}` });
      if (++failing === MAX_FAILING_POINTS && i + 1 < points.length) {
        problems.push({
          path: 'design',
          value: `${points.length} points`,
          allowed: `checking stopped after ${failing} failing design points (points ${i + 2}-${points.length} not checked): fix the problems above and run again`,
        });
        break;
      }
    }
  }
  if (problems.length) throw new ScenarioError(problems);
  return out;
}

/** Run specs of a sweep: ids `p<point>/<strategy>/r<replicate>`, stable across machines. */
export function sweepSpecs(options: Pick<SweepOptions, 'scenario' | 'design' | 'strategies' | 'replicates' | 'seed'>): RunSpec[] {
  return sweepSpecsOf(options, checkedScenarios(options));
}

/** The options' checks, then the design's points applied to the scenario (see {@link sweepScenarios}). */
export function checkedScenarios(options: Pick<SweepOptions, 'scenario' | 'design' | 'strategies' | 'replicates' | 'seed'>): SweepScenario[] {
  checkExperimentOptions(options);
  checkSweepSize(options);
  return sweepScenarios(options.scenario ?? {}, options.design);
}

/**
 * {@link sweepSpecs} from points already applied and checked (`scenarios`, from
 * {@link checkedScenarios}): a command that needs the points, the specs and the summary builds
 * the points once (hashing a scenario with a large edge list at every point takes a while).
 */
export function sweepSpecsOf(options: Pick<SweepOptions, 'scenario' | 'strategies' | 'replicates' | 'seed' | 'streams'>, scenarios: SweepScenario[]): RunSpec[] {
  const seed = options.seed ?? resolveScenario(options.scenario ?? {}).seed;
  return specsOf(scenarios, labelStrategies(options.strategies), options.replicates ?? 10, seed, options.streams);
}

function specsOf(scenarios: SweepScenario[], strategies: Array<{ label: string; spec: StrategySpec }>, replicates: number, seed: number, streams?: string): RunSpec[] {
  const specs: RunSpec[] = [];
  scenarios.forEach(({ scenario }, p) => {
    for (let r = 0; r < replicates; r++) {
      for (const { label, spec } of strategies) specs.push({ id: `p${p + 1}/${label}/r${r}`, label, scenario, strategy: spec, replicate: r, seed, point: p + 1, ...(streams ? { streams } : {}) });
    }
  });
  return specs;
}

/** A sweep's checks before its first run ({@link preflight}), each problem naming its design point. */
export async function preflightSweep(scenarios: SweepScenario[], strategies: Array<StrategySpec | string>, o: PreflightOptions = {}): Promise<void> {
  const { preflight } = await import('./preflight.js');
  await preflight(scenarios.map(({ resolved }, i) => ({ scenario: resolved, where: `design point ${i + 1}: ` })), labelStrategies(strategies).map((s) => s.spec), o);
}

/** Decides the winner at a point from paired differences against the baseline (see {@link SweepPoint.winner}). */
function winnerOf(labels: string[], final: Record<string, Interval>, difference: Record<string, Interval>): string {
  const challengers = labels.slice(1);
  // Equal within rounding is a tie: a zero-width interval at 0 is not significant either way.
  const better = challengers.filter((l) => aboveZero(difference[l].lower));
  if (better.length) return better.reduce((a, b) => (greater(final[b].mean, final[a].mean) ? b : a));
  if (challengers.every((l) => belowZero(difference[l].upper))) return labels[0];
  return 'neither';
}

/** Summarises the runs of one point. */
function summarisePoint(index: number, point: DesignPoint, hash: string, labels: string[], runs: RunOutput[]): SweepPoint {
  const metric = 'cumulativeNpv';
  const series = (l: string) => runs.filter((r) => r.label === l).sort((a, b) => a.replicate - b.replicate).map((r) => r.accounts[0].cycles.map((c) => c[metric]));
  const byLabel = new Map(labels.map((l) => [l, series(l)]));
  const base = byLabel.get(labels[0])!;
  const C = base[0]?.length ?? 0;
  const final: Record<string, Interval> = dict();
  for (const l of labels) final[l] = tInterval(byLabel.get(l)!.map((s) => s[C - 1]));
  const difference: Record<string, Interval> = dict();
  const crossovers: Crossover[] = [];
  for (const l of labels.slice(1)) {
    const diffs = byLabel.get(l)!.map((s, r) => s.map((v, c) => pairedDifference(v, base[r][c])));
    const intervals = Array.from({ length: C }, (_, c) => tInterval(diffs.map((d) => d[c])));
    difference[l] = intervals[C - 1];
    crossovers.push(crossover(l, labels[0], diffs, intervals));
  }
  return { index, point, scenarioHash: hash, final, difference, winner: winnerOf(labels, final, difference), crossovers };
}

/**
 * Runs a sweep, streaming tidy rows to `sinks` as each run finishes.
 * @example
 * ```ts
 * import { sweep, memorySink } from 'feedsim';
 * const rows = memorySink();
 * const r = await sweep({
 *   scenario: { users: 2000, cycles: 6 },
 *   design: { kind: 'grid', factors: { 'behavior.follow.base': [0.0005, 0.002] } },
 *   strategies: ['like-chasing', 'follow-building'],
 *   replicates: 4,
 *   sinks: [rows],
 * });
 * console.log(r.points.map((p) => [p.point, p.winner]));
 * ```
 */
export async function sweep(options: SweepOptions): Promise<SweepResult> {
  if (typeof options !== 'object' || options === null) throw new ScenarioError([{ path: '', value: options, allowed: 'sweep options must be an object { scenario, design, strategies, replicates }' }]);
  return sweepOf(options, checkedScenarios(options));
}

/** {@link sweep} of points already applied and checked (from {@link checkedScenarios} of the same options). */
export async function sweepOf(options: SweepOptions, scenarios: SweepScenario[]): Promise<SweepResult> {
  const seed = options.seed ?? resolveScenario(options.scenario ?? {}).seed;
  const replicates = options.replicates ?? 10;
  const labelled = labelStrategies(options.strategies);
  const labels = labelled.map((s) => s.label);
  const chosen = specsOf(scenarios, labelled, replicates, seed, options.streams).filter((s, i) => options.filter?.(s, i) ?? true);
  await preflightSweep(scenarios, options.strategies, { modules: options.modules, workers: options.workers ?? 1, held: { runs: chosen.length, full: false } });
  const kept: RunOutput[] = [];
  const { runAll } = await import('./pool.js');
  await runAll(chosen, {
    workers: options.workers,
    modules: options.modules,
    signal: options.signal,
    onResult: async (run, i) => {
      const rows = toRows(run, run.id);
      for (const sink of options.sinks ?? []) await sink.write(rows);
      await options.onRun?.(run, chosen[i]);
      kept.push(slim(run));
      options.onProgress?.(kept.length, chosen.length);
    },
  });
  for (const sink of options.sinks ?? []) await sink.close?.();
  return summariseRuns(scenarios, labels, replicates, seed, kept);
}

/** Keeps only what summaries need: the first account's cumulative net return series. */
function slim(run: RunOutput): RunOutput {
  return { ...run, accounts: [{ ...run.accounts[0], cycles: run.accounts[0].cycles.map((c) => ({ cumulativeNpv: c.cumulativeNpv }) as never) }] };
}

function summariseRuns(
  scenarios: SweepScenario[], labels: string[], replicates: number, seed: number, runs: RunOutput[],
): SweepResult {
  const byPoint = new Map<number, RunOutput[]>();
  for (const run of runs) {
    const p = pointOf(run) - 1;
    // A point the design does not have would be left out of every summary without a word.
    if (p >= scenarios.length) mismatch('point', run, `run ${run.id} is of design point ${p + 1}; the sweep has points 1-${scenarios.length}`);
    const list = byPoint.get(p);
    if (list) list.push(run);
    else byPoint.set(p, [run]);
  }
  const points: SweepPoint[] = [];
  scenarios.forEach(({ point, hash }, p) => {
    const here = byPoint.get(p) ?? [];
    checkPointRuns(here, p + 1, hash, labels, replicates, seed);
    if (here.length === labels.length * replicates) points.push(summarisePoint(p + 1, point, hash, labels, here));
  });
  return { strategies: labels, replicates, seed, runs: runs.length, points };
}

/**
 * The design point (1-based) of a sweep's run: its `point`, carried from its spec. Runs recorded
 * before the field existed (feedsim 0.2.1) lack it; their id `p<point>/<strategy>/r<replicate>`
 * says it instead, so old records still resume and merge.
 */
export function pointOf(run: Pick<RunOutput, 'id' | 'point'>): number {
  if (run.point !== undefined) {
    if (Number.isInteger(run.point) && run.point >= 1) return run.point;
    return mismatch('point', run, `run ${run.id}: design point ${JSON.stringify(run.point)} is not a point number (1, 2, …)`);
  }
  const m = /^p([1-9][0-9]*)\//.exec(run.id);
  if (!m) return mismatch('point', run, `run ${run.id}: no design point (its record has no "point" and its id is not p<point>/<strategy>/r<replicate>)`);
  return Number(m[1]);
}

/**
 * A run that does not belong where its record puts it (an edited or mixed-up record): bad input
 * (exit 2 in the CLI), naming the run, not a failed run.
 */
function mismatch(where: string, run: Pick<RunOutput, 'id'>, what: string): never {
  throw new RunRecordError([{ path: where, value: run.id, allowed: what }]);
}

/**
 * Paired differences match replicate r of each strategy with replicate r of the baseline, so a
 * point's runs must be exactly those of its specs: each (strategy, replicate) at most once, from
 * the sweep's seed and the point's scenario. Runs read back from mixed or edited records fail
 * here with the run named, instead of being paired by position.
 */
function checkPointRuns(runs: RunOutput[], point: number, hash: string, labels: string[], replicates: number, seed: number): void {
  const seen = new Set<string>();
  for (const run of runs) {
    const where = `sweep point ${point}`;
    const what = `run ${run.id}`;
    if (!labels.includes(run.label)) mismatch(where, run, `${what} is of strategy "${run.label}", not one of the sweep's (${labels.join(', ')})`);
    if (!(Number.isInteger(run.replicate) && run.replicate >= 0 && run.replicate < replicates)) mismatch(where, run, `${what} is replicate ${run.replicate}; the sweep has replicates 0-${replicates - 1}`);
    if (run.seed !== seed) mismatch(where, run, `${what} was made with seed ${run.seed}, not the sweep's ${seed}`);
    if (run.scenarioHash !== hash) mismatch(where, run, `${what} was made from another scenario (hash ${run.scenarioHash}, the point's is ${hash})`);
    const key = `${run.label}/${run.replicate}`;
    if (seen.has(key)) mismatch(where, run, `${what} appears twice (${run.label}, replicate ${run.replicate})`);
    seen.add(key);
  }
}

/**
 * Summarises a sweep from its finished runs (e.g. read back from a JSON Lines record after a
 * resume or a merge of shards); points with missing runs are left out.
 */
export function summariseSweep(options: Pick<SweepOptions, 'scenario' | 'design' | 'strategies' | 'replicates' | 'seed'>, runs: RunOutput[]): SweepResult {
  return summariseSweepOf(options, checkedScenarios(options), runs);
}

/** {@link summariseSweep} of points already applied and checked (from {@link checkedScenarios} of the same options). */
export function summariseSweepOf(options: Pick<SweepOptions, 'scenario' | 'strategies' | 'replicates' | 'seed'>, scenarios: SweepScenario[], runs: RunOutput[]): SweepResult {
  const seed = options.seed ?? resolveScenario(options.scenario ?? {}).seed;
  const labels = labelStrategies(options.strategies).map((s) => s.label);
  return summariseRuns(scenarios, labels, options.replicates ?? 10, seed, runs.map(slim));
}

