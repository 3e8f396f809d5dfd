/**
 * The Matérn 5/2 correlation with one length scale per factor (ARD), the emulator's kernel:
 * k(x, x') = σ²·(1 + √5·r + 5r²/3)·exp(−√5·r), r² = Σⱼ ((xⱼ − x'ⱼ)/ℓⱼ)².
 *
 * Matérn 5/2 rather than the squared exponential: its sample paths are twice differentiable, not
 * infinitely, which suits simulation outputs with kinks and thresholds (Stein 1999; Gramacy 2020,
 * §5.2), and its correlation matrices are far better conditioned, so a small nugget stays stable.
 * @module
 */
import * as math from '../math/index.js';

/**
 * The Matérn 5/2 correlation (k/σ²) at squared scaled distance `r2`.
 * @example
 * ```ts
 * matern52(0); // 1
 * matern52(1); // (1 + √5 + 5/3)·e^(−√5) ≈ 0.5240
 * ```
 */
export function matern52(r2: number): number {
  const s = Math.sqrt(5 * r2);
  return (1 + s + (5 / 3) * r2) * math.exp(-s);
}

/**
 * The factor g(r²) with ∂(k/σ²)/∂log ℓⱼ = g(r²)·(Δⱼ/ℓⱼ)²: g = (5/3)(1 + √5·r)·exp(−√5·r). It has
 * no 1/r, so the derivative is well defined at r = 0 (where it is zero through Δⱼ).
 * @example
 * ```ts
 * matern52Slope(0); // 5/3
 * ```
 */
export function matern52Slope(r2: number): number {
  const s = Math.sqrt(5 * r2);
  return (5 / 3) * (1 + s) * math.exp(-s);
}

/**
 * Squared scaled distance between row `i` of `a` and row `j` of `b` (both row-major, `d` columns),
 * each coordinate difference multiplied by `inverseLengthScales`.
 * @example
 * ```ts
 * scaledDistance2(new Float64Array([0, 0]), 0, new Float64Array([0.3, 0.4]), 0, new Float64Array([1, 1]), 2); // 0.25
 * ```
 */
export function scaledDistance2(a: Float64Array, i: number, b: Float64Array, j: number, inverseLengthScales: Float64Array, d: number): number {
  const ai = i * d;
  const bj = j * d;
  let r2 = 0;
  for (let k = 0; k < d; k++) {
    const u = (a[ai + k] - b[bj + k]) * inverseLengthScales[k];
    r2 += u * u;
  }
  return r2;
}
