/**
 * Fuzz through the command line (unit size): mutated scenario and sweep files (JSON and YAML,
 * malformed text, NaN and Infinity, unknown and missing fields) and edge-list files with bad lines,
 * each through `feedsim validate` — and `feedsim run` when valid and small; and a few crafted
 * records, planted links and special input files (fuzz/io-cases.ts). The heavy run is
 * fuzz-cli.full.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHere, tempDir, writeIn } from './helpers/cli.js';
import { checkCliCase, checkCliReserved, checkCraftedRecord } from './fuzz/cli-case.js';
import type { ReservedCase } from './fuzz/bounds-cases.js';
import { draw, fuzzCase, type FuzzKind } from './fuzz/mutate.js';
import { describeIo } from './fuzz/io-cases.js';
import { runIoBatch } from './fuzz/io-run.js';

const CLI_KINDS: FuzzKind[] = ['scenario', 'scenario-text', 'sweep', 'sweep-text', 'edge-list'];

describe('fuzz through the CLI', () => {
  it('150 mutated files: exit 0 or 2 with the problems listed, never a crash, stack trace or NaN', async () => {
    const dir = tempDir('feedsim-fuzz-cli-');
    const statuses: Record<number, number> = {};
    const failures: string[] = [];
    for (let i = 0; i < 150; i++) {
      const r = await checkCliCase(fuzzCase(CLI_KINDS[i % CLI_KINDS.length], 2, i), dir);
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.failure) failures.push(`${r.id}: ${r.failure}`);
    }
    console.log(`fuzz cli: 150 cases — exit 0: ${statuses[0] ?? 0}, exit 2: ${statuses[2] ?? 0}`);
    expect(failures).toEqual([]);
    // Both outcomes occur: the mutations are neither all harmless nor all fatal.
    expect(statuses[0]).toBeGreaterThan(5);
    expect(statuses[2]).toBeGreaterThan(5);
  });

  it('issue 20: 8 sweeps around the size bounds, 1 with reserved labels, 6 resumes with a crafted record', async () => {
    const dir = tempDir('feedsim-fuzz-cli-');
    const reports = [];
    for (let i = 0; i < 8; i++) reports.push(await checkCliCase(fuzzCase('sweep-size', 2, i), dir));
    for (let i = 0; i < 1; i++) reports.push(await checkCliReserved(fuzzCase('reserved-names', 2, i) as ReservedCase, dir));
    const design = writeIn(dir, 'sweep.json', JSON.stringify({ scenario: { users: 120, cycles: 2, stepsPerCycle: 2 }, design: { kind: 'grid', factors: { 'behavior.follow.base': [0.001, 0.002] } }, strategies: ['like-chasing', 'follow-building'], replicates: 2, seed: 1 }));
    const done = join(dir, 'done');
    expect((await cliHere(['sweep', design, '--out', done, '-w', '1'])).status).toBe(0);
    for (let i = 0; i < 6; i++) reports.push(await checkCraftedRecord(`record/2/${i}`, draw(`feedsim-fuzz/record/2/${i}`), done, dir));
    expect(reports.filter((r) => r.failure).map((r) => `${r.id}: ${r.failure}`)).toEqual([]);
    expect(reports.some((r) => r.status === 2)).toBe(true);
  });
});

describe('fuzz of results directories and input files', () => {
  it('40 crafted records, planted links and special input files: refused or exact, never a crash, hang or echo', async () => {
    // The limit only stops a hang; it names the case that hung.
    const { reports, hung, stderr } = await runIoBatch(2, { record: 20, symlink: 10, special: 10 }, 240_000);
    expect(hung, stderr.slice(0, 500)).toBeUndefined();
    expect(reports).toHaveLength(40);
    expect(reports.filter((r) => r.failure).map(describeIo)).toEqual([]);
    expect(reports.filter((r) => r.id.startsWith('record') && r.status === 0).length).toBeGreaterThan(0);
    expect(reports.filter((r) => r.id.startsWith('record') && r.status === 2).length).toBeGreaterThan(0);
  });
});
