/**
 * Push delivery: each user has a bounded ring of inbox slots holding (post serial, the user it
 * came from). Posts and reshares from the social graph are fanned out into followers' inboxes;
 * the oldest entry is overwritten when the ring is full, so memory is fixed per user.
 * @module
 */
import type { SocialGraph } from '../graph/index.js';

/** The inbox arrays of a world. */
export interface Inboxes {
  inboxSerial: Int32Array;
  /**
   * User each entry came from, little-endian in `viaWidth` bytes: the fewest that hold every user
   * index (2 up to 65,536 users, 3 up to 16,777,216, else 4) — 20 bytes per user fewer than
   * 32 bits from 10⁵ to 10⁷ users.
   */
  inboxVia: Uint8Array;
  readonly viaWidth: number;
  /**
   * Per user, side by side (one cache line for both): the next slot to write (at 2u) and the
   * occupied slots (at 2u + 1), so an empty inbox is known without a scan.
   */
  inboxState: Uint8Array;
  readonly inboxSize: number;
  /** Where prefetching loads go, so they are not optimised away (write-only). */
  readonly sink: Float64Array;
}

/** Bytes per inbox origin for `users` users. */
export function viaWidthFor(users: number): number {
  return users <= 0x10000 ? 2 : users <= 0x1000000 ? 3 : 4;
}

/** The user inbox entry `i` came from. */
export function inboxViaAt(w: Inboxes, i: number): number {
  const v = w.inboxVia;
  const width = w.viaWidth;
  const b = i * width;
  let via = v[b] | (v[b + 1] << 8);
  if (width > 2) via |= v[b + 2] << 16;
  if (width > 3) via |= v[b + 3] << 24;
  return via;
}

function setInboxVia(w: Inboxes, i: number, via: number): void {
  const v = w.inboxVia;
  const width = w.viaWidth;
  const b = i * width;
  v[b] = via;
  v[b + 1] = via >>> 8;
  if (width > 2) v[b + 2] = via >>> 16;
  if (width > 3) v[b + 3] = via >>> 24;
}

/**
 * Puts (serial, via) in user `u`'s inbox; with `dedupe`, not when the same post is already
 * waiting there (a new post cannot be, so publishing skips the scan).
 */
export function pushInbox(w: Inboxes, u: number, serial: number, via: number, dedupe: boolean): void {
  const B = w.inboxSize;
  const base = u * B;
  const s = w.inboxSerial;
  if (dedupe) for (let k = 0; k < B; k++) if (s[base + k] === serial) return;
  const state = w.inboxState;
  const h = state[2 * u];
  if (s[base + h] < 0) state[2 * u + 1]++;
  s[base + h] = serial;
  setInboxVia(w, base + h, via);
  state[2 * u] = h + 1 === B ? 0 : h + 1;
}

/**
 * Delivers a post (or a reshare) by `from` to all of `from`'s followers in the social graph,
 * skipping those for whom `skip(user)` is true (users who have already seen a focal post).
 */
export function deliverToFollowers(
  w: Inboxes,
  g: SocialGraph,
  from: number,
  serial: number,
  skip: ((user: number) => boolean) | null,
  dedupe: boolean,
): void {
  const end = g.offsets[from + 1];
  const f = g.followers;
  // Load every follower's inbox state and row first: the misses then overlap (a software
  // prefetch; +8 % at 10⁶ users) instead of each push waiting for its own.
  const state = w.inboxState;
  const serials = w.inboxSerial;
  const B = w.inboxSize;
  let s = 0;
  const via = w.inboxVia;
  const VB = B * w.viaWidth;
  for (let e = g.offsets[from]; e < end; e++) s += state[2 * f[e]] + serials[f[e] * B] + via[f[e] * VB];
  w.sink[0] += s;
  for (let e = g.offsets[from]; e < end; e++) {
    const v = f[e];
    if (skip !== null && skip(v)) continue;
    pushInbox(w, v, serial, from, dedupe);
  }
}
