/**
 * What an experiment checks before its first run, so a typo or an impossible size fails before
 * any work (and before the CLI writes anything): the user's modules are loaded in this thread too
 * (they register strategies, rankers and freshness curves), every registry name the runs will use
 * is checked, and, given a worker count, the worlds must fit in memory. Node-only (module loading,
 * machine memory), imported lazily by compare and sweep.
 * @module
 */
import type { Scenario, StrategySpec } from '../scenario/types.js';
import { ScenarioError } from '../scenario/errors.js';
import { checkMemory } from './memory-check.js';
import { checkRegistered } from './registered.js';

/** Options of {@link preflight}. */
export interface PreflightOptions {
  /** Modules that register strategies, rankers or freshness curves. */
  modules?: string[];
  /** Worker count to check memory for (no memory check without it). */
  workers?: number;
}

/** Throws one ScenarioError for every unregistered name, or for worlds that cannot fit. */
export async function preflight(scenarios: Array<{ scenario: Scenario; where?: string }>, strategies: StrategySpec[], o: PreflightOptions = {}): Promise<void> {
  // Experiments measure the first focal account: a world without one would run, then fail to report.
  const empty = scenarios.filter(({ scenario }) => scenario.accounts.length === 0);
  if (empty.length) {
    throw new ScenarioError(empty.slice(0, 5).map(({ where = '' }) => ({
      path: `${where}accounts`,
      value: [],
      allowed: 'must list at least one focal account: run, compare and sweep measure the first (the library\'s simulate runs a world without one)',
    })));
  }
  if (o.workers !== undefined) for (const { scenario } of scenarios) checkMemory(scenario, o.workers);
  if (o.modules?.length) {
    const [{ moduleUrls }, { loadModules }] = await Promise.all([import('./pool.js'), import('./worker.js')]);
    await loadModules(moduleUrls(o.modules));
  }
  checkRegistered(scenarios, strategies);
}
