/**
 * A sensitivity study: which assumptions decide whether like-chasing or follow-building pays back
 * better. A study is a design in the unit cube (Morris trajectories or a Saltelli sample) whose
 * rows become design points of a sweep — so workers, shards, resume and merge work as for any
 * sweep — and an analysis of the finished runs. The points share their random streams (common
 * random numbers), so two points differ by their parameters, not by their luck.
 * @module
 */
import { labelStrategies } from '../experiment/compare.js';
import { checkExperimentOptions } from '../experiment/check-options.js';
import type { Design } from '../experiment/design.js';
import type { RunOutput, RunSpec } from '../experiment/run.js';
import { pointOf as pointOfRun, sweepScenarios, type SweepScenario } from '../experiment/sweep.js';
import { checkSweepSize } from '../experiment/sweep-size.js';
import type { RowSink } from '../io/sink.js';
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import { scenarioHash } from '../scenario/hash.js';
import { resolveScenario } from '../scenario/resolve.js';
import type { ScenarioInput, StrategySpec } from '../scenario/types.js';
import { ASSUMPTIONS, assumptionFactor } from './assumptions.js';
import { checkFactors, factorBase, pointOf, type Factor } from './factor.js';
import { morrisDesign, morrisIndices, type MorrisDesign, type MorrisResult } from './morris.js';
import { checkMetrics, outputNames, replicateNoise, replicateOutputs } from './outputs.js';
import { saltelliSample } from './saltelli.js';
import { sobolIndices, type SobolIndices } from './sobol-indices.js';
import { emulatedSobol, type EmulatorReport } from './emulated-sobol.js';

/** The settings that decide a study's runs (and so its record). */
export interface SensitivitySettings {
  /** `morris` (screening, default) or `sobol` (variance-based indices). */
  method?: 'morris' | 'sobol';
  /**
   * Factors: assumption paths (their range from the table, docs/sensitivity.md) or factors with
   * their own range. Default: every assumption that applies in the scenario.
   */
  factors?: Array<string | Factor>;
  /** Two strategies, baseline first (default like-chasing, then follow-building). */
  strategies?: Array<StrategySpec | string>;
  /** Replicates per design point and strategy (default 2). */
  replicates?: number;
  /** Morris: trajectories (default 20) and grid levels (default 4). */
  trajectories?: number;
  levels?: number;
  /** Sobol: base sample size N (default 64); the design has N·(k + 2) points. */
  samples?: number;
  /** Sobol: estimate the indices on a Gaussian-process emulator trained on the design's runs. */
  emulator?: boolean;
  /** The cycle outputs are taken at (default the last). */
  cycle?: number;
  /** Cycle metrics of either strategy to explain too (e.g. `followers`). */
  metrics?: string[];
  /** Points share random streams (default true). */
  commonStreams?: boolean;
  /** How many top factors the ranking's stability is measured on (default 5). */
  top?: number;
  seed?: number;
}

/** Options of {@link sensitivity}. */
export interface SensitivityOptions extends SensitivitySettings {
  scenario?: ScenarioInput;
  workers?: number;
  modules?: string[];
  sinks?: RowSink[];
  onRun?: (run: RunOutput, spec: RunSpec) => void | Promise<void>;
  onProgress?: (done: number, total: number) => void;
  filter?: (spec: RunSpec, index: number) => boolean;
  signal?: AbortSignal;
}

/** A study laid out: its factors, its unit-cube design and the sweep that runs it. */
export interface SensitivityPlan {
  method: 'morris' | 'sobol';
  factors: Factor[];
  /** Unit-cube rows, row-major (k per row), one design point each. */
  rows: Float64Array;
  morris?: MorrisDesign;
  samples?: number;
  labels: [string, string];
  outputs: string[];
  cycle: number;
  metrics: string[];
  /** The sweep of the design's points (`filter`, `sinks` … are added by the caller). */
  sweep: { scenario: ScenarioInput; design: Design; strategies: Array<StrategySpec | string>; replicates: number; seed: number; streams?: string };
  settings: SensitivitySettings;
}

/** Indices of one output. */
export type OutputIndices = { method: 'morris'; morris: MorrisResult } | { method: 'sobol'; sobol: SobolIndices; emulator?: EmulatorReport };

/** What {@link sensitivity} returns. */
export interface SensitivityResult {
  method: 'morris' | 'sobol';
  factors: Factor[];
  strategies: [string, string];
  cycle: number;
  replicates: number;
  seed: number;
  points: number;
  runs: number;
  /** Per output (`difference`, `crossover`, `<metric>:<strategy>`): its indices. */
  outputs: Record<string, OutputIndices>;
  /** Mean of each output over the design (what the indices explain the spread of). */
  means: Record<string, number>;
  /** Run-to-run noise of each output, from replicates within points (`null` with one replicate a point). */
  noise: Record<string, NoiseReport | null>;
  warnings: string[];
}

/**
 * How much of an output is run-to-run noise, measured from the replicates within design points.
 * Indices are only as good as the signal stands above it.
 */
