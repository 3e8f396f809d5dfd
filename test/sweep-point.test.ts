import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CycleRecord } from '../src/engine/simulate.js';
import type { RunOutput } from '../src/experiment/run.js';
import { pointOf, summariseSweep, sweep, sweepScenarios, sweepSpecs } from '../src/experiment/sweep.js';
import { readRunRecord } from '../src/io/run-record.js';
import { cliHere, tempDir, writeIn } from './helpers/cli.js';

// A sweep's runs carry their design point (RunSpec.point → RunOutput.point) instead of the sweep
// recovering it by parsing the run id; records written by 0.2.1 (no `point`) still resume and merge.

const scenario = { users: 300, cycles: 2, stepsPerCycle: 4 };
const design = { kind: 'grid' as const, factors: { 'behavior.follow.base': [0.0005, 0.005] } };
const strategies = ['like-chasing', 'follow-building'];

/** A record line as feedsim 0.2.1 wrote it: no `point`, no checksum. */
const withoutPoint = (line: string) => line.replace(/,"point":\d+/, '').replace(/,"checksum":"[^"]*"/, '');

/** The manifest of `dir` as feedsim 0.2.1 wrote it: without `recordChecksums`. */
function oldManifest(dir: string): void {
  const { recordChecksums: _, ...m } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m, null, 2) + '\n');
}

function synthetic(point: number, hash: string, label: string, r: number, id: string, withPoint = true): RunOutput {
  const cycles = [1, 2].map((c) => ({ cycle: c, cumulativeNpv: -c * (label === 'like-chasing' ? 10 : 20) * point - r }) as unknown as CycleRecord);
  return {
    id, label, replicate: r, seed: 1, scenarioHash: hash, version: 'test', ...(withPoint ? { point } : {}),
    accounts: [{ name: 'focal', strategy: label, cycles }], warnings: [],
  };
}

describe('the design point travels with the run', () => {
  it('specs and outputs carry it (1-based, as SweepPoint.index)', async () => {
    const specs = sweepSpecs({ scenario, design, strategies, replicates: 2, seed: 1 });
    expect(specs.map((s) => s.point)).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
    const seen: Array<[string, number | undefined]> = [];
    const r = await sweep({ scenario, design, strategies: ['like-chasing'], replicates: 2, seed: 1, onRun: (run) => void seen.push([run.id, run.point]) });
    expect(seen).toEqual([['p1/like-chasing/r0', 1], ['p1/like-chasing/r1', 1], ['p2/like-chasing/r0', 2], ['p2/like-chasing/r1', 2]]);
    expect(r.points.map((p) => p.index)).toEqual([1, 2]);
  });

  it('summaries group runs by their point, not by their id; ids are parsed only for runs without one', () => {
    const points = sweepScenarios(scenario, design);
    const opts = { scenario, design, strategies, replicates: 2, seed: 1 };
    const make = (id: (p: number, l: string, r: number) => string, withPoint: boolean) =>
      points.flatMap(({ hash }, i) => [0, 1].flatMap((r) => strategies.map((l) => synthetic(i + 1, hash, l, r, id(i + 1, l, r), withPoint))));
    const current = summariseSweep(opts, make((p, l, r) => `p${p}/${l}/r${r}`, true));
    expect(current.points).toHaveLength(2);
    expect(current.points[1].final['follow-building'].mean).toBe(-80.5); // point 2's runs, not point 1's
    // Ids that do not spell the point: the point field decides.
    expect(summariseSweep(opts, make((p, l, r) => `run-${l}-${r}-at-${p}`, true))).toEqual(current);
    // A 0.2.1 record: no point field, the id says it.
    expect(summariseSweep(opts, make((p, l, r) => `p${p}/${l}/r${r}`, false))).toEqual(current);
    expect(pointOf({ id: 'p12/a/b/r0' })).toBe(12);
    expect(() => pointOf({ id: 'x/r0' })).toThrow(/run x\/r0: no design point/);
    expect(() => pointOf({ id: 'p1/a/r0', point: 0 })).toThrow(/design point 0 is not a point number/);
  });

  it('the run record reads lines with and without a point; a malformed point is not a run', () => {
    const dir = tempDir('feedsim-point-');
    const line = (extra: string) => `{"id":"p1/a/r0","label":"a","replicate":0,"seed":1${extra},"scenarioHash":"h","version":"v","accounts":[{"name":"f","strategy":"a","cycles":[{"cycle":1,"cumulativeNpv":0}]}],"warnings":[]}\n`;
    const path = writeIn(dir, 'runs.jsonl', line(',"point":1') + line('').replace('p1/a/r0', 'p1/a/r1'));
    expect(readRunRecord(path).runs.map((r) => r.point)).toEqual([1, undefined]);
    writeFileSync(path, line(',"point":"1"') + line(''));
    expect(() => readRunRecord(path)).toThrow(/line 1: not a run record .*point: "1" — must be a design point number/);
  });
});

describe('0.2.1 records (runs without a point) still resume and merge', () => {
  const sweepFile = `scenario:\n  users: 300\n  cycles: 2\n  stepsPerCycle: 4\ndesign:\n  kind: grid\n  factors:\n    behavior.follow.base: [0.0005, 0.005]\nstrategies: [like-chasing, follow-building]\nreplicates: 2\nseed: 1\n`;
  let dir: string;
  let file: string;
  let summary: string;
  beforeAll(async () => {
    dir = tempDir('feedsim-point-cli-');
    file = writeIn(dir, 'sweep.yaml', sweepFile);
    expect((await cliHere(['sweep', file, '--out', join(dir, 'whole'), '--workers', '1'])).status).toBe(0);
    summary = readFileSync(join(dir, 'whole', 'summary.json'), 'utf8');
    const lines = readFileSync(join(dir, 'whole', 'runs.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).point)).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('--resume of a record cut short, its runs without points', async () => {
    const out = join(dir, 'old-record');
    expect((await cliHere(['sweep', file, '--out', out, '--workers', '1'])).status).toBe(0);
    const record = join(out, 'runs.jsonl');
    const old = readFileSync(record, 'utf8').trim().split('\n').slice(0, 5).map(withoutPoint);
    expect(old.every((l) => !('point' in JSON.parse(l)))).toBe(true);
    writeFileSync(record, old.join('\n') + '\n');
    oldManifest(out);
    const resumed = await cliHere(['sweep', '--resume', out, '--workers', '1']);
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toMatch(/resuming .*: 5 of 8 runs finished/);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(summary);
  });

  it('merge of shards, one of them recorded without points', async () => {
    for (const i of [0, 1]) expect((await cliHere(['sweep', file, '--shard', `${i}/2`, '--out', join(dir, `shard-${i}`), '--workers', '1'])).status).toBe(0);
    const record = join(dir, 'shard-1', 'runs.jsonl');
    writeFileSync(record, readFileSync(record, 'utf8').trim().split('\n').map(withoutPoint).join('\n') + '\n');
    oldManifest(join(dir, 'shard-1'));
    const merged = await cliHere(['merge', join(dir, 'shard-0'), join(dir, 'shard-1'), '--out', join(dir, 'merged')]);
    expect(merged.status).toBe(0);
    expect(readFileSync(join(dir, 'merged', 'summary.json'), 'utf8')).toBe(summary);
  });
});
