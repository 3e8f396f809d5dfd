/**
 * The sampler against exact posteriors, one fit per seed over R seeds (docs/calibration.md,
 * "Validation of the sampler", quotes what these tests print). In the full suite: 80 fits of
 * 1,000 particles take about half a minute.
 */
import { describe, expect, it } from 'vitest';
import { abcSmc, type AbcSmcOptions } from '../../src/calibrate/abc-smc.js';
import type { Prior } from '../../src/calibrate/prior.js';
import { moments, normalMeanSdSimulator, normalMeanSimulator, poissonSumSimulator, regionHalfWidth, replicateMean, replicates } from './abc-models.js';

/*
 * How the posterior checks are judged. ABC-SMC's particles are correlated (resampling copies
 * them; a move at a 2 % acceptance rate leaves most copies in place), so N says little about the
 * Monte Carlo error: it is measured instead, over R runs with seeds 1…R, and every check is on
 * the average over the runs, within 4 standard errors SD/√R (a false alarm about once in 16,000).
 *
 * - Mean: E[Σwθ] is the ABC posterior mean m_h, so e_r = Σwθ − m_h averages to 0.
 * - Variance: the weighted variance Σw(θ − θ̄_w)² is biased low by the variance of θ̄_w (by a
 *   few per cent here), so the check is on the weighted second moment about the true mean,
 *   Σw(θ − m_h)² = var_w + (θ̄_w − m_h)², whose expectation is the ABC posterior variance τ_h²
 *   whatever the correlation between particles.
 * - Tolerance: the ABC posterior at the final acceptance region (half-width h in a statistic) is
 *   the exact one blurred by the region: for a summary that is a location statistic under a flat
 *   prior, exactly the exact posterior convolved with the region's marginal, which is symmetric
 *   and unimodal on [−h, h]: the mean is unchanged and the variance grows by at most h²/3.
 */

const N = 1000;
const R = 30;

/** Prints a check's figures (docs/calibration.md, "Validation of the sampler", quotes them). */
function report(what: string, mean: number, variance: number, me: { mean: number; se: number }, mc: { mean: number; se: number }, blur = 0): void {
  const f = (x: number) => x.toPrecision(3);
  console.log(`${what}: exact mean ${f(mean)}, ABC − exact ${f(me.mean)} (SE ${f(me.se)}), limit ± ${f(4 * me.se)}; exact variance ${f(variance)}, ABC − exact ${f(mc.mean)} (SE ${f(mc.se)}), limit ${f(-4 * mc.se)} to ${f(4 * mc.se + blur)}`);
}

describe('ABC-SMC on a normal mean with known variance', () => {
  // x₁…x₂₀ ~ N(μ, 1), prior μ ~ N(0, 10²), observed sample mean 1.3 (sufficient). Exact posterior:
  // precision 1/10² + 20, mean 20·1.3/precision.
  const n = 20;
  const s0 = 10;
  const xbar = 1.3;
  const options: AbcSmcOptions = { prior: [{ name: 'mu', kind: 'normal', mean: 0, sd: s0 }], observed: [xbar], particles: N, simulate: normalMeanSimulator(n, 1) };

  it('matches the exact posterior mean and variance within Monte Carlo error', async () => {
    const runs = await replicates(R, options);
    const e: number[] = [];
    const c: number[] = [];
    const widths: number[] = [];
    for (const r of runs) {
      expect(r.stoppedBecause).toBe('min-acceptance');
      // The normal prior is not flat, so the ABC posterior is computed: the likelihood of the
      // sample mean, blurred by a uniform kernel of half-width h, is N(x̄; μ, 1/n + h²/3) up to
      // O(h⁴), and the normal–normal update gives its mean and variance.
      const h = regionHalfWidth(r, 0);
      const precision = 1 / s0 ** 2 + 1 / (1 / n + h ** 2 / 3);
      const mh = xbar / (1 / n + h ** 2 / 3) / precision;
      const m = moments(r, ([mu]) => mu, mh);
      e.push(m.mean - mh);
      c.push(m.second - 1 / precision);
      widths.push(h);
    }
    const me = replicateMean(e);
    const mc = replicateMean(c);
    const exact = { mean: (n * xbar) / (1 / s0 ** 2 + n), variance: 1 / (1 / s0 ** 2 + n) };
    report('normal mean', exact.mean, exact.variance, me, mc);
    // The blurred likelihood above is exact to O(h⁴) (the uniform kernel's fourth cumulant is
    // −(2h)⁴/120): what it leaves out is far below the variance check's standard error.
    expect(Math.max(...widths) ** 4).toBeLessThan(0.1 * mc.se);
    expect(Math.abs(me.mean)).toBeLessThan(4 * me.se);
    expect(Math.abs(mc.mean)).toBeLessThan(4 * mc.se);
    // And the standard errors are small enough for the checks to mean something: the posterior
    // mean to within 0.05 posterior SD, the variance to within 10 %.
    expect(me.se).toBeLessThan(0.05 * Math.sqrt(exact.variance));
    expect(mc.se).toBeLessThan(0.1 * exact.variance);
  });
});

