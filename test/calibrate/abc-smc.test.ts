import { describe, expect, it } from 'vitest';
import { abcSmc, type AbcSmcCheckpoint, type AbcSmcOptions } from '../../src/calibrate/abc-smc.js';
import type { Prior } from '../../src/calibrate/prior.js';
import { uniformStream } from '../../src/rng.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { moments, normalMeanSdSimulator, normalMeanSimulator, replicateMean, replicates } from './abc-models.js';

describe('ABC-SMC moves', () => {
  it('leave the prior invariant when the summary carries no information (transforms and Jacobians)', async () => {
    // The summary is noise independent of θ, so the ABC posterior is the prior: every bounded,
    // half-bounded and log-scale component must keep its prior mean through the moves, which run
    // in the unconstrained space and are right only with the Jacobians. Checked over 20 runs as
    // in the header (4 standard errors of the run-to-run spread).
    const prior: Prior = [
      { name: 'u', kind: 'uniform', min: -2, max: 5 },
      { name: 'lu', kind: 'log-uniform', min: 0.01, max: 100 },
      { name: 'g', kind: 'gamma', shape: 0.5, rate: 2 },
      { name: 'tn', kind: 'normal', mean: 0, sd: 1, min: -0.5 },
    ];
    const runs = await replicates(20, {
      prior,
      observed: [0.5],
      particles: 500,
      // α = 0.9 keeps the acceptance region wide (it holds 90 % of the noise at first), so most
      // moves are decided by the prior ratio and its Jacobians: 12 generations, one resampling on
      // the way, and 4–17 % of the moves accepted in each (a 4-parameter walk at 2 × the covariance).
      alpha: 0.9,
      maxGenerations: 12,
      simulate: (thetas, seeds) => seeds.map((s) => [uniformStream(s)()]),
    });
    // Truncated normal on [−0.5, ∞): mean φ(−0.5)/(1 − Φ(−0.5)) = 0.5092; Φ(0.5) = 0.691462461.
    const truncatedMean = Math.exp(-0.125) / Math.sqrt(2 * Math.PI) / 0.691462461274013;
    const checks = [
      { f: (t: number[]) => t[0], mean: 1.5 },
      { f: (t: number[]) => Math.log(t[1]), mean: 0 },
      { f: (t: number[]) => t[2], mean: 0.25 },
      { f: (t: number[]) => t[3], mean: truncatedMean },
    ];
    for (const r of runs) {
      expect(r.generations).toHaveLength(12);
      expect(r.generations.filter((g) => g.resampled).length).toBeGreaterThan(0);
      expect(r.generations.slice(1).every((g) => g.acceptanceRate! > 0.03)).toBe(true);
    }
    for (const { f, mean } of checks) {
      const e = replicateMean(runs.map((r) => moments(r, f, mean).mean - mean));
      expect(Math.abs(e.mean)).toBeLessThan(4 * e.se);
    }
  });
});

describe('ABC-SMC determinism', () => {
  const options: AbcSmcOptions = {
    prior: [{ name: 'mu', kind: 'uniform', min: -1000, max: 1000 }, { name: 'sigma', kind: 'log-uniform', min: 1, max: 1000 }],
    observed: [103, Math.log(48)],
    particles: 300,
    maxGenerations: 8,
    simulate: normalMeanSdSimulator(20),
  };

  it('the same seed gives the same result; another seed another', async () => {
    const a = await abcSmc({ ...options, seed: 5 });
    expect(await abcSmc({ ...options, seed: 5 })).toEqual(a);
    expect((await abcSmc({ ...options, seed: 6 })).particles).not.toEqual(a.particles);
    expect(a.generations).toHaveLength(8);
    expect(a.stoppedBecause).toBe('max-generations');
  });

  it('the result does not depend on how simulate splits or orders a batch', async () => {
    const batch = await abcSmc({ ...options, seed: 5 });
    const one = normalMeanSdSimulator(20);
    // Each theta alone, in reverse order, each resolving on its own timer, as a worker pool would.
    const sharded = await abcSmc({
      ...options,
      seed: 5,
      simulate: async (thetas, seeds) => {
        const out = new Array<number[]>(thetas.length);
        await Promise.all(thetas.map((t, i) => thetas.length - 1 - i).map((i) => new Promise<void>((done) => setTimeout(() => {
          out[i] = one([thetas[i]], [seeds[i]])[0];
          done();
        }, i % 3))));
        return out;
      },
    });
    expect(sharded).toEqual(batch);
  });

  it('a run resumed from a checkpoint (through JSON) ends as the uninterrupted run', async () => {
    const checkpoints: AbcSmcCheckpoint[] = [];
    const whole = await abcSmc({ ...options, seed: 5, onGeneration: (_, c) => void checkpoints.push(c) });
    expect(checkpoints.map((c) => c.generation)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const at of [0, 3]) {
      const resume = JSON.parse(JSON.stringify(checkpoints[at])) as AbcSmcCheckpoint;
      expect(await abcSmc({ ...options, seed: 5, resume })).toEqual(whole);
    }
    await expect(abcSmc({ ...options, seed: 6, resume: checkpoints[3] })).rejects.toThrow(/resume\.seed/);
  });

  it('a generation whose moves are accepted less often than minAcceptance is reported, but the result is the population before it', async () => {
    const checkpoints: AbcSmcCheckpoint[] = [];
    const r = await abcSmc({ ...options, maxGenerations: 100, minAcceptance: 0.2, seed: 5, onGeneration: (_, c) => void checkpoints.push(c) });
    expect(r.stoppedBecause).toBe('min-acceptance');
    const [kept, rejected] = r.generations.slice(-2);
    expect(rejected.acceptanceRate).toBeLessThan(0.2);
    expect(kept.generation === 0 || kept.acceptanceRate! >= 0.2).toBe(true);
    // The last checkpoint holds the kept population with the rejected generation's report.
    const last = checkpoints[checkpoints.length - 1];
    expect(last.generation).toBe(kept.generation);
    expect(last.generations).toHaveLength(r.generations.length);
    expect(r.particles).toEqual(checkpoints[checkpoints.length - 2].particles);
    expect(r.weights).toEqual(checkpoints[checkpoints.length - 2].weights);
    expect([r.generation, r.tolerance, r.scales]).toEqual([kept.generation, kept.tolerance, kept.scales]);
    // The rejected generation's simulations are counted; resuming from its checkpoint stops at once.
    expect(r.simulations).toBe(rejected.simulations);
    expect(await abcSmc({ ...options, maxGenerations: 100, minAcceptance: 0.2, seed: 5, resume: JSON.parse(JSON.stringify(last)) as AbcSmcCheckpoint })).toEqual(r);
  });

  it('generation reports count simulations; with α = 0.5 every generation resamples and simulates N', async () => {
    const r = await abcSmc({ ...options, seed: 5 });
    r.generations.forEach((g, i) => {
      expect(g.generation).toBe(i);
      expect(g.batch).toBe(300);
      expect(g.simulations).toBe(300 * (i + 1));
      if (i > 0) {
        expect(g.resampled).toBe(true);
        expect(g.ess).toBeLessThanOrEqual(150);
        expect(g.acceptanceRate).toBeGreaterThan(0);
      }
    });
    expect(r.simulations).toBe(2400);
    const budget = await abcSmc({ ...options, seed: 5, maxSimulations: 1000 });
    expect(budget.stoppedBecause).toBe('max-simulations');
    expect(budget.simulations).toBe(900);
  });
});