export interface NoiseReport {
  /** Standard deviation of one replicate's output at a point, pooled over points. */
  sdPerReplicate: number;
  /** That of a point's mean over its replicates (what the indices see). */
  sdOfPointMean: number;
  /**
   * Morris: the μ* that noise alone would give a factor whose runs diverge but whose effect is
   * nil — √2 · sdOfPointMean / Δ · √(2/π) (independent noise at the two ends of a step; an upper
   * bound under common random numbers). A factor whose μ* interval lies above it stands out.
   */
  muStarFloor?: number;
  /** Sobol: share of the output's variance over the design that is noise of the point means. */
  varianceShare?: number;
}

const DEFAULTS = { replicates: 2, trajectories: 20, levels: 4, samples: 64, top: 5 } as const;

/** The factors a study varies: named assumptions take the table's range around the scenario's value. */
function studyFactors(scenario: ScenarioInput, given: SensitivitySettings['factors']): Factor[] {
  const s = resolveScenario(scenario);
  if (given === undefined) return ASSUMPTIONS.map((a) => assumptionFactor(a, s)).filter((f): f is Factor => f !== undefined);
  const problems: ScenarioProblem[] = [];
  if (!Array.isArray(given)) throw new ScenarioError([{ path: 'factors', value: given, allowed: 'a list of assumption paths or factors { path, min, max }' }]);
  const factors = given.flatMap((f, i): Factor[] => {
    if (typeof f !== 'string') return [f];
    const a = ASSUMPTIONS.find((x) => x.path === f);
    const factor = a && assumptionFactor(a, s);
    if (!factor) {
      problems.push({ path: `factors[${i}]`, value: f, allowed: a ? 'does not apply in this scenario (the effect is off or unused): give { path, min, max } to vary it anyway' : `an assumption (${ASSUMPTIONS.map((x) => x.path).join(', ')}) or { path, min, max }` });
      return [];
    }
    return [factor];
  });
  if (problems.length) throw new ScenarioError(problems);
  checkFactors(factors);
  return factors;
}

/** Lays a study out without running anything (pure: the same options give the same plan). */
export function sensitivityPlan(options: SensitivityOptions): SensitivityPlan {
  const o = options ?? {};
  // One replicate a point is allowed: the design, not the replicates, gives a study its spread.
  checkExperimentOptions({ seed: o.seed, workers: o.workers });
  if (o.replicates !== undefined && !(Number.isInteger(o.replicates) && o.replicates >= 1 && o.replicates <= 100_000)) throw new ScenarioError([{ path: 'replicates', value: o.replicates, allowed: 'a whole number from 1 to 100,000' }]);
  const method = o.method ?? 'morris';
  if (method !== 'morris' && method !== 'sobol') throw new ScenarioError([{ path: 'method', value: method, allowed: '"morris" or "sobol"' }]);
  const given = o.scenario ?? {};
  const resolved = resolveScenario(given);
  const factors = studyFactors(given, o.factors);
  const scenario = factorBase(given, factors);
  const strategies = o.strategies ?? ['like-chasing', 'follow-building'];
  if (!Array.isArray(strategies) || strategies.length !== 2) throw new ScenarioError([{ path: 'strategies', value: strategies, allowed: 'two strategies, baseline first' }]);
  const labels = labelStrategies(strategies).map((s) => s.label) as [string, string];
  const cycle = o.cycle ?? resolved.cycles;
  if (!(Number.isInteger(cycle) && cycle >= 1 && cycle <= resolved.cycles)) throw new ScenarioError([{ path: 'cycle', value: cycle, allowed: `a cycle from 1 to the scenario's ${resolved.cycles}` }]);
  const metrics = o.metrics ?? [];
  checkMetrics(metrics);
  const seed = o.seed ?? resolved.seed;
  const k = factors.length;
  let rows: Float64Array;
  let morris: MorrisDesign | undefined;
  let samples: number | undefined;
  if (method === 'morris') {
    morris = morrisDesign(k, o.trajectories ?? DEFAULTS.trajectories, { levels: o.levels ?? DEFAULTS.levels, seed: `morris:${seed}` });
    rows = morris.rows;
  } else {
    samples = o.samples ?? DEFAULTS.samples;
    rows = saltelliSample(k, samples);
  }
  const points = Array.from({ length: rows.length / k }, (_, i) => pointOf(factors, rows.subarray(i * k, (i + 1) * k)));
  const streams = o.commonStreams === false ? undefined : `sensitivity:${scenarioHash(resolved)}`;
  return {
    method, factors, rows, ...(morris ? { morris } : {}), ...(samples ? { samples } : {}), labels, outputs: outputNames(labels, metrics), cycle, metrics,
    sweep: { scenario, design: { kind: 'list', points }, strategies, replicates: o.replicates ?? DEFAULTS.replicates, seed, ...(streams ? { streams } : {}) },
    settings: settingsOf(o),
  };
}