describe('ABC-SMC on a Poisson rate with a gamma prior', () => {
  // Counts of n = 10 days ~ Poisson(λ), λ ~ Gamma(2, 1); the sum 23 is sufficient. Exact
  // posterior Gamma(2 + 23, 1 + 10). The sum is discrete, so the tolerance reaches 0 (ties are
  // kept or dropped whole) and the ABC posterior is then the exact one.
  const n = 10;
  const a = 2;
  const b = 1;
  const sum = 23;
  const options: AbcSmcOptions = { prior: [{ name: 'lambda', kind: 'gamma', shape: a, rate: b }], observed: [sum], particles: N, simulate: poissonSumSimulator(n) };

  it('reaches tolerance 0 and matches the exact Gamma posterior within Monte Carlo error', async () => {
    const runs = await replicates(R, options);
    const mean = (a + sum) / (b + n);
    const variance = (a + sum) / (b + n) ** 2;
    const e: number[] = [];
    const c: number[] = [];
    for (const r of runs) {
      expect(r.stoppedBecause).toBe('target-tolerance');
      expect(r.tolerance).toBe(0);
      expect(r.summaries.every(([s]) => s === sum)).toBe(true);
      const m = moments(r, ([lambda]) => lambda, mean);
      e.push(m.mean - mean);
      c.push(m.second - variance);
    }
    const me = replicateMean(e);
    const mc = replicateMean(c);
    report('Poisson–Gamma', mean, variance, me, mc);
    expect(Math.abs(me.mean)).toBeLessThan(4 * me.se);
    expect(Math.abs(mc.mean)).toBeLessThan(4 * mc.se);
    expect(me.se).toBeLessThan(0.05 * Math.sqrt(variance));
    expect(mc.se).toBeLessThan(0.1 * variance);
  });
});

describe('ABC-SMC with two summaries on very different scales', () => {
  // x₁…x₂₀ ~ N(μ, σ²), μ ~ U(−1000, 1000), σ ~ log-U(1, 1000) (flat in log σ); summaries the
  // sample mean (spread ≈ σ/√n ≈ 11) and the log sample SD (spread ≈ 0.16), jointly sufficient.
  // Exact posterior: μ ~ x̄ + s/√n·t₁₉ (variance s²/n·19/17); log σ has density
  // ∝ exp(−19u − 19s²e^(−2u)/2), its moments by quadrature. The prior bounds are > 50 posterior
  // SDs away. Both summaries are location statistics under flat priors and the acceptance
  // regions are centred, axis-aligned ellipses, so the header's tolerance argument holds for
  // log σ exactly and for μ by symmetry about x̄ (mean) and to first order (variance).
  const n = 20;
  const xbar = 103;
  const s = 48;
  const prior: Prior = [
    { name: 'mu', kind: 'uniform', min: -1000, max: 1000 },
    { name: 'sigma', kind: 'log-uniform', min: 1, max: 1000 },
  ];
  const options: AbcSmcOptions = { prior, observed: [xbar, Math.log(s)], particles: N, simulate: normalMeanSdSimulator(n) };
  const varMu = ((s * s) / n) * (n - 1) / (n - 3);
  const logSigma = (() => {
    let z = 0;
    let m1 = 0;
    let m2 = 0;
    const ls = Math.log(s);
    for (let u = ls - 2; u <= ls + 2; u += 1e-4) {
      const p = Math.exp(-(n - 1) * (u - ls) - ((n - 1) / 2) * (Math.exp(2 * (ls - u)) - 1));
      z += p;
      m1 += p * u;
      m2 += p * u * u;
    }
    return { mean: m1 / z, variance: m2 / z - (m1 / z) ** 2 };
  })();

  it('adaptive distance scales recover both exact marginals; fixed unit scales lose σ', async () => {
    const runs = await replicates(20, options);
    const checks = [
      { f: (t: number[]) => t[0], mean: xbar, variance: varMu, stat: 0 },
      { f: (t: number[]) => Math.log(t[1]), mean: logSigma.mean, variance: logSigma.variance, stat: 1 },
    ];
    for (const { f, mean, variance, stat } of checks) {
      const e: number[] = [];
      const c: number[] = [];
      const blur: number[] = [];
      for (const r of runs) {
        const m = moments(r, f, mean);
        e.push(m.mean - mean);
        c.push(m.second - variance);
        blur.push(regionHalfWidth(r, stat) ** 2 / 3);
      }
      const me = replicateMean(e);
      const mc = replicateMean(c);
      const allowance = replicateMean(blur).mean;
      report(`two summaries, ${stat === 0 ? 'μ' : 'log σ'}`, mean, variance, me, mc, allowance);
      expect(Math.abs(me.mean)).toBeLessThan(4 * me.se);
      expect(mc.mean).toBeGreaterThan(-4 * mc.se);
      expect(mc.mean).toBeLessThan(4 * mc.se + allowance);
      expect(allowance).toBeLessThan(0.1 * variance);
      // The scales adapted to statistics on scales that differ by a factor of about 60.
      expect(runs[0].scales[0] / runs[0].scales[1]).toBeGreaterThan(20);
      if (stat === 1) {
        // Unit scales: the distance is all sample mean, the log SD barely constrained, and the
        // posterior of log σ far wider than the exact one — beyond the error the adaptive runs show.
        const fixed = await abcSmc({ ...options, seed: 1, scales: [1, 1] });
        const wide = moments(fixed, f, mean).second - variance;
        expect(wide).toBeGreaterThan(4 * mc.sd + allowance);
        expect(wide).toBeGreaterThan(2 * variance);
      }
    }
  });
});

