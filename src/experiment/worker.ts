/**
 * Worker-thread entry: loads the user's strategy/ranker modules once, then executes run specs.
 * @module
 */
import { executeRun, type RunOutput, type RunSpec } from './run.js';

/** A task for a worker. */
export interface WorkerTask {
  spec: RunSpec;
  modules: string[];
  keepPosts: boolean;
}

const loaded = new Set<string>();

/**
 * Worker threads do not inherit a loader's hooks: TypeScript modules need tsx registered in
 * the thread itself (tsx must be installed where the user's modules are).
 */
async function ensureTypeScript(): Promise<void> {
  const g = globalThis as { __feedsimTsxRegistered?: boolean };
  if (g.__feedsimTsxRegistered) return;
  const api = 'tsx/esm/api';
  try {
    const { register } = (await import(/* @vite-ignore */ api)) as { register: () => void };
    register();
    g.__feedsimTsxRegistered = true;
  } catch (e) {
    throw new Error(`loading TypeScript modules in worker threads needs the tsx package (npm install --save-dev tsx): ${(e as Error).message}`);
  }
}

/** Imports each module (which registers strategies, rankers or freshness curves) once. */
export async function loadModules(modules: string[]): Promise<void> {
  for (const m of modules) {
    if (loaded.has(m)) continue;
    if (/\.[mc]?ts$/.test(m) && !isMainThreadWithHooks()) await ensureTypeScript();
    await import(/* @vite-ignore */ m);
    loaded.add(m);
  }
}

/** The main thread run through tsx already has TypeScript hooks. */
function isMainThreadWithHooks(): boolean {
  return import.meta.url.endsWith('.ts') && typeof process !== 'undefined' && process.execArgv.join(' ').includes('tsx');
}

/** Runs one task. */
export default async function run(task: WorkerTask): Promise<RunOutput> {
  await loadModules(task.modules);
  return executeRun(task.spec, task.keepPosts);
}
