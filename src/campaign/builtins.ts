/**
 * The built-in strategies. Both spend the same budget per cycle by default: what one saves on
 * production it spends on paid promotion, so comparisons are at equal spend (MODEL.md).
 * @module
 */
import type { CallToAction, PostKind, StrategySpec } from '../scenario/types.js';
import type { PostPlan, Strategy, StrategyFactory, StrategyView } from './strategy.js';
import { DEFAULT_TARGETING, resolveTargeting, targetingProblem, type PaidTargeting } from './targeting.js';

/** Parameters shared by the scheduled built-ins (with how their boosts are targeted). */
export interface ScheduleParams extends PaidTargeting {
  /** Posts per cycle, spread evenly over the cycle's steps. */
  postsPerCycle: number;
  quality: number;
  appeal: number;
  cta: CallToAction;
  persona: number;
  /** Kind of every post, except every `productEvery`-th which is a product post. */
  kind: PostKind;
  /** Every n-th post is a product post (0 = never). */
  productEvery: number;
  /** Spend the rest of the cycle's budget on promotion (true) or nothing (false). */
  promote: boolean;
  /** Send paid impressions to past engagers first — only where the platform offers it (`scenario.retargeting`). */
  retarget: boolean;
  /**
   * Likes bought from an engagement pod for each post, in a world of `economics.referenceUsers`
   * users (scaled to the world's size like money), at `podLikePrice` each (docs/model.md §5.1).
   */
  podLikes: number;
  podLikePrice: number;
  /** Followers bought each cycle (same scaling), at `followerPrice` each: inauthentic, they see nothing. */
  boughtFollowers: number;
  followerPrice: number;
}

/**
 * No bought engagement by default. Prices: a bought like about $0.02 and a bought follower about
 * $0.01 (GUESS: sellers' list prices of a few dollars per hundred likes and per thousand followers).
 */
const NOTHING_BOUGHT = { podLikes: 0, podLikePrice: 0.02, boughtFollowers: 0, followerPrice: 0.01 };

/**
 * Like-chasing defaults: one product post a cycle built to be liked (appeal 0.9, a like call to
 * action, average quality, no persona), the rest of the budget on paid boosts.
 */
export const likeChasingDefaults: ScheduleParams = {
  postsPerCycle: 1, quality: 0.5, appeal: 0.9, cta: 'like', persona: 0, kind: 'product', productEvery: 0,
  promote: true, retarget: true, ...DEFAULT_TARGETING, ...NOTHING_BOUGHT,
};

/**
 * Follow-building defaults: one high-quality post a cycle with a persona and a follow call to
 * action; every third post sells (audiences are built to be sold to), the rest of the budget on
 * paid boosts, which cost less because better posts cost more to make.
 */
export const followBuildingDefaults: ScheduleParams = {
  postsPerCycle: 1, quality: 0.85, appeal: 0.3, cta: 'follow', persona: 0.8, kind: 'audience', productEvery: 3,
  promote: true, retarget: true, ...DEFAULT_TARGETING, ...NOTHING_BOUGHT,
};

/** A count bought per world of `referenceUsers` users, in this world (rounded, like money scaled). */
const scaledCount = (n: number, v: StrategyView) => Math.round(n * v.moneyScale);

/**
 * A strategy that posts `postsPerCycle` times a cycle at evenly spaced steps from the cycle's
 * first, each post made by the recipe `pick` chooses, and spends on promotion what the
 * cycle's planned posts leave of the budget, spread evenly over the cycle's steps.
 */
export function scheduled(p: ScheduleParams, pick: (postIndex: number, v: StrategyView) => ScheduleParams = () => p): Strategy {
  let posted = 0;
  let promotionPerStep = 0;
  // Posts made by each recipe, so every `productEvery`-th post *of that recipe* sells.
  const madeBy = new Map<ScheduleParams, number>();
  return {
    plan(v: StrategyView) {
      const slots = Math.max(0, Math.round(p.postsPerCycle));
      let followers = 0;
      if (v.stepInCycle === 0) {
        // Bought engagement comes out of the same budget as content: spend stays equal.
        followers = scaledCount(p.boughtFollowers, v);
        let content = followers * p.followerPrice;
        for (let j = 0; j < slots; j++) {
          const r = pick(posted + j, v);
          content += v.postCost(r.quality) + scaledCount(r.podLikes, v) * r.podLikePrice;
        }
        promotionPerStep = p.promote ? Math.max(0, v.budgetPerCycle - content) / v.stepsPerCycle : 0;
      }
      const posts: PostPlan[] = [];
      for (let j = 0; j < slots; j++) {
        if (Math.floor((j * v.stepsPerCycle) / slots) !== v.stepInCycle) continue;
        const r = pick(posted, v);
        posted++;
        const made = (madeBy.get(r) ?? 0) + 1;
        madeBy.set(r, made);
        const kind = r.productEvery > 0 && made % r.productEvery === 0 ? 'product' : r.kind;
        const pod = scaledCount(r.podLikes, v);
        posts.push({ kind, quality: r.quality, appeal: r.appeal, cta: r.cta, persona: r.persona, ...(pod > 0 ? { podLikes: pod, podLikePrice: r.podLikePrice } : {}) });
      }
      const bought = followers > 0 ? { boughtFollowers: followers, followerPrice: p.followerPrice } : {};
      return { posts, promotion: promotionPerStep, retarget: p.retarget, targeting: targetingOf(p), ...bought };
    },
  };
}

