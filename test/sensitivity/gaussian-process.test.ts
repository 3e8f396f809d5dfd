import { errorFunction } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { expandDesign } from '../../src/experiment/design.js';
import { createXor128, nextFloat, normal, seedXor128 } from '../../src/rng.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { choleskyInPlace, choleskySolve, invertLowerInPlace, lowerGram, solveLower, solveLowerMany, solveLowerTransposed } from '../../src/sensitivity/cholesky.js';
import { emulatorTrust, heldOutAccuracy, splitAccuracy, TRUSTED_Q2 } from '../../src/sensitivity/emulator-accuracy.js';
import { fitGaussianProcess, type GaussianProcess } from '../../src/sensitivity/gaussian-process.js';
import { logMarginalLikelihood } from '../../src/sensitivity/gp-likelihood.js';
import { minimizeLbfgs } from '../../src/sensitivity/lbfgs.js';

/** n seeded uniform points in [0, 1]^d, row-major. */
function uniformPoints(n: number, d: number, seed: number): Float64Array {
  const rng = seedXor128(createXor128(), seed);
  return Float64Array.from({ length: n * d }, () => nextFloat(rng));
}

/** A seeded Latin hypercube of n points in [0, 1]^d (the sweep designs' own), row-major. */
function latinHypercube(n: number, d: number, seed: number): Float64Array {
  const factors = Object.fromEntries(Array.from({ length: d }, (_, k) => [`x${k}`, { min: 0, max: 1 }]));
  const points = expandDesign({ kind: 'latin-hypercube', factors, samples: n, seed });
  return Float64Array.from(points.flatMap((p) => Array.from({ length: d }, (_, k) => p[`x${k}`] as number)));
}

describe('cholesky', () => {
  // A classic SPD matrix with an integer factor: L = [[2, 0, 0], [6, 1, 0], [−8, 5, 3]].
  const A = [4, 12, -16, 12, 37, -43, -16, -43, 98];

  it('factorises a known matrix exactly and solves with it', () => {
    const l = Float64Array.from(A);
    expect(choleskyInPlace(l, 3)).toBe(true);
    // Every intermediate is a small integer or its square root: exact in floating point.
    expect(Array.from(l)).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
    // A·[1, 2, 3] = [−20, −43, 192].
    const x = choleskySolve(l, 3, new Float64Array([-20, -43, 192]));
    for (const [i, v] of [1, 2, 3].entries()) expect(x[i]).toBeCloseTo(v, 12);
    expect(Array.from(solveLower(l, 3, new Float64Array([2, 7, 0])))).toEqual([1, 1, 1]);
    expect(Array.from(solveLowerTransposed(l, 3, new Float64Array([0, 6, 3])))).toEqual([1, 1, 1]);
  });

  it('inverts: A·A⁻¹ = I to rounding, and batched solves equal one-at-a-time ones', () => {
    const l = Float64Array.from(A);
    choleskyInPlace(l, 3);
    const factor = Float64Array.from(l);
    const inverse = lowerGram(invertLowerInPlace(l, 3), 3, new Float64Array(9));
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += A[i * 3 + k] * inverse[k * 3 + j];
        // A's condition number is ~1e3: rounding of order 1e3·ε ≈ 1e-13.
        expect(Math.abs(s - (i === j ? 1 : 0))).toBeLessThan(1e-11);
      }
    }
    const many = new Float64Array([1, 5, 2, 4, 3, 3]); // columns [1, 2, 3] and [5, 4, 3]
    solveLowerMany(factor, 3, many, 2);
    const c0 = solveLower(factor, 3, new Float64Array([1, 2, 3]));
    const c1 = solveLower(factor, 3, new Float64Array([5, 4, 3]));
    expect(Array.from(many)).toEqual([c0[0], c1[0], c0[1], c1[1], c0[2], c1[2]]);
  });

  it('reports a matrix that is not positive definite', () => {
    expect(choleskyInPlace(new Float64Array([1, 2, 2, 1]), 2)).toBe(false);
    expect(choleskyInPlace(new Float64Array([1, 0, 0, NaN]), 2)).toBe(false);
  });
});

