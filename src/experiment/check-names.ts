/**
 * Before an experiment's first run: load the user's modules in this thread too (they register
 * strategies, rankers and freshness curves), then check every registry name the runs will use.
 * Node-only (module loading), imported lazily by compare and sweep.
 * @module
 */
import type { Scenario, StrategySpec } from '../scenario/types.js';
import { checkRegistered } from './registered.js';

/** Loads `modules` here and throws one ScenarioError for every unregistered name. */
export async function checkNames(scenarios: Array<{ scenario: Scenario; where?: string }>, strategies: StrategySpec[], modules: string[] = []): Promise<void> {
  if (modules.length) {
    const [{ moduleUrls }, { loadModules }] = await Promise.all([import('./pool.js'), import('./worker.js')]);
    await loadModules(moduleUrls(modules));
  }
  checkRegistered(scenarios, strategies);
}
