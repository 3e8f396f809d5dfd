/**
 * Gauss–Legendre quadrature on [0, 1]: n nodes integrate polynomials of degree up to 2n − 1
 * exactly, which is what averaging a binomial law over a uniformly distributed rank needs
 * (src/validation/branching.ts).
 * @module
 */
import * as math from '../math/index.js';

/** Nodes and weights of n-point Gauss–Legendre quadrature on [0, 1] (weights sum to 1). */
export function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  if (!(Number.isInteger(n) && n >= 1 && n <= 500)) throw new RangeError(`gaussLegendre: n = ${n} must be a whole number from 1 to 500`);
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Newton's method on P_n from the Chebyshev-like first guess of root i.
    let t = math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 1;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = t;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * t * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (t * p1 - p0)) / (t * t - 1);
      const dt = p1 / dp;
      t -= dt;
      if (Math.abs(dt) < 1e-15) break;
    }
    nodes[i] = (1 - t) / 2;
    weights[i] = 1 / ((1 - t * t) * dp * dp);
  }
  return { nodes, weights };
}
