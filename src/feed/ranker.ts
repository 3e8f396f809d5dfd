/**
 * Feed ranking behind one small interface: a ranker scores a candidate from what the platform
 * knows about it. The built-ins implement exactly the interface a user's ranker does — a scalar
 * `score` and, optionally, a batch `scoreAll` over a session's candidates — and declare the
 * features they read, so the engine computes only those. Rankers are registered by name so
 * scenarios stay serialisable; a factory takes parameters from the scenario (`feed.rankerParams`).
 * @module
 */
import type { FeedSpec } from '../scenario/types.js';
import { closestKey, ScenarioError } from '../scenario/errors.js';
import * as math from '../math/index.js';

/** The channels whose candidates are ranked (notifications and paid items are shown before ranking). */
export type RankedChannel = 'network' | 'recommended';

/**
 * What a ranker sees of one candidate. The engine reuses one object per session, so a ranker
 * must read it synchronously and never keep it.
 */
export interface RankContext {
  /** The viewing user. */
  user: number;
  /** Slot of the post in the post store: `readPost(world.posts, post)` gives its fields. */
  post: number;
  /** Account that published the post (focal accounts first, then creators), −1 for a user's post. */
  account: number;
  /** How the candidate reached the user: the in-network feed or an out-of-network recommendation. */
  channel: RankedChannel;
  /** True for posts from followed accounts and the user's social graph (`channel === 'network'`). */
  inNetwork: boolean;
  /** Age in steps. */
  age: number;
  /** Freshness f(age) in [0, 1]. */
  freshness: number;
  /** The user's interest in the post's topic, in [0, 1]. */
  match: number;
  /** Smoothed engagement rate of the post (likes + shares per impression, with a prior; at least 10⁻¹², so that a run without engagement still ranks). */
  engagementRate: number;
  /** Viewer–author affinity: 1 in-network, the out-of-network weight otherwise, raised by likes when `engagementAffinity` > 0. */
  affinity: number;
  /** Log-odds that this user likes this post (the platform's personal prediction). */
  likeLogOdds: number;
}

/** What a ranker may declare it reads of a candidate (`user` is always there). */
export type RankFeature = 'post' | 'account' | 'inNetwork' | 'age' | 'freshness' | 'match' | 'engagementRate' | 'affinity' | 'likeLogOdds';

/** Every feature, for rankers that declare none. */
export const RANK_FEATURES: readonly RankFeature[] = ['post', 'account', 'inNetwork', 'age', 'freshness', 'match', 'engagementRate', 'affinity', 'likeLogOdds'];

/**
 * A session's candidates as columns (index i = candidate i, i < n), for `scoreAll`. Only the
 * columns the ranker declares in `features` are filled (all of them when it declares none); the
 * others hold stale values.
 */
export interface RankBatch {
  readonly n: number;
  readonly user: number;
  readonly post: Int32Array;
  readonly account: Int32Array;
  /** 1 in-network, 0 recommended. */
  readonly inNetwork: Uint8Array;
  readonly age: Int32Array;
  readonly freshness: Float64Array;
  readonly match: Float64Array;
  readonly engagementRate: Float64Array;
  readonly affinity: Float64Array;
  readonly likeLogOdds: Float64Array;
}

/** A feed ranker. Scores must be finite and ≥ 0; 0 means "never show". */
export interface FeedRanker {
  readonly name: string;
  /** The features `score` / `scoreAll` read (default: all). Declaring fewer spares their computation. */
  readonly features?: readonly RankFeature[];
  score(c: RankContext): number;
  /** Optional batch form: writes the score of candidate i to `scores[i]`, equal to `score` of its context. */
  scoreAll?(b: RankBatch, scores: Float64Array): void;
}

/** A ranker that takes parameters from the scenario: `feed.rankerParams` and the rest of `feed`. */
export interface RankerFactory {
  readonly name: string;
  create(params: Readonly<Record<string, number>>, feed: Readonly<FeedSpec>): FeedRanker;
}

/** Newest first: the score is freshness alone. */
export const chronological: FeedRanker = {
  name: 'chronological',
  features: ['freshness'],
  score: (c) => c.freshness,
  scoreAll(b, scores) {
    const f = b.freshness;
    for (let i = 0, n = b.n; i < n; i++) scores[i] = f[i];
  },
};

