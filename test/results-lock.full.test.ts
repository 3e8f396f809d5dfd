/**
 * Issue 20, class 4: one writer per results directory. Two `sweep --resume` of one directory at
 * once recorded runs twice and left a directory no resume could finish; a shard whose numbers
 * were edited merged silently. Each test here fails on 0.2.1.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedLine } from '../src/io/record-checksum.js';
import { cliChild, cliHere, exited, lineCount, tempDir, waitFor, writeIn } from './helpers/cli.js';
import { SMALL_SWEEP, SMALL_SWEEP_RUNS } from './helpers/small-sweep.js';

const design = SMALL_SWEEP;
const RUNS = SMALL_SWEEP_RUNS;
const LOCK = '.feedsim.lock';

let dir: string;
let file: string;
let reference: string;
let summary: string;

const lines = (path: string): string[] => readFileSync(path, 'utf8').trim().split('\n');

/** A copy of the finished sweep whose record keeps only its first `keep` lines (as a kill leaves it). */
function partial(name: string, keep: number): string {
  const out = join(dir, name);
  cpSync(join(dir, 'whole'), out, { recursive: true });
  writeFileSync(join(out, 'runs.jsonl'), lines(join(out, 'runs.jsonl')).slice(0, keep).join('\n') + '\n');
  return out;
}

/** A lock file as another process would have written it. */
const lockOf = (pid: number, host = hostname(), command = 'feedsim sweep --resume elsewhere') =>
  JSON.stringify({ pid, hostname: host, started: '2026-01-01T00:00:00.000Z', command, feedsim: '0.2.1', token: 'their-token' }) + '\n';

/** A live process that is not this one (the tests run the CLI in this process). */
const sleeper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
afterAll(() => void sleeper.kill('SIGKILL'));

beforeAll(async () => {
  dir = tempDir('feedsim-lock-');
  file = writeIn(dir, 'sweep.yaml', design);
  const r = await cliHere(['sweep', file, '--out', join(dir, 'whole'), '--workers', '2']);
  expect(r.status).toBe(0);
  reference = readFileSync(join(dir, 'whole', 'runs.jsonl'), 'utf8');
  summary = readFileSync(join(dir, 'whole', 'summary.json'), 'utf8');
  expect(reference.trim().split('\n')).toHaveLength(RUNS);
});

