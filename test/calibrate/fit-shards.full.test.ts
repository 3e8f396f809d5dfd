import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCsv, followerCsv } from '../../src/calibrate/export-csv.js';
import { syntheticExport } from '../../src/calibrate/synthetic.js';
import { cli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'feedsim-fit-shards-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('feedsim fit over shards', () => {
  it('two shards, a round per generation reading each other back, end at the single-machine posterior', () => {
    const { export: data } = syntheticExport({ posts: 12, days: 6, users: 300, followers: 30, seed: 4 });
    const file = join(tmp, 'export.csv');
    writeFileSync(file, exportCsv(data));
    writeFileSync(join(tmp, 'followers.csv'), followerCsv(data.followers!));
    const settings = ['--followers-file', join(tmp, 'followers.csv'), '--users', '300', '--particles', '16', '--max-simulations', '48', '--checks', '4', '--workers', '1'];
    const single = cli(['fit', file, ...settings, '--out', join(tmp, 'one')]);
    expect(single.status).toBe(0);
    const shards = [0, 1].map((i) => join(tmp, `shard-${i}`));
    for (let i = 0; i < 2; i++) {
      const r = cli(['fit', file, ...settings, '--shard', `${i}/2`, '--out', shards[i]]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`shard ${i}/2: ran its share of g0`));
    }
    // Rounds: each shard reads the other back and runs its share of the next batch.
    let rounds = 0;
    while (!existsSync(join(shards[0], 'fit.json')) && rounds < 20) {
      rounds++;
      for (let i = 0; i < 2; i++) {
        const r = cli(['fit', '--resume', shards[i], '--shard', `${i}/2`, '--from', shards[1 - i], '--workers', '1']);
        expect(r.status, r.stderr).toBe(0);
      }
    }
    expect(rounds).toBeGreaterThan(1);
    expect(JSON.parse(readFileSync(join(shards[0], 'fit.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(join(tmp, 'one', 'fit.json'), 'utf8')));
    // A directory of another fit is refused.
    const other = cli(['fit', '--resume', shards[0], '--from', join(tmp, 'nowhere')]);
    expect(other.status).toBe(2);
  });
});
