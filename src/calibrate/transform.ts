/**
 * The unconstrained space the ABC-SMC sampler moves particles in. Each prior component maps its
 * support one-to-one onto ℝ: positive kinds (log-uniform, log-normal, gamma) go to a log scale
 * first, then a bounded range [L, H] goes through a scaled logit, a range bounded on one side
 * through a log of the distance to that bound, and ℝ stays as it is.
 *
 * Why: a Gaussian random walk there never proposes outside the prior's support, so every proposal
 * is worth its simulation and a generation's batch size is known before it is drawn; and log-scale
 * parameters spanning decades get a kernel of the right shape. The price is the Jacobian
 * |dθ/dz| in the Metropolis–Hastings ratio ({@link logJacobian}).
 * @module
 */
import { isPositiveKind, priorSupport, type Prior } from './prior.js';
import * as math from '../math/index.js';

/** Per-component constants of the map θ ↔ z. */
export interface Transform {
  readonly d: number;
  /** 1 where the component is moved on a log scale (u = log θ), else 0 (u = θ). */
  readonly log: Uint8Array;
  /** Bounds of u. */
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

/** The transform of a checked prior. */
export function createTransform(prior: Prior): Transform {
  const d = prior.length;
  const t = { d, log: new Uint8Array(d), lo: new Float64Array(d), hi: new Float64Array(d) };
  for (let i = 0; i < d; i++) {
    const [lo, hi] = priorSupport(prior[i]);
    const log = isPositiveKind(prior[i]);
    t.log[i] = log ? 1 : 0;
    t.lo[i] = log ? (lo > 0 ? math.log(lo) : -Infinity) : lo;
    t.hi[i] = log ? math.log(hi) : hi;
  }
  return t;
}

/** Keeps logit(p) finite when p rounds to 0 or 1 (a prior draw exactly at a bound). */
const P_MIN = 2 ** -53;

/** z of θ, written into `out` (length d). */
export function toUnconstrained(t: Transform, theta: ArrayLike<number>, out: Float64Array, o = 0): Float64Array {
  for (let i = 0; i < t.d; i++) {
    const u = t.log[i] ? math.log(theta[i]) : theta[i];
    const L = t.lo[i];
    const H = t.hi[i];
    let z: number;
    if (L === -Infinity) z = H === Infinity ? u : -math.log(H - u);
    else if (H === Infinity) z = math.log(u - L);
    else {
      const p = Math.min(1 - P_MIN, Math.max(P_MIN, (u - L) / (H - L)));
      z = math.log(p) - math.log1p(-p);
    }
    out[o + i] = z;
  }
  return out;
}

/** u of z for component i (the inverse of the bound map). */
function uOf(t: Transform, i: number, z: number): number {
  const L = t.lo[i];
  const H = t.hi[i];
  if (L === -Infinity) return H === Infinity ? z : H - math.exp(-z);
  if (H === Infinity) return L + math.exp(z);
  // The logistic written for both signs of z, so that neither branch overflows.
  return z >= 0 ? L + (H - L) / (1 + math.exp(-z)) : L + ((H - L) * math.exp(z)) / (1 + math.exp(z));
}

/** θ of z (the d values from z[o]), written into `out`. */
export function fromUnconstrained(t: Transform, z: ArrayLike<number>, out: number[], o = 0): number[] {
  for (let i = 0; i < t.d; i++) {
    const u = uOf(t, i, z[o + i]);
    out[i] = t.log[i] ? math.exp(u) : u;
  }
  return out;
}

/** log(1 + eˣ) without overflow. */
const softplus = (x: number) => Math.max(x, 0) + math.log1p(math.exp(-Math.abs(x)));

/**
 * log |dθ/dz| at z (the d values from z[o]): the density of z is π(θ(z))·|dθ/dz|, so the
 * Metropolis–Hastings ratio of a random walk in z carries the ratio of these Jacobians.
 */
export function logJacobian(t: Transform, z: ArrayLike<number>, o = 0): number {
  let s = 0;
  for (let i = 0; i < t.d; i++) {
    const zi = z[o + i];
    const L = t.lo[i];
    const H = t.hi[i];
    if (L === -Infinity && H !== Infinity) s -= zi; // du/dz = e^(−z)
    else if (L !== -Infinity && H === Infinity) s += zi; // du/dz = e^z
    else if (L !== -Infinity) s += math.log(H - L) - softplus(-zi) - softplus(zi); // (H − L)·σ(z)·σ(−z)
    if (t.log[i]) s += uOf(t, i, zi); // dθ/du = e^u
  }
  return s;
}
