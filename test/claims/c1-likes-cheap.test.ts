import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';
import { binomialSE } from '../helpers/stats.js';

// C1: per impression, a like is far more likely than a follow (docs/calibration-sources.md: a 10–50× gap).
describe('C1 likes are cheap, follows are dear', () => {
  it('the like rate per impression exceeds 10× the follow rate, beyond 4 SE', () => {
    const r = simulate({ seed: 101, users: 3000, cycles: 3 });
    let imp = 0;
    let likes = 0;
    let follows = 0;
    for (const c of r.accounts[0].cycles) {
      imp += c.impressions;
      likes += c.likes;
      follows += c.follows;
    }
    expect(imp).toBeGreaterThan(1000);
    const like = likes / imp;
    const follow = follows / imp;
    expect(like - 4 * binomialSE(likes, imp)).toBeGreaterThan(10 * (follow + 4 * Math.max(binomialSE(follows, imp), 1 / imp)));
  });
});
