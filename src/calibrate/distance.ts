/**
 * The ABC distance between simulated and observed summary statistics: Euclidean after dividing
 * each statistic by a scale, with scales re-estimated every generation from that generation's
 * simulations (Prangle 2017, "Adapting the ABC distance function", Bayesian Analysis 12:289).
 * Fixed scales would let a statistic on a large scale (a count in thousands) drown one on a small
 * scale (a log ratio), and scales from the prior predictive alone stop fitting once the particles
 * concentrate.
 * @module
 */
import { medianAbsoluteDeviation, sampleStandardDeviation } from 'simple-statistics';

/** 1/Φ⁻¹(3/4): makes the MAD estimate the standard deviation of normal data, like its SD fallback. */
const MAD_TO_SD = 1.482602218505602;

/**
 * One scale per statistic from a batch of summaries (row-major n×k): the normalised median
 * absolute deviation, robust to the odd wild simulation; the standard deviation where the MAD is 0
 * (a statistic that is mostly one value); 1 where that is 0 too (a constant statistic, which then
 * adds a fixed amount to every distance).
 */
export function robustScales(batch: Float64Array, n: number, k: number): Float64Array {
  const scales = new Float64Array(k);
  const column = new Array<number>(n);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < n; i++) column[i] = batch[i * k + j];
    let s = MAD_TO_SD * medianAbsoluteDeviation(column);
    if (!(s > 0) && n > 1) s = sampleStandardDeviation(column);
    scales[j] = s > 0 && Number.isFinite(s) ? s : 1;
  }
  return scales;
}

/** ‖(s − observed)/scales‖₂ for the k summaries at s[o…o + k). */
export function scaledDistance(s: ArrayLike<number>, o: number, observed: ArrayLike<number>, scales: ArrayLike<number>): number {
  let sum = 0;
  for (let j = 0; j < observed.length; j++) {
    const r = (s[o + j] - observed[j]) / scales[j];
    sum += r * r;
  }
  return Math.sqrt(sum);
}
