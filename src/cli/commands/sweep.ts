/**
 * `feedsim sweep <design>`: a sweep whose every finished run is appended to `runs.jsonl` as it
 * completes. `--resume <dir>` skips finished runs (a run cut off by a kill is redone);
 * `--shard i/N` runs a deterministic slice so that N machines run each run exactly once.
 * @module
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { quoteExcerpt } from '../../excerpt.js';
import { formatSweep } from '../../experiment/format.js';
import type { RunOutput, RunSpec } from '../../experiment/run.js';
import { checkedScenarios, preflightSweep, summariseSweepOf, sweepOf, sweepSpecsOf, type SweepOptions, type SweepScenario } from '../../experiment/sweep.js';
import { checkSweepSize } from '../../experiment/sweep-size.js';
import { RESULTS, type ExportFormat, type Manifest } from '../../io/results-dir.js';
import { checkSweepDocument, loadSweepFile, type SweepDocument } from '../../io/scenario-file.js';
import { VERSION } from '../../version.js';
import { InputError } from '../exit.js';
import type { Shard } from '../options.js';
import { progressBar } from '../progress.js';
import { closeResults, finishedRuns, manifestOf, openResults, type OpenResults } from '../results.js';

/** Options of the sweep command. */
export interface SweepCommandOptions {
  out?: string;
  resume?: string;
  shard?: Shard;
  workers: number;
  format: ExportFormat[];
  plots: boolean;
  module: string[];
  signal?: AbortSignal;
}

/** Whether the spec at `index` belongs to `shard` (round robin: every shard gets every point's share). */
export const inShard = (index: number, shard?: Shard): boolean => !shard || index % shard.count === shard.index;

/** Runs of `total` that shard `shard` holds (round robin), counted without listing them. */
export const shardRuns = (total: number, shard?: Shard): number => (shard ? Math.max(0, Math.ceil((total - shard.index) / shard.count)) : total);

function start(file: string | undefined, o: SweepCommandOptions): { dir: string; doc: SweepDocument; manifest: Manifest } {
  if (o.resume) {
    const manifest = manifestOf(o.resume);
    if (manifest.command !== 'sweep') throw new InputError(`--resume ${o.resume}: holds a ${manifest.command}, not a sweep`);
    if (file) throw new InputError('give either a design file or --resume <dir>, not both');
    // A resumed sweep finishes what its manifest asked for: other settings would be ignored.
    const ignored = [
      o.out !== undefined ? '--out' : '',
      o.shard !== undefined ? '--shard' : '',
      o.plots ? '--plots' : '',
      o.format && JSON.stringify(o.format) !== JSON.stringify(['csv']) && JSON.stringify(o.format) !== JSON.stringify(manifest.formats) ? '--format' : '',
    ].filter(Boolean);
    if (ignored.length) {
      throw new InputError(`--resume ${o.resume}: ${ignored.join(', ')} cannot be changed on resume (the sweep finishes as its manifest says: formats ${manifest.formats.join(',')}${manifest.shard ? `, shard ${manifest.shard.index}/${manifest.shard.count}` : ''}${manifest.plots ? ', plots' : ''})`);
    }
    if (manifest.feedsim !== VERSION) {
      throw new InputError(`--resume ${o.resume}: its runs were made by feedsim ${manifest.feedsim}, this is ${VERSION}; a seed's results can differ between versions, so finish the sweep with feedsim ${manifest.feedsim} (npx feedsim@${manifest.feedsim}) or start it afresh`);
    }
    return { dir: o.resume, doc: checkSweepDocument(manifest.input, o.resume), manifest };
  }
  if (!file) throw new InputError('give a sweep design file, or --resume <dir> to finish an interrupted sweep');
  const doc = loadSweepFile(file);
  const dir = o.out ?? `${basename(file).replace(/\.(json|ya?ml)$/i, '')}-results`;
  if (existsSync(join(dir, RESULTS.manifest))) {
    throw new InputError(`${dir} already holds results: resume them with --resume ${dir}, or choose a new --out`);
  }
  const manifest: Manifest = {
    feedsim: VERSION, command: 'sweep', input: doc as unknown as Record<string, unknown>,
    runsPlanned: shardRuns(checkSweepSize(doc).runs, o.shard), workers: o.workers, formats: o.format, plots: o.plots,
    ...(o.shard ? { shard: o.shard } : {}),
  };
  return { dir, doc, manifest };
}

