/**
 * Executes run specs on 1 … W workers. Each run is a pure function of its spec, and results
 * are delivered in spec order, so output is identical for any worker count or batching.
 * With one worker, runs execute in this thread (no pool).
 * @module
 */
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { RunOutput, RunSpec } from './run.js';
import runTask, { loadModules } from './worker.js';

/** Options of {@link runAll}. */
export interface RunAllOptions {
  workers?: number;
  /** Modules to import first in every worker (user strategies, rankers, freshness curves). */
  modules?: string[];
  keepPosts?: boolean;
  /** Called as each run finishes, in spec order. */
  onResult?: (r: RunOutput, index: number) => void | Promise<void>;
  /** Stop early (e.g. on SIGINT): runs not yet started are skipped. */
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

/** Runs every spec and returns the outputs in spec order. */
export async function runAll(specs: RunSpec[], options: RunAllOptions = {}): Promise<RunOutput[]> {
  const workers = Math.max(1, Math.floor(options.workers ?? 1));
  const modules = moduleUrls(options.modules);
  const keepPosts = options.keepPosts ?? false;
  const out: RunOutput[] = new Array(specs.length);
  if (workers === 1 || specs.length <= 1) {
    await loadModules(modules);
    for (let i = 0; i < specs.length; i++) {
      // A macrotask turn between runs lets signal handlers (Ctrl-C) run and abort.
      if (options.signal) await new Promise((r) => setImmediate(r));
      if (options.signal?.aborted) break;
      out[i] = await runTask({ spec: specs[i], modules, keepPosts });
      await options.onResult?.(out[i], i);
    }
    return out;
  }
  const { Piscina } = await import('piscina');
  const here = import.meta.url;
  // From the TypeScript sources the worker needs tsx registered in its thread first.
  const fromSource = here.endsWith('.ts');
  const pool = new Piscina({
    filename: new URL(fromSource ? './tsx-worker.mjs' : './worker.js', here).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
  });
  // Tasks are submitted a few ahead of the one awaited next (a bounded window keeps memory flat
  // and the pool's queue short); outcomes are awaited in spec order, so delivery is ordered.
  type Outcome = { ok: true; value: RunOutput } | { ok: false; error: unknown } | undefined;
  const pending: Array<Promise<Outcome>> = [];
  const window = 2 * workers;
  const submit = (i: number) => {
    pending[i] = options.signal?.aborted
      ? Promise.resolve(undefined)
      : (pool.run({ spec: specs[i], modules, keepPosts }, { signal: options.signal }) as Promise<RunOutput>).then(
          (value): Outcome => ({ ok: true, value }),
          (error): Outcome => (options.signal?.aborted ? undefined : { ok: false, error }),
        );
  };
  let submitted = 0;
  try {
    for (let i = 0; i < specs.length; i++) {
      while (submitted < specs.length && submitted < i + window) submit(submitted++);
      const r = await pending[i];
      pending[i] = Promise.resolve(undefined); // release the result
      if (r === undefined) break;
      if (!r.ok) throw r.error;
      out[i] = r.value;
      await options.onResult?.(r.value, i);
    }
  } finally {
    await pool.destroy();
  }
  return out;
}
