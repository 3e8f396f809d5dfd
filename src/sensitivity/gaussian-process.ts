/**
 * A Gaussian-process emulator of a noisy simulation output over factors scaled to the unit cube:
 * trained on a few hundred runs, it predicts the output's mean at tens of thousands of points in
 * a fraction of a second (and its uncertainty in seconds), so Sobol indices can be computed on it.
 *
 * Model: y = β + f(x) + ε, f ~ GP(0, σ²·Matérn 5/2 with one length scale per factor), ε ~ N(0, τ²)
 * (the nugget: replicates of a stochastic simulation differ). The outputs are standardised before
 * fitting, so the hyperparameter bounds below mean the same for any output's units; everything
 * returned is back in the output's units. The hyperparameters maximise the log marginal likelihood
 * (gp-likelihood.ts) by L-BFGS (lbfgs.ts) in log space, each log parameter mapped smoothly into its
 * bounds, from several seeded starts.
 * @module
 */
import { createXor128, nextFloat, seedXor128 } from '../rng.js';
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import { solveLowerMany } from './cholesky.js';
import { createGpWorkspace, factoriseGp, logMarginalLikelihood, type GpWorkspace } from './gp-likelihood.js';
import { minimizeLbfgs } from './lbfgs.js';
import { matern52, scaledDistance2 } from './matern.js';
import * as math from '../math/index.js';

/** Options of {@link fitGaussianProcess}. */
export interface GaussianProcessOptions {
  /** Seed of the random starts and of the screening subset (default 1). */
  seed?: number | string;
  /** Optimiser starts: one default start plus restarts − 1 random ones (default 4). */
  restarts?: number;
  /** L-BFGS iterations per start (default 100). */
  maxIterations?: number;
}

/** Predictions at a batch of points. */
export interface GaussianProcessPrediction {
  /** Predictive mean of the output. */
  mean: Float64Array;
  /**
   * Variance of the mean output at each point (the emulator's uncertainty about β + f(x),
   * including that of β̂). A new simulation run also varies by the noise: its 95 % interval is
   * mean ± 1.96·√(variance + noiseVariance).
   */
  variance: Float64Array;
}

/** A fitted emulator. Inputs to `predict` are row-major like the training inputs. */
export interface GaussianProcess {
  /** Number of factors d. */
  readonly dimensions: number;
  /** Number of training points n. */
  readonly points: number;
  /** ℓ₁ … ℓ_d in unit-cube units: a factor with a long length scale (≫ 1) barely matters. */
  readonly lengthScales: Float64Array;
  /** σ², in squared output units. */
  readonly signalVariance: number;
  /** τ², the nugget, in squared output units: the run-to-run variance the emulator attributes to noise. */
  readonly noiseVariance: number;
  /** β̂, the fitted constant mean, in output units. */
  readonly constantMean: number;
  /** Log marginal likelihood of the training outputs (in their units) at the fitted hyperparameters. */
  readonly logLikelihood: number;
  /** Mean and variance at the m points of `x` (row-major m×d, in [0, 1]). Costs O(n·d + n²) a point. */
  predict(x: ArrayLike<number>): GaussianProcessPrediction;
  /** The mean alone, written into `out` if given: O(n·d) a point, what Sobol estimation needs. */
  predictMean(x: ArrayLike<number>, out?: Float64Array): Float64Array;
}

/**
 * Bounds of the log parameters, outputs standardised and factors in [0, 1]. Length scales: below
 * 0.01 no design of a few hundred points resolves anything; at 100 a factor is inert (correlation
 * across the whole cube > 0.9999).
 */
const LOG_LENGTH_SCALE = [math.log(0.01), math.log(100)] as const;
/**
 * Signal variance up to 100 output variances: for a smooth deterministic output the likelihood
 * keeps trading longer length scales for a larger σ² (only about σ²/ℓ⁵ is identified) for
 * vanishing gains; the cap ends that ridge (it binds on the Ishigami function, Q² unchanged).
 */
const LOG_SIGNAL = [math.log(1e-4), math.log(100)] as const;
/** The nugget's floor keeps K's condition number below ~1e11 even for deterministic outputs. */
const LOG_NOISE = [math.log(1e-6), math.log(10)] as const;
/** Random starts are drawn from these narrower ranges: starting near a bound wastes iterations on a plateau. */
const START_LENGTH_SCALE = [math.log(0.05), math.log(2)] as const;
const START_SIGNAL = [math.log(0.2), math.log(5)] as const;
const START_NOISE = [math.log(1e-4), math.log(0.5)] as const;
/**
 * With more points than this, the starts are run on a seeded subset of this many (each
 * evaluation then costs (200/n)³ of a full one) and only the best is refined on all points.
 */
