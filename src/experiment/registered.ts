/**
 * The names a scenario takes from registries (feed ranker, freshness curve, strategies) checked
 * up front, after user modules are loaded, so a typo fails before any run instead of in a worker.
 * @module
 */
import { resolveStrategy } from '../campaign/registry.js';
import { freshnessCurve } from '../content/freshness.js';
import { resolveRanker } from '../feed/ranker.js';
import { formatProblem, ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import type { Scenario, StrategySpec } from '../scenario/types.js';

function collect(problems: ScenarioProblem[], prefix: string, check: () => unknown, params?: { path: string; value: unknown }): void {
  try {
    check();
  } catch (e) {
    if (e instanceof ScenarioError) for (const p of e.problems) problems.push({ ...p, path: prefix + p.path });
    // A strategy factory rejecting its params says why in its message.
    else if (params) problems.push({ path: prefix + params.path, value: params.value, allowed: (e as Error).message });
    else throw e;
  }
}

/** Throws one {@link ScenarioError} listing every unregistered ranker, curve or strategy. */
export function checkRegistered(scenarios: Array<{ scenario: Scenario; where?: string }>, strategies: StrategySpec[]): void {
  const problems: ScenarioProblem[] = [];
  const seen = new Set<string>();
  for (const { scenario, where = '' } of scenarios) {
    collect(problems, where, () => resolveRanker(scenario.feed));
    collect(problems, where, () => freshnessCurve(scenario.content.freshness));
    scenario.accounts.forEach((a, i) => {
      const s = a.strategy;
      if (s) collect(problems, where, () => resolveStrategy(s, `accounts[${i}].strategy`), { path: `accounts[${i}].strategy.params`, value: s.params });
    });
  }
  strategies.forEach((s, i) => collect(problems, '', () => resolveStrategy(s, `strategies[${i}]`), { path: `strategies[${i}].params`, value: s.params }));
  const unique = problems.filter((p) => {
    const key = `${p.path}|${formatProblem(p)}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  if (unique.length) throw new ScenarioError(unique);
}
