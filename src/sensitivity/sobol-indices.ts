/**
 * Variance-based sensitivity indices from a Saltelli design's outputs: first-order S_i by
 * Saltelli et al. (2010), total S_Ti by Jansen (1999), each with a seeded percentile-bootstrap
 * interval over the N base rows.
 *
 * With f_A, f_B, f_ABi the outputs of A, B and AB_i ({@link saltelliSample}) and V the variance of
 * f over A and B together (divisor 2N):
 * - S_i  = mean((f_B − m)·(f_ABi − f_A)) / V, m the mean of f over A and B;
 * - S_Ti = mean((f_A − f_ABi)²) / (2V).
 * Centring f_B on m does not change the estimator's expectation (mean(f_ABi − f_A) → 0) but makes
 * the estimate independent of the output's offset: without it an output of 1e6 ± 1 would drown
 * S_i in the noise of 1e6 · mean(f_ABi − f_A). SALib standardises its outputs for the same reason.
 * @module
 */
import { quantileSorted } from 'simple-statistics';
import { createXor128, nextFloat, seedXor128 } from '../rng.js';
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import { saltelliOutputs, saltelliSizeProblems, type SaltelliOutputs } from './saltelli.js';

/** One index: its estimate and percentile-bootstrap interval. */
export interface IndexEstimate {
  estimate: number;
  /** Lower end of the bootstrap interval (NaN with no resamples, or a constant output). */
  lower: number;
  /** Upper end of the bootstrap interval. */
  upper: number;
  /** Bootstrap standard error: the standard deviation of the resampled estimates. */
  se: number;
}

/** The indices of one factor. */
export interface FactorIndices {
  /** First-order index S_i: the share of V explained by factor i alone. */
  first: IndexEstimate;
  /** Total index S_Ti: the share of V that involves factor i, alone or in any interaction. */
  total: IndexEstimate;
}

/** What {@link sobolIndices} returns. */
export interface SobolIndices {
  /** Per factor, in the design's column order. */
  factors: FactorIndices[];
  /** V: the variance of the output over A and B (divisor 2N). */
  variance: number;
  /** The mean of the output over A and B. */
  mean: number;
  /**
   * True when every output of A and B is the same number (to rounding): V = 0 and the indices are undefined,
   * so every estimate, bound and standard error is NaN (nothing is thrown: a parameter that moves
   * nothing is a result, not an error).
   */
  constant: boolean;
  /** Base rows N. */
  N: number;
  /** Bootstrap resamples drawn. */
  resamples: number;
  /** Bootstrap resamples whose A and B outputs happened to be all equal (V = 0), left out of the intervals. */
  degenerateResamples: number;
  /** Confidence level of the intervals. */
  level: number;
}

/** Options of {@link sobolIndices}. */
export interface SobolIndicesOptions {
  /** Bootstrap resamples (default 1000; 0 skips the bootstrap: bounds and SEs are NaN). */
  resamples?: number;
  /** Confidence level of the percentile intervals (default 0.95). */
  level?: number;
  /** Seed of the bootstrap's resampling stream (default 1). */
  seed?: number | string;
}

/**
 * S_i and S_Ti of one (re)sample of base rows, into `out` as [S_1 … S_k, S_T1 … S_Tk]; returns V.
 * `rows` picks the base rows (with repetition, for the bootstrap); null means all of them.
 * Outputs are shifted by `shift` first, so that the one-pass sums are not sums of large numbers.
 */
function estimate(o: SaltelliOutputs, shift: number, rows: Int32Array | null, out: Float64Array): number {
  const { a, b, ab } = o;
  const n = a.length;
  const k = ab.length;
  let sa = 0;
  let sb = 0;
  let saa = 0;
  let sbb = 0;
  const sBd = new Float64Array(k); // Σ f_B · (f_ABi − f_A)
  const sD = new Float64Array(k); // Σ (f_ABi − f_A)
  const sDD = new Float64Array(k); // Σ (f_ABi − f_A)²
  for (let r = 0; r < n; r++) {
    const j = rows === null ? r : rows[r];
    const fa = a[j] - shift;
    const fb = b[j] - shift;
    sa += fa;
    sb += fb;
    saa += fa * fa;
    sbb += fb * fb;
    for (let i = 0; i < k; i++) {
      const d = ab[i][j] - a[j];
      sBd[i] += fb * d;
      sD[i] += d;
      sDD[i] += d * d;
    }
  }
  const m = (sa + sb) / (2 * n);
  const meanSquare = (saa + sbb) / (2 * n);
  // A variance below the rounding error of the mean square is zero: the outputs are all equal.
  const v = meanSquare - m * m > Number.EPSILON * meanSquare ? meanSquare - m * m : 0;
  for (let i = 0; i < k; i++) {
    // mean((f_B − m)(f_ABi − f_A)) = (Σ f_B d − m Σ d) / N
    out[i] = v > 0 ? (sBd[i] - m * sD[i]) / n / v : NaN;
    out[k + i] = v > 0 ? sDD[i] / (2 * n) / v : NaN;
  }
  return v;
}

