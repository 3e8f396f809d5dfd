/**
 * Test statistics for Monte Carlo checks. Tolerances in tests are multiples of these standard
 * errors (4 SE: a false alarm about once in 16,000 checks), never hand-tuned numbers.
 */

/** z of p1 − p2 for two binomial proportions (pooled standard error). */
export function twoProportionZ(x1: number, n1: number, x2: number, n2: number): number {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const p = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  return se > 0 ? (p1 - p2) / se : 0;
}

/** z of a − b for two Poisson counts. */
export function poissonZ(a: number, b: number): number {
  return a + b > 0 ? (a - b) / Math.sqrt(a + b) : 0;
}

/** Binomial standard error of a proportion x / n. */
export function binomialSE(x: number, n: number): number {
  const p = x / n;
  return Math.sqrt((p * (1 - p)) / n);
}

/** Mean and standard error of the mean. */
export function meanSE(xs: number[]): { mean: number; se: number } {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const v = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(v / n) };
}

/** Weighted least-squares slope of y on x, with its standard error given weights 1/Var(y). */
export function weightedSlope(x: number[], y: number[], w: number[]): { slope: number; se: number } {
  const sw = w.reduce((s, v) => s + v, 0);
  const mx = x.reduce((s, v, i) => s + w[i] * v, 0) / sw;
  const my = y.reduce((s, v, i) => s + w[i] * v, 0) / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    sxx += w[i] * (x[i] - mx) ** 2;
    sxy += w[i] * (x[i] - mx) * (y[i] - my);
  }
  return { slope: sxy / sxx, se: 1 / Math.sqrt(sxx) };
}
