import { describe, expect, it } from 'vitest';
import { crossover, kaplanMeierMedian, replicateCrossover } from '../src/experiment/crossover.js';
import { tInterval } from '../src/experiment/intervals.js';

describe('per-replicate crossover', () => {
  it('is the first cycle from which the difference stays positive', () => {
    expect(replicateCrossover([-3, -1, 2, 4])).toBe(3);
    expect(replicateCrossover([-3, 1, -1, 2, 4])).toBe(4); // dips back below: the later cycle counts
    expect(replicateCrossover([1, 2, 3])).toBe(1);
    expect(replicateCrossover([1, 2, 0])).toBeNull(); // not ahead at the end: censored
    expect(replicateCrossover([-1, -2])).toBeNull();
  });
});

describe('Kaplan–Meier median', () => {
  it('matches a hand computation with censoring', () => {
    // Times 2, 3, 3, censored, censored (n = 5): S(2) = 4/5, S(3) = 4/5 · 2/4 = 0.4 ≤ ½ → 3.
    expect(kaplanMeierMedian([2, 3, 3, null, null], 10)).toBe(3);
    // Only 2 of 5 cross: S stays at 3/5 > ½ → undefined.
    expect(kaplanMeierMedian([4, 6, null, null, null], 10)).toBeNull();
    expect(kaplanMeierMedian([5, 1, 3, 2], 10)).toBe(2); // no censoring: S(2) = 0.5
  });
});

describe('population crossover', () => {
  const make = (rows: number[][]) => {
    const C = rows[0].length;
    const intervals = Array.from({ length: C }, (_, c) => tInterval(rows.map((r) => r[c])));
    return crossover('follow', 'like', rows, intervals);
  };

  it('is where the lower bound of the mean difference stays above zero', () => {
    const rows = [
      [-5, -2, 0.2, 5, 9],
      [-4, -1, 2, 6, 10],
      [-6, -3, 0.1, 4, 8],
      [-5, -2, 1.5, 5, 11],
    ];
    const x = make(rows);
    expect(x.perReplicate).toEqual([3, 3, 3, 3]);
    expect(x.censoredFraction).toBe(0);
    expect(x.estimate).toBe(3);
    expect(x.population).toBe(4); // cycle 3: mean 0.95, t-interval ≈ [−0.51, 2.41] still includes 0
    expect(x.earliest).toBeLessThanOrEqual(3);
    expect(x.summary).toMatch(/overtakes like for good from cycle 3/);
  });

  it('says so clearly when there is no crossover', () => {
    const x = make([
      [-1, -2, -3],
      [-2, -2, -4],
      [-1, -3, -2],
    ]);
    expect(x.population).toBeNull();
    expect(x.censoredFraction).toBe(1);
    expect(x.summary).toMatch(/^No crossover within 3 cycles/);
  });
});
