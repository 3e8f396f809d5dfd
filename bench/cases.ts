/**
 * The pinned bench scenario, the SimSoM peer workload and the limit kernel (docs/performance.md).
 */
import type * as Feedsim from '../src/index.js';
import { internal } from '../src/engine/world.js';

/** A bench configuration: set-up and stepping are timed apart, medians of `repeats` runs. */
export interface BenchCase {
  name: string;
  scenario: Feedsim.ScenarioInput;
  graph?: () => Feedsim.SocialGraph;
  steps: number;
  warmup: number;
  repeats: number;
}

/**
 * The bench scenario: default behaviour, engagement ranker, K = 10, ~23 candidates per session
 * (20 recommendations plus the inbox and followed accounts), mean follow degree 15
 * (Barabási–Albert), default activity (0.1 per hour, log-normal spread 1), one focal account
 * like-chasing. Pinned here so later default changes do not move the benchmark.
 */
export function benchScenario(users: number): Feedsim.ScenarioInput {
  return {
    seed: 1,
    users,
    cycles: 4,
    stepsPerCycle: 24,
    graph: { kind: 'barabasi-albert', meanDegree: 15 },
    population: { activity: 0.1, activitySpread: 1, attention: 10 },
    feed: { ranker: 'engagement', selection: 'gumbel', temperature: 1, inboxSize: 20, recommendations: 20 },
    content: { userPostProbability: 0.2, creators: 20 },
    strategy: { kind: 'like-chasing' },
  };
}

/**
 * SimSoM's workload (osome-iu/SimSoM, commit e63c3d9): 10,000 agents, each following 10
 * others, a feed of 15 items, 20 steps; every agent acts every step, sees its whole feed, and
 * posts a new message (probability 0.5) or reshares what it sees. No recommendations, no accounts.
 */
export function simsomScenario(): Feedsim.ScenarioInput {
  return {
    seed: 1,
    users: 10_000,
    topics: 1,
    cycles: 2,
    stepsPerCycle: 24,
    population: { activity: 1, activitySpread: 0, attention: 15 },
    feed: { ranker: 'chronological', selection: 'top-k', inboxSize: 15, recommendations: 0 },
    content: { userPostProbability: 0.5, creators: 0, freshness: { kind: 'none' } },
    behavior: { share: { base: 0.05 } },
    notifications: { enabled: false },
    accounts: [],
  };
}

/** Every user follows 10 others drawn uniformly (edges point from followee to follower). */
export function simsomGraph(lib: typeof Feedsim): Feedsim.SocialGraph {
  const n = 10_000;
  const rand = lib.uniformStream('simsom');
  const from = new Int32Array(n * 10);
  const to = new Int32Array(n * 10);
  for (let u = 0, e = 0; u < n; u++) {
    for (let k = 0; k < 10; k++, e++) {
      let v = Math.floor(rand() * n);
      while (v === u) v = Math.floor(rand() * n);
      from[e] = v;
      to[e] = u;
    }
  }
  return lib.graphFromEdges(n, from, to);
}

/**
 * The limit kernel: the least work an impression needs, over the same users and posts — per
 * step an activity draw per user; per impression, read a candidate from the user's inbox row,
 * read its score from a typed array, one random draw, a compare, an increment. Returns
 * impressions per second (best of 3).
 */
export function limitKernel(w: Feedsim.World, steps: number): number {
  const N = w.users.size;
  const B = internal(w).inboxSize;
  const K = 10;
  const mask = w.posts.mask;
  const score = new Float32Array(mask + 1);
  for (let i = 0; i <= mask; i++) score[i] = ((i * 2654435761) >>> 0) / 4294967296;
  const counts = new Float64Array(mask + 1);
  const inbox = internal(w).inboxSerial;
  const activity = w.users.activity;
  let best = 0;
  for (let rep = 0; rep < 3; rep++) {
    let x = 0x9e3779b9 | 0;
    let impressions = 0;
    const t0 = performance.now();
    for (let s = 0; s < steps; s++) {
      for (let u = 0; u < N; u++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        if ((x >>> 0) / 4294967296 >= activity[u]) continue;
        const row = u * B;
        for (let k = 0; k < K; k++) {
          const cand = inbox[row + (k % B)] & mask;
          x ^= x << 13;
          x ^= x >>> 17;
          x ^= x << 5;
          if ((x >>> 0) / 4294967296 < score[cand]) counts[cand]++;
          impressions++;
        }
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    best = Math.max(best, impressions / seconds);
  }
  if (counts[0] < 0) console.log(counts[0]); // keep the work observable
  return best;
}
