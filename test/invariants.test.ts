import { describe, expect, it } from 'vitest';
import { COUNTER, createWorld, followBuilding, likeChasing, readPost, script, step, type ScenarioInput } from '../src/index.js';
import { internal } from '../src/engine/world.js';

const scenarios: Record<string, ScenarioInput> = {
  default: { seed: 1, users: 2000, cycles: 2 },
  'follow-building, interest ranker, top-k': { seed: 2, users: 2000, cycles: 2, ranker: 'interest', feed: { selection: 'top-k' }, strategy: followBuilding() },
  'hybrid, retargeting, affinity, carry-over, cap': {
    seed: 3, users: 2000, cycles: 2, ranker: 'hybrid', retargeting: true, engagementAffinity: 0.5, accountSignalCarryover: 0.5,
    notifications: { cap: 3, clickThrough: 0.3 }, strategy: likeChasing({ retarget: true }),
  },
  'chronological, unlimited attention, turnover and drift': {
    seed: 4, users: 1500, cycles: 2, ranker: 'chronological', attention: 0,
    population: { turnover: { probability: 0.5, per: '30d' }, interestDrift: { amount: 0.5, per: '7d' } },
  },
  'two focal accounts, stretched freshness, lifetimes': {
    seed: 5, users: 2000, cycles: 2, content: { freshness: { kind: 'stretched', halfLife: '3h', shape: 0.6 } },
    accounts: [
      { name: 'a', strategy: followBuilding(), startingFollowers: 200 },
      { name: 'b', strategy: script({ posts: [{ step: 3, lifetimeSteps: 3 }, { step: 30, cta: 'notify', persona: 1 }], promotion: 2 }), startingFollowers: 50 },
    ],
  },
};

describe.each(Object.entries(scenarios))('invariants on every step: %s', (_name, scenario) => {
  it('hold', () => {
    const w = createWorld(scenario);
    const N = w.users.size;
    const start = w.focal.map((f) => w.accounts.followers[f.index]);
    const follows = w.focal.map(() => 0);
    const unfollows = w.focal.map(() => 0);
    step(w, w.params.totalSteps, (world) => {
      world.focal.forEach((f, i) => {
        const s = f.stepCounters;
        const imp = s[COUNTER.impressions] + s[COUNTER.impressions + 1] + s[COUNTER.impressions + 2] + s[COUNTER.impressions + 3];
        expect(s[COUNTER.likes]).toBeLessThanOrEqual(imp);
        expect(s[COUNTER.shares]).toBeLessThanOrEqual(imp);
        expect(s[COUNTER.reach]).toBeLessThanOrEqual(Math.min(imp, N));
        expect(f.cycleCounters[COUNTER.reach]).toBeLessThanOrEqual(N);
        for (let c = 0; c < 4; c++) expect(f.cycleCounters[COUNTER.reachByChannel + c]).toBeLessThanOrEqual(f.cycleCounters[COUNTER.reach]);
        follows[i] += s[COUNTER.follows];
        unfollows[i] += s[COUNTER.unfollows];
        expect(world.accounts.followers[f.index]).toBe(start[i] + follows[i] - unfollows[i]);
        expect(world.accounts.followers[f.index]).toBeGreaterThanOrEqual(0);
        expect(world.accounts.notifySubscribers[f.index]).toBeLessThanOrEqual(world.accounts.followers[f.index]);
        for (let k = 0; k < s.length; k++) expect(Number.isFinite(s[k])).toBe(true);
      });
      // Impressions by channel sum to the post store's own count, post by post.
      for (const rec of internal(world).focalPosts) {
        if (!rec) continue;
        const total = readPost(world.posts, rec.serial & world.posts.mask).impressions;
        expect(rec.impressions[0] + rec.impressions[1] + rec.impressions[2] + rec.impressions[3]).toBe(total);
        expect(rec.reach).toBeLessThanOrEqual(total);
      }
    });
    const clicks = w.focal.map(() => 0);
    for (const p of w.finishedPosts) {
      const byChannel = p.impressionsByChannel;
      expect(byChannel.network + byChannel.recommended + byChannel.notification + byChannel.paid).toBe(p.impressions);
      expect(p.likes).toBeLessThanOrEqual(p.impressions);
      expect(p.reach).toBeLessThanOrEqual(N);
      expect(p.resharers).toBeLessThanOrEqual(p.shares);
      // The reach split of analytics exports: parts of the reach, paid reach only from paid impressions.
      expect(p.reachFollowers).toBeLessThanOrEqual(p.reach);
      expect(p.reachPaid).toBeLessThanOrEqual(Math.min(p.reach, byChannel.paid));
      expect(p.conversions).toBeLessThanOrEqual(p.clicks);
      if (p.kind !== 'product') expect(p.clicks).toBe(0);
      clicks[p.account] += p.clicks;
    }
    // Clicks on finished posts are a part of the account's clicks (live posts hold the rest).
    w.focal.forEach((f, i) => expect(clicks[i]).toBeLessThanOrEqual(f.totalCounters[COUNTER.clicks]));
  });
});

describe('inbox bookkeeping', () => {
  it('the occupied-slot count always equals a scan of the inbox', () => {
    const w = createWorld({ seed: 6, users: 1500, cycles: 1 });
    step(w, w.params.totalSteps, (world) => {
      const B = internal(world).inboxSize;
      for (let u = 0; u < world.users.size; u++) {
        let n = 0;
        for (let k = 0; k < B; k++) if (internal(world).inboxSerial[u * B + k] >= 0) n++;
        if (n !== internal(world).inboxState[2 * u + 1]) expect({ user: u, count: internal(world).inboxState[2 * u + 1] }).toEqual({ user: u, count: n });
      }
    });
  });
});

describe('worldBytes', () => {
  it('counts every typed array once, graph and follow pool included', async () => {
    const { worldBytes } = await import('../src/index.js');
    const w = createWorld({ seed: 1, users: 1000, cycles: 1 });
    const b = worldBytes(w);
    expect(b.graph).toBe(w.graph.offsets.byteLength + w.graph.followers.byteLength);
    expect(b.total).toBeGreaterThan(b.graph + b.follows + internal(w).inboxSerial.byteLength + w.users.interest.byteLength);
  });
});
