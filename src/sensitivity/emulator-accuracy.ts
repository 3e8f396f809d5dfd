/**
 * Is the emulator good enough to compute sensitivity indices on? Judged on runs it was not
 * trained on: Q² (the share of the held-out outputs' variance its mean predicts) and how often its
 * 95 % predictive intervals contain the held-out outputs.
 * @module
 */
import { createXor128, nextFloat, seedXor128 } from '../rng.js';
import { ScenarioError } from '../scenario/errors.js';
import { fitGaussianProcess, type GaussianProcess, type GaussianProcessOptions } from './gaussian-process.js';

/**
 * The held-out Q² from which an emulator's Sobol indices are trusted: below it more than a tenth
 * of the output's variance is emulator error, as large as the small indices being estimated.
 */
export const TRUSTED_Q2 = 0.9;

/** z of a central 95 % normal interval. */
const Z95 = 1.959963984540054;

/** Accuracy of an emulator on held-out runs. */
export interface EmulatorAccuracy {
  /** 1 − Σ(y − ŷ)² / Σ(y − ȳ)² over the held-out runs: 1 is perfect, 0 is no better than their mean. */
  q2: number;
  /** Share of held-out outputs inside mean ± 1.96·√(variance + noise variance); about 0.95 if calibrated. */
  coverage: number;
  /** Held-out runs scored. */
  points: number;
}

/**
 * Scores `emulator` on runs it was not trained on: inputs `x` (row-major m×d, in [0, 1]) and
 * outputs `y` (m of them, not all equal).
 * @example
 * ```ts
 * const gp = fitGaussianProcess(xTrain, yTrain, { seed: 1 });
 * const { q2, coverage } = heldOutAccuracy(gp, xTest, yTest);
 * ```
 */
export function heldOutAccuracy(emulator: GaussianProcess, x: ArrayLike<number>, y: ArrayLike<number>): EmulatorAccuracy {
  const m = y?.length;
  if (!(typeof m === 'number' && m >= 2)) throw new ScenarioError([{ path: 'y', value: y, allowed: 'must be an array of at least 2 held-out outputs' }]);
  if (x?.length !== m * emulator.dimensions) {
    throw new ScenarioError([{ path: 'x', value: `length ${x?.length}`, allowed: `must hold ${m}×${emulator.dimensions} numbers: one row of ${emulator.dimensions} factors for each of the ${m} outputs of y` }]);
  }
  for (let i = 0; i < m; i++) if (!Number.isFinite(y[i])) throw new ScenarioError([{ path: `y[${i}]`, value: y[i], allowed: 'must be a finite number' }]);
  const { mean, variance } = emulator.predict(x);
  let yBar = 0;
  for (let i = 0; i < m; i++) yBar += y[i];
  yBar /= m;
  let residual = 0;
  let total = 0;
  let inside = 0;
  for (let i = 0; i < m; i++) {
    const e = y[i] - mean[i];
    residual += e * e;
    total += (y[i] - yBar) ** 2;
    // A held-out run is a new draw: its interval includes the noise, not just the mean's uncertainty.
    if (Math.abs(e) <= Z95 * Math.sqrt(variance[i] + emulator.noiseVariance)) inside++;
  }
  if (!(total > 0)) throw new ScenarioError([{ path: 'y', value: y[0], allowed: 'must not be the same value for every held-out run: Q² is undefined' }]);
  return { q2: 1 - residual / total, coverage: inside / m, points: m };
}

/** Options of {@link splitAccuracy}: the fit's, plus the share of runs held out. */
export interface SplitAccuracyOptions extends GaussianProcessOptions {
  /** Share of the runs held out of the fit (default 0.2). */
  testFraction?: number;
}

/**
 * Holds a seeded random `testFraction` of the runs out, fits an emulator on the rest and scores
 * it on them. For the emulator to use afterwards, fit again on all runs: it is at least as good.
 * @example
 * ```ts
 * const accuracy = splitAccuracy(x, y, { seed: 1, testFraction: 0.25 });
 * if (!emulatorTrust(accuracy).trusted) console.warn(emulatorTrust(accuracy).reason);
 * ```
 */
export function splitAccuracy(x: ArrayLike<number>, y: ArrayLike<number>, options: SplitAccuracyOptions = {}): EmulatorAccuracy & { emulator: GaussianProcess } {
  const { testFraction = 0.2, ...fit } = options ?? {};
  const n = y?.length;
  if (!(typeof n === 'number' && n > 0 && x?.length > 0 && x.length % n === 0)) {
    throw new ScenarioError([{ path: 'x', value: `length ${x?.length}`, allowed: `must be a row-major array of n×d numbers for the n = ${n} outputs of y` }]);
  }
  const d = x.length / n;
  const held = Math.round(n * testFraction);
  if (!(testFraction > 0 && testFraction < 1 && held >= 2 && n - held >= d + 4)) {
    throw new ScenarioError([{ path: 'options.testFraction', value: testFraction, allowed: `must be in (0, 1) and leave at least 2 runs held out and d + 4 = ${d + 4} to fit, of the ${n} runs` }]);
  }
  // Seeded shuffle (Fisher–Yates): the first `held` runs are held out.
  const order = Array.from({ length: n }, (_, i) => i);
  const rng = seedXor128(createXor128(), `${fit.seed ?? 1}/split`);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(nextFloat(rng) * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const pick = (rows: number[]) => {
    const px = new Float64Array(rows.length * d);
    const py = new Float64Array(rows.length);
    rows.forEach((r, i) => {
      for (let k = 0; k < d; k++) px[i * d + k] = x[r * d + k];
      py[i] = y[r];
    });
    return { px, py };
  };
  const test = pick(order.slice(0, held));
  const train = pick(order.slice(held));
  const emulator = fitGaussianProcess(train.px, train.py, fit);
  return { ...heldOutAccuracy(emulator, test.px, test.py), emulator };
}

/**
 * Whether sensitivity indices computed on the emulator are to be trusted: held-out Q² of at least
 * {@link TRUSTED_Q2}. The reason says why, in words, and flags intervals that are badly calibrated
 * (coverage below 0.8 or above 0.995), which matter if the emulator's variance is used.
 * @example
 * ```ts
 * emulatorTrust({ q2: 0.95, coverage: 0.93, points: 100 }).trusted; // true
 * ```
 */
export function emulatorTrust(accuracy: EmulatorAccuracy): { trusted: boolean; reason: string } {
  const { q2, coverage, points } = accuracy;
  const trusted = q2 >= TRUSTED_Q2;
  const q = `held-out Q² = ${q2.toFixed(3)} on ${points} runs`;
  const calibration = coverage < 0.8 ? `; its 95 % intervals are too narrow (coverage ${coverage.toFixed(2)})` : coverage > 0.995 ? `; its 95 % intervals are too wide (coverage ${coverage.toFixed(3)})` : '';
  const reason = trusted
    ? `${q} ≥ ${TRUSTED_Q2}: the emulator explains enough of the output for its indices${calibration}`
    : `${q} < ${TRUSTED_Q2}: the emulator misses over a tenth of the output's variance; add runs (about 10 per factor at least), or check the output for outliers${calibration}`;
  return { trusted, reason };
}
