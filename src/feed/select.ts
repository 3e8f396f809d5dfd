import { nextFloat, type Xor128 } from '../rng.js';

/**
 * Choosing the K items a user sees from ranked candidates, without sorting whole lists:
 * an insertion into a K-long ordered buffer (K ≈ 10 of ≈ 25 candidates). Stochastic selection
 * is Gumbel-top-K — K items sampled without replacement with probability proportional to
 * score^(1/temperature) — computed in its exponential-race form (see `raceKeys`).
 * @module
 */

/**
 * Writes into `out` the indices of the `k` largest `keys[0..n)` in descending order and returns
 * how many were written (candidates with key −Infinity are never chosen). Ties keep the
 * earlier index first, so the result is deterministic.
 */
export function topK(keys: Float64Array, n: number, k: number, out: Int32Array): number {
  let m = 0;
  // The smallest key held once the buffer is full (−Infinity before), kept in a register.
  let floor = -Infinity;
  for (let i = 0; i < n; i++) {
    const key = keys[i];
    if (key <= floor) continue; // also skips −Infinity keys, never chosen
    let j = m < k ? m++ : m - 1;
    while (j > 0 && keys[out[j - 1]] < key) {
      out[j] = out[j - 1];
      j--;
    }
    out[j] = i;
    if (m === k) floor = keys[out[m - 1]];
  }
  return m;
}

/** Turns scores into deterministic ranking keys in place: a score ≤ 0 is never chosen. */
export function deterministicKeys(scores: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) if (!(scores[i] > 0)) scores[i] = -Infinity;
}

/**
 * Turns scores into keys for Gumbel-top-K in place, in its exponential-race form: key =
 * w / E with w = score^(1/temperature) and E = −ln U ~ Exp(1). The top K keys are a sample
 * without replacement with probabilities ∝ w — the same law as ln w + Gumbel noise, with one
 * logarithm instead of three. Exactly one draw per candidate, chosen or not.
 */
export function raceKeys(scores: Float64Array, n: number, temperature: number, rng: Xor128): void {
  const inv = 1 / temperature;
  if (inv === 1) {
    for (let i = 0; i < n; i++) {
      const e = -Math.log(1 - nextFloat(rng)); // 1 − U ∈ (0, 1]: E finite
      const s = scores[i];
      scores[i] = s > 0 ? s / e : -Infinity;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const e = -Math.log(1 - nextFloat(rng));
    const s = scores[i];
    scores[i] = s > 0 ? Math.pow(s, inv) / e : -Infinity;
  }
}
