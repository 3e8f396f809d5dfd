/**
 * `feedsim sensitivity <scenario> --method morris|sobol [--emulator] --out <dir>`: a sensitivity
 * study whose design points run as a sweep — every finished run appended to `runs.jsonl`,
 * `--resume <dir>` skipping finished runs, `--shard i/N` running a deterministic slice and
 * `feedsim merge` combining the slices — then the indices from the record.
 * @module
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { contestStrategies } from '../../contest/strategies.js';
import { preflightSweep } from '../../experiment/sweep.js';
import { checkSweepSize } from '../../experiment/sweep-size.js';
import { RESULTS, type ExportFormat, type Manifest } from '../../io/results-dir.js';
import { loadScenarioFile } from '../../io/scenario-file.js';
import type { ScenarioInput } from '../../scenario/types.js';
import { formatSensitivity } from '../../sensitivity/format.js';
import { analyseSensitivity, sensitivityPlan, studyScenarios, type SensitivityPlan, type SensitivitySettings } from '../../sensitivity/study.js';
import { VERSION } from '../../version.js';
import { InputError } from '../exit.js';
import type { Shard } from '../options.js';
import { closeResults, manifestOf, openResults } from '../results.js';
import { runRecorded, shardRuns } from './sweep.js';

/** Options of the sensitivity command. */
export interface SensitivityCommandOptions extends Omit<SensitivitySettings, 'factors' | 'strategies'> {
  factors?: string[];
  strategies?: string[];
  strategiesFrom?: string;
  out?: string;
  resume?: string;
  shard?: Shard;
  workers: number;
  format: ExportFormat[];
  plots?: boolean;
  module: string[];
  signal?: AbortSignal;
}

/** What a sensitivity manifest records: the scenario and the settings that decide the runs. */
export interface SensitivityInput {
  scenario: ScenarioInput;
  settings: SensitivitySettings;
}

/** The plan of a recorded study (resume, merge). */
export function planOf(input: SensitivityInput): SensitivityPlan {
  return sensitivityPlan({ scenario: input.scenario, ...input.settings });
}

/** The best recipe of each family from a contest's results directory (its summary read and checked as `feedsim report` reads it). */
async function strategiesFrom(dir: string): Promise<SensitivitySettings['strategies']> {
  const { readReportSummary } = await import('../../report/write.js');
  const summary = await readReportSummary(dir).catch((e: Error) => {
    throw new InputError(`--strategies-from ${dir}: ${e.message}`);
  });
  if (summary.kind !== 'contest') throw new InputError(`--strategies-from ${dir}: holds a ${summary.kind} summary, not a contest's`);
  return contestStrategies(summary);
}

async function start(file: string | undefined, o: SensitivityCommandOptions): Promise<{ input: SensitivityInput; dir: string; manifest: Manifest }> {
  if (o.resume) {
    if (file) throw new InputError('give either a scenario file or --resume <dir>, not both');
    const manifest = manifestOf(o.resume);
    if (manifest.command !== 'sensitivity') throw new InputError(`--resume ${o.resume}: holds a ${manifest.command}, not a sensitivity study`);
    if (manifest.feedsim !== VERSION) throw new InputError(`--resume ${o.resume}: its runs were made by feedsim ${manifest.feedsim}, this is ${VERSION}; finish it with that version or start afresh`);
    if (o.out !== undefined || o.shard !== undefined) throw new InputError(`--resume ${o.resume}: --out and --shard cannot be changed on resume`);
    return { input: manifest.input as unknown as SensitivityInput, dir: o.resume, manifest };
  }
  if (!file) throw new InputError('give a scenario file, or --resume <dir> to finish an interrupted study');
  if (o.strategies && o.strategiesFrom) throw new InputError('give either --strategies or --strategies-from, not both');
  const { input: scenario } = loadScenarioFile(file);
  const keys = ['method', 'factors', 'replicates', 'trajectories', 'levels', 'samples', 'emulator', 'cycle', 'metrics', 'commonStreams', 'top', 'seed'] as const;
  const settings: SensitivitySettings = Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
  const strategies = o.strategiesFrom ? await strategiesFrom(o.strategiesFrom) : o.strategies;
  if (strategies) settings.strategies = strategies;
  const input: SensitivityInput = { scenario, settings };
  const dir = o.out ?? `${basename(file).replace(/\.(json|ya?ml)$/i, '')}-sensitivity`;
  if (existsSync(join(dir, RESULTS.manifest))) throw new InputError(`${dir} already holds results: resume them with --resume ${dir}, or choose a new --out`);
  const manifest: Manifest = {
    feedsim: VERSION, command: 'sensitivity', input: input as unknown as Record<string, unknown>, runsPlanned: 0, workers: o.workers,
    formats: o.format, plots: o.plots === true, ...(o.shard ? { shard: o.shard } : {}),
  };
  return { input, dir, manifest };
}

/** Runs (or resumes, or runs a shard of) a study; returns the exit status (0 done, 130 interrupted). */
export async function sensitivityCommand(file: string | undefined, o: SensitivityCommandOptions, print: (s: string) => void): Promise<number> {
  const { input, dir, manifest: planned } = await start(file, o);
  const plan = planOf(input);
  const scenarios = studyScenarios(plan);
  const shard = planned.shard;
  // Counted, not listed: runRecorded lists this shard's specs when it runs them.
  const runsPlanned = shardRuns(checkSweepSize(plan.sweep).runs, shard);
  const manifest = { ...planned, runsPlanned };
  await preflightSweep(scenarios, plan.sweep.strategies, { modules: o.module, workers: o.workers, held: { runs: runsPlanned, full: true } });
  const results = openResults(dir, manifest, { command: o.resume ? `feedsim sensitivity --resume ${dir}` : `feedsim sensitivity --out ${dir}`, resume: o.resume !== undefined });
  try {
    const { runs } = await runRecorded(dir, { options: plan.sweep, scenarios, what: 'study', command: 'sensitivity' }, results, o, print);
    if (o.signal?.aborted) return 130;
    if (shard) {
      print(`shard ${shard.index}/${shard.count}: ${runs.length} runs in ${dir}. When every shard is done, combine them: feedsim merge <each shard's dir> --out <dir>\n`);
      return 0;
    }
    const result = analyseSensitivity(plan, runs);
    const written = await closeResults(dir, { kind: 'sensitivity', ...result }, runs, results.manifest);
    print(formatSensitivity(result) + `\n\nwrote ${written.length} files to ${dir}\n`);
    return 0;
  } finally {
    results.release();
  }
}
