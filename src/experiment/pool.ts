/**
 * Executes run specs on 1 … W workers. Each run is a pure function of its spec, and results
 * are delivered in spec order, so output is identical for any worker count or batching.
 *
 * With W workers, this thread is one of them and W − 1 worker threads are the others: each
 * new thread pays a start-up and a JIT warm-up (about a second of CPU over its first runs,
 * much of it background compilation that competes with the other workers for the cores),
 * which this thread, usually warm already, does not pay again. While this thread executes a
 * run it cannot hand out work, so each worker thread then holds one queued run behind its
 * running one and never waits for this thread to finish.
 * @module
 */
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { RunOutput, RunSpec } from './run.js';
import runTask, { loadModules } from './worker.js';

/** Options of {@link runAll}. */
export interface RunAllOptions {
  /** Runs executing at once: this thread plus `workers − 1` worker threads (default 1). */
  workers?: number;
  /** Modules to import first in every worker (user strategies, rankers, freshness curves). */
  modules?: string[];
  keepPosts?: boolean;
  /** Called as each run finishes, in spec order. */
  onResult?: (r: RunOutput, index: number) => void | Promise<void>;
  /**
   * Stop early (e.g. on SIGINT): runs not yet started are skipped; runs in progress finish and,
   * like every run already finished, are passed to `onResult` (in spec order, with gaps).
   */
  signal?: AbortSignal;
}

/** Module paths as file URLs: an existing file (relative to the working directory) or a package name. */
export function moduleUrls(modules: string[] = []): string[] {
  return modules.map((m) => {
    if (m.startsWith('file:') || m.startsWith('node:')) return m;
    const path = isAbsolute(m) ? m : resolve(m);
    return existsSync(path) ? pathToFileURL(path).href : m;
  });
}

/** True for a module that loads tsx (`tsx`, `tsx/esm`, or the paths the `tsx` command passes). */
const isTsx = (m: string) => /^tsx(\/|$)|[\\/]tsx[\\/]/.test(m);

/** Flags that load modules into each thread, and take a value. */
const MODULE_FLAG = /^(--import|--require|-r|--loader|--experimental-loader|--conditions|-C)$/;
const MODULE_FLAG_EQ = /^--(import|require|loader|experimental-loader|conditions)=(.*)$/;

/**
 * Node flags for worker threads: `undefined` (inherit this process's) unless tsx's hooks are
 * among them. Under tsx, piscina's `require()` of the worker would succeed through tsx's
 * CommonJS transform, whose getter-based imports slow the hot loop; without them it imports the
 * ES module natively, and TypeScript modules register tsx in the worker themselves (see
 * `worker.ts`). An explicit list may hold only per-thread flags (Node refuses V8 and
 * process-wide ones, which apply to every thread anyway), so it keeps the other module flags
 * and source maps.
 */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] | undefined {
  const out: string[] = [];
  let sawTsx = false;
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i];
    if (MODULE_FLAG.test(a) && i + 1 < execArgv.length) {
      const value = execArgv[++i];
      if (isTsx(value)) sawTsx = true;
      else out.push(a, value);
      continue;
    }
    const eq = MODULE_FLAG_EQ.exec(a);
    if (eq && isTsx(eq[2])) sawTsx = true;
    else if (eq || a === '--enable-source-maps') out.push(a);
  }
  return sawTsx ? out : undefined;
}

type Outcome = { ok: true; value: RunOutput } | { ok: false; error: unknown };

/** Lets pending messages (finished runs of worker threads) in between two runs of this thread. */
const yieldToEvents = () => new Promise<void>((done) => setImmediate(done));

/** Runs every spec and returns the outputs in spec order. */
export async function runAll(specs: RunSpec[], options: RunAllOptions = {}): Promise<RunOutput[]> {
  const workers = Math.max(1, Math.floor(options.workers ?? 1));
  const modules = moduleUrls(options.modules);
  const keepPosts = options.keepPosts ?? false;
  const signal = options.signal;
  const out: RunOutput[] = new Array(specs.length);
  await loadModules(modules);
  if (workers === 1 || specs.length <= 1) {
    for (let i = 0; i < specs.length; i++) {
      // A turn of the event loop between runs lets a Ctrl-C handler run and abort.
      if (signal) await yieldToEvents();
      if (signal?.aborted) break;
      out[i] = await runTask({ spec: specs[i], modules, keepPosts });
      await options.onResult?.(out[i], i);
    }
    return out;
  }
  const { Piscina } = await import('piscina');
  const here = import.meta.url;
  // From the TypeScript sources the worker needs tsx registered in its thread first.
  const fromSource = here.endsWith('.ts');
  const threads = Math.min(workers, specs.length) - 1;
  const pool = new Piscina({
    filename: new URL(fromSource ? './tsx-worker.mjs' : './worker.js', here).href,
    minThreads: threads,
    maxThreads: threads,
    execArgv: workerExecArgv(),
    idleTimeout: 1000,
    // One running and one queued task per thread (runs are synchronous, so they never overlap).
    concurrentTasksPerWorker: 2,
  });
  // Runs are assigned in spec order, at most `window` ahead of the next one to deliver (memory
  // stays flat); finished runs wait in `done` until every earlier one is delivered.
  const window = 2 * workers;
  const done: Array<Outcome | undefined> = [];
  const pending: Array<Promise<void> | undefined> = [];
  let inPool = 0;
  let next = 0;
  let delivered = 0;
  const submit = (i: number) => {
    inPool++;
    // No abort signal for piscina: a run in progress is finished and kept, not thrown away.
    pending[i] = (pool.run({ spec: specs[i], modules, keepPosts }) as Promise<RunOutput>).then(
      (value) => {
        done[i] = { ok: true, value };
      },
      (error) => {
        done[i] = { ok: false, error };
      },
    ).finally(() => {
      inPool--;
    });
  };
  const open = () => !signal?.aborted && next < specs.length && next < delivered + window;
  try {
    while (delivered < specs.length && !signal?.aborted) {
      while (inPool < threads && open()) submit(next++);
      const head = done[delivered];
      if (head !== undefined) {
        done[delivered] = undefined; // release the result
        pending[delivered] = undefined;
        if (!head.ok) throw head.error;
        out[delivered] = head.value;
        await options.onResult?.(head.value, delivered);
        delivered++;
      } else if (open()) {
        const i = next++;
        // Queue one more run per thread only once this thread has its own (scarce work is shared).
        while (inPool < 2 * threads && open()) submit(next++);
        try {
          done[i] = { ok: true, value: await runTask({ spec: specs[i], modules, keepPosts }) };
        } catch (error) {
          done[i] = { ok: false, error };
        }
        await yieldToEvents();
      } else {
        await pending[delivered];
      }
    }
    if (signal?.aborted) {
      // Interrupted: let the runs in progress finish, then deliver every finished run.
      await Promise.all(pending.slice(delivered));
      for (let i = delivered; i < next; i++) {
        const d = done[i];
        if (!d?.ok) continue;
        out[i] = d.value;
        await options.onResult?.(d.value, i);
      }
    }
  } finally {
    await pool.destroy();
  }
  return out;
}
