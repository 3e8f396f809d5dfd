/**
 * The error for a bad analytics export, follower-count file or export mapping. It is a
 * {@link ScenarioError}, so the CLI prints it as bad input (exit 2, the problems listed, never a
 * stack trace); each problem names the file, the row and column when there is one, the bad value
 * and what is allowed.
 * @module
 */
import { quoteExcerpt } from '../excerpt.js';
import { formatProblem, ScenarioError, type ScenarioProblem } from '../scenario/errors.js';

/** Thrown for a bad export, follower-count file or mapping; `problems` lists everything found. */
export class ExportError extends ScenarioError {
  constructor(problems: ScenarioProblem[]) {
    super(problems);
    this.name = 'ExportError';
    // ScenarioError's message says "invalid scenario"; an export's problems speak for themselves.
    this.message = problems.map(formatProblem).join('\n');
  }
}

/**
 * Where a problem is, for a problem's `path`: `file, row 4, column "Likes"`. Column names come
 * from the file, so they are quoted as excerpts (escaped, cut to a few characters).
 */
export function place(file: string, row?: number, column?: string): string {
  const at = row === undefined ? '' : `, row ${row}`;
  return `${file}${at}${column === undefined ? '' : `, column ${quoteExcerpt(column)}`}`;
}

/** Throws one problem at once (for what stops the reading: no header, a broken quote). */
export function refuse(path: string, value: unknown, allowed: string): never {
  throw new ExportError([{ path, value, allowed }]);
}
