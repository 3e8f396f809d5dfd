import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fit, type FitOptions } from '../../src/calibrate/fit.js';
import { exportCsv, followerCsv } from '../../src/calibrate/export-csv.js';
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
  });

  it('fits only parameters the export informs, naming what is missing', async () => {
    const noShares = { ...data, posts: data.posts.map(({ shares: _, ...p }) => p) };
    await expect(fit({ ...small, export: noShares, parameters: ['behavior.share.base'] })).rejects.toThrow(ScenarioError);
    await expect(fit({ ...small, export: noShares, parameters: ['behavior.share.base'] })).rejects.toThrow(/behavior\.share\.base[\s\S]*sharesPerImpression/);
    await expect(fit({ ...small, parameters: ['behavior.nothing'] })).rejects.toThrow(/one of feed\.inNetworkReach/);
  });
});

describe('feedsim fit and advise', () => {
  const exportFile = join(tmp, 'export.csv');
  const followersFile = join(tmp, 'followers.csv');
  writeFileSync(exportFile, exportCsv(data));
  writeFileSync(followersFile, followerCsv(data.followers!));
  const out = join(tmp, 'fit');
  const args = ['--users', '300', '--particles', '16', '--max-simulations', '48', '--checks', '4', '--workers', '1'];

  it('fit writes the posterior, the run record and fit.json; a second fit into the same directory is refused', () => {
    const r = cli(['fit', exportFile, '--followers-file', followersFile, ...args, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/generation 0: tolerance ∞/);
    expect(r.stdout).toMatch(/\| behavior\.like\.base \|/);
    for (const f of ['input.json', 'runs.jsonl', 'fit.json', 'posterior.csv']) expect(existsSync(join(out, f))).toBe(true);
    const rows = readFileSync(join(out, 'posterior.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toMatch(/^feed\.inNetworkReach,.*,weight$/);
    expect(rows).toHaveLength(17);
    const again = cli(['fit', exportFile, '--followers-file', followersFile, ...args, '--out', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already holds a fit: resume it with --resume/);
  });

  it('resumes over its record to the same posterior, running only the runs that are missing', () => {
    const fresh = JSON.parse(readFileSync(join(out, 'fit.json'), 'utf8'));
    const record = readFileSync(join(out, 'runs.jsonl'), 'utf8').trim().split('\n');
    expect(record).toHaveLength(fresh.simulations);
    // An interruption: fit.json never written, the last third of the runs lost with the last line torn.
    rmSync(join(out, 'fit.json'));
    const kept = record.slice(0, Math.floor((2 * record.length) / 3));
    writeFileSync(join(out, 'runs.jsonl'), [...kept, record[kept.length].slice(0, 10)].join('\n'));
    const r = cli(['fit', '--resume', out, '--workers', '2']);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'fit.json'), 'utf8'))).toEqual(fresh);
    const lines = readFileSync(join(out, 'runs.jsonl'), 'utf8').split('\n').filter((l) => l.startsWith('{"id"'));
    expect(new Set(lines.map((l) => JSON.parse(l).id)).size).toBe(fresh.simulations);
  });

  it('advise prints the answer for the account and writes advice.json', () => {
    const r = cli(['advise', out, '--strategies', 'like-chasing,follow-building', '--draws', '3', '--cycles', '2', '--workers', '1']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^For this account, follow-building ends 2 cycles/);
    expect(r.stdout).toMatch(/P\(follow-building ahead at cycle 2\) = [01]\.\d\d/);
    expect(JSON.parse(readFileSync(join(out, 'advice.json'), 'utf8')).aheadByCycle).toHaveLength(2);
  });

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
