/**
 * Paid boosts (docs/model.md §4.5): each step a focal account spends its promotion bank on paid
 * impressions of one post — its newest, or its newest product post — each to an active user who
 * takes no other paid impression this step. Retargeted engagers come first when the platform and
 * the plan allow it; then active users drawn at random, accepted in proportion to their interest
 * in the post's topic (interest targeting) or all alike (broad). The plan's targeting may leave
 * out followers and users who saw the post, and cap paid impressions per user per cycle.
 * @module
 */
import { findFollow } from '../accounts/follows.js';
import { PB, PF, RECORD_SHIFT } from '../content/posts.js';
import { nextFloat, seedKeyed } from '../rng.js';
import { hasSeen } from './focal-posts.js';
import type { FocalAccount, WorldState } from './world.js';

/** Spends the account's promotion bank on paid impressions at step `t`. */
export function buyPaidImpressions(w: WorldState, f: FocalAccount, t: number): void {
  const stream = w.stream;
  const price = w.scenario.paid.cpm / 1000;
  let want = Math.floor(f.promotionBank / price + 1e-9);
  if (want <= 0 || w.activeCount === 0) return;
  const tg = f.targeting;
  const p = w.posts;
  const serial = tg.boost === 'product' ? f.productSerial : w.accounts.signalSerial[f.index];
  if (serial < 0) return;
  const slot = serial & p.mask;
  // Paid boosts deliver the post even after it has left organic feeds, as long as its record
  // (where paid impressions are booked) is alive.
  const r = slot << RECORD_SHIFT;
  if (p.words[r + PF.serial] !== serial || p.words[r + PF.focal] < 0) return;
  const seen = w.focalPosts[p.words[r + PF.focal]]!;
  want = Math.min(want, w.activeCount);
  seedKeyed(stream, w.keys.paid, f.index, t);
  const topic = p.bytes[(r << 2) + PB.topic];
  const pop = w.users;
  const cap = tg.frequencyCap;
  if (cap > 0 && f.paidInCycle === null) f.paidInCycle = new Uint8Array(pop.size);
  const perUser = f.paidInCycle;
  let bought = 0;
  // Ads may reach the same user again across steps (frequency), up to the cap; ad fatigue dampens the response.
  const target = (u: number) => {
    if (w.paidSerial[u] >= 0) return;
    if (tg.excludeFollowers && findFollow(w.follows, u, f.index) >= 0) return;
    if (tg.excludeSeen && hasSeen(seen, u)) return;
    if (cap > 0) {
      if (perUser![u] >= cap) return;
      perUser![u]++;
    }
    w.paidSerial[u] = serial;
    bought++;
  };
  if (f.retarget && f.engagerCount > 0) {
    for (let tries = 0; tries < 4 * want && bought < want; tries++) {
      const u = f.engagers[Math.floor(nextFloat(stream) * f.engagerCount)];
      if (w.activeStep[u] === t) target(u);
    }
  }
  const byInterest = tg.audience === 'interest';
  for (let tries = 0; tries < 20 * want && bought < want; tries++) {
    const u = w.active[Math.floor(nextFloat(stream) * w.activeCount)];
    if (!byInterest || nextFloat(stream) < pop.interest[u * pop.topics + topic]) target(u);
  }
  f.promotionBank -= bought * price;
  if (bought > 0 && p.hold[slot] <= t) p.hold[slot] = t + 1;
}
