import { describe, expect, it } from 'vitest';
import { compare, followBuilding, likeChasing, type ScenarioInput } from '../../src/index.js';

// C8: like-chasing wins in the short run; follow-building may overtake it after enough cycles. That
// is a result to measure, so this test states the conditions under which compare finds a crossover
// (A) and the same world with the key switch flipped, where it does not (B). How they were found,
// what else was tried and the full-size confirmation: docs/model.md §8 (C8) and
// c8-crossover-conditions.full.test.ts.
//
// A miniature of the default world: 1,000 users spending what 10,000 would per user (money scales
// with economics.referenceUsers), a 1 % starting audience (10, as 100 of 10,000), 24 daily cycles.
// The market has every user in it (buyers 1) and each purchase worth 8 instead of a fifth of users
// worth 40: market membership is drawn per user independently of everything else, so the expected
// value is the default's, with a fifth of its Poisson variance, which is what lets 8 replicates of
// a 1,000-user world resolve the difference.
const world = (followerOddsRatio: number): ScenarioInput => ({
  seed: 1,
  users: 1000,
  cycles: 24,
  startingFollowers: 10,
  market: { buyers: 1 },
  economics: { valuePerConversion: 8 },
  behavior: { convert: { follower: followerOddsRatio } },
});
// The follow-builder sells on every second post (the built-in sells on every third, and has no
// significant crossover within 30 cycles even when followers buy 50× more readily; model.md §8).
const strategies = [likeChasing(), { ...followBuilding({ productEvery: 2 }), label: 'follow-building/2' }];

async function run(followerOddsRatio: number) {
  const r = await compare({ scenario: world(followerOddsRatio), strategies, replicates: 8, seed: 1 });
  const net = r.differences['follow-building/2'].cumulativeNet;
  return { r, final: net[net.length - 1], crossover: r.crossovers[0] };
}

describe('C8 the trade-off over time: a crossover exists under stated conditions', () => {
  it('A: followers buy 50× more readily (convert.follower 50): like-chasing leads at first, follow-building overtakes for good', async () => {
    const { r, final, crossover } = await run(50);
    expect(r.warnings).toEqual([]); // equal spend: the comparison is fair
    // The paired difference of final cumulative net return, t interval over replicates (95 %).
    expect(final.lower).toBeGreaterThan(0);
    expect(crossover.population).not.toBeNull();
    // A crossover, not a lead from the start: the mean difference is at or below zero before it.
    expect(crossover.estimate).toBeGreaterThan(1);
  }, 120_000);

  it('B: the same world with followers buying as the default (convert.follower 2): no crossover', async () => {
    const { r, final, crossover } = await run(2);
    expect(r.warnings).toEqual([]);
    expect(final.lower).toBeLessThanOrEqual(0);
    expect(crossover.population).toBeNull();
  }, 120_000);
});
