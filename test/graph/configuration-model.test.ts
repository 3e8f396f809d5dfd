import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { configurationModel, edgeCount, powerLawDegrees } from '../../src/graph/index.js';
import { degrees, expectSymmetric, expectValidGraph } from './helpers.js';

describe('powerLawDegrees', () => {
  const n = 50_000;
  const alpha = 2.5;
  const kMin = 2;
  const kMax = 200;
  const deg = powerLawDegrees(n, alpha, kMin, kMax, seedrandom('pl-1'));
  let z = 0;
  for (let k = kMin; k <= kMax; k++) z += k ** -alpha;
  const pmf = (k: number): number => k ** -alpha / z;

  it('stays in range with an even total', () => {
    let sum = 0;
    for (const d of deg) sum += d;
    expect(sum % 2).toBe(0);
    expect(Math.min(...deg)).toBeGreaterThanOrEqual(kMin);
    expect(Math.max(...deg)).toBeLessThanOrEqual(kMax);
  });

  it('matches the truncated power law, head and tail', () => {
    // Each count is Binomial(n, P): the frequency has SE √(P(1−P)/n); check within 4 SE.
    const check = (lo: number, hi: number): void => {
      let prob = 0;
      for (let k = lo; k <= hi; k++) prob += pmf(k);
      const freq = deg.filter((d) => d >= lo && d <= hi).length / n;
      expect(Math.abs(freq - prob)).toBeLessThan(4 * Math.sqrt((prob * (1 - prob)) / n));
    };
    check(2, 2);
    check(3, 3);
    check(5, 9);
    check(10, 49);
    check(50, 200);
  });

  it('is heavy-tailed', () => {
    const mean = deg.reduce((a, b) => a + b, 0) / n;
    expect(Math.max(...deg)).toBeGreaterThan(20 * mean);
  });
});

describe('configurationModel', () => {
  it('realises the requested degrees up to the few loops and repeats it drops', () => {
    const n = 20_000;
    const want = powerLawDegrees(n, 2.5, 2, 140, seedrandom('cm-degrees'));
    const g = configurationModel(want, seedrandom('cm-1'));
    expectValidGraph(g);
    expectSymmetric(g);
    const got = degrees(g);
    let stubs = 0;
    let pairs = 0;
    for (let u = 0; u < n; u++) {
      expect(got[u]).toBeLessThanOrEqual(want[u]);
      stubs += want[u];
      pairs += want[u] * (want[u] - 1);
    }
    // With q = Σk(k−1)/Σk, a uniform stub matching has on average q/2 self-loops (k(k−1)/2 stub pairs
    // per user, each matched with probability 1/(S−1)) and q²/4 extra parallel ties (for users i, j:
    // k_i(k_i−1)k_j(k_j−1)/(2S²), summed over unordered pairs). Each loses one tie (at most), and the
    // losses are close to Poisson, so allow the mean + 4√mean.
    const q = pairs / stubs;
    const expectedLost = q / 2 + (q * q) / 4;
    const lost = (stubs - edgeCount(g)) / 2;
    expect(lost).toBeLessThanOrEqual(expectedLost + 4 * Math.sqrt(expectedLost));
    expect(lost / (stubs / 2)).toBeLessThan(0.005);
  });

  it('is exact on simple sequences and validates input', () => {
    const ring = configurationModel(new Int32Array(1000).fill(2), seedrandom('x'));
    expect(edgeCount(ring)).toBeGreaterThan(1990);
    expect(edgeCount(configurationModel([1, 1], seedrandom('x')))).toBe(2);
    expect(() => configurationModel([1, 2], seedrandom('x'))).toThrow(/even/);
    expect(() => configurationModel([1, -1], seedrandom('x'))).toThrow(/degrees\[1\]/);
  });
});
