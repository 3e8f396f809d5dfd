import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  clusteringCoefficient,
  degreeStats,
  erdosRenyi,
  graphFromEdges,
  localClustering,
  wattsStrogatz,
} from '../../src/graph/index.js';

describe('degreeStats', () => {
  it('gives mean, max and population variance of out-degrees', () => {
    const g = graphFromEdges(4, [0, 0, 0, 1], [1, 2, 3, 2]); // degrees 3, 1, 0, 0
    expect(degreeStats(g)).toEqual({ mean: 1, max: 3, variance: (4 + 0 + 1 + 1) / 4 });
    expect(degreeStats(graphFromEdges(0, [], []))).toEqual({ mean: 0, max: 0, variance: 0 });
  });
});

describe('clusteringCoefficient', () => {
  it('is 1 for a triangle (any direction), 0 for a star, and per-user values follow the definition', () => {
    expect(clusteringCoefficient(graphFromEdges(3, [0, 1, 2], [1, 2, 0]))).toBe(1);
    expect(clusteringCoefficient(graphFromEdges(4, [0, 0, 0], [1, 2, 3]))).toBe(0);
    // Square 0-1-2-3 with chord 0-2: users 0 and 2 have 3 contacts and 2 of 3 pairs tied; 1 and 3 have 1 of 1.
    const g = graphFromEdges(4, [0, 1, 2, 3, 0], [1, 2, 3, 0, 2]);
    expect(Array.from(localClustering(g))).toEqual([2 / 3, 1, 2 / 3, 1]);
    expect(clusteringCoefficient(g)).toBeCloseTo(5 / 6, 15);
    expect(clusteringCoefficient(graphFromEdges(0, [], []))).toBe(0);
  });

  it('agrees with a brute-force count on a random directed graph', () => {
    const g = erdosRenyi(300, 12, seedrandom('cc'));
    const n = g.users;
    const tie = new Uint8Array(n * n);
    for (let u = 0; u < n; u++) {
      for (let i = g.offsets[u]; i < g.offsets[u + 1]; i++) {
        tie[u * n + g.followers[i]] = 1;
        tie[g.followers[i] * n + u] = 1;
      }
    }
    let sum = 0;
    for (let u = 0; u < n; u++) {
      const nb: number[] = [];
      for (let v = 0; v < n; v++) if (tie[u * n + v]) nb.push(v);
      let links = 0;
      for (let a = 0; a < nb.length; a++) for (let b = a + 1; b < nb.length; b++) links += tie[nb[a] * n + nb[b]];
      if (nb.length >= 2) sum += (2 * links) / (nb.length * (nb.length - 1));
    }
    expect(clusteringCoefficient(g)).toBeCloseTo(sum / n, 12);
  });

  it('averages over a sample exactly when given one', () => {
    const g = wattsStrogatz(2000, 8, 0.2, seedrandom('ws'));
    const local = localClustering(g);
    const sample = [0, 17, 999, 1500, 1999];
    const expected = sample.reduce((s, u) => s + local[u], 0) / sample.length;
    expect(clusteringCoefficient(g, sample)).toBeCloseTo(expected, 12);
    const everyone = Array.from({ length: g.users }, (_, u) => u);
    expect(clusteringCoefficient(g, everyone)).toBeCloseTo(clusteringCoefficient(g), 12);
    expect(() => clusteringCoefficient(g, [2000])).toThrow(/sample\[0\]/);
  });
});
