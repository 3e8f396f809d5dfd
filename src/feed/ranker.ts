/**
 * Feed ranking behind one small interface: a ranker scores a candidate from what the platform
 * knows about it. The four built-ins implement the same interface a user's ranker does;
 * custom rankers are registered by name so scenarios stay serialisable.
 * @module
 */
import type { ChannelName } from './channel.js';
import { closestKey, ScenarioError } from '../scenario/errors.js';

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
  /** How the candidate reached the user. */
  channel: ChannelName;
  /** True for posts from followed accounts and the user's social graph. */
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

/** A feed ranker. Scores must be finite and ≥ 0; 0 means "never show". */
export interface FeedRanker {
  readonly name: string;
  score(c: RankContext): number;
}

/** Newest first: the score is freshness alone. */
export const chronological: FeedRanker = { name: 'chronological', score: (c) => c.freshness };

/** Affinity × smoothed engagement rate × freshness (Facebook's EdgeRank shape). */
export const engagement: FeedRanker = {
  name: 'engagement',
  score: (c) => c.affinity * c.engagementRate * c.freshness,
};

/** Interest match × predicted engagement × freshness, in and out of network alike. */
export const interest: FeedRanker = {
  name: 'interest',
  score: (c) => (c.match * c.freshness) / (1 + Math.exp(-c.likeLogOdds)),
};

/**
 * Engagement ranking for in-network candidates and interest ranking for recommendations,
 * weighted by the in-network share `share` (0..1).
 */
export function hybrid(share: number): FeedRanker & { readonly builtin: true } {
  return {
    name: 'hybrid',
    builtin: true,
    score: (c) =>
      c.inNetwork ? 2 * share * engagement.score(c) : 2 * (1 - share) * interest.score(c),
  };
}

const builtins: Array<[string, FeedRanker | ((inNetworkShare: number) => FeedRanker)]> = [
  ['chronological', chronological],
  ['engagement', engagement],
  ['interest', interest],
  ['hybrid', hybrid],
];
const registry = new Map(builtins);

/** Puts the built-in rankers back under their names (after a test replaced one). @internal */
export function restoreBuiltinRankers(): void {
  for (const [name, r] of builtins) registry.set(name, r);
}

/** Registers a custom ranker under its name, for use as `feed.ranker` in scenarios. */
export function registerRanker(ranker: FeedRanker): void {
  if (!ranker || typeof ranker.name !== 'string' || typeof ranker.score !== 'function') {
    throw new TypeError('registerRanker: expected { name: string, score(context): number }');
  }
  registry.set(ranker.name, ranker);
}

/** The names of all registered rankers. */
export function rankerNames(): string[] {
  return [...registry.keys()];
}

/** Resolves a ranker name; throws naming the allowed values when it is unknown. */
export function resolveRanker(name: string, inNetworkShare: number): FeedRanker {
  const r = registry.get(name);
  if (!r) {
    throw new ScenarioError([{ path: 'feed.ranker', value: name, allowed: `is not a registered ranker (known: ${rankerNames().join(', ')}; registerRanker adds one)`, suggestion: closestKey(name, rankerNames()) }]);
  }
  return typeof r === 'function' ? r(inNetworkShare) : r;
}
