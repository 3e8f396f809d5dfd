/**
 * Apache Arrow IPC export of tidy rows (`feedsim/arrow`), for pandas, polars, R and DuckDB.
 * Optional and heavy, so it lives behind its own entry point.
 * @module
 */
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { TIDY_COLUMNS, type TidyRow } from '../engine/tidy.js';

const NUMERIC = new Set<string>(['replicate', 'seed', 'cycle', 'value']);

/**
 * Tidy rows as an Arrow IPC file (the columns of `TIDY_COLUMNS`; numbers as float64, text as
 * dictionary-encoded strings).
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { simulate, toRows } from 'feedsim';
 * import { rowsToArrow } from 'feedsim/arrow';
 * writeFileSync('rows.arrow', rowsToArrow(toRows(simulate({ users: 1000, cycles: 2 }))));
 * // Python: pyarrow.ipc.open_file('rows.arrow').read_pandas()
 * ```
 */
export function rowsToArrow(rows: readonly TidyRow[]): Uint8Array {
  const columns: Record<string, Float64Array | string[]> = {};
  for (const c of TIDY_COLUMNS) {
    if (NUMERIC.has(c)) {
      const a = new Float64Array(rows.length);
      // A value the run record stored as null (JSON has no NaN or Infinity) is NaN, not 0.
      for (let i = 0; i < rows.length; i++) {
        const v = rows[i][c];
        a[i] = v === null || v === undefined ? NaN : Number(v);
      }
      columns[c] = a;
    } else columns[c] = rows.map((r) => String(r[c] ?? ''));
  }
  return tableToIPC(tableFromArrays(columns), 'file');
}
