/**
 * Writing results without being tricked. A results directory may be reached through links (the
 * user's path is the user's choice), but nothing inside it is written through one: a pre-made
 * `runs.jsonl → ../victim` would otherwise make feedsim append to, or rename its output over,
 * the link's target. Every name is checked with `lstat` first (for a message naming the link),
 * and every open that creates or appends also carries `O_NOFOLLOW` (a link made between the
 * check and the open fails there). Directories are created one component at a time, so the
 * number of system calls is bounded by the path's length.
 * @module
 */
import { closeSync, constants, fsyncSync, lstatSync, mkdirSync, openSync, readlinkSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { join, parse, resolve, sep } from 'node:path';
import { quoteExcerpt } from '../excerpt.js';
import { FileRefusedError } from './refused.js';

// Absent on Windows, which has no symbolic links in the POSIX sense to guard against here.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** What a file-system entry is, in words. */
export function kindOf(st: Stats): string {
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isDirectory()) return 'a directory';
  if (st.isFile()) return 'a regular file';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'a special file';
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function linkRefusal(path: string): FileRefusedError {
  let target = '';
  try {
    target = ` (to ${quoteExcerpt(readlinkSync(path), 200)})`;
  } catch {
    // Gone or unreadable: the refusal stands without its target.
  }
  return new FileRefusedError(path, `a symbolic link${target}, and feedsim never writes through a link where it writes results (it would overwrite what the link points to): remove the link, or choose another directory`);
}

/**
 * Refuses `path` unless it is absent or an entry of the kind feedsim writes there (a regular
 * file, or with `directory` a directory), never following a link. Returns whether it exists.
 */
export function refuseLink(path: string, want: 'file' | 'directory' = 'file'): boolean {
  const st = lstatOrUndefined(path);
  if (!st) return false;
  if (st.isSymbolicLink()) throw linkRefusal(path);
  const ok = want === 'file' ? st.isFile() : st.isDirectory();
  if (!ok) throw new FileRefusedError(path, `${kindOf(st)} where feedsim writes ${want === 'file' ? 'a regular file' : 'a directory'}: remove it, or choose another directory`);
  return true;
}

const MKDIR_CAUSES: Record<string, string> = {
  EACCES: 'permission denied', EPERM: 'not permitted', EROFS: 'the file system is read-only', ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded', ENAMETOOLONG: 'the name is too long', ELOOP: 'too many levels of symbolic links',
  // mkdir in /proc or /sys fails with ENOENT although the parent exists: Node's own recursive
  // mkdir then retries the parent and the child for ever (144k calls in 20 s at 100 % CPU).
  ENOENT: 'the file system does not allow creating it (a kernel file system such as /proc or /sys?)',
};

/**
 * Creates directory `dir` and its missing parents, one component at a time: at most two
 * `stat`s and one `mkdir` per component, however the file system answers. Existing components
 * may be links to directories; anything else in the way is refused.
 */
export function ensureDirectory(dir: string): void {
  const target = resolve(dir);
  const { root } = parse(target);
  let at = root;
  for (const part of target.slice(root.length).split(sep).filter(Boolean)) {
    at = join(at, part);
    const st = statOrUndefined(at, dir);
    if (st?.isDirectory()) continue;
    if (st) throw new FileRefusedError(dir, `cannot be created: ${at} is ${kindOf(lstatSync(at))}, not a directory`);
    try {
      mkdirSync(at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      // Made by another process since the stat: fine if it is a directory.
      if (code === 'EEXIST' && statOrUndefined(at, dir)?.isDirectory()) continue;
      throw new FileRefusedError(dir, `cannot create the directory ${at}: ${MKDIR_CAUSES[code] ?? (e as Error).message} (${code || 'mkdir'})`);
    }
  }
}

function statOrUndefined(at: string, dir: string): Stats | undefined {
  try {
    return statSync(at);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT') return undefined;
    throw new FileRefusedError(dir, `cannot use ${at}: ${MKDIR_CAUSES[code] ?? (e as Error).message} (${code || 'stat'})`);
  }
}

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

function openNoFollow(path: string, flags: number): number {
  try {
    return openSync(path, flags | NOFOLLOW, 0o666);
  } catch (e) {
    // A link made after the lstat check: O_NOFOLLOW refuses it with ELOOP.
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw linkRefusal(path);
    throw e;
  }
}

/** Opens `path` for appending (creating it), refusing a link or special file in its place. */
export function openAppend(path: string): number {
  refuseLink(path);
  return openNoFollow(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT);
}

/**
 * Writes `pieces` to `path` atomically: into `<path>.tmp`, created exclusively (it cannot be a
 * link), flushed to disk, then renamed over `path`, so a kill never leaves half a file. A
 * temporary file left by a killed writer is replaced; a link or special file in either place is
 * refused.
 */
export function writeAtomic(path: string, pieces: Iterable<string | Uint8Array>): void {
  refuseLink(path);
  const tmp = `${path}.tmp`;
  if (refuseLink(tmp)) unlinkSync(tmp);
  const fd = openNoFollow(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL);
  try {
    for (const p of pieces) writeFully(fd, p);
    // On disk before the rename, so a crash cannot leave an empty file in the old one's place.
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(tmp);
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, path);
}
