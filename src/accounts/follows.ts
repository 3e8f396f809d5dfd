/**
 * Dynamic follows of accounts, with per-follow state. Each user's follows sit in a chain of
 * 4-slot pages from one shared pool, so a user with no follows costs 6 bytes and a follow
 * costs 14 bytes (account, accustomed quality, hazard mark, flags and a quarter of the page link).
 * The user's follows are read at each session (lazy hazards, in-network candidates), which is
 * why they are stored on the user's side; accounts keep only counts.
 * @module
 */

/** Follows per page. */
const PAGE = 4;

/** Flag bits of a follow. */
export const FOLLOW_NOTIFY = 1;

/** The follow pool. Slot `k` of a user is in page `k >> 2` of its chain, at offset `k & 3`. */
export interface FollowStore {
  /** First page of each user's chain, −1 for none. */
  head: Int32Array;
  /** Number of follows of each user. */
  count: Uint16Array;
  /** Next page in a chain, or −1; for free pages, the next free page. */
  next: Int32Array;
  /** Per slot (page × 4 + offset): the followed account. */
  account: Int32Array;
  /** Quality the follower is used to from the account (moving average, C7). */
  accustomed: Float32Array;
  /** The account's cumulative hazard when it was last applied to this follow (lazy hazards). */
  mark: Float32Array;
  flags: Uint8Array;
  pages: number;
  freePage: number;
}

/** An empty pool for `users` users. */
export function createFollowStore(users: number, expectedFollows = 0): FollowStore {
  const pages = Math.max(64, Math.ceil(expectedFollows / PAGE) + 64);
  return {
    head: new Int32Array(users).fill(-1),
    count: new Uint16Array(users),
    next: new Int32Array(pages).fill(-1),
    account: new Int32Array(pages * PAGE),
    accustomed: new Float32Array(pages * PAGE),
    mark: new Float32Array(pages * PAGE),
    flags: new Uint8Array(pages * PAGE),
    pages: 0,
    freePage: -1,
  };
}

function growTyped<T extends Int32Array | Float32Array | Float64Array | Uint8Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}

function newPage(f: FollowStore): number {
  if (f.freePage >= 0) {
    const p = f.freePage;
    f.freePage = f.next[p];
    f.next[p] = -1;
    return p;
  }
  if (f.pages === f.next.length) {
    const pages = f.next.length * 2;
    const next = growTyped(f.next, pages);
    next.fill(-1, f.next.length);
    f.next = next;
    f.account = growTyped(f.account, pages * PAGE);
    f.accustomed = growTyped(f.accustomed, pages * PAGE);
    f.mark = growTyped(f.mark, pages * PAGE);
    f.flags = growTyped(f.flags, pages * PAGE);
  }
  return f.pages++;
}

/** The pool slot of the user's k-th follow (k < count[user]). */
export function followSlot(f: FollowStore, user: number, k: number): number {
  let page = f.head[user];
  for (let i = k >> 2; i > 0; i--) page = f.next[page];
  return page * PAGE + (k & 3);
}

/** The slot of `user`'s follow of `account`, or −1. */
export function findFollow(f: FollowStore, user: number, account: number): number {
  const n = f.count[user];
  let page = f.head[user];
  for (let k = 0; k < n; k++) {
    const off = k & 3;
    if (k > 0 && off === 0) page = f.next[page];
    const slot = page * PAGE + off;
    if (f.account[slot] === account) return slot;
  }
  return -1;
}

/** Adds a follow and returns its slot; the caller sets its state. */
export function addFollow(f: FollowStore, user: number, account: number): number {
  const k = f.count[user];
  if (k === 0xffff) throw new RangeError(`user ${user} follows 65,535 accounts: the per-user limit`);
  let slot: number;
  if ((k & 3) === 0) {
    const page = newPage(f);
    if (k === 0) f.head[user] = page;
    else {
      let last = f.head[user];
      while (f.next[last] >= 0) last = f.next[last];
      f.next[last] = page;
    }
    slot = page * PAGE;
  } else {
    slot = followSlot(f, user, k);
  }
  f.account[slot] = account;
  f.flags[slot] = 0;
  f.count[user] = k + 1;
  return slot;
}

/** Removes the follow in `slot` of `user`, moving the user's last follow into its place. */
export function removeFollow(f: FollowStore, user: number, slot: number): void {
  const last = f.count[user] - 1;
  const lastSlot = followSlot(f, user, last);
  if (lastSlot !== slot) {
    f.account[slot] = f.account[lastSlot];
    f.accustomed[slot] = f.accustomed[lastSlot];
    f.mark[slot] = f.mark[lastSlot];
    f.flags[slot] = f.flags[lastSlot];
  }
  f.count[user] = last;
  if ((last & 3) === 0) {
    // The last page is now empty: unlink it and return it to the free list.
    const emptied = (lastSlot / PAGE) | 0;
    if (last === 0) f.head[user] = -1;
    else {
      let prev = f.head[user];
      while (f.next[prev] !== emptied) prev = f.next[prev];
      f.next[prev] = -1;
    }
    f.next[emptied] = f.freePage;
    f.freePage = emptied;
  }
}
