import { describe, expect, it } from 'vitest';
import { problemPaths } from '../helpers/problem-paths.js';
import { joeKuoRow } from '../../src/sensitivity/joe-kuo.js';
import { SOBOL_MAX_DIMS, sobolSequence } from '../../src/sensitivity/sobol-sequence.js';
import { createXor128, nextFloat, seedXor128 } from '../../src/rng.js';

/** Coordinate d of every point, as a plain array. */
function column(points: Float64Array, dims: number, d: number): number[] {
  return Array.from({ length: points.length / dims }, (_, i) => points[i * dims + d]);
}

/**
 * Exact star discrepancy of n points in [0, 1)²: sup over anchored boxes [0, u) × [0, v) of
 * |#inside / n − uv|. The sup is reached with u, v among the coordinates and 1: closed boxes at
 * the points give the "too many" side, open boxes the "too few" side (Niederreiter 1992, §2.1).
 * O(n³), fine for n = 256.
 */
function starDiscrepancy2D(xs: number[], ys: number[]): number {
  const n = xs.length;
  const us = [...xs, 1];
  const vs = [...ys, 1];
  let worst = 0;
  for (const u of us) {
    for (const v of vs) {
      let closed = 0;
      let open = 0;
      for (let p = 0; p < n; p++) {
        if (xs[p] <= u && ys[p] <= v) closed++;
        if (xs[p] < u && ys[p] < v) open++;
      }
      worst = Math.max(worst, closed / n - u * v, u * v - open / n);
    }
  }
  return worst;
}

