import { describe, expect, it } from 'vitest';
import { createWorld, likeChasing, readPost, simulate, step, type ScenarioInput } from '../src/index.js';
import { internal } from '../src/engine/world.js';

// A 2,000-user world: money and bought counts are scaled by 2,000 / 10,000.
const world = (params: Record<string, unknown>): ScenarioInput => ({ users: 2000, cycles: 4, accounts: [{ name: 'a', startingFollowers: 50, strategy: likeChasing(params) }] });
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('bought engagement: engagement pods and bought followers (docs/model.md §5.1)', () => {
  it('pod likes sit on each post as it appears: impressions and engagements the ranker reads', () => {
    const w = createWorld(world({ podLikes: 100 }));
    step(w, 1); // the like-chasing post appears in the cycle's first step
    const s = internal(w);
    const serial = s.focal[0].productSerial >= 0 ? s.focal[0].productSerial : s.accounts.signalSerial[0];
    const post = readPost(s.posts, serial & s.posts.mask);
    expect(post.account).toBe(0);
    expect(post.engagements).toBeGreaterThanOrEqual(20); // 100 × 2,000 / 10,000
    expect(post.impressions).toBeGreaterThanOrEqual(20);
  });

  it('are counted and paid for out of the same budget: spend stays equal', () => {
    const plain = simulate(world({})).accounts[0].cycles;
    const bought = simulate(world({ podLikes: 100, boughtFollowers: 500 })).accounts[0].cycles;
    for (const c of bought) {
      expect(c.podLikes).toBe(20); // one post a cycle
      expect(c.boughtFollowers).toBe(100);
      expect(c.boughtCost).toBeCloseTo(20 * 0.02 + 100 * 0.01, 9);
      expect(c.cost).toBeCloseTo(c.contentCost + c.paidCost + c.boughtCost, 9);
    }
    for (const c of plain) expect(c.boughtCost + c.podLikes + c.boughtFollowers).toBe(0);
    // Promotion pays for what is bought: total spend within one paid impression a cycle of the plain run's.
    expect(Math.abs(sum(bought.map((c) => c.cost)) - sum(plain.map((c) => c.cost)))).toBeLessThanOrEqual(bought.length * 0.008 + 1e-9);
    // Bought followers are not followers: they do not show in the follower count.
    expect(bought.at(-1)!.followers).toBeLessThan(50 + 4 * 100);
  });

  it('refuses a bad purchase, naming the parameter', () => {
    expect(() => simulate(world({ podLikes: -1 }))).toThrow(/parameter "podLikes" = -1 must be a number from 0/);
    expect(() => simulate(world({ followerPrice: Number.NaN }))).toThrow(/followerPrice/);
  });
});
