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
  /** User each entry came from: 16-bit while user indexes fit (up to 65,536 users), else 32-bit. */
  inboxVia: Int32Array | Uint16Array;
  /**
   * Per user, side by side (one cache line for both): the next slot to write (at 2u) and the
   * occupied slots (at 2u + 1), so an empty inbox is known without a scan.
   */
  inboxState: Uint8Array;
  readonly inboxSize: number;
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
  w.inboxVia[base + h] = via;
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
  for (let e = g.offsets[from]; e < end; e++) {
    const v = f[e];
    if (skip !== null && skip(v)) continue;
    pushInbox(w, v, serial, from, dedupe);
  }
}
