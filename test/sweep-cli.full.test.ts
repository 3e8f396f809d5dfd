import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliChild, cliHere, exited, lineCount, tempDir, waitFor, writeIn } from './helpers/cli.js';
import { SMALL_SWEEP, SMALL_SWEEP_RUNS } from './helpers/small-sweep.js';

const design = SMALL_SWEEP;
const RUNS = SMALL_SWEEP_RUNS;

let dir: string;
let file: string;
let reference: string;

beforeAll(async () => {
  dir = tempDir('feedsim-sweep-');
  file = writeIn(dir, 'sweep.yaml', design);
  const r = await cliHere(['sweep', file, '--out', join(dir, 'whole'), '--workers', '2', '--format', 'csv']);
  expect(r.status).toBe(0);
  reference = readFileSync(join(dir, 'whole', 'runs.jsonl'), 'utf8');
  expect(reference.trim().split('\n')).toHaveLength(RUNS);
});

describe('interrupted sweeps lose nothing', () => {
  it('SIGKILL mid-way, a cut-off last line, then --resume: the same record and exports as an uninterrupted sweep', async () => {
    const out = join(dir, 'killed');
    const child = cliChild(['sweep', file, '--out', out, '--workers', '1']);
    await waitFor(() => lineCount(join(out, 'runs.jsonl')) >= 3);
    child.kill('SIGKILL');
    expect(await exited(child)).toBe('SIGKILL');
    const kept = lineCount(join(out, 'runs.jsonl'));
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(kept).toBeLessThan(RUNS);
    // What a kill during a write leaves: half a line.
    appendFileSync(join(out, 'runs.jsonl'), '{"id":"p2/like-chasing/r3","label":"like-ch');
    const resumed = await cliHere(['sweep', '--resume', out, '--workers', '2']);
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`resuming .*: ${kept} of ${RUNS} runs finished \\(a cut-off last run was dropped`));
    expect(readFileSync(join(out, 'runs.jsonl'), 'utf8')).toBe(reference);
    expect(readFileSync(join(out, 'rows.csv'), 'utf8')).toBe(readFileSync(join(dir, 'whole', 'rows.csv'), 'utf8'));
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(readFileSync(join(dir, 'whole', 'summary.json'), 'utf8'));
  });

  it('Ctrl-C (SIGINT) stops cleanly with exit 130, keeps finished runs and says how to resume', async () => {
    const out = join(dir, 'interrupted');
    const child = cliChild(['sweep', file, '--out', out, '--workers', '1']);
    await waitFor(() => lineCount(join(out, 'runs.jsonl')) >= 2);
    child.kill('SIGINT');
    expect(await exited(child)).toBe(130);
    expect(child.out()).toMatch(/interrupted: \d+ of 16 runs are finished .*\nResume with: feedsim sweep --resume /);
    const resumed = await cliHere(['sweep', '--resume', out, '--workers', '2']);
    expect(resumed.status).toBe(0);
    expect(readFileSync(join(out, 'runs.jsonl'), 'utf8')).toBe(reference);
  });

  it('a new sweep refuses a directory that already holds results', async () => {
    const r = await cliHere(['sweep', file, '--out', join(dir, 'whole')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/already holds results: resume them with --resume/);
  });
});

describe('results of another version are not mixed in', () => {
  it('--resume and merge refuse directories written by a different feedsim version', async () => {
    const old = join(dir, 'old-version');
    cpSync(join(dir, 'whole'), old, { recursive: true });
    const manifestFile = join(old, 'manifest.json');
    writeFileSync(manifestFile, readFileSync(manifestFile, 'utf8').replace(/"feedsim": "[^"]+"/, '"feedsim": "0.0.1"'));
    const resumed = await cliHere(['sweep', '--resume', old]);
    expect(resumed.status).toBe(2);
    expect(resumed.stderr).toMatch(/its runs were made by feedsim 0\.0\.1, this is \d+\.\d+\.\d+.*finish the sweep with feedsim 0\.0\.1/);
    const merged = await cliHere(['merge', join(dir, 'whole'), old, '--out', join(dir, 'mixed')]);
    expect(merged.status).toBe(2);
    expect(merged.stderr).toMatch(/was run by feedsim 0\.0\.1 .*shards of one sweep must come from one version/);
  });
});

describe('beyond one machine: shards and merge', () => {
  it('three shard processes in parallel, merged, equal the single-machine sweep; a missing shard is reported', async () => {
    const shards = [0, 1, 2].map((i) => cliChild(['sweep', file, '--shard', `${i}/3`, '--out', join(dir, `shard-${i}`), '--workers', '1']));
    expect(await Promise.all(shards.map(exited))).toEqual([0, 0, 0]);
    const counts = [0, 1, 2].map((i) => lineCount(join(dir, `shard-${i}`, 'runs.jsonl')));
    expect(counts.reduce((a, b) => a + b)).toBe(RUNS);
    const missing = await cliHere(['merge', join(dir, 'shard-0'), join(dir, 'shard-1'), '--out', join(dir, 'partial')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(new RegExp(`${counts[2]} of ${RUNS} runs are missing`));
    const twice = await cliHere(['merge', join(dir, 'shard-0'), join(dir, 'shard-0'), join(dir, 'shard-1'), join(dir, 'shard-2'), '--out', join(dir, 'twice')]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/shard-0 is named twice/);
    const merged = await cliHere(['merge', join(dir, 'shard-0'), join(dir, 'shard-1'), join(dir, 'shard-2'), '--out', join(dir, 'merged')]);
    expect(merged.status).toBe(0);
    expect(readFileSync(join(dir, 'merged', 'runs.jsonl'), 'utf8')).toBe(reference);
    expect(readFileSync(join(dir, 'merged', 'summary.json'), 'utf8')).toBe(readFileSync(join(dir, 'whole', 'summary.json'), 'utf8'));
  });
});
