/**
 * A session's candidate list: forced items (notifications and paid, shown before ranking) and
 * ranked candidates, in typed arrays sized once per world. Every source adds through `offer` /
 * `force`, which stamp the post so no source adds it twice in one session.
 * @module
 */
import { PF } from '../content/posts.js';

/** Largest number of ranked candidates one session considers. */
export const MAX_CANDIDATES = 1024;
/** Largest number of forced items (notifications and paid) in one session. */
export const MAX_FORCED = 256;

/** The candidate buffers of one world (scratch: reused by every session). */
export interface Candidates {
  /** The running session's stamp (see `runSession`). */
  sid: number;
  n: number;
  readonly slot: Int32Array;
  /** The user an inbox entry came from (a reshare), −1 otherwise. */
  readonly via: Int32Array;
  readonly channel: Uint8Array;
  readonly score: Float64Array;
  /** Selected candidates' indexes, best first. */
  readonly order: Int32Array;
  nForced: number;
  readonly forcedSlot: Int32Array;
  readonly forcedChannel: Uint8Array;
}

export function createCandidates(): Candidates {
  return {
    sid: 0,
    n: 0,
    slot: new Int32Array(MAX_CANDIDATES),
    via: new Int32Array(MAX_CANDIDATES),
    channel: new Uint8Array(MAX_CANDIDATES),
    score: new Float64Array(MAX_CANDIDATES),
    order: new Int32Array(MAX_CANDIDATES),
    nForced: 0,
    forcedSlot: new Int32Array(MAX_FORCED),
    forcedChannel: new Uint8Array(MAX_FORCED),
  };
}

/**
 * The one liveness check: the record at `at` still holds `serial` (its slot was not reused)
 * and the post has not expired by step `t`.
 */
export function isLive(words: Int32Array, at: number, serial: number, t: number): boolean {
  return words[at + PF.serial] === serial && words[at + PF.expires] >= t;
}

/** True when the post at record `at` was already taken in session `sid`. */
export function isTaken(words: Int32Array, at: number, sid: number): boolean {
  return words[at + PF.stamp] === sid;
}

/**
 * Adds a ranked candidate at index `n` (the caller checked `n < MAX_CANDIDATES`) and returns the
 * new count. Sources keep the count in a local while they loop and store it in `c.n` at the end.
 */
export function offer(c: Candidates, n: number, words: Int32Array, at: number, slot: number, via: number, channel: number): number {
  words[at + PF.stamp] = c.sid;
  c.slot[n] = slot;
  c.via[n] = via;
  c.channel[n] = channel;
  return n + 1;
}

/** Adds a forced item (the caller checked there is room: `c.nForced < MAX_FORCED`). */
export function force(c: Candidates, words: Int32Array, at: number, slot: number, channel: number): void {
  words[at + PF.stamp] = c.sid;
  c.forcedSlot[c.nForced] = slot;
  c.forcedChannel[c.nForced++] = channel;
}
