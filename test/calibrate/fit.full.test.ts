import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fit, type FitOptions } from '../../src/calibrate/fit.js';
import { syntheticExport } from '../../src/calibrate/synthetic.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { cli } from '../helpers/cli.js';

// A tiny account: 300 users, 30 followers, 12 posts over 6 days; a fit of a few generations.
const { export: data } = syntheticExport({ posts: 12, days: 6, users: 300, followers: 30, seed: 4 });
const small: FitOptions = { export: data, users: 300, particles: 16, maxSimulations: 48, checks: 4, seed: 3 };
const tmp = mkdtempSync(join(tmpdir(), 'feedsim-fit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('fit', () => {
  it('gives the same posterior whatever the worker count, with a predictive check per statistic and particles inside the prior', async () => {
    const one = await fit({ ...small, workers: 1 });
    const two = await fit({ ...small, workers: 2 });
    expect(two).toEqual(one);
    expect(one.predictive.map((c) => c.statistic)).toEqual(one.statistics.names);
    for (const c of one.predictive) expect(c.simulated).toHaveLength(4);
    expect(one.simulations).toBeLessThanOrEqual(48 + 4);
    one.parameters.forEach((p, k) => {
      for (const theta of one.posterior.particles) {
        expect(theta[k]).toBeGreaterThanOrEqual(p.prior.min);
        expect(theta[k]).toBeLessThanOrEqual(p.prior.max);
      }
      expect(p.q05).toBeLessThanOrEqual(p.q50);
      expect(p.q50).toBeLessThanOrEqual(p.q95);
    });
    expect(one.posterior.weights.reduce((a, w) => a + w, 0)).toBeCloseTo(1, 12);
    expect(one.posterior.distinct).toBeLessThanOrEqual(16);
    // The posterior is the last generation, or the one before it when its moves were rejected.
    expect(one.posterior.generation).toBe(one.generations.length - (one.stoppedBecause === 'min-acceptance' ? 2 : 1));
  });

  it('fits only parameters the export informs, naming what is missing', async () => {
    const noShares = { ...data, posts: data.posts.map(({ shares: _, ...p }) => p) };
    await expect(fit({ ...small, export: noShares, parameters: ['behavior.share.base'] })).rejects.toThrow(ScenarioError);
    await expect(fit({ ...small, export: noShares, parameters: ['behavior.share.base'] })).rejects.toThrow(/behavior\.share\.base[\s\S]*sharesPerImpression/);
    await expect(fit({ ...small, parameters: ['behavior.nothing'] })).rejects.toThrow(/one of feed\.inNetworkReach/);
  });
});

describe('feedsim fit', () => {
  it('refuses a bad export row, naming the row and column, with no stack trace', () => {
    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, 'published,impressions,likes\n2026-01-05T10:00Z,100,5\n2026-01-06T10:00Z,lots,5\n');
    const r = cli(['fit', bad, '--followers', '50', '--out', join(tmp, 'bad-fit')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/row 3/);
    expect(r.stderr).toMatch(/impressions/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
