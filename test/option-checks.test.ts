import { describe, expect, it } from 'vitest';
import { compare, createWorld, ScenarioError, simulate } from '../src/index.js';

// Inputs that used to be accepted and then gave meaningless or crashing runs (issue 20, class 3).
describe('options are checked before any work', () => {
  const s = { users: 100, cycles: 1, stepsPerCycle: 2 };
  it.each([
    [{ replicate: NaN }, 'options.replicate'],
    [{ replicate: -1 }, 'options.replicate'],
    [{ replicate: 1.5 }, 'options.replicate'],
    [{ seed: 'abc' }, 'options.seed'],
    [{ seed: 2 ** 40 }, 'options.seed'],
    [{ onPost: 3 }, 'options.onPost'],
    [{ graph: {} }, 'options.graph'],
  ])('simulate refuses %j, naming %s', (options, path) => {
    let error: unknown;
    try {
      simulate(s, options as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).problems.map((p) => p.path)).toContain(path);
  });

  it('valid options still run, and the replicate is the one asked for', () => {
    expect(simulate(s, { replicate: 3, seed: -7 }).replicate).toBe(3);
    expect(createWorld(s, { seed: 0 }).seed).toBe(0);
  });

  it('an experiment on a scenario without focal accounts is refused before any run', async () => {
    let runs = 0;
    await expect(compare({ scenario: { ...s, accounts: [] }, strategies: ['like-chasing', 'follow-building'], replicates: 2, onRun: () => void runs++ }))
      .rejects.toThrow(/accounts.*at least one focal account/);
    expect(runs).toBe(0);
  });
});
