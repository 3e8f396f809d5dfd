/**
 * The popularity law of Gleeson, Ward, O'Sullivan & Lee, "Competition-induced criticality in a
 * model of meme popularity", PRL 112, 048701 (2014), arXiv:1305.4328. Each user's screen holds
 * the one meme it received last; each user acts at rate 1: with probability μ it tweets a new
 * meme, otherwise it retweets the meme on its screen; a tweet lands on the screens of all the
 * tweeter's followers (and, for a new meme, on its own). Every user follows z others, and
 * out-degrees have generating function f. Their Eq. (2) (supplement S1) gives the generating
 * function G(a, x) of the excess popularity of an age-a meme; at a → ∞ it solves
 *   (z + 1)·G = z + μ + (1 − μ)·x·G·f(G),
 * and the popularity (the meme's tweets) has generating function H = x·G·f(G). The asymptotics
 * (supplement S3): q_n ~ n^(−3/2) at μ = 0 when f″(1) is finite; for 0 < μ ≪ 1 an exponential
 * cut-off that recedes as μ → 0.
 * @module
 */
import { binomialLaw, circleCoefficients, complexQuotient, polyAndDerivative as pgf, type Law } from './branching.js';
import { gaussLegendre } from './quadrature.js';
import * as math from '../math/index.js';

/** Options of {@link gleesonPopularity}. */
export interface GleesonOptions {
  /** Users each user follows (the in-degree, z in the paper). */
  z: number;
  /** Probability that an action is a new meme (innovation). */
  mu: number;
  /** Out-degree law p_k (followers); default: every user has z followers (f(x) = x^z). */
  outDegree?: Law;
  /** Points on the unit circle (a power of two): the law is returned for popularity 0 … points − 1. */
  points?: number;
}

/** q_n = P(a meme is tweeted n times in all), n = 0 … points − 1, from their Eq. (2) at a → ∞. */
export function gleesonPopularity(o: GleesonOptions): Float64Array {
  const { z, mu } = o;
  if (!(mu > 0 && mu < 1)) throw new RangeError(`gleesonPopularity: mu = ${mu} must lie strictly between 0 and 1`);
  const p = o.outDegree ?? regularOutDegree(z);
  const M = o.points ?? 1 << 16;
  const re = new Float64Array(M);
  const im = new Float64Array(M);
  let gr = 1;
  let gi = 0;
  for (let m = 0; m < M; m++) {
    const xr = math.cos((2 * Math.PI * m) / M);
    const xi = math.sin((2 * Math.PI * m) / M);
    // Newton on F(G) = (z + 1)G − z − μ − (1 − μ)·x·G·f(G), continued around the circle from G(1) = 1.
    for (let it = 0; it < 100; it++) {
      const [fr, fi, dfr, dfi] = pgf(p, gr, gi);
      // G·f(G) and its derivative f + G·f′.
      const hr = gr * fr - gi * fi;
      const hi = gr * fi + gi * fr;
      const dhr = fr + gr * dfr - gi * dfi;
      const dhi = fi + gr * dfi + gi * dfr;
      const c = 1 - mu;
      const Fr = (z + 1) * gr - z - mu - c * (xr * hr - xi * hi);
      const Fi = (z + 1) * gi - c * (xr * hi + xi * hr);
      const Dr = z + 1 - c * (xr * dhr - xi * dhi);
      const Di = -c * (xr * dhi + xi * dhr);
      const [sr, si] = complexQuotient(Fr, Fi, Dr, Di);
      gr -= sr;
      gi -= si;
      if (Math.abs(sr) + Math.abs(si) < 1e-15) break;
    }
    const [fr, fi] = pgf(p, gr, gi);
    const hr = gr * fr - gi * fi;
    const hi = gr * fi + gi * fr;
    re[m] = xr * hr - xi * hi;
    im[m] = xr * hi + xi * hr;
  }
  return circleCoefficients(re, im);
}

/** Every user has exactly z followers. */
export function regularOutDegree(z: number): Law {
  const p = new Float64Array(z + 1);
  p[z] = 1;
  return p;
}

/**
 * With z followers each, H = x·G^(z+1) and G = 1 − q + q·x·G^(z+1), q = (1 − μ)/(z + 1): the
 * popularity is the total progeny of a Galton–Watson process whose offspring law is
 * Binomial(z + 1, q) — each tweet puts the meme on z + 1 screens (the followers' and the
 * tweeter's own), and each screen yields a retweet before it is overwritten with probability q.
 */
export function gleesonRegularOffspring(z: number, mu: number): Law {
  return binomialLaw(z + 1, (1 - mu) / (z + 1));
}

/**
 * The same law in closed form (Lagrange inversion, the hitting-time theorem):
 * q_n = (1/n)·C((z+1)n, n−1)·q^(n−1)·(1 − q)^(zn+1), for n = 1 … nMax.
 */
export function gleesonRegularExact(z: number, mu: number, nMax: number): Float64Array {
  const q = (1 - mu) / (z + 1);
  const out = new Float64Array(nMax + 1);
  for (let n = 1; n <= nMax; n++) {
    const logC = lnFactorial((z + 1) * n) - lnFactorial(n - 1) - lnFactorial(z * n + 1);
    out[n] = math.exp(logC - math.log(n) + (n - 1) * math.log(q) + (z * n + 1) * math.log(1 - q));
  }
  return out;
}

function lnFactorial(n: number): number {
  if (n < 2) return 0;
  // Stirling's series: relative error below 1e-15 from n = 20; exact sums below that.
  if (n < 20) {
    let s = 0;
    for (let k = 2; k <= n; k++) s += math.log(k);
    return s;
  }
  return (n + 0.5) * math.log(n) - n + 0.5 * math.log(2 * Math.PI) + 1 / (12 * n) - 1 / (360 * math.pow(n, 3)) + 1 / (1260 * math.pow(n, 5));
}

/**
 * P(a meme is retweeted at least once) under the paper's rules on a tree-like z-regular network,
 * exactly — without Eq. (2)'s step of treating the screens a tweet lands on as independent. The
 * innovator's next action, at an Exp(1) time t, overwrites all its followers' screens at once (or
 * retweets, if its own screen still holds the meme: probability e^(−zt)); a follower retweets first
 * with probability (1 − μ)(1 − e^(−zt))/z. With y = e^(−t):
 *   P(no retweet) = ∫₀¹ (1 − (1 − μ)(1 − y^z)/z)^z · (1 − (1 − μ)·y^z) dy,
 * a polynomial of degree z² + z, integrated exactly by Gauss–Legendre.
 */
export function gleesonFirstRetweetExact(z: number, mu: number): number {
  const { nodes, weights } = gaussLegendre(Math.ceil((z * z + z + 1) / 2));
  let none = 0;
  for (let i = 0; i < nodes.length; i++) {
    const yz = math.pow(nodes[i], z);
    none += weights[i] * math.pow(1 - ((1 - mu) * (1 - yz)) / z, z) * (1 - (1 - mu) * yz);
  }
  return 1 - none;
}
