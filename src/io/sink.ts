/**
 * Sinks receive tidy rows as runs finish, so experiments stream results instead of holding
 * them. File sinks (JSON Lines, CSV) live in `feedsim/node`; this one keeps rows in memory.
 * @module
 */
import { TIDY_COLUMNS, type TidyRow } from '../engine/tidy.js';

/** Receives the rows of each finished run, in run order. */
export interface RowSink {
  write(rows: TidyRow[]): void | Promise<void>;
  close?(): void | Promise<void>;
}

/** A sink that keeps every row (for small experiments and tests). */
export function memorySink(): RowSink & { rows: TidyRow[] } {
  const rows: TidyRow[] = [];
  return { rows, write: (r) => void rows.push(...r) };
}

/** One CSV field: quoted when it holds a comma, quote or line break. */
function csvField(v: unknown): string {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV header line of tidy rows. */
export const CSV_HEADER = TIDY_COLUMNS.join(',') + '\n';

/** Tidy rows as CSV lines (no header). */
export function csvLines(rows: TidyRow[]): string {
  let out = '';
  for (const r of rows) out += TIDY_COLUMNS.map((c) => csvField(r[c])).join(',') + '\n';
  return out;
}

/** Tidy rows as JSON Lines. */
export function jsonLines(rows: TidyRow[]): string {
  let out = '';
  for (const r of rows) out += JSON.stringify(r) + '\n';
  return out;
}
