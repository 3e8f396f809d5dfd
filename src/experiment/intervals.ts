/**
 * Confidence intervals: t-based for means (and paired differences), seeded percentile
 * bootstrap where distributions are skewed.
 * @module
 */
import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { createXor128, nextFloat, seedXor128 } from '../rng.js';
import { tQuantile } from './t-distribution.js';

/** A point estimate with its confidence interval. */
export interface Interval {
  mean: number;
  lower: number;
  upper: number;
  /** Standard error of the mean (0 with one observation). */
  se: number;
  n: number;
}

/** Mean and t-based (1 − α) interval; with n = 1 the interval is the single value. */
export function tInterval(xs: ArrayLike<number>, level = 0.95): Interval {
  const n = xs.length;
  if (n === 0) return { mean: NaN, lower: NaN, upper: NaN, se: NaN, n: 0 };
  const arr = Array.from(xs);
  const m = mean(arr);
  if (n === 1) return { mean: m, lower: m, upper: m, se: 0, n };
  const se = sampleStandardDeviation(arr) / Math.sqrt(n);
  const half = tQuantile(1 - (1 - level) / 2, n - 1) * se;
  return { mean: m, lower: m - half, upper: m + half, se, n };
}

/** Percentile bootstrap interval of the mean, with `resamples` draws from a seeded stream. */
export function bootstrapInterval(xs: ArrayLike<number>, seed: number | string, level = 0.95, resamples = 2000): Interval {
  const n = xs.length;
  const base = tInterval(xs, level);
  if (n < 2) return base;
  const rng = seedXor128(createXor128(), seed);
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += xs[Math.floor(nextFloat(rng) * n)];
    means[b] = s / n;
  }
  const sorted = Array.from(means).sort((a, b) => a - b);
  const alpha = (1 - level) / 2;
  return { ...base, lower: quantileSorted(sorted, alpha), upper: quantileSorted(sorted, 1 - alpha) };
}
