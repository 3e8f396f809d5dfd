/**
 * One user's feed visit — the hot loop. Gather candidates (notifications, paid, followed
 * accounts' new posts, the inbox, out-of-network recommendations), rank them, show up to K
 * (every channel uses the attention budget), and decide on each impression. Every draw comes
 * from the session stream keyed by (user, step); nothing here allocates.
 * @module
 */
import { RECENT } from '../accounts/accounts.js';
import { addFollow, FOLLOW_NOTIFY, findFollow, followedAccount, followSlot, notifies, removeFollow, setNotifies } from '../accounts/follows.js';
import { CTA, KIND, PB, PF, RECORD_SHIFT } from '../content/posts.js';
import { CHANNEL } from '../feed/channel.js';
import { deterministicKeys, sampleWithoutReplacement, topK } from '../feed/select.js';
import { inboxViaAt } from '../feed/inbox.js';
import { drawTopic, pushTopic } from '../feed/topic-pool.js';
import { hashKey, nextFloat, seedKeyed, type Xor128 } from '../rng.js';
import { addReshare } from './cascade.js';
import { hasSeen, markSeen, type FocalPost } from './focal-posts.js';
import { M } from './metrics.js';
import { scoreCandidates } from './score.js';
import type { FocalAccount, World } from './world.js';

/** Forced (unranked) items of one session: notifications and paid. */
const forcedSlot = new Int32Array(256);
const forcedChannel = new Uint8Array(256);

/**
 * Bernoulli draw with log-odds z: u < 1/(1 + e^−z), written without a division. Most decisions
 * are rare (z ≪ 0), so the exponential is skipped when a lower bound already rejects: for
 * x = −z > 0, e^x ≥ 1 + x + x²/2 + x³/6, and with a relative margin of 10⁻¹² (far above the
 * rounding of either form) u·(2 + x + x²/2 + x³/6) ≥ 1 + 10⁻¹² implies u·(1 + e^x) ≥ 1 as
 * computed, so the outcome is bit-for-bit that of the exact form.
 */
function chance(rng: Xor128, z: number): boolean {
  const u = nextFloat(rng);
  const x = -z;
  if (x > 0 && u * (2 + x * (1 + x * (0.5 + x / 6))) >= 1 + 1e-12) return false;
  return u * (1 + Math.exp(x)) < 1;
}

/** Removes `user`'s follow in `slot` of account `a`. */
export function unfollow(w: World, user: number, slot: number, a: number): void {
  const f = w.follows;
  if (notifies(f, slot)) {
    w.notifySubscriptions[user]--;
    w.accounts.notifySubscribers[a]--;
  }
  removeFollow(f, user, slot);
  w.accounts.followers[a]--;
  if (a < w.focal.length) {
    w.focal[a].stepCounters[M.unfollows]++;
    w.focal[a].stepCounters[M.value] -= w.scenario.economics.valuePerFollower;
  }
}

/** Adds `user`'s follow of account `a`, prompted by the post in `postSlot`. */
function follow(w: World, user: number, a: number, postSlot: number, rec: FocalPost | null): void {
  const f = w.follows;
  const p = w.posts;
  const b = w.params.behavior;
  const slot = addFollow(f, user, a);
  const r = postSlot << RECORD_SHIFT;
  f.accustomed[slot] = p.floats[r + PF.quality];
  f.mark[slot] = w.accounts.hazard[a];
  w.accounts.followers[a]++;
  const focal = a < w.focal.length ? w.focal[a] : null;
  if (focal) {
    focal.stepCounters[M.follows]++;
    focal.stepCounters[M.value] += w.scenario.economics.valuePerFollower;
  }
  if (rec) rec.follows++;
  if (!w.scenario.notifications.enabled) return;
  const z = b.notify.base + (p.bytes[(r << 2) + PB.cta] === CTA.notify ? b.notify.notifyCta : 0) + b.notify.persona * p.persona[postSlot];
  if (chance(w.rng, z)) {
    setNotifies(f, slot, true);
    w.notifySubscriptions[user]++;
    w.accounts.notifySubscribers[a]++;
    if (focal) focal.stepCounters[M.notificationsOn]++;
  }
}

