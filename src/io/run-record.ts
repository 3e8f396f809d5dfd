/**
 * The durable record of an experiment: one finished run per JSON line, appended and flushed as
 * each run completes, each line carrying a checksum of its run (see `record-checksum.ts`).
 * Reading it back detects a truncated last line (a run cut off by a kill), which is dropped so
 * that run is redone; a line changed after it was written is refused; a run recorded twice is
 * kept once when both records are identical (two writers appended the same run) and refused
 * when they differ.
 * @module
 */
import { closeSync, readSync, truncateSync } from 'node:fs';
import type { RunOutput } from '../experiment/run.js';
import { quoteExcerpt } from '../excerpt.js';
import { appender } from './files.js';
import { runRecordProblems } from '../experiment/run-schema.js';
import { formatProblem, type ScenarioProblem } from '../scenario/errors.js';
import { checkLine, signedLine } from './record-checksum.js';
import { FileRefusedError } from './refused.js';
import { openRegular } from './safe-read.js';
import { writeAtomic } from './safe-write.js';

/** What {@link readRunRecord} found. */
export interface RunRecord {
  /** Each run once, in the order of their first lines. */
  runs: RunOutput[];
  /** The SHA-256 of each run's record without its checksum, parallel to `runs`: equal digests, equal records. */
  digests: string[];
  /** Bytes of complete lines; anything after them is a cut-off run. */
  goodBytes: number;
  /** Whether the file ends in a cut-off (incomplete or unparsable) last line. */
  truncated: boolean;
  /** Lines without a checksum (written before feedsim 0.3.0), read as they are, unverified. */
  unverified: number;
  /** Line numbers (from 1) of identical repeats of a run read before: dropped. */
  duplicateLines: number[];
}

/** Options of {@link readRunRecord}. */
export interface ReadRunRecordOptions {
  /** Read in chunks of this many bytes (default 16 MiB). */
  chunkBytes?: number;
  /** Refuse a line without a checksum (a directory written by a feedsim that signs every line). */
  requireChecksums?: boolean;
}

/** Appends each finished run to the record at `path` as one JSON line with its checksum. */
export function runRecordWriter(path: string): (run: RunOutput) => void {
  const append = appender(path);
  return (run) => append(recordLine(run));
}

/** The record line (with its newline) of one run. */
export const recordLine = (run: RunOutput): string => signedLine(JSON.stringify(run));

/**
 * A record line as a run (without its checksum field), or undefined when it is not one. A
 * sweep's run carries its design `point` (a whole number from 1); records written by 0.2.1
 * have none, which is still a run.
 */
function parseRun(body: string): (RunOutput & { checksum?: unknown }) | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  // Complete JSON that is not a run was written by something else: refused wherever it is, with
  // the schema's first problem (`{"id":…,"accounts":[]}` made resume fail with a TypeError).
  const problems = runRecordProblems(parsed);
  if (problems.length) throw new NotARun(problems);
  return parsed as RunOutput & { checksum?: unknown };
}

/** A record line that is JSON but not a run, with the schema's problems. */
class NotARun extends Error {
  constructor(readonly problems: ScenarioProblem[]) {
    super('not a run');
  }
}

/**
 * Reads a run record; a bad line other than the last means the file was edited or corrupted.
 * Read in chunks, a line at a time: a record of many thousand runs outgrows the longest string
 * V8 can hold (512 MiB), so it is never read into one. The file must be a regular file (a named
 * pipe would block); problems are {@link FileRefusedError}s naming the file, the line and the run.
 */
