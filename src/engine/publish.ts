/**
 * Publishing a post: a slot in the post store, its post-level log-odds precomputed once (so
 * impressions only add the viewer's terms), a place in its topic's recommendation pool, and
 * delivery to the author's social-graph followers. Focal posts also get a detail record.
 * @module
 */
import { claimNotification, notePost } from '../accounts/accounts.js';
import type { PostPlan } from '../campaign/strategy.js';
import { centred } from '../behavior/logistic.js';
import { CTA, KIND, PB, PF, RECORD_SHIFT, reservePost, serialAt, smoothedEngagementRate } from '../content/posts.js';
import { deliverToFollowers } from '../feed/inbox.js';
import { updateSellShare } from '../behavior/promotion.js';
import { pushTopic } from '../feed/topic-pool.js';
import { createFocalPost, hasSeen, markSeen, summarise } from './focal-posts.js';
import { COUNTER } from './metrics.js';
import type { WorldState } from './world.js';

/** Flushes the focal record of the post in `slot` (it is leaving every pool). */
export function finishFocalPost(w: WorldState, slot: number): void {
  const r = slot << RECORD_SHIFT;
  const words = w.posts.words;
  const id = words[r + PF.focal];
  if (id < 0) return;
  const rec = w.focalPosts[id]!;
  const summary = summarise(rec);
  if (w.onPost) w.onPost(summary);
  else w.finishedPosts.push(summary);
  w.focalPosts[id] = undefined;
  words[r + PF.focal] = -1;
  w.spareBitsets.push(rec.seen);
}

/** Sets an account's engagement signal (C2) from its post in `slot`: the smoothed engagement rate. */
function recordSignal(w: WorldState, account: number, slot: number): void {
  w.accounts.signalRate[account] = smoothedEngagementRate(w.posts, slot << RECORD_SHIFT, w.scenario.feed.engagementPrior);
}

/**
 * Publishes a post at the current step. `account` is −1 for an ordinary user's post;
 * `authorUser` is the user whose graph followers receive it (−1 for none). Returns the slot.
 */
export function publish(w: WorldState, account: number, authorUser: number, plan: PostPlan, topic: number): number {
  const t = w.step;
  const p = w.posts;
  const b = w.params.behavior;
  const slot = reservePost(p, t, (old) => {
    w.onRetire?.(w, old);
    finishFocalPost(w, old);
    // The account's engagement signal (C2) is read before its post's slot is reused.
    const a = p.words[(old << RECORD_SHIFT) + PF.account];
    if (a >= 0 && w.accounts.signalSerial[a] === serialAt(p, old)) recordSignal(w, a, old);
  });
  // Read the views after reservePost: it may have grown the store.
  const words = p.words;
  const r = slot << RECORD_SHIFT;
  const bytes = r << 2;
  const serial = words[r + PF.serial];
  const kind = KIND[plan.kind];
  const cta = CTA[plan.cta];
  words[r + PF.account] = account;
  words[r + PF.authorUser] = authorUser;
  p.bytes[bytes + PB.topic] = topic;
  p.bytes[bytes + PB.kind] = kind;
  p.bytes[bytes + PB.cta] = cta;
  const floats = p.floats;
  floats[r + PF.quality] = plan.quality;
  p.appeal[slot] = plan.appeal;
  p.persona[slot] = plan.persona;
  words[r + PF.created] = t;
  const life = Math.min(w.params.maxAge, plan.lifetimeSteps !== undefined ? plan.lifetimeSteps - 1 : w.params.maxAge);
  words[r + PF.expires] = t + Math.max(0, life);
  p.hold[slot] = words[r + PF.expires];
  const xq = centred(plan.quality);
  const xa = centred(plan.appeal);
  const askFollow = cta === CTA.follow || cta === CTA.notify ? 1 : 0;
  floats[r + PF.likeLogit] = b.like.base + b.like.quality * xq + b.like.appeal * xa + (cta === CTA.like ? b.like.likeCta : 0) + askFollow * b.like.followCta;
  floats[r + PF.shareLogit] = b.share.base + b.share.quality * xq + b.share.appeal * xa + (cta === CTA.share ? b.share.shareCta : 0) + askFollow * b.share.followCta;
  floats[r + PF.followLogit] = b.follow.base + b.follow.quality * xq + b.follow.appeal * xa + b.follow.persona * plan.persona + askFollow * b.follow.followCta;
  floats[r + PF.convertLogit] = kind === KIND.product ? b.convert.base + b.convert.quality * xq : -Infinity;

  // Engagement prior: the platform's base rate, or (C2) partly the account's last post's rate.
  const base = w.scenario.behavior.like.base + w.scenario.behavior.share.base;
  let prior = base;
  if (account >= 0) {
    const acc = w.accounts;
    const carry = w.scenario.accountSignalCarryover;
    const last = acc.signalSerial[account];
    const ls = last & p.mask;
    if (last >= 0 && serialAt(p, ls) === last) recordSignal(w, account, ls);
    if (carry > 0 && acc.signalRate[account] >= 0) prior = (1 - carry) * base + carry * acc.signalRate[account];
    acc.signalSerial[account] = serial;
    acc.sellShare[account] = updateSellShare(acc.sellShare[account], kind === KIND.product, w.params.promotion.posts);
    notePost(acc, account, serial, t);
    p.bytes[bytes + PB.notifies] = w.scenario.notifications.enabled && claimNotification(acc, account, t, w.params.notificationCap, w.params.notificationWindowSteps) ? 1 : 0;
  }
  floats[r + PF.priorRate] = prior;
  pushTopic(w.topicPools, topic, serial, t);

  let rec = null;
  if (account >= 0 && account < w.focal.length) {
    rec = createFocalPost(w.users.size, authorUser, w.spareBitsets.pop());
    rec.serial = serial;
    rec.account = account;
    rec.created = t;
    rec.kind = kind;
    rec.quality = plan.quality;
    rec.appeal = plan.appeal;
    rec.cta = cta;
    rec.persona = plan.persona;
    rec.followersAtPost = w.accounts.followers[account];
    // The author has seen their own post: it is never delivered back to them.
    if (authorUser >= 0) markSeen(rec, authorUser);
    let id = w.focalPosts.indexOf(undefined);
    if (id < 0) id = w.focalPosts.push(rec) - 1;
    else w.focalPosts[id] = rec;
    words[r + PF.focal] = id;
    const f = w.focal[account];
    if (kind === KIND.product) f.productSerial = serial;
    f.stepCounters[COUNTER.posts]++;
    f.stepCounters[COUNTER.followersAtPost] += rec.followersAtPost;
  }
  if (authorUser >= 0) {
    const r = rec;
    deliverToFollowers(w, w.graph, authorUser, serial, r === null ? null : (v) => hasSeen(r, v), false);
  }
  return slot;
}
