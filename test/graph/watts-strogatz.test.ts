import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { clusteringCoefficient, edgeCount, wattsStrogatz } from '../../src/graph/index.js';
import { degrees, expectSymmetric, expectValidGraph, row } from './helpers.js';

describe('wattsStrogatz', () => {
  const n = 10_000;
  const k = 10;

  it('rewire = 0 is the ring lattice with clustering 3(k−2)/(4(k−1))', () => {
    const g = wattsStrogatz(n, k, 0, seedrandom('ws-0'));
    expectValidGraph(g);
    expect(row(g, 0)).toEqual([1, 2, 3, 4, 5, 9995, 9996, 9997, 9998, 9999]);
    expect(degrees(g).every((d) => d === k)).toBe(true);
    expect(clusteringCoefficient(g)).toBeCloseTo((3 * (k - 2)) / (4 * (k - 1)), 12);
  });

  it('rewire = 0.1 keeps clustering high and the tie count exact', () => {
    // Theory: C(p) ≈ C(0)(1−p)³ = 0.667 · 0.729 ≈ 0.49.
    const g = wattsStrogatz(n, k, 0.1, seedrandom('ws-1'));
    expectValidGraph(g);
    expectSymmetric(g);
    expect(edgeCount(g)).toBe(n * k);
    expect(clusteringCoefficient(g)).toBeGreaterThan(0.4);
  });

  it('rewire = 1 destroys clustering', () => {
    // Essentially random: C ≈ k/n = 0.001.
    const g = wattsStrogatz(n, k, 1, seedrandom('ws-2'));
    expectValidGraph(g);
    expect(edgeCount(g)).toBe(n * k);
    expect(clusteringCoefficient(g)).toBeLessThan(0.01);
  });

  it('rejects a lattice wider than the ring', () => {
    expect(() => wattsStrogatz(10, 10, 0.1, seedrandom('x'))).toThrow(/below users/);
    expect(edgeCount(wattsStrogatz(11, 10, 1, seedrandom('x')))).toBe(110); // complete: nothing to rewire to
  });
});
