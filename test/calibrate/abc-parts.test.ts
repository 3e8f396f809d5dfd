import { errorFunction } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { robustScales, scaledDistance } from '../../src/calibrate/distance.js';
import { effectiveSampleSize, systematicResample, weightedCovariance } from '../../src/calibrate/particles.js';
import { posteriorSummary } from '../../src/calibrate/posterior-summary.js';
import { checkPrior, priorLogDensity, priorSample, type Prior, type PriorComponent } from '../../src/calibrate/prior.js';
import { nextTolerance } from '../../src/calibrate/tolerance.js';
import { createTransform, fromUnconstrained, logJacobian, toUnconstrained } from '../../src/calibrate/transform.js';
import { uniformStream } from '../../src/rng.js';
import { problemPaths } from '../helpers/problem-paths.js';

const Phi = (x: number) => 0.5 * (1 + errorFunction(x / Math.SQRT2));
const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/** Every kind, and every shape of support the transform handles. */
const PRIOR: Prior = [
  { name: 'u', kind: 'uniform', min: -2, max: 5 },
  { name: 'lu', kind: 'log-uniform', min: 0.01, max: 100 },
  { name: 'n', kind: 'normal', mean: 1, sd: 2 },
  { name: 'nLow', kind: 'normal', mean: 0, sd: 1, min: -0.5 },
  { name: 'nHigh', kind: 'normal', mean: 0, sd: 1, max: 1 },
  { name: 'ln', kind: 'log-normal', meanLog: 0.5, sdLog: 0.8 },
  { name: 'g', kind: 'gamma', shape: 0.5, rate: 2 },
  { name: 'gBox', kind: 'gamma', shape: 3, rate: 1, min: 1, max: 4 },
];

/** Mean and variance of each component of PRIOR (truncated normals from the standard formulas). */
function truncatedNormal(lo: number, hi: number): { mean: number; variance: number } {
  const z = Phi(hi) - Phi(lo);
  const t = (x: number) => (Number.isFinite(x) ? x * phi(x) : 0);
  const mean = (phi(lo) - phi(hi)) / z;
  return { mean, variance: 1 + (t(lo) - t(hi)) / z - mean * mean };
}
const MOMENTS = [
  { mean: 1.5, variance: 49 / 12 },
  { mean: (100 - 0.01) / Math.log(1e4), variance: (100 ** 2 - 0.01 ** 2) / (2 * Math.log(1e4)) - ((100 - 0.01) / Math.log(1e4)) ** 2 },
  { mean: 1, variance: 4 },
  truncatedNormal(-0.5, Infinity),
  truncatedNormal(-Infinity, 1),
  { mean: Math.exp(0.5 + 0.32), variance: (Math.exp(0.64) - 1) * Math.exp(1 + 0.64) },
  { mean: 0.25, variance: 0.125 },
];

