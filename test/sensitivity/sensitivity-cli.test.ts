import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliHere, tempDir, writeIn } from '../helpers/cli.js';

// 2 factors × (2 + 1) points × 2 trajectories × 1 replicate × 2 strategies = 12 runs.
const args = ['--factors', 'market.buyers,behavior.follow.base', '--trajectories', '2', '--replicates', '1', '--workers', '1'];
let dir: string;
let file: string;

beforeAll(async () => {
  dir = tempDir('feedsim-sensitivity-');
  file = writeIn(dir, 'scenario.yaml', 'version: 1\nusers: 500\ncycles: 3\nstepsPerCycle: 12\n');
  const r = await cliHere(['sensitivity', file, ...args, '--out', join(dir, 'whole'), '--plots']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

describe('feedsim sensitivity', () => {
  it('prints the ranking of every output and writes the record, the summary and one plot per output', () => {
    const summary = JSON.parse(readFileSync(join(dir, 'whole', 'summary.json'), 'utf8'));
    expect(summary.kind).toBe('sensitivity');
    expect(summary.runs).toBe(12);
    expect(Object.keys(summary.outputs)).toEqual(['difference', 'crossover']);
    expect(readFileSync(join(dir, 'whole', 'runs.jsonl'), 'utf8').trim().split('\n')).toHaveLength(12);
    for (const o of ['difference', 'crossover']) expect(readFileSync(join(dir, 'whole', 'plots', `morris-${o}.svg`), 'utf8')).toMatch(/<svg/);
  });

  it('two shards merged give the same record and summary as one machine', async () => {
    for (const i of [0, 1]) expect((await cliHere(['sensitivity', file, ...args, '--shard', `${i}/2`, '--out', join(dir, `shard-${i}`)])).status).toBe(0);
    const partial = await cliHere(['merge', join(dir, 'shard-0'), '--out', join(dir, 'partial')]);
    expect(partial.status).toBe(2);
    expect(partial.stderr).toMatch(/6 of 12 runs are missing.*feedsim sensitivity --resume/s);
    const merged = await cliHere(['merge', join(dir, 'shard-0'), join(dir, 'shard-1'), '--out', join(dir, 'merged')]);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toMatch(/Morris screening of 2 factors/);
    expect(readFileSync(join(dir, 'merged', 'runs.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'whole', 'runs.jsonl'), 'utf8'));
    expect(JSON.parse(readFileSync(join(dir, 'merged', 'summary.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(join(dir, 'whole', 'summary.json'), 'utf8')));
  });

  it('resume of a finished study runs nothing and gives the same summary', async () => {
    const r = await cliHere(['sensitivity', '--resume', join(dir, 'whole')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/12 of 12 runs finished/);
  });

  it('bad input exits 2 naming what is wrong', async () => {
    const bad = await cliHere(['sensitivity', file, '--factors', 'behavior.follow.bsae', '--out', join(dir, 'bad')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/factors\[0\].*behavior\.follow\.bsae/);
    // --strategies-from reads a contest's summary as feedsim report does: another kind, or a damaged file, is refused.
    const notContest = await cliHere(['sensitivity', file, '--strategies-from', join(dir, 'whole'), '--out', join(dir, 'bad2')]);
    expect(notContest.status).toBe(2);
    expect(notContest.stderr).toMatch(/--strategies-from .*whole: holds a sensitivity summary, not a contest's/);
    const damaged = tempDir('feedsim-damaged-');
    writeIn(damaged, 'summary.json', '{"kind": "contest", "finalists": [');
    const broken = await cliHere(['sensitivity', file, '--strategies-from', damaged, '--out', join(dir, 'bad3')]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/--strategies-from .*summary\.json/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
    const method = await cliHere(['sensitivity', file, '--method', 'fast']);
    expect(method.status).toBe(2);
    expect(method.stderr).toMatch(/--method.*morris, sobol/);
  });
});
