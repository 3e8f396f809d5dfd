/**
 * Golden outputs: a dozen small scenarios that together touch every mechanism, and a digest of
 * what each produces. `test/golden.test.ts` checks the digests against `digests.json`;
 * `npm run golden:update` rewrites it (a change of digests needs a CHANGELOG line).
 *
 * A digest covers the output fields listed in `digests.json` (`fields`), so adding a metric or
 * a field adds to the outputs without changing the digests of what was there before.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  compare, createWorld, followBuilding, independentCascade, likeChasing, parseEdgeList, registerRanker, runCascades, simulate, step,
  type FeedRanker, type ScenarioInput,
} from '../../src/index.js';
import { internal } from '../../src/engine/world.js';

/** What a case produces: one output object to digest. */
export interface GoldenCase {
  name: string;
  /** What the case exercises, for a reader of a failure. */
  touches: string;
  /** `simulate` and `cascade` outputs share a field list; `compare` has its own. */
  kind: 'simulate' | 'compare' | 'cascade' | 'world';
  run: () => unknown | Promise<unknown>;
}

const small: ScenarioInput = { users: 1500, cycles: 2, stepsPerCycle: 12, seed: 11 };
const facebook = new URL('../../data/facebook_combined.txt', import.meta.url);

/** A parameterless custom ranker (freshness × interest match), to guard the custom-ranker path. */
export const goldenRanker: FeedRanker = { name: 'golden-match', score: (c) => c.freshness * (0.1 + c.match) };

export const GOLDEN_CASES: GoldenCase[] = [
  {
    name: 'default-like-chasing',
    touches: 'defaults: engagement ranker, gumbel selection, paid boosts with retargeting off, creators, notifications',
    kind: 'simulate',
    run: () => simulate({ ...small, users: 3000, cycles: 3 }),
  },
  {
    name: 'follow-building-notify',
    touches: 'follow-building, notify call to action, bell notifications with a cap, cadence unfollows',
    kind: 'simulate',
    run: () => simulate({
      ...small,
      notifications: { enabled: true, cap: 3, clickThrough: 0.3 },
      population: { notificationTolerance: 0 },
      behavior: { follow: { base: 0.01 }, notify: { base: 0.3 }, unfollow: { notificationDrop: 1, perImpression: 0.01 } },
      accounts: [{ name: 'f', startingFollowers: 300, startingNotify: 0.5, strategy: { kind: 'follow-building', params: { cta: 'notify', postsPerCycle: 8, quality: 0.3 } } }],
    }),
  },
  {
    name: 'chronological-top-k',
    touches: 'chronological ranker, deterministic top-k selection, limited in-network reach',
    kind: 'simulate',
    run: () => simulate({ ...small, feed: { ranker: 'chronological', selection: 'top-k', inNetworkReach: 0.5 } }),
  },
  {
    name: 'interest-ranker',
    touches: 'interest ranker, stretched freshness with a lifetime, several posts a cycle',
    kind: 'simulate',
    run: () => simulate({
      ...small,
      feed: { ranker: 'interest', temperature: 0.5 },
      content: { freshness: { kind: 'stretched', halfLife: '3h', shape: 0.7, lifetime: '2d' } },
      strategy: likeChasing({ postsPerCycle: 3 }),
    }),
  },
  {
    name: 'hybrid-affinity',
    touches: 'hybrid ranker, engagement affinity, account-signal carry-over, out-of-network weight',
    kind: 'simulate',
    run: () => simulate({ ...small, feed: { ranker: 'hybrid', inNetworkShare: 0.4, outOfNetworkWeight: 0.8 }, engagementAffinity: 0.5, accountSignalCarryover: 0.5 }),
  },
  {
    name: 'paid-retargeting',
    touches: 'paid boosts with retargeting, ad fatigue, a high budget',
    kind: 'simulate',
    run: () => simulate({
      ...small,
      retargeting: true,
      paid: { cpm: 4, fatigue: 0.5, retargetPool: 200 },
      economics: { budgetPerCycle: 300 },
      behavior: { convert: { base: 0.01 } },
      accounts: [{ name: 'r', startingFollowers: 50, strategy: { kind: 'like-chasing', params: { retarget: true, postsPerCycle: 2 } } }],
    }),
  },
  {
    name: 'turnover-drift',
    touches: 'population turnover and interest drift, lapse and baseline unfollows',
    kind: 'simulate',
    run: () => simulate({
      ...small,
      cycles: 3,
      population: { turnover: { probability: 0.3, per: '1d' }, interestDrift: { amount: 0.3, per: '1d' } },
      behavior: { unfollow: { lapse: { after: '6h', probability: 0.5, per: '1d' }, baseline: { probability: 0.2, per: '1d' } } },
    }),
  },
  {
    name: 'creators-heavy',
    touches: 'many background creators with large audiences, organic user posts, a custom ranker',
    kind: 'simulate',
    run: () => {
      registerRanker(goldenRanker);
      return simulate({ ...small, content: { creators: 60, creatorPostsPerDay: 6, creatorAudienceShare: 0.1, userPostProbability: 0.4 }, feed: { ranker: goldenRanker.name } });
    },
  },
  {
    name: 'edge-list-facebook',
    touches: 'an edge-list graph (SNAP ego-Facebook, 4,039 users), a 2-hour step',
    kind: 'simulate',
    run: () => simulate({ seed: 5, cycles: 1, stepsPerCycle: 12, stepDuration: '2h', graph: { kind: 'edge-list', text: readFileSync(facebook, 'utf8'), undirected: true } }),
  },
  {
    name: 'market-three-accounts',
    touches: 'a market of three focal accounts (mixed, adaptive, scripted), value per follower, discounting',
    kind: 'simulate',
    run: () => simulate({
      ...small,
      topics: 4,
      economics: { valuePerFollower: 0.5, discountRate: 0.05 },
      accounts: [
        { name: 'mix', topic: 0, startingFollowers: 100, strategy: { kind: 'mixed', params: { ratio: 0.5 } } },
        { name: 'adapt', topic: 0, startingFollowers: 200, strategy: { kind: 'adaptive', params: { threshold: 210 } } },
        { name: 'script', topic: 1, startingFollowers: 0, homeUser: 7, strategy: { kind: 'scripted', params: { posts: [{ step: 1, kind: 'product', cta: 'share', quality: 0.9, appeal: 0.9 }, { step: 14 }], promotion: 0.2 } } },
      ],
    }),
  },
  {
    name: 'no-follows-graphs',
    touches: 'follows switched off, Watts–Strogatz graph, no notifications, no recommendations',
    kind: 'simulate',
    run: () => simulate({ ...small, follows: false, graph: { kind: 'watts-strogatz', meanDegree: 10, rewire: 0.2 }, notifications: { enabled: false }, feed: { recommendations: 0 } }),
  },
  {
    name: 'cascade-preset',
    touches: 'the independent-cascade reduction on a ready-made graph (runCascades)',
    kind: 'cascade',
    run: () => {
      const graph = parseEdgeList(readFileSync(facebook, 'utf8'), { undirected: true });
      return runCascades(independentCascade({ graph, shareProbability: 0.02, seed: 3 }), { cascades: 200 });
    },
  },
  {
    name: 'world-state',
    touches: 'the world after a day: follows with their accustomed quality (continuous state no output shows), hazards, interests after drift, post counts',
    kind: 'world',
    run: () => {
      const w = step(createWorld({ ...small, population: { interestDrift: { amount: 0.2, per: '1d' } }, strategy: followBuilding() }), 24);
      const f = internal(w).follows;
      return {
        followCode: f.code.subarray(0, f.used),
        accustomed: Array.from(f.accustomed.subarray(0, f.used)),
        followers: Array.from(w.accounts.followers),
        hazard: w.accounts.hazard,
        interest: Array.from(w.users.interest),
        postCounts: Array.from(w.posts.counts),
        impressionsByChannel: w.impressionsByChannel,
      };
    },
  },
  {
    name: 'compare-default',
    touches: 'compare: replicates with common random numbers, intervals, paired differences, crossover, economics',
    kind: 'compare',
    run: () => compare({ scenario: { ...small, users: 1000 }, strategies: [likeChasing(), followBuilding()], replicates: 4 }),
  },
];