/** Records a reshare, delivered to the sharer's graph followers at the end of the step. */
function queueShare(w: World, serial: number, user: number): void {
  if (w.shareCount === w.shareSerial.length) {
    const s = new Int32Array(w.shareCount * 2);
    s.set(w.shareSerial);
    w.shareSerial = s;
    const v = new Int32Array(w.shareCount * 2);
    v.set(w.shareUser);
    w.shareUser = v;
  }
  w.shareSerial[w.shareCount] = serial;
  w.shareUser[w.shareCount++] = user;
}

function rememberEngager(f: FocalAccount, user: number): void {
  f.engagers[f.engagerHead] = user;
  f.engagerHead = f.engagerHead + 1 === f.engagers.length ? 0 : f.engagerHead + 1;
  if (f.engagerCount < f.engagers.length) f.engagerCount++;
}

/** Counts a focal account's impression of user `u` in the reach counters of step and cycle. */
function countReach(f: FocalAccount, u: number, channel: number, t: number, cycleStart: number): void {
  const last = f.lastReach[u];
  if (last !== t) f.stepCounters[M.reach]++;
  if (last < cycleStart) f.cycleCounters[M.reach]++;
  if (last < 0) f.totalCounters[M.reach]++;
  f.lastReach[u] = t;
  const bit = 1 << channel;
  if ((f.channelMask[u] & bit) === 0) {
    f.channelMask[u] |= bit;
    f.cycleCounters[M.reachByChannel + channel]++;
  }
}