describe('one writer per results directory', () => {
  it('two sweep --resume of one directory at once: the second is refused naming the first; the record stays whole', async () => {
    const out = partial('two-resumes', 2);
    const first = cliChild(['sweep', '--resume', out, '--workers', '1']);
    await waitFor(() => existsSync(join(out, LOCK)));
    // Held still, so the second certainly comes while the first holds the directory.
    first.kill('SIGSTOP');
    const holder = JSON.parse(readFileSync(join(out, LOCK), 'utf8'));
    expect(holder).toMatchObject({ pid: first.pid, hostname: hostname(), command: `feedsim sweep --resume ${out}` });
    expect(Date.parse(holder.started)).not.toBeNaN();
    const second = await cliHere(['sweep', '--resume', out, '--workers', '1']);
    first.kill('SIGCONT');
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(`results directory in use: feedsim sweep --resume ${out} (pid ${first.pid} on this host, since ${holder.started}) holds its lock ${join(out, LOCK)}`);
    expect(await exited(first)).toBe(0);
    expect(readFileSync(join(out, 'runs.jsonl'), 'utf8')).toBe(reference);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(summary);
    expect(existsSync(join(out, LOCK))).toBe(false);
  });

  it('every command that writes a results directory is refused while another process holds it', async () => {
    const scenario = writeIn(dir, 'small.yaml', 'users: 300\ncycles: 1\nstepsPerCycle: 4\n');
    const held = (name: string) => {
      const out = join(dir, name);
      cpSync(join(dir, 'whole'), out, { recursive: true });
      writeFileSync(join(out, LOCK), lockOf(sleeper.pid!));
      return out;
    };
    const fresh = (name: string) => {
      // A new directory holding only the other writer's lock.
      const out = join(dir, name);
      mkdirSync(out);
      writeFileSync(join(out, LOCK), lockOf(sleeper.pid!));
      return out;
    };
    const cases: Array<[string, string[]]> = [
      ['run', ['run', scenario, '--out', fresh('run'), '--workers', '1']],
      ['compare', ['compare', scenario, '--replicates', '2', '--out', fresh('compare'), '--workers', '1']],
      ['sweep', ['sweep', file, '--out', fresh('sweep'), '--workers', '1']],
      ['sweep --resume', ['sweep', '--resume', held('resume'), '--workers', '1']],
      ['merge', ['merge', join(dir, 'whole'), '--out', fresh('merge')]],
      ['contest', ['contest', scenario, '--out', fresh('contest'), '--workers', '1']],
      ['report', ['report', held('report')]],
    ];
    for (const [what, args] of cases) {
      const r = await cliHere(args);
      expect(r.status, what).toBe(2);
      expect(r.stderr, what).toMatch(new RegExp(`results directory in use: feedsim sweep --resume elsewhere \\(pid ${sleeper.pid} on this host`));
    }
    // Nothing was written beside the lock, and the lock is still the holder's.
    expect(existsSync(join(dir, 'run', 'manifest.json'))).toBe(false);
    expect(existsSync(join(dir, 'report', 'report.html'))).toBe(false);
    expect(readFileSync(join(dir, 'resume', LOCK), 'utf8')).toBe(lockOf(sleeper.pid!));
  });

  it('a stale lock (this host, its process gone) is taken over with a note; one from another host is refused', async () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const out = partial('stale', 3);
    writeFileSync(join(out, LOCK), lockOf(gone));
    const r = await cliHere(['sweep', '--resume', out, '--workers', '2']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`note: ${join(out, LOCK)} was left by feedsim sweep --resume elsewhere (pid ${gone}, since 2026-01-01T00:00:00.000Z), which is no longer running: taken over`);
    expect(readFileSync(join(out, 'runs.jsonl'), 'utf8')).toBe(reference);
    expect(existsSync(join(out, LOCK))).toBe(false);

    const remote = partial('remote', 3);
    writeFileSync(join(remote, LOCK), lockOf(12345, 'node-17.cluster'));
    const refused = await cliHere(['sweep', '--resume', remote, '--workers', '1']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`(pid 12345 on host node-17.cluster, since 2026-01-01T00:00:00.000Z) holds its lock ${join(remote, LOCK)}`);
    expect(refused.stderr).toContain(`If no feedsim runs there any more (its machine stopped, or the job was killed), delete ${join(remote, LOCK)}`);
    expect(lines(join(remote, 'runs.jsonl'))).toHaveLength(3);
    expect(readFileSync(join(remote, LOCK), 'utf8')).toBe(lockOf(12345, 'node-17.cluster'));
  });

  it('the lock is released on SIGTERM (exit 143) and on a second Ctrl-C (exit 130), finished runs kept', async () => {
    for (const [signals, code] of [[['SIGTERM'], 143], [['SIGINT', 'SIGINT'], 130]] as const) {
      const out = partial(`signal-${signals[0]}`, 1);
      const child = cliChild(['sweep', '--resume', out, '--workers', '1']);
      await waitFor(() => existsSync(join(out, LOCK)) && lineCount(join(out, 'runs.jsonl')) >= 3);
      for (const s of signals) child.kill(s);
      expect(await exited(child)).toBe(code);
      expect(existsSync(join(out, LOCK))).toBe(false);
      expect(lineCount(join(out, 'runs.jsonl'))).toBeGreaterThanOrEqual(3);
      expect((await cliHere(['sweep', '--resume', out, '--workers', '2'])).status).toBe(0);
      expect(readFileSync(join(out, 'runs.jsonl'), 'utf8')).toBe(reference);
    }
  });
});

