/**
 * `simulate(scenario)`: create a world, run every cycle, and return per-step and per-cycle
 * series for each focal account, plus the focal posts' detail. `toRows` turns a result into the
 * one tidy row schema of MODEL.md (Outputs).
 * @module
 */
import { CHANNEL_NAMES } from '../feed/channel.js';
import type { Scenario, ScenarioInput } from '../scenario/types.js';
import { VERSION } from '../version.js';
import { summarise, type PostSummary } from './focal-posts.js';
import { accountLevels, CYCLE_METRICS, metricValues, STEP_METRICS, type ByChannel, type CycleMetricFields, type StepMetricFields } from './metrics.js';
import { step } from './step.js';
import { createWorldState, type FocalAccount, type WorldOptions, type WorldState } from './world.js';

export type { ByChannel };

/** One focal account's figures for one step (the metric table's step metrics, `docs/model.md` §6). */
export type StepRecord = { step: number } & StepMetricFields;

/**
 * One focal account's figures for one cycle: every output metric of the table in
 * `engine/metrics.ts` (units and meanings there and in `docs/model.md` §6), with channel splits
 * as `<metric>ByChannel`. Unique reach by channel overlaps and does not sum to `reach`.
 */
export type CycleRecord = { cycle: number } & CycleMetricFields;

/** Series of one focal account. */
export interface AccountSeries {
  name: string;
  strategy: string;
  startingFollowers: number;
  cycles: CycleRecord[];
  steps: StepRecord[];
  /**
   * With `terminalCycles`: the cycles run on after the scenario's with no ads (numbered on from
   * the last, cumulative metrics continuing), for the terminal value of what the account holds.
   */
  terminal?: CycleRecord[];
}

/** What `simulate` returns. */
export interface SimulationResult {
  version: string;
  scenario: Scenario;
  scenarioHash: string;
  seed: number;
  replicate: number;
  accounts: AccountSeries[];
  /** Focal posts that left every pool during the run and those live at its end (empty when streamed with `onPost`). */
  posts: PostSummary[];
  /** Impressions of all posts (background included) by channel. */
  impressionsByChannel: ByChannel;
  /**
   * What users were shown, over all impressions: their mean quality and the share that came from
   * inauthentic accounts (SimSoM's measure of a feed's quality, docs/model.md §2.7).
   */
  shown: { impressions: number; meanQuality: number; inauthenticShare: number };
  warnings: string[];
}

/** Options of {@link simulate}. */
export interface SimulateOptions extends WorldOptions {
  /** Keep per-step series (default true; off saves memory on very long runs). */
  steps?: boolean;
}

const byChannel = (c: Float64Array): ByChannel =>
  Object.fromEntries(CHANNEL_NAMES.map((name, i) => [name, c[i]])) as ByChannel;

function shownQuality(w: WorldState): SimulationResult['shown'] {
  let impressions = 0;
  for (const n of w.impressionsByChannel) impressions += n;
  return { impressions, meanQuality: impressions > 0 ? w.impressionQuality[0] / impressions : 0, inauthenticShare: impressions > 0 ? w.impressionQuality[1] / impressions : 0 };
}

function stepRecord(w: WorldState, f: FocalAccount, t: number): StepRecord {
  return { step: t, ...metricValues(STEP_METRICS, { counters: f.stepCounters, ...accountLevels(w.accounts, f.index) }, true) } as StepRecord;
}

function cycleRecord(w: WorldState, f: FocalAccount, cycle: number, before: CycleRecord | undefined): CycleRecord {
  const source = { counters: f.cycleCounters, ...accountLevels(w.accounts, f.index), before, cycle, discountRate: w.scenario.economics.discountRate };
  return { cycle, ...metricValues(CYCLE_METRICS, source, true) } as CycleRecord;
}

/**
 * Runs a whole scenario and returns its series. Synchronous and deterministic: the same
 * scenario and seed give identical results.
 * @example
 * ```ts
 * import { simulate } from 'feedsim';
 * const r = simulate({ seed: 7, users: 2000, cycles: 2 });
 * console.log(r.accounts[0].cycles.map((c) => c.followers));
 * ```
 */
export function simulate(scenario: ScenarioInput | Scenario = {}, options: SimulateOptions = {}): SimulationResult {
  const w = createWorldState(scenario, options);
  const S = w.scenario.stepsPerCycle;
  const keepSteps = options.steps ?? true;
  const series: AccountSeries[] = w.focal.map((f, i) => ({
    name: f.name,
    strategy: w.scenario.accounts[i].strategy!.label ?? w.scenario.accounts[i].strategy!.kind,
    startingFollowers: w.accounts.followers[i],
    cycles: [],
    steps: [],
  }));
  const mainSteps = w.scenario.cycles * S;
  step(w, mainSteps, () => {
    const t = w.step - 1;
    w.focal.forEach((f, i) => {
      if (keepSteps) series[i].steps.push(stepRecord(w, f, t));
      if ((t + 1) % S === 0) {
        const cycles = series[i].cycles;
        cycles.push(cycleRecord(w, f, cycles.length + 1, cycles[cycles.length - 1]));
      }
    });
  });
  const extra = options.terminalCycles ?? 0;
  if (extra > 0) runTerminal(w, series, extra);
  return resultOf(w, series);
}

/** The terminal cycles: every focal account keeps posting but buys no ads; cycles recorded apart. */
function runTerminal(w: WorldState, series: AccountSeries[], cycles: number): void {
  const S = w.scenario.stepsPerCycle;
  for (const f of w.focal) {
    f.noAds = true;
    f.promotionBank = 0;
  }
  for (const s of series) s.terminal = [];
  step(w, cycles * S, () => {
    if (w.step % S !== 0) return;
    w.focal.forEach((f, i) => {
      const done = series[i].terminal!;
      const before = done.length ? done[done.length - 1] : series[i].cycles[series[i].cycles.length - 1];
      done.push(cycleRecord(w, f, series[i].cycles.length + done.length + 1, before));
    });
  });
}

function resultOf(w: WorldState, accounts: AccountSeries[]): SimulationResult {
  // Posts still live at the end are summarised too, so no focal post goes unreported.
  const posts = [...w.finishedPosts];
  for (const rec of w.focalPosts) {
    if (rec === undefined) continue;
    const summary = summarise(rec);
    if (w.onPost) w.onPost(summary);
    else posts.push(summary);
  }
  return {
    version: VERSION,
    scenario: w.scenario,
    scenarioHash: w.scenarioHash,
    seed: w.seed,
    replicate: w.replicate,
    accounts,
    posts,
    impressionsByChannel: byChannel(w.impressionsByChannel),
    shown: shownQuality(w),
    warnings: [...w.warnings],
  };
}
