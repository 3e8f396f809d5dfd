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
import { checkMemory, memoryLimit, type HeldRuns } from './memory-check.js';
import { checkRegistered } from './registered.js';

/** Most steps of one run (cycles × stepsPerCycle). */
export const MAX_RUN_STEPS = 2 ** 30;

/** Options of {@link preflight}. */
export interface PreflightOptions {
  /** Modules that register strategies, rankers or freshness curves. */
  modules?: string[];
  /** Worker count to check memory for (no memory check without it). */
  workers?: number;
  /** Finished runs held in memory until the experiment ends, counted in the memory check. */
  held?: HeldRuns;
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
  // Step numbers (a post's creation and expiry) are 32-bit: a longer run would wrap them.
  const long = scenarios.filter(({ scenario }) => scenario.cycles * scenario.stepsPerCycle > MAX_RUN_STEPS);
  if (long.length) {
    throw new ScenarioError(long.slice(0, 5).map(({ scenario, where = '' }) => ({
      path: `${where}cycles`,
      value: `${scenario.cycles.toLocaleString('en')} cycles × ${scenario.stepsPerCycle.toLocaleString('en')} steps = ${(scenario.cycles * scenario.stepsPerCycle).toLocaleString('en')} steps`,
      allowed: `a run has at most ${MAX_RUN_STEPS.toLocaleString('en')} steps (2³⁰: step numbers and expiry steps are 32-bit integers)`,
    })));
  }
  if (o.workers !== undefined) {
    const limit = memoryLimit();
    for (const { scenario } of scenarios) checkMemory(scenario, o.workers, limit, o.held);
  }
  if (o.modules?.length) {
    const [{ moduleUrls }, { loadModules }] = await Promise.all([import('./pool.js'), import('./worker.js')]);
    await loadModules(moduleUrls(o.modules));
  }
  checkRegistered(scenarios, strategies);
}
