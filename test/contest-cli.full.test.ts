/**
 * `feedsim contest` as a user runs it: the answer's sentence first, a results directory that a
 * resume finishes without rerunning anything, and shards that advance stage by stage by reading
 * each other's runs back (--from) and end with the same summary as one machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliHere, lineCount, tempDir, writeIn } from './helpers/cli.js';

const args = ['--candidates', '4', '--held-out', '4', '--screen-users', '300', '--horizon', '2', '--seed', '3'];
let dir: string;
let file: string;
let whole: { stdout: string };

beforeAll(async () => {
  dir = tempDir('feedsim-contest-');
  file = writeIn(dir, 'small.yaml', 'users: 600\ncycles: 3\nstepsPerCycle: 12\n');
  whole = await cliHere(['contest', file, ...args, '--workers', '2', '--out', join(dir, 'whole')]);
});

const summary = (d: string) => JSON.parse(readFileSync(join(dir, d, 'summary.json'), 'utf8'));

describe('feedsim contest', () => {
  it('opens with the answer in one sentence and writes a results directory', () => {
    expect(whole.stdout.split('\n')[0]).toMatch(/^At equal spend of \d+ a cycle, the best follow-building recipe ends 3 cycles .* the best like-chasing recipe \(4 held-out replicates/);
    expect(summary('whole').kind).toBe('contest');
    expect(summary('whole').headline).toBe(whole.stdout.split('\n')[0]);
  });

  it('--resume of a finished contest reruns nothing and gives the same summary', async () => {
    const before = lineCount(join(dir, 'whole', 'runs.jsonl'));
    const r = await cliHere(['contest', '--resume', join(dir, 'whole'), '--workers', '1']);
    expect(r.status).toBe(0);
    expect(lineCount(join(dir, 'whole', 'runs.jsonl'))).toBe(before);
    expect(r.stdout.split('\n')[0]).toBe(whole.stdout.split('\n')[0]);
  });

  it('two shards advance stage by stage reading each other back, and finish with one machine\'s summary', async () => {
    const dirs: string[] = [];
    let stops = 0;
    for (let stage = 0; stage < 12; stage++) {
      const from = dirs.flatMap((d) => ['--from', join(dir, d)]);
      const made: string[] = [];
      for (const i of [0, 1]) {
        const out = `stage${stage}-${i}`;
        const r = await cliHere(['contest', file, ...args, '--workers', '1', '--shard', `${i}/2`, ...from, '--out', join(dir, out)]);
        expect(r.status).toBe(0);
        if (/ran its share of the contest up to/.test(r.stdout)) stops++;
        made.push(out);
      }
      dirs.push(...made);
      if (made.every((d) => lineCount(join(dir, d, 'runs.jsonl')) === 0)) break;
    }
    expect(stops).toBeGreaterThan(1);
    const r = await cliHere(['contest', file, ...args, '--workers', '1', ...dirs.flatMap((d) => ['--from', join(dir, d)]), '--out', join(dir, 'final')]);
    expect(r.status).toBe(0);
    // Everything was run by the shards: the final pass only reads.
    expect(lineCount(join(dir, 'final', 'runs.jsonl'))).toBe(0);
    expect(summary('final')).toEqual(summary('whole'));
  });

  it('refuses --shard without --out, and --from a directory of another contest', async () => {
    const a = await cliHere(['contest', file, ...args, '--shard', '0/2']);
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/--shard needs --out/);
    const other = writeIn(dir, 'other.yaml', 'users: 700\ncycles: 3\nstepsPerCycle: 12\n');
    const b = await cliHere(['contest', other, ...args, '--from', join(dir, 'whole')]);
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/--from .*not a directory of this contest/);
  });
});
