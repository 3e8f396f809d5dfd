import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { degreeStats, edgeCount, erdosRenyi, meanDegree } from '../../src/graph/index.js';
import { expectValidGraph } from './helpers.js';

describe('erdosRenyi', () => {
  const n = 20_000;
  const c = 10;
  const p = c / (n - 1);
  const g = erdosRenyi(n, c, seedrandom('er-1'));

  it('has no self-loops or duplicate edges', () => {
    expectValidGraph(g);
  });

  it('hits the target mean degree within 4 standard errors', () => {
    // E ~ Binomial(n(n−1), p), so mean degree E/n has variance n(n−1)p(1−p)/n² = c(1−p)/n
    // and SE = √(c(1−p)/n) ≈ 0.022 here.
    const se = Math.sqrt((c * (1 - p)) / n);
    expect(Math.abs(meanDegree(g) - c)).toBeLessThan(4 * se);
  });

  it('has the Poisson degree variance of independent edges', () => {
    // Out-degrees are Binomial(n−1, p) ≈ Poisson(c): variance c(1−p). The sample variance has
    // SE ≈ √((μ₄ − σ⁴)/n) with μ₄ = c + 3c² for a Poisson, i.e. √((2c² + c)/n) ≈ 0.10.
    const se = Math.sqrt((2 * c * c + c) / n);
    expect(Math.abs(degreeStats(g).variance - c * (1 - p))).toBeLessThan(4 * se);
  });

  it('covers the extremes exactly and is reproducible from the seed', () => {
    expect(edgeCount(erdosRenyi(50, 0, seedrandom('x')))).toBe(0);
    const complete = erdosRenyi(50, 49, seedrandom('x'));
    expectValidGraph(complete);
    expect(edgeCount(complete)).toBe(50 * 49);
    expect(erdosRenyi(1, 0, seedrandom('x')).users).toBe(1);
    expect(erdosRenyi(2000, 5, seedrandom('same'))).toEqual(erdosRenyi(2000, 5, seedrandom('same')));
    expect(() => erdosRenyi(10, 10, seedrandom('x'))).toThrow(/meanDegree/);
  });
});
