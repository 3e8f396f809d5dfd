/**
 * Student's t distribution: CDF through the regularised incomplete beta function, quantiles by
 * safeguarded Newton iteration. Checked against reference tables (t(0.975; 9) = 2.26216 …).
 * @module
 */
import * as math from '../math/index.js';

/** Continued fraction of the incomplete beta function (Numerical Recipes, betacf). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = math.gammaln(a + b) - math.gammaln(a) - math.gammaln(b) + a * math.log(x) + b * math.log(1 - x);
  const front = math.exp(lnFront);
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const x = df / (df + t * t);
  const tail = 0.5 * incompleteBeta(x, df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

function tDensity(t: number, df: number): number {
  return math.exp(math.gammaln((df + 1) / 2) - math.gammaln(df / 2) - 0.5 * math.log(df * Math.PI) - ((df + 1) / 2) * math.log1p((t * t) / df));
}

/** The p-quantile of Student's t with `df` degrees of freedom (df > 0, 0 < p < 1). */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile: p = ${p} must be in (0, 1)`);
  if (!(df > 0)) throw new RangeError(`tQuantile: df = ${df} must be > 0`);
  if (p < 0.5) return -tQuantile(1 - p, df);
  if (p === 0.5) return 0;
  // Bracket, then Newton steps kept inside the bracket (bisection when they leave it).
  let lo = 0;
  let hi = 1;
  while (tCdf(hi, df) < p) hi *= 2;
  let t = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const f = tCdf(t, df) - p;
    if (Math.abs(f) < 1e-15) break;
    if (f < 0) lo = t;
    else hi = t;
    const next = t - f / tDensity(t, df);
    t = next > lo && next < hi ? next : (lo + hi) / 2;
    if (hi - lo < 1e-14 * Math.max(1, t)) break;
  }
  return t;
}
