/**
 * One impression and the viewer's decisions on it (docs/model.md §4.2), in the order that fixes
 * the draws: like, share, follow (a non-follower) or unfollow (a follower), click on a product post — each a
 * `chance` draw on the decision's log-odds, its effects out of line. The impression is counted first (post,
 * channel and, for a focal account's post, reach and its detail record).
 * @module
 */
import { findFollow } from '../accounts/follows.js';
import { KIND, PB, PF, RECORD_SHIFT } from '../content/posts.js';
import { CHANNEL } from '../feed/channel.js';
import { hasSeen, markSeen, type FocalPost } from '../engine/focal-posts.js';
import { COUNTER } from '../engine/metrics.js';
import type { FocalAccount, WorldState } from '../engine/world.js';
import { chance } from './chance.js';
import { clickLogOdds, onClick } from './convert.js';
import { likeLogOdds, onLike, onShare, shareLogOdds } from './engage.js';
import { follow, followLogOdds, stayFollowing, unfollow, unfollowLogOdds } from './follow.js';
import * as math from '../math/index.js';

/** Counts a focal account's impression of user `u` in the reach counters of step, cycle and run. */
function countReach(f: FocalAccount, u: number, channel: number, t: number, cycleStart: number): void {
  const last = f.lastReach[u];
  if (last !== t) f.stepCounters[COUNTER.reach]++;
  if (last < cycleStart) f.cycleCounters[COUNTER.reach]++;
  if (last < 0) f.totalCounters[COUNTER.reach]++;
  f.lastReach[u] = t;
  const bit = 1 << channel;
  if ((f.channelMask[u] & bit) === 0) {
    f.channelMask[u] |= bit;
    f.cycleCounters[COUNTER.reachByChannel + channel]++;
  }
}

/** One impression of the post in `slot` to user `u` through `channel` (from `via` for a reshare), and the user's decisions. */
export function impress(w: WorldState, u: number, slot: number, channel: number, via: number, t: number, cycleStart: number): void {
  const p = w.posts;
  const words = p.words;
  const r = slot << RECORD_SHIFT;
  // Paid impressions count toward the post's ranking only where paid reach spills over.
  const ranked = channel !== CHANNEL.paid || w.params.paidSpillover;
  if (ranked) p.counts[r + PF.impressions]++;
  w.impressionsByChannel[channel]++;
  const a = words[r + PF.account];
  w.impressionQuality[0] += p.floats[r + PF.quality];
  if (a >= w.accounts.inauthenticFrom) w.impressionQuality[1]++;
  const fid = words[r + PF.focal];
  const product = p.bytes[(r << 2) + PB.kind] === KIND.product;
  let rec: FocalPost | null = null;
  let focal: FocalAccount | null = null;
  let firstView = false;
  if (fid >= 0) {
    rec = w.focalPosts[fid]!;
    if (!hasSeen(rec, u)) {
      markSeen(rec, u);
      rec.reach++;
      firstView = true;
      if (channel === CHANNEL.paid) rec.reachPaid++;
    }
    rec.impressions[channel]++;
    focal = w.focal[a];
    focal.stepCounters[COUNTER.impressions + channel]++;
    if (product) focal.stepCounters[COUNTER.productImpressions]++;
    countReach(focal, u, channel, t, cycleStart);
  }
  const pop = w.users;
  const b = w.params.behavior;
  const topic = p.bytes[(r << 2) + PB.topic];
  const xm = 2 * pop.interest[u * pop.topics + topic] - 1;
  // Ad fatigue: each paid impression of this account already seen lowers every response.
  let fatigue = 0;
  if (channel === CHANNEL.paid && focal !== null) {
    fatigue = focal.paidSeen[u] * math.log(w.scenario.paid.fatigue);
    if (focal.paidSeen[u] < 255) focal.paidSeen[u]++;
  }
  const prop = pop.engagePropensity[u];
  // Promotional fatigue: the author's share of selling posts moves every response to it.
  const promo = w.params.promotion;
  const sells = promo.on && a >= 0 ? w.accounts.sellShare[a] : 0;
  const engageShift = sells > 0 ? fatigue + sells * promo.engage : fatigue;

  const rng = w.rng;
  if (chance(rng, likeLogOdds(p, r, b.like.match, xm, prop) + engageShift)) onLike(w, u, r, topic, focal, rec, t, ranked);
  if (chance(rng, shareLogOdds(p, r, b.share.match, xm, prop) + engageShift)) onShare(w, u, r, topic, via, focal, rec, t, ranked);

  let following = false;
  if (a >= 0 && w.scenario.follows) {
    const fs = findFollow(w.follows, u, a);
    following = fs >= 0;
    // Reach from followers, as analytics exports split it: follower status at the first view.
    if (firstView && following) rec!.reachFollowers++;
    if (!following) {
      const followShift = sells > 0 ? fatigue + sells * promo.follow : fatigue;
      if (chance(rng, followLogOdds(w, u, r, via, xm, followShift, focal !== null ? focal.exposures[u] : -1))) follow(w, u, a, slot, rec);
    } else {
      if (rec !== null && channel === CHANNEL.network) {
        rec.followerViews++;
        focal!.stepCounters[COUNTER.followerViews]++;
      }
      if (focal !== null && channel === CHANNEL.paid) focal.stepCounters[COUNTER.paidToFollowers]++;
      const q = p.floats[r + PF.quality];
      const z = unfollowLogOdds(b, w.follows.accustomed[fs], q);
      if (chance(rng, sells > 0 ? z + sells * promo.unfollow : z)) unfollow(w, u, fs, a);
      else stayFollowing(w, u, a, fs, q, channel, focal);
    }
  }

  // A ghost audience's followers buy no more readily than strangers (a counterfactual twin).
  const buysAsFollower = following && (w.ghost === null || w.ghost[a] === 0);
  if (product && chance(rng, clickLogOdds(p, r, b, xm, buysAsFollower) + fatigue) && focal !== null) onClick(w, u, channel, buysAsFollower, focal, rec, t);
  if (focal !== null) {
    if (focal.exposures[u] < 255) focal.exposures[u]++;
    if (channel === CHANNEL.paid) focal.stepCounters[COUNTER.paidCost] += w.scenario.paid.cpm / 1000;
  }
}
