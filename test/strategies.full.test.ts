import { describe, expect, it } from 'vitest';
import { adaptive, followBuilding, likeChasing, mixed, simulate } from '../src/index.js';

describe('built-in strategies (full)', () => {
  it.each([
    ['like-chasing', likeChasing()],
    ['follow-building', followBuilding()],
    ['mixed', mixed(0.3)],
    ['adaptive', adaptive()],
  ])('%s spends the budget per cycle (within 2 %)', (_name, strategy) => {
    // Default cycles and enough users that paid inventory (one ad per session) is not the limit.
    const r = simulate({ seed: 4, users: 10_000, cycles: 3, strategy }, { steps: false });
    const spend = r.accounts[0].cycles.reduce((s, c) => s + c.cost, 0) / 3;
    expect(Math.abs(spend - r.scenario.economics.budgetPerCycle)).toBeLessThan(0.02 * r.scenario.economics.budgetPerCycle);
  });
});
