/**
 * A uniform random number generator on [0, 1), such as a seeded `seedrandom` stream.
 * Generators take one explicitly so that every run replays exactly from its seed.
 */
import * as math from '../math/index.js';
export type UniformRandom = () => number;

/** Uniform integer in `[0, n)`; clamped so a generator that ever returns exactly 1 cannot index out of range. */
export function randomIndex(n: number, rand: UniformRandom): number {
  const i = Math.floor(rand() * n);
  return i < n ? i : n - 1;
}

/**
 * Number of failures before the next success in Bernoulli trials with success probability `p`,
 * given `logQ = Math.log1p(-p)`. Jumping straight to the next success lets sparse random graphs be
 * generated in time proportional to their edges, not to all candidate pairs (Batagelj & Brandes 2005).
 */
export function geometricSkip(logQ: number, rand: UniformRandom): number {
  return Math.floor(math.log1p(-rand()) / logQ);
}

/** Throws a RangeError naming `name` unless `x` is an integer in `[min, max]`. */
export function checkInteger(name: string, x: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(x) || x < min || x > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${x}`);
  }
}

/** Throws a RangeError naming `name` unless `x` is a finite number in `[min, max]`. */
export function checkNumber(name: string, x: number, min: number, max = Infinity): void {
  if (!Number.isFinite(x) || x < min || x > max) {
    throw new RangeError(`${name} must be a finite number from ${min} to ${max}, got ${x}`);
  }
}
