/**
 * Engagement decisions (docs/model.md §4): like and share. Each is a logistic draw (`chance`) on
 * the post's precomputed log-odds plus the viewer's terms (below); an engagement counts in the post's
 * engagement rate and pushes it back into its topic's recommendation pool (each switchable), and a
 * share queues delivery to the sharer's graph followers.
 * @module
 */
import { PF, type PostStore } from '../content/posts.js';
import { pushTopic } from '../feed/topic-pool.js';
import { addReshare } from '../engine/cascade.js';
import type { FocalPost } from '../engine/focal-posts.js';
import { COUNTER } from '../engine/metrics.js';
import type { FocalAccount, WorldState } from '../engine/world.js';

/**
 * Log-odds that a user with engagement propensity `propensity` and centred interest match `xm`
 * likes the post in record `r` — the decision's own term, and the platform's prediction that
 * rankers see (`RankContext.likeLogOdds`).
 */
export function likeLogOdds(p: PostStore, r: number, likeMatch: number, xm: number, propensity: number): number {
  return p.floats[r + PF.likeLogit] + likeMatch * xm + propensity;
}

function rememberEngager(f: FocalAccount, user: number): void {
  f.engagers[f.engagerHead] = user;
  f.engagerHead = f.engagerHead + 1 === f.engagers.length ? 0 : f.engagerHead + 1;
  if (f.engagerCount < f.engagers.length) f.engagerCount++;
}

/** Records a reshare, delivered to the sharer's graph followers at the end of the step. */
function queueShare(w: WorldState, serial: number, user: number): void {
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

/** Log-odds that the user shares the post in record `r` (the like's terms, with the share's coefficients). */
export function shareLogOdds(p: PostStore, r: number, shareMatch: number, xm: number, propensity: number): number {
  return p.floats[r + PF.shareLogit] + shareMatch * xm + propensity;
}

/**
 * Engagement the platform sees (`ranked`: not on a paid impression when `feed.paidSpillover` is
 * off) counts in the post's engagement rate and, when `feed.engagementRepush` is on, pushes the
 * post back into its topic's recommendation pool.
 */
function countEngagement(w: WorldState, r: number, topic: number, serial: number, t: number, ranked: boolean): void {
  if (!ranked) return;
  w.posts.counts[r + PF.engagements]++;
  if (w.params.engagementRepush) pushTopic(w.topicPools, topic, serial, t);
}

/** A like of the post in record `r`: engagement (see `countEngagement`). */
export function onLike(w: WorldState, u: number, r: number, topic: number, focal: FocalAccount | null, rec: FocalPost | null, t: number, ranked: boolean): void {
  countEngagement(w, r, topic, w.posts.words[r + PF.serial], t, ranked);
  if (focal !== null) {
    focal.stepCounters[COUNTER.likes]++;
    rec!.likes++;
    if (focal.liked[u] < 255) focal.liked[u]++;
    rememberEngager(focal, u);
  }
}

/** A reshare of the post in record `r` that reached the user via `via`: engagement, delivery at the step's end. */
export function onShare(w: WorldState, u: number, r: number, topic: number, via: number, focal: FocalAccount | null, rec: FocalPost | null, t: number, ranked: boolean): void {
  const serial = w.posts.words[r + PF.serial];
  countEngagement(w, r, topic, serial, t, ranked);
  queueShare(w, serial, u);
  if (focal !== null) {
    focal.stepCounters[COUNTER.shares]++;
    rec!.shares++;
    addReshare(rec!.cascade, u, via);
    rememberEngager(focal, u);
  }
}
