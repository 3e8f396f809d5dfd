/**
 * Scoring a session's candidates. The built-in rankers are evaluated inline with the same
 * formulas as their {@link FeedRanker} objects (a test checks they agree), which spares a
 * function call and a context fill per candidate; a custom ranker gets the context.
 * @module
 */
import { CHANNEL, CHANNEL_NAMES } from '../feed/channel.js';
import { chronological, engagement, interest, type FeedRanker } from '../feed/ranker.js';
import { PB, PF, RECORD_SHIFT } from '../content/posts.js';
import type { World } from './world.js';

/** Codes of the rankers evaluated inline; −1 for a custom ranker. */
export const RANKER_KIND = { custom: -1, chronological: 0, engagement: 1, interest: 2, hybrid: 3 } as const;

/** The inline code of a ranker object. */
export function rankerKind(r: FeedRanker): number {
  if (r === chronological) return RANKER_KIND.chronological;
  if (r === engagement) return RANKER_KIND.engagement;
  if (r === interest) return RANKER_KIND.interest;
  if (r.name === 'hybrid' && (r as { builtin?: boolean }).builtin === true) return RANKER_KIND.hybrid;
  return RANKER_KIND.custom;
}

/**
 * The smallest engagement rate a ranker sees. With likes and shares switched off every rate
 * would be 0, and a score of 0 is never shown: the engagement ranker would show nothing. Far
 * below any rate a run with engagement produces (prior × base rate over ≥ 10⁹ impressions), so
 * it only turns "no signal at all" into ranking by affinity × freshness.
 */
export const RATE_FLOOR = 1e-12;

/** Scores candidates 0 … n − 1 of user `u`'s session at step `t` into `w.candScore`. */
export function scoreCandidates(w: World, u: number, t: number, n: number): void {
  const p = w.posts;
  const pop = w.users;
  const sc = w.scenario;
  const T = pop.topics;
  const scores = w.candScore;
  const candSlot = w.candSlot;
  const candChannel = w.candChannel;
  const fresh = w.params.freshness;
  const prior = sc.feed.engagementPrior;
  const oon = sc.feed.outOfNetworkWeight;
  const likeMatch = w.params.behavior.like.match;
  const prop = pop.engagePropensity[u];
  const affinityBoost = 1 + sc.engagementAffinity;
  const affinityOn = sc.engagementAffinity > 0;
  const focalCount = w.focal.length;
  const kind = w.rankerKind;
  const share = sc.feed.inNetworkShare;
  const words = p.words;
  const counts = p.counts;
  const floats = p.floats;
  if (kind === RANKER_KIND.engagement) {
    // The bench's ranker, on its own loop: it needs neither the topic match nor, without
    // engagement affinity, the author — two fewer random reads of the post store per candidate.
    for (let i = 0; i < n; i++) {
      const r = candSlot[i] << RECORD_SHIFT;
      const f = fresh[t - words[r + PF.created]];
      let affinity = candChannel[i] === CHANNEL.network ? 1 : oon;
      if (affinityOn) {
        const a = words[r + PF.account];
        if (a >= 0 && a < focalCount && w.focal[a].liked[u] > 0) affinity *= affinityBoost;
      }
      const rate = Math.max(RATE_FLOOR, (counts[r + PF.engagements] + prior * floats[r + PF.priorRate]) / (counts[r + PF.impressions] + prior));
      scores[i] = affinity * rate * f;
    }
    return;
  }
  const ctx = w.rankContext;
  ctx.user = u;
  for (let i = 0; i < n; i++) {
    const slot = candSlot[i];
    const r = slot << RECORD_SHIFT;
    const inNetwork = candChannel[i] === CHANNEL.network;
    const age = t - words[r + PF.created];
    const f = fresh[age];
    if (kind === RANKER_KIND.chronological) {
      scores[i] = f;
      continue;
    }
    const match = pop.interest[u * T + p.bytes[(r << 2) + PB.topic]];
    const a = words[r + PF.account];
    let affinity = inNetwork ? 1 : oon;
    if (affinityOn && a >= 0 && a < focalCount && w.focal[a].liked[u] > 0) affinity *= affinityBoost;
    const rate = Math.max(RATE_FLOOR, (counts[r + PF.engagements] + prior * floats[r + PF.priorRate]) / (counts[r + PF.impressions] + prior));
    if (kind === RANKER_KIND.engagement || (kind === RANKER_KIND.hybrid && inNetwork)) {
      const s = affinity * rate * f;
      scores[i] = kind === RANKER_KIND.hybrid ? 2 * share * s : s;
      continue;
    }
    const likeLogOdds = floats[r + PF.likeLogit] + likeMatch * (2 * match - 1) + prop;
    if (kind === RANKER_KIND.interest || kind === RANKER_KIND.hybrid) {
      const s = (match * f) / (1 + Math.exp(-likeLogOdds));
      scores[i] = kind === RANKER_KIND.hybrid ? 2 * (1 - share) * s : s;
      continue;
    }
    ctx.post = slot;
    ctx.account = a;
    ctx.channel = CHANNEL_NAMES[candChannel[i]];
    ctx.inNetwork = inNetwork;
    ctx.age = age;
    ctx.freshness = f;
    ctx.match = match;
    ctx.engagementRate = rate;
    ctx.affinity = affinity;
    ctx.likeLogOdds = likeLogOdds;
    const s = w.ranker.score(ctx);
    if (!(s >= 0) || s === Infinity) {
      throw new RangeError(`ranker "${w.ranker.name}" returned ${s} for post ${words[r + PF.serial]} and user ${u}: scores must be finite and ≥ 0`);
    }
    scores[i] = s;
  }
}
