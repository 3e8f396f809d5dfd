/**
 * Candidate gathering for one feed visit (docs/model.md §3): one function per source, in the
 * order a session calls them — paid, followed accounts (new posts become notifications or
 * in-network candidates), the inbox, engagement affinity, out-of-network recommendations. The
 * order is part of the results: sources draw from the session stream in turn.
 * @module
 */
import { RECENT } from '../accounts/accounts.js';
import { FOLLOW_NOTIFY, findFollow } from '../accounts/follows.js';
import { PB, PF, RECORD_SHIFT } from '../content/posts.js';
import { hashKey, nextFloat } from '../rng.js';
import { hasSeen } from '../engine/focal-posts.js';
import type { WorldState } from '../engine/world.js';
import { force, isLive, isTaken, MAX_CANDIDATES, MAX_FORCED, offer, type Candidates } from './candidates.js';
import { CHANNEL } from './channel.js';
import { inboxViaAt } from './inbox.js';
import { drawTopic } from './topic-pool.js';

/** True when the focal post at record `at` has been seen by `u` (false for a background post). */
function seenFocal(w: WorldState, words: Int32Array, at: number, u: number): boolean {
  const fid = words[at + PF.focal];
  return fid >= 0 && hasSeen(w.focalPosts[fid]!, u);
}

/**
 * Record offset of account `a`'s `r`-th most recent post when it is live at step `t` and not yet
 * taken in this session; −1 otherwise. Followed accounts and engagement affinity both read it.
 */
function recentPost(w: WorldState, sid: number, a: number, r: number, t: number): number {
  const serial = w.accounts.recent[a * RECENT + r];
  if (serial < 0) return -1;
  const words = w.posts.words;
  const at = (serial & w.posts.mask) << RECORD_SHIFT;
  return isLive(words, at, serial, t) && !isTaken(words, at, sid) ? at : -1;
}

/** Paid: a boosted post bought for this user this step (it may have been seen before: frequency). */
export function gatherPaid(w: WorldState, c: Candidates, u: number, _t: number, _last: number): void {
  const paid = w.paidSerial[u];
  if (paid < 0) return;
  w.paidSerial[u] = -1;
  const words = w.posts.words;
  const slot = paid & w.posts.mask;
  const at = slot << RECORD_SHIFT;
  // A boost delivers the post even after it left organic feeds, as long as its record lives.
  if (words[at + PF.serial] === paid && c.nForced < MAX_FORCED) force(c, words, at, slot, CHANNEL.paid);
}

/**
 * Followed accounts: each recent post not yet seen is a notification (subscribed, new since the
 * last visit, within the account's notification cap, and opened: click-through) or else an
 * in-network candidate (within the in-network reach). A background post is offered once, in
 * the first session after it appears (its viewers are not tracked).
 */
export function gatherFollowed(w: WorldState, c: Candidates, u: number, t: number, last: number): void {
  const fol = w.follows;
  const p = w.posts;
  const words = p.words;
  const rng = w.rng;
  const notify = w.scenario.notifications.enabled;
  const ctr = w.scenario.notifications.clickThrough;
  const reach = w.scenario.feed.inNetworkReach;
  const codes = fol.code;
  const sid = c.sid;
  const ghost = w.ghost;
  let n = c.n;
  for (let fslot = fol.start[u], fend = fslot + fol.count[u]; fslot < fend; fslot++) {
    const a = codes[fslot] >> 1;
    // A counterfactual ghost audience: following the account delivers nothing.
    if (ghost !== null && ghost[a] === 1) continue;
    const subscribed = notify && (codes[fslot] & FOLLOW_NOTIFY) !== 0;
    for (let r = 0; r < RECENT; r++) {
      const at = recentPost(w, sid, a, r, t);
      if (at < 0) continue;
      const fid = words[at + PF.focal];
      if (fid >= 0 ? hasSeen(w.focalPosts[fid]!, u) : words[at + PF.created] <= last) continue;
      const slot = at >> RECORD_SHIFT;
      if (subscribed && words[at + PF.created] > last && p.bytes[(at << 2) + PB.notifies] === 1 && nextFloat(rng) < ctr && c.nForced < MAX_FORCED) {
        force(c, words, at, slot, CHANNEL.notification);
      } else if (n < MAX_CANDIDATES && (reach >= 1 || (hashKey(w.keys.reach, u, words[at + PF.serial]) >>> 0) < reach * 4294967296)) {
        n = offer(c, n, words, at, slot, -1, CHANNEL.network);
      }
    }
  }
  c.n = n;
}