describe('priors', () => {
  it('draws have each component\'s mean within 4 standard errors (M = 40,000 draws)', () => {
    const u = uniformStream('prior-moments');
    const M = 40_000;
    const draws = Array.from({ length: M }, () => priorSample(PRIOR, u));
    MOMENTS.forEach(({ mean, variance }, i) => {
      const m = draws.reduce((s, t) => s + t[i], 0) / M;
      expect(Math.abs(m - mean), PRIOR[i].name).toBeLessThan(4 * Math.sqrt(variance / M));
    });
    for (const t of draws) {
      expect(t[7]).toBeGreaterThanOrEqual(1);
      expect(t[7]).toBeLessThanOrEqual(4);
      expect(t[3]).toBeGreaterThanOrEqual(-0.5);
      expect(t[4]).toBeLessThanOrEqual(1);
      expect(Number.isFinite(priorLogDensity(PRIOR, t))).toBe(true);
    }
  });

  it('untruncated densities integrate to 1; outside the support the log density is −Infinity', () => {
    const integral = (c: PriorComponent, lo: number, hi: number) => {
      const steps = 200_000;
      const h = (hi - lo) / steps;
      let s = 0;
      for (let j = 0; j < steps; j++) s += Math.exp(priorLogDensity([c], [lo + (j + 0.5) * h])) * h;
      return s;
    };
    // Midpoint rule, step ≤ 5e-4: error far below 1e-3 for these smooth densities (the gamma's
    // x^(−1/2) spike at 0 is integrated on a log grid instead).
    expect(integral(PRIOR[0], -2, 5)).toBeCloseTo(1, 6);
    expect(integral(PRIOR[2], -20, 22)).toBeCloseTo(1, 6);
    expect(integral(PRIOR[5], 1e-9, 100)).toBeCloseTo(1, 4);
    const logGrid = (c: PriorComponent, lo: number, hi: number) => {
      const steps = 200_000;
      const h = (Math.log(hi) - Math.log(lo)) / steps;
      let s = 0;
      for (let j = 0; j < steps; j++) {
        const x = Math.exp(Math.log(lo) + (j + 0.5) * h);
        s += Math.exp(priorLogDensity([c], [x])) * x * h;
      }
      return s;
    };
    expect(logGrid(PRIOR[1], 0.01, 100)).toBeCloseTo(1, 6);
    expect(logGrid(PRIOR[6], 1e-12, 50)).toBeCloseTo(1, 5);
    for (const [i, x] of [[0, 5.01], [0, -2.01], [1, 0.001], [3, -0.6], [4, 1.1], [5, 0], [6, -1], [7, 0.99], [7, 4.5], [2, NaN]] as const) {
      const theta = priorSample(PRIOR, uniformStream(1));
      theta[i] = x;
      expect(priorLogDensity(PRIOR, theta), `${PRIOR[i].name} = ${x}`).toBe(-Infinity);
    }
  });

  it('validation names every bad component field', () => {
    const bad = [
      { name: 'a', kind: 'uniform', min: 1, max: 1 },
      { name: 'a', kind: 'log-uniform', min: 0, max: 1 },
      { name: 'c', kind: 'beta', alpha: 1 },
      { name: 'd', kind: 'gamma', shape: 1, rate: -1, min: -1 },
      { name: '', kind: 'normal', mean: 0, sd: 1, max: NaN },
      { name: 'f', kind: 'log-normal', meanLog: 0, sdLog: 1, min: 2, max: 1 },
    ];
    expect(problemPaths(() => checkPrior(bad))).toEqual(['prior[0].max', 'prior[1].name', 'prior[1].min', 'prior[2].kind', 'prior[3].rate', 'prior[3].min', 'prior[4].name', 'prior[4].max', 'prior[5].max']);
    expect(() => checkPrior(bad)).toThrow(/prior\[2\]\.kind: "beta" — must be one of uniform, log-uniform, normal, log-normal, gamma \(c\)/);
    expect(() => checkPrior(bad)).toThrow(/prior\[3\]\.min: -1 — must be ≥ 0: a gamma prior is on positive values \(d\)/);
    expect(problemPaths(() => checkPrior({}))).toEqual(['prior']);
    expect(() => checkPrior(PRIOR)).not.toThrow();
    const empty: Prior = [{ name: 'far', kind: 'normal', mean: 0, sd: 1, min: 40, max: 41 }];
    expect(() => priorSample(empty, uniformStream(1))).toThrow(/prior\[0\].*no draw of far fell there/);
  });
});