const SCREENING_POINTS = 200;
/**
 * Stop an optimiser run when an iteration gains less than this × |log likelihood| (≈ 4e-4 nats at
 * n = 500): for deterministic outputs the nugget creeps towards its floor for many iterations,
 * each gaining less than that, with no visible change in the predictions.
 */
const RELATIVE_TOLERANCE = 1e-6;
/** Query points per block in `predict`: the block's n×64 cross-covariances stay in cache. */
const BLOCK = 64;

function isArrayLike(v: unknown): v is ArrayLike<number> {
  return (typeof v === 'object' && v !== null && typeof (v as { length?: unknown }).length === 'number');
}

/** `x` (row-major, d columns) as a Float64Array, each value finite and in [0, 1]. */
function checkPoints(x: unknown, d: number, field: string): Float64Array {
  if (!isArrayLike(x) || x.length === 0 || x.length % d !== 0) {
    throw new ScenarioError([{ path: field, value: isArrayLike(x) ? `length ${x.length}` : x, allowed: `must be a row-major array of m×${d} numbers (m points, ${d} factors each), e.g. a Float64Array` }]);
  }
  const out = x instanceof Float64Array ? x : Float64Array.from(x);
  const problems: ScenarioProblem[] = [];
  for (let i = 0; i < out.length && problems.length < 5; i++) {
    const v = out[i];
    if (!(v >= 0 && v <= 1)) problems.push({ path: `${field}[${i}]`, value: x[i], allowed: `must be a number in [0, 1] (point ${Math.floor(i / d)}, factor ${i % d}): map each factor to the unit cube first` });
  }
  if (problems.length) throw new ScenarioError(problems);
  return out;
}

function checkOptions(options: GaussianProcessOptions): Required<GaussianProcessOptions> {
  const { seed = 1, restarts = 4, maxIterations = 100 } = options ?? {};
  const problems: ScenarioProblem[] = [];
  if (!(typeof seed === 'string' || Number.isFinite(seed))) problems.push({ path: 'options.seed', value: seed, allowed: 'must be a finite number or a string' });
  if (!(Number.isInteger(restarts) && restarts >= 1 && restarts <= 100)) problems.push({ path: 'options.restarts', value: restarts, allowed: 'must be a whole number from 1 to 100' });
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1 && maxIterations <= 10_000)) problems.push({ path: 'options.maxIterations', value: maxIterations, allowed: 'must be a whole number from 1 to 10000' });
  if (problems.length) throw new ScenarioError(problems);
  return { seed, restarts, maxIterations };
}

/** Bounds of θ = (log ℓ₁ … log ℓ_d, log σ², log τ²). */
function bounds(d: number, which: 'fit' | 'start'): { lo: Float64Array; hi: Float64Array } {
  const [l, s, t] = which === 'fit' ? [LOG_LENGTH_SCALE, LOG_SIGNAL, LOG_NOISE] : [START_LENGTH_SCALE, START_SIGNAL, START_NOISE];
  const lo = new Float64Array(d + 2).fill(l[0]);
  const hi = new Float64Array(d + 2).fill(l[1]);
  [lo[d], hi[d], lo[d + 1], hi[d + 1]] = [s[0], s[1], t[0], t[1]];
  return { lo, hi };
}

/**
 * Maximises the likelihood from `start` (θ), each θₖ = loₖ + (hiₖ − loₖ)·logistic(zₖ) so that L-BFGS
 * runs unconstrained and can never leave the bounds. Returns the best θ and its log likelihood.
 */
function maximise(x: Float64Array, y: Float64Array, d: number, start: Float64Array, maxIterations: number, work: GpWorkspace): { theta: Float64Array; value: number } {
  const { lo, hi } = bounds(d, 'fit');
  const p = d + 2;
  const theta = new Float64Array(p);
  const grad = new Float64Array(p);
  const toTheta = (z: Float64Array) => {
    for (let k = 0; k < p; k++) theta[k] = lo[k] + (hi[k] - lo[k]) / (1 + math.exp(-z[k]));
    return theta;
  };
  const z0 = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    const u = Math.min(1 - 1e-9, Math.max(1e-9, (start[k] - lo[k]) / (hi[k] - lo[k])));
    z0[k] = math.log(u / (1 - u));
  }
  const result = minimizeLbfgs((z, gz) => {
    const value = logMarginalLikelihood(x, y, d, toTheta(z), grad, work);
    for (let k = 0; k < p; k++) {
      const u = (theta[k] - lo[k]) / (hi[k] - lo[k]);
      gz[k] = -grad[k] * (hi[k] - lo[k]) * u * (1 - u);
    }
    return -value;
  }, z0, { maxIterations, relativeTolerance: RELATIVE_TOLERANCE });
  return { theta: Float64Array.from(toTheta(result.x)), value: -result.value };
}

