/**
 * The scenario: a plain, serialisable object describing one simulated world and campaign.
 * Every field is optional; {@link defaultScenario} documents each default and its source.
 * @module
 */
import type { Duration } from '../time.js';

/** A feed ranker's name: a built-in (`chronological`, `engagement`, `interest`, `hybrid`) or one registered with `registerRanker`. */
export type RankerName = 'chronological' | 'engagement' | 'interest' | 'hybrid' | (string & {});

/** How the K items of a session are chosen from the ranked candidates. */
export type SelectionName = 'top-k' | 'gumbel';

/** A post's call to action. */
export type CallToAction = 'none' | 'like' | 'share' | 'follow' | 'notify';

/** What a post is for: selling (`product`), building an audience (`audience`) or neither. */
export type PostKind = 'product' | 'audience' | 'organic';

/** A serialisable strategy description, resolved through the strategy registry. */
export interface StrategySpec {
  kind: string;
  params?: Record<string, unknown>;
  /** Name in outputs (default: the kind); tells apart two variants of one kind. */
  label?: string;
}

/** The social graph among users: a generator or an edge list. */
export type GraphSpec =
  | { kind: 'erdos-renyi'; meanDegree?: number }
  | { kind: 'barabasi-albert'; meanDegree?: number }
  | { kind: 'watts-strogatz'; meanDegree?: number; rewire?: number }
  /** Stochastic block model with one block per user's main topic. */
  | { kind: 'sbm'; meanDegree?: number; homophily?: number }
  | { kind: 'configuration'; degrees?: number[]; exponent?: number; minDegree?: number; maxDegree?: number }
  /**
   * `a b` per line: b sees a's posts (with `reverse`, a sees b's: for follower lists written
   * "follower followee", as KONECT's and SNAP's Twitter graphs are). `text` is the file's content
   * (the CLI reads paths).
   */
  | { kind: 'edge-list'; text: string; undirected?: boolean; reverse?: boolean };

/** An effect given as an odds ratio for a one-unit change of its feature (see docs/model.md). */
export type OddsRatio = number;

/** Base rate per impression plus odds ratios, turned into a logistic model. */
export interface LikeModel {
  /** Probability of a like per impression of a reference post (quality 0.5, appeal 0.5, match 0.5). */
  base: number;
  quality: OddsRatio;
  appeal: OddsRatio;
  match: OddsRatio;
  /** Odds ratio of a like call to action. */
  likeCta: OddsRatio;
  /** Odds ratio of a follow or notify call to action (C5: below 1). */
  followCta: OddsRatio;
}

/** Share model; a share delivers the post to all the sharer's followers in the social graph. */
export interface ShareModel {
  base: number;
  quality: OddsRatio;
  appeal: OddsRatio;
  match: OddsRatio;
  shareCta: OddsRatio;
  followCta: OddsRatio;
}

/** Follow model for an impression of an account's post by a non-follower. */
export interface FollowModel {
  base: number;
  quality: OddsRatio;
  /** Bait does not build follows: 1 by default. */
  appeal: OddsRatio;
  match: OddsRatio;
  /** Per unit of persona strength (C6). */
  persona: OddsRatio;
  followCta: OddsRatio;
  /** Per doubling of earlier impressions of the same account. */
  exposure: OddsRatio;
  /** Impressions that reached the user through a reshare (Antoniades & Dovrolis 2015). */
  viaShare: OddsRatio;
}

/** Notification opt-in, decided once when a follow happens. */
export interface NotifyModel {
  base: number;
  notifyCta: OddsRatio;
  persona: OddsRatio;
}

/**
 * The click on a product post, the first step of the purchase funnel (docs/model.md §4.2):
 * a logistic model per impression; whether a click buys is {@link MarketSpec}'s part.
 */
