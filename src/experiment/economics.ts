/**
 * Run-level economics from a focal account's cycle records (MODEL.md, Strategies and money).
 * Ratios whose denominator is zero (or too small to divide by) are `null` (undefined), never Infinity or NaN.
 * @module
 */
import type { CycleRecord } from '../engine/simulate.js';

/** Money figures of one run. */
export interface Economics {
  cost: number;
  value: number;
  net: number;
  /** Net return per unit spent: net / cost. */
  roi: number | null;
  /** Value per unit spent: value / cost. */
  returnPerSpent: number | null;
  /** Cost per follow gained. */
  costPerFollower: number | null;
  /** Cost per conversion (lead). */
  costPerLead: number | null;
  /** First cycle from which cumulative net return stays ≥ 0, or `null`. */
  paybackCycle: number | null;
  /** Net present value over the run (discounted per cycle). */
  npv: number;
  /** Share of spend on content production and on promotion. */
  contentShare: number | null;
  promotionShare: number | null;
  /**
   * Follower lifetime value estimated from the run: value of followers' conversions per
   * follower-cycle ÷ (observed unfollow rate per follower-cycle + discount rate); `null` when
   * there were no follower-cycles or neither churn nor discounting bounds the lifetime.
   */
  followerLifetimeValue: number | null;
}

/** a / b, or null when b is 0 or so small (a subnormal cost) that the quotient overflows. */
const ratio = (a: number, b: number): number | null => {
  const q = a / b;
  return b > 0 && Number.isFinite(q) ? q : null;
};

/** Economics of one run from its cycle records. */
export function runEconomics(cycles: CycleRecord[], discountRate: number): Economics {
  let cost = 0;
  let value = 0;
  let content = 0;
  let paid = 0;
  let follows = 0;
  let conversions = 0;
  let followerCycles = 0;
  let unfollows = 0;
  let followerValue = 0;
  for (const c of cycles) {
    cost += c.cost;
    value += c.value;
    content += c.contentCost;
    paid += c.paidCost;
    follows += c.follows;
    conversions += c.conversions;
    followerCycles += c.followers;
    unfollows += c.unfollows;
    followerValue += c.followerValue;
  }
  let payback: number | null = null;
  for (let i = cycles.length - 1; i >= 0 && cycles[i].cumulativeNet >= 0; i--) payback = cycles[i].cycle;
  const churn = ratio(unfollows, followerCycles);
  const perFollowerCycle = ratio(followerValue, followerCycles);
  const bound = (churn ?? 0) + discountRate;
  return {
    cost,
    value,
    net: value - cost,
    roi: ratio(value - cost, cost),
    returnPerSpent: ratio(value, cost),
    costPerFollower: ratio(cost, follows),
    costPerLead: ratio(cost, conversions),
    paybackCycle: payback,
    npv: cycles.length ? cycles[cycles.length - 1].cumulativeNpv : 0,
    contentShare: ratio(content, cost),
    promotionShare: ratio(paid, cost),
    followerLifetimeValue: perFollowerCycle !== null && bound > 0 ? perFollowerCycle / bound : null,
  };
}
