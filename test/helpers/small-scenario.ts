/**
 * Random valid small scenarios (fast-check), for the property tests and as the starting
 * documents of the fuzz test. Every field the scenario has is drawn somewhere, within its
 * documented range, at sizes that run in milliseconds: 20–150 users, at most 3 cycles of at
 * most 6 steps. Graph parameters stay inside what each generator can build for that many users.
 */
import fc from 'fast-check';
import type { ScenarioInput, StrategySpec } from '../../src/index.js';

const probability = fc.double({ min: 0, max: 1, noNaN: true });
const rate = (max: number) => fc.double({ min: 0, max, noNaN: true });
const between = (min: number, max: number) => fc.double({ min, max, noNaN: true });
/** Odds ratios from 1/5 to 5: effects of everyday size. */
const odds = between(0.2, 5);
const duration = fc.tuple(fc.integer({ min: 1, max: 48 }), fc.constantFrom('m', 'h', 'd', 'w')).map(([n, u]) => `${n}${u}`);
/** Durations of at least an hour, so freshness tables stay short. */
const hours = fc.tuple(fc.integer({ min: 1, max: 48 }), fc.constantFrom('h', 'd')).map(([n, u]) => `${n}${u}`);

const schedule = fc.record(
  {
    postsPerCycle: fc.integer({ min: 0, max: 3 }),
    quality: probability,
    appeal: probability,
    persona: probability,
    cta: fc.constantFrom('none', 'like', 'share', 'follow', 'notify'),
    kind: fc.constantFrom('product', 'audience', 'organic'),
    productEvery: fc.integer({ min: 0, max: 3 }),
    promote: fc.boolean(),
    retarget: fc.boolean(),
  },
  { requiredKeys: [] },
);

const scriptedPost = fc.record(
  {
    step: fc.integer({ min: 0, max: 17 }),
    kind: fc.constantFrom('product', 'audience', 'organic'),
    quality: probability,
    appeal: probability,
    persona: probability,
    cta: fc.constantFrom('none', 'like', 'share', 'follow', 'notify'),
  },
  { requiredKeys: ['step'] },
);

/** Every built-in strategy kind with random parameters. */
export const strategySpec: fc.Arbitrary<StrategySpec> = fc.oneof(
  schedule.map((params) => ({ kind: 'like-chasing', params })),
  schedule.map((params) => ({ kind: 'follow-building', params })),
  fc.record({ ratio: probability, likeChasing: schedule, followBuilding: schedule }).map((params) => ({ kind: 'mixed', params })),
  fc.record({ threshold: fc.integer({ min: 0, max: 200 }), before: schedule, after: schedule }).map((params) => ({ kind: 'adaptive', params })),
  fc.record({ posts: fc.array(scriptedPost, { maxLength: 5 }), promotion: rate(0.5), retarget: fc.boolean() }).map((params) => ({ kind: 'scripted', params })),
);

const freshness = fc.oneof(
  fc.record({ kind: fc.constant('exponential' as const), halfLife: hours, floor: between(0.001, 0.5) }, { requiredKeys: ['kind', 'halfLife'] }),
  fc.record({ kind: fc.constant('stretched' as const), halfLife: hours, shape: between(0.3, 2), floor: between(0.001, 0.5) }, { requiredKeys: ['kind', 'halfLife', 'shape'] }),
  fc.record({ kind: fc.constant('none' as const), lifetime: hours }, { requiredKeys: ['kind'] }),
);

const unfollowModel = fc.record(
  {
    perImpression: rate(0.05),
    qualityGap: odds,
    accustomRate: probability,
    baseline: fc.record({ probability: rate(0.5), per: duration }),
    lapse: fc.record({ after: duration, probability: rate(0.5), per: duration }),
    cadence: fc.record({ maxPosts: fc.integer({ min: 1, max: 10 }), window: duration, probability: rate(0.5), per: duration }),
    notificationDrop: probability,
  },
  { requiredKeys: [] },
);

const behavior = fc.record(
  {
    like: fc.record({ base: rate(0.3), quality: odds, appeal: odds, match: odds, likeCta: odds, followCta: odds }, { requiredKeys: [] }),
    share: fc.record({ base: rate(0.1), quality: odds, appeal: odds, match: odds, shareCta: odds, followCta: odds }, { requiredKeys: [] }),
    follow: fc.record({ base: rate(0.05), quality: odds, appeal: odds, match: odds, persona: odds, followCta: odds, exposure: odds, viaShare: odds }, { requiredKeys: [] }),
    notify: fc.record({ base: rate(0.5), notifyCta: odds, persona: odds }, { requiredKeys: [] }),
    convert: fc.record({ base: rate(0.05), quality: odds, match: odds, follower: odds }, { requiredKeys: [] }),
    unfollow: unfollowModel,
    propensitySpread: between(0, 1.5),
  },
  { requiredKeys: [] },
);

