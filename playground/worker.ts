/**
 * The Web Worker that runs the engine, so the page never freezes: `compare` (or `fit`) in one
 * thread, as Node runs it with `workers: 1`. After each finished replicate (every strategy's run of it) it
 * sends `summarise` of the runs so far, with compare's own settings (`summaryOptions`): the live
 * numbers are what compare would give for that many replicates, and the final ones are compare's
 * result itself. A fit reports each ABC-SMC generation, then its result. Stopping is the page terminating this worker.
 * @module
 */
import { fit } from '../src/calibrate/fit.js';
import { compare, labelStrategies, summarise, summaryOptions } from '../src/experiment/compare.js';
import type { RunOutput } from '../src/experiment/run.js';
import { toRows } from '../src/engine/tidy.js';
import { CSV_HEADER, csvLines } from '../src/io/sink.js';
import { resolveScenario } from '../src/scenario/resolve.js';
import type { RunRequest } from './state.js';
import { fitOptions, type FitRequest } from './fit-request.js';
import type { RunMessage, WorkerMessage } from './protocol.js';

/** The worker's global scope, as far as this file uses it (the DOM library types `self` as a window). */
const scope = self as unknown as { onmessage: ((e: MessageEvent<RunMessage>) => void) | null; postMessage(m: WorkerMessage): void };
const send = (m: WorkerMessage) => scope.postMessage(m);

async function run({ scenario, strategies, replicates }: RunRequest): Promise<void> {
  const labels = labelStrategies(strategies).map((s) => s.label);
  const opts = summaryOptions(resolveScenario(scenario), {});
  const runs: RunOutput[] = [];
  const result = await compare({
    scenario, strategies, replicates, workers: 1, keepRuns: true,
    onProgress: (runsDone, runsTotal) => send({ type: 'progress', runsDone, runsTotal }),
    onRun: (r) => {
      runs.push(r);
      // Runs arrive in order, replicate by replicate: a replicate is done with its last strategy.
      if (runs.length % labels.length === 0 && runs.length < replicates * labels.length) {
        send({ type: 'partial', result: summarise(runs, labels, opts), replicatesDone: runs.length / labels.length });
      }
    },
  });
  const { runs: kept = [], ...final } = result;
  const csv = CSV_HEADER + kept.map((r) => csvLines(toRows(r, r.id))).join('');
  send({ type: 'done', result: final, csv });
}

async function fitExport(request: FitRequest): Promise<void> {
  const result = await fit({ ...fitOptions(request), onGeneration: (report) => send({ type: 'fit-generation', report }) });
  send({ type: 'fit-done', result });
}

scope.onmessage = (e) => {
  const m = e.data;
  (m.type === 'fit' ? fitExport(m.request) : run(m.request)).catch((err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
};
