/**
 * Follow decisions (docs/model.md §4): follow on an impression, bell notifications on following,
 * unfollow on a disappointing impression (quality below what the follower is used to, C7) or
 * from time hazards (baseline churn, posting lapse and over-cadence, applied lazily at the
 * follower's next visit), and turning notifications off when they annoy.
 * @module
 */
import { addFollow, followedAccount, followSlot, notifies, removeFollow, setNotifies } from '../accounts/follows.js';
import { CTA, PB, PF, RECORD_SHIFT } from '../content/posts.js';
import { CHANNEL } from '../feed/channel.js';
import { nextFloat } from '../rng.js';
import type { FocalPost } from '../engine/focal-posts.js';
import type { BehaviorParams } from './params.js';
import { COUNTER } from '../engine/metrics.js';
import type { FocalAccount, WorldState } from '../engine/world.js';
import { chance } from './chance.js';
import * as math from '../math/index.js';

/** Removes `user`'s follow in `slot` of account `a`. */
export function unfollow(w: WorldState, user: number, slot: number, a: number): void {
  const f = w.follows;
  if (notifies(f, slot)) {
    w.notifySubscriptions[user]--;
    w.accounts.notifySubscribers[a]--;
  }
  removeFollow(f, user, slot);
  w.accounts.followers[a]--;
  if (a < w.focal.length) {
    w.focal[a].stepCounters[COUNTER.unfollows]++;
    w.focal[a].stepCounters[COUNTER.value] -= w.scenario.economics.valuePerFollower;
  }
}

/** Adds `user`'s follow of account `a`, prompted by the post in `postSlot`; it may turn the bell on. */
export function follow(w: WorldState, user: number, a: number, postSlot: number, rec: FocalPost | null): void {
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
    focal.stepCounters[COUNTER.follows]++;
    focal.stepCounters[COUNTER.value] += w.scenario.economics.valuePerFollower;
  }
  if (rec) rec.follows++;
  if (!w.scenario.notifications.enabled) return;
  const z = b.notify.base + (p.bytes[(r << 2) + PB.cta] === CTA.notify ? b.notify.notifyCta : 0) + b.notify.persona * p.persona[postSlot];
  if (chance(w.rng, z)) {
    setNotifies(f, slot, true);
    w.notifySubscriptions[user]++;
    w.accounts.notifySubscribers[a]++;
    if (focal) focal.stepCounters[COUNTER.notificationsOn]++;
  }
}

/**
 * Log-odds that a non-follower follows the account after seeing its post in record `r`: the
 * post's follow log-odds, raised by interest, propensity, past exposures to a focal account
 * (`exposures`, −1 for a creator) and arrival through a reshare (`via` other than the author),
 * lowered by ad fatigue (added in this order: the sum's rounding is part of the results).
 */
export function followLogOdds(w: WorldState, u: number, r: number, via: number, xm: number, fatigue: number, exposures: number): number {
  const b = w.params.behavior;
  let z = w.posts.floats[r + PF.followLogit] + b.follow.match * xm + w.users.followPropensity[u] + fatigue;
  if (exposures >= 0) z += b.follow.exposure * math.log2(1 + exposures);
  if (via >= 0 && via !== w.posts.words[r + PF.authorUser]) z += b.follow.viaShare;
  return z;
}

/** Log-odds that a follower used to quality `accustomed` unfollows on seeing a post of quality `q`. */
export function unfollowLogOdds(b: BehaviorParams, accustomed: number, q: number): number {
  const gap = accustomed - q;
  return b.unfollow.base + (gap > 0 ? b.unfollow.qualityGap * 2 * gap : 0);
}

/**
 * A follower (follow in `fs`) of account `a` stays after its post of quality `q`: they get used
 * to it, and a disappointing notification may turn the bell off when they hold too many.
 */
export function stayFollowing(w: WorldState, u: number, a: number, fs: number, q: number, channel: number, focal: FocalAccount | null): void {
  const fol = w.follows;
  const b = w.params.behavior;
  const gap = fol.accustomed[fs] - q;
  fol.accustomed[fs] += b.unfollow.accustomRate * (q - fol.accustomed[fs]);
  if (
    channel === CHANNEL.notification && gap > 0 && notifies(fol, fs) &&
    w.notifySubscriptions[u] > w.users.tolerance[u] && nextFloat(w.rng) < b.unfollow.notificationDrop
  ) {
    setNotifies(fol, fs, false);
    w.notifySubscriptions[u]--;
    w.accounts.notifySubscribers[a]--;
    if (focal !== null) focal.stepCounters[COUNTER.notificationsOff]++;
  }
}

/** Applies the time hazards accrued since the user's last session to each of their follows (C7). */
export function applyLazyHazards(w: WorldState, u: number, elapsedSteps: number): void {
  const fol = w.follows;
  const acc = w.accounts;
  const churn = w.params.behavior.churnPerStep * elapsedSteps;
  // Backwards: removing follow k moves the last (already visited) follow into k.
  for (let k = fol.count[u] - 1; k >= 0; k--) {
    const slot = followSlot(fol, u, k);
    const a = followedAccount(fol, slot);
    const h = churn + (acc.hazard[a] - fol.mark[slot]);
    fol.mark[slot] = acc.hazard[a];
    if (h > 0 && nextFloat(w.rng) < -math.expm1(-h)) unfollow(w, u, slot, a);
  }
}
