import { describe, expect, it } from 'vitest';
import { problemPaths } from '../helpers/problem-paths.js';
import { createXor128, nextFloat, seedXor128 } from '../../src/rng.js';
import { saltelliOutputs, saltelliSample } from '../../src/sensitivity/saltelli.js';
import { sobolIndices, type IndexEstimate, type SobolIndices } from '../../src/sensitivity/sobol-indices.js';
import { evaluateRows, gFunction, gFunctionIndices, ishigamiIndices, ishigamiUnit, type AnalyticIndices } from '../helpers/sensitivity-functions.js';

/**
 * Each analytic index must lie within Z bootstrap standard errors of its estimate. Z = 4 is the
 * project's Monte Carlo tolerance (test/helpers/stats.ts: a false alarm about once in 16,000
 * checks for a normal estimate). The bootstrap treats the Sobol base rows as independent draws,
 * so for these quasi-random designs it overstates the error: the check is conservative, and the
 * "bootstrap SE is calibrated" test below shows the SE is right for independent draws.
 */
const Z = 4;

function expectAnalytic(result: SobolIndices, truth: AnalyticIndices): void {
  const check = (name: string, e: IndexEstimate, t: number) => {
    expect(Math.abs(e.estimate - t), `${name}: estimate ${e.estimate.toFixed(4)} vs analytic ${t.toFixed(4)}, SE ${e.se.toFixed(4)}`).toBeLessThanOrEqual(Z * e.se);
    expect(e.lower, `${name}: interval`).toBeLessThanOrEqual(e.estimate);
    expect(e.upper, `${name}: interval`).toBeGreaterThanOrEqual(e.estimate);
  };
  result.factors.forEach((f, i) => {
    check(`S_${i + 1}`, f.first, truth.first[i]);
    check(`S_T${i + 1}`, f.total, truth.total[i]);
  });
}

/** The outputs of a Saltelli design of base size N for `f` on the unit cube of k factors. */
function run(f: (u: Float64Array) => number, k: number, N: number): Float64Array {
  return evaluateRows(saltelliSample(k, N), k, f);
}

