/**
 * The economy's mechanisms (issue 15): the purchase funnel with state, promotional fatigue, paid
 * targeting, the paid→organic spillover and re-push switches, and the budget as a ratio to the
 * population. Each test fails with its mechanism removed; statistical ones use fixed seeds and
 * tolerances from the binomial standard error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTER, createWorld, followBuilding, likeChasing, script, simulate, step, type ScenarioInput } from '../src/index.js';
import { internal } from '../src/engine/world.js';
import { PF, RECORD_SHIFT } from '../src/content/posts.js';

/**
 * A small world where ads are plentiful (amounts as given, not scaled), each mechanism off unless
 * a test turns it on: every click buys, everyone is in the market, no repurchase time, no fatigue.
 */
const base: ScenarioInput = {
  seed: 7, users: 800, cycles: 4, stepsPerCycle: 12, economics: { budgetPerCycle: 400, referenceUsers: 0 },
  market: { purchasePerClick: 1, buyers: 1, repurchase: '0h' },
  behavior: { promotionFatigue: { engage: 1, follow: 1, unfollow: 1 } },
};
type Summed = 'clicks' | 'conversions' | 'paidToFollowers' | 'likes' | 'impressions' | 'follows' | 'unfollows' | 'productImpressions';
const total = (r: ReturnType<typeof simulate>, k: Summed) => r.accounts[0].cycles.reduce((s, c) => s + c[k], 0);
const paid = (r: ReturnType<typeof simulate>) => r.accounts[0].cycles.reduce((s, c) => s + c.impressionsByChannel.paid, 0);
/** Clicks are likely, so the funnel's later stages have numbers to work with. */
const clicky = { behavior: { ...base.behavior, convert: { base: 0.2 } } };
/** Binomial standard error of a proportion p over n trials. */
const se = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);

describe('purchase funnel', () => {
  it('with every click buying, everyone in the market and no repurchase time, conversions are clicks', () => {
    const r = simulate({ ...base, ...clicky, market: { purchasePerClick: 1, buyers: 1, repurchase: '0h' } }, { steps: false });
    expect(total(r, 'clicks')).toBeGreaterThan(100);
    expect(total(r, 'conversions')).toBe(total(r, 'clicks'));
  });

  it('a click buys with probability purchasePerClick (4 standard errors)', () => {
    const p = 0.3;
    const r = simulate({ ...base, ...clicky, market: { purchasePerClick: p, buyers: 1, repurchase: '0h' } }, { steps: false });
    const n = total(r, 'clicks');
    expect(n).toBeGreaterThan(300);
    expect(Math.abs(total(r, 'conversions') / n - p)).toBeLessThan(4 * se(p, n));
  });

  it('nobody buys when nobody is in the market, though people still click', () => {
    const r = simulate({ ...base, ...clicky, market: { purchasePerClick: 1, buyers: 0, repurchase: '0h' } }, { steps: false });
    expect(total(r, 'clicks')).toBeGreaterThan(100);
    expect(total(r, 'conversions')).toBe(0);
  });

  it('a share `buyers` of users is in the market (4 standard errors over users)', () => {
    const m = internal(createWorld({ ...base, users: 5000, market: { buyers: 0.2 } })).focal[0].inMarket!;
    const share = m.reduce((s, x) => s + x, 0) / m.length;
    expect(Math.abs(share - 0.2)).toBeLessThan(4 * se(0.2, m.length));
  });

  it('a purchase uses up demand: with a repurchase time beyond the run each buyer buys once, and only in-market users buy', () => {
    const w = internal(createWorld({ ...base, ...clicky, market: { purchasePerClick: 1, buyers: 0.5, repurchase: '1000d' } }));
    step(w, 48);
    const f = w.focal[0];
    const conversions = [0, 1, 2, 3].reduce((s, c) => s + f.totalCounters[COUNTER.conversions + c], 0);
    const demand = f.demandFrom!;
    const buyers = demand.reduce((s, x) => s + (x > 0 ? 1 : 0), 0);
    expect(conversions).toBeGreaterThan(20);
    expect(conversions).toBe(buyers);
    for (let u = 0; u < demand.length; u++) {
      // Demand is either there (0) or back at a purchase step plus the repurchase time — never below.
      if (demand[u] > 0) {
        expect(demand[u]).toBeGreaterThanOrEqual(w.params.repurchaseSteps);
        expect(f.inMarket![u]).toBe(1);
      }
    }
  });

  it('property: demand comes back only after the repurchase time, for any repurchase time and seed', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 30 }), (seed, hours) => {
      const w = internal(createWorld({ ...base, ...clicky, users: 200, seed, market: { purchasePerClick: 1, buyers: 1, repurchase: `${hours}h` } }));
      const f = w.focal[0];
      let bought = 0;
      for (let t = 0; t < 24; t++) {
        const before = Int32Array.from(f.demandFrom!);
        step(w, 1);
        for (let u = 0; u < before.length; u++) {
          if (f.demandFrom![u] === before[u]) continue;
          bought++;
          // A new purchase happens only once demand is back, and uses it up for exactly the repurchase time.
          expect(before[u]).toBeLessThanOrEqual(t);
          expect(f.demandFrom![u]).toBe(t + w.params.repurchaseSteps);
        }
      }
      return bought >= 0;
    }), { numRuns: 8, seed: 3 });
  });
});

