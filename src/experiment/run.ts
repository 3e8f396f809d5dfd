/**
 * One run of an experiment: a scenario, a strategy for the first focal account, a replicate.
 * Pure data in, pure data out, so it runs the same in the main thread or a worker.
 * @module
 */
import { simulate, type CycleRecord } from '../engine/simulate.js';
import type { PostSummary } from '../engine/focal-posts.js';
import type { ScenarioInput, StrategySpec } from '../scenario/types.js';
import type { Counterfactual } from '../engine/world.js';

/** A run to execute. */
export interface RunSpec {
  /** Stable id, unique within an experiment (used to resume and merge). */
  id: string;
  /** Strategy label (column `strategy` of tidy rows). */
  label: string;
  scenario: ScenarioInput;
  /** Strategy of the first focal account (other accounts keep theirs: competitors). */
  strategy: StrategySpec;
  replicate: number;
  seed: number;
  /** A sweep's design point (1, 2, …, as `SweepPoint.index`); absent outside sweeps. */
  point?: number;
  /** A counterfactual twin of the first focal account (contests: the causal value of an audience and of ads). */
  counterfactual?: Counterfactual;
  /** Cycles run on with no ads after the scenario's (the terminal value of what the account holds). */
  terminalCycles?: number;
  /** Streams shared with other points of a study (common random numbers; see `WorldOptions.streams`). */
  streams?: string;
}

/** What a run returns: the focal accounts' cycle records. */
export interface RunOutput {
  id: string;
  label: string;
  replicate: number;
  seed: number;
  /**
   * The sweep design point it belongs to (1-based, as `SweepPoint.index`), copied from its spec;
   * absent outside sweeps and in records written by feedsim 0.2.1 (whose ids `p<point>/…` say it).
   */
  point?: number;
  scenarioHash: string;
  version: string;
  /** Cycle records per focal account, in account order (`terminal`: the cycles run on, when asked for). */
  accounts: Array<{ name: string; strategy: string; cycles: CycleRecord[]; terminal?: CycleRecord[] }>;
  /** Summaries of the first account's posts (only when asked for). */
  posts?: PostSummary[];
  warnings: string[];
}

/** Executes a run spec. */
export function executeRun(spec: RunSpec, keepPosts = false): RunOutput {
  const accounts = spec.scenario.accounts;
  const scenario: ScenarioInput = accounts?.length
    ? { ...spec.scenario, accounts: accounts.map((a, i) => (i === 0 ? { ...a, strategy: spec.strategy } : a)) }
    : { ...spec.scenario, strategy: spec.strategy };
  const r = simulate(scenario, {
    replicate: spec.replicate, seed: spec.seed, steps: false,
    ...(spec.counterfactual ? { counterfactual: spec.counterfactual } : {}),
    ...(spec.terminalCycles ? { terminalCycles: spec.terminalCycles } : {}),
    ...(spec.streams ? { streams: spec.streams } : {}),
  });
  return {
    id: spec.id,
    label: spec.label,
    replicate: spec.replicate,
    seed: spec.seed,
    ...(spec.point !== undefined ? { point: spec.point } : {}),
    scenarioHash: r.scenarioHash,
    version: r.version,
    accounts: r.accounts.map((a, i) => ({ name: a.name, strategy: i === 0 ? spec.label : a.strategy, cycles: a.cycles, ...(a.terminal ? { terminal: a.terminal } : {}) })),
    ...(keepPosts ? { posts: r.posts.filter((p) => p.account === 0) } : {}),
    warnings: r.warnings,
  };
}
