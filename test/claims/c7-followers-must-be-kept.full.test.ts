import { describe, expect, it } from 'vitest';
import { createWorld, followersOf, script, simulate, step, type ScenarioInput } from '../../src/index.js';
import { poissonZ } from '../helpers/stats.js';
import { internal } from '../../src/engine/world.js';

const audience: ScenarioInput = { users: 3000, stepsPerCycle: 24, startingFollowers: 1500, content: { creators: 0 } };

describe('C7 followers must be kept', () => {
  it('a drop in quality raises unfollows', () => {
    const posts = (later: number) =>
      script({ posts: Array.from({ length: 12 }, (_, i) => ({ step: 6 + 12 * i, quality: i < 6 ? 0.9 : later, appeal: 0.5 })) });
    // Time hazards off so the per-impression disappointment is the only way to leave.
    const behavior = { unfollow: { perImpression: 0.005, baseline: { probability: 0 }, lapse: { probability: 0 }, cadence: { probability: 0 } } };
    const run = (later: number) => simulate({ ...audience, seed: 77, cycles: 6, behavior, strategy: posts(later) });
    const unfollowsLate = (r: ReturnType<typeof run>) => r.accounts[0].cycles.slice(3).reduce((s, c) => s + c.unfollows, 0);
    const kept = unfollowsLate(run(0.9));
    const dropped = unfollowsLate(run(0.2));
    expect(poissonZ(dropped, kept)).toBeGreaterThan(4);
  });

  it('posting more often than the cadence raises unfollows', () => {
    const posts = (perDay: number) =>
      script({ posts: Array.from({ length: perDay * 8 }, (_, i) => ({ step: Math.floor((i * 24) / perDay), quality: 0.5, appeal: 0.5 })) });
    // Over-cadence hazard 19 %/30 days, active only while > 6 posts fall within 24 h: with 3,000
    // followers over 8 days about 60 extra unfollows are expected (z ≈ 7 against 3 posts a day).
    const run = (perDay: number) =>
      simulate({ ...audience, users: 6000, startingFollowers: 3000, seed: 78, cycles: 8, behavior: { unfollow: { perImpression: 0 } }, strategy: posts(perDay) }, { steps: false });
    const total = (r: ReturnType<typeof run>) => r.accounts[0].cycles.reduce((s, c) => s + c.unfollows, 0);
    expect(poissonZ(total(run(12)), total(run(3)))).toBeGreaterThan(4);
  });

  it('a silent account loses followers as the lazily applied hazards predict', () => {
    // No posts at all: only baseline churn and the posting-lapse hazard act.
    const scenario: ScenarioInput = {
      ...audience,
      seed: 79,
      cycles: 30,
      strategy: script({ posts: [] }),
      behavior: { unfollow: { baseline: { probability: 0.1, per: '30d' }, lapse: { after: '7d', probability: 0.3, per: '30d' } } },
    };
    const w = createWorld(scenario);
    const start = followersOf(w, 0);
    expect(start.length).toBe(1500);
    const hazard: number[] = [];
    step(w, w.params.totalSteps, (world) => hazard.push(world.accounts.hazard[0]));
    // A follow survives to the follower's last session L with probability exp(−churn·L − H(L)),
    // H the account's cumulative lapse hazard (accrued at the start of each step).
    const churn = w.params.behavior.churnPerStep;
    let expected = 0;
    let variance = 0;
    for (const u of start) {
      const L = internal(w).lastSession[u];
      const p = L > 0 ? 1 - Math.exp(-churn * L - hazard[L]) : 0;
      expected += p;
      variance += p * (1 - p);
    }
    const lost = 1500 - w.accounts.followers[0];
    expect(lost).toBeGreaterThan(100);
    expect(Math.abs(lost - expected)).toBeLessThan(4 * Math.sqrt(variance));
  });

  it('users with more subscriptions than they tolerate drop the disappointing ones', () => {
    // Every follower subscribed, notifications usually opened, posts well below what they are used to.
    const run = (tolerance: number) =>
      simulate({
        ...audience,
        seed: 80,
        cycles: 2,
        accounts: [{ startingFollowers: 1500, startingNotify: 1, strategy: script({ posts: [4, 16, 28, 40].map((step) => ({ step, quality: 0.05 })) }) }],
        notifications: { clickThrough: 0.8 },
        population: { notificationTolerance: tolerance },
        behavior: { unfollow: { perImpression: 0 } },
      });
    const drops = (tolerance: number) => run(tolerance).accounts[0].cycles.reduce((s, c) => s + c.notificationsOff, 0);
    // Tolerance 0: everyone is over it; 50: no one is (one subscription each), so no drop at all.
    expect(drops(50)).toBe(0);
    expect(drops(0)).toBeGreaterThan(50);
  });
});