describe('promotional fatigue', () => {
  /** An account that sells in every post; its sell share (over 2 posts) is near 1 from the second cycle. */
  const seller = (fatigue: object, extra: ScenarioInput = {}) => simulate({
    ...base, users: 3000, economics: { budgetPerCycle: 1500, referenceUsers: 0 }, ...extra,
    strategy: followBuilding({ postsPerCycle: 4, productEvery: 1 }),
    // Follows and unfollows common enough to count.
    behavior: { promotionFatigue: { posts: 2, engage: 1, follow: 1, unfollow: 1, ...fatigue }, follow: { base: 0.005 }, unfollow: { perImpression: 0.03 } },
  }, { steps: false });
  /** Sum of a metric over cycles 2 … 4 (the first warms the sell share up). */
  const later = (r: ReturnType<typeof simulate>, k: Summed) => r.accounts[0].cycles.slice(1).reduce((s, c) => s + c[k], 0);

  it('the sell share is a moving average of the account\'s posts that sell', () => {
    const w = internal(createWorld({ ...base, strategy: followBuilding({ postsPerCycle: 6, productEvery: 2 }), behavior: { promotionFatigue: { posts: 4, engage: 0.7 } } }));
    step(w, 48);
    // Every second post sells: the average over a few posts settles near one half.
    expect(Math.abs(w.accounts.sellShare[0] - 0.5)).toBeLessThan(0.2);
    expect(w.accounts.sellShare[1]).toBe(0); // creators never sell
  });

  it('an account that sells in every post gets fewer likes per impression when audiences tire of sales (4 standard errors)', () => {
    const fresh = seller({});
    const tired = seller({ engage: 0.25 });
    const [n1, n2] = [later(fresh, 'impressions'), later(tired, 'impressions')];
    const [r1, r2] = [later(fresh, 'likes') / n1, later(tired, 'likes') / n2];
    expect(later(fresh, 'likes')).toBeGreaterThan(100);
    // Odds × 0.25 at a sell share near 1: the like rate falls to about a quarter; three quarters is far outside the noise.
    expect(r2 + 4 * Math.hypot(se(r1, n1), se(r2, n2))).toBeLessThan(0.75 * r1);
  });

  it('tired audiences follow less and unfollow more', () => {
    const fresh = seller({}, { startingFollowers: 300 });
    const tired = seller({ follow: 0.1, unfollow: 10 }, { startingFollowers: 300 });
    expect(later(fresh, 'follows')).toBeGreaterThan(30);
    expect(later(fresh, 'unfollows')).toBeGreaterThan(30);
    // Poisson counts: the fresh count's 4 standard errors (4√n) are below half of it at these sizes.
    expect(later(tired, 'follows')).toBeLessThan(later(fresh, 'follows') - 4 * Math.sqrt(later(fresh, 'follows')));
    expect(later(tired, 'unfollows')).toBeGreaterThan(later(fresh, 'unfollows') + 4 * Math.sqrt(later(fresh, 'unfollows')));
  });
});

describe('paid targeting', () => {
  const boosted = (targeting: object, extra: ScenarioInput = {}) =>
    simulate({ ...base, startingFollowers: 100, ...extra, strategy: followBuilding({ postsPerCycle: 3, ...targeting }) }, { steps: false });

  it('excluding followers sends no paid impression to a follower (property over seeds)', () => {
    const withFollowers = boosted({});
    expect(total(withFollowers, 'paidToFollowers')).toBeGreaterThan(50);
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
      const r = boosted({ excludeFollowers: true }, { seed, users: 300 });
      return total(r, 'paidToFollowers') === 0 && paid(r) > 0;
    }), { numRuns: 6, seed: 5 });
  });

  /** Every user visits every step, so one user could take a paid impression each step of a cycle. */
  const everyone = { activity: 1, activitySpread: 0 };

  it('a frequency cap bounds paid impressions per user per cycle (property over caps and seeds)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 10_000 }), (cap, seed) => {
      const users = 150;
      const r = boosted({ frequencyCap: cap }, { seed, users, population: everyone });
      // Without the cap this world buys several paid impressions per user per cycle.
      return r.accounts[0].cycles.every((c) => c.impressionsByChannel.paid <= cap * users);
    }), { numRuns: 6, seed: 6 });
    const uncapped = boosted({}, { users: 150, population: everyone });
    expect(uncapped.accounts[0].cycles.some((c) => c.impressionsByChannel.paid > 3 * 150)).toBe(true);
  });

  it('excluding who saw the post: each post\'s paid impressions go to distinct users who had not seen it', () => {
    const r = boosted({ excludeSeen: true }, { users: 300 });
    expect(paid(r)).toBeGreaterThan(100);
    for (const p of r.posts) expect(p.impressionsByChannel.paid).toBeLessThanOrEqual(p.reach);
    const again = boosted({}, { users: 300 });
    expect(again.posts.some((p) => p.impressionsByChannel.paid > p.reach)).toBe(true);
  });

  it('boosting product posts only puts every paid impression on a product post', () => {
    const r = boosted({ boost: 'product' });
    expect(paid(r)).toBeGreaterThan(100);
    for (const p of r.posts) if (p.kind !== 'product') expect(p.impressionsByChannel.paid).toBe(0);
    const all = boosted({});
    expect(all.posts.some((p) => p.kind !== 'product' && p.impressionsByChannel.paid > 0)).toBe(true);
  });

  it('interest targeting reaches more interested users than broad targeting: more clicks per paid impression (4 standard errors)', () => {
    const run = (audience: string) => simulate({ ...base, ...clicky, users: 3000, strategy: likeChasing({ audience } as never) }, { steps: false });
    const rate = (r: ReturnType<typeof run>) => total(r, 'clicks') / total(r, 'productImpressions');
    const interest = run('interest');
    const broad = run('broad');
    const n = total(broad, 'productImpressions');
    expect(rate(interest)).toBeGreaterThan(rate(broad) + 4 * se(rate(broad), n));
  });

  it('refuses targeting values that platforms do not sell, naming the field', () => {
    expect(() => simulate({ ...base, strategy: likeChasing({ audience: 'everyone' } as never) })).toThrow(/audience.*"everyone".*interest, broad/);
    expect(() => simulate({ ...base, strategy: likeChasing({ frequencyCap: 1.5 }) })).toThrow(/frequencyCap.*1\.5.*whole number/);
    expect(() => simulate({ ...base, strategy: script({ posts: [], targeting: { boost: 'some' } as never }) })).toThrow(/targeting\.boost.*"some"/);
  });
});

