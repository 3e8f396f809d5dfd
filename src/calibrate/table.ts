/**
 * A CSV export as a header and rows, the cells' counts, and the problems found on the way. Shared
 * by the post reader and the follower-count reader: both refuse an empty file, name rows as a
 * spreadsheet numbers them (the header is row 1) and report every bad cell together.
 * @module
 */
import { printable } from '../excerpt.js';
import type { ScenarioProblem } from '../scenario/errors.js';
import { parseCsv } from './csv.js';
import { ExportError, place, refuse } from './export-error.js';

/** One data row: its number as a spreadsheet shows it (the header is row 1) and its cells. */
export interface TableRow {
  row: number;
  cells: string[];
}

/** A CSV file read as a header (names trimmed) and its non-empty rows. */
export interface Table {
  header: string[];
  rows: TableRow[];
  /** Rows with no value in any cell, before the last row with values (blank rows at the end are not rows). */
  emptyRows: number[];
}

/** Problems collected while reading, thrown together; after `limit` only the count is kept. */
export interface Problems {
  add(path: string, value: string, allowed: string): void;
  /** Throws an {@link ExportError} listing the problems, if there are any. */
  check(): void;
}

/** A collector of problems; a file with thousands of bad rows lists the first `limit`. */
export function problemList(limit = 20): Problems {
  const list: ScenarioProblem[] = [];
  let more = 0;
  return {
    add(path, value, allowed) {
      if (list.length < limit) list.push({ path, value: printable(value, 60), allowed });
      else more++;
    },
    check() {
      if (list.length === 0) return;
      const tail = more > 0 ? [{ path: '…', value: more, allowed: `more problem${more === 1 ? '' : 's'} of the same kinds, not listed` }] : [];
      throw new ExportError([...list, ...tail]);
    },
  };
}

const isEmpty = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/** Reads `csv` as a table; an empty file, or one whose first row is empty, is refused. */
export function readTable(csv: string, file: string, problems: Problems): Table {
  const records = parseCsv(csv, file);
  let last = records.length;
  while (last > 0 && isEmpty(records[last - 1])) last--;
  if (last === 0) refuse(file, '', 'is empty: it needs a header row, then one row per entry');
  if (isEmpty(records[0])) refuse(place(file, 1), '', 'is empty: the header must be the first row');
  const header = records[0].map((h) => h.trim());
  const rows: TableRow[] = [];
  const emptyRows: number[] = [];
  for (let i = 1; i < last; i++) {
    const cells = records[i];
    const row = i + 1;
    if (isEmpty(cells)) {
      emptyRows.push(row);
      continue;
    }
    if (cells.length < header.length) {
      problems.add(place(file, row), `${cells.length} cells`, `has ${cells.length} cells; the header has ${header.length} columns: a cut-off row?`);
    } else if (cells.slice(header.length).some((c) => c.trim() !== '')) {
      problems.add(place(file, row), `${cells.length} cells`, `has ${cells.length} cells; the header has ${header.length} columns: an unquoted comma in a value?`);
    }
    rows.push({ row, cells });
  }
  return { header, rows, emptyRows };
}

/** A column found by name: its index, and the indexes of further columns of the same name. */
export interface Located {
  name: string;
  index: number;
  repeats: number[];
}

const key = (name: string): string => name.trim().toLowerCase();

/** What is wrong with a column name found more than once, for a problem's `allowed`. */
export const ambiguity = (hit: Located, what: string): string =>
  `is the name of columns ${[hit.index, ...hit.repeats].map((i) => i + 1).join(' and ')}: which one holds ${what} is ambiguous; rename or remove the others`;

/** The first of `names` present in `header` (compared without case or surrounding spaces). */
export function locate(header: readonly string[], names: readonly string[]): Located | undefined {
  for (const name of names) {
    const at = header.flatMap((h, i) => (key(h) === key(name) ? [i] : []));
    if (at.length > 0) return { name: header[at[0]], index: at[0], repeats: at.slice(1) };
  }
  return undefined;
}

/** Header names that occur more than once (case aside), each with its 1-based column numbers. */
export function repeatedNames(header: readonly string[]): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  header.forEach((h, i) => {
    if (h !== '') seen.set(key(h), [...(seen.get(key(h)) ?? []), i + 1]);
  });
  return new Map([...seen].filter(([, at]) => at.length > 1).map(([, at]) => [header[at[0] - 1], at]));
}

/** What a count cell may hold, in words. */
export const COUNT_RULE = 'must be a count: a whole number, 0 or more (1234 or 1,234)';

/** A count cell as a number, or what is wrong with it (a negative, a fraction, a percentage, text). */
export function readCount(text: string): number | string {
  const t = text.trim();
  if (t.endsWith('%')) return 'is a percentage, not a count: this field needs a column of counts';
  // Thousands separators only in their places (1,234,567), so 1,5 (a decimal comma) is refused.
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(t);
  if (!m) return COUNT_RULE;
  const value = Number(m[2].replace(/,/g, '') + (m[3] ?? ''));
  if (m[1] === '-' && value !== 0) return `${COUNT_RULE}; a negative count is impossible`;
  if (!Number.isInteger(value)) return `${COUNT_RULE}; not a fraction`;
  if (!Number.isSafeInteger(value)) return `${COUNT_RULE} below 2^53`;
  return value;
}
