/**
 * Test functions of global sensitivity analysis whose Sobol indices are known in closed form:
 * the Ishigami function and Sobol's G-function. Shared by the variance-based tests and any
 * emulator that wants a function with a known answer.
 */

/** A function's exact variance and first-order and total Sobol indices, per factor. */
export interface AnalyticIndices {
  variance: number;
  first: number[];
  total: number[];
}

/** The Ishigami function's usual parameters (Ishigami & Homma 1990; Sobol & Levitan 1999). */
export const ISHIGAMI_A = 7;
export const ISHIGAMI_B = 0.1;

/**
 * Ishigami: f(x) = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁, on x ∈ [−π, π]³ with independent uniform
 * factors. x₃ acts only through its interaction with x₁: S₃ = 0 but S_T3 > 0.
 */
export function ishigami(x: ArrayLike<number>, a = ISHIGAMI_A, b = ISHIGAMI_B): number {
  const s1 = Math.sin(x[0]);
  const s2 = Math.sin(x[1]);
  return s1 + a * s2 * s2 + b * x[2] ** 4 * s1;
}

/** Ishigami on the unit cube: u ∈ [0, 1)³ mapped linearly onto [−π, π]³. */
export function ishigamiUnit(u: ArrayLike<number>, a = ISHIGAMI_A, b = ISHIGAMI_B): number {
  const x = [0, 1, 2].map((i) => -Math.PI + 2 * Math.PI * u[i]);
  return ishigami(x, a, b);
}

/**
 * Ishigami's exact indices. With E[sin² x] = 1/2, E[x⁴] = π⁴/5, E[x⁸] = π⁸/9 for x ~ U(−π, π):
 * V₁ = ½(1 + bπ⁴/5)², V₂ = a²/8, V₁₃ = b²π⁸(1/18 − 1/50), V₃ = V₁₂ = V₂₃ = V₁₂₃ = 0, and
 * V = V₁ + V₂ + V₁₃. For a = 7, b = 0.1: S = (0.3139, 0.4424, 0), S_T = (0.5576, 0.4424, 0.2437).
 */
export function ishigamiIndices(a = ISHIGAMI_A, b = ISHIGAMI_B): AnalyticIndices {
  const pi4 = Math.PI ** 4;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = (a * a) / 8;
  const v13 = b * b * pi4 * pi4 * (1 / 18 - 1 / 50);
  const variance = v1 + v2 + v13;
  return { variance, first: [v1 / variance, v2 / variance, 0], total: [(v1 + v13) / variance, v2 / variance, v13 / variance] };
}

/** The G-function coefficients of the tests: two important factors, two minor, four inert. */
export const G_FUNCTION_A: readonly number[] = [0, 1, 4.5, 9, 99, 99, 99, 99];

/**
 * Sobol's G-function: g(x) = Π (|4x_i − 2| + a_i) / (1 + a_i) on the unit cube; the smaller
 * a_i, the more factor i matters (Saltelli & Sobol 1995).
 */
export function gFunction(x: ArrayLike<number>, a: readonly number[] = G_FUNCTION_A): number {
  let g = 1;
  for (let i = 0; i < a.length; i++) g *= (Math.abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
  return g;
}

/**
 * The G-function's exact indices: each factor's term has mean 1 and variance
 * V_i = (1/3)/(1 + a_i)², so V = Π(1 + V_i) − 1, S_i = V_i / V and
 * S_Ti = V_i Π_{j≠i}(1 + V_j) / V.
 */
export function gFunctionIndices(a: readonly number[] = G_FUNCTION_A): AnalyticIndices {
  const vi = a.map((ai) => 1 / 3 / (1 + ai) ** 2);
  const all = vi.reduce((p, v) => p * (1 + v), 1);
  const variance = all - 1;
  return { variance, first: vi.map((v) => v / variance), total: vi.map((v) => (v * all) / (1 + v) / variance) };
}

/** Evaluates `f` on every row of a row-major matrix of `dims` columns. */
export function evaluateRows(points: Float64Array, dims: number, f: (x: Float64Array) => number): Float64Array {
  const n = points.length / dims;
  const y = new Float64Array(n);
  for (let r = 0; r < n; r++) y[r] = f(points.subarray(r * dims, (r + 1) * dims));
  return y;
}
