import { describe, expect, it } from 'vitest';
import { accountWorld } from '../../src/calibrate/account-world.js';
import { exportCsv, followerCsv } from '../../src/calibrate/export-csv.js';
import { readExport, readFollowerCounts, type AnalyticsExport, type ExportPost } from '../../src/calibrate/export.js';
import { simulatedExport } from '../../src/calibrate/simulated-export.js';
import { exportStatistics, followersAt } from '../../src/calibrate/statistics.js';
import { syntheticExport } from '../../src/calibrate/synthetic.js';
import { executeRun } from '../../src/experiment/run.js';
import { ScenarioError } from '../../src/scenario/errors.js';

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 2, 2);
const post = (i: number, fields: Partial<ExportPost>): ExportPost => ({ row: i + 2, published: t0 + i * DAY, kind: 'other', impressions: 1000, likes: 20, ...fields });
const exportOf = (posts: ExportPost[], followers?: AnalyticsExport['followers']): AnalyticsExport => ({ posts, ...(followers ? { followers } : {}), mapping: 'feedsim', missing: {}, notes: [] });

describe('summary statistics of an export', () => {
  it('use only what the export reports, each on the posts that report it', () => {
    const posts = [post(0, { shares: 4 }), post(1, { shares: 6 }), post(2, {}), post(3, { shares: 2 })];
    const s = exportStatistics(exportOf(posts), { followers: 500 });
    // No reach column: no reach per follower. Shares are on 3 of 4 posts: their ratio is over those 3 posts' impressions only.
    expect(s.names).toEqual(['likesPerImpression', 'sharesPerImpression']);
    expect(s.values[1]).toBeCloseTo(Math.log(12.5 / 3001), 12);
    expect(s.posts).toEqual([4, 3]);
  });

  it('take reach per follower from the follower split when there is one, else from all reach, at the follower count of the post’s day', () => {
    const followers = [{ day: t0, followers: 100 }, { day: t0 + 2 * DAY, followers: 400 }];
    const split = [0, 1, 2].map((i) => post(i, { reach: 300, reachFollowers: 40 }));
    const all = [0, 1, 2].map((i) => post(i, { reach: 300 }));
    // Days 0 and 1 read 100 followers, day 2 reads 400.
    expect(exportStatistics(exportOf(split, followers)).values[0]).toBeCloseTo(Math.log(120.5 / 601), 12);
    expect(exportStatistics(exportOf(all, followers)).values[0]).toBeCloseTo(Math.log(900.5 / 601), 12);
    expect(followersAt(exportOf(all, followers), t0 - DAY, 7)).toBe(100);
    expect(followersAt(exportOf(all), t0, 7)).toBe(7);
  });

  it('measure follower growth a day from the first and last counts', () => {
    const e = exportOf([0, 1, 2].map((i) => post(i, {})), [{ day: t0, followers: 1000 }, { day: t0 + 10 * DAY, followers: 1100 }]);
    const s = exportStatistics(e);
    expect(s.values[s.names.indexOf('followerGrowth')]).toBeCloseTo((Math.log(1100.5) - Math.log(1000.5)) / 10, 12);
  });

  it('leave out a statistic of fewer than 10 events, saying why', () => {
    const few = exportOf([0, 1, 2, 3].map((i) => post(i, { shares: 2 })));
    const s = exportStatistics(few);
    expect(s.names).toEqual(['likesPerImpression']);
    expect(s.left).toEqual(['sharesPerImpression is left out: 8 events on 4 posts (a fit needs 3 posts and 10 events)']);
  });

  it('leave out a statistic with fewer than 3 posts, unless a fit asks for it by name (then NaN, a run with nothing to measure)', () => {
    const e = exportOf([post(0, { linkClicks: 30, kind: 'product' }), post(1, {}), post(2, {})]);
    expect(exportStatistics(e, { followers: 10 }).names).not.toContain('clicksPerProductImpression');
    const asked = exportStatistics(exportOf([post(0, {})]), { followers: 10, only: ['clicksPerProductImpression', 'likesPerImpression'] });
    expect(asked.names).toEqual(['clicksPerProductImpression', 'likesPerImpression']);
    expect(asked.values[0]).toBeNaN();
    expect(Number.isFinite(asked.values[1])).toBe(true);
  });
});

