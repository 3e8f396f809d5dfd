/**
 * `feedsim run <scenario>`: simulates a scenario (all its focal accounts) for R replicates and
 * prints each account's final figures.
 * @module
 */
import { runAll } from '../../experiment/pool.js';
import { tInterval, type Interval } from '../../experiment/intervals.js';
import type { RunOutput, RunSpec } from '../../experiment/run.js';
import { preflight } from '../../experiment/preflight.js';
import type { ExportFormat } from '../../io/results-dir.js';
import { loadScenarioFile } from '../../io/scenario-file.js';
import { VERSION } from '../../version.js';
import { progressBar } from '../progress.js';
import { closeResults, openResults } from '../results.js';
import { dict } from '../../experiment/dict.js';

/** Options of the run command. */
export interface RunCommandOptions {
  replicates: number;
  workers: number;
  seed?: number;
  out?: string;
  format: ExportFormat[];
  module: string[];
  signal?: AbortSignal;
}

const FIGURES = ['followers', 'impressions', 'reach', 'likes', 'shares', 'follows', 'unfollows', 'conversions', 'cumulativeNet'] as const;
const TOTALS = new Set(['impressions', 'reach', 'likes', 'shares', 'follows', 'unfollows', 'conversions']);

/** Final figures of each account: totals over cycles, or the last cycle's level. */
function finals(runs: RunOutput[]): Array<{ name: string; strategy: string; figures: Record<string, Interval> }> {
  return runs[0].accounts.map((a, i) => {
    const figures: Record<string, Interval> = dict();
    for (const f of FIGURES) {
      figures[f] = tInterval(runs.map((r) => {
        const cycles = r.accounts[i].cycles;
        return TOTALS.has(f) ? cycles.reduce((s, c) => s + (c[f] as number), 0) : (cycles[cycles.length - 1][f] as number);
      }));
    }
    return { name: a.name, strategy: a.strategy, figures };
  });
}

/** Runs the scenario; prints and (with `out`) writes the results. */
export async function runCommand(file: string, o: RunCommandOptions, print: (s: string) => void): Promise<void> {
  const { input, scenario } = loadScenarioFile(file);
  await preflight([{ scenario }], [], { modules: o.module, workers: o.workers, held: { runs: o.replicates, full: true } });
  const seed = o.seed ?? scenario.seed;
  const first = scenario.accounts[0];
  const label = first.strategy?.label ?? first.strategy?.kind ?? 'like-chasing';
  const specs: RunSpec[] = Array.from({ length: o.replicates }, (_, r) => ({ id: `r${r}`, label, scenario: input, strategy: first.strategy!, replicate: r, seed }));
  const manifest = { feedsim: VERSION, command: 'run' as const, input: { scenario: input, replicates: o.replicates, seed }, runsPlanned: specs.length, workers: o.workers, formats: o.format, plots: false };
  const results = o.out ? openResults(o.out, manifest, { command: `feedsim run --out ${o.out}` }) : undefined;
  try {
    const bar = progressBar('run');
    let done = 0;
    let runs: RunOutput[];
    try {
      runs = await runAll(specs, {
        workers: o.workers, modules: o.module, signal: o.signal,
        onResult: (run) => {
          results?.append(run);
          bar.update(++done, specs.length);
        },
      });
    } finally {
      bar.stop();
    }
    if (o.signal?.aborted) throw new Error(`interrupted after ${done} of ${specs.length} replicates`);
    const accounts = finals(runs);
    print(`${file}: ${scenario.users} users, ${scenario.cycles} cycles of ${scenario.stepsPerCycle} steps, ${o.replicates} replicate${o.replicates > 1 ? 's' : ''}, seed ${seed}\n`);
    // Warnings beside the headline, before the figures they qualify (each once, not per replicate).
    for (const w of new Set(runs.flatMap((r) => r.warnings))) print(`warning: ${w}\n`);
    const head = ['account', 'strategy', ...FIGURES];
    const rows = accounts.map((a) => [a.name, a.strategy, ...FIGURES.map((f) => {
      const x = a.figures[f];
      return o.replicates > 1 ? `${x.mean.toFixed(0)} ±${(x.upper - x.mean).toFixed(0)}` : x.mean.toFixed(0);
    })]);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    for (const r of [head, ...rows]) print(r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ') + '\n');
    print('(totals over the run; followers and cumulativeNet at the end; ± is the 95 % interval half-width)\n');
    if (o.out) {
      const written = await closeResults(o.out, { kind: 'run', scenarioHash: runs[0].scenarioHash, seed, replicates: o.replicates, accounts }, runs, results!.manifest);
      print(`wrote ${written.length} files to ${o.out}\n`);
    }
  } finally {
    results?.release();
  }
}
