/**
 * One writer per results directory. Two processes appending to one `runs.jsonl` (two
 * `sweep --resume` of one directory) each redo the runs the other is doing and leave them
 * recorded twice; so every command that writes a results directory first creates its lock file,
 * `.feedsim.lock`, atomically (`O_CREAT | O_EXCL`, which also refuses a link in its place),
 * holding who holds it: pid, host, start time and command. A second writer is refused, naming
 * the holder. A lock whose process is gone (same host, no such pid) is stale and taken over;
 * a lock from another host cannot be checked and is refused with the command to remove it.
 * The holder removes its lock when it finishes, fails or is stopped (see `releaseHeldLocks`).
 * @module
 */
import { randomUUID } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { printable, quoteExcerpt } from '../excerpt.js';
import { VERSION } from '../version.js';
import { FileRefusedError } from './refused.js';
import { kindOf, writeFully } from './safe-write.js';

/** The lock file's name inside a results directory. */
export const LOCK_FILE = '.feedsim.lock';

/** Who holds a lock (the lock file's content). */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** ISO 8601 time the lock was taken. */
  started: string;
  /** What holds it, e.g. `feedsim sweep --resume results`. */
  command: string;
  feedsim: string;
  /** Tells this holder's lock from a later one with the same pid. */
  token: string;
}

/** A lock this process holds. */
export interface HeldLock {
  path: string;
  /** Removes the lock (if it is still this one); safe to call more than once. */
  release(): void;
  /** The holder of a stale lock that was taken over, for a note. */
  recovered?: LockHolder;
}

/** Locks this process holds: path → token. */
const held = new Map<string, string>();
/** Set once the process releases its locks on exit (one listener, however many locks). */
let exitHook: unknown;

/** Removes every lock this process holds (on exit, and before a signal ends the process). */
export function releaseHeldLocks(): void {
  for (const [path, token] of [...held]) release(path, token);
}

function release(path: string, token: string): void {
  held.delete(path);
  try {
    // Only our own lock: after a takeover the file may be another process's.
    if (readHolder(path)?.token === token) unlinkSync(path);
  } catch {
    // Gone, or replaced by something that is not ours: nothing to release.
  }
}

/** The holder in the lock file at `path`, or undefined when there is none; content that is not a lock is a holder with pid −1. */
function readHolder(path: string): LockHolder | undefined {
  let text: string;
  try {
    const fd = openNoFollowRead(path);
    try {
      if (!fstatSync(fd).isFile()) throw new FileRefusedError(path, `${kindOf(fstatSync(fd))} where feedsim keeps its lock: remove it`);
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw new FileRefusedError(path, 'a symbolic link where feedsim keeps its lock: remove it');
    throw e;
  }
  try {
    const h = JSON.parse(text) as LockHolder;
    if (typeof h.pid === 'number' && typeof h.hostname === 'string' && typeof h.token === 'string') return h;
  } catch {
    // Falls through: not a lock (or one being written this instant).
  }
  return { pid: -1, hostname: '?', started: '?', command: `the unreadable ${quoteExcerpt(text, 40)}`, feedsim: '?', token: '' };
}

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
// Non-blocking: a named pipe in the lock's place must not stop the command.
const openNoFollowRead = (path: string): number => openSync(path, constants.O_RDONLY | NOFOLLOW | (constants.O_NONBLOCK ?? 0));

/** Whether process `pid` runs on this host (EPERM: it runs, as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock whose holder is known to be gone: on this host, and its pid no longer runs (or is us, from before a restart). */
function isStale(h: LockHolder, path: string): boolean {
  if (h.pid <= 0 || h.hostname !== hostname()) return false;
  if (h.pid === process.pid) return held.get(path) !== h.token;
  return !alive(h.pid);
}

/** Blocks this thread for `ms` milliseconds (lock contention only: microseconds in practice). */
const pause = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Creates the lock file with `text`, or returns false when one exists. */
function tryCreate(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeFully(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

// The lock file's fields are printed escaped: anyone who can write the directory can write them.
const describe = (h: LockHolder): string => h.pid === -1
  ? `an unknown process (the lock file holds ${h.command})`
  : `${printable(h.command)} (pid ${h.pid} on ${h.hostname === hostname() ? 'this host' : `host ${printable(h.hostname)}`}, since ${printable(String(h.started))})`;

/**
 * Removes the stale lock whose content is `stale`, under a second lock (`.feedsim.lock.break`)
 * so that two processes finding it stale at once cannot both remove it — the second would
 * remove the first one's new lock.
 */
function breakStale(path: string, stale: LockHolder): void {
  const breaker = `${path}.break`;
  if (!tryCreate(breaker, JSON.stringify({ pid: process.pid, hostname: hostname() }))) {
    // Another process is taking it over. A breaker whose process died mid-takeover is removed.
    const b = readHolderLoose(breaker);
    if (b && b.hostname === hostname() && b.pid !== process.pid && !alive(b.pid)) unlinkQuietly(breaker);
    return;
  }
  try {
    if (readHolder(path)?.token === stale.token) unlinkQuietly(path);
  } finally {
    unlinkQuietly(breaker);
  }
}

function readHolderLoose(path: string): { pid: number; hostname: string } | undefined {
  try {
    const b = JSON.parse(readFileSync(path, 'utf8')) as { pid: number; hostname: string };
    return typeof b.pid === 'number' ? b : undefined;
  } catch {
    return undefined;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Gone already.
  }
}

/**
 * Takes the lock of results directory `dir` (which must exist) for `command`; throws a
 * {@link FileRefusedError} naming the holder when another live process has it.
 */
export function acquireLock(dir: string, command: string): HeldLock {
  const path = join(dir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, hostname: hostname(), started: new Date().toISOString(), command, feedsim: VERSION, token: randomUUID() };
  let recovered: LockHolder | undefined;
  let unreadable = 0;
  // Bounded: each round either takes the lock, refuses, or removes a stale one.
  for (let round = 0; round < 100; round++) {
    if (tryCreate(path, JSON.stringify(me) + '\n')) {
      held.set(path, me.token);
      if (!exitHook) exitHook = process.once('exit', releaseHeldLocks);
      const releaseMine = (): void => {
        if (held.get(path) === me.token) release(path, me.token);
      };
      return { path, release: releaseMine, ...(recovered ? { recovered } : {}) };
    }
    const h = readHolder(path);
    if (!h) continue; // released between our two looks
    if (h.pid === -1 && ++unreadable < 20) {
      pause(10); // being written this instant
      continue;
    }
    if (h.token && held.get(path) === h.token) throw new FileRefusedError(dir, `results directory already being written by this process (${describe(h)})`);
    if (!isStale(h, path)) {
      const remedy = h.pid === -1 || h.hostname !== hostname()
        ? `If no feedsim runs there any more (its machine stopped, or the job was killed), delete ${path} and start again`
        : `Wait for it to finish, or stop it (Ctrl-C keeps its finished runs)`;
      throw new FileRefusedError(dir, `results directory in use: ${describe(h)} holds its lock ${path}. One writer at a time keeps the record whole. ${remedy}`);
    }
    recovered = h;
    breakStale(path, h);
    pause(1);
  }
  throw new FileRefusedError(dir, `could not take its lock ${path}: other processes kept taking it`);
}