export function readRunRecord(path: string, options: number | ReadRunRecordOptions = {}): RunRecord {
  const o = typeof options === 'number' ? { chunkBytes: options } : options;
  const record: RunRecord = { runs: [], digests: [], goodBytes: 0, truncated: false, unverified: 0, duplicateLines: [] };
  let file;
  try {
    file = openRegular(path, 'the run record');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return record;
    throw e;
  }
  const { fd, size } = file;
  const seen = new Map<string, { digest: string; line: number }>();
  const refuse = (line: number, reason: string) => new FileRefusedError(`${path}, line ${line}`, reason);
  try {
    for (const { line, at, bytes, complete } of lines(fd, size, o.chunkBytes)) {
      let run;
      try {
        run = complete ? parseRun(bytes.toString('utf8')) : undefined;
      } catch (e) {
        if (!(e instanceof NotARun)) throw e;
        throw refuse(line, `not a run record (the file was edited; remove the line to redo that run): ${e.problems.map(formatProblem).join('; ')}`);
      }
      if (!run) {
        // A last line cut off while it was written (a kill): the run is redone.
        if (at + bytes.length + (complete ? 1 : 0) === size) return { ...record, goodBytes: at, truncated: true };
        throw refuse(line, 'not a run record (the file was edited or corrupted; remove the line to redo that run)');
      }
      const id = quoteExcerpt(run.id);
      const check = checkLine(bytes, 'checksum' in run);
      if (check.status === 'mismatch') {
        throw refuse(line, `run ${id} does not match its checksum: the line was changed after feedsim wrote it (edited, or damaged on disk), so its numbers cannot be trusted. Restore the file, or delete the line to redo that run`);
      }
      if (check.status === 'unsigned' && o.requireChecksums) {
        throw refuse(line, `run ${id} has no checksum, though every line of this directory was written with one: the line was changed after feedsim wrote it. Restore the file, or delete the line to redo that run`);
      }
      delete run.checksum;
      const first = seen.get(run.id);
      if (first && first.digest !== check.digest) {
        throw refuse(line, `run ${id} is recorded twice with different numbers (lines ${first.line} and ${line}): one of them was edited, or two different experiments wrote here. Keep the right line and delete the other (or both, to redo the run)`);
      }
      if (first) record.duplicateLines.push(line);
      else {
        seen.set(run.id, { digest: check.digest, line });
        if (check.status === 'unsigned') record.unverified++;
        record.runs.push(run);
        record.digests.push(check.digest);
      }
    }
    return { ...record, goodBytes: size };
  } finally {
    closeSync(fd);
  }
}

/** One line of a file: its number (from 1), byte offset, bytes without the newline, and whether a newline ended it. */
interface Line {
  line: number;
  at: number;
  /** Valid until the next line is read (the chunk buffer is reused). */
  bytes: Buffer;
  complete: boolean;
}

/** The lines of the open file `fd` up to byte `end`, read in chunks of `chunkBytes`. */
function* lines(fd: number, end: number, chunkBytes = 16 * 2 ** 20): Generator<Line> {
  const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(chunkBytes, end)));
  let rest = Buffer.alloc(0); // the start of a line the chunks so far have not finished
  let restAt = 0; // its byte offset in the file
  let line = 0;
  for (let position = 0; position < end; ) {
    const n = readSync(fd, chunk, 0, Math.min(chunk.length, end - position), position);
    if (n <= 0) break;
    position += n;
    const data = rest.length ? Buffer.concat([rest, chunk.subarray(0, n)]) : chunk.subarray(0, n);
    let from = 0;
    for (let nl = data.indexOf(10); nl !== -1; nl = data.indexOf(10, from)) {
      yield { line: ++line, at: restAt + from, bytes: data.subarray(from, nl), complete: true };
      from = nl + 1;
    }
    rest = Buffer.from(data.subarray(from)); // a copy: the chunk is reused
    restAt += from;
  }
  if (rest.length) yield { line: line + 1, at: restAt, bytes: rest, complete: false };
}

/**
 * Cleans the record for appending: cuts a cut-off last line, and rewrites the file (atomically)
 * without identical repeats of a run, keeping every other line byte for byte.
 */
export function repairRunRecord(path: string, record: RunRecord): void {
  if (record.truncated) truncateSync(path, record.goodBytes);
  if (record.duplicateLines.length) writeAtomic(path, linesWithout(path, new Set(record.duplicateLines), record.goodBytes));
}

/** The complete lines of the file at `path` up to byte `end` (with their newlines), less those numbered in `drop`. */
function* linesWithout(path: string, drop: Set<number>, end: number): Generator<Buffer> {
  const { fd } = openRegular(path, 'the run record');
  try {
    for (const l of lines(fd, end)) if (l.complete && !drop.has(l.line)) yield Buffer.concat([l.bytes, NEWLINE]);
  } finally {
    closeSync(fd);
  }
}

const NEWLINE = Buffer.from('\n');
