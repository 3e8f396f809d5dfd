/**
 * The model's assumptions without a citable source (labelled GUESS in docs/model.md §7), each with
 * the range a sensitivity study varies it over. A range is stated relative to the scenario's own
 * value where the value is a multiplier (odds ratios, rates, amounts: "× or ÷ f" on a log scale),
 * so one table serves the default world and every platform preset; absolute where the value may
 * be 0 or is a share of a fixed scale. docs/sensitivity.md lists the table with each reason.
 * @module
 */
import { resolveScenario } from '../scenario/resolve.js';
import type { Scenario, ScenarioInput } from '../scenario/types.js';
import { tryParseHours } from '../time.js';
import type { Factor } from './factor.js';

/** How an assumption's range is set. */
export type AssumptionRange =
  /** From value ÷ times to value × times on a log scale, clipped to `cap`. */
  | { times: number; cap?: number }
  /** This absolute range, uniform. */
  | { between: [number, number] }
  /** Off or on. */
  | { switch: true };

/** One assumption: the path, its range, why that range, and when it matters at all. */
export interface Assumption {
  path: string;
  range: AssumptionRange;
  integer?: boolean;
  duration?: boolean;
  /** Why the range is what it is (shown in docs/sensitivity.md). */
  why: string;
  /** Whether the assumption can matter in this scenario (an unused parameter is left out). */
  applies?: (s: Scenario) => boolean;
}

const OR = 'odds ratio with no source: from half to double its size';
const RATE = 'rate with no source: a factor of 3 either way';
const hybrid = (s: Scenario) => s.feed.ranker === 'hybrid';
const gumbel = (s: Scenario) => s.feed.selection === 'gumbel';
const bell = (s: Scenario) => s.notifications.enabled;
const follows = (s: Scenario) => s.follows;
const degree = (s: Scenario) => 'meanDegree' in s.graph;
const or = (path: string, applies?: (s: Scenario) => boolean): Assumption => ({ path, range: { times: 2 }, why: OR, ...(applies ? { applies } : {}) });

