/**
 * Exit codes and error reporting: 0 success, 1 a failed run, 2 bad input. Bad input is printed
 * as the list of problems, never as a stack trace (`FEEDSIM_DEBUG=1` adds stacks for bugs).
 * @module
 */
import { formatProblem, ScenarioError } from '../scenario/errors.js';

/** Exit codes of the `feedsim` command. */
export const EXIT = { ok: 0, failed: 1, badInput: 2, interrupted: 130 } as const;

/** Bad command-line input outside a scenario (a flag's value, a missing directory). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Prints `e` for a person and returns the exit code it deserves. */
export function reportError(e: unknown, write: (s: string) => void = (s) => process.stderr.write(s)): number {
  if (e instanceof ScenarioError) {
    write(`feedsim: ${e.problems.length} problem${e.problems.length === 1 ? '' : 's'} in the input:\n`);
    for (const p of e.problems) write(`  - ${formatProblem(p)}\n`);
    return EXIT.badInput;
  }
  if (e instanceof InputError) {
    write(`feedsim: ${e.message}\n`);
    return EXIT.badInput;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  write(`feedsim: the run failed: ${err.message}\n`);
  if (process.env.FEEDSIM_DEBUG) write(`${err.stack}\n`);
  else write('(set FEEDSIM_DEBUG=1 for the stack trace, and please report it if it looks like a bug)\n');
  return EXIT.failed;
}
