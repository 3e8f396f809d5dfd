/**
 * Dynamic follows of accounts, with per-follow state. Each user's follows sit in one
 * contiguous block of a shared arena, sized to the smallest size class that holds them
 * (1, 2, 3, 4, 6, 8, 12, 16, …: powers of two and three times powers of two), so a follow costs
 * its 12 bytes of state (account with the notification bit, accustomed quality, hazard mark)
 * plus little slack, and a user costs 6 bytes (block start and count). The user's follows are
 * read at each session (lazy hazards, in-network candidates), which is why they are stored on
 * the user's side, contiguously; accounts keep only counts.
 *
 * Blocks freed when a user's follows outgrow or shrink below their class go to per-class free
 * lists; when the arena is full it grows by an eighth, or is repacked first if free blocks make
 * up more than a sixteenth of it. The logical order of a user's follows (slot `start + k` holds
 * the k-th) is all that results depend on; where blocks sit never matters.
 * @module
 */

/** The notification bit of a follow's `code`. */
export const FOLLOW_NOTIFY = 1;

/** Slots of a new arena, and the least it grows by. */
const MIN_ARENA = 1024;
/** Number of size classes: sizes up to 65,536 (the per-user limit is 65,535 follows). */
const CLASSES = 32;

/** The follow pool. The k-th follow of a user is in slot `start[user] + k`. */
export interface FollowStore {
  /** First slot of each user's block (meaningless while the user follows no one). */
  start: Int32Array;
  /** Number of follows of each user. */
  count: Uint16Array;
  /** Per slot: the followed account × 2, plus 1 (`FOLLOW_NOTIFY`) when notifications are on. */
  code: Int32Array;
  /** Quality the follower is used to from the account (moving average, C7). */
  accustomed: Float32Array;
  /** The account's cumulative hazard when it was last applied to this follow (lazy hazards). */
  mark: Float32Array;
  /** Slots handed out from the start of the arena so far. */
  used: number;
  /** Per size class, the first free block (each free block stores the next one in `code`), or −1. */
  freeHead: Int32Array;
  /** Slots in free blocks. */
  freeSlots: number;
}

/** An empty pool for `users` users; its arena grows as follows are added. */
export function createFollowStore(users: number): FollowStore {
  return {
    start: new Int32Array(users),
    count: new Uint16Array(users),
    code: new Int32Array(MIN_ARENA),
    accustomed: new Float32Array(MIN_ARENA),
    mark: new Float32Array(MIN_ARENA),
    used: 0,
    freeHead: new Int32Array(CLASSES).fill(-1),
    freeSlots: 0,
  };
}

/** The smallest size class holding `n` ≥ 1 follows. */
export function blockSize(n: number): number {
  if (n <= 2) return n;
  const p = 1 << (31 - Math.clz32(n - 1)); // the largest power of two below n
  return n <= p + (p >> 1) ? p + (p >> 1) : 2 * p;
}

/** Whether `n` ≥ 1 is a size class: a power of two or three times one. */
function isBlockSize(n: number): boolean {
  return (n & (n - 1)) === 0 || (n % 3 === 0 && ((n / 3) & (n / 3 - 1)) === 0);
}

/** Free-list index of a size class: 1 → 0, 2^j → 2j − 1, 3 · 2^k → 2k + 2. */
function classIndex(size: number): number {
  if (size === 1) return 0;
  const j = 31 - Math.clz32(size);
  return (size & (size - 1)) === 0 ? 2 * j - 1 : 2 * j;
}

function release(f: FollowStore, at: number, size: number): void {
  const c = classIndex(size);
  f.code[at] = f.freeHead[c];
  f.freeHead[c] = at;
  f.freeSlots += size;
}

/** Moves the arena's contents into arrays of `length` slots. */
function resize(f: FollowStore, length: number): void {
  const code = new Int32Array(length);
  const accustomed = new Float32Array(length);
  const mark = new Float32Array(length);
  code.set(f.code.subarray(0, f.used));
  accustomed.set(f.accustomed.subarray(0, f.used));
  mark.set(f.mark.subarray(0, f.used));
  f.code = code;
  f.accustomed = accustomed;
  f.mark = mark;
}

