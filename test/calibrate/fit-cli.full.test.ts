import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCsv, followerCsv } from '../../src/calibrate/export-csv.js';
import { syntheticExport } from '../../src/calibrate/synthetic.js';
import { cli } from '../helpers/cli.js';

// The CLI end to end (processes of their own: slow, so in test:full): fit, resume over the record, advise.
const { export: data } = syntheticExport({ posts: 12, days: 6, users: 300, followers: 30, seed: 4 });
const tmp = mkdtempSync(join(tmpdir(), 'feedsim-fit-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

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
});