describe('Sobol indices (Saltelli 2010 first order, Jansen total)', () => {
  const N = 2 ** 13;

  it('Ishigami (a = 7, b = 0.1): S = (0.3139, 0.4424, 0), S_T = (0.5576, 0.4424, 0.2437) within 4 bootstrap SEs', () => {
    const truth = ishigamiIndices();
    expect(truth.first.map((s) => +s.toFixed(4))).toEqual([0.3139, 0.4424, 0]);
    expect(truth.total.map((s) => +s.toFixed(4))).toEqual([0.5576, 0.4424, 0.2437]);
    const y = run((u) => ishigamiUnit(u), 3, N);
    const result = sobolIndices(y, 3, N, { seed: 1 });
    expect(result.constant).toBe(false);
    expectAnalytic(result, truth);
    // The SEs must be small enough for the check to tell the indices apart (S_1 and S_T1 differ
    // by 0.24): an estimator that confused them would fail.
    for (const f of result.factors) expect(Math.max(f.first.se, f.total.se)).toBeLessThan(0.03);
    // V over the 2N outputs of A and B: relative standard error √((κ − 1)/(2N)), κ their kurtosis.
    const { a, b } = saltelliOutputs(y, 3, N);
    const ab = [...a, ...b];
    const kurtosis = ab.reduce((s, v) => s + (v - result.mean) ** 4, 0) / ab.length / result.variance ** 2;
    expect(Math.abs(result.variance / truth.variance - 1)).toBeLessThan(Z * Math.sqrt((kurtosis - 1) / (2 * N)));
  });

  it('G-function, a = (0, 1, 4.5, 9, 99, 99, 99, 99): analytic S_i and S_Ti within 4 bootstrap SEs', () => {
    const truth = gFunctionIndices();
    const result = sobolIndices(run((u) => gFunction(u), 8, N), 8, N, { seed: 2 });
    expectAnalytic(result, truth);
    // The order of importance is recovered: factor 1 ≫ 2 ≫ 3 > 4 ≫ the inert four.
    const totals = result.factors.map((f) => f.total.estimate);
    expect(totals.slice(0, 4)).toEqual([...totals.slice(0, 4)].sort((x, y) => y - x));
    expect(Math.max(...totals.slice(4))).toBeLessThan(totals[3] / 10);
  });

  it('the bootstrap SE is calibrated: on independent designs it matches the spread of the estimates', () => {
    // 40 Saltelli designs of N = 1024 built from independent uniform draws (no Sobol), Ishigami.
    // The standard deviation of the 40 estimates has a relative error of about 1/√(2·39) = 0.113;
    // its log must lie within 4 of those of the mean bootstrap SE. Percentile intervals at 95 %
    // must cover the analytic value about 95 % of the time: over 40 designs (the 6 indices of one
    // design are correlated, so 40 is the conservative count) the binomial SE is 0.034, and the
    // coverage must exceed 0.95 − 4 · 0.034.
    const k = 3;
    const n = 1024;
    const designs = 40;
    const truth = ishigamiIndices();
    const rng = seedXor128(createXor128(), 'independent-designs');
    const estimates: number[][] = Array.from({ length: 2 * k }, () => []);
    const ses: number[][] = Array.from({ length: 2 * k }, () => []);
    let covered = 0;
    for (let d = 0; d < designs; d++) {
      const y = new Float64Array(n * (k + 2));
      for (let j = 0; j < n; j++) {
        const a = Float64Array.from({ length: k }, () => nextFloat(rng));
        const b = Float64Array.from({ length: k }, () => nextFloat(rng));
        y[j * (k + 2)] = ishigamiUnit(a);
        for (let i = 0; i < k; i++) y[j * (k + 2) + 1 + i] = ishigamiUnit(a.map((v, c) => (c === i ? b[i] : v)));
        y[j * (k + 2) + k + 1] = ishigamiUnit(b);
      }
      const result = sobolIndices(y, k, n, { resamples: 200, seed: d });
      result.factors.forEach((f, i) => {
        for (const [q, e, t] of [[i, f.first, truth.first[i]], [k + i, f.total, truth.total[i]]] as const) {
          estimates[q].push(e.estimate);
          ses[q].push(e.se);
          if (e.lower <= t && t <= e.upper) covered++;
        }
      });
    }
    for (let q = 0; q < 2 * k; q++) {
      const mean = estimates[q].reduce((s, v) => s + v, 0) / designs;
      const sd = Math.sqrt(estimates[q].reduce((s, v) => s + (v - mean) ** 2, 0) / (designs - 1));
      const se = ses[q].reduce((s, v) => s + v, 0) / designs;
      expect(Math.abs(Math.log(sd / se)), `index ${q}: spread ${sd.toFixed(4)} vs bootstrap SE ${se.toFixed(4)}`).toBeLessThan(Z / Math.sqrt(2 * (designs - 1)));
    }
    expect(covered / (2 * k * designs)).toBeGreaterThan(0.95 - Z * Math.sqrt((0.95 * 0.05) / designs));
  });

  it('does not depend on the output\'s offset (f_B is centred)', () => {
    const k = 3;
    const n = 1024;
    const y = run((u) => ishigamiUnit(u), k, n);
    const plain = sobolIndices(y, k, n, { resamples: 50 });
    const shifted = sobolIndices(y.map((v) => v + 1e6), k, n, { resamples: 50 });
    // Uncentred, S_i would move by 1e6 · mean(f_ABi − f_A) / V, orders of magnitude more.
    plain.factors.forEach((f, i) => {
      expect(shifted.factors[i].first.estimate).toBeCloseTo(f.first.estimate, 6);
      expect(shifted.factors[i].total.estimate).toBeCloseTo(f.total.estimate, 6);
    });
    expect(shifted.variance).toBeCloseTo(plain.variance, 4);
  });

  it('is reproducible: the seed moves only the intervals', () => {
    const k = 3;
    const n = 256;
    const y = run((u) => ishigamiUnit(u), k, n);
    const a = sobolIndices(y, k, n, { resamples: 100, seed: 'x' });
    expect(sobolIndices(y, k, n, { resamples: 100, seed: 'x' })).toEqual(a);
    const b = sobolIndices(y, k, n, { resamples: 100, seed: 'y' });
    expect(b.factors[0].first.estimate).toBe(a.factors[0].first.estimate);
    expect(b.factors[0].first.lower).not.toBe(a.factors[0].first.lower);
    const none = sobolIndices(y, k, n, { resamples: 0 });
    expect(none.factors[0].first.estimate).toBe(a.factors[0].first.estimate);
    expect(none.factors[0].first.lower).toBeNaN();
  });

  it('a constant output gives constant: true and NaN indices, not an error', () => {
    const k = 2;
    const n = 64;
    const result = sobolIndices(new Float64Array(n * (k + 2)).fill(0.1), k, n);
    expect(result.constant).toBe(true);
    expect(result.variance).toBe(0);
    expect(result.mean).toBe(0.1);
    for (const f of result.factors) for (const e of [f.first, f.total]) expect([e.estimate, e.lower, e.upper, e.se].every(Number.isNaN)).toBe(true);
    // A factor that moves nothing still gets an index of 0 when the output varies otherwise.
    const y = run((u) => u[0], k, n);
    const moving = sobolIndices(y, k, n, { resamples: 50 });
    expect(moving.constant).toBe(false);
    expect(moving.factors[1].first.estimate).toBe(0);
    expect(moving.factors[1].total.estimate).toBe(0);
  });

  it('rejects bad input with a ScenarioError naming each problem', () => {
    const k = 2;
    const n = 8;
    const y = run((u) => u[0] + u[1], k, n);
    expect(problemPaths(() => sobolIndices(y, k, 1))).toEqual(['N']);
    expect(problemPaths(() => sobolIndices(y, k, n, { resamples: -1, level: 1, seed: Number.NaN }))).toEqual(['resamples', 'level', 'seed']);
    expect(problemPaths(() => sobolIndices(y.subarray(1), k, n))).toEqual(['y']);
    const failed = Float64Array.from(y);
    failed[4 * 3 + 2] = Number.NaN;
    expect(() => sobolIndices(failed, k, n)).toThrow('y[14]: NaN — must be a finite number (the output of AB_1, base row 3)');
  });
});
