/**
 * The error of a file or directory feedsim will not use as it is: a symbolic link or special file
 * where results are written, an input that is not a regular file, a results directory another
 * feedsim holds, a record that was edited. It is bad input (the command line exits 2 and prints
 * the message), never a bug.
 * @module
 */

/** A refused file: `path` as the user gave it (or as joined from it), `reason` in words. */
export class FileRefusedError extends Error {
  readonly path: string;
  readonly reason: string;
  constructor(path: string, reason: string) {
    super(`${path}: ${reason}`);
    this.name = 'FileRefusedError';
    this.path = path;
    this.reason = reason;
  }
}