describe('Sobol sequence', () => {
  it('the first 16 points of dimensions 1–4 are the published ones (derived by hand from Joe–Kuo)', () => {
    // Joe & Kuo new-joe-kuo-6.21201: dim 1 all m_j = 1; dim 2 "2 1 0 1" (s=1, a=0, m=1);
    // dim 3 "3 2 1 1 3" (s=2, a=1, m=1,3); dim 4 "4 3 1 1 3 1" (s=3, a=1, m=1,3,1).
    // m_j past s from m_j = 2a_1 m_(j-1) ⊕ … ⊕ 2^s m_(j-s) ⊕ m_(j-s):
    //   dim 2 (x + 1):         m = 1, 3, 5, 15   (m_3 = 2·3 ⊕ 3, m_4 = 2·5 ⊕ 5)
    //   dim 3 (x² + x + 1):    m = 1, 3, 3, 9    (m_3 = 2·3 ⊕ 4·1 ⊕ 1, m_4 = 2·3 ⊕ 4·3 ⊕ 3)
    //   dim 4 (x³ + x + 1):    m = 1, 3, 1, 5    (m_4 = 4·3 ⊕ 8·1 ⊕ 1)
    // In sixteenths v_j = m_j·2^(4−j): dim 1 (8, 4, 2, 1), dim 2 (8, 12, 10, 15), dim 3
    // (8, 12, 6, 9), dim 4 (8, 12, 2, 5). Point k is the xor of v_(j+1) over the bits j of the Gray
    // code k ⊕ ⌊k/2⌋ = 0, 1, 3, 2, 6, 7, 5, 4, 12, 13, 15, 14, 10, 11, 9, 8; e.g. dim 3, k = 4
    // (Gray 110): 12 ⊕ 6 = 10. These equal scipy.stats.qmc.Sobol(d=4, scramble=False).random(16)·16.
    const sixteenths = [
      [0, 8, 12, 4, 6, 14, 10, 2, 3, 11, 15, 7, 5, 13, 9, 1],
      [0, 8, 4, 12, 6, 14, 2, 10, 5, 13, 1, 9, 3, 11, 7, 15],
      [0, 8, 4, 12, 10, 2, 14, 6, 15, 7, 11, 3, 5, 13, 1, 9],
      [0, 8, 4, 12, 14, 6, 10, 2, 7, 15, 3, 11, 9, 1, 13, 5],
    ];
    const x = sobolSequence(16, 4);
    for (let d = 0; d < 4; d++) expect(column(x, 4, d), `dimension ${d + 1}`).toEqual(sixteenths[d].map((s) => s / 16));
  });

  it('direction integers m_1 … m_16 of dimensions up to 256 match scipy (an independent implementation)', () => {
    // Point 2^j − 1 has Gray code 2^(j−1), so it is v_j itself and m_j = x·2^j. Reference:
    // x = scipy.stats.qmc.Sobol(d=256, scramble=False, bits=32).random(2**16);
    // [int(x[2**j - 1, d - 1] * 2**j) for j in range(1, 17)] (scipy 1.17). The first s of each
    // row are the table's m_i; the rest test the recurrence with the polynomial's a.
    const reference: Array<[number, number[]]> = [
      [5, [1, 1, 1, 11, 31, 55, 61, 157, 181, 191, 1291, 3851, 6993, 7153, 16561, 16571]],
      [8, [1, 1, 5, 5, 17, 9, 9, 45, 237, 633, 65, 1601, 5701, 8005, 32593, 47689]],
      [16, [1, 3, 1, 13, 27, 49, 35, 133, 331, 475, 1389, 1707, 1461, 10927, 1749, 31409]],
      [32, [1, 3, 7, 3, 13, 59, 17, 43, 109, 629, 849, 359, 2493, 3267, 18869, 33359]],
      [33, [1, 3, 1, 3, 5, 53, 69, 255, 265, 463, 153, 3115, 8039, 3463, 8205, 57519]],
      [50, [1, 1, 1, 3, 23, 43, 57, 177, 7, 843, 1547, 2489, 2505, 733, 17191, 16139]],
      [64, [1, 1, 3, 13, 25, 47, 39, 87, 257, 41, 2025, 2267, 8181, 10657, 2183, 19423]],
      [100, [1, 1, 5, 5, 11, 5, 45, 117, 217, 543, 1763, 3943, 6511, 4833, 26931, 30983]],
      [128, [1, 3, 3, 7, 5, 41, 127, 61, 261, 717, 45, 1071, 2095, 10403, 12721, 15757]],
      [200, [1, 3, 1, 3, 29, 25, 21, 155, 11, 191, 197, 3401, 3115, 12985, 12283, 2933]],
      [256, [1, 1, 1, 5, 19, 3, 53, 133, 97, 863, 983, 2511, 1663, 10655, 2203, 9221]],
    ];
    for (const [d, m] of reference) {
      const got = m.map((_, i) => sobolSequence(1, d, 2 ** (i + 1) - 1)[d - 1] * 2 ** (i + 1));
      expect(got, `dimension ${d}`).toEqual(m);
      expect(joeKuoRow(d).m, `dimension ${d}: table row`).toEqual(m.slice(0, joeKuoRow(d).s));
    }
  });

  it('every coordinate of the first 2^m points, and of any later block of 2^m, is a (0, m)-net in 1-D', () => {
    for (const [m, skip] of [[4, 0], [10, 0], [10, 5 * 1024], [12, 2 ** 31]] as const) {
      const n = 2 ** m;
      const x = sobolSequence(n, SOBOL_MAX_DIMS, skip);
      for (let d = 0; d < SOBOL_MAX_DIMS; d++) {
        const hits = new Uint8Array(n);
        for (let i = 0; i < n; i++) hits[Math.floor(x[i * SOBOL_MAX_DIMS + d] * n)]++;
        const bad = hits.findIndex((h) => h !== 1);
        expect(bad, `m=${m}, skip=${skip}, dimension ${d + 1}: interval ${bad}`).toBe(-1);
      }
    }
  });

  it('dimensions 1–2 of the first 256 points are a (0, 8, 2)-net: one point in every elementary box of area 1/256', () => {
    const x = sobolSequence(256, 2);
    for (let p = 0; p <= 8; p++) {
      // Boxes [i/2^p, (i+1)/2^p) × [j/2^(8−p), (j+1)/2^(8−p)).
      const hits = new Uint16Array(256);
      for (let i = 0; i < 256; i++) hits[Math.floor(x[2 * i] * 2 ** p) * 2 ** (8 - p) + Math.floor(x[2 * i + 1] * 2 ** (8 - p))]++;
      expect(hits.every((h) => h === 1), `boxes 2^-${p} × 2^-${8 - p}`).toBe(true);
    }
  });

  it('the 2-D star discrepancy of the first 256 points is below that of each of 10 seeded uniform samples', () => {
    // The star discrepancy helper, on one point at (½, ½): max(1 − ¼, ½, ½) = ¾.
    expect(starDiscrepancy2D([0.5], [0.5])).toBe(0.75);
    const n = 256;
    const rng = seedXor128(createXor128(), 'star-discrepancy');
    const random = Array.from({ length: 10 }, () => {
      const xs = Array.from({ length: n }, () => nextFloat(rng));
      const ys = Array.from({ length: n }, () => nextFloat(rng));
      return starDiscrepancy2D(xs, ys);
    });
    // Uniform points: D* ≈ 1.2/√n ≈ 0.075 at n = 256 (Kolmogorov-like); a (0, 8, 2)-net has
    // D* = O(log n / n). Not so for every pair at this n: dimensions 63–64 (polynomials of degree
    // 9) have D* = 0.070 at n = 256, inside the random range; their projection needs more points.
    const sobol = sobolSequence(n, 4);
    for (const [d1, d2] of [[0, 1], [2, 3]]) {
      const d = starDiscrepancy2D(column(sobol, 4, d1), column(sobol, 4, d2));
      expect(d, `dimensions ${d1 + 1}, ${d2 + 1} vs random ${random.map((r) => r.toFixed(3)).join(' ')}`).toBeLessThan(Math.min(...random));
    }
  });

  it('skip starts the sequence later: the same points as a longer run from 0', () => {
    const all = sobolSequence(300, 7);
    expect(Array.from(sobolSequence(100, 7, 200))).toEqual(Array.from(all.subarray(200 * 7)));
    expect(sobolSequence(0, 3).length).toBe(0);
    // The last point of the sequence, 2^32 − 1, is reachable and within [0, 1).
    const last = sobolSequence(1, SOBOL_MAX_DIMS, 2 ** 32 - 1);
    expect(last.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('rejects bad arguments with a ScenarioError naming each', () => {
    expect(problemPaths(() => sobolSequence(4, SOBOL_MAX_DIMS + 1))).toEqual(['dims']);
    expect(problemPaths(() => sobolSequence(4, 0))).toEqual(['dims']);
    expect(problemPaths(() => sobolSequence(-1, 2))).toEqual(['n']);
    expect(problemPaths(() => sobolSequence(2.5, 1.5, -3))).toEqual(['dims', 'n', 'skip']);
    expect(problemPaths(() => sobolSequence(Number.NaN, 2))).toEqual(['n']);
    expect(problemPaths(() => sobolSequence(2, 2, 2 ** 32 - 1))).toEqual(['n']);
    expect(problemPaths(() => sobolSequence(2 ** 24, 64))).toEqual(['n']);
    expect(() => sobolSequence(4, 300)).toThrow(`dims: 300 — must be a whole number from 1 to ${SOBOL_MAX_DIMS}`);
  });
});
