/**
 * The world: every piece of state of one run, created from a scenario. Stepping is separate
 * (`step.ts`); this file only builds the state. All per-user state lives in typed arrays sized
 * once, so memory does not grow with the number of steps.
 * @module
 */
import { addFollow, createFollowStore, setNotifies, type FollowStore } from '../accounts/follows.js';
import { createAccounts, type Accounts } from '../accounts/accounts.js';
import { addInauthentic } from '../accounts/inauthentic.js';
import { compileBehavior, type BehaviorParams } from '../behavior/params.js';
import { compilePromotion, type PromotionParams } from '../behavior/promotion.js';
import { DEFAULT_TARGETING, type PaidTargeting } from '../campaign/targeting.js';
import { resolveRanker } from '../feed/ranker.js';
import { CHANNELS } from '../feed/channel.js';
import { createCandidates, type Candidates } from '../feed/candidates.js';
import { createRanking, type Ranking } from '../feed/rank.js';
import { viaWidthFor } from '../feed/inbox.js';
import { createTopicPools, type TopicPools } from '../feed/topic-pool.js';
import type { SocialGraph } from '../graph/index.js';
import { graphFingerprint } from '../graph/csr.js';
import { freshnessCurve, tabulateFreshness } from '../content/freshness.js';
import { createPostStore, type PostStore } from '../content/posts.js';
import { createPopulation, type Population } from '../population.js';
import { createXor128, deriveSeed, Purpose, uniformStream, type Xor128 } from '../rng.js';
import { scenarioHash } from '../scenario/hash.js';
import { resolveScenario } from '../scenario/resolve.js';
import { scaledBudget } from '../scenario/money-scale.js';
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import { INT32, isWhole } from '../whole.js';
import type { Scenario, ScenarioInput } from '../scenario/types.js';
import { resolveStrategy } from '../campaign/registry.js';
import type { Strategy } from '../campaign/strategy.js';
import { parseHours } from '../time.js';
import { buildGraph } from './build-graph.js';
import { COUNTERS } from './metrics.js';
import type { FocalPost, PostSummary } from './focal-posts.js';
import * as math from '../math/index.js';

/** Entries per topic in the out-of-network pools. */
const TOPIC_POOL_SIZE = 512;

/** What users and strategies may read of a focal account (the business under study). */
export interface FocalAccountView {
  readonly index: number;
  readonly name: string;
  /**
   * Counters of the current step, the current cycle, the whole run and the last finished cycle,
   * indexed by `COUNTER` (the metric table of `engine/metrics.ts`; a channel split at `+ channel`).
   */
  readonly stepCounters: Readonly<Float64Array>;
  readonly cycleCounters: Readonly<Float64Array>;
  readonly totalCounters: Readonly<Float64Array>;
  readonly lastCycleCounters: Readonly<Float64Array>;
  /** Promotion money planned but not yet spent. */
  readonly promotionBank: number;
}

/** A focal account's full state, private to the engine. */
export interface FocalAccount extends FocalAccountView {
  readonly strategy: Strategy;
  /** Per user: impressions of this account seen (capped at 255), likes given, paid impressions seen. */
  exposures: Uint8Array;
  liked: Uint8Array;
  paidSeen: Uint8Array;
  /** Per user: last step reached (−1 never), and channels reached this cycle (bit mask). */
  lastReach: Int32Array;
  channelMask: Uint8Array;
  /** Ring of recent engagers, for retargeting. */
  engagers: Int32Array;
  engagerHead: number;
  engagerCount: number;
  stepCounters: Float64Array;
  cycleCounters: Float64Array;
  totalCounters: Float64Array;
  lastCycleCounters: Float64Array;
  promotionBank: number;
  retarget: boolean;
  /** Buys no ads: a counterfactual twin, or the terminal cycles after the run. */
  noAds: boolean;
  /** How this step's paid boosts are targeted (the strategy's plan). */
  targeting: PaidTargeting;
  /** The newest product post (serial, −1 none), for boosts of product posts only. */
  productSerial: number;
  /** Per user: 1 when in the market for this account's product (null: everyone is, market.buyers = 1). */
  inMarket: Uint8Array | null;
  /** Per user: the step from which their demand is back after a purchase (null: never used up). */
  demandFrom: Int32Array | null;
  /** Per user: paid impressions of this account this cycle (allocated at the first frequency cap). */
  paidInCycle: Uint8Array | null;
}

