/**
 * `simulate(scenario)`: create a world, run every cycle, and return per-step and per-cycle
 * series for each focal account, plus the focal posts' detail. `toRows` turns a result into the
 * one tidy row schema of MODEL.md (Outputs).
 * @module
 */
import { readPost } from '../content/posts.js';
import { CHANNEL_NAMES, type ChannelName } from '../feed/channel.js';
import type { Scenario, ScenarioInput } from '../scenario/types.js';
import { VERSION } from '../version.js';
import { summarise, type PostSummary } from './focal-posts.js';
import { M } from './metrics.js';
import { step } from './step.js';
import { createWorld, type FocalAccount, type World, type WorldOptions } from './world.js';

/** Impressions or conversions split by channel; the four parts sum to the total. */
export type ByChannel = Record<ChannelName, number>;

/** One focal account's figures for one step. */
export interface StepRecord {
  step: number;
  followers: number;
  impressions: number;
  impressionsByChannel: ByChannel;
  /** Unique users reached in the step. */
  reach: number;
  likes: number;
  shares: number;
  follows: number;
  unfollows: number;
  conversions: number;
  cost: number;
  value: number;
}

/** One focal account's figures for one cycle. */
export interface CycleRecord {
  /** Cycle number, 1 for the first. */
  cycle: number;
  /** Followers and notification subscribers at the end of the cycle. */
  followers: number;
  notificationSubscribers: number;
  impressions: number;
  impressionsByChannel: ByChannel;
  /** Unique users reached in the cycle; by channel they overlap and do not sum to `reach`. */
  reach: number;
  reachByChannel: ByChannel;
  likes: number;
  shares: number;
  follows: number;
  unfollows: number;
  notificationsOn: number;
  notificationsOff: number;
  conversions: number;
  conversionsByChannel: ByChannel;
  posts: number;
  contentCost: number;
  paidCost: number;
  cost: number;
  value: number;
  net: number;
  cumulativeCost: number;
  cumulativeValue: number;
  cumulativeNet: number;
  /** Net return discounted at `economics.discountRate` per cycle (cycle c by (1 + r)^c), cumulated: the net present value so far. */
  cumulativeNpv: number;
  /** Value of conversions by followers (for follower lifetime value). */
  followerValue: number;
  /** Share of followers (at posting) that the cycle's posts reached in-network: emergent organic reach. */
  organicReach: number;
}

/** Series of one focal account. */
export interface AccountSeries {
  name: string;
  strategy: string;
  startingFollowers: number;
  cycles: CycleRecord[];
  steps: StepRecord[];
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
  warnings: string[];
}

/** Options of {@link simulate}. */
export interface SimulateOptions extends WorldOptions {
  /** Keep per-step series (default true; off saves memory on very long runs). */
  steps?: boolean;
}

const byChannel = (c: Float64Array, base: number): ByChannel =>
  Object.fromEntries(CHANNEL_NAMES.map((name, i) => [name, c[base + i]])) as ByChannel;
const sum4 = (c: Float64Array, base: number) => c[base] + c[base + 1] + c[base + 2] + c[base + 3];

function stepRecord(w: World, f: FocalAccount, t: number): StepRecord {
  const c = f.stepCounters;
  return {
    step: t,
    followers: w.accounts.followers[f.index],
    impressions: sum4(c, M.impressions),
    impressionsByChannel: byChannel(c, M.impressions),
    reach: c[M.reach],
    likes: c[M.likes],
    shares: c[M.shares],
    follows: c[M.follows],
    unfollows: c[M.unfollows],
    conversions: sum4(c, M.conversions),
    cost: c[M.contentCost] + c[M.paidCost],
    value: c[M.value],
  };
}

function cycleRecord(w: World, f: FocalAccount, cycle: number, before: CycleRecord | undefined): CycleRecord {
  const c = f.cycleCounters;
  const cost = c[M.contentCost] + c[M.paidCost];
  const value = c[M.value];
  const cumulativeCost = (before?.cumulativeCost ?? 0) + cost;
  const cumulativeValue = (before?.cumulativeValue ?? 0) + value;
  const discount = Math.pow(1 + w.scenario.economics.discountRate, cycle);
  return {
    cycle,
    followers: w.accounts.followers[f.index],
    notificationSubscribers: w.accounts.notifySubscribers[f.index],
    impressions: sum4(c, M.impressions),
    impressionsByChannel: byChannel(c, M.impressions),
    reach: c[M.reach],
    reachByChannel: byChannel(c, M.reachByChannel),
    likes: c[M.likes],
    shares: c[M.shares],
    follows: c[M.follows],
    unfollows: c[M.unfollows],
    notificationsOn: c[M.notificationsOn],
    notificationsOff: c[M.notificationsOff],
    conversions: sum4(c, M.conversions),
    conversionsByChannel: byChannel(c, M.conversions),
    posts: c[M.posts],
    contentCost: c[M.contentCost],
    paidCost: c[M.paidCost],
    cost,
    value,
    net: value - cost,
    cumulativeCost,
    cumulativeValue,
    cumulativeNet: cumulativeValue - cumulativeCost,
    cumulativeNpv: (before?.cumulativeNpv ?? 0) + (value - cost) / discount,
    followerValue: c[M.followerValue],
    organicReach: c[M.followersAtPost] > 0 ? c[M.followerViews] / c[M.followersAtPost] : 0,
  };
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
  const w = createWorld(scenario, options);
  const S = w.scenario.stepsPerCycle;
  const keepSteps = options.steps ?? true;
  const series: AccountSeries[] = w.focal.map((f, i) => ({
    name: f.name,
    strategy: w.scenario.accounts[i].strategy!.label ?? w.scenario.accounts[i].strategy!.kind,
    startingFollowers: w.accounts.followers[i],
    cycles: [],
    steps: [],
  }));
  step(w, w.params.totalSteps, (world) => {
    const t = world.step - 1;
    world.focal.forEach((f, i) => {
      if (keepSteps) series[i].steps.push(stepRecord(world, f, t));
      if ((t + 1) % S === 0) {
        const cycles = series[i].cycles;
        cycles.push(cycleRecord(world, f, cycles.length + 1, cycles[cycles.length - 1]));
      }
    });
  });
  return resultOf(w, series);
}

function resultOf(w: World, accounts: AccountSeries[]): SimulationResult {
  // Posts still live at the end are summarised too, so no focal post goes unreported.
  const posts = [...w.finishedPosts];
  for (const rec of w.focalPosts) {
    if (rec === undefined) continue;
    const summary = summarise(rec, readPost(w.posts, rec.serial & w.posts.mask).impressions);
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
    impressionsByChannel: byChannel(w.impressionsByChannel, 0),
    warnings: [...w.warnings],
  };
}
