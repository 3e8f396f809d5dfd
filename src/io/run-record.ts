/**
 * The durable record of an experiment: one finished run per JSON line, appended and flushed as
 * each run completes. Reading it back detects a truncated last line (a run cut off by a kill),
 * which is dropped so that run is redone.
 * @module
 */
import { existsSync, readFileSync, truncateSync } from 'node:fs';
import type { RunOutput } from '../experiment/run.js';
import { appender } from './files.js';

/** What {@link readRunRecord} found. */
export interface RunRecord {
  runs: RunOutput[];
  /** Bytes of complete lines; anything after them is a cut-off run. */
  goodBytes: number;
  /** Whether the file ends in a cut-off (incomplete or unparsable) last line. */
  truncated: boolean;
}

/** Appends each finished run to the record at `path` as one JSON line. */
export function runRecordWriter(path: string): (run: RunOutput) => void {
  const append = appender(path);
  return (run) => append(JSON.stringify(run) + '\n');
}

/** Reads a run record; a bad line other than the last means the file was edited or corrupted. */
export function readRunRecord(path: string): RunRecord {
  if (!existsSync(path)) return { runs: [], goodBytes: 0, truncated: false };
  const text = readFileSync(path, 'utf8');
  const runs: RunOutput[] = [];
  let offset = 0;
  let line = 0;
  while (offset < text.length) {
    const end = text.indexOf('\n', offset);
    line++;
    const body = text.slice(offset, end === -1 ? text.length : end);
    let run: RunOutput | undefined;
    try {
      const parsed = JSON.parse(body) as RunOutput;
      if (typeof parsed?.id === 'string' && Array.isArray(parsed.accounts)) run = parsed;
    } catch {
      run = undefined;
    }
    const last = end === -1 || end === text.length - 1;
    if (!run || end === -1) {
      if (last) return { runs, goodBytes: Buffer.byteLength(text.slice(0, offset)), truncated: true };
      throw new Error(`${path}, line ${line}: not a run record (the file was edited or corrupted; remove the line to redo that run)`);
    }
    runs.push(run);
    offset = end + 1;
  }
  return { runs, goodBytes: Buffer.byteLength(text), truncated: false };
}

/** Cuts a cut-off last line from the record so appending continues from a clean line. */
export function repairRunRecord(path: string, record: RunRecord): void {
  if (record.truncated) truncateSync(path, record.goodBytes);
}