/** Compiled, per-step parameters derived once from the scenario. */
export interface EngineParams {
  behavior: BehaviorParams;
  stepHours: number;
  totalSteps: number;
  freshness: Float64Array;
  maxAge: number;
  /** Hard lifetime in steps (Infinity when none). */
  lifetimeSteps: number;
  notificationCap: number;
  notificationWindowSteps: number;
  /** Creator posts per step. */
  creatorRate: number;
  /** An inauthentic account's chance of a posting event per step (at most 1: one a step). */
  inauthenticRate: number;
  /** Turnover and interest-drift probabilities per step. */
  turnoverPerStep: number;
  driftPerStep: number;
  /** Promotional fatigue: log odds ratios per unit of sell share, and whether any is not 0. */
  promotion: PromotionParams;
  /** After a click: purchase probability, and the steps a purchase uses up demand for (0 = never). */
  purchasePerClick: number;
  repurchaseSteps: number;
  /** Whether paid impressions count in the rankers' engagement rate and re-push (feed.paidSpillover), and whether engagement re-pushes at all. */
  paidSpillover: boolean;
  engagementRepush: boolean;
}

/**
 * A world as users, strategies and listeners see it: a documented, read-only view. The engine's
 * stores and scratch space behind it are private (`WorldState`); `step` is the only way to
 * change it, and `inspect.ts` answers questions about follows.
 */
export interface World {
  readonly scenario: Scenario;
  readonly scenarioHash: string;
  readonly replicate: number;
  /** Master seed actually used. */
  readonly seed: number;
  readonly params: Readonly<EngineParams>;
  /** The next step to run (0 before the first). */
  readonly step: number;
  /** Users active in the last step run. */
  readonly activeCount: number;
  readonly graph: SocialGraph;
  readonly users: Readonly<Population>;
  /** Every account (focal first, then background creators): followers, topics, posting state. */
  readonly accounts: Readonly<Accounts>;
  readonly focal: readonly FocalAccountView[];
  /** The post store: `readPost(world.posts, slot)` gives a post's fields. */
  readonly posts: Readonly<PostStore>;
  /** Summaries of focal posts that have left every pool, in order of leaving (unless streamed). */
  readonly finishedPosts: readonly PostSummary[];
  /** Impressions by channel of all posts (background included), for the run. */
  readonly impressionsByChannel: Readonly<Float64Array>;
  /** Over the same impressions: the sum of the posts' quality, and the impressions of inauthentic accounts' posts. */
  readonly impressionQuality: Readonly<Float64Array>;
  /** Warnings about the scenario (e.g. a half-life shorter than two steps). */
  readonly warnings: readonly string[];
}

