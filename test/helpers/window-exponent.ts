/**
 * The exponent α of a discrete power law p(n) ∝ n^(−α) fitted by maximum likelihood on a fixed
 * window a ≤ n ≤ b. A fixed window makes fits at different parameters comparable (the
 * Clauset–Shalizi–Newman fit picks its own x_min per sample) and lets the same fit be applied to a
 * theoretical law: the α it gives is what a fit of infinitely many draws from that law would give.
 */

/** The α maximising Σ_n w_n·log(n^(−α)/Z(α)) over a ≤ n ≤ b, Z(α) = Σ_{n=a..b} n^(−α); w_n: counts or probabilities. */
export function windowExponent(weights: ArrayLike<number>, a: number, b: number): number {
  let total = 0;
  let logSum = 0;
  for (let n = a; n <= b && n < weights.length; n++) {
    total += weights[n];
    logSum += weights[n] * Math.log(n);
  }
  if (!(total > 0)) return NaN;
  const meanLog = logSum / total;
  // The score E_α[log n] − mean log n decreases in α: bisection.
  const expectedLog = (alpha: number) => {
    let z = 0;
    let s = 0;
    for (let n = a; n <= b; n++) {
      const p = n ** -alpha;
      z += p;
      s += p * Math.log(n);
    }
    return s / z;
  };
  let lo = -2;
  let hi = 10;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (expectedLog(mid) > meanLog) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Counts of each value of a sample of positive integers (index = value). */
export function histogram(xs: number[]): Float64Array {
  const max = xs.reduce((m, x) => Math.max(m, x), 0);
  const h = new Float64Array(max + 1);
  for (const x of xs) h[x]++;
  return h;
}