/** The targeting fields of a recipe. */
function targetingOf(p: ScheduleParams): PaidTargeting {
  return { audience: p.audience, excludeFollowers: p.excludeFollowers, excludeSeen: p.excludeSeen, frequencyCap: p.frequencyCap, boost: p.boost };
}

/** Every call to action a post can make (the playground offers them as choices). */
export const CTAS: readonly CallToAction[] = ['none', 'like', 'share', 'follow', 'notify'];
const KINDS: readonly PostKind[] = ['product', 'audience', 'organic'];
/** More posts than any cycle has steps for is a typo (and would spin the schedule). */
const MAX_POSTS_PER_CYCLE = 10_000;

/** Checks the fields a post plan shares (quality, appeal, persona in [0, 1]; cta and kind by name). */
function checkPlan(plan: Partial<PostPlan>, where: string): void {
  for (const k of ['quality', 'appeal', 'persona'] as const) {
    const v = plan[k];
    if (v !== undefined && !(typeof v === 'number' && v >= 0 && v <= 1)) throw new RangeError(`${where} "${k}" = ${JSON.stringify(v)} must be a number from 0 to 1`);
  }
  if (plan.cta !== undefined && !CTAS.includes(plan.cta)) throw new RangeError(`${where} "cta" = ${JSON.stringify(plan.cta)} must be one of ${CTAS.join(', ')}`);
  if (plan.kind !== undefined && !KINDS.includes(plan.kind)) throw new RangeError(`${where} "kind" = ${JSON.stringify(plan.kind)} must be one of ${KINDS.join(', ')}`);
}

function withDefaults(defaults: ScheduleParams, params: Record<string, unknown>, kind: string): ScheduleParams {
  const out = { ...defaults } as Record<string, unknown>;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) throw new RangeError(`strategy ${kind}: parameters = ${JSON.stringify(params)} must be an object`);
  for (const [k, v] of Object.entries(params)) {
    // Own keys only: "constructor" or "__proto__" are not parameters.
    if (!Object.hasOwn(defaults, k)) {
      throw new RangeError(`strategy ${kind}: unknown parameter "${k}" (known: ${Object.keys(defaults).join(', ')})`);
    }
    if (typeof v !== typeof defaults[k as keyof ScheduleParams]) {
      throw new RangeError(`strategy ${kind}: parameter "${k}" = ${JSON.stringify(v)} must be a ${typeof defaults[k as keyof ScheduleParams]}`);
    }
    out[k] = v;
  }
  const q = out as unknown as ScheduleParams;
  checkPlan(q, `strategy ${kind}: parameter`);
  for (const k of Object.keys(DEFAULT_TARGETING)) {
    const problem = targetingProblem(k, out[k]);
    if (problem) throw new RangeError(`strategy ${kind}: parameter "${k}" = ${JSON.stringify(out[k])} ${problem}`);
  }
  if (!(q.postsPerCycle >= 0 && q.postsPerCycle <= MAX_POSTS_PER_CYCLE)) {
    throw new RangeError(`strategy ${kind}: parameter "postsPerCycle" = ${q.postsPerCycle} must be from 0 to ${MAX_POSTS_PER_CYCLE}`);
  }
  if (!(Number.isInteger(q.productEvery) && q.productEvery >= 0 && q.productEvery <= 1_000_000)) {
    throw new RangeError(`strategy ${kind}: parameter "productEvery" = ${q.productEvery} must be a whole number from 0 (never) to 1000000`);
  }
  for (const k of ['podLikes', 'boughtFollowers', 'podLikePrice', 'followerPrice'] as const) {
    if (!(q[k] >= 0 && q[k] <= 1e6)) throw new RangeError(`strategy ${kind}: parameter "${k}" = ${q[k]} must be a number from 0 to 1000000`);
  }
  return q;
}