/** Everything one run holds, private to the engine: the public view plus stores, streams and scratch. */
export interface WorldState extends World {
  step: number;
  activeCount: number;
  readonly params: EngineParams;
  readonly users: Population;
  readonly accounts: Accounts;
  readonly focal: FocalAccount[];
  readonly posts: PostStore;
  readonly follows: FollowStore;
  /** Live focal posts' records by record id; `undefined` where free. */
  focalPosts: Array<FocalPost | undefined>;
  /** Seen-bitsets of retired focal posts, reused by new ones. */
  readonly spareBitsets: Uint8Array[];
  finishedPosts: PostSummary[];
  /** Streaming receiver of focal-post summaries (see `WorldOptions.onPost`). */
  readonly onPost: ((post: PostSummary) => void) | undefined;
  readonly onRetire: ((world: World, slot: number) => void) | undefined;
  /** Per-user inbox of pushed posts and reshares: serial, and the user it came from (see `inboxViaAt`). */
  inboxSerial: Int32Array;
  inboxVia: Uint8Array;
  /** Bytes per inbox origin: 2 up to 65,536 users, 3 up to 16,777,216, else 4. */
  readonly viaWidth: number;
  /** Per user: next inbox slot to write (at 2u) and occupied slots (at 2u + 1). */
  inboxState: Uint8Array;
  readonly inboxSize: number;
  /** Out-of-network candidate pools, one per topic. */
  readonly topicPools: TopicPools;
  /** Per user: step of the last session; notification subscriptions; pending paid post (serial or −1). */
  lastSession: Int32Array;
  notifySubscriptions: Uint16Array;
  paidSerial: Int32Array;
  /** Users active this step, and the step each user was last active. */
  active: Int32Array;
  activeStep: Int32Array;
  /** Reshares made this step, delivered at its end. */
  shareSerial: Int32Array;
  shareUser: Int32Array;
  shareCount: number;
  readonly impressionsByChannel: Float64Array;
  readonly impressionQuality: Float64Array;
  /** Keys of the named streams of this replicate. */
  readonly keys: Record<keyof typeof Purpose, number>;
  /** The session stream (re-seeded per session from (session key, user, step)). */
  readonly rng: Xor128;
  /** The step-level stream (activity, posting, paid buying: re-seeded per step and purpose). */
  readonly stream: Xor128;
  /** The feed ranker and its scratch (features of a session's candidates). */
  readonly ranking: Ranking;
  /** A session's candidates (scratch, reused by every session). */
  readonly candidates: Candidates;
  /** Where prefetching loads go, so they are not optimised away (write-only; no result reads it). */
  readonly sink: Float64Array;
  /** Sessions run so far. */
  sessionId: number;
  /** The running session's stamp in the post records (restarts at 1 after 2³⁰ sessions: see `runSession`). */
  sessionStamp: number;
  /** Per account: 1 when its follows deliver nothing (a counterfactual ghost audience); null when none does. */
  ghost: Uint8Array | null;
  readonly warnings: string[];
}

/** The engine's state behind a world's public view. @internal */
export function internal(w: World): WorldState {
  return w as WorldState;
}

/** Options of {@link createWorld}. */
export interface WorldOptions {
  /** Replicate index (seeds are derived from it). Default 0. */
  replicate?: number;
  /** Overrides the scenario's master seed. */
  seed?: number;
  /** A ready-made social graph, used instead of `scenario.graph` (its size sets `users`). */
  graph?: SocialGraph;
  /**
   * Receives each focal post's summary when the post leaves every pool (streaming). When set,
   * summaries are not also kept in `finishedPosts`, so memory stays flat on long runs.
   */
  onPost?: (post: PostSummary) => void;
  /**
   * Called with the slot of any post (background ones too) just before the store reuses it, so
   * experiments can read a post's final counts (`readPost(world.posts, slot).engagements` …).
   */
  onRetire?: (world: World, slot: number) => void;
  /**
   * A counterfactual twin of one focal account, run under the same random numbers as the factual
   * run (the options are not part of the scenario hash): its follows deliver nothing, or it buys no ads.
   */
  counterfactual?: Counterfactual;
  /**
   * Cycles that `simulate` runs on after the scenario's, every focal account keeping its strategy
   * but buying no ads: what the audience held at the end still earns (`AccountSeries.terminal`).
   * The scenario's cycles are exactly those of a run without them.
   */
  terminalCycles?: number;
  /**
   * A key that stands in for the scenario's hash when the random streams are derived: runs of
   * different scenarios that share it draw common random numbers wherever their draws line up
   * (a sensitivity study compares design points this way). Default: the scenario's hash (and a
   * graph passed in code, its fingerprint).
   */
  streams?: string;
}

