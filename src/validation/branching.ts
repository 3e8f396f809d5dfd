/**
 * Total progeny of a Galton–Watson branching process, the popularity law of a meme in the
 * competition models of Gleeson, Ward, O'Sullivan & Lee (PRL 112, 048701, 2014): a post's
 * children are the reshares it causes, so a meme's popularity (its posts) is the size of the tree
 * grown from its first post. The law is found as the paper does (supplement S2): its generating
 * function is evaluated on M points of the unit circle and inverted with one FFT.
 * @module
 */
import { fft } from './fft.js';
import { gaussLegendre } from './quadrature.js';
import * as math from '../math/index.js';

/** A law on 0, 1, …, K (probabilities by count). */
export type Law = Float64Array;

/** Mean of a law. */
export function lawMean(law: Law): number {
  let m = 0;
  for (let k = 0; k < law.length; k++) m += k * law[k];
  return m;
}

/** Variance of a law. */
export function lawVariance(law: Law): number {
  const m = lawMean(law);
  let v = 0;
  for (let k = 0; k < law.length; k++) v += (k - m) ** 2 * law[k];
  return v;
}

/** Binomial(n, p) probabilities. */
export function binomialLaw(n: number, p: number): Law {
  const law = new Float64Array(n + 1);
  let c = 1;
  for (let k = 0; k <= n; k++) {
    law[k] = c * math.pow(p, k) * math.pow(1 - p, n - k);
    c = (c * (n - k)) / (k + 1);
  }
  return law;
}

/**
 * ∫₀¹ Binomial(n, p(u)) du: the number of n trials that succeed when the success probability
 * p(u) depends on a rank u drawn uniformly once for all n (Gauss–Legendre, `nodes` points: exact
 * when p is a polynomial of degree below (2·nodes − 1)/n).
 */
export function mixedBinomialLaw(n: number, p: (u: number) => number, nodes = 64): Law {
  const { nodes: us, weights } = gaussLegendre(nodes);
  const law = new Float64Array(n + 1);
  for (let i = 0; i < us.length; i++) {
    const b = binomialLaw(n, p(us[i]));
    for (let k = 0; k <= n; k++) law[k] += weights[i] * b[k];
  }
  return law;
}

/** With probability `atom` the count is 0, otherwise it follows `law`. */
export function withZeroAtom(law: Law, atom: number): Law {
  const out = law.map((x) => (1 - atom) * x);
  out[0] += atom;
  return out;
}

/** Options of {@link totalProgenyLaw}. */
export interface ProgenyOptions {
  /** Law of the root's children (the first generation). */
  root: Law;
  /** Law of every later individual's children. */
  offspring: Law;
  /** Generations counted below the root (Infinity: until extinction; the process must be subcritical). */
  generations: number;
  /** Points on the unit circle, a power of two: the law is returned for sizes 0 … points − 1, and mass beyond aliases onto it. */
  points?: number;
}

/** P(tree size = n) for n = 0 … points − 1 (the root counts 1). */
export function totalProgenyLaw(o: ProgenyOptions): Float64Array {
  const M = o.points ?? 1 << 16;
  const gens = o.generations;
  if (!(gens >= 0)) throw new RangeError(`totalProgenyLaw: generations = ${gens} must be ≥ 0`);
  if (gens === Infinity && lawMean(o.offspring) >= 1) throw new RangeError(`totalProgenyLaw: offspring mean ${lawMean(o.offspring)} must be below 1 for an unbounded number of generations`);
  const re = new Float64Array(M);
  const im = new Float64Array(M);
  const f = o.offspring;
  // Subtree of a non-root individual, D(x) = x·φ(D(x)), on each point of the circle.
  let wr = 1;
  let wi = 0;
  for (let m = 0; m < M; m++) {
    const xr = math.cos((2 * Math.PI * m) / M);
    const xi = math.sin((2 * Math.PI * m) / M);
    let dr: number;
    let di: number;
    if (gens === Infinity) {
      // Newton on D − x·φ(D) = 0, continued from the previous point (D(1) = 1 when subcritical).
      dr = wr;
      di = wi;
      for (let it = 0; it < 100; it++) {
        const [pr, pi, qr, qi] = polyAndDerivative(f, dr, di);
        const gr = dr - (xr * pr - xi * pi);
        const gi = di - (xr * pi + xi * pr);
        const hr = 1 - (xr * qr - xi * qi);
        const hi = -(xr * qi + xi * qr);
        const [sr, si] = complexQuotient(gr, gi, hr, hi);
        dr -= sr;
        di -= si;
        if (Math.abs(sr) + Math.abs(si) < 1e-15) break;
      }
      wr = dr;
      wi = di;
    } else {
      // D₀ = x; D_k = x·φ(D_{k−1}): at most k generations below.
      dr = xr;
      di = xi;
      for (let k = 1; k < gens; k++) {
        const [pr, pi] = polyAndDerivative(f, dr, di);
        const nr = xr * pr - xi * pi;
        const ni = xr * pi + xi * pr;
        const change = Math.abs(nr - dr) + Math.abs(ni - di);
        dr = nr;
        di = ni;
        if (change < 1e-17) break;
      }
    }
    // The root: x·φ_root(D), or just x with no generation counted.
    const [pr, pi] = gens === 0 ? [1, 0] : polyAndDerivative(o.root, dr, di);
    re[m] = xr * pr - xi * pi;
    im[m] = xr * pi + xi * pr;
  }
  return circleCoefficients(re, im);
}

/**
 * The coefficients c_0 … c_(M−1) of a generating function from its values at the M points
 * e^(2πi·m/M) (one FFT; coefficients from M on alias onto them; rounding below 0 is cut to 0).
 */
export function circleCoefficients(re: Float64Array, im: Float64Array): Float64Array {
  const M = re.length;
  fft(re, im);
  for (let n = 0; n < M; n++) re[n] = Math.max(0, re[n] / M);
  return re;
}

/** (a_r + i·a_i)/(b_r + i·b_i): a Newton step's size. */
export function complexQuotient(ar: number, ai: number, br: number, bi: number): [number, number] {
  const den = br * br + bi * bi;
  return [(ar * br + ai * bi) / den, (ai * br - ar * bi) / den];
}

/** Σ c_k y^k and its derivative at complex y, by Horner's rule: [re, im, re′, im′]. */
export function polyAndDerivative(c: Law, yr: number, yi: number): [number, number, number, number] {
  let ar = c[c.length - 1];
  let ai = 0;
  let br = 0;
  let bi = 0;
  for (let k = c.length - 2; k >= 0; k--) {
    const tbr = br * yr - bi * yi + ar;
    bi = br * yi + bi * yr + ai;
    br = tbr;
    const tar = ar * yr - ai * yi + c[k];
    ai = ar * yi + ai * yr;
    ar = tar;
  }
  return [ar, ai, br, bi];
}

/** The complementary distribution P(size ≥ n) of a law on 0 … M − 1. */
export function complementary(law: ArrayLike<number>): Float64Array {
  const out = new Float64Array(law.length + 1);
  for (let n = law.length - 1; n >= 0; n--) out[n] = out[n + 1] + law[n];
  return out.subarray(0, law.length);
}