export interface ConvertModel {
  /** Probability of a click per impression of a reference product post (quality 0.5, match 0.5, a stranger). */
  base: number;
  quality: OddsRatio;
  match: OddsRatio;
  /** Followers buy more readily than strangers. */
  follower: OddsRatio;
}

/** Unfollowing (C7): per-impression disappointment plus time hazards applied lazily. */
export interface UnfollowModel {
  /** Probability per impression of an account's post at no quality gap. */
  perImpression: number;
  /** Odds ratio per 0.5 of quality below the level the follower is accustomed to. */
  qualityGap: OddsRatio;
  /** Weight of the newest post in the accustomed-quality moving average. */
  accustomRate: number;
  /** Baseline churn: probability of unfollowing within `per`. */
  baseline: { probability: number; per: Duration };
  /** Posting lapse: extra hazard while the account has not posted for longer than `after`. */
  lapse: { after: Duration; probability: number; per: Duration };
  /** Posting too often: extra hazard while the account posted more than `maxPosts` within `window`. */
  cadence: { maxPosts: number; window: Duration; probability: number; per: Duration };
  /** Notification fatigue: users with more subscriptions than their tolerance drop a disappointing one with this probability. */
  notificationDrop: number;
}

/**
 * Promotional fatigue (docs/model.md §4.4): the share s of an account's recent posts that sell
 * (0 … 1) scales responses to every post of the account by these odds ratios raised to s, so how
 * often to sell has a cost as well as a return.
 */
export interface PromotionFatigueModel {
  /** Posts the share is averaged over (an exponential moving average with weight 1/posts). */
  posts: number;
  /** Likes and shares, at s = 1 (below 1: followers tire of sales posts). */
  engage: OddsRatio;
  /** Follows by non-followers, at s = 1. */
  follow: OddsRatio;
  /** Unfollows on an impression, at s = 1 (above 1). */
  unfollow: OddsRatio;
}

/** All behaviour parameters (MODEL.md, Behaviour). */
export interface BehaviorSpec {
  like: LikeModel;
  share: ShareModel;
  follow: FollowModel;
  notify: NotifyModel;
  convert: ConvertModel;
  unfollow: UnfollowModel;
  promotionFatigue: PromotionFatigueModel;
  /** Standard deviation of users' log-odds propensity multipliers (0 = identical users). */
  propensitySpread: number;
}

/** Users: interests, activity and attention. */
export interface PopulationSpec {
  /** Mean probability that a user opens the feed in a step. */
  activity: number;
  /** Log-normal spread of activity across users (heavy tail); 0 = everyone equal. */
  activitySpread: number;
  /** Items seen per session (K); every impression of every channel uses it. 0 = unlimited. */
  attention: number;
  /** Dirichlet concentration of interests over topics: small = specialists, large = generalists. */
  interestConcentration: number;
  /** Mean number of notification subscriptions a user tolerates before fatigue sets in. */
  notificationTolerance: number;
  /** User turnover: probability that a user leaves (and a new one takes the place) within `per`. */
  turnover: { probability: number; per: Duration };
  /** Interest drift: share of users whose interests are redrawn per `per` (each at a random time). */
  interestDrift: { amount: number; per: Duration };
}

/** Freshness f(age) multiplies ranking scores; posts leave candidate pools below `floor`. */
export type FreshnessSpec =
  | { kind: 'exponential'; halfLife: Duration; floor?: number; lifetime?: Duration }
  | { kind: 'stretched'; halfLife: Duration; shape: number; floor?: number; lifetime?: Duration }
  | { kind: 'none'; lifetime?: Duration }
  /** A curve registered with `registerFreshness(name, curve)`. */
  | { kind: 'custom'; name: string; floor?: number; lifetime?: Duration };