describe('a synthetic export', () => {
  const { export: data, world } = syntheticExport({ posts: 24, days: 8, users: 400, followers: 40, seed: 3 });

  it('reads back from its CSV unchanged, with the same statistics', () => {
    const back = readExport(exportCsv(data), { file: 'synthetic.csv' });
    expect(back.posts.map(({ row: _, ...p }) => p)).toEqual(data.posts.map(({ row: _, ...p }) => p));
    const followers = readFollowerCounts(followerCsv(data.followers!), { file: 'followers.csv' });
    expect(followers).toEqual(data.followers);
    const first = exportStatistics(data);
    expect(exportStatistics({ ...back, followers })).toEqual(first);
    // Every statistic is either measured or left out with its reason (too few events in so small an account).
    const all = ['reachPerFollower', 'nonFollowerShare', 'likesPerImpression', 'sharesPerImpression', 'followsPerImpression', 'clicksPerProductImpression', 'followerGrowth'];
    expect(all.filter((n) => !first.names.includes(n))).toEqual(all.filter((n) => first.left.some((l) => l.startsWith(`${n} is left out`))));
    expect(first.names).toContain('likesPerImpression');
  });

  it('is a run of its world: its posts are the world’s posts, every third a product post', () => {
    expect(world.posts).toBe(24);
    expect(data.posts.length).toBe(24);
    expect(data.posts.filter((p) => p.kind === 'product').length).toBe(8);
    for (const p of data.posts) {
      expect(p.reach!).toBeLessThanOrEqual(p.impressions);
      expect(p.reachFollowers! + p.reachNonFollowers!).toBe(p.reach);
    }
  });
});

describe('the world a fit simulates', () => {
  const posts = Array.from({ length: 40 }, (_, i) => post(i, { kind: i % 4 === 0 ? 'product' : 'other' }));

  it('replays the export’s posts at their steps within the window, its followers matched per capita', () => {
    const w = accountWorld(exportOf(posts), { users: 1000, followers: 20_000, days: 10 });
    expect(w.posts).toBe(10);
    expect(w.startingFollowers).toBe(50);
    expect(w.notes.join(' ')).toMatch(/20,000 followers are 50 in the 1,000-user world/);
    expect(w.notes.join(' ')).toMatch(/10 of the export's 40 posts/);
    const script = (w.strategy.params as { posts: Array<{ step: number; kind: string }> }).posts;
    // Facebook's half-hour steps: a day is 48 steps.
    // After a warm-up day (48 steps) that fills the feeds before the first post.
    expect(script.map((p) => p.step)).toEqual(Array.from({ length: 10 }, (_, i) => 48 + i * 48));
    expect(script[0].kind).toBe('product');
    expect(script[1].kind).toBe('organic');
  });

  it('refuses what it cannot simulate, naming each field', () => {
    const bad = () => accountWorld(exportOf(posts), { users: 5, followerShare: 2 });
    expect(bad).toThrow(ScenarioError);
    expect(bad).toThrow(/users[\s\S]*followerShare[\s\S]*followers/);
  });

  it('gives each simulated post the fields its counterpart in the real export reports', () => {
    const real = posts.slice(0, 6).map((p, i) => (i % 2 === 0 ? { ...p, shares: 1 } : p));
    const w = accountWorld(exportOf(real), { users: 300, followers: 30 });
    const run = executeRun({ id: 'x', label: 'a', scenario: w.scenario, strategy: w.strategy, replicate: 0, seed: 2 }, true);
    const sim = simulatedExport(run, w);
    expect(sim.posts.length).toBe(6);
    sim.posts.forEach((p, i) => expect(Object.keys(p).sort()).toEqual(['impressions', 'kind', 'likes', 'published', 'row', ...(i % 2 === 0 ? ['shares'] : [])]));
    // The posts are where the export put them, after the warm-up day.
    expect(sim.posts.map((p) => p.published)).toEqual(real.map((p) => p.published));
    // No follower series in the export: none in the simulated one.
    expect(sim.followers).toBeUndefined();
  });

  it('measures a simulated account exactly as its export: same run, same statistics', () => {
    const { export: data, world } = syntheticExport({ posts: 12, days: 6, users: 400, followers: 30, seed: 9 });
    const run = executeRun({ id: 'x', label: 'a', scenario: world.scenario, strategy: world.strategy, replicate: 0, seed: 9 }, true);
    const again = simulatedExport(run, world);
    const days = (f: AnalyticsExport) => f.followers!.map((c) => ({ day: Math.floor(c.day / DAY) * DAY, followers: c.followers }));
    expect(exportStatistics({ ...again, followers: days(again) })).toEqual(exportStatistics(data));
  });
});
