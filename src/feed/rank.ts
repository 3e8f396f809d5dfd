/**
 * Ranking and selection of a session's candidates (docs/model.md §3): the engine computes the
 * features the world's ranker declares, the ranker scores them (in a batch where it offers
 * one), and up to the attention budget are selected — Gumbel-top-K sampling or top-K.
 * @module
 */
import { PB, PF, RECORD_SHIFT, smoothedEngagementRate } from '../content/posts.js';
import { likeLogOdds } from '../behavior/engage.js';
import type { WorldState } from '../engine/world.js';
import type { Candidates } from './candidates.js';
import { MAX_CANDIDATES } from './candidates.js';
import { CHANNEL } from './channel.js';
import { RANK_FEATURES, type FeedRanker, type RankBatch, type RankContext, type RankFeature } from './ranker.js';
import { deterministicKeys, sampleWithoutReplacement, topK } from './select.js';

/**
 * The smallest engagement rate a ranker sees. With likes and shares switched off every rate
 * would be 0, and a score of 0 is never shown: the engagement ranker would show nothing. Far
 * below any rate a run with engagement produces (prior × base rate over ≥ 10⁹ impressions), so
 * it only turns "no signal at all" into ranking by affinity × freshness.
 */
export const RATE_FLOOR = 1e-12;

/** A world's ranker with its scratch: the batch columns, a context, and which features to fill. */
export interface Ranking {
  readonly ranker: FeedRanker;
  readonly batch: { -readonly [K in keyof RankBatch]: RankBatch[K] };
  readonly context: RankContext;
  readonly wants: Readonly<Record<RankFeature, boolean>>;
}

export function createRanking(ranker: FeedRanker): Ranking {
  const declared = ranker.features ?? RANK_FEATURES;
  const wants = Object.fromEntries(RANK_FEATURES.map((f) => [f, declared.includes(f)])) as Record<RankFeature, boolean>;
  // The like prediction needs the interest match.
  if (wants.likeLogOdds) wants.match = true;
  const n = MAX_CANDIDATES;
  return {
    ranker,
    wants,
    batch: {
      n: 0, user: 0, post: new Int32Array(n), account: new Int32Array(n), inNetwork: new Uint8Array(n), age: new Int32Array(n),
      freshness: new Float64Array(n), match: new Float64Array(n), engagementRate: new Float64Array(n), affinity: new Float64Array(n), likeLogOdds: new Float64Array(n),
    },
    context: { user: 0, post: 0, account: -1, channel: 'network', inNetwork: true, age: 0, freshness: 1, match: 0, engagementRate: 0, affinity: 1, likeLogOdds: 0 },
  };
}

/** Fills the batch columns the ranker reads for user `u`'s candidates at step `t`. */
function fillFeatures(w: WorldState, c: Candidates, k: Ranking, u: number, t: number): void {
  const b = k.batch;
  const { freshness: wantFresh, match: wantMatch, engagementRate: wantRate, affinity: wantAffinity, likeLogOdds: wantLike } = k.wants;
  const p = w.posts;
  const words = p.words;
  const pop = w.users;
  const T = pop.topics;
  const fresh = w.params.freshness;
  const sc = w.scenario;
  const prior = sc.feed.engagementPrior;
  const oon = sc.feed.outOfNetworkWeight;
  const likeMatch = w.params.behavior.like.match;
  const prop = pop.engagePropensity[u];
  const affinityBoost = 1 + sc.engagementAffinity;
  const affinityOn = sc.engagementAffinity > 0;
  const focalCount = w.focal.length;
  const n = c.n;
  b.n = n;
  b.user = u;
  for (let i = 0; i < n; i++) {
    const slot = c.slot[i];
    const r = slot << RECORD_SHIFT;
    const inNetwork = c.channel[i] === CHANNEL.network;
    const age = t - words[r + PF.created];
    b.post[i] = slot;
    b.inNetwork[i] = inNetwork ? 1 : 0;
    b.age[i] = age;
    const a = words[r + PF.account];
    b.account[i] = a;
    if (wantFresh) b.freshness[i] = fresh[age];
    if (wantAffinity) {
      let affinity = inNetwork ? 1 : oon;
      if (affinityOn && a >= 0 && a < focalCount && w.focal[a].liked[u] > 0) affinity *= affinityBoost;
      b.affinity[i] = affinity;
    }
    if (wantRate) b.engagementRate[i] = Math.max(RATE_FLOOR, smoothedEngagementRate(p, r, prior));
    if (wantMatch) {
      const match = pop.interest[u * T + p.bytes[(r << 2) + PB.topic]];
      b.match[i] = match;
      if (wantLike) b.likeLogOdds[i] = likeLogOdds(p, r, likeMatch, 2 * match - 1, prop);
    }
  }
}

/** Scores candidates 0 … n − 1 of user `u`'s session at step `t` into `c.score`. */
export function scoreCandidates(w: WorldState, c: Candidates, u: number, t: number): void {
  const k = w.ranking;
  const ranker = k.ranker;
  fillFeatures(w, c, k, u, t);
  const b = k.batch;
  const scores = c.score;
  if (ranker.scoreAll !== undefined) ranker.scoreAll(b, scores);
  else {
    const ctx = k.context;
    ctx.user = u;
    for (let i = 0; i < b.n; i++) {
      ctx.post = b.post[i];
      ctx.account = b.account[i];
      ctx.inNetwork = b.inNetwork[i] === 1;
      ctx.channel = ctx.inNetwork ? 'network' : 'recommended';
      ctx.age = b.age[i];
      ctx.freshness = b.freshness[i];
      ctx.match = b.match[i];
      ctx.engagementRate = b.engagementRate[i];
      ctx.affinity = b.affinity[i];
      ctx.likeLogOdds = b.likeLogOdds[i];
      scores[i] = ranker.score(ctx);
    }
  }
  for (let i = 0; i < b.n; i++) {
    const s = scores[i];
    if (!(s >= 0) || s === Infinity) {
      throw new RangeError(`ranker "${ranker.name}" returned ${s} for post ${w.posts.words[(b.post[i] << RECORD_SHIFT) + PF.serial]} and user ${u}: scores must be finite and ≥ 0`);
    }
  }
}

/**
 * Ranks user `u`'s candidates and selects up to `room` of them into `c.order` (best first);
 * returns how many.
 */
export function rankAndSelect(w: WorldState, c: Candidates, u: number, t: number, room: number): number {
  scoreCandidates(w, c, u, t);
  const n = c.n;
  const k = room === Infinity ? n : room;
  if (w.scenario.feed.selection === 'gumbel') return sampleWithoutReplacement(c.score, n, k, w.scenario.feed.temperature, w.rng, c.order);
  deterministicKeys(c.score, n);
  return topK(c.score, n, k, c.order);
}
