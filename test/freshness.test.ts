import { describe, expect, it } from 'vitest';
import { createWorld, exponentialFreshness, readPost, registerFreshness, simulate, step, stretchedFreshness } from '../src/index.js';
import { tabulateFreshness } from '../src/content/freshness.js';
import { freshnessArena } from './validation/cases.js';

describe('freshness', () => {
  it('a hard lifetime ends impressions exactly', () => {
    const r = simulate(freshnessArena(2000, 5));
    const perStep = r.accounts[0].steps.map((s) => s.impressions);
    for (let t = 8; t < 13; t++) expect(perStep[t]).toBeGreaterThan(0);
    for (let t = 13; t < perStep.length; t++) expect(perStep[t]).toBe(0);
  });

  it('tabulates curves per step, cut at the floor or the lifetime', () => {
    const t = tabulateFreshness(exponentialFreshness(2), 1, 0.01);
    expect(t.values[0]).toBe(1);
    expect(t.values[2]).toBeCloseTo(0.5, 12);
    expect(t.maxAge).toBe(13); // 2^(−13/2) = 0.011 ≥ 0.01 > 2^(−14/2)
    expect(tabulateFreshness(exponentialFreshness(2), 1, 0.01, 3.5).maxAge).toBe(3);
    const s = stretchedFreshness(10, 0.5);
    expect(s(10)).toBeCloseTo(0.5, 12);
    expect(s(40)).toBeGreaterThan(exponentialFreshness(10)(40)); // c < 1: a longer tail
  });
});

describe('custom freshness curves', () => {
  registerFreshness('test-step', (age) => (age < 3 ? 1 : 0.5));

  it('a registered curve is tabulated and used, and a bad one is named', () => {
    const r = simulate({ users: 500, cycles: 1, content: { freshness: { kind: 'custom', name: 'test-step', floor: 0.6 } } });
    expect(r.accounts[0].cycles).toHaveLength(1);
    registerFreshness('test-bad', () => 2);
    expect(() => simulate({ users: 200, cycles: 1, content: { freshness: { kind: 'custom', name: 'test-bad' } } })).toThrow(/"test-bad" returned 2/);
    expect(() => simulate({ users: 200, cycles: 1, content: { freshness: { kind: 'custom', name: 'nope' } } })).toThrow(/not a registered freshness curve/);
  });

  it('posts leave every pool when a custom curve falls below the floor', () => {
    const w = createWorld({ users: 500, cycles: 1, content: { freshness: { kind: 'custom', name: 'test-step', floor: 0.6 } } });
    expect(w.params.maxAge).toBe(2); // ages 0, 1, 2 h are fresh; at 3 h f = 0.5 < 0.6
    step(w, 10);
    for (let s = 0; s <= w.posts.mask; s++) {
      const post = readPost(w.posts, s);
      if (post.serial >= 0) expect(post.expires - post.created).toBeLessThanOrEqual(2);
    }
  });
});
