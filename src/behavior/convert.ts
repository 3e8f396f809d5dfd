/**
 * The purchase decision (docs/model.md §4): only product posts convert; followers buy more
 * readily (an odds ratio). A conversion earns the account `economics.valuePerConversion`.
 * @module
 */
import { PF, type PostStore } from '../content/posts.js';
import type { BehaviorParams } from './params.js';
import type { FocalPost } from '../engine/focal-posts.js';
import { COUNTER } from '../engine/metrics.js';
import type { FocalAccount, WorldState } from '../engine/world.js';

/** Log-odds that the user buys after an impression of the product post in record `r`. */
export function convertLogOdds(p: PostStore, r: number, b: BehaviorParams, xm: number, following: boolean): number {
  return p.floats[r + PF.convertLogit] + b.convert.match * xm + (following ? b.convert.follower : 0);
}

/** A purchase through `channel` (counted for focal accounts only). */
export function onConversion(w: WorldState, channel: number, following: boolean, focal: FocalAccount, rec: FocalPost | null): void {
  const v = w.scenario.economics.valuePerConversion;
  focal.stepCounters[COUNTER.conversions + channel]++;
  if (rec) rec.conversions[channel]++;
  focal.stepCounters[COUNTER.value] += v;
  if (following) focal.stepCounters[COUNTER.followerValue] += v;
}