/** One impression of the post in `slot` to user `u` through `channel`, and the user's decisions. */
function impress(w: World, u: number, slot: number, channel: number, via: number, t: number, cycleStart: number): void {
  const p = w.posts;
  const rng = w.rng;
  const b = w.params.behavior;
  const words = p.words;
  const floats = p.floats;
  const r = slot << RECORD_SHIFT;
  p.counts[r + PF.impressions]++;
  w.impressionsByChannel[channel]++;
  const a = words[r + PF.account];
  const fid = words[r + PF.focal];
  let rec: FocalPost | null = null;
  let focal: FocalAccount | null = null;
  if (fid >= 0) {
    rec = w.focalPosts[fid]!;
    if (!hasSeen(rec, u)) {
      markSeen(rec, u);
      rec.reach++;
    }
    rec.impressions[channel]++;
    focal = w.focal[a];
    focal.stepCounters[M.impressions + channel]++;
    countReach(focal, u, channel, t, cycleStart);
  }
  const pop = w.users;
  const topic = p.bytes[(r << 2) + PB.topic];
  const xm = 2 * pop.interest[u * pop.topics + topic] - 1;
  let fatigue = 0;
  if (channel === CHANNEL.paid && focal !== null) {
    fatigue = focal.paidSeen[u] * Math.log(w.scenario.paid.fatigue);
    if (focal.paidSeen[u] < 255) focal.paidSeen[u]++;
  }
  const prop = pop.engagePropensity[u];
  const serial = words[r + PF.serial];

  if (chance(rng, floats[r + PF.likeLogit] + b.like.match * xm + prop + fatigue)) {
    p.counts[r + PF.engagements]++;
    pushTopic(w.topicPools, topic, serial, t);
    if (focal !== null) {
      focal.stepCounters[M.likes]++;
      rec!.likes++;
      if (focal.liked[u] < 255) focal.liked[u]++;
      rememberEngager(focal, u);
    }
  }
  if (chance(rng, floats[r + PF.shareLogit] + b.share.match * xm + prop + fatigue)) {
    p.counts[r + PF.engagements]++;
    pushTopic(w.topicPools, topic, serial, t);
    queueShare(w, serial, u);
    if (focal !== null) {
      focal.stepCounters[M.shares]++;
      rec!.shares++;
      addReshare(rec!.cascade, u, via);
      rememberEngager(focal, u);
    }
  }

  let following = false;
  if (a >= 0 && w.scenario.follows) {
    const fol = w.follows;
    const fs = findFollow(fol, u, a);
    following = fs >= 0;
    if (!following) {
      let z = floats[r + PF.followLogit] + b.follow.match * xm + pop.followPropensity[u] + fatigue;
      if (focal !== null) z += b.follow.exposure * Math.log2(1 + focal.exposures[u]);
      if (via >= 0 && via !== words[r + PF.authorUser]) z += b.follow.viaShare;
      if (chance(rng, z)) follow(w, u, a, slot, rec);
    } else {
      if (rec !== null && channel === CHANNEL.network) {
        rec.followerViews++;
        focal!.stepCounters[M.followerViews]++;
      }
      const q = floats[r + PF.quality];
      const gap = fol.accustomed[fs] - q;
      if (chance(rng, b.unfollow.base + (gap > 0 ? b.unfollow.qualityGap * 2 * gap : 0))) {
        unfollow(w, u, fs, a);
      } else {
        fol.accustomed[fs] += b.unfollow.accustomRate * (q - fol.accustomed[fs]);
        if (
          channel === CHANNEL.notification && gap > 0 && notifies(fol, fs) &&
          w.notifySubscriptions[u] > pop.tolerance[u] && nextFloat(rng) < b.unfollow.notificationDrop
        ) {
          setNotifies(fol, fs, false);
          w.notifySubscriptions[u]--;
          w.accounts.notifySubscribers[a]--;
          if (focal !== null) focal.stepCounters[M.notificationsOff]++;
        }
      }
    }
  }

  if (p.bytes[(r << 2) + PB.kind] === KIND.product) {
    const z = floats[r + PF.convertLogit] + b.convert.match * xm + (following ? b.convert.follower : 0) + fatigue;
    if (chance(rng, z) && focal !== null) {
      const v = w.scenario.economics.valuePerConversion;
      focal.stepCounters[M.conversions + channel]++;
      if (rec) rec.conversions[channel]++;
      focal.stepCounters[M.value] += v;
      if (following) focal.stepCounters[M.followerValue] += v;
    }
  }
  if (focal !== null) {
    if (focal.exposures[u] < 255) focal.exposures[u]++;
    if (channel === CHANNEL.paid) focal.stepCounters[M.paidCost] += w.scenario.paid.cpm / 1000;
  }
}

/** Applies the time hazards accrued since the user's last session to each of their follows (C7). */
function applyLazyHazards(w: World, u: number, elapsedSteps: number): void {
  const fol = w.follows;
  const acc = w.accounts;
  const churn = w.params.behavior.churnPerStep * elapsedSteps;
  // Backwards: removing follow k moves the last (already visited) follow into k.
  for (let k = fol.count[u] - 1; k >= 0; k--) {
    const slot = followSlot(fol, u, k);
    const a = followedAccount(fol, slot);
    const h = churn + (acc.hazard[a] - fol.mark[slot]);
    fol.mark[slot] = acc.hazard[a];
    if (h > 0 && nextFloat(w.rng) < -Math.expm1(-h)) unfollow(w, u, slot, a);
  }
}

/**
 * A visit with no possible candidate (no follows, no paid item, no recommendations, an empty
 * inbox) costs only this check: it draws nothing, so skipping it changes no result.
 */
