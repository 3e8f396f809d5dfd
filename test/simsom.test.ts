import { describe, expect, it } from 'vitest';
import { simsom } from '../src/validation/simsom.js';
import { meanSE } from './helpers/stats.js';

// A small SimSoM world: 500 humans following 20 others on average.
const small = { humans: 500, friends: 20 };

describe('SimSoM rules (src/validation/simsom.ts)', () => {
  it('gives the same run for the same seed, and another for another seed', () => {
    const a = simsom({ ...small, seed: 3 });
    expect(simsom({ ...small, seed: 3 })).toEqual(a);
    expect(simsom({ ...small, seed: 4 }).quality).not.toBe(a.quality);
  });

  it('without bots, feeds hold messages of the mean quality (appeal ignores quality)', () => {
    const runs = Array.from({ length: 6 }, (_, s) => simsom({ ...small, bots: 0, seed: s }));
    const { mean, se } = meanSE(runs.map((r) => r.quality));
    // Mean of the density ∝ e^{10q} on [0, 1]; the smoothed quality starts at 1 and keeps
    // 0.1·0.8^steps of that start when it stops.
    const exact = Math.exp(10) / (Math.exp(10) - 1) - 0.1;
    const residual = 0.1 * 0.8 ** Math.min(...runs.map((r) => r.steps));
    expect(Math.abs(mean - exact)).toBeLessThanOrEqual(4 * se + residual);
    for (const r of runs) expect(r.botShareOfHumanFeeds).toBe(0);
  });

  it('bots nobody follows reach no human feed; followed bots bring quality-0 messages in', () => {
    expect(simsom({ ...small, infiltration: 0, seed: 1 }).botShareOfHumanFeeds).toBe(0);
    const infiltrated = simsom({ ...small, infiltration: 0.1, seed: 1 });
    expect(infiltrated.botShareOfHumanFeeds).toBeGreaterThan(0.05);
    expect(infiltrated.quality).toBeLessThan(0.9 * (1 - infiltrated.botShareOfHumanFeeds) + 0.05);
  });
});