/** Description of the like-chasing ("virality") strategy, with optional overrides. */
export function likeChasing(params: Partial<ScheduleParams> = {}): StrategySpec {
  return { kind: 'like-chasing', params: { ...params } };
}

/** Description of the follow-building ("marathon") strategy, with optional overrides. */
export function followBuilding(params: Partial<ScheduleParams> = {}): StrategySpec {
  return { kind: 'follow-building', params: { ...params } };
}

/** One scripted post: a {@link PostPlan} at a given step (defaults fill the rest). */
export interface ScriptedPost extends Partial<PostPlan> {
  step: number;
}

/** Parameters of the scripted strategy. */
export interface ScriptParams {
  posts: ScriptedPost[];
  /** Promotion money per step (spent on the newest post). */
  promotion?: number;
  /** Steps [from, until) in which the promotion is bought (default: every step). */
  promotionSteps?: [number, number];
  retarget?: boolean;
  /** How the promotion is targeted (see {@link PaidTargeting}). */
  targeting?: Partial<PaidTargeting>;
}

const SCRIPT_POST: PostPlan = { kind: 'product', quality: 0.5, appeal: 0.5, cta: 'none', persona: 0 };
/** Fields a scripted post may give. */
const SCRIPT_POST_FIELDS = ['step', 'kind', 'quality', 'appeal', 'cta', 'persona', 'topic', 'lifetimeSteps'];

/**
 * Posts exactly what the script says at the steps it names: for controlled experiments and
 * tests (a viral post, a quality drop, a silent account).
 */
export function scripted(p: ScriptParams): Strategy {
  if (!Array.isArray(p.posts) || p.posts.length > 1_000_000) throw new RangeError('strategy scripted: parameter "posts" must be an array of at most 1,000,000 { step, ... }');
  const byStep = new Map<number, PostPlan[]>();
  p.posts.forEach((post, i) => {
    if (typeof post !== 'object' || post === null || Array.isArray(post)) throw new RangeError(`strategy scripted: posts[${i}] = ${JSON.stringify(post)} must be { step, kind?, quality?, appeal?, cta?, persona? }`);
    if (!Number.isInteger(post.step) || post.step < 0) {
      throw new RangeError(`strategy scripted: posts[${i}].step = ${JSON.stringify(post.step)} must be a whole number ≥ 0`);
    }
    for (const k of Object.keys(post)) {
      if (!SCRIPT_POST_FIELDS.includes(k)) throw new RangeError(`strategy scripted: posts[${i}] has unknown field "${k}" (known: ${SCRIPT_POST_FIELDS.join(', ')})`);
    }
    for (const k of ['topic', 'lifetimeSteps'] as const) {
      const v = post[k];
      if (v !== undefined && !(Number.isInteger(v) && v >= 0)) throw new RangeError(`strategy scripted: posts[${i}].${k} = ${JSON.stringify(v)} must be a whole number ≥ 0`);
    }
    checkPlan(post, `strategy scripted: posts[${i}]`);
    const { step, ...plan } = post;
    byStep.set(step, [...(byStep.get(step) ?? []), { ...SCRIPT_POST, ...plan }]);
  });
  const promotion = p.promotion ?? 0;
  if (!(typeof promotion === 'number' && promotion >= 0 && Number.isFinite(promotion))) throw new RangeError(`strategy scripted: promotion = ${promotion} must be ≥ 0`);
  if (p.retarget !== undefined && typeof p.retarget !== 'boolean') throw new RangeError(`strategy scripted: retarget = ${JSON.stringify(p.retarget)} must be true or false`);
  const window = p.promotionSteps ?? [0, Infinity];
  if (!(Array.isArray(window) && window.length === 2 && window.every((x) => typeof x === 'number' && x >= 0) && window[0] <= window[1])) {
    throw new RangeError(`strategy scripted: promotionSteps = ${JSON.stringify(p.promotionSteps)} must be [from, until] steps with 0 ≤ from ≤ until`);
  }
  const targeting = resolveTargeting(p.targeting, 'strategy scripted: parameter');
  return { plan: (v) => ({ posts: byStep.get(v.step) ?? [], promotion: v.step >= window[0] && v.step < window[1] ? promotion : 0, retarget: p.retarget ?? false, targeting }) };
}

