/**
 * Exit codes and error reporting: 0 success, 1 a failed run, 2 bad input. Bad input is printed
 * as the list of problems, never as a stack trace (`FEEDSIM_DEBUG=1` adds stacks for bugs).
 * @module
 */
import { FileRefusedError } from '../io/refused.js';
import { formatProblem, ScenarioError } from '../scenario/errors.js';

/** Exit codes of the `feedsim` command. */
export const EXIT = { ok: 0, failed: 1, badInput: 2, interrupted: 130, terminated: 143 } as const;

/** Bad command-line input outside a scenario (a flag's value, a missing directory). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** What the file system refused, by error code. */
const FS_CAUSES: Record<string, string> = {
  EACCES: 'permission denied', EPERM: 'not permitted', EEXIST: 'a file is in the way', ENOTDIR: 'a file is in the way of a directory',
  EISDIR: 'is a directory', ENOENT: 'no such file or directory', EROFS: 'read-only file system', ENOSPC: 'the disk is full',
  EFBIG: 'the file is too large (a file-size limit)', EDQUOT: 'the disk quota is exceeded', ENAMETOOLONG: 'the name is too long',
  ENXIO: 'no such device or address (a socket?)', ELOOP: 'too many levels of symbolic links',
};

/**
 * A file-system error on a path the user named (an unreadable file, an --out inside a file, a
 * read-only or full disk) as one line naming the path and the cause, or undefined for other errors.
 */
function fileSystemProblem(e: unknown): string | undefined {
  const x = e as { code?: unknown; path?: unknown; syscall?: unknown };
  if (!(e instanceof Error) || typeof x.code !== 'string' || !(x.code in FS_CAUSES)) return undefined;
  const where = typeof x.path === 'string' ? ` ${x.path}` : '';
  return `cannot ${x.syscall ?? 'access'}${where}: ${FS_CAUSES[x.code]} (${x.code})`;
}

/** Prints `e` for a person and returns the exit code it deserves. */
export function reportError(e: unknown, write: (s: string) => void = (s) => process.stderr.write(s)): number {
  if (e instanceof ScenarioError) {
    write(`feedsim: ${e.problems.length} problem${e.problems.length === 1 ? '' : 's'} in the input:\n`);
    for (const p of e.problems) write(`  - ${formatProblem(p)}\n`);
    return EXIT.badInput;
  }
  // A refused file (a link in a results directory, a special input file, a directory in use).
  if (e instanceof InputError || e instanceof FileRefusedError) {
    write(`feedsim: ${e.message}\n`);
    return EXIT.badInput;
  }
  const fs = fileSystemProblem(e);
  if (fs) {
    write(`feedsim: ${fs}\n`);
    return EXIT.badInput;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  write(`feedsim: the run failed: ${err.message}\n`);
  if (process.env.FEEDSIM_DEBUG) write(`${err.stack}\n`);
  else write('(set FEEDSIM_DEBUG=1 for the stack trace, and please report it if it looks like a bug)\n');
  return EXIT.failed;
}
