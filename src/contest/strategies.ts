/**
 * A contest's finalists as strategies: the best recipe of each family, ready to be run again (a
 * sensitivity study of the best against the best, a comparison on another scenario).
 * @module
 */
import { recipeStrategy, strategyFamilies } from '../campaign/families.js';
import { ScenarioError } from '../scenario/errors.js';
import type { StrategySpec } from '../scenario/types.js';
import type { ContestResult } from './contest.js';

/**
 * The finalists of `result` in its family order (baseline first), each labelled `best-<family>`.
 * @example
 * ```ts
 * import { contest, contestStrategies, compare } from 'feedsim';
 * const c = await contest({ scenario: { users: 1000, cycles: 4 }, candidates: 4, screenUsers: 300, heldOut: 2, horizon: 0, maxReplicates: 2 });
 * const r = await compare({ scenario: { users: 1000, cycles: 4, seed: 2 }, strategies: contestStrategies(c), replicates: 2 });
 * console.log(r.strategies);
 * ```
 */
export function contestStrategies(result: Pick<ContestResult, 'finalists'>): StrategySpec[] {
  const finalists = result?.finalists;
  if (!Array.isArray(finalists) || finalists.length !== 2) throw new ScenarioError([{ path: 'finalists', value: finalists, allowed: 'a contest result with two finalists' }]);
  return finalists.map((f, i) => {
    const family = Object.hasOwn(strategyFamilies, f?.family) ? strategyFamilies[f.family] : undefined;
    if (!family) throw new ScenarioError([{ path: `finalists[${i}].family`, value: f?.family, allowed: Object.keys(strategyFamilies).join(' or ') }]);
    return recipeStrategy(family, f.recipe, `best-${f.family}`);
  });
}