/** A counterfactual twin of focal account `account` (default 0). */
export interface Counterfactual {
  account?: number;
  /** Its followers get nothing from following: its posts reach them by no in-network or notification route, and they buy no more readily than strangers. */
  ghostAudience?: boolean;
  /** Its promotion money is never spent (its strategy plans as usual). */
  noAds?: boolean;
}

function compileParams(s: Scenario, warnings: string[], terminalCycles: number): EngineParams {
  const stepHours = parseHours(s.stepDuration, 'stepDuration');
  const f = s.content.freshness;
  const totalSteps = (s.cycles + terminalCycles) * s.stepsPerCycle;
  const lifetimeHours = f.lifetime !== undefined ? parseHours(f.lifetime, 'content.freshness.lifetime') : Infinity;
  if (f.kind === 'exponential' || f.kind === 'stretched') {
    const half = parseHours(f.halfLife, 'content.freshness.halfLife');
    if (half < 2 * stepHours) {
      warnings.push(`content.freshness.halfLife (${f.halfLife}) is shorter than two steps of ${s.stepDuration}: freshness is coarse; use a shorter stepDuration`);
    }
  }
  const floor = f.kind === 'none' ? 0 : (f.floor ?? 0.01);
  // A creator posts at most once a step (a Bernoulli draw per step): a faster rate is capped.
  if ((s.content.creatorPostsPerDay * stepHours) / 24 > 1 && s.content.creators > 0) {
    warnings.push(`content.creatorPostsPerDay (${s.content.creatorPostsPerDay}) is more than one post per step of ${s.stepDuration}: creators post at most once a step (${24 / stepHours} a day); use a shorter stepDuration`);
  }
  const inauthenticRate = ((s.inauthentic?.postsPerDay ?? 0) * stepHours) / 24;
  if ((s.inauthentic?.count ?? 0) > 0 && inauthenticRate > 1) {
    warnings.push(`inauthentic.postsPerDay (${s.inauthentic.postsPerDay}) is more than one posting event per step of ${s.stepDuration}: they post at most once a step (${24 / stepHours} a day); raise inauthentic.flooding for more posts at a time`);
  }
  const table = tabulateFreshness(freshnessCurve(f), stepHours, floor, lifetimeHours, totalSteps + 1);
  const perStep = (p: { probability: number; per: string }, field: string) => {
    const per = parseHours(p.per, field);
    return p.probability >= 1 ? 1 : 1 - math.exp((math.log1p(-p.probability) * stepHours) / per);
  };
  return {
    behavior: compileBehavior(s.behavior, stepHours),
    stepHours,
    totalSteps,
    freshness: table.values,
    maxAge: table.maxAge,
    lifetimeSteps: Number.isFinite(lifetimeHours) ? Math.ceil(lifetimeHours / stepHours - 1e-9) : Infinity,
    notificationCap: s.notifications.cap,
    notificationWindowSteps: Math.max(1, Math.round(parseHours(s.notifications.window, 'notifications.window') / stepHours)),
    creatorRate: (s.content.creatorPostsPerDay * stepHours) / 24,
    inauthenticRate: Math.min(1, inauthenticRate),
    turnoverPerStep: perStep(s.population.turnover, 'population.turnover.per'),
    driftPerStep: perStep({ probability: s.population.interestDrift.amount, per: s.population.interestDrift.per }, 'population.interestDrift.per'),
    promotion: compilePromotion(s.behavior.promotionFatigue),
    purchasePerClick: s.market.purchasePerClick,
    repurchaseSteps: Math.ceil(parseHours(s.market.repurchase, 'market.repurchase') / stepHours - 1e-9),
    paidSpillover: s.feed.paidSpillover,
    engagementRepush: s.feed.engagementRepush,
  };
}

