/**
 * Software prefetch for the session loop. JavaScript has no prefetch instruction, but a plain
 * load issued early does the same job: sessions run in ascending user order, so while user k
 * is served, the first cache lines of user k + 2 (inbox row, follows, population fields) and
 * the post records in user k + 1's inbox (whose row the previous call brought in) are loaded,
 * and their misses overlap with the current session's work instead of stalling the next one.
 * Only loads: results are unchanged (+12 % at 10⁶ users in a same-process A/B).
 * @module
 */
import { RECORD_SHIFT } from '../content/posts.js';
import type { WorldState } from './world.js';

/** Loads what sessions k + 1 and k + 2 of this step will read first. */
export function prefetchSessions(w: WorldState, k: number): void {
  const active = w.active;
  const n = w.activeCount;
  const B = w.inboxSize;
  const pop = w.users;
  const fol = w.follows;
  let s = 0;
  if (k + 2 < n) {
    const u = active[k + 2];
    s += w.inboxSerial[u * B] + w.inboxSerial[u * B + B - 1] + w.inboxState[2 * u] + w.lastSession[u] + w.paidSerial[u];
    s += w.inboxVia[u * B * w.viaWidth] + w.inboxVia[(u + 1) * B * w.viaWidth - 1];
    s += fol.start[u] + fol.count[u] + pop.interest[u * pop.topics] + pop.interestSum[u];
    s += pop.engagePropensity[u] + pop.followPropensity[u] + pop.attention[u];
  }
  if (k + 1 < n) {
    const u = active[k + 1];
    if (fol.count[u] > 0) s += fol.code[fol.start[u]] + fol.mark[fol.start[u]];
    if (w.inboxState[2 * u + 1] !== 0) {
      const inbox = w.inboxSerial;
      const mask = w.posts.mask;
      const words = w.posts.words;
      for (let j = u * B, end = j + B; j < end; j++) {
        const serial = inbox[j];
        if (serial >= 0) s += words[(serial & mask) << RECORD_SHIFT];
      }
    }
  }
  w.sink[0] += s;
}
