/**
 * Messages between the page and the worker that runs the engine. The page sends one request per
 * worker; the worker answers with progress, a summary after every finished replicate (what
 * `compare` gives for that many replicates), then compare's own result, or an error.
 * @module
 */
import type { CompareResult } from '../src/experiment/compare.js';
import type { RunRequest } from './state.js';

/** Page → worker. */
export interface RunMessage {
  type: 'run';
  request: RunRequest;
}

/** Worker → page. */
export type WorkerMessage =
  | { type: 'progress'; runsDone: number; runsTotal: number }
  | { type: 'partial'; result: CompareResult; replicatesDone: number }
  | { type: 'done'; result: CompareResult; csv: string }
  | { type: 'error'; message: string };
