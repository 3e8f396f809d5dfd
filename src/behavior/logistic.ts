/**
 * Base rates and odds ratios as logistic models: logit(p) = logit(base) + Σ ln(OR_i)·x_i.
 * Features are scaled so the reference post (quality, appeal and match 0.5) has x = 0 and
 * x = 1 at the top of the scale: an odds ratio is "odds at 1 ÷ odds at 0.5" (docs/model.md).
 * @module
 */
import * as math from '../math/index.js';

/**
 * log(p / (1 − p)). A rate of exactly 0 or 1 is −∞ or +∞, so no odds ratio can make an event
 * that is switched off happen (or one that is certain fail); other rates are clamped away from
 * 0 and 1 so the result is finite.
 */
export function logit(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
  return math.log(q / (1 - q));
}

/** The centred feature of a value in [0, 1]: 0 at 0.5, 1 at 1, −1 at 0. */
export function centred(v: number): number {
  return 2 * v - 1;
}
