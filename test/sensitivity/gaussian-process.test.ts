import { describe, expect, it } from 'vitest';
import { createXor128, nextFloat, normal, seedXor128 } from '../../src/rng.js';
import { choleskyInPlace, choleskySolve, invertLowerInPlace, lowerGram, solveLower, solveLowerMany, solveLowerTransposed } from '../../src/sensitivity/cholesky.js';
import { logMarginalLikelihood } from '../../src/sensitivity/gp-likelihood.js';
import { minimizeLbfgs } from '../../src/sensitivity/lbfgs.js';

/** n seeded uniform points in [0, 1]^d, row-major. */
function uniformPoints(n: number, d: number, seed: number): Float64Array {
  const rng = seedXor128(createXor128(), seed);
  return Float64Array.from({ length: n * d }, () => nextFloat(rng));
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
