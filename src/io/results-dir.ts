/**
 * A results directory: the layout every CLI command writes and `feedsim report`, `--resume` and
 * `feedsim merge` read. The run record is the truth; exports and the summary are rebuilt from it.
 *
 * ```text
 * manifest.json   what was asked (command, the full input document, shard), written first
 * runs.jsonl      one finished run per line, appended as runs finish (the durable record)
 * summary.json    the experiment's summary ({ kind: 'compare' | 'sweep' | 'run', ... })
 * rows.csv|.arrow|.jsonl|.json   tidy rows (exports)
 * plots/*.svg     with --plots;  report.html  with feedsim report
 * .feedsim.lock   while a command writes the directory (one writer at a time)
 * ```
 * Nothing in it is written through a symbolic link (see `safe-write.ts`).
 * @module
 */
import { join } from 'node:path';
import { LOCK_FILE } from './lock.js';
import { readRegularFile } from './safe-read.js';
import { ensureDirectory, refuseLink, writeAtomic } from './safe-write.js';
import { toRows, type TidyRow } from '../engine/tidy.js';
import type { RunOutput } from '../experiment/run.js';
import { CSV_HEADER, csvLines, jsonLines } from './sink.js';

/** File names inside a results directory. */
export const RESULTS = {
  manifest: 'manifest.json',
  runs: 'runs.jsonl',
  summary: 'summary.json',
  plots: 'plots',
  report: 'report.html',
  lock: LOCK_FILE,
} as const;

/** Export formats of tidy rows. */
export const EXPORT_FORMATS = ['csv', 'jsonl', 'json', 'arrow'] as const;
/** One export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What a results directory was made by. */
export interface Manifest {
  feedsim: string;
  command: 'run' | 'compare' | 'sweep' | 'contest' | 'sensitivity';
  /** The complete input document (scenario, strategies, design, replicates, seed), files inlined. */
  input: Record<string, unknown>;
  /** Runs this directory is to hold (its shard's share). */
  runsPlanned: number;
  /** Worker count used (results do not depend on it). */
  workers: number;
  shard?: { index: number; count: number };
  formats: ExportFormat[];
  plots: boolean;
  /**
   * Every line of `runs.jsonl` carries a checksum (directories made by feedsim 0.3.0 on): a line
   * without one was tampered with. Absent in older directories, whose lines are read unverified.
   */
  recordChecksums?: 'sha256';
}

/** Writes a file atomically (write, then rename), so a kill never leaves half a file. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeAtomic(path, [data]);
}

/** Writes the manifest (creating the directory). */
export function writeManifest(dir: string, m: Manifest): void {
  ensureDirectory(dir);
  writeFileAtomic(join(dir, RESULTS.manifest), JSON.stringify(m, null, 2) + '\n');
}

/** Reads a directory's manifest, with a clear error when it is not a results directory. */
export function readManifest(dir: string): Manifest {
  const path = join(dir, RESULTS.manifest);
  let text: string;
  try {
    text = readRegularFile(path, 'the manifest', 2 ** 30).toString('utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${dir} is not a feedsim results directory (no ${RESULTS.manifest})`);
    throw e;
  }
  let m: Manifest;
  try {
    m = JSON.parse(text) as Manifest;
  } catch {
    // Not the parser's message: it quotes the text, which need not be a manifest at all.
    throw new Error(`${path}: not valid JSON; it is written first and atomically, so the directory was edited or damaged`);
  }
  const commands = ['run', 'compare', 'sweep', 'contest', 'sensitivity'];
  if (typeof m !== 'object' || m === null || !commands.includes(m.command) || typeof m.feedsim !== 'string' || typeof m.input !== 'object') {
    throw new Error(`${path}: not a feedsim manifest (it needs "feedsim", "command" (${commands.join(', ')}) and "input")`);
  }
  return m;
}

/** Writes the summary JSON. */
export function writeSummary(dir: string, summary: unknown): void {
  writeFileAtomic(join(dir, RESULTS.summary), JSON.stringify(summary, null, 2) + '\n');
}

/**
 * Refuses a results directory where feedsim would write through a symbolic link or over a special
 * file: every name it writes (and each one's `.tmp`), checked before any work.
 */
export function checkResultsEntries(dir: string): void {
  const files = [RESULTS.manifest, RESULTS.runs, RESULTS.summary, RESULTS.report, ...EXPORT_FORMATS.map((f) => `rows.${f}`)];
  for (const name of files) {
    refuseLink(join(dir, name));
    refuseLink(join(dir, `${name}.tmp`));
  }
  refuseLink(join(dir, RESULTS.plots), 'directory');
}

/** Rebuilds the tidy-row exports of `runs` in each format; returns the files written. */
export async function writeExports(dir: string, runs: readonly RunOutput[], formats: readonly ExportFormat[]): Promise<string[]> {
  const rowsOf = (run: RunOutput): TidyRow[] => toRows(run, run.id);
  const written: string[] = [];
  for (const f of formats) {
    const path = join(dir, `rows.${f}`);
    if (f === 'csv') writeAtomic(path, (function* () { yield CSV_HEADER; for (const r of runs) yield csvLines(rowsOf(r)); })());
    else if (f === 'jsonl') writeAtomic(path, (function* () { for (const r of runs) yield jsonLines(rowsOf(r)); })());
    else if (f === 'json') {
      writeAtomic(path, (function* () {
        let first = true;
        yield '[';
        for (const r of runs) for (const row of rowsOf(r)) { yield (first ? '' : ',\n') + JSON.stringify(row); first = false; }
        yield ']\n';
      })());
    } else {
      const { rowsToArrow } = await import('./arrow.js');
      writeFileAtomic(path, rowsToArrow(runs.flatMap(rowsOf)));
    }
    written.push(path);
  }
  return written;
}
