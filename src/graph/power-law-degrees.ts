import { checkInteger, checkNumber, randomIndex, type UniformRandom } from './rng.js';
import * as math from '../math/index.js';

/** A scenario's configuration-model degree bounds when it gives none: 3 … 3√users (at least 3). */
export const DEFAULT_MIN_DEGREE = 3;
export function defaultMaxDegree(users: number): number {
  return Math.max(DEFAULT_MIN_DEGREE, Math.floor(Math.sqrt(users) * 3));
}

/**
 * Draws a degree for each user from the discrete power law P(k) ∝ k^−exponent on
 * [minDegree, maxDegree], the heavy-tailed audience sizes of real platforms, ready for
 * {@link configurationModel}. Exact inverse-transform sampling against the tabulated CDF
 * (O(maxDegree + users·log(maxDegree))). If the total is odd, one random user's degree moves by one
 * (up if that stays within `maxDegree`) so the stubs can all be paired.
 *
 * Keep `maxDegree` well below `users` (≈ √(users·⟨k⟩) avoids most repeated ties in the configuration model).
 *
 * @param exponent tail exponent, typically 2–3.
 * @param minDegree smallest degree, at least 1.
 */
export function powerLawDegrees(
  users: number,
  exponent: number,
  minDegree: number,
  maxDegree: number,
  rand: UniformRandom,
): Int32Array {
  checkInteger('users', users, 0, 0x7ffffffe);
  checkNumber('exponent', exponent, -Infinity);
  checkInteger('minDegree', minDegree, 1, 0x7ffffffe);
  checkInteger('maxDegree', maxDegree, minDegree, minDegree + 100_000_000);
  const span = maxDegree - minDegree + 1;
  const cdf = new Float64Array(span);
  let total = 0;
  for (let i = 0; i < span; i++) {
    total += math.pow(minDegree + i, -exponent);
    cdf[i] = total;
  }
  const degrees = new Int32Array(users);
  let sum = 0;
  for (let u = 0; u < users; u++) {
    // Smallest i with cdf[i] > r.
    const r = rand() * total;
    let lo = 0;
    let hi = span - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    degrees[u] = minDegree + lo;
    sum += degrees[u];
  }
  if (sum % 2 !== 0) {
    const u = randomIndex(users, rand);
    degrees[u] += degrees[u] < maxDegree ? 1 : -1;
  }
  return degrees;
}