function createFocal(index: number, name: string, strategy: Strategy, users: number, pool: number): FocalAccount {
  return {
    index,
    name,
    strategy,
    exposures: new Uint8Array(users),
    liked: new Uint8Array(users),
    paidSeen: new Uint8Array(users),
    lastReach: new Int32Array(users).fill(-1),
    channelMask: new Uint8Array(users),
    engagers: new Int32Array(pool),
    engagerHead: 0,
    engagerCount: 0,
    stepCounters: new Float64Array(COUNTERS),
    cycleCounters: new Float64Array(COUNTERS),
    totalCounters: new Float64Array(COUNTERS),
    lastCycleCounters: new Float64Array(COUNTERS),
    promotionBank: 0,
    retarget: false,
    noAds: false,
    targeting: DEFAULT_TARGETING,
    productSerial: -1,
    inMarket: null,
    demandFrom: null,
    paidInCycle: null,
  };
}

/** Sets up a counterfactual twin (checked by `checkWorldOptions`, except the account's existence). */
function applyCounterfactual(w: WorldState, cf: Counterfactual | undefined): void {
  if (cf === undefined) return;
  const a = cf.account ?? 0;
  if (a >= w.focal.length) throw new ScenarioError([{ path: 'options.counterfactual.account', value: a, allowed: `must be the index of a focal account (0 to ${w.focal.length - 1})` }]);
  if (cf.noAds) w.focal[a].noAds = true;
  if (cf.ghostAudience) {
    w.ghost = new Uint8Array(w.accounts.count);
    w.ghost[a] = 1;
  }
}

/** Who is in the market for each focal account's product: a share `buyers` of users, drawn per account. */
function drawMarkets(focal: FocalAccount[], N: number, buyers: number, key: number): void {
  if (buyers >= 1) return;
  const next = uniformStream(key);
  for (const f of focal) {
    const m = new Uint8Array(N);
    for (let u = 0; u < N; u++) m[u] = next() < buyers ? 1 : 0;
    f.inMarket = m;
  }
}

/**
 * Picks `count` distinct users for an account's starting audience, each accepted with
 * probability equal to their interest in the account's topic (audiences share interests).
 */
function pickAudience(pop: Population, topic: number, count: number, next: () => number, taken: Int32Array, mark: number): Int32Array {
  const n = pop.size;
  const out = new Int32Array(Math.min(count, n));
  let m = 0;
  let tries = 0;
  while (m < out.length) {
    const u = Math.min(n - 1, Math.floor(next() * n));
    tries++;
    if (taken[u] === mark) continue;
    // After many tries, accept anyone left so a large audience still completes.
    if (tries < 20 * out.length && next() >= pop.interest[u * pop.topics + topic]) continue;
    taken[u] = mark;
    out[m++] = u;
  }
  return out;
}

/** Creates the world of `input` (any subset of a scenario; see `defaultScenario`). */
export function createWorld(input: ScenarioInput | Scenario = {}, options: WorldOptions = {}): World {
  return createWorldState(input, options);
}

