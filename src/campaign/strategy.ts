/**
 * Strategies decide what a focal account posts each step. They are serialisable descriptions
 * `{ kind, params }` resolved through the registry (`registry.ts`), so the same description runs
 * the same way in any thread. A strategy sees only what a marketer sees: its own account's counters.
 * @module
 */
import type { DashboardFields } from '../engine/metrics.js';
import type { CallToAction, PostKind } from '../scenario/types.js';
import type { PaidTargeting } from './targeting.js';

/** One post a strategy publishes. */
export interface PostPlan {
  kind: PostKind;
  /** Quality in [0, 1]: drives likes, follows, conversions and retention; costs more. */
  quality: number;
  /** Appeal ("bait") in [0, 1]: raises likes and shares, not follows or retention. */
  appeal: number;
  cta: CallToAction;
  /** Persona strength in [0, 1] (C6). */
  persona: number;
  /** Topic, defaulting to the account's topic. */
  topic?: number;
  /** Hard lifetime in steps (a live stream ends); default: the platform's freshness cut. */
  lifetimeSteps?: number;
  /** Likes bought from an engagement pod, on the post as it appears (default 0), at `podLikePrice` each. */
  podLikes?: number;
  podLikePrice?: number;
}

/** What a strategy decides for one step. */
export interface StepPlan {
  posts: PostPlan[];
  /** Money to spend on paid promotion of the account's newest post this step. */
  promotion: number;
  /** Whether paid impressions go first to users who engaged with the account (C3). */
  retarget: boolean;
  /** How paid impressions are targeted (default: interest targeting, nobody excluded, no cap, the newest post). */
  targeting?: Partial<PaidTargeting>;
  /** Followers bought this step (default 0), at `followerPrice` each: they see nothing and are worth nothing. */
  boughtFollowers?: number;
  followerPrice?: number;
}

/**
 * Counters a marketer can read from the platform's dashboard: the dashboard metrics of the
 * table in `engine/metrics.ts` (followers, notificationSubscribers, impressions, reach, likes,
 * shares, follows, unfollows, conversions, cost, value).
 */
export type AccountDashboard = DashboardFields;

/** What a strategy sees when it plans a step. */
export interface StrategyView {
  step: number;
  /** Cycle number, 1 for the first (as in cycle records). */
  cycle: number;
  stepInCycle: number;
  stepsPerCycle: number;
  /** Budget per cycle in this world (economics.budgetPerCycle scaled to its size, see economics.referenceUsers). */
  budgetPerCycle: number;
  /** The factor money per cycle and per post is scaled by in this world (users ÷ economics.referenceUsers). */
  moneyScale: number;
  /** Production cost of a post of a given quality. */
  postCost(quality: number): number;
  /** Totals since the start of the run. */
  total: Readonly<AccountDashboard>;
  /** Totals of the previous cycle (zeros in the first). */
  lastCycle: Readonly<AccountDashboard>;
}

/** A running strategy: plans each step. May keep state between steps. */
export interface Strategy {
  plan(view: StrategyView): StepPlan;
}

/** Builds a strategy from its description's params. */
export type StrategyFactory = (params: Record<string, unknown>) => Strategy;
