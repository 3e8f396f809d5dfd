/**
 * File sinks for Node: JSON Lines (the durable record) and CSV. Each run's rows are appended
 * and flushed to disk as the run finishes, so an interrupted experiment keeps finished runs.
 * @module
 */
import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { CSV_HEADER, csvLines, jsonLines, type RowSink } from './sink.js';

/**
 * Writes all of `data` at the file's position: `writeSync` may write only part (a full disk, a
 * file-size limit) and returns the count, and a record cut short would look like a finished one.
 */
export function writeFully(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  for (let at = 0; at < bytes.length; ) {
    const n = writeSync(fd, bytes, at, bytes.length - at);
    if (n <= 0) throw new Error(`could not write: ${bytes.length - at} of ${bytes.length} bytes left unwritten (is the disk full?)`);
    at += n;
  }
}

/** Appends text to `path` (created with its folder), flushed to disk before it returns. */
export function appender(path: string, header = ''): (text: string) => void {
  mkdirSync(dirname(path), { recursive: true });
  if (header && (!existsSync(path) || statSync(path).size === 0)) appendFileSync(path, header);
  return (text) => {
    const fd = openSync(path, 'a');
    try {
      writeFully(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  };
}

/** Appends rows as JSON Lines to `path` (created with its folder). */
export function jsonLinesSink(path: string): RowSink {
  const append = appender(path);
  return { write: (rows) => append(jsonLines(rows)) };
}

/** Appends rows as CSV to `path`, with a header when the file is new. */
export function csvSink(path: string): RowSink {
  const append = appender(path, CSV_HEADER);
  return { write: (rows) => append(csvLines(rows)) };
}
