import { expect } from 'vitest';
import { outDegree, reverseGraph, type SocialGraph } from '../../src/graph/index.js';

/** Checks the CSR invariants: offsets monotone, ids in range, rows strictly increasing (so no duplicates), no self-loops. */
export function expectValidGraph(g: SocialGraph): void {
  expect(g.offsets.length).toBe(g.users + 1);
  expect(g.offsets[0]).toBe(0);
  expect(g.followers.length).toBe(g.offsets[g.users]);
  let bad = 0;
  for (let u = 0; u < g.users; u++) {
    if (g.offsets[u + 1] < g.offsets[u]) bad++;
    let last = -1;
    for (let i = g.offsets[u]; i < g.offsets[u + 1]; i++) {
      const v = g.followers[i];
      if (v <= last || v === u || v < 0 || v >= g.users) bad++;
      last = v;
    }
  }
  expect(bad).toBe(0);
}

/** Every edge a → b has its reverse b → a (ties stored as two directed edges): the graph equals its transpose, rows being sorted. */
export function expectSymmetric(g: SocialGraph): void {
  const r = reverseGraph(g);
  let mismatches = 0;
  for (let u = 0; u <= g.users; u++) if (r.offsets[u] !== g.offsets[u]) mismatches++;
  for (let i = 0; i < g.followers.length; i++) if (r.followers[i] !== g.followers[i]) mismatches++;
  expect(mismatches).toBe(0);
}

export function row(g: SocialGraph, u: number): number[] {
  return Array.from(g.followers.subarray(g.offsets[u], g.offsets[u + 1]));
}

export function degrees(g: SocialGraph): Int32Array {
  const d = new Int32Array(g.users);
  for (let u = 0; u < g.users; u++) d[u] = outDegree(g, u);
  return d;
}

/**
 * Least-squares slope of log CCDF against log k over log-spaced k (ratio 1.25) from `kMin` up to
 * the largest k still reached by `minCount` users, so every fitted point rests on enough users
 * (relative error ≤ 1/√minCount). For P(k) ~ k^−α the CCDF slope is −(α − 1).
 */
export function ccdfSlope(deg: ArrayLike<number>, kMin: number, minCount: number): number {
  let max = 0;
  for (let i = 0; i < deg.length; i++) max = Math.max(max, deg[i]);
  const atLeast = new Float64Array(max + 2);
  for (let i = 0; i < deg.length; i++) atLeast[deg[i]]++;
  for (let k = max - 1; k >= 0; k--) atLeast[k] += atLeast[k + 1];
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = kMin; k <= max && atLeast[k] >= minCount; k = Math.max(k + 1, Math.round(k * 1.25))) {
    xs.push(Math.log(k));
    ys.push(Math.log(atLeast[k] / deg.length));
  }
  expect(xs.length).toBeGreaterThanOrEqual(5);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  return sxy / sxx;
}