/** Runs (or resumes) a sweep; returns the exit status (0 done, 130 interrupted). */
export async function sweepCommand(file: string | undefined, o: SweepCommandOptions, print: (s: string) => void): Promise<number> {
  const { dir, doc, manifest } = start(file, o);
  // Every check the sweep makes before its first run, made before anything is written.
  // The runs are read back from the record at the end, every metric of every run.
  // The design's points, built once: a scenario with a large edge list is hashed at every point.
  const scenarios = checkedScenarios(doc);
  await preflightSweep(scenarios, doc.strategies, { modules: o.module, workers: o.workers, held: { runs: manifest.runsPlanned, full: true } });
  const results = openResults(dir, manifest, { command: o.resume ? `feedsim sweep --resume ${dir}` : `feedsim sweep --out ${dir}`, resume: o.resume !== undefined });
  try {
    return await runSweep(dir, doc, scenarios, results, o, print);
  } finally {
    results.release();
  }
}

/** A sweep to run into a results directory: its options (a sweep file's, or a study's) and its checked points. */
export interface RecordedSweep {
  options: Pick<SweepOptions, 'scenario' | 'design' | 'strategies' | 'replicates' | 'seed' | 'streams'>;
  scenarios: SweepScenario[];
  /** What the record holds, in messages: `sweep`, `study`. */
  what: string;
  command: string;
}

/**
 * Runs the specs of `sweep` in this directory's shard that its record does not hold yet (the lock
 * held), appending each as it finishes; returns the specs planned here and every finished run.
 */
export async function runRecorded(dir: string, sweep: RecordedSweep, results: OpenResults, o: Pick<SweepCommandOptions, 'workers' | 'module' | 'signal' | 'resume'>, print: (s: string) => void): Promise<{ planned: RunSpec[]; runs: RunOutput[] }> {
  const shard = results.manifest.shard;
  const planned = sweepSpecsOf(sweep.options, sweep.scenarios).filter((_, i) => inShard(i, shard));
  const plannedIds = new Set(planned.map((s) => s.id));
  const before = finishedRuns(dir, results.manifest, {
    check: (runs) => {
      const stray = runs.find((r) => !plannedIds.has(r.id));
      if (stray) throw new InputError(`${dir}: run ${quoteExcerpt(stray.id)} in ${RESULTS.runs} is not part of this ${sweep.what}${shard ? ` shard ${shard.index}/${shard.count}` : ''}`);
    },
  });
  const done = new Set(before.runs.map((r) => r.id));
  if (o.resume) {
    print(`resuming ${dir}: ${done.size} of ${planned.length} runs finished${before.truncated ? ' (a cut-off last run was dropped and will be redone)' : ''}\n`);
  }
  const bar = progressBar(sweep.command);
  try {
    await sweepOf({
      ...sweep.options, workers: o.workers, modules: o.module, signal: o.signal,
      filter: (spec, i) => inShard(i, shard) && !done.has(spec.id),
      onRun: (run: RunOutput) => results.append(run),
      onProgress: (d, total) => bar.update(d, total),
    }, sweep.scenarios);
  } finally {
    bar.stop();
  }
  const { runs } = finishedRuns(dir, results.manifest, { notes: false });
  if (o.signal?.aborted) {
    print(`\ninterrupted: ${runs.length} of ${planned.length} runs are finished and kept in ${join(dir, RESULTS.runs)}.\nResume with: feedsim ${sweep.command} --resume ${dir}\n`);
  }
  return { planned, runs };
}

/** The sweep's runs not yet in `dir`'s record, then its summary and exports (the lock held). */
async function runSweep(dir: string, doc: SweepDocument, scenarios: SweepScenario[], results: OpenResults, o: SweepCommandOptions, print: (s: string) => void): Promise<number> {
  const { manifest } = results;
  const shard = manifest.shard;
  const { planned, runs } = await runRecorded(dir, { options: doc, scenarios, what: 'sweep', command: 'sweep' }, results, o, print);
  if (o.signal?.aborted) return 130;
  const order = new Map(planned.map((s, i) => [s.id, i]));
  runs.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const result = summariseSweepOf(doc, scenarios, runs);
  const written = await closeResults(dir, { kind: 'sweep', ...result }, runs, manifest);
  print(`${runs.length} runs${shard ? ` (shard ${shard.index}/${shard.count}; combine shards with feedsim merge)` : ''}, ${result.points.length} complete design points\n`);
  if (result.points.length) print(formatSweep(result) + '\n');
  print(`wrote ${written.length} files to ${dir}\n`);
  return 0;
}