/** Inbox: posts and reshares pushed by the social graph; dead or seen entries are dropped. */
export function gatherInbox(w: WorldState, c: Candidates, u: number, t: number, _last: number): void {
  const B = w.inboxSize;
  const ib = u * B;
  const inbox = w.inboxSerial;
  const words = w.posts.words;
  const mask = w.posts.mask;
  const sid = c.sid;
  let n = c.n;
  for (let k = 0, end = w.inboxState[2 * u + 1] === 0 ? 0 : B; k < end; k++) {
    const serial = inbox[ib + k];
    if (serial < 0) continue;
    const slot = serial & mask;
    const at = slot << RECORD_SHIFT;
    if (!isLive(words, at, serial, t) || seenFocal(w, words, at, u)) {
      inbox[ib + k] = -1;
      w.inboxState[2 * u + 1]--;
      continue;
    }
    if (isTaken(words, at, sid) || n >= MAX_CANDIDATES) continue;
    n = offer(c, n, words, at, slot, inboxViaAt(w, ib + k), CHANNEL.network);
  }
  c.n = n;
}

/** Engagement affinity (C3): the platform brings back focal accounts whose posts the user liked. */
export function gatherAffinity(w: WorldState, c: Candidates, u: number, t: number, _last: number): void {
  const p = w.scenario.engagementAffinity;
  if (p <= 0) return;
  const words = w.posts.words;
  const follows = w.scenario.follows;
  const sid = c.sid;
  let n = c.n;
  for (let f = 0; f < w.focal.length; f++) {
    if (w.focal[f].liked[u] === 0 || (follows && findFollow(w.follows, u, f) >= 0)) continue;
    if (nextFloat(w.rng) >= p) continue;
    for (let r = 0; r < RECENT; r++) {
      const at = recentPost(w, sid, f, r, t);
      if (at < 0 || seenFocal(w, words, at, u) || n >= MAX_CANDIDATES) continue;
      n = offer(c, n, words, at, at >> RECORD_SHIFT, -1, CHANNEL.recommended);
    }
  }
  c.n = n;
}

/**
 * Out-of-network recommendations: a topic in proportion to interest, then a pool entry; up to
 * two attempts per wanted candidate (an entry may be a duplicate or already seen).
 */
export function gatherRecommendations(w: WorldState, c: Candidates, u: number, t: number, _last: number): void {
  const pop = w.users;
  const T = pop.topics;
  const R = w.scenario.feed.recommendations;
  const maxAge = w.params.maxAge;
  const rng = w.rng;
  const words = w.posts.words;
  const mask = w.posts.mask;
  const sid = c.sid;
  let n = c.n;
  for (let r = 0, got = 0; r < 2 * R && got < R && n < MAX_CANDIDATES; r++) {
    let x = nextFloat(rng) * pop.interestSum[u];
    let topic = 0;
    while (topic < T - 1 && (x -= pop.interest[u * T + topic]) >= 0) topic++;
    const serial = drawTopic(w.topicPools, topic, t, maxAge, nextFloat(rng));
    if (serial < 0) continue;
    const slot = serial & mask;
    const at = slot << RECORD_SHIFT;
    if (!isLive(words, at, serial, t) || isTaken(words, at, sid) || seenFocal(w, words, at, u)) continue;
    n = offer(c, n, words, at, slot, -1, CHANNEL.recommended);
    got++;
  }
  c.n = n;
}