/** The design points of a study applied to its scenario and checked (a sweep's points). */
export function studyScenarios(plan: SensitivityPlan): SweepScenario[] {
  checkSweepSize(plan.sweep);
  return sweepScenarios(plan.sweep.scenario, plan.sweep.design);
}

/** The settings part of options (what a record's manifest keeps). */
export function settingsOf(o: SensitivitySettings): SensitivitySettings {
  const keys = ['method', 'factors', 'strategies', 'replicates', 'trajectories', 'levels', 'samples', 'emulator', 'cycle', 'metrics', 'commonStreams', 'top', 'seed'] as const;
  return Object.fromEntries(keys.filter((key) => o[key] !== undefined).map((key) => [key, o[key]]));
}

/**
 * Analyses a study from its finished runs (as {@link sensitivity} does at the end, or after a
 * resume or a merge of shards). Every design point must be complete: indices from a partial
 * design would be biased without a word.
 */
export function analyseSensitivity(plan: SensitivityPlan, runs: readonly RunOutput[]): SensitivityResult {
  const { factors, labels, cycle, metrics } = plan;
  const k = factors.length;
  const n = plan.rows.length / k;
  const R = plan.sweep.replicates;
  const byPoint: RunOutput[][] = Array.from({ length: n }, () => []);
  for (const run of runs) {
    const p = pointOfRun(run) - 1;
    if (p < n) byPoint[p].push(run);
  }
  const incomplete = byPoint.filter((r) => r.length !== 2 * R).length;
  if (incomplete) throw new ScenarioError([{ path: 'runs', value: `${incomplete} of ${n} design points incomplete`, allowed: `every point needs ${2 * R} runs (2 strategies × ${R} replicates): finish the study (resume it, or merge every shard)` }]);
  const perPoint = byPoint.map((r) => replicateOutputs(r, labels, cycle, metrics));
  const values = perPoint.map((rows) => rows[0].map((_, j) => rows.reduce((sum, row) => sum + row[j], 0) / rows.length));
  const noiseOf = replicateNoise(perPoint);
  const warnings: string[] = [];
  const outputs: Record<string, OutputIndices> = {};
  const means: Record<string, number> = {};
  const noise: Record<string, NoiseReport | null> = {};
  const top = plan.settings.top ?? DEFAULTS.top;
  plan.outputs.forEach((name, j) => {
    const y = Float64Array.from(values, (v) => v[j]);
    means[name] = y.reduce((a, b) => a + b, 0) / n;
    const measured = noiseOf[j];
    if (plan.method === 'morris') {
      outputs[name] = { method: 'morris', morris: morrisIndices(plan.morris!, y, { top, seed: `${plan.sweep.seed}:${name}` }) };
      const delta = plan.morris!.levels / (2 * (plan.morris!.levels - 1));
      noise[name] = measured ? { ...measured, muStarFloor: ((Math.SQRT2 * measured.sdOfPointMean) / delta) * Math.sqrt(2 / Math.PI) } : null;
    } else {
      const seed = `${plan.sweep.seed}:${name}`;
      const e = plan.settings.emulator ? emulatedSobol(plan.rows, y, k, plan.samples!, { seed }) : undefined;
      if (e && !e.report.trusted) warnings.push(`${name}: ${Number.isNaN(e.report.q2) ? e.report.reason : `the emulator's held-out Q² is ${e.report.q2.toFixed(2)} (< 0.9): its indices are not to be trusted; the direct estimates are reported instead`}`);
      const sobol = e ? e.indices : sobolIndices(y, k, plan.samples!, { seed });
      outputs[name] = { method: 'sobol', sobol, ...(e ? { emulator: e.report } : {}) };
      noise[name] = measured ? { ...measured, ...(sobol.variance > 0 ? { varianceShare: measured.sdOfPointMean ** 2 / sobol.variance } : {}) } : null;
    }
  });
  return { method: plan.method, factors, strategies: labels, cycle, replicates: R, seed: plan.sweep.seed, points: n, runs: runs.length, outputs, means, noise, warnings };
}

/**
 * Runs a sensitivity study and analyses it.
 * @example
 * ```ts
 * import { sensitivity } from 'feedsim';
 * const r = await sensitivity({
 *   scenario: { users: 1000, cycles: 4 },
 *   factors: ['behavior.follow.base', 'economics.valuePerConversion', 'market.buyers'],
 *   trajectories: 4,
 * });
 * console.log(r.outputs.difference);
 * ```
 */
export async function sensitivity(options: SensitivityOptions = {}): Promise<SensitivityResult> {
  const plan = sensitivityPlan(options);
  const { sweepOf } = await import('../experiment/sweep.js');
  const runs: RunOutput[] = [];
  await sweepOf({
    ...plan.sweep, workers: options.workers, modules: options.modules, sinks: options.sinks, filter: options.filter, signal: options.signal, onProgress: options.onProgress,
    onRun: async (run, spec) => {
      runs.push(run);
      await options.onRun?.(run, spec);
    },
  }, studyScenarios(plan));
  return analyseSensitivity(plan, runs);
}
