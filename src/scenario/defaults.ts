/**
 * The one defaults object. Figures come from docs/calibration-sources.md (a generic Facebook-like
 * platform, step = 1 hour); values marked GUESS have no citable source and are swept in
 * experiments (docs/model.md lists each with its source and solidity).
 * @module
 */
import type { Scenario } from './types.js';
import { DEFAULT_MEAN_DEGREE } from '../graph/defaults.js';

/** The default scenario. Every field of a user's scenario falls back to this. */
export const defaultScenario: Scenario = {
  version: 1,
  seed: 1,
  users: 10_000,
  topics: 8,
  stepDuration: '1h',
  stepsPerCycle: 24,
  cycles: 30,
  graph: { kind: 'barabasi-albert', meanDegree: DEFAULT_MEAN_DEGREE },
  population: {
    activity: 0.1, // ~2.4 feed visits a day (GUESS)
    activitySpread: 1, // log-normal σ: heavy-tailed activity
    attention: 10, // items per visit (GUESS; FB shows ~300 of ~1,500 per day, News Feed FYI 2013)
    interestConcentration: 0.5,
    notificationTolerance: 5, // GUESS
    turnover: { probability: 0, per: '30d' },
    interestDrift: { amount: 0, per: '30d' },
  },
  content: {
    userPostProbability: 0.2,
    creators: 20,
    creatorPostsPerDay: 2,
    creatorAudienceShare: 0.02,
    quality: { mean: 0.5, sd: 0.15 },
    appeal: { mean: 0.4, sd: 0.15 },
    // X: 80 min median half-life of impressions (Pfeffer et al. 2023); IG ~1–2 h (disputed).
    freshness: { kind: 'exponential', halfLife: '2h', floor: 0.01 },
  },
  feed: {
    ranker: 'engagement',
    selection: 'gumbel',
    temperature: 1,
    inboxSize: 20,
    recommendations: 20,
    inNetworkReach: 1,
    inNetworkShare: 0.7,
    outOfNetworkWeight: 0.5,
    engagementPrior: 50,
    paidSpillover: true,
    engagementRepush: true,
  },
  // Inauthentic accounts (bots, bought followers' sources of junk): none unless asked for. SimSoM's
  // defaults (Truong et al. 2024): infiltration 0.01, flooding 1, deception 0, quality 0.
  inauthentic: { count: 0, infiltration: 0.01, postsPerDay: 2, flooding: 1, postQuality: 0, deception: 0 }, // postsPerDay: as a creator (GUESS)
  notifications: { enabled: true, cap: 0, window: '24h', clickThrough: 0.02 },
  paid: { cpm: 8, fatigue: 0.8, retargetPool: 10_000 },
  market: {
    // 1 % purchases per click (0.4–1.5 %, Monetate 2012; Oribi 2020, IND): 20 % of users are in the
    // market for a product (GUESS), each of whose clicks buys with probability 5 %.
    purchasePerClick: 0.05,
    buyers: 0.2,
    repurchase: '30d', // a purchase satisfies the buyer's demand for a month (GUESS)
  },
  behavior: {
    // FB: likes 1.4–5 % per reach; likes ~8× shares (quintly, 130K posts).
    like: { base: 0.02, quality: 2, appeal: 3, match: 3, likeCta: 1.3, followCta: 0.7 },
    share: { base: 0.002, quality: 2, appeal: 3, match: 2, shareCta: 1.5, followCta: 0.8 },
    // FB: ~0.05 % follows per impression of non-followers; effects are GUESSES.
    // Effects are GUESSES sized so a follow-building post (persona 0.8, follow CTA, quality
    // 0.85) gets ~0.2–0.5 % follows per impression, the implied rate of targeted paid campaigns.
    follow: {
      base: 0.0005,
      quality: 1.5,
      appeal: 1,
      match: 2,
      persona: 2,
      followCta: 2,
      exposure: 1.5,
      viaShare: 2,
    },
    notify: { base: 0.03, notifyCta: 3, persona: 1.5 }, // GUESS (FB has no bell; YouTube ~10 %)
    // Clicks per impression of a product post: Facebook ads CTR 0.90 % across 18 industries
    // (WordStream 2017, 256 accounts, IND); the effects are GUESSES.
    convert: { base: 0.009, quality: 1.5, match: 3, follower: 2 },
    unfollow: {
      perImpression: 0.0005, // GUESS
      qualityGap: 8, // GUESS
      accustomRate: 0.2,
      baseline: { probability: 0.01, per: '30d' }, // GUESS (Kwak et al. 2011 give incidence, not rate)
      lapse: { after: '14d', probability: 0.05, per: '30d' }, // GUESS
      // 19 % unfollow a brand posting > 6 times a day (Fractl 2015).
      cadence: { maxPosts: 6, window: '24h', probability: 0.19, per: '30d' },
      notificationDrop: 0.2, // GUESS
    },
    // 46 % of users name too many promotions as a reason to unfollow a brand (Sprout Social 2016,
    // IND): a reason, not an effect size — the sizes are GUESSES, swept in experiments.
    promotionFatigue: { posts: 10, engage: 0.7, follow: 0.5, unfollow: 2 },
    propensitySpread: 0.5,
  },
  economics: {
    // Amounts per cycle and per post are for a world of 10,000 users and scale with its size: the
    // budget is 10 per 1,000 users a cycle (GUESS), and a smaller world spends like a bigger one.
    referenceUsers: 10_000,
    budgetPerCycle: 100,
    postCost: 10,
    qualityCost: 40,
    // Margin per sale: about half (GUESS) of an $86 order referred by Facebook (Monetate Q2 2013,
    // IND). Not tuned to the ad price: at these defaults a paid impression of a reference product
    // post returns 0.009 × 0.01 × 40 = 0.0036 against its cost of 0.008.
    valuePerConversion: 40,
    valuePerFollower: 0,
    discountRate: 0,
  },
  accountSignalCarryover: 0,
  engagementAffinity: 0,
  retargeting: false,
  follows: true,
  accounts: [{ name: 'focal', strategy: { kind: 'like-chasing' }, startingFollowers: 100 }],
};
