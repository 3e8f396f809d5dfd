/**
 * The purchase funnel (docs/model.md §4.2): an impression of a product post may bring a click
 * (a logistic model: quality, interest, and followers click more readily); a click buys with
 * probability `market.purchasePerClick` — if the user is in the market for the account's product
 * at all (`market.buyers`) and their demand is not used up by a purchase within `market.repurchase`.
 * A purchase earns the account `economics.valuePerConversion`.
 * @module
 */
import { PF, type PostStore } from '../content/posts.js';
import type { BehaviorParams } from './params.js';
import type { FocalPost } from '../engine/focal-posts.js';
import { COUNTER } from '../engine/metrics.js';
import type { FocalAccount, WorldState } from '../engine/world.js';
import { nextFloat } from '../rng.js';

/** Log-odds that the user clicks after an impression of the product post in record `r`. */
export function clickLogOdds(p: PostStore, r: number, b: BehaviorParams, xm: number, following: boolean): number {
  return p.floats[r + PF.convertLogit] + b.convert.match * xm + (following ? b.convert.follower : 0);
}

/** Whether user `u`, who clicked at step `t`, can buy from `focal` now: in its market, demand not used up. */
function canBuy(focal: FocalAccount, u: number, t: number): boolean {
  return (focal.inMarket === null || focal.inMarket[u] === 1) && (focal.demandFrom === null || focal.demandFrom[u] <= t);
}

/** A click through `channel` at step `t`; it may end in a purchase. */
export function onClick(w: WorldState, u: number, channel: number, following: boolean, focal: FocalAccount, rec: FocalPost | null, t: number): void {
  focal.stepCounters[COUNTER.clicks]++;
  if (rec) rec.clicks++;
  if (!canBuy(focal, u, t)) return;
  // A purchase probability of 1 takes no draw: the click is the purchase, as before the funnel.
  const buy = w.params.purchasePerClick;
  if (buy < 1 && !(nextFloat(w.rng) < buy)) return;
  if (focal.demandFrom !== null) focal.demandFrom[u] = t + w.params.repurchaseSteps;
  onConversion(w, channel, following, focal, rec);
}

/** A purchase through `channel` (counted for focal accounts only). */
function onConversion(w: WorldState, channel: number, following: boolean, focal: FocalAccount, rec: FocalPost | null): void {
  const v = w.scenario.economics.valuePerConversion;
  focal.stepCounters[COUNTER.conversions + channel]++;
  if (rec) rec.conversions[channel]++;
  focal.stepCounters[COUNTER.value] += v;
  if (following) focal.stepCounters[COUNTER.followerValue] += v;
}
