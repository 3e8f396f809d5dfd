/**
 * What every experiment command does with a results directory: take its lock, check nothing in
 * it would be written through a link, write the manifest, append each finished run to the
 * record, then rebuild the summary, exports and plots from the record, and release the lock.
 * @module
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { printable } from '../excerpt.js';
import type { CompareResult } from '../experiment/compare.js';
import type { ContestResult } from '../contest/contest.js';
import type { RunOutput } from '../experiment/run.js';
import type { SweepResult } from '../experiment/sweep.js';
import type { SensitivityResult } from '../sensitivity/study.js';
import { acquireLock, type HeldLock } from '../io/lock.js';
import { checkResultsEntries, readManifest, RESULTS, writeExports, writeFileAtomic, writeManifest, writeSummary, type Manifest } from '../io/results-dir.js';
import { fnv1a64 } from '../scenario/hash.js';
import { isPlain } from '../scenario/plain.js';
import { readRunRecord, repairRunRecord, runRecordWriter } from '../io/run-record.js';
import { ensureDirectory, refuseLink } from '../io/safe-write.js';
import { InputError } from './exit.js';

/** A summary file: the result with what made it. */
export type SummaryFile =
  | ({ kind: 'compare' } & CompareResult)
  | ({ kind: 'sweep' } & SweepResult)
  | ({ kind: 'contest' } & ContestResult)
  | ({ kind: 'sensitivity' } & SensitivityResult)
  | ({ kind: 'run' } & Record<string, unknown>);

/** A note for the person at the terminal (on stderr: stdout holds the results). */
export const note = (s: string): void => void process.stderr.write(`feedsim: note: ${s}\n`);

/**
 * Takes the lock of results directory `dir` (creating it) for `command`; a stale lock left by a
 * process that is gone is taken over with a note. Release it in a `finally`.
 */
export function lockResults(dir: string, command: string): HeldLock {
  ensureDirectory(dir);
  const lock = acquireLock(dir, command);
  const r = lock.recovered;
  if (r) note(`${lock.path} was left by ${printable(r.command)} (pid ${r.pid}, since ${printable(String(r.started))}), which is no longer running: taken over`);
  return lock;
}

/** A results directory open for writing: the manifest written, its run appender, and its lock's release. */
export interface OpenResults {
  manifest: Manifest;
  append: (run: RunOutput) => void;
  release: () => void;
}

/**
 * Opens `dir` for a new experiment (or, with `resume`, an interrupted one): takes its lock,
 * refuses links and special files where results go, writes the manifest and returns the run
 * appender. A directory that already holds results is refused unless resumed, since new runs
 * would be appended to the old record and summarised with it.
 */
export function openResults(dir: string, manifest: Manifest, o: { command: string; resume?: boolean }): OpenResults {
  const lock = lockResults(dir, o.command);
  try {
    checkResultsEntries(dir);
    if (!o.resume && existsSync(join(dir, RESULTS.manifest))) {
      throw new InputError(`${dir} already holds results (${RESULTS.manifest}): choose a new --out, or delete it first`);
    }
    // A new directory's record is signed line by line; a resumed one keeps what its manifest says.
    const written: Manifest = o.resume ? manifest : { ...manifest, recordChecksums: 'sha256' };
    // A contest or a study reads its manifest's input back as it is (resume, --from, merge): its list stays inline.
    writeManifest(dir, written.command === 'contest' || written.command === 'sensitivity' ? written : { ...written, input: storeEdgeList(dir, written.input) });
    return { manifest: written, append: runRecordWriter(join(dir, RESULTS.runs)), release: lock.release };
  } catch (e) {
    lock.release();
    throw e;
  }
}

/**
 * The manifest's input with its scenario's edge list written once beside it, as
 * `edge-list-<hash>.txt`, and named by `graph.file` (relative to the directory, as resume and
 * merge read it): the manifest stays small and one JSON text however large the list.
 */
function storeEdgeList(dir: string, input: Record<string, unknown>): Record<string, unknown> {
  const scenario = input.scenario;
  if (!isPlain(scenario) || !isPlain(scenario.graph) || scenario.graph.kind !== 'edge-list' || typeof scenario.graph.text !== 'string') return input;
  const { text, ...graph } = scenario.graph;
  const file = `edge-list-${fnv1a64(text)}.txt`;
  writeFileAtomic(join(dir, file), text);
  return { ...input, scenario: { ...scenario, graph: { ...graph, file } } };
}

/** Notes what reading a record found that the user should know about. */
export function noteRecord(path: string, r: { unverified: number; runs: unknown[] }, duplicates: number): void {
  if (r.unverified) note(`${path}: ${r.unverified} of ${r.runs.length} runs carry no checksum (recorded before feedsim 0.3.0): read as they are, unverified`);
  if (duplicates) note(`${path}: ${duplicates} identical repeat${duplicates === 1 ? '' : 's'} of recorded runs (two writers at once, before results directories were locked) ${duplicates === 1 ? 'is' : 'are'} kept once`);
}

/**
 * Reads the finished runs of `dir` (whose lock this process holds), cutting off a run a kill left
 * half-written and dropping identical repeats; a changed or conflicting line is refused, and so
 * is a record `check` throws for — before the file is touched.
 */
export function finishedRuns(dir: string, manifest: Manifest, o: { notes?: boolean; check?: (runs: RunOutput[]) => void } = {}): { runs: RunOutput[]; truncated: boolean } {
  const path = join(dir, RESULTS.runs);
  const record = readRunRecord(path, { requireChecksums: manifest.recordChecksums === 'sha256' });
  o.check?.(record.runs);
  repairRunRecord(path, record);
  if (o.notes !== false) noteRecord(path, record, record.duplicateLines.length);
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
  if (manifest.plots && summary.kind === 'sensitivity') {
    const [{ sensitivityCharts }, { writeCharts }] = await Promise.all([import('../plots/sensitivity.js'), import('../plots/write.js')]);
    refuseLink(join(dir, RESULTS.plots), 'directory');
    for (const p of await writeCharts(join(dir, RESULTS.plots), sensitivityCharts(summary))) written.push(p.path);
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
