/**
 * Sobol indices from an emulator: a Gaussian process fitted to a Saltelli design's outputs stands
 * in for the simulation, so the indices can be estimated on a sample far larger than the runs
 * afforded. Its held-out accuracy decides whether to believe it: with Q² below 0.9 the direct
 * estimates of the same runs are returned instead, and the report says so.
 * @module
 */
import { emulatorTrust, splitAccuracy } from './emulator-accuracy.js';
import { fitGaussianProcess } from './gaussian-process.js';
import { saltelliSample } from './saltelli.js';
import { sobolIndices, type SobolIndices } from './sobol-indices.js';

/** How far the emulator is to be trusted, always reported beside its indices. */
export interface EmulatorReport {
  /** Held-out Q² (1 − residual / total sum of squares) on the runs held out of a first fit. */
  q2: number;
  /** Share of held-out runs inside the emulator's 95 % predictive intervals (noise included). */
  coverage: number;
  /** Q² ≥ 0.9: the indices are the emulator's; otherwise they are the direct estimates. */
  trusted: boolean;
  reason: string;
  /** Runs held out to measure it, and runs the final emulator was fitted to. */
  heldOut: number;
  trainingPoints: number;
  /** Length scale per factor (unit-cube units; ≫ 1 means the factor barely matters). */
  lengthScales: number[];
  /** Base size of the Saltelli sample the indices were estimated on (the emulator's, when trusted). */
  samples: number;
}

/** Base size of the Saltelli sample evaluated on a trusted emulator. */
export const EMULATED_SAMPLES = 4096;

/**
 * Indices of one output of a Saltelli design (`rows`, k factors, base size N) estimated on an
 * emulator of it, or directly when the emulator's held-out Q² is below 0.9.
 */
export function emulatedSobol(rows: Float64Array, y: Float64Array, k: number, N: number, o: { seed?: number | string; samples?: number } = {}): { indices: SobolIndices; report: EmulatorReport } {
  const seed = o.seed ?? 1;
  if (y.every((v) => v === y[0])) {
    // Nothing varies, so there is nothing to emulate or apportion (the indices say `constant`).
    const report = { q2: NaN, coverage: NaN, trusted: false, reason: 'the output is the same at every design point: there is no variance to apportion', heldOut: 0, trainingPoints: 0, lengthScales: [], samples: N };
    return { indices: sobolIndices(y, k, N, { seed }), report };
  }
  const accuracy = splitAccuracy(rows, y, { seed });
  const trust = emulatorTrust(accuracy);
  const base = { q2: accuracy.q2, coverage: accuracy.coverage, trusted: trust.trusted, reason: trust.reason, heldOut: accuracy.points };
  if (!trust.trusted) {
    const lengthScales = Array.from(accuracy.emulator.lengthScales);
    return { indices: sobolIndices(y, k, N, { seed }), report: { ...base, trainingPoints: accuracy.emulator.points, lengthScales, samples: N } };
  }
  // The final emulator learns from every run; the sample it is evaluated on starts after the
  // design's Sobol points, so no emulated point repeats a simulated one.
  const emulator = fitGaussianProcess(rows, y, { seed });
  const samples = o.samples ?? EMULATED_SAMPLES;
  const x = saltelliSample(k, samples, { skip: N });
  const mean = emulator.predictMean(x);
  return { indices: sobolIndices(mean, k, samples, { seed }), report: { ...base, trainingPoints: emulator.points, lengthScales: Array.from(emulator.lengthScales), samples } };
}
