/**
 * One user's feed visit — the hot loop, as the named stages of docs/model.md §3–4: apply the
 * follow hazards accrued since the last visit; gather candidates from each source
 * (`feed/gather.ts`); rank and select up to the attention budget (`feed/rank.ts`); show the
 * forced items, then the selected ones, each an impression with its decisions
 * (`behavior/impression.ts`); consume the inbox entries shown. Every draw comes from the
 * session stream keyed by (user, step); nothing here allocates.
 * @module
 */
import { PF, RECORD_SHIFT } from '../content/posts.js';
import { applyLazyHazards } from '../behavior/follow.js';
import { impress } from '../behavior/impression.js';
import type { Candidates } from '../feed/candidates.js';
import { gatherAffinity, gatherFollowed, gatherInbox, gatherPaid, gatherRecommendations } from '../feed/gather.js';
import { rankAndSelect } from '../feed/rank.js';
import { seedKeyed } from '../rng.js';
import type { WorldState } from './world.js';

export { unfollow } from '../behavior/follow.js';

/**
 * A visit with no possible candidate (no follows, no paid item, no recommendations, an empty
 * inbox) costs only this check: it draws nothing, so skipping it changes no result.
 */
function nothingToSee(w: WorldState, u: number): boolean {
  return (
    w.inboxState[2 * u + 1] === 0 && w.follows.count[u] === 0 && w.paidSerial[u] < 0 &&
    w.scenario.feed.recommendations === 0 && w.scenario.engagementAffinity === 0
  );
}

/**
 * Stamps mark a post as taken (`sid`) or shown (`−2 − sid`) in the current session, in the
 * posts' 32-bit words; a run of 10⁷ users passes 2³¹ sessions in about 90 simulated days. So
 * after 2³⁰ sessions every stamp is cleared and they restart at 1 — stamps feed no random draw,
 * so results are unchanged.
 */
export const SESSION_STAMP_LIMIT = 2 ** 30;

function nextSessionStamp(w: WorldState): number {
  w.sessionId++;
  if (w.sessionStamp >= SESSION_STAMP_LIMIT) {
    const words = w.posts.words;
    for (let at = PF.stamp; at < words.length; at += 1 << RECORD_SHIFT) words[at] = -1;
    w.sessionStamp = 0;
  }
  return ++w.sessionStamp;
}

/** Shown posts leave the inbox (a post seen in-network is not offered again from it). */
function consumeInbox(w: WorldState, c: Candidates, u: number): void {
  const B = w.inboxSize;
  const ib = u * B;
  const inbox = w.inboxSerial;
  const words = w.posts.words;
  const mask = w.posts.mask;
  const shown = -2 - c.sid;
  for (let k = 0, end = w.inboxState[2 * u + 1] === 0 ? 0 : B; k < end; k++) {
    const serial = inbox[ib + k];
    if (serial >= 0 && words[((serial & mask) << RECORD_SHIFT) + PF.stamp] === shown) {
      inbox[ib + k] = -1;
      w.inboxState[2 * u + 1]--;
    }
  }
}

/**
 * The candidate sources, in the order a session calls them (the order of draws). Called through
 * this list, each is compiled on its own rather than inlined into `runSession`, so each keeps its
 * own inlining budget for the small helpers of its loop: called directly, the first sources
 * used up `runSession`'s budget and the pool draws of recommendations stayed calls (measured with
 * bench/ab.ts at 10⁵ users: direct calls 0.80 of 0.2.1's speed, this list 0.84; docs/performance.md).
 */
const SOURCES: ReadonlyArray<(w: WorldState, c: Candidates, u: number, t: number, last: number) => void> = [
  gatherPaid, gatherFollowed, gatherInbox, gatherAffinity, gatherRecommendations,
];

/** Runs user `u`'s session at step `t` (`cycleStart`: the first step of the current cycle). */
export function runSession(w: WorldState, u: number, t: number, cycleStart: number): void {
  if (nothingToSee(w, u)) {
    w.lastSession[u] = t;
    return;
  }
  seedKeyed(w.rng, w.keys.session, u, t);
  const c = w.candidates;
  c.sid = nextSessionStamp(w);
  c.n = 0;
  c.nForced = 0;
  const last = w.lastSession[u];
  if (w.scenario.follows && w.follows.count[u] > 0 && t > last) applyLazyHazards(w, u, t - Math.max(last, 0));

  for (let i = 0; i < SOURCES.length; i++) SOURCES[i](w, c, u, t, last);

  // Forced items first, then the best of the rest, all within the attention budget.
  const K = w.users.attention[u] === 0 ? Infinity : w.users.attention[u];
  const shownForced = Math.min(c.nForced, K);
  const room = Math.min(K - shownForced, c.n);
  const m = room > 0 ? rankAndSelect(w, c, u, t, room) : 0;

  for (let i = 0; i < shownForced; i++) impress(w, u, c.forcedSlot[i], c.forcedChannel[i], -1, t, cycleStart);
  const words = w.posts.words;
  for (let i = 0; i < m; i++) {
    const j = c.order[i];
    const slot = c.slot[j];
    impress(w, u, slot, c.channel[j], c.via[j], t, cycleStart);
    words[(slot << RECORD_SHIFT) + PF.stamp] = -2 - c.sid;
  }
  consumeInbox(w, c, u);
  w.lastSession[u] = t;
}
