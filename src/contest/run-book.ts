/**
 * Where a contest's runs come from. A contest decides each stage from the results of the one
 * before (which recipes survive), so its runs are asked for stage by stage; each has a stable id,
 * so runs recorded earlier (a resumed contest, merged shards) are read back instead of run again,
 * and a shard runs only its share of each stage.
 * @module
 */
import type { RunOutput, RunSpec } from '../experiment/run.js';

/** Runs a contest stage's specs and returns their outputs in spec order. */
export interface RunBook {
  outputs(specs: RunSpec[], stage: string): Promise<RunOutput[]>;
}

/** A stage that needs runs this process does not run (another shard's share): merge the shards and resume. */
export class ContestPending extends Error {
  constructor(
    readonly stage: string,
    readonly missing: number,
    readonly total: number,
  ) {
    super(`contest stage "${stage}" needs ${missing} of its ${total} runs from other shards: merge the shards' results and resume to go on`);
    this.name = 'ContestPending';
  }
}

/** How a run book runs what is not recorded. */
export interface RunBookOptions {
  /** Runs recorded before, by id (resume, merged shards). */
  recorded?: ReadonlyMap<string, RunOutput>;
  /** Runs only the specs this returns true for (a shard's share); the rest must be recorded. */
  filter?: (spec: RunSpec) => boolean;
  /** Executes specs (the worker pool), calling `onRun` as each finishes. */
  execute: (specs: RunSpec[], stage: string, onRun: (run: RunOutput) => Promise<void>) => Promise<RunOutput[]>;
  /** Called with each run as it finishes (e.g. to append it to a record). */
  onRun?: (run: RunOutput) => void | Promise<void>;
}

/** A run book over recorded runs and an executor. */
export function createRunBook(o: RunBookOptions): RunBook {
  const known = new Map(o.recorded ?? []);
  return {
    async outputs(specs, stage) {
      const missing = specs.filter((s) => !known.has(s.id));
      const mine = o.filter ? missing.filter(o.filter) : missing;
      if (mine.length) {
        await o.execute(mine, stage, async (run) => {
          known.set(run.id, run);
          await o.onRun?.(run);
        });
      }
      const still = specs.filter((s) => !known.has(s.id)).length;
      if (still > 0) throw new ContestPending(stage, still, specs.length);
      return specs.map((s) => known.get(s.id)!);
    },
  };
}
