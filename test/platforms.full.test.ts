import { describe, expect, it } from 'vitest';
import { meanOrganicReach, presetRun } from './helpers/preset-reach.js';

describe('calibrated organic reach (full)', () => {
  it('youtube: in-network views reach 5–10 % of subscribers (creator sources, calibration-sources.md)', () => {
    // Videos live for weeks: 6 days give each of the first 3 days' uploads time to be seen. Over
    // seeds 1–8 the mean is 8.7 % with sd 1.2 points, so the mean of 3 seeds has sd 1.2/√3 ≈ 0.7
    // and [5, 12] % (the upper bound widened from 10 % for sampling noise) is ≥ 4.7 sd from it.
    const yt = [9, 10, 11].reduce((a, seed) => a + meanOrganicReach(presetRun('youtube', { cycles: 6 }, seed)), 0) / 3;
    expect(yt).toBeGreaterThan(0.05);
    expect(yt).toBeLessThan(0.12);
  });
});
