/**
 * What the playground lets a reader change, with a label, a unit and a short help text each: the
 * assumptions that decide the answer (docs/sensitivity.md ranks `economics.budgetPerCycle`,
 * `population.interestConcentration` and `population.activitySpread` top in the default world),
 * a few more GUESSes, each strategy's recipe knobs, and the world's size. Ranges are the engine's
 * (`ASSUMPTIONS`, relative to the preset's own value), never copied here. No DOM: the form, the
 * URL hash and the tests read this table.
 * @module
 */
import { ASSUMPTIONS, assumptionFactors } from '../src/sensitivity/assumptions.js';
import type { Factor } from '../src/sensitivity/factor.js';
import { platformPresets, platformPresetNames, type PlatformName } from '../src/scenario/platforms.js';
import { CTAS, type ScheduleParams } from '../src/campaign/builtins.js';

/** The preset choices: the default (Facebook-like) world or a platform preset. */
export type PresetChoice = 'default' | PlatformName;

/** Every preset choice, in the order the form lists them. */
export const PRESET_CHOICES: readonly PresetChoice[] = ['default', ...platformPresetNames()];

/** What a preset is, for its help text. */
export function presetHelp(p: PresetChoice): string {
  return p === 'default' ? 'The default world: a generic Facebook-like platform, one-hour steps (docs/model.md).' : platformPresets[p].description;
}

/** One assumption slider: the scenario path, and how the page names it. */
export interface AssumptionControl {
  path: string;
  label: string;
  unit: string;
  /** What it means, in a sentence. */
  help: string;
}

/** The assumptions offered as sliders, most decisive first (docs/sensitivity.md, default world). */
export const ASSUMPTION_CONTROLS: readonly AssumptionControl[] = [
  { path: 'economics.budgetPerCycle', label: 'Budget per cycle', unit: 'currency units a cycle for 10,000 users', help: 'What each strategy spends a cycle on posts and ads (scaled to the world\'s size; both spend all of it).' },
  { path: 'population.interestConcentration', label: 'Interest concentration', unit: 'Dirichlet α', help: 'How users\' interests spread over topics: small values make specialists, large ones generalists.' },
  { path: 'population.activitySpread', label: 'Activity inequality', unit: 'log-normal σ', help: 'How unequal users\' activity is: large values make a few heavy users and many who rarely visit.' },
  { path: 'behavior.convert.match', label: 'Interest → purchase click', unit: 'odds ratio', help: 'How much more a user fully interested in a post\'s topic clicks to buy than one with no interest.' },
  { path: 'behavior.convert.follower', label: 'Follower → purchase click', unit: 'odds ratio', help: 'How much more readily a follower clicks to buy than a non-follower.' },
  { path: 'behavior.promotionFatigue.posts', label: 'Promotion memory', unit: 'posts', help: 'Over how many recent posts users judge how much an account sells (promotional fatigue).' },
  { path: 'content.appeal.sd', label: 'Spread of competing appeal', unit: 'SD of appeal (0–1 scale)', help: 'How much other posts in the feed differ in catchiness.' },
  { path: 'market.buyers', label: 'Users in the market', unit: 'share of users', help: 'The share of users who could buy the account\'s product at all.' },
  { path: 'economics.valuePerConversion', label: 'Value of a sale', unit: 'currency units a purchase', help: 'The margin one purchase brings the account.' },
  { path: 'behavior.follow.base', label: 'Follow rate', unit: 'probability an impression', help: 'The chance a non-follower follows after seeing a reference post.' },
];

/** Why an assumption's range is what it is (the engine's own words). */
export function rangeReason(path: string): string {
  return ASSUMPTIONS.find((a) => a.path === path)?.why ?? '';
}

/** The slider ranges of a preset: each offered assumption's factor around the preset's value (absent where it does not apply). */
export function assumptionRanges(preset: PresetChoice): Map<string, Factor> {
  const offered = new Set(ASSUMPTION_CONTROLS.map((c) => c.path));
  const factors = assumptionFactors(preset === 'default' ? {} : { extends: preset });
  return new Map(factors.filter((f) => offered.has(f.path)).map((f) => [f.path, f]));
}

/** The strategies compared: like-chasing is the baseline, as in `npm start`. */
export const STRATEGY_KINDS = ['like-chasing', 'follow-building'] as const;
export type StrategyKind = (typeof STRATEGY_KINDS)[number];

/** A recipe knob: a scheduled strategy's parameter and how the form shows it. */
export type RecipeControl =
  | { key: 'quality' | 'appeal' | 'persona'; kind: 'unit'; label: string; help: string }
  | { key: 'postsPerCycle' | 'productEvery'; kind: 'count'; min: number; max: number; label: string; help: string }
  | { key: 'cta'; kind: 'choice'; choices: readonly string[]; label: string; help: string }
  | { key: 'promote'; kind: 'switch'; label: string; help: string };

/** The recipe knobs of each strategy (docs/strategies.md). */
export const RECIPE_CONTROLS: readonly RecipeControl[] = [
  { key: 'postsPerCycle', kind: 'count', min: 0, max: 24, label: 'Posts per cycle', help: 'Posts made each cycle, spread evenly over its steps.' },
  { key: 'quality', kind: 'unit', label: 'Quality', help: 'How good each post is (0–1): better posts earn follows and sales but cost more to make.' },
  { key: 'appeal', kind: 'unit', label: 'Appeal', help: 'How catchy each post is (0–1): appeal earns likes and shares.' },
  { key: 'cta', kind: 'choice', choices: CTAS, label: 'Call to action', help: 'What each post asks viewers to do.' },
  { key: 'persona', kind: 'unit', label: 'Persona', help: 'How much of a recognisable person the posts show (0–1): persona earns follows.' },
  { key: 'productEvery', kind: 'count', min: 0, max: 20, label: 'Product every n-th post', help: 'Every n-th post sells the product; 0 keeps the recipe\'s own kind of post (like-chasing\'s all sell).' },
  { key: 'promote', kind: 'switch', label: 'Promote', help: 'Spend what the posts leave of the budget on paid boosts.' },
];

/** The knobs' keys. */
export type RecipeKey = RecipeControl['key'];
/** A recipe's values as the form holds them (the engine's parameter types). */
export type RecipeValues = Pick<ScheduleParams, RecipeKey>;

/** One whole-number setting of the world or the run. */
export interface WorldControl {
  key: 'users' | 'cycles' | 'replicates' | 'seed';
  label: string;
  unit: string;
  min: number;
  max: number;
  help: string;
}

/** World size, run length, replicates and seed. */
export const WORLD_CONTROLS: readonly WorldControl[] = [
  { key: 'users', label: 'World size', unit: 'users', min: 200, max: 1_000_000, help: 'How many users the simulated platform has; money scales with it.' },
  { key: 'cycles', label: 'Cycles', unit: 'days', min: 1, max: 365, help: 'How many cycles (days) each run lasts.' },
  { key: 'replicates', label: 'Replicates', unit: 'runs per strategy', min: 2, max: 100, help: 'Independent runs per strategy (common random numbers): more give narrower intervals and take longer.' },
  { key: 'seed', label: 'Seed', unit: 'whole number', min: -(2 ** 31), max: 2 ** 31 - 1, help: 'The master seed: the same seed and settings give the same numbers (in Chromium browsers, the same as in Node).' },
];