/**
 * Fits a Gaussian-process emulator to n simulation outputs `y` at the points `x`: a row-major
 * array of n×d numbers (point i's factors at x[i·d] … x[i·d + d − 1]), each factor already mapped
 * to [0, 1]. d is x.length / n. Needs n ≥ d + 4 (more points than the d + 3 fitted parameters;
 * about 10·d points is the usual rule for a useful emulator) and outputs that are not all equal.
 * Seeded: the same inputs and options give the same emulator. Throws {@link ScenarioError}
 * naming the bad field.
 *
 * Cost: each likelihood evaluation with its gradient is O(n³) (n = 500: ~60 ms); a fit is
 * typically 150–250 of them on a ≤ 200-point subset and 20–60 on all points: a few seconds for
 * 500 points in 3-D, under two for 300 points in 8-D.
 * @example
 * ```ts
 * import { fitGaussianProcess } from './src/sensitivity/gaussian-process.js';
 * // 40 runs of a 2-factor simulation, factors scaled to [0, 1].
 * const x = new Float64Array(80).map((_, i) => ((i * 0.618) % 1));
 * const y = Array.from({ length: 40 }, (_, i) => Math.sin(6 * x[2 * i]) + x[2 * i + 1]);
 * const gp = fitGaussianProcess(x, y, { seed: 7 });
 * const { mean, variance } = gp.predict(new Float64Array([0.5, 0.5]));
 * ```
 */
export function fitGaussianProcess(x: ArrayLike<number>, y: ArrayLike<number>, options: GaussianProcessOptions = {}): GaussianProcess {
  if (!isArrayLike(y) || y.length === 0) throw new ScenarioError([{ path: 'y', value: y, allowed: 'must be a non-empty array of the simulation outputs, one a point' }]);
  const n = y.length;
  if (!isArrayLike(x) || x.length === 0 || x.length % n !== 0) {
    throw new ScenarioError([{ path: 'x', value: isArrayLike(x) ? `length ${x.length}` : x, allowed: `must be a row-major array of n×d numbers for the n = ${n} outputs of y (length a multiple of ${n})` }]);
  }
  const d = x.length / n;
  if (n < d + 4) throw new ScenarioError([{ path: 'y', value: `${n} points`, allowed: `must have at least d + 4 = ${d + 4} points for ${d} factors (the fit has d + 3 parameters); about ${10 * d} points make a useful emulator` }]);
  const yBad: ScenarioProblem[] = [];
  for (let i = 0; i < n && yBad.length < 5; i++) if (!Number.isFinite(y[i])) yBad.push({ path: `y[${i}]`, value: y[i], allowed: 'must be a finite number' });
  if (yBad.length) throw new ScenarioError(yBad);
  const xs = Float64Array.from(checkPoints(x, d, 'x'));
  const { seed, restarts, maxIterations } = checkOptions(options);

  // Standardise: bounds and starts are then in units of the output's spread.
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += y[i];
  yMean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (y[i] - yMean) ** 2;
  const yScale = Math.sqrt(ss / (n - 1));
  if (!(yScale > 0)) throw new ScenarioError([{ path: 'y', value: y[0], allowed: 'must not be the same value at every point: there is nothing to emulate' }]);
  const ys = Float64Array.from(y, (v) => (v - yMean) / yScale);

  const rng = seedXor128(createXor128(), seed);
  const start = bounds(d, 'start');
  const starts: Float64Array[] = [];
  for (let r = 0; r < restarts; r++) {
    const theta = new Float64Array(d + 2);
    for (let k = 0; k < d + 2; k++) {
      // The first start is the middle of the start box (ℓ ≈ 0.32, σ² = 1, τ² ≈ 0.007).
      const u = r === 0 ? 0.5 : nextFloat(rng);
      theta[k] = start.lo[k] + u * (start.hi[k] - start.lo[k]);
    }
    starts.push(theta);
  }

  // Screen the starts on a seeded subset when n is large (partial Fisher–Yates shuffle).
  const m = Math.min(n, SCREENING_POINTS);
  let xScreen = xs;
  let yScreen = ys;
  if (m < n) {
    const order = Array.from({ length: n }, (_, i) => i);
    xScreen = new Float64Array(m * d);
    yScreen = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const j = i + Math.floor(nextFloat(rng) * (n - i));
      [order[i], order[j]] = [order[j], order[i]];
      xScreen.set(xs.subarray(order[i] * d, order[i] * d + d), i * d);
      yScreen[i] = ys[order[i]];
    }
  }
  const screenWork = createGpWorkspace(m, d);
  let best: { theta: Float64Array; value: number } | undefined;
  for (const s of starts) {
    const found = maximise(xScreen, yScreen, d, s, maxIterations, screenWork);
    if (Number.isFinite(found.value) && (!best || found.value > best.value)) best = found;
  }
  const work = m < n ? createGpWorkspace(n, d) : screenWork;
  if (best && m < n) {
    const refined = maximise(xs, ys, d, best.theta, maxIterations, work);
    if (Number.isFinite(refined.value)) best = refined;
  }
  const theta = best?.theta ?? starts[0];
  const logLik = factoriseGp(xs, ys, d, theta, work);
  if (!Number.isFinite(logLik)) throw new ScenarioError([{ path: 'x', value: `${n} points`, allowed: 'must give a positive-definite covariance matrix; remove duplicated points or rescale the factors' }]);
  return emulator(xs, d, theta, work, yMean, yScale, logLik - n * math.log(yScale));
}

