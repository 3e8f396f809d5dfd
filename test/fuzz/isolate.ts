/**
 * Runs fuzz cases in a worker thread, one after another, with a time limit per case: a case
 * that hangs (synchronous code cannot be interrupted in its own thread) or exhausts the worker's
 * heap is recorded as a failure, the worker is replaced and the run goes on with the next case.
 */
import { Worker } from 'node:worker_threads';
import { addReport, emptySummary, formatSummary, type CaseReport, type FuzzSummary } from './check-case.js';
import type { FuzzKind } from './mutate.js';

/** Cases 0 … count − 1 of one kind and seed. */
export interface FuzzPlan {
  kind: FuzzKind;
  seed: number;
  count: number;
}

interface Position {
  plan: number;
  index: number;
}

/**
 * Runs every plan and returns one summary per plan. `limitMs` is how long one case may run
 * before it counts as a hang (cases normally take milliseconds).
 */
export async function runIsolated(plans: FuzzPlan[], limitMs = 10_000): Promise<FuzzSummary[]> {
  const summaries = plans.map(() => emptySummary());
  const start = performance.now();
  let from: Position = { plan: 0, index: 0 };
  while (from.plan < plans.length) from = await runWorker(plans, from, summaries, limitMs);
  const ms = performance.now() - start;
  for (const s of summaries) s.wallMs = ms;
  return summaries;
}

/** Runs cases from `from` until the end or a case fails the worker; returns where to resume. */
function runWorker(plans: FuzzPlan[], from: Position, summaries: FuzzSummary[], limitMs: number): Promise<Position> {
  const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
    workerData: { plans, plan: from.plan, index: from.index },
    resourceLimits: { maxOldGenerationSizeMb: 1536 },
  });
  return new Promise((resolve, reject) => {
    let current: (Position & { mutations: string[] }) | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const after = (p: Position): Position => (p.index + 1 < plans[p.plan].count ? { plan: p.plan, index: p.index + 1 } : { plan: p.plan + 1, index: 0 });
    const finish = (next: Position) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(next);
    };
    const fail = (failure: string, detail: string) => {
      if (settled) return;
      if (!current) return void reject(new Error(`fuzz worker failed before its first case: ${detail}`));
      const p = plans[current.plan];
      const report: CaseReport = { id: `${p.kind}/${p.seed}/${current.index}`, mutations: current.mutations, failure, detail, ms: limitMs };
      addReport(summaries[current.plan], report);
      finish(after(current));
    };
    worker.on('message', (m: { type: 'start' | 'report' | 'done'; plan: number; index: number; mutations: string[]; report: CaseReport }) => {
      if (m.type === 'start') {
        current = { plan: m.plan, index: m.index, mutations: m.mutations };
        clearTimeout(timer);
        timer = setTimeout(() => fail(`hang: a case ran for more than ${limitMs / 1000} s`, `stopped after ${limitMs} ms: ${m.mutations.join('; ')}`), limitMs);
      } else if (m.type === 'report') {
        addReport(summaries[m.plan], m.report);
      } else {
        finish({ plan: plans.length, index: 0 });
      }
    });
    worker.on('error', (e: Error & { code?: string }) => fail(`the worker died: ${e.code ?? e.name}`, e.message.slice(0, 300)));
    worker.on('exit', (code) => fail(`the worker exited (code ${code})`, `exit code ${code}`));
  });
}

/** One plan per kind at one seed. */
export function plansFor(seed: number, counts: Record<FuzzPlan['kind'], number>): FuzzPlan[] {
  return (Object.entries(counts) as Array<[FuzzPlan['kind'], number]>).map(([kind, count]) => ({ kind, seed, count }));
}

/** Runs the plans in isolation and prints each one's summary. */
export async function runPrinted(plans: FuzzPlan[]): Promise<FuzzSummary[]> {
  const summaries = await runIsolated(plans);
  plans.forEach((p, i) => console.log(formatSummary(`fuzz ${p.kind}`, summaries[i])));
  return summaries;
}
