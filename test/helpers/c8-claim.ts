import { describe, expect, it } from 'vitest';
import { compare, followBuilding, likeChasing, type ScenarioInput } from '../../src/index.js';

// The follow-builder sells on every second post (the built-in sells on every third, and has no
// significant crossover within 30 cycles even when followers buy 50× more readily; model.md §8).
const strategies = [likeChasing(), { ...followBuilding({ productEvery: 2 }), label: 'follow-building/2' }];

/**
 * C8's two cases in `world`: (A) followers buy 50× more readily — like-chasing leads at first,
 * follow-building overtakes for good; (B) they buy as the default (2×) — no crossover.
 */
export function describeC8(title: string, world: (followerOddsRatio: number) => ScenarioInput, o: { replicates: number; workers?: number; timeout: number }): void {
  async function run(followerOddsRatio: number) {
    const r = await compare({ scenario: world(followerOddsRatio), strategies, replicates: o.replicates, seed: 1, ...(o.workers ? { workers: o.workers } : {}) });
    const net = r.differences['follow-building/2'].cumulativeNet;
    return { r, final: net[net.length - 1], crossover: r.crossovers[0] };
  }

  describe(title, () => {
    it('A: followers buy 50× more readily (convert.follower 50): like-chasing leads at first, follow-building overtakes for good', async () => {
      const { r, final, crossover } = await run(50);
      expect(r.warnings).toEqual([]); // equal spend: the comparison is fair
      // The paired difference of final cumulative net return, t interval over replicates (95 %).
      expect(final.lower).toBeGreaterThan(0);
      expect(crossover.population).not.toBeNull();
      // A crossover, not a lead from the start: the mean difference is at or below zero before it.
      expect(crossover.estimate).toBeGreaterThan(1);
    }, o.timeout);

    it('B: the same world with followers buying as the default (convert.follower 2): no crossover', async () => {
      const { r, final, crossover } = await run(2);
      expect(r.warnings).toEqual([]);
      expect(final.lower).toBeLessThanOrEqual(0);
      expect(crossover.population).toBeNull();
    }, o.timeout);
  });
}
