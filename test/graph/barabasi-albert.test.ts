import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { barabasiAlbert, degreeStats, meanDegree } from '../../src/graph/index.js';
import { ccdfSlope, degrees, expectSymmetric, expectValidGraph } from './helpers.js';

describe('barabasiAlbert', () => {
  const n = 20_000;
  const target = 10;
  const m = 5;
  const g = barabasiAlbert(n, target, seedrandom('ba-1'));

  it('stores each tie as two directed edges with no loops or duplicates', () => {
    expectValidGraph(g);
    expectSymmetric(g);
  });

  it('has mean degree 2m − m(m+1)/n ≈ target', () => {
    // The seed clique of m+1 users has m(m+1)/2 ties and every later user adds exactly m, so the
    // mean is deterministic.
    expect(meanDegree(g)).toBeCloseTo(2 * m - (m * (m + 1)) / n, 12);
    expect(Math.abs(meanDegree(g) - target)).toBeLessThan(0.01);
    // Every user has at least m ties.
    expect(Math.min(...degrees(g))).toBe(m);
  });

  it('is heavy-tailed: hubs far above the mean', () => {
    // The oldest hubs grow like m√(t), ≈ 700 at n = 20k; a Poisson graph's max would be ~25.
    expect(degreeStats(g).max).toBeGreaterThan(10 * target);
  });

  it('has a power-law tail with exponent ≈ 3', () => {
    // The BA degree distribution is P(k) = 2m(m+1)/(k(k+1)(k+2)), so the CCDF is
    // m(m+1)/(k(k+1)) whose log-log slope tends to −2, i.e. P(k) ~ k^−3. A CCDF fit from k = 2m up
    // to the last k reached by ≥ 50 users gives slopes within ±0.05 of −1.95 across seeds, so
    // 3 ± 0.6 on α = 1 − slope leaves a wide margin while still rejecting exponential tails.
    const alpha = 1 - ccdfSlope(degrees(g), 2 * m, 50);
    expect(alpha).toBeGreaterThan(2.4);
    expect(alpha).toBeLessThan(3.6);
  });

  it('handles tiny graphs and odd targets', () => {
    const tiny = barabasiAlbert(3, 10, seedrandom('x')); // fewer users than the seed clique
    expectValidGraph(tiny);
    expect(meanDegree(tiny)).toBe(2);
    const odd = barabasiAlbert(1000, 3, seedrandom('x')); // m = round(1.5) = 2
    expect(Math.min(...degrees(odd))).toBe(2);
    expect(() => barabasiAlbert(10, 0, seedrandom('x'))).toThrow(/meanDegree/);
  });
});