/** Posting by ordinary users and background creators, whose posts compete for attention. */
export interface ContentSpec {
  /** Probability that an active ordinary user posts in a session. */
  userPostProbability: number;
  /** Number of background creator accounts. */
  creators: number;
  /** Posts per creator per day. */
  creatorPostsPerDay: number;
  /** Scale of creators' starting audiences as a share of users: Pareto (index 1) sizes, median ≈ 0.74 × scale, capped at 50 %. */
  creatorAudienceShare: number;
  /** Mean and spread of background posts' quality and appeal (clamped to [0, 1]). */
  quality: { mean: number; sd: number };
  appeal: { mean: number; sd: number };
  freshness: FreshnessSpec;
}

/**
 * Inauthentic accounts (docs/model.md §2.7): accounts that post junk to the users who follow them,
 * as SimSoM's bad actors do (Truong, Lou, Flammini & Menczer 2024). Off while `count` is 0.
 */
export interface InauthenticSpec {
  /** How many (β × users in SimSoM's terms); 0 = none. */
  count: number;
  /** γ: the chance that a given user follows a given inauthentic account at the start (infiltration). */
  infiltration: number;
  /** Posting events per account per day (at most one a step). */
  postsPerDay: number;
  /** θ: posts published at each posting event (flooding). */
  flooding: number;
  /** Quality of their posts (SimSoM: 0). */
  postQuality: number;
  /** φ: the chance a post's appeal is 1 (deception); else drawn as other posts' appeal. */
  deception: number;
}

/** The platform's feed. */
export interface FeedSpec {
  ranker: RankerName;
  /** Parameters of a ranker registered as a factory (`registerRanker({ name, create(params, feed) })`); none by default. */
  rankerParams?: Record<string, number>;
  selection: SelectionName;
  /** Gumbel-top-K temperature: 1 samples in proportion to score, → 0 is deterministic. */
  temperature: number;
  /** Slots of each user's inbox of pushed posts and reshares (bounded; oldest dropped). */
  inboxSize: number;
  /** Out-of-network candidates drawn per session (0 = none). */
  recommendations: number;
  /** Probability that a followed account's new post enters a follower's candidates (platform organic reach throttle; 1 = no throttle, reach emerges from ranking). */
  inNetworkReach: number;
  /** Hybrid ranker: weight of in-network candidates (0..1). */
  inNetworkShare: number;
  /** Score weight of out-of-network candidates relative to in-network ones (engagement ranker). */
  outOfNetworkWeight: number;
  /** Pseudo-impressions of prior in the smoothed engagement rate (Bayesian smoothing). */
  engagementPrior: number;
  /**
   * Paid → organic spillover: whether paid impressions and the engagement they earn count in the
   * engagement rate rankers see and re-push the post into its topic's pool (false: organic only).
   */
  paidSpillover: boolean;
  /** Whether a like or share pushes the post back into its topic's recommendation pool. */
  engagementRepush: boolean;
}

/** Bell notifications. */
export interface NotificationSpec {
  enabled: boolean;
  /** At most `cap` notifying posts per account within `window` (0 = no cap). */
  cap: number;
  window: Duration;
  /** Probability that a notification is opened (an impression). */
  clickThrough: number;
}

/** Paid promotion. */
export interface PaidSpec {
  /** Cost per thousand paid impressions (currency units). */
  cpm: number;
  /** Odds ratio on responses per earlier paid impression of the same account (ad fatigue: > 0 and ≤ 1; 1 = none). */
  fatigue: OddsRatio;
  /** Retargeting pool: how many recent engagers each focal account remembers. */
  retargetPool: number;
}

/** The market for focal accounts' products: what happens after a click (docs/model.md §4.2). */
export interface MarketSpec {
  /** Probability that a click buys, for a user in the market whose demand is not used up (1 = every such click buys). */
  purchasePerClick: number;
  /** Share of users in the market for each focal account's product at all (1 = everyone; drawn per account and user). */
  buyers: number;
  /** A purchase uses up the buyer's demand for this long ("0h" = never used up). */
  repurchase: Duration;
}