describe('the unconstrained transform', () => {
  const t = createTransform(PRIOR);
  const d = PRIOR.length;

  it('round-trips θ → z → θ and keeps every z finite', () => {
    const u = uniformStream('round-trip');
    for (let r = 0; r < 500; r++) {
      const theta = priorSample(PRIOR, u);
      const z = toUnconstrained(t, theta, new Float64Array(d));
      expect(z.every(Number.isFinite)).toBe(true);
      const back = fromUnconstrained(t, z, new Array<number>(d));
      back.forEach((x, i) => expect(Math.abs(x - theta[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(theta[i]))));
    }
    // A draw exactly at a bound (u = 0) still maps to a finite z.
    expect(Number.isFinite(toUnconstrained(t, [-2, 0.01, 0, 0, 0, 1, 1, 1], new Float64Array(d))[0])).toBe(true);
  });

  it('logJacobian is Σ log |dθᵢ/dzᵢ| (central differences)', () => {
    const u = uniformStream('jacobian');
    for (let r = 0; r < 50; r++) {
      const z = toUnconstrained(t, priorSample(PRIOR, u), new Float64Array(d));
      let numeric = 0;
      for (let i = 0; i < d; i++) {
        const h = 1e-5;
        const up = z.slice();
        const down = z.slice();
        up[i] += h;
        down[i] -= h;
        numeric += Math.log(Math.abs(fromUnconstrained(t, up, new Array<number>(d))[i] - fromUnconstrained(t, down, new Array<number>(d))[i]) / (2 * h));
      }
      expect(logJacobian(t, z)).toBeCloseTo(numeric, 5);
    }
  });
});

describe('particle helpers', () => {
  it('effective sample size', () => {
    expect(effectiveSampleSize([1, 1, 1, 1])).toBe(4);
    expect(effectiveSampleSize([0.5, 0.5, 0, 0])).toBe(2);
    expect(effectiveSampleSize([0, 0])).toBe(0);
  });

  it('systematic resampling gives each particle ⌊Nw⌋ or ⌈Nw⌉ copies and never a zero weight', () => {
    const w = [0.05, 0, 0.3, 0.125, 0, 0.525, 0];
    for (const u0 of [0, 0.3, 0.999]) {
      const idx = systematicResample(w, u0, 40);
      const counts = w.map((_, i) => idx.filter((j) => j === i).length);
      counts.forEach((c, i) => {
        expect(c).toBeGreaterThanOrEqual(Math.floor(40 * w[i]));
        expect(c).toBeLessThanOrEqual(Math.ceil(40 * w[i]));
      });
    }
  });

  it('weighted covariance', () => {
    const x = new Float64Array([0, 0, 2, 2, 4, 0, 9, 9]);
    const { mean, cov } = weightedCovariance(x, [0.25, 0.25, 0.5, 0], 2);
    expect(Array.from(mean)).toEqual([2.5, 0.5]);
    // E[x²] − m² = (0 + 1 + 8) − 6.25; E[y²] − 0.25 = 1 − 0.25; E[xy] − 1.25 = 1 − 1.25.
    expect(Array.from(cov)).toEqual([2.75, -0.25, -0.25, 0.75]);
  });

  it('robust scales: normalised MAD, then SD, then 1', () => {
    const batch = new Float64Array([1, 0, 5, 2, 0, 5, 3, 0, 5, 4, 0, 5, 100, 10, 5]); // 5 rows × 3 statistics
    const s = robustScales(batch, 5, 3);
    expect(s[0]).toBeCloseTo(1.482602218505602, 12); // MAD of 1, 2, 3, 4, 100 is 1
    expect(s[1]).toBeCloseTo(Math.sqrt(20), 12); // MAD 0: SD of 0, 0, 0, 0, 10
    expect(s[2]).toBe(1); // constant
    expect(scaledDistance([3, 4], 0, [0, 0], [1, 2])).toBeCloseTo(Math.sqrt(13), 12);
  });
});

describe('the next tolerance', () => {
  const equal = (n: number) => new Float64Array(n).fill(1 / n);

  it('keeps α of the ESS with distinct distances', () => {
    const d = Float64Array.from({ length: 10 }, (_, i) => 10 - i);
    const step = nextTolerance(d, equal(10), 0.5);
    expect(step.tolerance).toBe(5);
    expect(step.ess).toBeCloseTo(5, 12);
    // Particles of weight 0 do not count.
    const w = equal(10);
    w[9] = 0; // distance 1
    expect(nextTolerance(d, w, 0.5).tolerance).toBe(5);
  });

  it('keeps or drops a tie block whole; the smallest block stays even when it is most of the ESS', () => {
    const ties = new Float64Array([0, 0, 1, 1, 1, 1, 2, 3, 4, 5]);
    expect(nextTolerance(ties, equal(10), 0.5)).toMatchObject({ tolerance: 0, progress: true });
    const big = nextTolerance(new Float64Array([0, 0, 0, 0, 0, 0, 0, 1, 2, 3]), equal(10), 0.5);
    expect(big).toMatchObject({ tolerance: 0, progress: true });
    expect(big.ess).toBeCloseTo(7, 12);
    expect(nextTolerance(new Float64Array(4).fill(2), equal(4), 0.5).progress).toBe(false);
  });
});

describe('posteriorSummary', () => {
  it('weighted mean, SD and inverse-CDF quantiles; zero weights ignored', () => {
    const [s] = posteriorSummary({ names: ['x'], particles: [[1], [2], [3], [4], [99]], weights: [0.1, 0.2, 0.3, 0.4, 0] });
    expect(s.name).toBe('x');
    expect(s.mean).toBeCloseTo(3, 12);
    expect(s.sd).toBeCloseTo(1, 12); // √(0.1·4 + 0.2·1 + 0 + 0.4·1)
    expect([s.q05, s.q50, s.q95]).toEqual([1, 3, 4]);
  });
});