describe('ABC-SMC option errors name the option and value', () => {
  const good: AbcSmcOptions = { prior: [{ name: 'mu', kind: 'normal', mean: 0, sd: 1 }], observed: [0], particles: 50, maxGenerations: 3, simulate: normalMeanSimulator(5, 1) };
  const paths = async (o: AbcSmcOptions) => {
    try {
      await abcSmc(o);
    } catch (e) {
      if (e instanceof ScenarioError) return { paths: e.problems.map((p) => p.path), message: e.message };
      throw e;
    }
    throw new Error('expected a ScenarioError');
  };

  it('bad numeric options', async () => {
    expect((await paths({ ...good, particles: 0 })).paths).toEqual(['particles']);
    expect((await paths({ ...good, particles: 0 })).message).toMatch(/particles: 0 — a whole number from 2/);
    for (const alpha of [0, 1, 1.5, NaN]) expect((await paths({ ...good, alpha })).paths).toEqual(['alpha']);
    expect((await paths({ ...good, alpha: 1 })).message).toMatch(/alpha: 1 — a number strictly between 0 and 1/);
    expect((await paths({ ...good, minAcceptance: -0.1, maxGenerations: 0, seed: 0.5, targetTolerance: -1 })).paths).toEqual(['seed', 'minAcceptance', 'targetTolerance', 'maxGenerations']);
    expect((await paths({ ...good, maxSimulations: 10 })).paths).toEqual(['maxSimulations']);
    expect((await paths({ ...good, scales: [0] })).paths).toEqual(['scales[0]']);
    expect((await paths({ ...good, observed: [Infinity] })).paths).toEqual(['observed[0]']);
  });

  it('observed statistics that do not match what simulate returns', async () => {
    const e = await paths({ ...good, observed: [0, 1] });
    expect(e.paths).toEqual(['observed']);
    expect(e.message).toMatch(/must hold as many statistics as simulate returns: 1 for theta/);
  });

  it('a simulate that returns NaN, or the wrong number of rows', async () => {
    const e = await paths({ ...good, simulate: (thetas) => thetas.map(([mu]) => [mu > 0.5 ? NaN : mu]) });
    expect(e.paths[0]).toMatch(/^simulate \(generation 0\)\[\d+\]\[0\]$/);
    expect(e.message).toMatch(/NaN — must be a finite number: statistic 0 of theta \[0\.[5-9]/);
    expect((await paths({ ...good, simulate: (thetas) => thetas.slice(1).map(() => [0]) })).message).toMatch(/one row of summary statistics per theta \(50\)/);
  });

  it('a bad prior', async () => {
    expect((await paths({ ...good, prior: [{ name: 'mu', kind: 'normal', mean: 0, sd: 0 }] })).message).toMatch(/prior\[0\]\.sd: 0 — must be a finite number > 0 \(mu\)/);
    expect((await paths({ ...good, prior: [] })).paths).toEqual(['prior']);
  });
});