/** The fields that do not depend on the number of users or topics. */
const body = fc.record(
  {
    stepDuration: fc.constantFrom('30m', '1h', '2h', '6h'),
    population: fc.record(
      {
        activity: between(0.05, 1),
        activitySpread: between(0, 2),
        attention: fc.integer({ min: 0, max: 20 }),
        interestConcentration: between(0.1, 5),
        notificationTolerance: between(0, 10),
        turnover: fc.record({ probability: rate(0.5), per: duration }),
        interestDrift: fc.record({ amount: rate(0.5), per: duration }),
      },
      { requiredKeys: [] },
    ),
    content: fc.record(
      {
        userPostProbability: rate(0.5),
        creators: fc.integer({ min: 0, max: 5 }),
        creatorPostsPerDay: between(0.1, 10),
        creatorAudienceShare: rate(0.2),
        quality: fc.record({ mean: probability, sd: between(0, 0.3) }),
        appeal: fc.record({ mean: probability, sd: between(0, 0.3) }),
        freshness,
      },
      { requiredKeys: [] },
    ),
    feed: fc.record(
      {
        ranker: fc.constantFrom('chronological', 'engagement', 'interest', 'hybrid'),
        selection: fc.constantFrom('top-k', 'gumbel'),
        temperature: between(0.05, 3),
        inboxSize: fc.integer({ min: 1, max: 30 }),
        recommendations: fc.integer({ min: 0, max: 20 }),
        inNetworkReach: probability,
        inNetworkShare: probability,
        outOfNetworkWeight: between(0, 2),
        engagementPrior: between(0.5, 100),
      },
      { requiredKeys: [] },
    ),
    notifications: fc.record({ enabled: fc.boolean(), cap: fc.integer({ min: 0, max: 5 }), window: duration, clickThrough: probability }, { requiredKeys: [] }),
    paid: fc.record({ cpm: between(0.5, 20), fatigue: between(0.2, 1), retargetPool: fc.integer({ min: 1, max: 100 }) }, { requiredKeys: [] }),
    behavior,
    economics: fc.record(
      {
        budgetPerCycle: between(0, 200),
        postCost: between(0, 20),
        qualityCost: between(0, 50),
        valuePerConversion: between(0, 100),
        valuePerFollower: between(0, 5),
        discountRate: between(0, 0.2),
      },
      { requiredKeys: [] },
    ),
    accountSignalCarryover: probability,
    engagementAffinity: probability,
    retargeting: fc.boolean(),
    follows: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Draws for one focal account; fractions are scaled to the drawn number of users and topics. */
const accountDraw = fc.record({
  strategy: strategySpec,
  followersShare: probability,
  startingNotify: fc.option(probability, { nil: undefined }),
  topicShare: between(0, 0.999),
  homeShare: fc.option(between(0, 0.999), { nil: undefined }),
});

/** A social graph for `users` users (2 ≤ meanDegree ≤ 8 < users; an edge list over those users). */
function graphFor(users: number): fc.Arbitrary<NonNullable<ScenarioInput['graph']>> {
  const mean = between(2, 8);
  const id = fc.integer({ min: 0, max: users - 1 });
  return fc.oneof(
    mean.map((meanDegree) => ({ kind: 'erdos-renyi' as const, meanDegree })),
    mean.map((meanDegree) => ({ kind: 'barabasi-albert' as const, meanDegree })),
    fc.record({ kind: fc.constant('watts-strogatz' as const), meanDegree: mean, rewire: probability }),
    fc.record({ kind: fc.constant('sbm' as const), meanDegree: mean, homophily: probability }),
    fc.record({ kind: fc.constant('configuration' as const), exponent: between(1.5, 3.5), minDegree: fc.integer({ min: 1, max: 3 }), maxDegree: fc.integer({ min: 3, max: 12 }) }),
    fc.record({
      kind: fc.constant('edge-list' as const),
      text: fc.array(fc.tuple(id, id), { maxLength: 4 * users }).map((edges) => edges.map(([a, b]) => `${a} ${b}`).join('\n')),
      undirected: fc.boolean(),
    }),
  );
}

/** A random valid small scenario: every section of a scenario, 1–3 focal accounts. */
export function smallScenario(): fc.Arbitrary<ScenarioInput> {
  return fc
    .record({
      seed: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      users: fc.integer({ min: 20, max: 150 }),
      topics: fc.integer({ min: 1, max: 8 }),
      stepsPerCycle: fc.integer({ min: 2, max: 6 }),
      cycles: fc.integer({ min: 1, max: 3 }),
      body,
      accounts: fc.array(accountDraw, { minLength: 1, maxLength: 3 }),
    })
    .chain(({ users, topics, body: rest, accounts, ...top }) =>
      graphFor(users).map((graph) => ({
        ...top,
        users,
        topics,
        ...rest,
        graph,
        accounts: accounts.map((a, i) => ({
          name: `account-${i + 1}`,
          strategy: a.strategy,
          startingFollowers: Math.floor(a.followersShare * users),
          ...(a.startingNotify !== undefined ? { startingNotify: a.startingNotify } : {}),
          topic: Math.floor(a.topicShare * topics),
          ...(a.homeShare !== undefined ? { homeUser: Math.floor(a.homeShare * users) } : {}),
        })),
      })),
    );
}
