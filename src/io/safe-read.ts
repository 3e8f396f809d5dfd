/**
 * Reading input files that are what they claim to be: regular files whose content is as long as
 * the file system says. A named pipe would block the read for ever, a device never end it, and a
 * kernel file such as `/proc/self/environ` reports 0 bytes yet reads the environment, which a
 * parse error would then echo; each is refused before its content is used.
 * @module
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { FileRefusedError } from './refused.js';
import { kindOf } from './safe-write.js';

// Opening a named pipe without O_NONBLOCK waits for a writer; with it the open returns at once
// and fstat says what it is. Regular files read as usual.
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** An open regular file and its size. */
export interface RegularFile {
  fd: number;
  size: number;
}

/** Opens `path` for reading if it is a regular file (links to one are followed: reading is safe). */
export function openRegular(path: string, what = 'file'): RegularFile {
  const refuse = (st: Stats) => new FileRefusedError(path, `${what} is ${kindOf(st)}, not a regular file; feedsim reads only regular files`);
  // Checked before opening too: a socket cannot be opened at all (ENXIO).
  const before = statSync(path);
  if (!before.isFile()) throw refuse(before);
  const fd = openSync(path, constants.O_RDONLY | NONBLOCK);
  const st = fstatSync(fd);
  if (!st.isFile()) {
    closeSync(fd);
    throw refuse(st);
  }
  return { fd, size: st.size };
}

/**
 * The bytes of the regular file `path` (at most `limit`). A file that reads longer or shorter
 * than its size is a kernel pseudo-file (or one being written): refused, nothing of it used.
 */
export function readRegularFile(path: string, what = 'file', limit = Infinity): Buffer {
  const { fd, size } = openRegular(path, what);
  try {
    if (size > limit) throw new FileRefusedError(path, `${what} is ${size} bytes; at most ${limit} are read`);
    // One byte more than the size: reading it means the file is longer than it says.
    const buf = Buffer.allocUnsafe(size + 1);
    let got = 0;
    for (let n; got < buf.length && (n = readSync(fd, buf, got, buf.length - got, null)) > 0; ) got += n;
    if (got !== size) {
      throw new FileRefusedError(path, `${what} is not an ordinary file on disk: it reports ${size} bytes but reads ${got > size ? 'more' : got} (a kernel file such as /proc/self/environ, or a file being written); nothing of it is used`);
    }
    return buf.subarray(0, size);
  } finally {
    closeSync(fd);
  }
}

/** `bytes` as UTF-8 text, refused (and not quoted) when they hold a NUL byte: not a text file. */
export function textOf(bytes: Buffer, path: string, what = 'file'): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new FileRefusedError(path, `${what} is not a text file (a NUL byte at byte ${nul}); nothing of it is quoted`);
  return bytes.toString('utf8');
}