/** Description of a scripted strategy. */
export function script(params: ScriptParams): StrategySpec {
  return { kind: 'scripted', params: params as unknown as Record<string, unknown> };
}

/** Parameters of the mixed strategy. */
export interface MixedParams {
  /** Share of posts made by the follow-building recipe (0 = like-chasing, 1 = follow-building). */
  ratio: number;
  /** Overrides of each recipe. */
  likeChasing?: Partial<ScheduleParams>;
  followBuilding?: Partial<ScheduleParams>;
}

/**
 * Mixed: a share `ratio` of posts follows the follow-building recipe, the rest the like-chasing
 * recipe, interleaved evenly (post k is follow-building when ⌊(k+1)·ratio⌋ > ⌊k·ratio⌋).
 */
function mixedStrategy(p: MixedParams): Strategy {
  if (!(typeof p.ratio === 'number' && p.ratio >= 0 && p.ratio <= 1)) throw new RangeError(`strategy mixed: parameter "ratio" = ${p.ratio} must be from 0 to 1`);
  const like = withDefaults(likeChasingDefaults, p.likeChasing ?? {}, 'mixed.likeChasing');
  const follow = withDefaults(followBuildingDefaults, p.followBuilding ?? {}, 'mixed.followBuilding');
  const isFollow = (k: number) => Math.floor((k + 1) * p.ratio) > Math.floor(k * p.ratio);
  return scheduled(like, (k) => (isFollow(k) ? follow : like));
}

/** Parameters of the adaptive strategy. */
export interface AdaptiveParams {
  /** Followers at which the account switches from building an audience to selling to it. */
  threshold: number;
  /** Recipe before the threshold (default: follow-building's). */
  before?: Partial<ScheduleParams>;
  /** Recipe from the threshold on (default: like-chasing's). */
  after?: Partial<ScheduleParams>;
}

/**
 * Adaptive: follow-building until the account has `threshold` followers, like-chasing from then
 * on (decided at each post from the follower count a marketer sees; it may switch back).
 */
function adaptiveStrategy(p: AdaptiveParams): Strategy {
  if (!(typeof p.threshold === 'number' && p.threshold >= 0 && Number.isFinite(p.threshold))) throw new RangeError(`strategy adaptive: parameter "threshold" = ${p.threshold} must be a number ≥ 0`);
  const before = withDefaults(followBuildingDefaults, p.before ?? {}, 'adaptive.before');
  const after = withDefaults(likeChasingDefaults, p.after ?? {}, 'adaptive.after');
  return scheduled(before, (_k, v) => (v.total.followers >= p.threshold ? after : before));
}

/** Description of a mixed strategy: `ratio` of posts build followers, the rest chase likes. */
export function mixed(ratio: number, params: Omit<MixedParams, 'ratio'> = {}): StrategySpec {
  return { kind: 'mixed', params: { ratio, ...params } };
}

/** Description of an adaptive strategy: build followers up to `threshold`, then chase likes. */
export function adaptive(params: AdaptiveParams = { threshold: 500 }): StrategySpec {
  return { kind: 'adaptive', params: { ...params } };
}

/** Returns `params` after checking that every key is one of `keys`. */
function known(params: Record<string, unknown>, keys: string[], kind: string): Record<string, unknown> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) throw new RangeError(`strategy ${kind}: parameters = ${JSON.stringify(params)} must be an object`);
  for (const k of Object.keys(params)) {
    if (!keys.includes(k)) throw new RangeError(`strategy ${kind}: unknown parameter "${k}" (known: ${keys.join(', ')})`);
  }
  return params;
}

/** Factories of the built-in kinds, by name. */
export const builtinStrategies: Record<string, StrategyFactory> = {
  'like-chasing': (params) => scheduled(withDefaults(likeChasingDefaults, params, 'like-chasing')),
  'follow-building': (params) => scheduled(withDefaults(followBuildingDefaults, params, 'follow-building')),
  mixed: (params) => mixedStrategy({ ratio: 0.5, ...known(params, ['ratio', 'likeChasing', 'followBuilding'], 'mixed') } as MixedParams),
  adaptive: (params) => adaptiveStrategy({ threshold: 500, ...known(params, ['threshold', 'before', 'after'], 'adaptive') } as AdaptiveParams),
  scripted: (params) => scripted(known(params, ['posts', 'promotion', 'promotionSteps', 'retarget', 'targeting'], 'scripted') as unknown as ScriptParams),
};