/** Affinity × smoothed engagement rate × freshness (Facebook's EdgeRank shape). */
export const engagement: FeedRanker = {
  name: 'engagement',
  features: ['freshness', 'engagementRate', 'affinity'],
  score: (c) => c.affinity * c.engagementRate * c.freshness,
  scoreAll(b, scores) {
    const { affinity, engagementRate, freshness } = b;
    for (let i = 0, n = b.n; i < n; i++) scores[i] = affinity[i] * engagementRate[i] * freshness[i];
  },
};

/** Interest match × predicted engagement × freshness, in and out of network alike. */
export const interest: FeedRanker = {
  name: 'interest',
  features: ['freshness', 'match', 'likeLogOdds'],
  score: (c) => (c.match * c.freshness) / (1 + math.exp(-c.likeLogOdds)),
  scoreAll(b, scores) {
    const { match, freshness, likeLogOdds } = b;
    for (let i = 0, n = b.n; i < n; i++) scores[i] = (match[i] * freshness[i]) / (1 + math.exp(-likeLogOdds[i]));
  },
};

/**
 * Engagement ranking for in-network candidates and interest ranking for recommendations,
 * weighted by the in-network share `share` (0..1).
 */
export function hybrid(share: number): FeedRanker {
  const inWeight = 2 * share;
  const outWeight = 2 * (1 - share);
  return {
    name: 'hybrid',
    features: ['inNetwork', 'freshness', 'match', 'engagementRate', 'affinity', 'likeLogOdds'],
    score: (c) => (c.inNetwork ? inWeight * engagement.score(c) : outWeight * interest.score(c)),
    scoreAll(b, scores) {
      const { inNetwork, affinity, engagementRate, freshness, match, likeLogOdds } = b;
      for (let i = 0, n = b.n; i < n; i++) {
        scores[i] = inNetwork[i] === 1
          ? inWeight * (affinity[i] * engagementRate[i] * freshness[i])
          : outWeight * ((match[i] * freshness[i]) / (1 + math.exp(-likeLogOdds[i])));
      }
    },
  };
}

const hybridFactory: RankerFactory = { name: 'hybrid', create: (_params, feed) => hybrid(feed.inNetworkShare) };

const builtins: Array<FeedRanker | RankerFactory> = [chronological, engagement, interest, hybridFactory];
const registry = new Map<string, FeedRanker | RankerFactory>(builtins.map((r) => [r.name, r]));

/** Puts the built-in rankers back under their names (after a test replaced one). @internal */
export function restoreBuiltinRankers(): void {
  for (const r of builtins) registry.set(r.name, r);
}

const isFactory = (r: FeedRanker | RankerFactory): r is RankerFactory => typeof (r as RankerFactory).create === 'function';

/**
 * Registers a custom ranker — or a factory that builds one from `feed.rankerParams` — under its
 * name, for use as `feed.ranker` in scenarios.
 */
export function registerRanker(ranker: FeedRanker | RankerFactory): void {
  const ok = ranker && typeof ranker.name === 'string' && ranker.name.length > 0 &&
    (typeof (ranker as FeedRanker).score === 'function' || isFactory(ranker));
  if (!ok) throw new TypeError('registerRanker: expected { name: string, score(context): number } or { name: string, create(params, feed): FeedRanker }');
  const s = (ranker as FeedRanker).scoreAll;
  if (s !== undefined && typeof s !== 'function') throw new TypeError(`registerRanker: ${ranker.name}.scoreAll must be a function`);
  const f = (ranker as FeedRanker).features;
  if (f !== undefined && !(Array.isArray(f) && f.every((x) => RANK_FEATURES.includes(x)))) {
    throw new TypeError(`registerRanker: ${ranker.name}.features must list some of ${RANK_FEATURES.join(', ')}`);
  }
  registry.set(ranker.name, ranker);
}

/** The names of all registered rankers. */
export function rankerNames(): string[] {
  return [...registry.keys()];
}

/** Resolves the scenario's ranker; throws naming the allowed values when it is unknown. */
export function resolveRanker(feed: Readonly<FeedSpec>): FeedRanker {
  const r = registry.get(feed.ranker);
  if (!r) {
    throw new ScenarioError([{ path: 'feed.ranker', value: feed.ranker, allowed: `is not a registered ranker (known: ${rankerNames().join(', ')}; registerRanker adds one)`, suggestion: closestKey(feed.ranker, rankerNames()) }]);
  }
  if (!isFactory(r)) return r;
  const made = r.create(feed.rankerParams ?? {}, feed);
  if (!made || typeof made.score !== 'function') throw new TypeError(`ranker factory "${r.name}": create() must return { name, score(context) }`);
  return made;
}
