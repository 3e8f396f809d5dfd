/**
 * `feedsim compare <scenario>`: strategies side by side on one scenario, with common random
 * numbers, intervals, paired differences and the crossover; optionally written to `--out`.
 * @module
 */
import { relative } from 'node:path';
import { compare, labelStrategies, type CompareResult } from '../../experiment/compare.js';
import { preflight } from '../../experiment/preflight.js';
import { formatComparison } from '../../experiment/format.js';
import type { RunOutput } from '../../experiment/run.js';
import type { ExportFormat } from '../../io/results-dir.js';
import { loadScenarioFile } from '../../io/scenario-file.js';
import { VERSION } from '../../version.js';
import { progressBar } from '../progress.js';
import { closeResults, openResults } from '../results.js';

/** Options of the compare command. */
export interface CompareCommandOptions {
  strategies: string[];
  replicates: number;
  workers: number;
  seed?: number;
  level: number;
  out?: string;
  format: ExportFormat[];
  plots: boolean;
  module: string[];
  signal?: AbortSignal;
}

/** Runs the comparison, prints its table, writes results; returns the result. */
export async function compareCommand(file: string, o: CompareCommandOptions, print: (s: string) => void): Promise<CompareResult> {
  const { input, scenario } = loadScenarioFile(file);
  // Every check compare makes before its first run, made before anything is written.
  await preflight([{ scenario }], labelStrategies(o.strategies).map((s) => s.spec), { modules: o.module, workers: o.workers, held: { runs: o.replicates * o.strategies.length, full: true } });
  const manifest = {
    feedsim: VERSION, command: 'compare' as const,
    input: { scenario: input, strategies: o.strategies, replicates: o.replicates, seed: o.seed, level: o.level },
    runsPlanned: o.replicates * o.strategies.length, workers: o.workers, formats: o.format, plots: o.plots,
  };
  const results = o.out ? openResults(o.out, manifest, { command: `feedsim compare --out ${o.out}` }) : undefined;
  try {
    const runs: RunOutput[] = [];
    const bar = progressBar('compare');
    let result: CompareResult;
    try {
      result = await compare({
        scenario: input, strategies: o.strategies, replicates: o.replicates, workers: o.workers, level: o.level,
        modules: o.module, signal: o.signal, ...(o.seed !== undefined ? { seed: o.seed } : {}),
        onProgress: (done, total) => bar.update(done, total),
        onRun: (run) => {
          results?.append(run);
          if (o.out) runs.push(run);
        },
      });
    } finally {
      bar.stop();
    }
    print(`${file}: ${result.strategies.join(' vs ')}, ${result.replicates} replicates each, seed ${result.seed}\n`);
    // The headline, verdict and every warning come first, before the table (formatComparison).
    print(formatComparison(result) + '\n');
    if (o.out) {
      const written = await closeResults(o.out, { kind: 'compare', ...result }, runs, results!.manifest);
      print(`\nwrote ${written.length} files to ${o.out}: ${written.map((p) => relative(o.out!, p)).join(', ')}\n`);
    }
    return result;
  } finally {
    results?.release();
  }
}
