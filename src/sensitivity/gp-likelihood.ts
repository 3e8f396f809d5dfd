/**
 * The log marginal likelihood of a Gaussian process with a constant mean, a Matérn 5/2 ARD
 * kernel and a nugget, and its analytic gradient in log-parameter space: what the emulator's
 * hyperparameters maximise.
 *
 * Parameters θ = (log ℓ₁ … log ℓ_d, log σ², log τ²): length scales, signal variance, noise
 * variance. Logs keep every parameter positive and make steps relative. The constant mean β is
 * profiled out by generalised least squares, β̂ = 1ᵀK⁻¹y / 1ᵀK⁻¹1; because β̂ maximises the
 * likelihood for each θ, the gradient of the profiled likelihood is the partial gradient at β̂
 * (envelope theorem): ∂ℓ/∂θ = ½·tr((ααᵀ − K⁻¹)·∂K/∂θ), α = K⁻¹(y − β̂1) (Rasmussen & Williams
 * 2006, eq. 5.9).
 * @module
 */
import { choleskyInPlace, choleskySolve, invertLowerInPlace, lowerGram } from './cholesky.js';
import { matern52, matern52Slope, scaledDistance2 } from './matern.js';
import * as math from '../math/index.js';

const LOG_2PI = math.log(2 * Math.PI);

/** Buffers reused across likelihood evaluations (two n×n matrices, a few vectors). */
export interface GpWorkspace {
  readonly n: number;
  readonly d: number;
  /** After {@link factoriseGp}: the Cholesky factor L of K in the lower triangle. */
  readonly l: Float64Array;
  /** After a gradient evaluation: K⁻¹. */
  readonly inverse: Float64Array;
  /** K⁻¹(y − β̂1). */
  readonly alpha: Float64Array;
  /** K⁻¹1. */
  readonly ones: Float64Array;
  /** β̂, the generalised-least-squares constant mean. */
  beta: number;
  /** 1ᵀK⁻¹1: the precision of β̂ (its variance is 1 / this). */
  onesPrecision: number;
  readonly inverseLengthScales: Float64Array;
  readonly scratch: Float64Array;
  readonly q: Float64Array;
}

/**
 * Allocates the buffers for n points in d dimensions.
 * @example
 * ```ts
 * const work = createGpWorkspace(200, 3);
 * ```
 */
export function createGpWorkspace(n: number, d: number): GpWorkspace {
  return {
    n,
    d,
    l: new Float64Array(n * n),
    inverse: new Float64Array(n * n),
    alpha: new Float64Array(n),
    ones: new Float64Array(n),
    beta: 0,
    onesPrecision: 0,
    inverseLengthScales: new Float64Array(d),
    scratch: new Float64Array(n),
    q: new Float64Array(d),
  };
}

/**
 * Builds K = σ²·R + τ²·I for the points `x` (row-major n×d), factorises it and solves for
 * β̂, α and K⁻¹1 (all left in `work`). Returns the log marginal likelihood, or −Infinity when K is
 * not numerically positive definite.
 * @example
 * ```ts
 * const x = new Float64Array([0, 0.5, 1]);
 * const work = createGpWorkspace(3, 1);
 * factoriseGp(x, new Float64Array([0, 1, 0]), 1, new Float64Array([Math.log(0.3), 0, Math.log(1e-4)]), work);
 * work.beta; // the fitted constant mean
 * ```
 */
export function factoriseGp(x: Float64Array, y: Float64Array, d: number, theta: Float64Array, work: GpWorkspace): number {
  const n = y.length;
  const { l, alpha, ones, inverseLengthScales: invL } = work;
  for (let k = 0; k < d; k++) invL[k] = math.exp(-theta[k]);
  const signal = math.exp(theta[d]);
  const noise = math.exp(theta[d + 1]);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j < i; j++) l[ri + j] = signal * matern52(scaledDistance2(x, i, x, j, invL, d));
    l[ri + i] = signal + noise;
  }
  if (!choleskyInPlace(l, n)) return -Infinity;
  ones.fill(1);
  choleskySolve(l, n, ones);
  alpha.set(y);
  choleskySolve(l, n, alpha);
  let precision = 0;
  let oneKy = 0;
  for (let i = 0; i < n; i++) {
    precision += ones[i];
    oneKy += alpha[i];
  }
  const beta = oneKy / precision;
  let quadratic = 0;
  let logDet = 0;
  for (let i = 0; i < n; i++) {
    alpha[i] -= beta * ones[i];
    quadratic += (y[i] - beta) * alpha[i];
    logDet += math.log(l[i * n + i]);
  }
  work.beta = beta;
  work.onesPrecision = precision;
  return -0.5 * quadratic - logDet - 0.5 * n * LOG_2PI;
}

/**
 * The log marginal likelihood of `y` at the points `x` (row-major n×d, `d` columns) under the
 * parameters `theta` (module header), with β profiled out. If `gradient` (length d + 2) is given,
 * ∂ℓ/∂θ is written into it; this overwrites `work.l` with L⁻¹ and fills `work.inverse`. Costs
 * n³/6 multiply-adds for the factorisation, n³/3 more with the gradient.
 * @example
 * ```ts
 * const x = new Float64Array([0, 0.25, 0.5, 0.75, 1]);
 * const y = new Float64Array([0, 1, 0, -1, 0]);
 * const gradient = new Float64Array(3);
 * const value = logMarginalLikelihood(x, y, 1, new Float64Array([Math.log(0.2), 0, Math.log(0.01)]), gradient);
 * ```
 */
export function logMarginalLikelihood(x: Float64Array, y: Float64Array, d: number, theta: Float64Array, gradient?: Float64Array, work: GpWorkspace = createGpWorkspace(y.length, d)): number {
  const value = factoriseGp(x, y, d, theta, work);
  if (!gradient || !Number.isFinite(value)) return value;
  const n = y.length;
  const { l, inverse, alpha, inverseLengthScales: invL, q } = work;
  lowerGram(invertLowerInPlace(l, n, work.scratch), n, inverse);
  const signal = math.exp(theta[d]);
  const noise = math.exp(theta[d + 1]);
  gradient.fill(0);
  // W = ααᵀ − K⁻¹; ∂ℓ/∂θ = ½ Σᵢⱼ Wᵢⱼ ∂Kᵢⱼ/∂θ, summed over i > j twice (W and K symmetric).
  let traceW = 0;
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    const xi = i * d;
    traceW += alpha[i] * alpha[i] - inverse[ri + i];
    for (let j = 0; j < i; j++) {
      const w = alpha[i] * alpha[j] - inverse[ri + j];
      const xj = j * d;
      let r2 = 0;
      for (let k = 0; k < d; k++) {
        const u = (x[xi + k] - x[xj + k]) * invL[k];
        q[k] = u * u;
        r2 += q[k];
      }
      gradient[d] += w * signal * matern52(r2);
      const c = w * signal * matern52Slope(r2);
      for (let k = 0; k < d; k++) gradient[k] += c * q[k];
    }
  }
  // Diagonal: ∂Kᵢᵢ/∂log σ² = σ², ∂Kᵢᵢ/∂log τ² = τ², ∂Kᵢᵢ/∂log ℓ = 0.
  gradient[d] += 0.5 * signal * traceW;
  gradient[d + 1] = 0.5 * noise * traceW;
  return value;
}
