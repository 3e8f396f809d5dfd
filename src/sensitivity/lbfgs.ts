/**
 * A small unconstrained L-BFGS minimiser (Nocedal & Wright 2006, algorithm 7.4) with a
 * backtracking Armijo line search. Used to fit the emulator's hyperparameters: a handful of
 * variables, an objective that costs one O(n³) factorisation per call, so what matters is few
 * evaluations — L-BFGS's curvature model needs far fewer than gradient ascent or Adam.
 * @module
 */

/** The objective: returns f(x) and writes ∇f(x) into `gradient`. A non-finite value means "x is infeasible". */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

/** Options of {@link minimizeLbfgs}. */
export interface LbfgsOptions {
  /** Iterations (each one line search) at most; default 100. */
  maxIterations?: number;
  /** Pairs of (step, gradient change) remembered; default 7. */
  memory?: number;
  /** Stop when every |∂f/∂xᵢ| is below this; default 1e-5. */
  gradientTolerance?: number;
  /** Stop when an iteration lowers f by less than this × max(1, |f|); default 1e-9. */
  relativeTolerance?: number;
}

/** What {@link minimizeLbfgs} found. */
export interface LbfgsResult {
  x: Float64Array;
  value: number;
  iterations: number;
  /** Calls of the objective. */
  evaluations: number;
  /** Whether a tolerance was met (rather than the iteration cap or a failed line search). */
  converged: boolean;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * Minimises `f` from `x0` (not modified).
 * @example
 * ```ts
 * // Rosenbrock's valley: minimum 0 at (1, 1).
 * const r = minimizeLbfgs((x, g) => {
 *   g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2);
 *   g[1] = 200 * (x[1] - x[0] ** 2);
 *   return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;
 * }, new Float64Array([-1.2, 1]));
 * ```
 */
export function minimizeLbfgs(f: Objective, x0: Float64Array, options: LbfgsOptions = {}): LbfgsResult {
  const { maxIterations = 100, memory = 7, gradientTolerance = 1e-5, relativeTolerance = 1e-9 } = options;
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let fx = f(x, g);
  let evaluations = 1;
  if (!Number.isFinite(fx)) return { x, value: fx, iterations: 0, evaluations, converged: false };
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  const dir = new Float64Array(n);
  const s = Array.from({ length: memory }, () => new Float64Array(n));
  const y = Array.from({ length: memory }, () => new Float64Array(n));
  const rho = new Float64Array(memory);
  const alpha = new Float64Array(memory);
  let stored = 0;
  let newest = -1;
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    let gMax = 0;
    for (let i = 0; i < n; i++) gMax = Math.max(gMax, Math.abs(g[i]));
    if (gMax < gradientTolerance) {
      converged = true;
      break;
    }
    // Two-loop recursion: dir = −H·g, H the L-BFGS inverse-Hessian estimate.
    for (let i = 0; i < n; i++) dir[i] = g[i];
    for (let k = 0; k < stored; k++) {
      const j = (newest - k + memory) % memory;
      alpha[j] = rho[j] * dot(s[j], dir);
      for (let i = 0; i < n; i++) dir[i] -= alpha[j] * y[j][i];
    }
    // Initial scaling: the newest curvature pair; before any, a first step of length at most 1.
    const gamma = stored > 0 ? 1 / (rho[newest] * dot(y[newest], y[newest])) : 1 / Math.max(1, Math.sqrt(dot(g, g)));
    for (let i = 0; i < n; i++) dir[i] *= gamma;
    for (let k = stored - 1; k >= 0; k--) {
      const j = (newest - k + memory) % memory;
      const beta = rho[j] * dot(y[j], dir);
      for (let i = 0; i < n; i++) dir[i] += s[j][i] * (alpha[j] - beta);
    }
    for (let i = 0; i < n; i++) dir[i] = -dir[i];
    let slope = dot(dir, g);
    if (!(slope < 0)) {
      // Not a descent direction (rounding in a flat region): forget the curvature, go downhill.
      stored = 0;
      const scale = 1 / Math.max(1, Math.sqrt(dot(g, g)));
      for (let i = 0; i < n; i++) dir[i] = -g[i] * scale;
      slope = dot(dir, g);
    }
    // Backtracking line search (Armijo), shrinking by quadratic interpolation kept in [0.1, 0.5].
    let t = 1;
    let fNew = NaN;
    let accepted = false;
    for (let trial = 0; trial < 30; trial++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + t * dir[i];
      fNew = f(xNew, gNew);
      evaluations++;
      if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * t * slope) {
        accepted = true;
        break;
      }
      const quadratic = Number.isFinite(fNew) ? (-slope * t * t) / (2 * (fNew - fx - slope * t)) : 0.1 * t;
      t = Math.min(0.5 * t, Math.max(0.1 * t, quadratic));
    }
    if (!accepted) break;
    // Remember the curvature pair only if it keeps H positive definite.
    const next = (newest + 1) % memory;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      s[next][i] = xNew[i] - x[i];
      y[next][i] = gNew[i] - g[i];
      sy += s[next][i] * y[next][i];
    }
    if (sy > 1e-12 * Math.sqrt(dot(s[next], s[next]) * dot(y[next], y[next]))) {
      rho[next] = 1 / sy;
      newest = next;
      stored = Math.min(stored + 1, memory);
    }
    const decrease = fx - fNew;
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    fx = fNew;
    if (decrease <= relativeTolerance * Math.max(1, Math.abs(fx))) {
      iterations++;
      converged = true;
      break;
    }
  }
  return { x, value: fx, iterations, evaluations, converged };
}
