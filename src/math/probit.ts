import { log } from './log.js';
import { pow } from './pow.js';

/*
 * The standard normal quantile by simple-statistics' method (ISC): √2 · erf⁻¹(2p − 1), with
 * Winitzki's closed-form approximation of erf⁻¹ (relative error about 2·10⁻³), p clamped to
 * [10⁻⁴, 1 − 10⁻⁴]; computed with feedsim's own log and pow so it gives the same bits in every
 * engine (in Node 20, the same bits as simple-statistics' probit).
 */
const EPSILON = 0.0001;
const A = (8 * (Math.PI - 3)) / (3 * Math.PI * (4 - Math.PI));

function inverseErf(x: number): number {
  const l = log(1 - x * x);
  const inv = Math.sqrt(Math.sqrt(pow(2 / (Math.PI * A) + l / 2, 2) - l / A) - (2 / (Math.PI * A) + l / 2));
  return x >= 0 ? inv : -inv;
}

/** The p-quantile of the standard normal distribution (approximate; see above). */
export function probit(p: number): number {
  const q = p === 0 ? EPSILON : p >= 1 ? 1 - EPSILON : p;
  return Math.SQRT2 * inverseErf(2 * q - 1);
}