/** Problems with sobolIndices' arguments. */
function indicesProblems(y: ArrayLike<number>, k: unknown, N: unknown, o: SobolIndicesOptions): ScenarioProblem[] {
  const problems = saltelliSizeProblems(k, N, 2);
  if (typeof (y as { length?: unknown } | null)?.length !== 'number') problems.push({ path: 'y', value: y, allowed: 'must be an array of outputs, one per design row' });
  const { resamples = 1000, level = 0.95, seed = 1 } = o;
  if (!Number.isInteger(resamples) || resamples < 0) problems.push({ path: 'resamples', value: resamples, allowed: 'must be a whole number of bootstrap resamples, 0 or more (e.g. 1000)' });
  if (typeof level !== 'number' || !(level > 0 && level < 1)) problems.push({ path: 'level', value: level, allowed: 'must be a confidence level strictly between 0 and 1, e.g. 0.95' });
  if (typeof seed !== 'string' && !(typeof seed === 'number' && Number.isFinite(seed))) problems.push({ path: 'seed', value: seed, allowed: 'must be a finite number or a string' });
  if (problems.length) return problems;
  // A failed run's NaN would silently poison every index: name the first one.
  const block = (k as number) + 2;
  for (let r = 0; r < y.length; r++) {
    if (!Number.isFinite(y[r])) {
      const j = Math.floor(r / block);
      const p = r % block;
      const matrix = p === 0 ? 'A' : p === block - 1 ? 'B' : `AB_${p - 1}`;
      problems.push({ path: `y[${r}]`, value: y[r], allowed: `must be a finite number (the output of ${matrix}, base row ${j}): rerun or drop the failed row's whole block of ${block}` });
      break;
    }
  }
  return problems;
}

const NAN_INDEX: IndexEstimate = { estimate: NaN, lower: NaN, upper: NaN, se: NaN };

/**
 * First-order and total Sobol indices, with bootstrap intervals, from the outputs `y` of a
 * Saltelli design of k factors and base size N (`y[r]` the output of row r of
 * {@link saltelliSample}(k, N)).
 *
 * Intervals: the N base rows (each with its k + 2 outputs) are resampled with replacement
 * `resamples` times from a seeded xor128 stream; V, S_i and S_Ti are recomputed on each resample
 * and the interval is the (1 − level)/2 and (1 + level)/2 percentiles; `se` is the standard
 * deviation of the resampled estimates. The bootstrap treats base rows as independent draws, so
 * for a Sobol (quasi-random) design the intervals are conservative.
 *
 * A constant output (V = 0) is not an error: the result has `constant: true` and NaN indices.
 *
 * @throws {@link ScenarioError} when k, N, resamples, level or seed is out of range, `y` does not
 *   have N(k + 2) values, or an output is not finite (naming its row).
 * @example
 * const k = 3, N = 4096;
 * const x = saltelliSample(k, N);
 * const y = new Float64Array(N * (k + 2)).map((_, r) => model(x.subarray(r * k, r * k + k)));
 * const { factors } = sobolIndices(y, k, N, { seed: 7 });
 * factors[0].total; // { estimate, lower, upper, se }
 */
export function sobolIndices(y: ArrayLike<number>, k: number, N: number, options: SobolIndicesOptions = {}): SobolIndices {
  const problems = indicesProblems(y, k, N, options);
  if (problems.length) throw new ScenarioError(problems);
  const { resamples = 1000, level = 0.95, seed = 1 } = options;
  const outputs = saltelliOutputs(y, k, N);
  const { a, b } = outputs;

  let sum = 0;
  let allEqual = true;
  for (let j = 0; j < N; j++) {
    sum += a[j] + b[j];
    if (a[j] !== a[0] || b[j] !== a[0]) allEqual = false;
  }
  const mean = allEqual ? a[0] : sum / (2 * N);
  const point = new Float64Array(2 * k);
  const variance = allEqual ? 0 : estimate(outputs, mean, null, point);
  if (variance === 0) {
    const factors = Array.from({ length: k }, () => ({ first: { ...NAN_INDEX }, total: { ...NAN_INDEX } }));
    return { factors, variance, mean, constant: true, N, resamples, degenerateResamples: 0, level };
  }

  // Replicates, index-major: reps[q · resamples + r] is index q (S_1 … S_k, S_T1 … S_Tk) of resample r.
  const reps = new Float64Array(2 * k * resamples);
  const rows = new Int32Array(N);
  const one = new Float64Array(2 * k);
  const rng = seedXor128(createXor128(), seed);
  let degenerate = 0;
  for (let r = 0; r < resamples; r++) {
    for (let j = 0; j < N; j++) rows[j] = Math.floor(nextFloat(rng) * N);
    if (estimate(outputs, mean, rows, one) === 0) degenerate++;
    for (let q = 0; q < 2 * k; q++) reps[q * resamples + r] = one[q];
  }

  const alpha = (1 - level) / 2;
  const summarise = (q: number): IndexEstimate => {
    // Resamples with V = 0 (possible only for outputs with few distinct values) give NaN: left out.
    const xs = reps.subarray(q * resamples, (q + 1) * resamples).filter((x) => !Number.isNaN(x)).sort();
    if (xs.length < 2) return { estimate: point[q], lower: NaN, upper: NaN, se: NaN };
    let m = 0;
    for (const x of xs) m += x;
    m /= xs.length;
    let ss = 0;
    for (const x of xs) ss += (x - m) ** 2;
    const sorted = Array.from(xs);
    return { estimate: point[q], lower: quantileSorted(sorted, alpha), upper: quantileSorted(sorted, 1 - alpha), se: Math.sqrt(ss / (xs.length - 1)) };
  };
  const factors = Array.from({ length: k }, (_, i) => ({ first: summarise(i), total: summarise(k + i) }));
  return { factors, variance, mean, constant: false, N, resamples, degenerateResamples: degenerate, level };
}