/** Refuses options that would run with a meaningless seed (`replicate: NaN`, `seed: 'abc'`). */
function checkWorldOptions(o: WorldOptions): void {
  const problems: ScenarioProblem[] = [];
  if (o === null || typeof o !== 'object') throw new ScenarioError([{ path: 'options', value: o, allowed: 'must be an object { replicate?, seed?, graph?, onPost?, onRetire? }' }]);
  if (o.replicate !== undefined && !isWhole(o.replicate, 0, INT32 - 1)) problems.push({ path: 'options.replicate', value: o.replicate, allowed: 'must be a whole number from 0 to 2,147,483,647' });
  if (o.seed !== undefined && !isWhole(o.seed, -INT32, INT32 - 1)) problems.push({ path: 'options.seed', value: o.seed, allowed: 'must be a whole number from -2,147,483,648 to 2,147,483,647' });
  for (const k of ['onPost', 'onRetire'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'function') problems.push({ path: `options.${k}`, value: o[k], allowed: 'must be a function' });
  }
  if (o.graph !== undefined && !(o.graph !== null && typeof o.graph === 'object' && o.graph.offsets instanceof Int32Array && o.graph.followers instanceof Int32Array)) {
    problems.push({ path: 'options.graph', value: typeof o.graph, allowed: 'must be a SocialGraph (from a generator, parseEdgeList or loadEdgeList)' });
  }
  const cf = o.counterfactual;
  if (cf !== undefined) {
    if (cf === null || typeof cf !== 'object' || Array.isArray(cf)) problems.push({ path: 'options.counterfactual', value: cf, allowed: 'must be an object { account?, ghostAudience?, noAds? }' });
    else {
      if (cf.account !== undefined && !isWhole(cf.account, 0, 999)) problems.push({ path: 'options.counterfactual.account', value: cf.account, allowed: 'must be the index of a focal account (a whole number from 0)' });
      for (const k of ['ghostAudience', 'noAds'] as const) {
        if (cf[k] !== undefined && typeof cf[k] !== 'boolean') problems.push({ path: `options.counterfactual.${k}`, value: cf[k], allowed: 'must be true or false' });
      }
    }
  }
  if (o.streams !== undefined && !(typeof o.streams === 'string' && o.streams.length > 0 && o.streams.length <= 200)) problems.push({ path: 'options.streams', value: o.streams, allowed: 'must be a non-empty string of at most 200 characters' });
  if (o.terminalCycles !== undefined && !isWhole(o.terminalCycles, 0, 100_000)) problems.push({ path: 'options.terminalCycles', value: o.terminalCycles, allowed: 'must be a whole number of cycles from 0 to 100,000' });
  if (problems.length) throw new ScenarioError(problems);
}