/** Every GUESS of docs/model.md §7 that a number (or a switch) can express. */
export const ASSUMPTIONS: readonly Assumption[] = Object.freeze([
  { path: 'topics', range: { times: 2, cap: 64 }, integer: true, why: 'how finely interests split: 4 to 16 topics by default' },
  { path: 'graph.meanDegree', range: { times: 2 }, integer: true, why: 'mean friends per user: half to double', applies: degree },
  { path: 'population.activity', range: { times: 2, cap: 1 }, why: 'feed visits per step: half to double' },
  { path: 'population.activitySpread', range: { between: [0.5, 1.5] }, why: 'log-normal σ of activity: mild to very heavy-tailed' },
  { path: 'population.attention', range: { times: 2 }, integer: true, why: 'items per visit: half to double' },
  { path: 'population.interestConcentration', range: { times: 3 }, why: 'Dirichlet α: specialists to generalists' },
  { path: 'population.notificationTolerance', range: { times: 2 }, why: 'subscriptions before notification fatigue', applies: bell },
  { path: 'content.userPostProbability', range: { times: 2, cap: 1 }, why: 'competing user posts: half to double' },
  { path: 'content.creators', range: { times: 2 }, integer: true, why: 'competing creators: half to double' },
  { path: 'content.creatorPostsPerDay', range: { times: 2 }, why: 'creator cadence: half to double' },
  { path: 'content.creatorAudienceShare', range: { times: 2, cap: 1 }, why: 'creator audience size: half to double' },
  { path: 'content.quality.mean', range: { between: [0.3, 0.7] }, why: 'competing posts\' quality: ±0.2 around the middle' },
  { path: 'content.quality.sd', range: { between: [0.05, 0.25] }, why: 'spread of competing quality' },
  { path: 'content.appeal.mean', range: { between: [0.2, 0.6] }, why: 'competing posts\' appeal: ±0.2' },
  { path: 'content.appeal.sd', range: { between: [0.05, 0.25] }, why: 'spread of competing appeal' },
  { path: 'content.freshness.floor', range: { times: 3, cap: 1 }, why: 'weight of a stale post', applies: (s) => s.content.freshness.kind !== 'none' },
  { path: 'feed.temperature', range: { times: 2 }, why: 'randomness of selection: half to double', applies: gumbel },
  { path: 'feed.inboxSize', range: { times: 2, cap: 255 }, integer: true, why: 'inbox entries kept: half to double' },
  { path: 'feed.recommendations', range: { times: 2 }, integer: true, why: 'out-of-network candidates: half to double' },
  { path: 'feed.inNetworkShare', range: { times: 2, cap: 1 }, why: 'hybrid feed\'s in-network weight', applies: hybrid },
  { path: 'feed.outOfNetworkWeight', range: { times: 2 }, why: 'affinity of recommended posts: half to double' },
  { path: 'feed.engagementPrior', range: { times: 2.5 }, why: 'smoothing of engagement rates: 20 to 125 pseudo-impressions by default' },
  { path: 'feed.paidSpillover', range: { switch: true }, why: 'do paid impressions count in ranking (on) or not (off)' },
  { path: 'feed.engagementRepush', range: { switch: true }, why: 'do likes and shares re-push a post (on) or not (off)' },
  { path: 'paid.fatigue', range: { times: 1.6, cap: 1 }, why: 'ad fatigue per earlier exposure: 0.5 to none (1) by default' },
  { path: 'market.buyers', range: { times: 3, cap: 1 }, why: 'share of users in the market: 7 % to 60 % by default' },
  { path: 'market.repurchase', range: { times: 3 }, duration: true, why: 'demand used up by a purchase: 10 to 90 days by default' },
  or('behavior.like.quality'), or('behavior.like.appeal'), or('behavior.like.match'), or('behavior.like.likeCta'), or('behavior.like.followCta'),
  or('behavior.share.quality'), or('behavior.share.appeal'), or('behavior.share.match'), or('behavior.share.shareCta'), or('behavior.share.followCta'),
  { path: 'behavior.follow.base', range: { times: 3, cap: 1 }, why: RATE, applies: follows },
  or('behavior.follow.quality', follows), or('behavior.follow.appeal', follows), or('behavior.follow.match', follows), or('behavior.follow.persona', follows),
  or('behavior.follow.followCta', follows), or('behavior.follow.exposure', follows), or('behavior.follow.viaShare', follows),
  { path: 'behavior.notify.base', range: { times: 3, cap: 1 }, why: RATE, applies: (s) => bell(s) && follows(s) },
  or('behavior.notify.notifyCta', (s) => bell(s) && follows(s)), or('behavior.notify.persona', (s) => bell(s) && follows(s)),
  or('behavior.convert.quality'), or('behavior.convert.match'), or('behavior.convert.follower', follows),
  { path: 'behavior.promotionFatigue.posts', range: { times: 2 }, integer: true, why: 'posts over which the sell share is taken: 5 to 20' },
  or('behavior.promotionFatigue.engage'), or('behavior.promotionFatigue.follow', follows), or('behavior.promotionFatigue.unfollow', follows),
  { path: 'behavior.unfollow.perImpression', range: { times: 3, cap: 1 }, why: RATE, applies: follows },
  { path: 'behavior.unfollow.qualityGap', range: { times: 2 }, why: OR, applies: follows },
  { path: 'behavior.unfollow.accustomRate', range: { times: 2, cap: 1 }, why: 'weight of the newest post in what a follower is used to: half to double', applies: follows },
  { path: 'behavior.unfollow.baseline.probability', range: { times: 3, cap: 1 }, why: RATE, applies: follows },
  { path: 'behavior.unfollow.lapse.after', range: { times: 2 }, duration: true, why: 'silence before lapse unfollows: 7 to 28 days by default', applies: follows },
  { path: 'behavior.unfollow.lapse.probability', range: { times: 3, cap: 1 }, why: RATE, applies: follows },
  { path: 'behavior.unfollow.cadence.probability', range: { times: 3, cap: 1 }, why: 'Fractl\'s 19 % as a 30-day hazard is a guess: a factor of 3', applies: follows },
  { path: 'behavior.unfollow.notificationDrop', range: { times: 2, cap: 1 }, why: 'notification fatigue: half to double', applies: (s) => bell(s) && follows(s) },
  { path: 'behavior.propensitySpread', range: { between: [0.1, 1] }, why: 'log-odds SD of individual propensities: near-identical users to very different' },
  { path: 'economics.budgetPerCycle', range: { times: 3 }, why: 'budget per 1,000 users: a factor of 3' },
  { path: 'economics.postCost', range: { times: 2 }, why: 'production cost: half to double' },
  { path: 'economics.qualityCost', range: { times: 2 }, why: 'cost of quality: half to double' },
  { path: 'economics.valuePerConversion', range: { times: 2 }, why: 'margin on a sale (half of a $86 order is a guess): half to double' },
  { path: 'accountSignalCarryover', range: { between: [0, 0.5] }, why: 'C2: from none to half of a post\'s signal carried to the next' },
  { path: 'startingFollowers', range: { times: 4 }, integer: true, why: 'the account\'s starting audience: a factor of 4' },
]);

/** The value at a dotted path of a resolved scenario (`startingFollowers`: the first focal account's). */
function valueAt(s: Scenario, path: string): unknown {
  if (path === 'startingFollowers') return s.accounts[0]?.startingFollowers;
  let node: unknown = s;
  for (const k of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[k];
  return node;
}

/** An assumption's factor in `scenario`, or `undefined` when it does not apply there. */
export function assumptionFactor(a: Assumption, scenario: Scenario): Factor | undefined {
  if (a.applies && !a.applies(scenario)) return undefined;
  const r = a.range;
  if ('switch' in r) return { path: a.path, min: 0, max: 1, kind: 'switch' };
  if ('between' in r) return { path: a.path, min: r.between[0], max: r.between[1] };
  const raw = valueAt(scenario, a.path);
  const value = a.duration ? tryParseHours(raw) : raw;
  // A multiplier of 0 (an effect switched off in this scenario) has no relative range.
  if (typeof value !== 'number' || !(value > 0)) return undefined;
  const factor: Factor = { path: a.path, min: value / r.times, max: Math.min(value * r.times, r.cap ?? Infinity), log: true };
  if (a.integer) factor.integer = true;
  if (a.duration) factor.kind = 'duration';
  return factor;
}

/**
 * The factors of every assumption that applies in `scenario`, with ranges around its values.
 * @example
 * ```ts
 * import { assumptionFactors } from 'feedsim';
 * const factors = assumptionFactors({ extends: 'youtube' });
 * console.log(factors.length, factors.find((f) => f.path === 'behavior.follow.base'));
 * ```
 */
export function assumptionFactors(scenario: ScenarioInput = {}): Factor[] {
  const s = resolveScenario(scenario);
  return ASSUMPTIONS.map((a) => assumptionFactor(a, s)).filter((f): f is Factor => f !== undefined);
}
