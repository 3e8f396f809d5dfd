import { describe, expect, it } from 'vitest';
import { compare, followBuilding, likeChasing, type ScenarioInput } from '../../src/index.js';

// C8 at a larger size (test:full): c8-crossover-conditions-small.full.test.ts's conditions in the default
// market (a fifth of users in it, 40 a purchase), 5,000 users with a 1 % starting audience,
// 30 daily cycles, 10 replicates. Figures and what else was tried: docs/model.md §8 (C8).
const world = (followerOddsRatio: number): ScenarioInput => ({
  seed: 1,
  users: 5000,
  cycles: 30,
  startingFollowers: 50,
  behavior: { convert: { follower: followerOddsRatio } },
});
const strategies = [likeChasing(), { ...followBuilding({ productEvery: 2 }), label: 'follow-building/2' }];

async function run(followerOddsRatio: number) {
  const r = await compare({ scenario: world(followerOddsRatio), strategies, replicates: 10, seed: 1, workers: 2 });
  const net = r.differences['follow-building/2'].cumulativeNet;
  return { r, final: net[net.length - 1], crossover: r.crossovers[0] };
}

describe('C8 the crossover, default market, 5,000 users, 30 cycles', () => {
  it('A: followers buy 50× more readily: like-chasing leads at first, follow-building overtakes for good', async () => {
    const { r, final, crossover } = await run(50);
    expect(r.warnings).toEqual([]);
    expect(final.lower).toBeGreaterThan(0);
    expect(crossover.population).not.toBeNull();
    expect(crossover.estimate).toBeGreaterThan(1);
  }, 600_000);

  it('B: followers buy as the default (2× more readily): no crossover', async () => {
    const { r, final, crossover } = await run(2);
    expect(r.warnings).toEqual([]);
    expect(final.lower).toBeLessThanOrEqual(0);
    expect(crossover.population).toBeNull();
  }, 600_000);
});
