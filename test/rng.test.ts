import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createXor128, deriveSeed, hashKey, nextFloat, nextInt32, seedKeyed, seedXor128 } from '../src/rng.js';

describe('xor128 port', () => {
  it.each([0x1234, -7, 2 ** 31 - 1, 'hello', 'feedsim|42|activity', ''])('emits seedrandom.xor128(%s) draw for draw', (seed) => {
    const ref = seedrandom.xor128(seed as string);
    const s = seedXor128(createXor128(), seed);
    for (let i = 0; i < 10_000; i++) {
      if (i % 2) expect(nextInt32(s)).toBe(ref.int32());
      else expect(nextFloat(s)).toBe(ref());
    }
  });

  it('keyed streams equal seedrandom.xor128(hashKey(key, a, b))', () => {
    for (const [k, a, b] of [[1, 2, 3], [-99, 0, 0], [123456789, 999_999, 17]]) {
      const ref = seedrandom.xor128(hashKey(k, a, b) as unknown as string);
      const s = seedKeyed(createXor128(), k, a, b);
      for (let i = 0; i < 1000; i++) expect(nextFloat(s)).toBe(ref());
    }
  });

  it('keyed seeding by byte tables equals 64 discarded steps for seeds across all bytes', () => {
    const ref = createXor128();
    const s = createXor128();
    for (let i = 0; i < 20_000; i++) {
      const [k, a, b] = [i * 2654435761, i % 977, i >> 3];
      seedXor128(ref, hashKey(k, a, b));
      seedKeyed(s, k, a, b);
      expect([s.x, s.y, s.z, s.w]).toEqual([ref.x, ref.y, ref.z, ref.w]);
    }
  });

  it('keyed streams are distinct and never degenerate', () => {
    const seen = new Set<number>();
    for (let u = 0; u < 2000; u++) {
      const h = hashKey(7, u, 3);
      expect(h).not.toBe(0);
      seen.add(h);
    }
    expect(seen.size).toBe(2000);
  });

  it('uniform draws have mean 1/2 and variance 1/12 within 4 SE', () => {
    const s = seedXor128(createXor128(), 'uniformity');
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = nextFloat(s);
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
      sq += x * x;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    // Var(x²) for U(0,1) is 4/45; the variance estimate's SE follows from it.
    expect(Math.abs(sq / n - mean * mean - 1 / 12)).toBeLessThan(4 * Math.sqrt(4 / 45 / n));
  });

  it('deriveSeed uses seedrandom (ARC4) on the joined parts and separates parts', () => {
    expect(deriveSeed(1, 'a', 2)).toBe(seedrandom('1\u241fa\u241f2').int32() | 0);
    expect(deriveSeed(1, 'ab', 2)).not.toBe(deriveSeed(1, 'a', 'b2'));
  });
});
