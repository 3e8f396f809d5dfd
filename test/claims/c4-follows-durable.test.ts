import { describe, expect, it } from 'vitest';
import { COUNTER, createWorld, hasNotifications, isFollowing, registerRanker, script, step, type ScenarioInput } from '../../src/index.js';
import { internal } from '../../src/engine/world.js';

// A ranker that never shows focal account 0's posts: only notifications (outside ranking) can.
registerRanker({ name: 'test-hide-focal', score: (c) => (c.account === 0 ? 0 : c.freshness) });

const scenario: ScenarioInput = {
  seed: 41,
  users: 3000,
  cycles: 2,
  startingFollowers: 1500,
  accounts: [{ startingFollowers: 1500, startingNotify: 0.3, strategy: script({ posts: [{ step: 2 }, { step: 20 }, { step: 30 }] }) }],
  notifications: { clickThrough: 0.5 },
};

describe('C4 follows are durable', () => {
  it('notification subscribers receive posts that ranking would not show', () => {
    const w = createWorld({ ...scenario, feed: { ranker: 'test-hide-focal' } });
    step(w, w.params.totalSteps);
    const t = w.focal[0].totalCounters;
    expect(t[COUNTER.impressions + 0]).toBe(0); // network: ranking hid every post
    expect(t[COUNTER.impressions + 1]).toBe(0); // recommended
    expect(t[COUNTER.impressions + 2]).toBeGreaterThan(50); // notifications still delivered them
  });

  it("a follow puts the account's posts in the follower's feed; non-followers never see them without other channels", () => {
    const w = createWorld({ ...scenario, feed: { ranker: 'chronological', recommendations: 0 }, behavior: { share: { base: 0 } } });
    const seenBy = new Set<number>();
    const viewers = (world: typeof w) => {
      for (const rec of internal(world).focalPosts) {
        if (!rec) continue;
        for (let u = 0; u < world.users.size; u++) if (rec.seen[u >> 3] & (1 << (u & 7))) seenBy.add(u);
      }
    };
    step(w, w.params.totalSteps, viewers);
    expect(seenBy.size).toBeGreaterThan(300);
    // No reshares, no recommendations, no paid: every viewer follows (or followed) the account.
    const followedOrNotified = [...seenBy].filter((u) => isFollowing(w, u, 0) || hasNotifications(w, u, 0)).length;
    const unfollowed = w.focal[0].totalCounters[COUNTER.unfollows];
    expect(seenBy.size - followedOrNotified).toBeLessThanOrEqual(unfollowed);
  });
});
