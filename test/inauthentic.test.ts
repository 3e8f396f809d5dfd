import { describe, expect, it } from 'vitest';
import { createWorld, readPost, ScenarioError, simulate, step, type ScenarioInput } from '../src/index.js';
import { internal } from '../src/engine/world.js';
import { RECORD_SHIFT } from '../src/content/posts.js';

const small: ScenarioInput = { users: 2000, cycles: 3, stepsPerCycle: 12 };

/** Every live post of inauthentic accounts in a world's store. */
function inauthenticPosts(world: ReturnType<typeof createWorld>) {
  const w = internal(world);
  const out = [];
  for (let slot = 0; slot < w.posts.words.length >> RECORD_SHIFT; slot++) {
    const p = readPost(w.posts, slot);
    if (p.serial >= 0 && p.created >= 0 && p.account >= w.accounts.inauthenticFrom) out.push(p);
  }
  return out;
}

describe('inauthentic accounts (docs/model.md §2.7)', () => {
  it('a block of no accounts changes nothing: same streams, same results', () => {
    const off = simulate(small);
    const none = simulate({ ...small, inauthentic: { count: 0, infiltration: 0.5, flooding: 9 } });
    expect(none.scenarioHash).toBe(off.scenarioHash);
    expect(none.accounts).toEqual(off.accounts);
    expect(none.shown).toEqual(off.shown);
    expect(off.shown.inauthenticShare).toBe(0);
  });

  it('infiltration: each is followed by Binomial(users, γ) users from the start', () => {
    const count = 60;
    const gamma = 0.05;
    const w = internal(createWorld({ ...small, inauthentic: { count, infiltration: gamma } }));
    const followers = Array.from({ length: count }, (_, i) => w.accounts.followers[w.accounts.inauthenticFrom + i]);
    const mean = followers.reduce((a, b) => a + b, 0) / count;
    const se = Math.sqrt((2000 * gamma * (1 - gamma)) / count);
    expect(Math.abs(mean - 2000 * gamma)).toBeLessThanOrEqual(4 * se);
    expect(w.accounts.count - w.accounts.inauthenticFrom).toBe(count);
  });

  it('flooding θ publishes θ posts a posting event; they carry the set quality and appeal 1 with probability φ', () => {
    // One posting event a step (24 a day at 1-hour steps) for each of 40 accounts over 3 steps.
    const world = createWorld({ ...small, stepDuration: '1h', inauthentic: { count: 40, postsPerDay: 24, flooding: 3, postQuality: 0.05, deception: 0.5 } });
    step(world, 3);
    const posts = inauthenticPosts(world);
    expect(posts.length).toBe(40 * 3 * 3);
    for (const p of posts) expect(p.quality).toBeCloseTo(0.05, 6);
    const deceptive = posts.filter((p) => p.appeal === 1).length / posts.length;
    // Other appeals are drawn from mean 0.4, sd 0.15 (at most 0.66): 1 only by deception.
    expect(Math.abs(deceptive - 0.5)).toBeLessThanOrEqual(4 * Math.sqrt(0.25 / posts.length));
  });

  it('what users are shown gets worse as infiltration grows', () => {
    const at = (infiltration: number) => simulate({ ...small, inauthentic: { count: 50, infiltration } }).shown;
    const [low, high] = [at(0.005), at(0.05)];
    expect(high.inauthenticShare).toBeGreaterThan(low.inauthenticShare);
    expect(high.meanQuality).toBeLessThan(low.meanQuality);
    expect(low.inauthenticShare).toBeGreaterThan(0);
  });

  it('refuses values out of range, naming the field', () => {
    const bad = (inauthentic: Record<string, number>) => {
      try {
        simulate({ ...small, inauthentic });
      } catch (e) {
        expect(e).toBeInstanceOf(ScenarioError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(bad({ count: 5, infiltration: 2 })).toMatch(/inauthentic\.infiltration.*probability/s);
    expect(bad({ count: 5, flooding: 0 })).toMatch(/inauthentic\.flooding/);
    expect(bad({ count: 65_535 })).toMatch(/inauthentic\.count.*65,535/s);
  });
});
