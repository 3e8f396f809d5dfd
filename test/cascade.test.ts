import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { structuralVirality } from '../src/index.js';
import { addReshare, cascadeDepth, createCascade } from '../src/engine/cascade.js';

/** Mean pairwise distance by breadth-first search from every node (the brute-force oracle). */
function bruteForce(parent: number[]): number {
  const n = parent.length;
  const adj: number[][] = Array.from({ length: n }, () => []);
  parent.forEach((p, v) => {
    if (p >= 0) {
      adj[p].push(v);
      adj[v].push(p);
    }
  });
  let total = 0;
  for (let s = 0; s < n; s++) {
    const dist = new Array(n).fill(-1);
    dist[s] = 0;
    const queue = [s];
    for (let i = 0; i < queue.length; i++) for (const v of adj[queue[i]]) if (dist[v] < 0) queue.push(v), (dist[v] = dist[queue[i]] + 1);
    total += dist.reduce((a, b) => a + b, 0);
  }
  return total / (n * (n - 1));
}

describe('structural virality (Goel et al. 2016)', () => {
  it('is 2(n−1)/n on a star and (n+1)/3 on a path', () => {
    for (const n of [2, 3, 10, 101]) {
      expect(structuralVirality([-1, ...Array(n - 1).fill(0)])).toBeCloseTo((2 * (n - 1)) / n, 12);
      expect(structuralVirality(Array.from({ length: n }, (_, i) => i - 1))).toBeCloseTo((n + 1) / 3, 12);
    }
  });

  it('equals the all-pairs computation on random trees', () => {
    const rand = seedrandom('trees');
    for (let k = 0; k < 30; k++) {
      const n = 2 + Math.floor(rand() * 60);
      const parent = Array.from({ length: n }, (_, v) => (v === 0 ? -1 : Math.floor(rand() * v)));
      expect(structuralVirality(parent)).toBeCloseTo(bruteForce(parent), 10);
    }
  });

  it('is undefined for a single node', () => {
    expect(structuralVirality([-1])).toBeNaN();
  });

  it('cascades attach reshares to the user they came from, once each', () => {
    const c = createCascade(7);
    addReshare(c, 3, 7);
    addReshare(c, 4, 3);
    addReshare(c, 4, 7); // a second reshare by the same user is not a new node
    addReshare(c, 5, -1); // source unknown: attached to the root
    expect(c.parent).toEqual([-1, 0, 1, 0]);
    expect(cascadeDepth(c)).toBe(2);
  });
});
