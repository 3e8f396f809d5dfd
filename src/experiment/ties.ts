/**
 * Equal within rounding is a tie. Two strategies that spend and earn the same can end a run a
 * few units in the last place apart (sums taken in a different order: 7e-15 on 40), and a
 * zero-variance difference of 7e-15 would read as a certain win. Every difference and every
 * "ahead" comparison of the experiment layer goes through these.
 * @module
 */

/** Relative tolerance: `a` and `b` are tied when |a − b| ≤ 1e-9 · max(1, |a|, |b|). */
export const TIE_TOLERANCE = 1e-9;

/** Whether `a` and `b` are equal within rounding ({@link TIE_TOLERANCE}). */
export function tied(a: number, b: number): boolean {
  return Math.abs(a - b) <= TIE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The paired difference `a − b`, exactly 0 when the two are tied. */
export function difference(a: number, b: number): number {
  return tied(a, b) ? 0 : a - b;
}

/**
 * Whether a difference (or an interval bound of one) is above zero by more than rounding. Where
 * the compared values are known, pass their magnitude as `scale`; without it the tolerance is
 * the absolute floor 1e-9 (differences made by {@link difference} are already exact zeros).
 */
export function aboveZero(x: number, scale = 0): boolean {
  return x > TIE_TOLERANCE * Math.max(1, Math.abs(scale));
}

/** Whether a difference (or an interval bound of one) is below zero by more than rounding. */
export function belowZero(x: number, scale = 0): boolean {
  return x < -TIE_TOLERANCE * Math.max(1, Math.abs(scale));
}

/** Whether `a` is greater than `b` by more than rounding. */
export function greater(a: number, b: number): boolean {
  return a > b && !tied(a, b);
}