/** Fields never digested: they name the build, not the results. */
const SKIP = new Set(['version', 'scenario']);

/**
 * Flattens an output to `[path, shape, value]` leaves in a fixed order. The shape is the path
 * with array indexes written `[]`: the unit a field list selects.
 */
export function leaves(value: unknown): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  const walk = (v: unknown, path: string, shape: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, `${shape}[]`));
    else if (ArrayBuffer.isView(v)) walk(Array.from(v as unknown as ArrayLike<number>), path, shape);
    else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v).sort()) {
        if (path === '' && SKIP.has(k)) continue;
        walk((v as Record<string, unknown>)[k], path ? `${path}.${k}` : k, shape ? `${shape}.${k}` : k);
      }
    } else if (v !== undefined && typeof v !== 'function') {
      out.push([path, shape, typeof v === 'number' && Object.is(v, -0) ? '-0' : String(v)]);
    }
  };
  walk(value, '', '');
  return out;
}

/** The shapes an output has (its field list, for `digests.json`). */
export function shapesOf(value: unknown): string[] {
  return [...new Set(leaves(value).map(([, shape]) => shape))].sort();
}

/** SHA-256 (first 16 hex digits) of the leaves whose shape is in `fields`. */
export function digest(value: unknown, fields: ReadonlySet<string>): string {
  const h = createHash('sha256');
  for (const [path, shape, v] of leaves(value)) if (fields.has(shape)) h.update(`${path}=${v}\n`);
  return h.digest('hex').slice(0, 16);
}

/** One empty set of field shapes per case kind. */
export function shapeSets(): Record<GoldenCase['kind'], Set<string>> {
  return { simulate: new Set(), compare: new Set(), cascade: new Set(), world: new Set() };
}

/** The committed golden file. */
export interface GoldenFile {
  /** Field lists by case kind. */
  fields: Record<GoldenCase['kind'], string[]>;
  /** Digest by case name. */
  digests: Record<string, string>;
}

export const GOLDEN_FILE = new URL('./digests.json', import.meta.url);
