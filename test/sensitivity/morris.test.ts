import { describe, expect, it } from 'vitest';
import { elementaryEffects, morrisDesign, morrisIndices } from '../../src/sensitivity/morris.js';
import { ScenarioError } from '../../src/scenario/errors.js';

/** Outputs of `f` at every row of a design. */
const outputs = (rows: Float64Array, k: number, f: (x: Float64Array) => number) =>
  Array.from({ length: rows.length / k }, (_, i) => f(rows.subarray(i * k, (i + 1) * k)));

describe('Morris screening', () => {
  it('every trajectory moves each factor exactly once, by ±Δ, and stays on the p-level grid', () => {
    const k = 6;
    const d = morrisDesign(k, 30, { levels: 4, seed: 3 });
    const delta = 4 / 6;
    for (let t = 0; t < d.trajectories; t++) {
      const moved = new Set<number>();
      for (let s = 1; s <= k; s++) {
        const a = (t * (k + 1) + s - 1) * k;
        const changed = [];
        for (let i = 0; i < k; i++) if (d.rows[a + k + i] !== d.rows[a + i]) changed.push(i);
        expect(changed).toHaveLength(1);
        expect(Math.abs(Math.abs(d.rows[a + k + changed[0]] - d.rows[a + changed[0]]) - delta)).toBeLessThan(1e-12);
        moved.add(changed[0]);
      }
      expect(moved.size).toBe(k);
    }
    for (const v of d.rows) expect(Math.min(...[0, 1, 2, 3].map((l) => Math.abs(v - l / 3)))).toBeLessThan(1e-12);
  });

  it('the same seed gives the same design; another seed another', () => {
    expect(morrisDesign(5, 10, { seed: 7 }).rows).toEqual(morrisDesign(5, 10, { seed: 7 }).rows);
    expect(morrisDesign(5, 10, { seed: 7 }).rows).not.toEqual(morrisDesign(5, 10, { seed: 8 }).rows);
  });

  it('recovers known coefficients and ranking of a linear function with one interaction', () => {
    // f = 8x0 − 4x1 + 2x2 + 1x3 + 0x4 + 6·x5·x6: linear effects are exact (μ* = |c|, σ = 0);
    // x5 and x6 interact, so their effects vary (σ > 0) and average 3 (= 6 · E[x]).
    const k = 7;
    const d = morrisDesign(k, 200, { seed: 11 });
    const y = outputs(d.rows, k, (x) => 8 * x[0] - 4 * x[1] + 2 * x[2] + x[3] + 6 * x[5] * x[6]);
    const m = morrisIndices(d, y, { top: 4, seed: 1 });
    [8, 4, 2, 1, 0].forEach((c, i) => {
      expect(m.factors[i].muStar.estimate).toBeCloseTo(c, 10);
      expect(m.factors[i].sigma).toBeLessThan(1e-9);
    });
    expect(m.factors[1].mu).toBeCloseTo(-4, 10);
    for (const i of [5, 6]) {
      expect(m.factors[i].sigma).toBeGreaterThan(1);
      // E|EE| = 6·E[other coordinate] = 3; the interval is from the bootstrap of 200 trajectories.
      expect(m.factors[i].muStar.lower).toBeLessThan(3);
      expect(m.factors[i].muStar.upper).toBeGreaterThan(3);
    }
    expect(m.factors.map((f) => f.rank).slice(0, 5)).toEqual([1, 2, 5, 6, 7]);
    // The top 4 {x0, x1, x5, x6} are separated from x2 (μ* = 2) by ~8 bootstrap SEs: always the same set.
    expect(m.topStability).toBe(1);
  });

  it('Morris 1991 test function (20 factors): the ten large-effect factors rank above the others', () => {
    // Morris (1991), Technometrics 33(2): b_i = 20 (i ≤ 10), b_ij = −15 (i, j ≤ 6), b_ijl = −10 (≤ 5),
    // b_1234 = 5; the other b_i, b_ij ~ N(0, 1) (here a fixed pattern of ±1); w_i = 2(x_i − 1/2),
    // except w_i = 2(1.1x_i/(x_i + 0.1) − 1/2) for i = 3, 5, 7.
    const k = 20;
    const small = (i: number, j = 0) => ((i * 7 + j * 13) % 5) / 2 - 1;
    const f = (x: Float64Array) => {
      const w = Array.from(x, (v, i) => ([2, 4, 6].includes(i) ? 2 * ((1.1 * v) / (v + 0.1) - 0.5) : 2 * (v - 0.5)));
      let s = 0;
      for (let i = 0; i < k; i++) s += (i < 10 ? 20 : small(i)) * w[i];
      for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) s += (j < 6 ? -15 : small(i, j)) * w[i] * w[j];
      for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) for (let l = j + 1; l < 5; l++) s += -10 * w[i] * w[j] * w[l];
      return s + 5 * w[0] * w[1] * w[2] * w[3];
    };
    const d = morrisDesign(k, 40, { seed: 2 });
    const m = morrisIndices(d, outputs(d.rows, k, f), { top: 10, seed: 2 });
    const top10 = m.factors.map((x, i) => [x.rank, i]).filter(([r]) => r <= 10).map(([, i]) => i).sort((a, b) => a - b);
    expect(top10).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The first six interact strongly (b_ij = −15): their σ exceeds that of the purely linear 8–10.
    expect(Math.min(...m.factors.slice(0, 6).map((x) => x.sigma))).toBeGreaterThan(Math.max(...m.factors.slice(7, 10).map((x) => x.sigma)));
  });

  it('elementary effects read which factor moved from the rows', () => {
    const d = morrisDesign(3, 4, { seed: 5 });
    const ee = elementaryEffects(d, outputs(d.rows, 3, (x) => 3 * x[0] - x[2]));
    for (const e of ee) expect(Array.from(e)).toEqual([3, 0, -1].map((c) => expect.closeTo(c, 10)));
  });

  it('refuses bad input, naming it', () => {
    expect(() => morrisDesign(3, 1)).toThrow(ScenarioError);
    expect(() => morrisDesign(3, 10, { levels: 5 })).toThrow(/levels/);
    const d = morrisDesign(2, 3);
    expect(() => morrisIndices(d, [1, 2, 3])).toThrow(/outputs/);
    expect(() => morrisIndices(d, [1, 2, 3, 4, 5, NaN, 7, 8, 9])).toThrow(/outputs\[5\]/);
  });
});