/** The fitted emulator: the training points, L, α, K⁻¹1 and the standardisation, closed over. */
function emulator(xs: Float64Array, d: number, theta: Float64Array, work: GpWorkspace, yMean: number, yScale: number, logLikelihood: number): GaussianProcess {
  const n = work.n;
  const { l, alpha, ones, beta, onesPrecision } = work;
  const invL = Float64Array.from(work.inverseLengthScales);
  const signal = math.exp(theta[d]);
  const noise = math.exp(theta[d + 1]);
  const lengthScales = Float64Array.from(theta.subarray(0, d), math.exp);

  function predictMean(x: ArrayLike<number>, out?: Float64Array): Float64Array {
    const xq = checkPoints(x, d, 'x');
    const count = xq.length / d;
    if (out !== undefined && !(out instanceof Float64Array && out.length >= count)) {
      throw new ScenarioError([{ path: 'out', value: out instanceof Float64Array ? `length ${out.length}` : out, allowed: `must be a Float64Array of at least ${count} entries (one a query point)` }]);
    }
    const mean = out ?? new Float64Array(count);
    for (let q = 0; q < count; q++) {
      let s = 0;
      // The same operations in the same order as predict's, so both give the same bits.
      for (let i = 0; i < n; i++) s += alpha[i] * (signal * matern52(scaledDistance2(xs, i, xq, q, invL, d)));
      mean[q] = yMean + yScale * (beta + s);
    }
    return mean;
  }

  function predict(x: ArrayLike<number>): GaussianProcessPrediction {
    const xq = checkPoints(x, d, 'x');
    const count = xq.length / d;
    const mean = new Float64Array(count);
    const variance = new Float64Array(count);
    // Cross-covariances of a block of queries, n×b row-major, turned into L⁻¹k* in place.
    const block = new Float64Array(n * BLOCK);
    const kAlpha = new Float64Array(BLOCK);
    const kOnes = new Float64Array(BLOCK);
    const explained = new Float64Array(BLOCK);
    for (let q0 = 0; q0 < count; q0 += BLOCK) {
      const b = Math.min(BLOCK, count - q0);
      kAlpha.fill(0);
      kOnes.fill(0);
      explained.fill(0);
      for (let i = 0; i < n; i++) {
        const row = i * b;
        for (let c = 0; c < b; c++) {
          const k = signal * matern52(scaledDistance2(xs, i, xq, q0 + c, invL, d));
          block[row + c] = k;
          kAlpha[c] += alpha[i] * k;
          kOnes[c] += ones[i] * k;
        }
      }
      solveLowerMany(l, n, block, b);
      for (let i = 0; i < n; i++) {
        const row = i * b;
        for (let c = 0; c < b; c++) explained[c] += block[row + c] * block[row + c];
      }
      for (let c = 0; c < b; c++) {
        // Universal-kriging variance: σ² − k*ᵀK⁻¹k* plus the uncertainty of β̂ along (1 − 1ᵀK⁻¹k*).
        const v = signal - explained[c] + (1 - kOnes[c]) ** 2 / onesPrecision;
        mean[q0 + c] = yMean + yScale * (beta + kAlpha[c]);
        variance[q0 + c] = yScale * yScale * Math.max(0, v);
      }
    }
    return { mean, variance };
  }

  return {
    dimensions: d,
    points: n,
    lengthScales,
    signalVariance: signal * yScale * yScale,
    noiseVariance: noise * yScale * yScale,
    constantMean: yMean + yScale * beta,
    logLikelihood,
    predict,
    predictMean,
  };
}