/** Lays every user's block out again from the arena's start, dropping free blocks; room for `extra` more slots. */
function repack(f: FollowStore, extra: number): void {
  const n = f.count;
  let need = extra;
  for (let u = 0; u < n.length; u++) if (n[u] > 0) need += blockSize(n[u]);
  const length = Math.max(MIN_ARENA, Math.ceil(need * 1.125));
  const code = new Int32Array(length);
  const accustomed = new Float32Array(length);
  const mark = new Float32Array(length);
  let at = 0;
  for (let u = 0; u < n.length; u++) {
    if (n[u] === 0) continue;
    const from = f.start[u];
    code.set(f.code.subarray(from, from + n[u]), at);
    accustomed.set(f.accustomed.subarray(from, from + n[u]), at);
    mark.set(f.mark.subarray(from, from + n[u]), at);
    f.start[u] = at;
    at += blockSize(n[u]);
  }
  f.code = code;
  f.accustomed = accustomed;
  f.mark = mark;
  f.used = at;
  f.freeHead.fill(-1);
  f.freeSlots = 0;
}

/** A block of `size` slots (a size class); may move every user's block (repacking). */
function allocate(f: FollowStore, size: number): number {
  const c = classIndex(size);
  const free = f.freeHead[c];
  if (free >= 0) {
    f.freeHead[c] = f.code[free];
    f.freeSlots -= size;
    return free;
  }
  const length = f.code.length;
  if (f.used + size > length) {
    if (f.freeSlots > length >> 4) repack(f, size);
    else resize(f, Math.max(f.used + size, Math.ceil(length * 1.125), length + MIN_ARENA));
  }
  const at = f.used;
  f.used += size;
  return at;
}

/** The pool slot of the user's k-th follow (k < count[user]). */
export function followSlot(f: FollowStore, user: number, k: number): number {
  return f.start[user] + k;
}

/** The account followed in `slot`. */
export function followedAccount(f: FollowStore, slot: number): number {
  return f.code[slot] >> 1;
}

/** Whether the follow in `slot` has notifications on. */
export function notifies(f: FollowStore, slot: number): boolean {
  return (f.code[slot] & FOLLOW_NOTIFY) !== 0;
}

/** Turns the notifications of the follow in `slot` on or off. */
export function setNotifies(f: FollowStore, slot: number, on: boolean): void {
  f.code[slot] = on ? f.code[slot] | FOLLOW_NOTIFY : f.code[slot] & ~FOLLOW_NOTIFY;
}

/** The slot of `user`'s follow of `account`, or −1. */
export function findFollow(f: FollowStore, user: number, account: number): number {
  const n = f.count[user];
  if (n === 0) return -1;
  const code = f.code;
  for (let s = f.start[user], end = s + n; s < end; s++) if (code[s] >> 1 === account) return s;
  return -1;
}

/**
 * Adds a follow (notifications off) as the user's last and returns its slot; the caller sets
 * its state. Slots of other follows may move (read them again after this call).
 */
export function addFollow(f: FollowStore, user: number, account: number): number {
  const n = f.count[user];
  if (n === 0xffff) throw new RangeError(`user ${user} follows 65,535 accounts: the per-user limit`);
  if (n === 0) f.start[user] = allocate(f, 1);
  else if (isBlockSize(n)) {
    // The block is full: move the follows to a block of the next class.
    const to = allocate(f, blockSize(n + 1));
    const from = f.start[user]; // read after allocating, which may repack
    f.code.copyWithin(to, from, from + n);
    f.accustomed.copyWithin(to, from, from + n);
    f.mark.copyWithin(to, from, from + n);
    release(f, from, n);
    f.start[user] = to;
  }
  const slot = f.start[user] + n;
  f.code[slot] = account * 2;
  f.count[user] = n + 1;
  return slot;
}

/** Removes the follow in `slot` of `user`, moving the user's last follow into its place. */
export function removeFollow(f: FollowStore, user: number, slot: number): void {
  const last = f.count[user] - 1;
  const from = f.start[user];
  const lastSlot = from + last;
  if (lastSlot !== slot) {
    f.code[slot] = f.code[lastSlot];
    f.accustomed[slot] = f.accustomed[lastSlot];
    f.mark[slot] = f.mark[lastSlot];
  }
  f.count[user] = last;
  // Shrink in place to the class of `last`: the block's tail (itself a class) becomes free.
  if (last === 0) release(f, from, 1);
  else if (isBlockSize(last)) release(f, lastSlot, blockSize(last + 1) - last);
}