function nothingToSee(w: World, u: number): boolean {
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

function nextSessionStamp(w: World): number {
  w.sessionId++;
  if (w.sessionStamp >= SESSION_STAMP_LIMIT) {
    const words = w.posts.words;
    for (let at = PF.stamp; at < words.length; at += 1 << RECORD_SHIFT) words[at] = -1;
    w.sessionStamp = 0;
  }
  return ++w.sessionStamp;
}

/** Runs user `u`'s session at step `t`. */
export function runSession(w: World, u: number, t: number, cycleStart: number): void {
  if (nothingToSee(w, u)) {
    w.lastSession[u] = t;
    return;
  }
  const rng = w.rng;
  seedKeyed(rng, w.keys.session, u, t);
  const sid = nextSessionStamp(w);
  const p = w.posts;
  const mask = p.mask;
  // Sessions never publish, so the post store cannot grow (and swap its views) in one.
  const words = p.words;
  const acc = w.accounts;
  const fol = w.follows;
  const sc = w.scenario;
  const last = w.lastSession[u];
  if (sc.follows && fol.count[u] > 0 && t > last) applyLazyHazards(w, u, t - Math.max(last, 0));

  let nForced = 0;
  let n = 0;
  const candSlot = w.candSlot;
  const candVia = w.candVia;
  const candChannel = w.candChannel;
  const cap = candSlot.length;
  const notify = sc.notifications.enabled;
  const ctr = sc.notifications.clickThrough;
  const reach = sc.feed.inNetworkReach;

  // Paid: a boosted post bought for this user this step (it may have been seen before: frequency).
  const paid = w.paidSerial[u];
  if (paid >= 0) {
    w.paidSerial[u] = -1;
    const slot = paid & mask;
    const at = slot << RECORD_SHIFT;
    if (words[at + PF.serial] === paid && nForced < forcedSlot.length) {
      words[at + PF.stamp] = sid;
      forcedSlot[nForced] = slot;
      forcedChannel[nForced++] = CHANNEL.paid;
    }
  }

  // Followed accounts: new posts become notifications (if subscribed and opened) or in-network candidates.
  const codes = fol.code;
  for (let fslot = fol.start[u], fend = fslot + fol.count[u]; fslot < fend; fslot++) {
    const a = codes[fslot] >> 1;
    const subscribed = notify && (codes[fslot] & FOLLOW_NOTIFY) !== 0;
    for (let r = 0; r < RECENT; r++) {
      const serial = acc.recent[a * RECENT + r];
      if (serial < 0) continue;
      const slot = serial & mask;
      const at = slot << RECORD_SHIFT;
      if (words[at + PF.serial] !== serial || words[at + PF.expires] < t || words[at + PF.stamp] === sid) continue;
      // A focal post stays a candidate until seen; a background post is offered once, in the
      // first session after it appears (its viewers are not tracked).
      const fid = words[at + PF.focal];
      if (fid >= 0 ? hasSeen(w.focalPosts[fid]!, u) : words[at + PF.created] <= last) continue;
      if (subscribed && words[at + PF.created] > last && p.bytes[(at << 2) + PB.notifies] === 1 && nextFloat(rng) < ctr && nForced < forcedSlot.length) {
        words[at + PF.stamp] = sid;
        forcedSlot[nForced] = slot;
        forcedChannel[nForced++] = CHANNEL.notification;
      } else if (n < cap && (reach >= 1 || (hashKey(w.keys.reach, u, serial) >>> 0) < reach * 4294967296)) {
        words[at + PF.stamp] = sid;
        candSlot[n] = slot;
        candVia[n] = -1;
        candChannel[n++] = CHANNEL.network;
      }
    }
  }

  // Inbox: posts and reshares pushed by the social graph.
  const B = w.inboxSize;
  const ib = u * B;
  const inbox = w.inboxSerial;
  for (let k = 0, end = w.inboxState[2 * u + 1] === 0 ? 0 : B; k < end; k++) {
    const serial = inbox[ib + k];
    if (serial < 0) continue;
    const slot = serial & mask;
    const at = slot << RECORD_SHIFT;
    const fid = words[at + PF.focal];
    if (words[at + PF.serial] !== serial || words[at + PF.expires] < t || (fid >= 0 && hasSeen(w.focalPosts[fid]!, u))) {
      inbox[ib + k] = -1;
      w.inboxState[2 * u + 1]--;
      continue;
    }
    if (words[at + PF.stamp] === sid || n >= cap) continue;
    words[at + PF.stamp] = sid;
    candSlot[n] = slot;
    candVia[n] = inboxViaAt(w, ib + k);
    candChannel[n++] = CHANNEL.network;
  }

  // Engagement affinity (C3): the platform brings back authors the user liked.
  const affinityOn = sc.engagementAffinity > 0;
  if (affinityOn) {
    for (let f = 0; f < w.focal.length; f++) {
      if (w.focal[f].liked[u] === 0 || (sc.follows && findFollow(fol, u, f) >= 0)) continue;
      if (nextFloat(rng) >= sc.engagementAffinity) continue;
      for (let r = 0; r < RECENT; r++) {
        const serial = acc.recent[f * RECENT + r];
        if (serial < 0) continue;
        const slot = serial & mask;
        const at = slot << RECORD_SHIFT;
        if (words[at + PF.serial] !== serial || words[at + PF.expires] < t || words[at + PF.stamp] === sid) continue;
        if (hasSeen(w.focalPosts[words[at + PF.focal]]!, u) || n >= cap) continue;
        words[at + PF.stamp] = sid;
        candSlot[n] = slot;
        candVia[n] = -1;
        candChannel[n++] = CHANNEL.recommended;
      }
    }
  }

  // Out-of-network recommendations: a topic in proportion to interest, then a pool entry;
  // up to two attempts per wanted candidate (an entry may be a duplicate or already seen).
  const pop = w.users;
  const T = pop.topics;
  const R = sc.feed.recommendations;
  const maxAge = w.params.maxAge;
  for (let r = 0, got = 0; r < 2 * R && got < R && n < cap; r++) {
    let x = nextFloat(rng) * pop.interestSum[u];
    let topic = 0;
    while (topic < T - 1 && (x -= pop.interest[u * T + topic]) >= 0) topic++;
    const serial = drawTopic(w.topicPools, topic, t, maxAge, nextFloat(rng));
    if (serial < 0) continue;
    const slot = serial & mask;
    const at = slot << RECORD_SHIFT;
    if (words[at + PF.serial] !== serial || words[at + PF.expires] < t || words[at + PF.stamp] === sid) continue;
    const fid = words[at + PF.focal];
    if (fid >= 0 && hasSeen(w.focalPosts[fid]!, u)) continue;
    words[at + PF.stamp] = sid;
    candSlot[n] = slot;
    candVia[n] = -1;
    candChannel[n++] = CHANNEL.recommended;
    got++;
  }

  // Rank and select: forced items first, then the best of the rest up to the attention budget.
  const K = pop.attention[u] === 0 ? Infinity : pop.attention[u];
  const shownForced = Math.min(nForced, K);
  const room = Math.min(K - shownForced, n);
  let m = 0;
  if (room > 0) {
    const scores = w.candScore;
    scoreCandidates(w, u, t, n);
    const k = room === Infinity ? n : room;
    if (sc.feed.selection === 'gumbel') {
      m = sampleWithoutReplacement(scores, n, k, sc.feed.temperature, rng, w.order);
    } else {
      deterministicKeys(scores, n);
      m = topK(scores, n, k, w.order);
    }
  }

  for (let i = 0; i < shownForced; i++) impress(w, u, forcedSlot[i], forcedChannel[i], -1, t, cycleStart);
  const order = w.order;
  for (let i = 0; i < m; i++) {
    const c = order[i];
    const slot = candSlot[c];
    impress(w, u, slot, candChannel[c], candVia[c], t, cycleStart);
    words[(slot << RECORD_SHIFT) + PF.stamp] = -2 - sid; // shown: its inbox entry is consumed below
  }
  for (let k = 0, end = w.inboxState[2 * u + 1] === 0 ? 0 : B; k < end; k++) {
    const serial = inbox[ib + k];
    if (serial >= 0 && words[((serial & mask) << RECORD_SHIFT) + PF.stamp] === -2 - sid) {
      inbox[ib + k] = -1;
      w.inboxState[2 * u + 1]--;
    }
  }
  w.lastSession[u] = t;
}
