import { platformPresets, script, simulate, type PlatformName, type ScenarioInput, type SimulationResult } from '../../src/index.js';

/** A scenario that extends a preset, as a scenario file with `"extends": name` does. */
export const extend = (name: PlatformName, over: ScenarioInput): ScenarioInput => ({ extends: name, ...over });

/** Two reference posts a day (quality 0.5, appeal 0.5, no call to action), no paid promotion. */
function twiceADay(stepsPerCycle: number, days: number) {
  const posts = [];
  for (let s = 0; s < days * stepsPerCycle; s += stepsPerCycle / 2) posts.push({ step: s, kind: 'organic' as const, quality: 0.5, appeal: 0.5, cta: 'none' as const });
  return script({ posts });
}

/** Mean organic reach per post: followers who saw it in-network ÷ followers at posting, over one run's posts. */
export const meanOrganicReach = (r: SimulationResult) => r.posts.reduce((a, p) => a + p.organicReach, 0) / r.posts.length;

/** A preset's calibration run: 3,000 users, 300 followers, two reference posts a day for 3 days (seed 9). */
export const presetRun = (name: PlatformName, over: ScenarioInput = {}, seed = 9): SimulationResult => {
  const S = platformPresets[name].scenario.stepsPerCycle ?? 24;
  return simulate(extend(name, { seed, users: 3000, cycles: 3, accounts: [{ startingFollowers: 300, strategy: twiceADay(S, 3) }], ...over }), { steps: false });
};
