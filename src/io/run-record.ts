/**
 * The durable record of an experiment: one finished run per JSON line, appended and flushed as
 * each run completes. Reading it back detects a truncated last line (a run cut off by a kill),
 * which is dropped so that run is redone.
 * @module
 */
import { closeSync, readSync, truncateSync } from 'node:fs';
import type { RunOutput } from '../experiment/run.js';
import { appender } from './files.js';
import { FileRefusedError } from './refused.js';
import { openRegular } from './safe-read.js';

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

/**
 * A record line as a run, or undefined when it is not one. A sweep's run carries its design
 * `point` (a whole number from 1); records written by 0.2.1 have none, which is still a run.
 */
function parseRun(body: string): RunOutput | undefined {
  try {
    const parsed = JSON.parse(body) as RunOutput;
    const point = parsed?.point;
    if (point !== undefined && !(Number.isInteger(point) && point >= 1)) return undefined;
    return typeof parsed?.id === 'string' && Array.isArray(parsed.accounts) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a run record; a bad line other than the last means the file was edited or corrupted.
 * Read in chunks of `chunkBytes`, a line at a time: a record of many thousand runs outgrows the
 * longest string V8 can hold (512 MiB), so it is never read into one.
 */
export function readRunRecord(path: string, chunkBytes = 16 * 2 ** 20): RunRecord {
  let file;
  try {
    // A regular file only: a named pipe would block the read.
    file = openRegular(path, 'the run record');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { runs: [], goodBytes: 0, truncated: false };
    throw e;
  }
  const { fd, size } = file;
  try {
    const runs: RunOutput[] = [];
    const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(chunkBytes, size)));
    let rest = Buffer.alloc(0); // the start of a line the chunks so far have not finished
    let restAt = 0; // its byte offset in the file
    let line = 0;
    for (let position = 0; position < size; ) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, size - position), position);
      if (n <= 0) break;
      position += n;
      const data = rest.length ? Buffer.concat([rest, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      let from = 0;
      for (let nl = data.indexOf(10); nl !== -1; nl = data.indexOf(10, from)) {
        line++;
        const run = parseRun(data.toString('utf8', from, nl));
        if (!run) {
          if (restAt + nl + 1 === size) return { runs, goodBytes: restAt + from, truncated: true };
          throw new FileRefusedError(`${path}, line ${line}`, 'not a run record (the file was edited or corrupted; remove the line to redo that run)');
        }
        runs.push(run);
        from = nl + 1;
      }
      rest = Buffer.from(data.subarray(from)); // a copy: the chunk is reused
      restAt += from;
    }
    // A last line without its newline is a run cut off while it was written.
    return rest.length ? { runs, goodBytes: restAt, truncated: true } : { runs, goodBytes: size, truncated: false };
  } finally {
    closeSync(fd);
  }
}

/** Cuts a cut-off last line from the record so appending continues from a clean line. */
export function repairRunRecord(path: string, record: RunRecord): void {
  if (record.truncated) truncateSync(path, record.goodBytes);
}