/** Creates a world's full state (the engine's side of {@link createWorld}). @internal */
export function createWorldState(input: ScenarioInput | Scenario = {}, options: WorldOptions = {}): WorldState {
  checkWorldOptions(options);
  const withGraphSize = options.graph ? { ...input, users: options.graph.users } : input;
  const scenario = resolveScenario(withGraphSize);
  const warnings: string[] = [];
  const params = compileParams(scenario, warnings, options.terminalCycles ?? 0);
  const replicate = options.replicate ?? 0;
  const seed = options.seed ?? scenario.seed;
  const hash = scenarioHash(scenario);
  // A graph passed in code is not in the scenario: its fingerprint joins the seeds instead.
  const seedHash = options.streams ?? (options.graph ? `${hash}:${graphFingerprint(options.graph)}` : hash);
  const keyOf = (purpose: string) => deriveSeed(seed, seedHash, replicate, purpose);
  const keys = Object.fromEntries(Object.keys(Purpose).map((p) => [p, keyOf(p)])) as Record<keyof typeof Purpose, number>;

  const N = scenario.users;
  const T = scenario.topics;
  const users = createPopulation(N, T, scenario.population, scenario.behavior.propensitySpread, uniformStream(keys.population));
  const graph = options.graph ?? buildGraph(scenario.graph, N, users.mainTopic, uniformStream(keys.graph));

  const focalCount = scenario.accounts.length;
  const creators = scenario.content.creators;
  const bots = scenario.inauthentic?.count ?? 0;
  const accounts = createAccounts(focalCount + creators + bots, focalCount, params.behavior.cadenceMaxPosts, params.notificationCap, focalCount + creators);
  const focal = scenario.accounts.map((a, i) => {
    accounts.topic[i] = a.topic!;
    if (a.homeUser !== undefined) accounts.homeUser[i] = a.homeUser;
    return createFocal(i, a.name!, resolveStrategy(a.strategy!, `accounts[${i}].strategy`), N, scenario.paid.retargetPool);
  });

  // Starting audiences: creators (heavy-tailed sizes) and focal accounts.
  const audienceNext = uniformStream(keys.audience);
  const follows = createFollowStore(N);
  const notifySubscriptions = new Uint16Array(N);
  const taken = new Int32Array(N).fill(-1);
  const addAudience = (a: number, size: number, notifyShare: number) => {
    const audience = pickAudience(users, accounts.topic[a], size, audienceNext, taken, a);
    for (let i = 0; i < audience.length; i++) {
      const u = audience[i];
      const slot = addFollow(follows, u, a);
      follows.accustomed[slot] = a < focalCount ? 0.5 : accounts.meanQuality[a];
      follows.mark[slot] = 0;
      if (scenario.notifications.enabled && audienceNext() < notifyShare) {
        setNotifies(follows, slot, true);
        notifySubscriptions[u]++;
        accounts.notifySubscribers[a]++;
      }
    }
    accounts.followers[a] += audience.length;
  };
  const creatorNext = uniformStream(keys.creators);
  for (let c = 0; c < creators; c++) {
    const a = focalCount + c;
    accounts.topic[a] = Math.floor(creatorNext() * T);
    accounts.postRate[a] = params.creatorRate;
    const q = scenario.content.quality;
    accounts.meanQuality[a] = Math.min(1, Math.max(0, q.mean + q.sd * (2 * creatorNext() - 1)));
    const share = scenario.content.creatorAudienceShare * math.exp(-math.log(Math.max(creatorNext(), 1e-12)) - 1);
    if (scenario.follows) addAudience(a, Math.min(N, Math.round(Math.min(0.5, share) * N)), scenario.behavior.notify.base);
  }
  scenario.accounts.forEach((a, i) => {
    if (scenario.follows) addAudience(i, a.startingFollowers ?? 0, a.startingNotify ?? 0);
  });
  if (bots > 0) addInauthentic(scenario, accounts, follows, params.inauthenticRate, uniformStream(keys.inauthentic));
  drawMarkets(focal, N, scenario.market.buyers, keys.market);
  if (params.repurchaseSteps > 0) for (const f of focal) f.demandFrom = new Int32Array(N);

  // Expected live posts: user and creator posts per step × steps a post stays in the store —
  // its lifetime, or, when focal accounts can buy boosts, about a cycle (a boosted post is held
  // until the account posts again). Sizing for that up front spares a doubling mid-run, which
  // changes no result but throws away the hot loop's optimised code.
  const perStep = N * scenario.population.activity * scenario.content.userPostProbability + creators * params.creatorRate + bots * params.inauthenticRate * scenario.inauthentic.flooding + focalCount * 4;
  const boosts = focalCount > 0 && scaledBudget(scenario) > 0;
  const stay = Math.max(params.maxAge + 1, boosts ? scenario.stepsPerCycle + 1 : 0);
  const posts = createPostStore(Math.min(perStep * stay + 64, 1 << 24));
  const B = scenario.feed.inboxSize;
  const state: WorldState = {
    scenario,
    scenarioHash: hash,
    replicate,
    seed,
    params,
    step: 0,
    graph,
    users,
    follows,
    accounts,
    focal,
    posts,
    focalPosts: [],
    spareBitsets: [],
    finishedPosts: [],
    onPost: options.onPost,
    onRetire: options.onRetire,
    inboxSerial: new Int32Array(N * B).fill(-1),
    inboxVia: new Uint8Array(N * B * viaWidthFor(N)),
    viaWidth: viaWidthFor(N),
    inboxState: new Uint8Array(2 * N),
    inboxSize: B,
    topicPools: createTopicPools(T, TOPIC_POOL_SIZE),
    lastSession: new Int32Array(N).fill(-1),
    notifySubscriptions,
    paidSerial: new Int32Array(N).fill(-1),
    active: new Int32Array(N),
    activeCount: 0,
    activeStep: new Int32Array(N).fill(-1),
    shareSerial: new Int32Array(1024),
    shareUser: new Int32Array(1024),
    shareCount: 0,
    impressionsByChannel: new Float64Array(CHANNELS),
    impressionQuality: new Float64Array(2),
    keys,
    rng: createXor128(),
    stream: createXor128(),
    ranking: createRanking(resolveRanker(scenario.feed)),
    candidates: createCandidates(),
    sink: new Float64Array(1),
    sessionId: 0,
    sessionStamp: 0,
    ghost: null,
    warnings,
  };
  applyCounterfactual(state, options.counterfactual);
  return state;
}
