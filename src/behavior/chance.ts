/**
 * The Bernoulli draw every decision uses.
 * @module
 */
import { nextFloat, type Xor128 } from '../rng.js';
import * as math from '../math/index.js';

/**
 * Bernoulli draw with log-odds z: u < 1/(1 + e^−z), written without a division. Most decisions
 * are rare (z ≪ 0), so the exponential is skipped when a lower bound already rejects: for
 * x = −z > 0, e^x ≥ 1 + x + x²/2 + x³/6, and with a relative margin of 10⁻¹² (far above the
 * rounding of either form) u·(2 + x + x²/2 + x³/6) ≥ 1 + 10⁻¹² implies u·(1 + e^x) ≥ 1 as
 * computed, so the outcome is bit-for-bit that of the exact form.
 */
export function chance(rng: Xor128, z: number): boolean {
  const u = nextFloat(rng);
  const x = -z;
  if (x > 0 && u * (2 + x * (1 + x * (0.5 + x / 6))) >= 1 + 1e-12) return false;
  return u * (1 + math.exp(x)) < 1;
}