/** Money: costs and values (MODEL.md, Strategies and money). */
export interface EconomicsSpec {
  /**
   * The world size the money amounts per cycle and per post are given for. A world of N users
   * spends N / referenceUsers of them — a miniature of the reference world, with the same budget
   * per user (the budget-to-population ratio, budgetPerCycle × 1000 / referenceUsers per 1,000
   * users) and the same paid inventory per unit of budget. 0: amounts as given, at any size.
   */
  referenceUsers: number;
  /** Spend per focal account per cycle that built-in strategies plan to, for a world of `referenceUsers` users. */
  budgetPerCycle: number;
  /** Production cost of a post of quality 0 (for a world of `referenceUsers` users). */
  postCost: number;
  /** Extra production cost at quality 1 (cost rises with the square of quality; for a world of `referenceUsers` users). */
  qualityCost: number;
  /** Value of one conversion. */
  valuePerConversion: number;
  /** Value booked per follow gained, and taken back per follow lost (off by default: follower value should be a result). */
  valuePerFollower: number;
  /** Discount rate per cycle for net present value (0 = none). */
  discountRate: number;
}

/** One focal account: a business under study. */
export interface FocalAccountSpec {
  name?: string;
  strategy?: StrategySpec;
  /** Followers at the start of the run. */
  startingFollowers?: number;
  /** Share of starting followers with notifications on. */
  startingNotify?: number;
  /** Main topic of the account's posts (0-based). */
  topic?: number;
  /** Optional user in the social graph whose followers also receive the account's posts. */
  homeUser?: number;
}

/** A complete scenario. Every field has a default. */
export interface Scenario {
  /** Schema version of scenario files. */
  version: 1;
  /** Master seed. */
  seed: number;
  /** Number of users (N). */
  users: number;
  /** Number of interest topics (T). */
  topics: number;
  stepDuration: Duration;
  /** Steps per campaign cycle (S). */
  stepsPerCycle: number;
  /** Cycles per run (C). */
  cycles: number;
  graph: GraphSpec;
  population: PopulationSpec;
  content: ContentSpec;
  inauthentic: InauthenticSpec;
  feed: FeedSpec;
  notifications: NotificationSpec;
  paid: PaidSpec;
  market: MarketSpec;
  behavior: BehaviorSpec;
  economics: EconomicsSpec;
  /** Share of an account's engagement signal that carries to its later posts (C2; 0..1). */
  accountSignalCarryover: number;
  /** How much a like makes the platform show the liker the author's later posts (C3; 0..1). */
  engagementAffinity: number;
  /** Whether paid posts may retarget users who engaged with the account (C3). */
  retargeting: boolean;
  /** Switches follows off entirely (for experiments isolating ranking effects). */
  follows: boolean;
  /** The focal accounts; one per strategy in comparisons. */
  accounts: FocalAccountSpec[];
}

/** Recursively optional, for user input. */
export type DeepPartial<T> = T extends (infer E)[]
  ? DeepPartial<E>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** What users pass in: any subset of {@link Scenario}, plus shorthands. */
export type ScenarioInput = DeepPartial<Omit<Scenario, 'graph' | 'accounts' | 'content'>> & {
  graph?: GraphSpec;
  content?: DeepPartial<Omit<ContentSpec, 'freshness'>> & { freshness?: FreshnessSpec };
  accounts?: FocalAccountSpec[];
  /** Shorthand for `feed.ranker`. */
  ranker?: RankerName;
  /** Shorthand for `[{ strategy }]` as the single focal account. */
  strategy?: StrategySpec;
  /** Shorthand for `content.freshness.halfLife`. */
  halfLife?: Duration;
  /** Shorthand for `population.attention`. */
  attention?: number;
  /** Shorthand for the starting followers of every focal account. */
  startingFollowers?: number;
  /** Platform preset(s) to build on (`facebook`, `youtube`, `instagram`, `twitch`); this scenario's fields win. */
  extends?: string | string[];
};
