/**
 * Money per cycle and per post is given for a world of `economics.referenceUsers` users; a world
 * of another size is a miniature (or an enlargement) that spends in proportion, so the budget per
 * user — and with it the paid inventory a budget can buy — is the same at any size.
 * @module
 */
import type { Scenario } from './types.js';

/** The factor that money per cycle and per post is multiplied by in this world (1 when `referenceUsers` is 0). */
export function moneyScale(s: Scenario): number {
  const ref = s.economics.referenceUsers;
  return ref > 0 ? s.users / ref : 1;
}

/** The budget per cycle of each focal account in this world. */
export function scaledBudget(s: Scenario): number {
  return s.economics.budgetPerCycle * moneyScale(s);
}

/** Production cost of a post of quality q in this world: (postCost + qualityCost·q²), scaled to its size. */
export function scaledPostCost(s: Scenario, quality: number): number {
  const e = s.economics;
  return (e.postCost + e.qualityCost * quality * quality) * moneyScale(s);
}

/** The budget per cycle per 1,000 users: the budget-to-population ratio. */
export function budgetPerThousandUsers(s: Scenario): number {
  return (scaledBudget(s) * 1000) / s.users;
}