describe('spillover and re-push switches', () => {
  const focalPosts = (scenario: ScenarioInput) => {
    const w = internal(createWorld({ ...base, ...scenario }));
    const found: Array<{ ranked: number; organic: number; all: number }> = [];
    for (let t = 0; t < 30; t++) {
      step(w, 1);
      for (const rec of w.focalPosts) {
        if (!rec) continue;
        const r = (rec.serial & w.posts.mask) << RECORD_SHIFT;
        const all = rec.impressions.reduce((s, x) => s + x, 0);
        found.push({ ranked: w.posts.counts[r + PF.impressions], organic: all - rec.impressions[3], all });
      }
    }
    return found;
  };

  it('without spillover, the impressions a ranker counts are the organic ones; with it, all of them', () => {
    const off = focalPosts({ feed: { paidSpillover: false } });
    expect(off.some((p) => p.all > p.organic)).toBe(true);
    for (const p of off) expect(p.ranked).toBe(p.organic);
    for (const p of focalPosts({})) expect(p.ranked).toBe(p.all);
  });

  it('without re-push, a post enters its topic\'s pool once, when published', () => {
    const pushes = (engagementRepush: boolean) => {
      const w = internal(createWorld({ ...base, feed: { engagementRepush } }));
      step(w, 36);
      return { pushes: w.topicPools.head.reduce((s, x) => s + x, 0), posts: w.posts.nextSerial };
    };
    const off = pushes(false);
    expect(off.pushes).toBe(off.posts);
    const on = pushes(true);
    expect(on.pushes).toBeGreaterThan(on.posts);
  });
});

describe('money scaled to the world\'s size (economics.referenceUsers)', () => {
  const spend = (users: number, economics: object = {}) => {
    const r = simulate({ seed: 2, users, cycles: 3, economics }, { steps: false });
    const cycles = r.accounts[0].cycles;
    return { perUser: cycles.reduce((s, c) => s + c.cost, 0) / 3 / users, content: cycles.reduce((s, c) => s + c.contentCost, 0) / 3 };
  };

  it('a smaller world is a miniature: the same spend per user, post costs scaled alike', () => {
    // Within 2 % of the planned 100 per 10,000 users a cycle at both sizes (paid inventory scales too).
    for (const users of [3000, 12_000]) expect(Math.abs(spend(users).perUser / 0.01 - 1)).toBeLessThan(0.02);
    // Like-chasing's post (quality 0.5) costs 10 + 40 × 0.25 = 20 at 10,000 users; 6 at 3,000.
    expect(spend(3000).content).toBeCloseTo(6, 9);
  });

  it('referenceUsers 0 takes the amounts as given at any size', () => {
    expect(spend(3000, { referenceUsers: 0, budgetPerCycle: 30 }).content).toBeCloseTo(20, 9);
  });

  it('strategies see the scaled budget and post costs', () => {
    let seen = { budget: 0, cost: 0 };
    const spy = script({ posts: [] });
    const w = createWorld({ users: 2500, cycles: 1, strategy: spy });
    internal(w).focal[0].strategy.plan = (v) => ((seen = { budget: v.budgetPerCycle, cost: v.postCost(1) }), { posts: [], promotion: 0, retarget: false });
    step(w, 1);
    expect(seen).toEqual({ budget: 25, cost: 12.5 });
  });
});
