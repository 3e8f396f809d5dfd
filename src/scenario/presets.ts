/**
 * Scenario presets. `independentCascade` reduces the normal engine to the classic
 * independent-cascade model (MODEL.md, last section); `memeCompetition` to the meme-competition
 * model of Gleeson et al. (2014) (docs/validation.md).
 * @module
 */
import type { SocialGraph } from '../graph/index.js';
import type { GraphSpec, ScenarioInput } from './types.js';

/** Options of {@link independentCascade}. */
export interface IndependentCascadeOptions {
  /** A generator description or edge list, or a ready-made graph. */
  graph: GraphSpec | SocialGraph;
  /** Constant probability that an exposed user reshares (p). */
  shareProbability: number;
  /** Number of users, for generated graphs (a ready-made graph sets its own). */
  users?: number;
  seed?: number;
}

/** A scenario (and, for a ready-made graph, the graph) configuring the reduction. */
export interface CascadeSetup {
  scenario: ScenarioInput;
  graph?: SocialGraph;
}

const isGraph = (g: GraphSpec | SocialGraph): g is SocialGraph => (g as SocialGraph).offsets instanceof Int32Array;

/**
 * The independent-cascade reduction: attention unlimited, everyone active every step, no
 * freshness decay, no ranking effects (everything shown), no follows, notifications, paid or
 * background posts, a constant share probability for everyone (no heterogeneity, no interest
 * effect), and one decision per user at first exposure (the engine never re-shows a focal post).
 * Run it with `runCascades`.
 */
export function independentCascade(o: IndependentCascadeOptions): CascadeSetup {
  const one = { quality: 1, appeal: 1, match: 1 };
  const scenario: ScenarioInput = {
    seed: o.seed ?? 1,
    ...(isGraph(o.graph) ? {} : { graph: o.graph, users: o.users ?? 10_000 }),
    topics: 1,
    // Room for the longest cascade: posts never age out before the run ends.
    stepsPerCycle: 1,
    cycles: 100_000,
    population: { activity: 1, activitySpread: 0, attention: 0, interestConcentration: 1 },
    content: { userPostProbability: 0, creators: 0, freshness: { kind: 'none' } },
    feed: { ranker: 'chronological', selection: 'top-k', recommendations: 0, inNetworkReach: 1 },
    notifications: { enabled: false },
    follows: false,
    behavior: {
      propensitySpread: 0,
      like: { base: 0 },
      share: { ...one, base: o.shareProbability, shareCta: 1, followCta: 1 },
    },
    accounts: [{ name: 'seed', startingFollowers: 0, homeUser: 0, strategy: { kind: 'scripted', params: { posts: [] } } }],
  };
  return isGraph(o.graph) ? { scenario, graph: o.graph } : { scenario };
}

/** Options of {@link memeCompetition}. */
export interface MemeCompetitionOptions {
  /** The follower graph (Gleeson et al. use one where everyone follows z users and has z followers). */
  graph: GraphSpec | SocialGraph;
  /** Innovation probability μ: a user posts a new meme with probability μ a step and reshares what it sees with probability 1 − μ. */
  innovation: number;
  /** Steps a meme can be shown and reshared (a long lifetime approaches the paper's a → ∞). */
  lifetime: number;
  /** Steps in the run. */
  steps: number;
  /** Number of users, for generated graphs. */
  users?: number;
  seed?: number;
}

/**
 * The meme-competition reduction (Gleeson, Ward, O'Sullivan & Lee, PRL 112, 048701, 2014): every
 * user active every step; a one-slot inbox — the screen, holding the item received last — and
 * attention for that one item, shown chronologically with no recommendations; each step a user
 * posts a new meme with probability μ and reshares what its screen shows with probability 1 − μ;
 * new posts and reshares reach every follower's screen. No likes, follows, notifications or
 * accounts; everyone alike. Memes live `lifetime` steps. What differs from the paper's rules
 * (independent draws, not one action; synchronous steps in user-id order; a screen emptied when
 * shown) is listed in docs/validation.md, and src/validation/meme-competition.ts derives the
 * popularity law these rules give.
 */
export function memeCompetition(o: MemeCompetitionOptions): CascadeSetup {
  const mu = o.innovation;
  if (!(mu > 0 && mu < 1)) throw new RangeError(`memeCompetition: innovation = ${mu} must lie strictly between 0 and 1`);
  const one = { quality: 1, appeal: 1, match: 1 };
  const scenario: ScenarioInput = {
    seed: o.seed ?? 1,
    ...(isGraph(o.graph) ? {} : { graph: o.graph, users: o.users ?? 10_000 }),
    topics: 1,
    stepDuration: '1h',
    stepsPerCycle: 1,
    cycles: o.steps,
    population: { activity: 1, activitySpread: 0, attention: 1, interestConcentration: 1 },
    content: { userPostProbability: mu, creators: 0, freshness: { kind: 'none', lifetime: `${o.lifetime}h` } },
    feed: { ranker: 'chronological', selection: 'top-k', inboxSize: 1, recommendations: 0 },
    notifications: { enabled: false },
    follows: false,
    behavior: { propensitySpread: 0, like: { base: 0 }, share: { ...one, base: 1 - mu } },
    accounts: [],
  };
  return isGraph(o.graph) ? { scenario, graph: o.graph } : { scenario };
}
