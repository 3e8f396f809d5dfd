/**
 * Strategy families (issue 15): like-chasing and follow-building as spaces of recipes rather than
 * two fixed recipes, so a contest can set the best of one against the best of the other. A family
 * fixes what makes it that kind of strategy — the call to action, the persona, the kind of its
 * non-selling posts — and leaves the rest to search within stated ranges: cadence, how often to
 * sell, quality and appeal, and how its boosts are bought and targeted. How the budget splits
 * between content and ads follows from cadence and quality (the built-ins spend what their posts
 * leave on promotion), so every recipe spends the same budget.
 * @module
 */
import { followBuildingDefaults, likeChasingDefaults, type ScheduleParams } from './builtins.js';
import type { StrategySpec } from '../scenario/types.js';

/** The range one recipe parameter is searched over. */
export type ParamRange =
  | { readonly min: number; readonly max: number; readonly integer?: boolean }
  | { readonly values: readonly (string | boolean)[] };

/** A family: the strategy kind its recipes run as, and the ranges its search varies. */
export interface StrategyFamily {
  readonly name: string;
  readonly kind: 'like-chasing' | 'follow-building';
  /** The kind's default recipe: always a candidate, so the best found is never worse on training runs. */
  readonly defaults: Readonly<ScheduleParams>;
  readonly space: Readonly<Partial<Record<keyof ScheduleParams, ParamRange>>>;
}

/** What both families may vary: cadence, selling frequency and how ads are bought. */
const shared = {
  postsPerCycle: { min: 1, max: 4, integer: true },
  productEvery: { min: 1, max: 6, integer: true },
  audience: { values: ['interest', 'broad'] },
  excludeFollowers: { values: [false, true] },
  excludeSeen: { values: [false, true] },
  frequencyCap: { min: 0, max: 4, integer: true },
  boost: { values: ['all', 'product'] },
  retarget: { values: [false, true] },
} as const;

/**
 * Like-chasing: posts built to be liked or shared — high appeal, a like or share call to action,
 * little persona, ordinary quality — every `productEvery`-th of them selling, the others bait.
 */
export const likeChasingFamily: StrategyFamily = {
  name: 'like-chasing',
  kind: 'like-chasing',
  defaults: { ...likeChasingDefaults, kind: 'organic', productEvery: 1 },
  space: {
    ...shared,
    quality: { min: 0.2, max: 0.8 },
    appeal: { min: 0.6, max: 1 },
    cta: { values: ['like', 'share'] },
    persona: { min: 0, max: 0.3 },
  },
};

/**
 * Follow-building: posts built to earn follows — high quality, a persona, a follow or notify call
 * to action, little bait — every `productEvery`-th of them selling, the others audience posts.
 */
export const followBuildingFamily: StrategyFamily = {
  name: 'follow-building',
  kind: 'follow-building',
  defaults: followBuildingDefaults,
  space: {
    ...shared,
    quality: { min: 0.5, max: 1 },
    appeal: { min: 0, max: 0.6 },
    cta: { values: ['follow', 'notify'] },
    persona: { min: 0.5, max: 1 },
  },
};

/** The built-in families, by name. */
export const strategyFamilies: Readonly<Record<string, StrategyFamily>> = Object.freeze({
  'like-chasing': likeChasingFamily,
  'follow-building': followBuildingFamily,
});

/** A recipe of a family as a strategy description (its parameters over the kind's defaults). */
export function recipeStrategy(family: StrategyFamily, recipe: Partial<ScheduleParams>, label: string): StrategySpec {
  return { kind: family.kind, params: { ...family.defaults, ...recipe }, label };
}

/**
 * `n` recipes spread over the family's space by a Latin hypercube: each numeric range cut into n
 * equal strata, each stratum used once, in an order shuffled per parameter; a choice takes the
 * value its stratum falls on. `next` is a uniform stream in [0, 1). The family's defaults come first.
 */
export function latinHypercube(family: StrategyFamily, n: number, next: () => number): Array<Partial<ScheduleParams>> {
  const keys = Object.keys(family.space) as Array<keyof ScheduleParams>;
  const m = n - 1; // the defaults are the n-th
  const recipes: Array<Record<string, unknown>> = Array.from({ length: Math.max(0, m) }, () => ({}));
  for (const key of keys) {
    const range = family.space[key]!;
    const order = Array.from({ length: m }, (_, i) => i);
    for (let i = m - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let i = 0; i < m; i++) {
      const x = (order[i] + next()) / m; // in stratum order[i] of m
      recipes[i][key] = valueAt(range, x);
    }
  }
  return n < 1 ? [] : [{ ...family.defaults }, ...(recipes as Array<Partial<ScheduleParams>>)];
}

/** The value of a range at quantile x ∈ [0, 1). */
function valueAt(range: ParamRange, x: number): string | boolean | number {
  if ('values' in range) return range.values[Math.min(range.values.length - 1, Math.floor(x * range.values.length))];
  if (range.integer) return Math.min(range.max, range.min + Math.floor(x * (range.max - range.min + 1)));
  // Three decimals: recipes read as written, and a reported recipe reruns exactly.
  return Math.round((range.min + x * (range.max - range.min)) * 1000) / 1000;
}