describe('records twice over, and records changed after they were written', () => {
  it('identical repeats of a run are kept once (the record is cleaned); different ones are refused naming both lines', async () => {
    // What two writers at once left: the same runs appended twice.
    const out = partial('repeats', RUNS);
    const record = join(out, 'runs.jsonl');
    appendFileSync(record, lines(record).slice(2, 5).join('\n') + '\n');
    const r = await cliHere(['sweep', '--resume', out, '--workers', '1']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`note: ${record}: 3 identical repeats of recorded runs`);
    expect(readFileSync(record, 'utf8')).toBe(reference);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(summary);

    // A second record of run 3 with other numbers, its checksum valid: which one is right cannot be told.
    const conflict = partial('conflict', 6);
    const run = JSON.parse(lines(join(conflict, 'runs.jsonl'))[2]);
    delete run.checksum;
    run.accounts[0].cycles[0].impressions += 1;
    appendFileSync(join(conflict, 'runs.jsonl'), signedLine(JSON.stringify(run)));
    const refused = await cliHere(['sweep', '--resume', conflict, '--workers', '1']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`${join(conflict, 'runs.jsonl')}, line 7: run "${run.id}" is recorded twice with different numbers (lines 3 and 7)`);
    expect(lines(join(conflict, 'runs.jsonl'))).toHaveLength(7);
    expect(existsSync(join(conflict, LOCK))).toBe(false);
  });

  it('an edited record is refused by resume and merge, naming the file, line and run; old records without checksums still merge', async () => {
    for (const i of [0, 1]) expect((await cliHere(['sweep', file, '--shard', `${i}/2`, '--out', join(dir, `shard-${i}`), '--workers', '2'])).status).toBe(0);
    const shards = [0, 1].map((i) => join(dir, `shard-${i}`));
    const edited = join(dir, 'shard-1-edited');
    cpSync(shards[1], edited, { recursive: true });
    const record = join(edited, 'runs.jsonl');
    const text = lines(record);
    const id = JSON.parse(text[1]).id;
    // A better number for one run, the rest of the line untouched.
    text[1] = text[1].replace(/"impressions":(\d+)/, (_m, n: string) => `"impressions":${Number(n) + 1000}`);
    writeFileSync(record, text.join('\n') + '\n');
    const reason = `${record}, line 2: run "${id}" does not match its checksum: the line was changed after feedsim wrote it`;
    const merged = await cliHere(['merge', shards[0], edited, '--out', join(dir, 'merged-edited')]);
    expect(merged.status).toBe(2);
    expect(merged.stderr).toContain(reason);
    expect(existsSync(join(dir, 'merged-edited'))).toBe(false);
    const resumed = await cliHere(['sweep', '--resume', edited, '--workers', '1']);
    expect(resumed.status).toBe(2);
    expect(resumed.stderr).toContain(reason);

    // The checksum removed from the edited line: still refused, the directory signs every line.
    writeFileSync(record, text.map((l, k) => (k === 1 ? l.replace(/,"checksum":"[^"]*"/, '') : l)).join('\n') + '\n');
    const stripped = await cliHere(['merge', shards[0], edited, '--out', join(dir, 'merged-stripped')]);
    expect(stripped.status).toBe(2);
    expect(stripped.stderr).toContain(`${record}, line 2: run "${id}" has no checksum, though every line of this directory was written with one`);

    // A directory from before checksums (none on any line, none promised by its manifest) merges, with a note.
    const old = join(dir, 'shard-1-old');
    cpSync(shards[1], old, { recursive: true });
    writeFileSync(join(old, 'runs.jsonl'), lines(join(old, 'runs.jsonl')).map((l) => l.replace(/,"checksum":"[^"]*"/, '')).join('\n') + '\n');
    const manifest = JSON.parse(readFileSync(join(old, 'manifest.json'), 'utf8'));
    expect(manifest.recordChecksums).toBe('sha256');
    delete manifest.recordChecksums;
    writeFileSync(join(old, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    const fine = await cliHere(['merge', shards[0], old, '--out', join(dir, 'merged-old')]);
    expect(fine.status).toBe(0);
    expect(fine.stderr).toMatch(new RegExp(`note: .*shard-1-old/runs\\.jsonl: ${lines(join(old, 'runs.jsonl')).length} of \\d+ runs carry no checksum \\(recorded before feedsim 0\\.3\\.0\\): read as they are, unverified`));
    expect(readFileSync(join(dir, 'merged-old', 'summary.json'), 'utf8')).toBe(summary);
    expect(readFileSync(join(dir, 'merged-old', 'runs.jsonl'), 'utf8')).toBe(reference);
  });

  it('merge keeps a run recorded identically in two shards once, and refuses one recorded differently', async () => {
    const shards = [0, 1].map((i) => join(dir, `shard-${i}`));
    const copy = join(dir, 'shard-1-overlap');
    cpSync(shards[1], copy, { recursive: true });
    const theirs = lines(join(shards[0], 'runs.jsonl'));
    appendFileSync(join(copy, 'runs.jsonl'), theirs[0] + '\n');
    const merged = await cliHere(['merge', shards[0], copy, '--out', join(dir, 'merged-overlap')]);
    expect(merged.status).toBe(0);
    expect(merged.stderr).toContain('note: 1 run records repeated identically (in one shard or two) are kept once');
    expect(readFileSync(join(dir, 'merged-overlap', 'runs.jsonl'), 'utf8')).toBe(reference);

    const differ = join(dir, 'shard-1-differ');
    cpSync(shards[1], differ, { recursive: true });
    const run = JSON.parse(theirs[0]);
    delete run.checksum;
    run.accounts[0].cycles[0].impressions += 1;
    appendFileSync(join(differ, 'runs.jsonl'), signedLine(JSON.stringify(run)));
    const refused = await cliHere(['merge', shards[0], differ, '--out', join(dir, 'merged-differ')]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`1 runs are recorded differently in two shards: "${run.id}" (${shards[0]} and ${differ})`);
  });
});
