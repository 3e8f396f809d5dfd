import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { edgeCount, meanDegree, stochasticBlockModel, type SocialGraph } from '../../src/graph/index.js';
import { expectValidGraph } from './helpers.js';

function withinFraction(g: SocialGraph, blocks: Int32Array): number {
  let within = 0;
  for (let u = 0; u < g.users; u++) {
    for (let i = g.offsets[u]; i < g.offsets[u + 1]; i++) if (blocks[g.followers[i]] === blocks[u]) within++;
  }
  return within / edgeCount(g);
}

describe('stochasticBlockModel', () => {
  const n = 20_000;
  const c = 10;
  // Five blocks of unequal sizes (roughly 45%, 19%, 15%, 12%, 9%).
  const pick = seedrandom('sbm-blocks');
  const blocks = Int32Array.from({ length: n }, () => Math.floor(pick() ** 2 * 5));

  for (const h of [0.2, 0.8, 0.95]) {
    it(`keeps a fraction ${h} of edges within blocks`, () => {
      const g = stochasticBlockModel(n, blocks, c, h, seedrandom(`sbm-${h}`));
      expectValidGraph(g);
      // Given the edge count E, each edge is within-block with probability h (both sides are sums of
      // near-Poisson counts), so the within fraction has SE √(h(1−h)/E) ≈ 0.0009 at h = 0.8.
      const se = Math.sqrt((h * (1 - h)) / edgeCount(g));
      expect(Math.abs(withinFraction(g, blocks) - h)).toBeLessThan(4 * se);
      // Total edges ≈ Poisson(nc): the mean degree has SE √(c/n).
      expect(Math.abs(meanDegree(g) - c)).toBeLessThan(4 * Math.sqrt(c / n));
    });
  }

  it('handles the extremes of homophily', () => {
    const all = stochasticBlockModel(2000, blocks.subarray(0, 2000), 5, 1, seedrandom('x'));
    expect(withinFraction(all, blocks)).toBe(1);
    const none = stochasticBlockModel(2000, blocks.subarray(0, 2000), 5, 0, seedrandom('x'));
    expect(withinFraction(none, blocks)).toBe(0);
  });

  it('accepts any array-like block column, e.g. a Uint8Array', () => {
    const small = Uint8Array.from(blocks.subarray(0, 2000));
    expect(stochasticBlockModel(2000, small, 5, 0.7, seedrandom('u8'))).toEqual(
      stochasticBlockModel(2000, blocks.subarray(0, 2000), 5, 0.7, seedrandom('u8')),
    );
  });

  it('validates its inputs', () => {
    expect(() => stochasticBlockModel(3, [0, 1], 1, 0.5, seedrandom('x'))).toThrow(/one block per user/);
    expect(() => stochasticBlockModel(2, [0, -1], 1, 0.5, seedrandom('x'))).toThrow(/blocks\[1\]/);
    expect(() => stochasticBlockModel(2, [0, 1], 1, 1.5, seedrandom('x'))).toThrow(/homophily/);
  });
});
