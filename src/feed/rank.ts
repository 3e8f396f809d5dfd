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
  const w8 = k.wants;
  const wantPost = w8.post;
  const wantAccount = w8.account;
  const wantIn = w8.inNetwork;
  const wantAge = w8.age;
  const wantFresh = w8.freshness;
  const wantMatch = w8.match;
  const wantRate = w8.engagementRate;
  const wantAffinity = w8.affinity;
  const wantLike = w8.likeLogOdds;
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
  // Every array in a local: TurboFan does not hoist field loads out of loops.
  const slots = c.slot;
  const channels = c.channel;
  const post = b.post;
  const inNet = b.inNetwork;
  const ages = b.age;
  const account = b.account;
  const freshness = b.freshness;
  const affinity = b.affinity;
  const rate = b.engagementRate;
  const matches = b.match;
  const like = b.likeLogOdds;
  const focal = w.focal;
  const interest = pop.interest;
  const bytes = p.bytes;
  for (let i = 0; i < n; i++) {
    const slot = slots[i];
    const r = slot << RECORD_SHIFT;
    const inNetwork = channels[i] === CHANNEL.network;
    const age = t - words[r + PF.created];
    if (wantPost) post[i] = slot;
    if (wantIn) inNet[i] = inNetwork ? 1 : 0;
    if (wantAge) ages[i] = age;
    if (wantAccount) account[i] = words[r + PF.account];
    if (wantFresh) freshness[i] = fresh[age];
    if (wantAffinity) {
      const a = words[r + PF.account];
      let x = inNetwork ? 1 : oon;
      if (affinityOn && a >= 0 && a < focalCount && focal[a].liked[u] > 0) x *= affinityBoost;
      affinity[i] = x;
    }
    if (wantRate) rate[i] = Math.max(RATE_FLOOR, smoothedEngagementRate(p, r, prior));
    if (wantMatch) {
      const match = interest[u * T + bytes[(r << 2) + PB.topic]];
      matches[i] = match;
      if (wantLike) like[i] = likeLogOdds(p, r, likeMatch, 2 * match - 1, prop);
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
  for (let i = 0, n = b.n; i < n; i++) {
    const s = scores[i];
    if (!(s >= 0) || s === Infinity) {
      throw new RangeError(`ranker "${ranker.name}" returned ${s} for post ${w.posts.words[(c.slot[i] << RECORD_SHIFT) + PF.serial]} and user ${u}: scores must be finite and ≥ 0`);
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
