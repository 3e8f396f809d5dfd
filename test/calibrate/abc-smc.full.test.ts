import { describe, expect, it } from 'vitest';
import { abcSmc, type AbcSmcOptions, type AbcSmcResult } from '../../src/calibrate/abc-smc.js';
import { priorSample, type Prior } from '../../src/calibrate/prior.js';
import { uniformStream } from '../../src/rng.js';
import { meanSd, moments, normalMeanSdSimulator, normalMeanSimulator, normalSample, poisson, poissonSumSimulator, regionHalfWidth, replicateMean } from './abc-models.js';

/*
 * The unit tests check each toy model on one data set over 20–30 sampler seeds; here each model
 * is checked over many data sets, θ drawn from the prior (or a central part of it) and the data
 * simulated from θ, one sampler run each. Per data set, with the exact posterior mean m and SD τ:
 *
 * - z = (Σwθ − m)/τ: mean 0 if the sampler is unbiased; its SD is the sampler's Monte Carlo
 *   error in posterior SDs (1/√SD² is the run's effective number of independent draws).
 * - c = Σw(θ − m)²/τ² − 1: mean 0, plus the tolerance's blur (≤ h²/3τ², see abc-smc-exact.full.test.ts).
 * - PIT = Σw·1[θ ≤ θ_true]: with θ_true from the prior, the exact posterior CDF at θ_true is
 *   uniform, so an unbiased estimate of it has mean 1/2 (its spread is widened by Monte Carlo error,
 *   so only the mean is checked: calibration of the credible intervals on average).
 *
 * Each mean is compared with its value within 4 standard errors SD/√R over the R data sets.
 */

const N = 1000;

interface Case {
  options: AbcSmcOptions;
  /** Exact posterior mean and variance of parameter `a` (after `f`), and the true value. */
  exact: Array<{ f: (t: number[]) => number; mean: number; variance: number; truth: number; stat: number }>;
}

async function check(label: string, R: number, makeCase: (r: number) => Case, pit: boolean): Promise<void> {
  const cases = Array.from({ length: R }, (_, r) => makeCase(r));
  const results: AbcSmcResult[] = [];
  for (let r = 0; r < R; r++) results.push(await abcSmc({ ...cases[r].options, particles: N, seed: 1000 + r }));
  const k = cases[0].exact.length;
  for (let a = 0; a < k; a++) {
    const z: number[] = [];
    const c: number[] = [];
    const u: number[] = [];
    const blur: number[] = [];
    results.forEach((res, r) => {
      const { f, mean, variance, truth, stat } = cases[r].exact[a];
      const m = moments(res, f, mean);
      z.push((m.mean - mean) / Math.sqrt(variance));
      c.push(m.second / variance - 1);
      u.push(res.particles.reduce((s, t, i) => s + (f(t) <= truth ? res.weights[i] : 0), 0));
      blur.push(res.tolerance > 0 ? regionHalfWidth(res, stat) ** 2 / 3 / variance : 0);
    });
    const mz = replicateMean(z);
    const mc = replicateMean(c);
    const mu = replicateMean(u);
    // docs/calibration.md ("Validation of the sampler") quotes these.
    console.log(`${label}, parameter ${a}: z ${mz.mean.toFixed(3)} ± ${mz.se.toFixed(3)} (run-to-run SD ${mz.sd.toFixed(3)}), second moment − 1 ${mc.mean.toFixed(3)} ± ${mc.se.toFixed(3)}${pit ? `, PIT ${mu.mean.toFixed(3)} ± ${mu.se.toFixed(3)}` : ''}`);
    expect(Math.abs(mz.mean), `parameter ${a}: mean z`).toBeLessThan(4 * mz.se);
    expect(mc.mean, `parameter ${a}: second moment`).toBeGreaterThan(-4 * mc.se);
    expect(mc.mean, `parameter ${a}: second moment`).toBeLessThan(4 * mc.se + replicateMean(blur).mean);
    if (pit) expect(Math.abs(mu.mean - 0.5), `parameter ${a}: PIT`).toBeLessThan(4 * mu.se);
  }
}

describe('ABC-SMC over many data sets (exact posteriors known)', () => {
  it('normal mean, σ known: 200 data sets with μ from the prior', async () => {
    const n = 20;
    const s0 = 10;
    const prior: Prior = [{ name: 'mu', kind: 'normal', mean: 0, sd: s0 }];
    await check(
      'normal mean',
      200,
      (r) => {
        const u = uniformStream(`normal-data-${r}`);
        const [mu] = priorSample(prior, u);
        const xbar = meanSd(normalSample(mu, 1, n, u)).mean;
        const precision = 1 / s0 ** 2 + n;
        return { options: { prior, observed: [xbar], simulate: normalMeanSimulator(n, 1) }, exact: [{ f: (t) => t[0], mean: (n * xbar) / precision, variance: 1 / precision, truth: mu, stat: 0 }] };
      },
      true,
    );
  });

  it('Poisson–Gamma: 200 data sets with λ from the prior', async () => {
    const n = 10;
    const a = 2;
    const b = 1;
    const prior: Prior = [{ name: 'lambda', kind: 'gamma', shape: a, rate: b }];
    await check(
      'Poisson–Gamma',
      200,
      (r) => {
        const u = uniformStream(`poisson-data-${r}`);
        const [lambda] = priorSample(prior, u);
        let sum = 0;
        for (let j = 0; j < n; j++) sum += poisson(lambda, u);
        return { options: { prior, observed: [sum], simulate: poissonSumSimulator(n) }, exact: [{ f: (t) => t[0], mean: (a + sum) / (b + n), variance: (a + sum) / (b + n) ** 2, truth: lambda, stat: 0 }] };
      },
      true,
    );
  });

  it('normal mean and log SD: 100 data sets with θ from the centre of the prior', async () => {
    const n = 20;
    const prior: Prior = [
      { name: 'mu', kind: 'uniform', min: -1000, max: 1000 },
      { name: 'sigma', kind: 'log-uniform', min: 1, max: 1000 },
    ];
    await check(
      'normal mean and log SD',
      100,
      (r) => {
        const u = uniformStream(`normal2-data-${r}`);
        // μ in [−500, 500], σ in [10, 100]: the posteriors stay > 20 SDs inside the prior's bounds.
        const mu = -500 + 1000 * u();
        const sigma = Math.exp(Math.log(10) + Math.log(10) * u());
        const { mean: xbar, sd: s } = meanSd(normalSample(mu, sigma, n, u));
        const ls = Math.log(s);
        let z = 0;
        let m1 = 0;
        let m2 = 0;
        for (let v = ls - 2; v <= ls + 2; v += 1e-4) {
          const p = Math.exp(-(n - 1) * (v - ls) - ((n - 1) / 2) * (Math.exp(2 * (ls - v)) - 1));
          z += p;
          m1 += p * v;
          m2 += p * v * v;
        }
        return {
          options: { prior, observed: [xbar, ls], simulate: normalMeanSdSimulator(n) },
          exact: [
            { f: (t) => t[0], mean: xbar, variance: ((s * s) / n) * (n - 1) / (n - 3), truth: mu, stat: 0 },
            { f: (t) => Math.log(t[1]), mean: m1 / z, variance: m2 / z - (m1 / z) ** 2, truth: Math.log(sigma), stat: 1 },
          ],
        };
      },
      false,
    );
  });
});