describe('L-BFGS', () => {
  it('finds the minimum of Rosenbrock’s valley', () => {
    const r = minimizeLbfgs((x, g) => {
      g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2);
      g[1] = 200 * (x[1] - x[0] ** 2);
      return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;
    }, new Float64Array([-1.2, 1]), { maxIterations: 200, relativeTolerance: 0 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
  });
});

describe('log marginal likelihood', () => {
  it('its analytic gradient matches central finite differences', () => {
    const n = 30;
    const d = 3;
    const x = uniformPoints(n, d, 11);
    const rng = seedXor128(createXor128(), 12);
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(5 * x[i * d]) + x[i * d + 1] ** 2 + 0.1 * normal(() => nextFloat(rng)));
    // Length scales 0.3, 0.8, 2, signal variance 1.5, noise 0.05: an interior point, every term active.
    const theta = new Float64Array([Math.log(0.3), Math.log(0.8), Math.log(2), Math.log(1.5), Math.log(0.05)]);
    const gradient = new Float64Array(d + 2);
    const value = logMarginalLikelihood(x, y, d, theta, gradient);
    expect(Number.isFinite(value)).toBe(true);
    // Central differences: truncation ~h²·|ℓ'''| ≈ 1e-10, rounding ~ε·|ℓ|/h ≈ 1e-9, so 1e-6 is ample
    // while a wrong term (a missing ½, a wrong sign) would be off by O(|gradient|) ≈ 0.1–10.
    const h = 1e-5;
    for (let k = 0; k < d + 2; k++) {
      const up = Float64Array.from(theta);
      const down = Float64Array.from(theta);
      up[k] += h;
      down[k] -= h;
      const fd = (logMarginalLikelihood(x, y, d, up) - logMarginalLikelihood(x, y, d, down)) / (2 * h);
      expect(Math.abs(gradient[k] - fd), `parameter ${k}: analytic ${gradient[k]}, finite difference ${fd}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)));
      expect(Math.abs(gradient[k])).toBeGreaterThan(1e-3);
    }
  });
});

describe('fitGaussianProcess', () => {
  it('interpolates a smooth 1-D function from 15 points', () => {
    const f = (t: number) => Math.sin(2 * Math.PI * t) + t;
    const x = latinHypercube(15, 1, 3);
    const gp = fitGaussianProcess(x, Array.from(x, f), { seed: 1 });
    const grid = Float64Array.from({ length: 101 }, (_, i) => i / 100);
    const { mean, variance } = gp.predict(grid);
    let worst = 0;
    for (let i = 0; i < grid.length; i++) {
      const e = Math.abs(mean[i] - f(grid[i]));
      worst = Math.max(worst, e);
      // The truth lies within 4 predictive standard deviations everywhere (1e-3 covers the nugget's floor).
      expect(e).toBeLessThan(4 * Math.sqrt(variance[i]) + 1e-3);
    }
    // 1 % of the output's range (2.7); measured 0.007. A fit that took the curve for noise, or
    // length scales run off to a bound, would be off by 0.1 or more.
    expect(worst, `max error ${worst}`).toBeLessThan(0.027);
    expect(gp.noiseVariance).toBeLessThan(1e-3);
  });

  it('separates signal from noise in 1-D: noise variance, mean and interval coverage', () => {
    const f = (t: number) => Math.sin(6 * t) + 2 * t;
    const sd = 0.1;
    const rng = seedXor128(createXor128(), 21);
    const draw = () => nextFloat(rng);
    const x = uniformPoints(100, 1, 20);
    const y = Array.from(x, (t) => f(t) + sd * normal(draw));
    const gp = fitGaussianProcess(x, y, { seed: 2 });
    // The noise variance is estimated from ~100 − 10 residual degrees of freedom: relative SE ≈
    // √(2/90) ≈ 0.15, so a factor of 1.6 either way is over 3 SE.
    expect(gp.noiseVariance / sd ** 2, `noise variance ${gp.noiseVariance}`).toBeGreaterThan(1 / 1.6);
    expect(gp.noiseVariance / sd ** 2).toBeLessThan(1.6);
    // The mean smooths the noise rather than interpolating it: an interpolant's error would be ≈ sd,
    // a smoother's ≈ sd·√(effective parameters / n) (measured 0.04, i.e. ~16 effective parameters).
    const grid = Float64Array.from({ length: 201 }, (_, i) => i / 200);
    const mean = gp.predictMean(grid);
    const rmse = Math.sqrt(grid.reduce((s, t, i) => s + (mean[i] - f(t)) ** 2, 0) / grid.length);
    expect(rmse, `rmse ${rmse}`).toBeLessThan(0.6 * sd);
    // Coverage of new noisy runs. Knowing f and sd, the coverage to expect from these intervals is
    // the mean over points of P(|mean − f + sd·Z| ≤ 1.96·√(variance + τ̂²)); the observed share must
    // match it within 4 binomial SEs (2,000 runs: SE ≤ 0.005).
    const xt = uniformPoints(2000, 1, 22);
    const yt = Array.from(xt, (t) => f(t) + sd * normal(draw));
    const acc = heldOutAccuracy(gp, xt, yt);
    const p = gp.predict(xt);
    const phi = (z: number) => 0.5 * (1 + errorFunction(z / Math.SQRT2));
    let expected = 0;
    for (let i = 0; i < xt.length; i++) {
      const half = 1.959964 * Math.sqrt(p.variance[i] + gp.noiseVariance);
      const bias = p.mean[i] - f(xt[i]);
      expected += (phi((half - bias) / sd) - phi((-half - bias) / sd)) / xt.length;
    }
    expect(Math.abs(acc.coverage - expected), `coverage ${acc.coverage}, expected ${expected}`).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / xt.length));
    // And that is near 0.95: a noise variance 3 SEs (45 %) low or high shifts it by at most ~0.06.
    expect(expected).toBeGreaterThan(0.89);
    expect(expected).toBeLessThan(0.99);
  });

  it('is seeded: the same data and seed give the same emulator', () => {
    const x = uniformPoints(40, 2, 5);
    const y = Array.from({ length: 40 }, (_, i) => Math.cos(4 * x[2 * i]) * x[2 * i + 1]);
    const a = fitGaussianProcess(x, y, { seed: 9, restarts: 2 });
    const b = fitGaussianProcess(x, y, { seed: 9, restarts: 2 });
    expect(Array.from(a.lengthScales)).toEqual(Array.from(b.lengthScales));
    expect(a.logLikelihood).toBe(b.logLikelihood);
    const q = uniformPoints(10, 2, 6);
    expect(Array.from(a.predict(q).mean)).toEqual(Array.from(a.predictMean(q)));
  });

  it('refuses bad input with errors that name the field', () => {
    const x = uniformPoints(20, 2, 1);
    const y = new Float64Array(20).map((_, i) => i);
    const problem = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(ScenarioError);
        return (e as ScenarioError).problems[0];
      }
      throw new Error('no error thrown');
    };
    expect(problem(() => fitGaussianProcess(x.subarray(0, 39), y)).path).toBe('x');
    expect(problem(() => fitGaussianProcess(x, [...y.subarray(0, 19), NaN])).path).toBe('y[19]');
    const nan = Float64Array.from(x);
    nan[7] = NaN;
    expect(problem(() => fitGaussianProcess(nan, y))).toMatchObject({ path: 'x[7]', allowed: expect.stringContaining('point 3, factor 1') });
    expect(problem(() => fitGaussianProcess(x.map((v) => v * 2), y)).allowed).toContain('[0, 1]');
    expect(problem(() => fitGaussianProcess(x.subarray(0, 10), y.subarray(0, 5))).allowed).toContain('at least d + 4 = 6 points');
    expect(problem(() => fitGaussianProcess(x, new Float64Array(20).fill(3))).allowed).toContain('same value');
    expect(problem(() => fitGaussianProcess(x, y, { restarts: 0 })).path).toBe('options.restarts');
    expect(problem(() => fitGaussianProcess(x, y, { maxIterations: 1.5 })).path).toBe('options.maxIterations');
    const gp = fitGaussianProcess(x, y, { restarts: 1, maxIterations: 5 });
    expect(problem(() => gp.predict(new Float64Array(3))).allowed).toContain('m×2');
    expect(problem(() => gp.predictMean(new Float64Array(4), new Float64Array(1))).path).toBe('out');
    expect(problem(() => heldOutAccuracy(gp, new Float64Array(3), [1, 2])).path).toBe('x');
    expect(problem(() => splitAccuracy(x, y, { testFraction: 0.01 })).path).toBe('options.testFraction');
  });
});

describe('emulator accuracy', () => {
  it('computes Q² and coverage as defined', () => {
    // A stand-in emulator whose predictions are known: mean 0, 1, 2, 3; variance 0; noise 1.
    const fake = {
      dimensions: 1,
      noiseVariance: 1,
      predict: () => ({ mean: new Float64Array([0, 1, 2, 3]), variance: new Float64Array(4) }),
    } as unknown as GaussianProcess;
    // y = 0, 1, 2, 6: residuals 0, 0, 0, 3 → Q² = 1 − 9 / Σ(y − 2.25)² = 1 − 9/20.75; 3 > 1.96: 3 of 4 covered.
    const acc = heldOutAccuracy(fake, [0, 0.3, 0.6, 0.9], [0, 1, 2, 6]);
    expect(acc.q2).toBeCloseTo(1 - 9 / 20.75, 12);
    expect(acc.coverage).toBe(0.75);
    expect(emulatorTrust(acc).trusted).toBe(false);
    expect(emulatorTrust({ q2: TRUSTED_Q2, coverage: 0.95, points: 50 }).trusted).toBe(true);
    expect(emulatorTrust({ q2: 0.5, coverage: 0.95, points: 50 }).reason).toContain('add runs');
  });

  it('splitAccuracy holds out a seeded share of the runs', () => {
    const x = uniformPoints(60, 2, 8);
    const y = Array.from({ length: 60 }, (_, i) => x[2 * i] + Math.sin(3 * x[2 * i + 1]));
    const a = splitAccuracy(x, y, { seed: 3, testFraction: 0.25, restarts: 1 });
    expect(a.points).toBe(15);
    expect(a.emulator.points).toBe(45);
    expect(a.q2).toBeGreaterThan(0.99); // a smooth additive function of 2 factors from 45 runs
    expect(splitAccuracy(x, y, { seed: 3, testFraction: 0.25, restarts: 1 }).q2).toBe(a.q2);
  });
});
