import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { deterministicKeys, raceKeys, topK } from '../src/feed/select.js';
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

  it('Gumbel-top-1 picks each item with probability ∝ score^(1/temperature)', () => {
    const rng = seedXor128(createXor128(), 'gumbel');
    const base = [1, 2, 3, 4];
    for (const temperature of [1, 0.5]) {
      const weights = base.map((s) => s ** (1 / temperature));
      const total = weights.reduce((a, b) => a + b, 0);
      const counts = [0, 0, 0, 0];
      const trials = 40_000;
      const keys = new Float64Array(4);
      const out = new Int32Array(1);
      for (let i = 0; i < trials; i++) {
        keys.set(base);
        raceKeys(keys, 4, temperature, rng);
        topK(keys, 4, 1, out);
        counts[out[0]]++;
      }
      weights.forEach((w, i) => {
        const p = w / total;
        expect(Math.abs(counts[i] / trials - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / trials));
      });
    }
  });
});
