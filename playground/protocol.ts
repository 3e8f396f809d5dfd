/**
 * Messages between the page and the worker that runs the engine. The page sends one request per
 * worker: a comparison (answered with progress, a summary after every finished replicate — what
 * `compare` gives for that many replicates — then compare's own result) or a fit of an uploaded
 * export (answered with a report per ABC-SMC generation, then the fit's result); or an error.
 * @module
 */
import type { GenerationReport } from '../src/calibrate/abc-options.js';
import type { FitResult } from '../src/calibrate/fit.js';
import type { CompareResult } from '../src/experiment/compare.js';
import type { FitRequest } from './fit-request.js';
import type { RunRequest } from './state.js';

/** Page → worker. */
export type RunMessage = { type: 'run'; request: RunRequest } | { type: 'fit'; request: FitRequest };

/** Worker → page. */
export type WorkerMessage =
  | { type: 'progress'; runsDone: number; runsTotal: number }
  | { type: 'partial'; result: CompareResult; replicatesDone: number }
  | { type: 'done'; result: CompareResult; csv: string }
  | { type: 'fit-generation'; report: GenerationReport }
  | { type: 'fit-done'; result: FitResult }
  | { type: 'error'; message: string };
