/**
 * What every experiment command does with a results directory: check nothing in it would be
 * written through a link, write the manifest first, append each finished run to the record, then
 * rebuild the summary, exports and plots from the record.
 * @module
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CompareResult } from '../experiment/compare.js';
import type { ContestResult } from '../contest/contest.js';
import type { RunOutput } from '../experiment/run.js';
import type { SweepResult } from '../experiment/sweep.js';
import { checkResultsEntries, readManifest, RESULTS, writeExports, writeManifest, writeSummary, type Manifest } from '../io/results-dir.js';
import { InputError } from './exit.js';
import { readRunRecord, repairRunRecord, runRecordWriter } from '../io/run-record.js';
import { ensureDirectory, refuseLink } from '../io/safe-write.js';

/** A summary file: the result with what made it. */
export type SummaryFile =
  | ({ kind: 'compare' } & CompareResult)
  | ({ kind: 'sweep' } & SweepResult)
  | ({ kind: 'contest' } & ContestResult)
  | ({ kind: 'run' } & Record<string, unknown>);

/**
 * Opens `dir` for a new experiment (or, with `resume`, an interrupted one): writes the manifest
 * and returns the run appender. A directory that already holds results is refused unless
 * resumed, since new runs would be appended to the old record and summarised with it.
 */
export function openResults(dir: string, manifest: Manifest, resume = false): (run: RunOutput) => void {
  ensureDirectory(dir);
  // No link or special file where results go: checked before any run.
  checkResultsEntries(dir);
  if (!resume && existsSync(join(dir, RESULTS.manifest))) {
    throw new InputError(`${dir} already holds results (${RESULTS.manifest}): choose a new --out, or delete it first`);
  }
  writeManifest(dir, manifest);
  return runRecordWriter(join(dir, RESULTS.runs));
}

/** Reads the finished runs of `dir`, cutting off a run a kill left half-written. */
export function finishedRuns(dir: string): { runs: RunOutput[]; truncated: boolean } {
  const path = join(dir, RESULTS.runs);
  const record = readRunRecord(path);
  repairRunRecord(path, record);
  return { runs: record.runs, truncated: record.truncated };
}

/** Writes the summary, the exports and (with `plots`) the plots; returns the files written. */
export async function closeResults(dir: string, summary: SummaryFile, runs: readonly RunOutput[], manifest: Manifest): Promise<string[]> {
  writeSummary(dir, summary);
  const written = [join(dir, RESULTS.runs), join(dir, RESULTS.summary), ...(await writeExports(dir, runs, manifest.formats))];
  if (manifest.plots && (summary.kind === 'compare' || summary.kind === 'sweep')) {
    const { writePlots } = await import('../plots/write.js');
    const { kind: _kind, ...result } = summary;
    refuseLink(join(dir, RESULTS.plots), 'directory');
    for (const p of await writePlots(join(dir, RESULTS.plots), result as CompareResult | SweepResult)) written.push(p.path);
  }
  return written;
}

/** The manifest of a directory named on the command line; a wrong directory is bad input (exit 2). */
export function manifestOf(dir: string): Manifest {
  try {
    return readManifest(dir);
  } catch (e) {
    throw new InputError((e as Error).message);
  }
}
