/**
 * Saltelli's design for first-order and total Sobol indices (Saltelli 2002; Saltelli et al.
 * 2010): two independent base matrices A and B (N rows, k factors) from one 2k-dimensional Sobol
 * sequence, and for each factor i the matrix AB_i, A with column i taken from B. N(k + 2) model
 * runs give every S_i and S_Ti ({@link sobolIndices}).
 *
 * The row order is the contract with whoever runs the model (see {@link saltelliSample}); it is
 * SALib's order for `calc_second_order=False`, so either side can be checked against SALib.
 * @module
 */
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import { SOBOL_MAX_DIMS, sobolSequence } from './sobol-sequence.js';

/** The most factors a Saltelli design can have: it needs two Sobol dimensions a factor. */
export const SALTELLI_MAX_FACTORS = Math.floor(SOBOL_MAX_DIMS / 2);

/** Options of {@link saltelliSample}. */
export interface SaltelliOptions {
  /**
   * Sobol points to skip before the first base row (default 0: the first base row is the
   * origin, and with N a power of two A and B are balanced nets). Base row j is Sobol point
   * skip + j.
   */
  skip?: number;
}

/** The outputs of one Saltelli design, split by matrix (each of length N). */
export interface SaltelliOutputs {
  a: Float64Array;
  b: Float64Array;
  /** `ab[i]`: the outputs of AB_i, A with factor i from B. */
  ab: Float64Array[];
}

function isWhole(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x);
}

/** Problems with a design's factor count k and base size N (shared by sampling and analysis). */
export function saltelliSizeProblems(k: unknown, N: unknown, minN = 1): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  if (!isWhole(k) || k < 1 || k > SALTELLI_MAX_FACTORS) {
    problems.push({ path: 'k', value: k, allowed: `must be a whole number of factors from 1 to ${SALTELLI_MAX_FACTORS} (two Sobol dimensions each, of ${SOBOL_MAX_DIMS})` });
  }
  if (!isWhole(N) || N < minN) {
    problems.push({ path: 'N', value: N, allowed: `must be a whole number of base rows, ${minN} or more (a power of two, e.g. 1024, keeps the design balanced)` });
  }
  return problems;
}

/** Rows of a Saltelli design: N(k + 2). */
export function saltelliRows(k: number, N: number): number {
  return N * (k + 2);
}

/**
 * Saltelli's design in the unit cube: N(k + 2) rows of k coordinates in [0, 1), row-major
 * (`out[r · k + i]` is factor i of row r). Map each column to its factor's range or distribution
 * before running the model.
 *
 * Row order, for base row j = 0 … N − 1 (Sobol point p = skip + j; A_j its coordinates 0 … k − 1,
 * B_j its coordinates k … 2k − 1):
 * - row (k + 2)·j is A_j;
 * - row (k + 2)·j + 1 + i, for i = 0 … k − 1, is AB_i,j: A_j with coordinate i from B_j;
 * - row (k + 2)·j + k + 1 is B_j.
 *
 * So the design is N blocks of k + 2 rows, one block a base row: the first m blocks are
 * themselves a design of base size m (a run cut short can still be analysed).
 *
 * @throws {@link ScenarioError} when k or N is out of range, or skip is not a whole number ≥ 0.
 * @example
 * const x = saltelliSample(3, 1024); // 5120 rows × 3 factors
 * // y[r] = model(x.subarray(3 * r, 3 * r + 3)) for each row r, then sobolIndices(y, 3, 1024)
 */
export function saltelliSample(k: number, N: number, options: SaltelliOptions = {}): Float64Array {
  const problems = saltelliSizeProblems(k, N);
  if (problems.length) throw new ScenarioError(problems);
  const skip = options.skip ?? 0;
  const base = sobolSequence(N, 2 * k, skip);
  const block = k + 2;
  const out = new Float64Array(saltelliRows(k, N) * k);
  for (let j = 0; j < N; j++) {
    const a = base.subarray(2 * k * j, 2 * k * j + k);
    const b = base.subarray(2 * k * j + k, 2 * k * (j + 1));
    const first = block * j * k;
    out.set(a, first);
    for (let i = 0; i < k; i++) {
      const row = first + (1 + i) * k;
      out.set(a, row);
      out[row + i] = b[i];
    }
    out.set(b, first + (k + 1) * k);
  }
  return out;
}

/**
 * Splits a design's outputs `y` (one per row, in {@link saltelliSample}'s order) into the
 * outputs of A, B and each AB_i.
 * @throws {@link ScenarioError} when `y` does not have N(k + 2) values.
 */
export function saltelliOutputs(y: ArrayLike<number>, k: number, N: number): SaltelliOutputs {
  const rows = saltelliRows(k, N);
  if (y.length !== rows) {
    throw new ScenarioError([{ path: 'y', value: `${y.length} outputs`, allowed: `must have one output per design row: N(k + 2) = ${N}·${k + 2} = ${rows}` }]);
  }
  const block = k + 2;
  const a = new Float64Array(N);
  const b = new Float64Array(N);
  const ab = Array.from({ length: k }, () => new Float64Array(N));
  for (let j = 0; j < N; j++) {
    a[j] = y[block * j];
    for (let i = 0; i < k; i++) ab[i][j] = y[block * j + 1 + i];
    b[j] = y[block * j + k + 1];
  }
  return { a, b, ab };
}
