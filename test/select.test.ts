import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { deterministicKeys, sampleWithoutReplacement, topK } from '../src/feed/select.js';
import { createXor128, seedXor128 } from '../src/rng.js';

describe('top-K selection', () => {
  it('returns the k largest in descending order, skipping scores ≤ 0', () => {
    const rand = seedrandom('topk');
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rand() * 40);
      const k = 1 + Math.floor(rand() * 12);
      const scores = Float64Array.from({ length: n }, () => (rand() < 0.2 ? 0 : rand()));
      const expected = [...scores.keys()].filter((i) => scores[i] > 0).sort((a, b) => scores[b] - scores[a] || a - b).slice(0, k);
      deterministicKeys(scores, n);
      const out = new Int32Array(n);
      const m = topK(scores, n, k, out);
      expect(Array.from(out.slice(0, m))).toEqual(expected);
    }
  });

  it('Gumbel-top-K draws an ordered pair with the Plackett–Luce probability of score^(1/temperature)', () => {
    const rng = seedXor128(createXor128(), 'gumbel');
    const base = [1, 2, 3, 4];
    for (const temperature of [1, 0.5]) {
      const w = base.map((s) => s ** (1 / temperature));
      const total = w.reduce((a, b) => a + b, 0);
      const trials = 60_000;
      const counts = new Map<string, number>();
      const weights = new Float64Array(4);
      const out = new Int32Array(4);
      for (let t = 0; t < trials; t++) {
        weights.set(base);
        expect(sampleWithoutReplacement(weights, 4, 2, temperature, rng, out)).toBe(2);
        const key = `${out[0]},${out[1]}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < 4; j++) {
          if (i === j) continue;
          const p = (w[i] / total) * (w[j] / (total - w[i]));
          const observed = (counts.get(`${i},${j}`) ?? 0) / trials;
          expect(Math.abs(observed - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / trials));
        }
      }
    }
  });

  it('Gumbel-top-K never picks a score ≤ 0, survives extreme scores and temperatures, and fills the room', () => {
    const rng = seedXor128(createXor128(), 'edges');
    const out = new Int32Array(6);
    // Huge scores: no sum overflows; all positive items are drawn once each.
    let weights = Float64Array.from([1e308, 0, 1.7e308, -3, 1e300, 5]);
    let m = sampleWithoutReplacement(weights, 6, 6, 1, rng, out);
    expect(Array.from(out.slice(0, m)).sort()).toEqual([0, 2, 4, 5]);
    // A very low temperature: the largest first, items whose power underflows still fill the room.
    weights = Float64Array.from([0.5, 1e-9, 1, 0, 1e-12]);
    m = sampleWithoutReplacement(weights, 5, 5, 0.001, rng, out);
    expect(Array.from(out.slice(0, m))).toEqual([2, 0, 1, 4]);
    // Underflowed items with no gap before them (no score ≤ 0): each appears once, in index order.
    weights = Float64Array.from([1, 1e-9, 1e-12]);
    m = sampleWithoutReplacement(weights, 3, 3, 0.001, rng, out);
    expect(Array.from(out.slice(0, m))).toEqual([0, 1, 2]);
    weights = Float64Array.from([1e-12, 1, 1e-9, 1e-20, 0.5]);
    m = sampleWithoutReplacement(weights, 5, 4, 0.001, rng, out);
    expect(Array.from(out.slice(0, m))).toEqual([1, 4, 0, 2]);
    // A temperature so low that 1/temperature overflows: the largest still comes first.
    weights = Float64Array.from([0.2, 0.9, 0.5]);
    m = sampleWithoutReplacement(weights, 3, 3, 1e-310, rng, out);
    expect(Array.from(out.slice(0, m))).toEqual([1, 0, 2]);
    // k smaller than the positive items: exactly k distinct picks.
    for (let t = 0; t < 100; t++) {
      weights = Float64Array.from([3, 1, 4, 1, 5, 9]);
      m = sampleWithoutReplacement(weights, 6, 3, 1, rng, out);
      expect(m).toBe(3);
      expect(new Set(out.slice(0, 3)).size).toBe(3);
    }
  });
});
