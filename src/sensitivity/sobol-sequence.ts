/**
 * The Sobol low-discrepancy sequence (Sobol 1967), 32-bit, in the Gray-code order of Antonov &
 * Saleev as in Bratley & Fox's Algorithm 659 (1988), with Joe & Kuo's (2008) direction numbers
 * ({@link joeKuoRow}). Unscrambled: the same points as `scipy.stats.qmc.Sobol(d,
 * scramble=False)`, including its first point, the origin.
 *
 * Point k (k = 0, 1, …) in dimension d is the xor of the direction numbers v_(j+1) for the bits j
 * set in gray(k) = k xor ⌊k/2⌋, divided by 2^32. Consecutive Gray codes differ in one bit, the
 * lowest set bit of k + 1, so each point costs one xor per dimension.
 * @module
 */
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import { JOE_KUO_DIMENSIONS, joeKuoRow } from './joe-kuo.js';

/** How many dimensions {@link sobolSequence} can give. */
export const SOBOL_MAX_DIMS = JOE_KUO_DIMENSIONS;

/** Points are 32-bit fractions, so the sequence has 2^32 of them before it repeats. */
const BITS = 32;
const TWO_POW_32 = 2 ** 32;
/** Output cap: 2^28 doubles (2 GiB); larger designs are generated in blocks with `skip`. */
const MAX_NUMBERS = 2 ** 28;

/**
 * The 32 direction numbers v_1 … v_32 of a dimension (1-based), each a 32-bit fraction's
 * numerator: v_j = m_j · 2^(32−j), with m_j beyond the table's s from the polynomial's recurrence
 * m_j = 2a_1 m_(j−1) ⊕ 4a_2 m_(j−2) ⊕ … ⊕ 2^s m_(j−s) ⊕ m_(j−s) (Bratley & Fox, eq. 2).
 */
function directionNumbers(d: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (d === 1) {
    // van der Corput: every m_j = 1.
    for (let j = 0; j < BITS; j++) v[j] = 2 ** (BITS - 1 - j);
    return v;
  }
  const { s, a, m } = joeKuoRow(d);
  for (let j = 0; j < BITS; j++) {
    if (j < s) {
      v[j] = m[j] * 2 ** (BITS - 1 - j);
      continue;
    }
    // The recurrence in terms of v: v_j ⊕= v_(j−s) ≫ s carries the 2^s m_(j−s) ⊕ m_(j−s) terms.
    let x = v[j - s] ^ (v[j - s] >>> s);
    for (let q = 1; q < s; q++) if ((a >>> (s - 1 - q)) & 1) x ^= v[j - q];
    v[j] = x;
  }
  return v;
}

function isWhole(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x);
}

/** Problems with sobolSequence's arguments (each names the argument, its value and what is allowed). */
function sequenceProblems(n: unknown, dims: unknown, skip: unknown): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  if (!isWhole(dims) || dims < 1 || dims > SOBOL_MAX_DIMS) {
    problems.push({ path: 'dims', value: dims, allowed: `must be a whole number from 1 to ${SOBOL_MAX_DIMS} (the dimensions of the embedded Joe–Kuo table)` });
  }
  if (!isWhole(n) || n < 0) problems.push({ path: 'n', value: n, allowed: 'must be a whole number of points, 0 or more' });
  if (!isWhole(skip) || skip < 0) problems.push({ path: 'skip', value: skip, allowed: 'must be a whole number of points to skip, 0 or more' });
  if (problems.length) return problems;
  const [nn, dd, ss] = [n as number, dims as number, skip as number];
  if (ss + nn > TWO_POW_32) {
    problems.push({ path: 'n', value: nn, allowed: `with skip ${ss}, must end within the sequence's 2^32 points (n ≤ ${TWO_POW_32 - ss})` });
  } else if (nn * dd > MAX_NUMBERS) {
    problems.push({ path: 'n', value: nn, allowed: `× dims ${dd} must be at most ${MAX_NUMBERS} numbers (2 GiB): generate the points in blocks, moving skip on by n each time` });
  }
  return problems;
}

/**
 * Points `skip` … `skip + n − 1` of the `dims`-dimensional Sobol sequence, row-major
 * (`out[i · dims + d]` is coordinate d of point skip + i), each coordinate in [0, 1).
 *
 * The first point (index 0) is the origin and is included unless `skip` says otherwise: that is
 * scipy's convention and keeps the first 2^m points a (t, m, s)-net (balanced); SALib's older
 * Saltelli sampler skipped it (Owen 2020, "On dropping the first Sobol' point", argues against
 * skipping). Use `skip = 1` when a transform cannot take 0 (e.g. an inverse normal CDF). Blocks
 * `skip = b · 2^m, n = 2^m` are nets too, so a long design can be generated in such blocks.
 *
 * @throws {@link ScenarioError} when dims is not 1 … {@link SOBOL_MAX_DIMS}, n or skip is not a
 *   whole number ≥ 0, the points run past 2^32, or the output would exceed 2^28 numbers.
 * @example
 * sobolSequence(4, 2); // Float64Array [0, 0,  0.5, 0.5,  0.75, 0.25,  0.25, 0.75]
 */
export function sobolSequence(n: number, dims: number, skip = 0): Float64Array {
  const problems = sequenceProblems(n, dims, skip);
  if (problems.length) throw new ScenarioError(problems);
  const v = new Uint32Array(dims * BITS);
  for (let d = 0; d < dims; d++) v.set(directionNumbers(d + 1), d * BITS);

  // Start from point `skip` directly: the xor of the direction numbers of gray(skip)'s bits.
  const x = new Uint32Array(dims);
  const gray = skip ^ Math.floor(skip / 2); // skip < 2^32, and ^ reads it as 32 bits
  for (let j = 0; j < BITS; j++) {
    if ((gray >>> j) & 1) for (let d = 0; d < dims; d++) x[d] ^= v[d * BITS + j];
  }

  const out = new Float64Array(n * dims);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < dims; d++) out[i * dims + d] = x[d] / TWO_POW_32;
    const next = skip + i + 1;
    if (next >= TWO_POW_32) break; // the last point of the sequence: nothing follows
    // Gray code of `next` flips the bit at its lowest set bit.
    const j = 31 - Math.clz32(next & -next);
    for (let d = 0; d < dims; d++) x[d] ^= v[d * BITS + j];
  }
  return out;
}
