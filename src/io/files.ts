/**
 * File sinks for Node: JSON Lines (the durable record) and CSV. Each run's rows are appended
 * and flushed to disk as the run finishes, so an interrupted experiment keeps finished runs.
 * Files are created with their folder, and never written through a symbolic link.
 * @module
 */
import { closeSync, fsyncSync, lstatSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensureDirectory, openAppend, refuseLink, writeFully } from './safe-write.js';
import { CSV_HEADER, csvLines, jsonLines, type RowSink } from './sink.js';

export { writeFully } from './safe-write.js';

/** Appends text to `path` (created with its folder), flushed to disk before it returns. */
export function appender(path: string, header = ''): (text: string) => void {
  ensureDirectory(dirname(path));
  const append = (text: string): void => {
    const fd = openAppend(path);
    try {
      writeFully(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  };
  if (header && (!refuseLink(path) || lstatSync(path).size === 0)) append(header);
  return append;
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
