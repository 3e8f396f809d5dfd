/**
 * Weighted particle populations for sequential Monte Carlo: the effective sample size, systematic
 * resampling and the weighted covariance that shapes the move kernel. Particles are rows of a
 * row-major n×d `Float64Array`.
 * @module
 */

/** Effective sample size (Σw)²/Σw² (Kong, Liu & Wong 1994); 0 when every weight is 0. */
export function effectiveSampleSize(w: ArrayLike<number>): number {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < w.length; i++) {
    s += w[i];
    s2 += w[i] * w[i];
  }
  return s2 > 0 ? (s * s) / s2 : 0;
}

/**
 * Systematic resampling (Kitagawa 1996; Douc, Cappé & Moulines 2005): `n` indices drawn with
 * probabilities ∝ w from one uniform `u` ∈ [0, 1) — the positions (u + j)/n against the cumulative
 * weights. Lower variance than multinomial resampling, and one draw whatever n is.
 */
export function systematicResample(w: ArrayLike<number>, u: number, n = w.length, out = new Int32Array(n)): Int32Array {
  let total = 0;
  let last = 0;
  for (let i = 0; i < w.length; i++) {
    total += w[i];
    if (w[i] > 0) last = i;
  }
  let i = 0;
  let cumulative = w[0] / total;
  for (let j = 0; j < n; j++) {
    const position = (u + j) / n;
    // Stopping at the last positive weight closes the sum against rounding below 1; every other
    // stop is where the sum just grew, so a zero weight is never chosen.
    while (position >= cumulative && i < last) cumulative += w[++i] / total;
    out[j] = i;
  }
  return out;
}

/** Weighted mean (length d) and covariance (row-major d×d, divisor Σw) of the rows of x with weights w. */
export function weightedCovariance(x: Float64Array, w: ArrayLike<number>, d: number): { mean: Float64Array; cov: Float64Array } {
  const n = w.length;
  const mean = new Float64Array(d);
  const cov = new Float64Array(d * d);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (w[i] === 0) continue;
    total += w[i];
    for (let a = 0; a < d; a++) mean[a] += w[i] * x[i * d + a];
  }
  for (let a = 0; a < d; a++) mean[a] /= total;
  for (let i = 0; i < n; i++) {
    if (w[i] === 0) continue;
    const o = i * d;
    for (let a = 0; a < d; a++) {
      const da = w[i] * (x[o + a] - mean[a]);
      for (let b = 0; b <= a; b++) cov[a * d + b] += da * (x[o + b] - mean[b]);
    }
  }
  for (let a = 0; a < d; a++) {
    for (let b = 0; b <= a; b++) cov[b * d + a] = cov[a * d + b] /= total;
  }
  return { mean, cov };
}
