/**
 * Promotional fatigue (docs/model.md §4.4): audiences tire of accounts that sell too often
 * (46 % of users name "too many promotions" as a reason to unfollow a brand, Sprout Social 2016).
 * Each account keeps the share s of its recent posts that sell, an exponential moving average
 * over `promotionFatigue.posts` posts; responses to its posts move by the odds ratios raised to s.
 * @module
 */
import type { PromotionFatigueModel } from '../scenario/types.js';
import * as math from '../math/index.js';

/** Promotional fatigue compiled for the hot loop: log odds ratios at s = 1. */
export interface PromotionParams {
  engage: number;
  follow: number;
  unfollow: number;
  /** Whether any effect is not 0 (off: no term is added, so results are those without the mechanism). */
  on: boolean;
  posts: number;
}

/** Compiles the fatigue model. */
export function compilePromotion(m: PromotionFatigueModel): PromotionParams {
  const engage = math.log(m.engage);
  const follow = math.log(m.follow);
  const unfollow = math.log(m.unfollow);
  return { engage, follow, unfollow, on: engage !== 0 || follow !== 0 || unfollow !== 0, posts: m.posts };
}

/** The account's sell share after a post (`product` true when it sells). */
export function updateSellShare(share: number, product: boolean, posts: number): number {
  return share + ((product ? 1 : 0) - share) / posts;
}
