/**
 * Fuzz through the command line (full size): 2,000 mutated scenario, sweep and edge-list files
 * and 300 sweeps around the size bounds through `feedsim validate` (and `feedsim run` when valid
 * and small); 60 sweeps and comparisons with reserved strategy labels through every output; 200
 * resumes of a sweep whose record has a line crafted to be no run or to contradict the sweep
 * (issue 20, classes 1-3); and 3,200 results
 * directories and input files — crafted records through `sweep --resume` and `merge`, links and
 * special files where results are written, special files where input is read. With
 * fuzz.full.test.ts (10,000 cases through the library) this is the fuzz of `npm run test:full`
 * (npm test fuzzes the library only, in fuzz.test.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHere, tempDir, writeIn } from './helpers/cli.js';
import { checkCliCase, checkCliReserved, checkCraftedRecord, type CliCaseReport } from './fuzz/cli-case.js';
import type { ReservedCase } from './fuzz/bounds-cases.js';
import { draw, fuzzCase, type FuzzKind } from './fuzz/mutate.js';
import { describeIo } from './fuzz/io-cases.js';
import { runIoBatch } from './fuzz/io-run.js';

const KINDS: FuzzKind[] = ['scenario', 'scenario-text', 'sweep', 'sweep-text', 'edge-list'];
const CASES = 2000;
const SIZES = 300;
const RESERVED = 60;
const RECORDS = 200;

/** Runs `count` cases, prints the exit codes, returns the failures and how many cases ended with each exit code. */
async function fuzz(title: string, count: number, one: (i: number) => Promise<CliCaseReport>): Promise<{ failures: string[]; statuses: Record<number, number> }> {
  const statuses: Record<number, number> = {};
  const failures: string[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const r = await one(i);
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    if (r.failure) failures.push(`${r.id}: ${r.failure}`);
  }
  console.log(`fuzz cli (full) ${title}: ${count} cases in ${((performance.now() - started) / 1000).toFixed(0)} s — exit 0: ${statuses[0] ?? 0}, exit 2: ${statuses[2] ?? 0}, failures: ${failures.length}`);
  return { failures, statuses };
}

describe('fuzz through the CLI (full)', () => {
  it(`${CASES} mutated files: exit 0 or 2 with the problems listed, never a crash, stack trace or NaN`, async () => {
    const dir = tempDir('feedsim-fuzz-cli-');
    const { failures, statuses } = await fuzz('mutated files', CASES, (i) => checkCliCase(fuzzCase(KINDS[i % KINDS.length], 3, i), dir));
    expect(failures.slice(0, 10)).toEqual([]);
    // Both outcomes occur: the mutations are neither all harmless nor all fatal.
    expect(statuses[0]).toBeGreaterThan(5);
    expect(statuses[2]).toBeGreaterThan(5);
  }, 900_000);

  it(`${SIZES} sweeps around the size bounds: refused with exit 2 exactly when past them`, async () => {
    const dir = tempDir('feedsim-fuzz-size-');
    const { failures, statuses } = await fuzz('sweep sizes', SIZES, (i) => checkCliCase(fuzzCase('sweep-size', 3, i), dir));
    expect(failures.slice(0, 10)).toEqual([]);
    expect(statuses[2]).toBeGreaterThan(0); // some cases are past the bounds and refused
  }, 900_000);

  it(`${RESERVED} sweeps and comparisons with reserved labels: every label in summary.json, exports, plots and report`, async () => {
    const dir = tempDir('feedsim-fuzz-reserved-');
    expect((await fuzz('reserved names', RESERVED, (i) => checkCliReserved(fuzzCase('reserved-names', 3, i) as ReservedCase, dir))).failures.slice(0, 10)).toEqual([]);
  }, 900_000);

  it(`${RECORDS} resumes with a crafted record line: exit 0 or 2 naming the line, never exit 1`, async () => {
    const dir = tempDir('feedsim-fuzz-records-');
    const design = writeIn(dir, 'sweep.json', JSON.stringify({ scenario: { users: 120, cycles: 2, stepsPerCycle: 2 }, design: { kind: 'grid', factors: { 'behavior.follow.base': [0.001, 0.002] } }, strategies: ['like-chasing', 'follow-building'], replicates: 2, seed: 1 }));
    const done = join(dir, 'done');
    expect((await cliHere(['sweep', design, '--out', done, '-w', '1'])).status).toBe(0);
    expect((await fuzz('crafted records', RECORDS, (i) => checkCraftedRecord(`record/3/${i}`, draw(`feedsim-fuzz/record/3/${i}`), done, dir))).failures.slice(0, 10)).toEqual([]);
  }, 900_000);
});

describe('fuzz of results directories and input files (full)', () => {
  const counts = { record: 2000, symlink: 600, special: 600 };
  it(`${counts.record} crafted records, ${counts.symlink} planted links and special files, ${counts.special} special input files: refused or exact, never a crash, hang or echo`, async () => {
    const started = performance.now();
    // The limit only stops a hang (the batch takes a minute or two); it names the case that hung.
    const { reports, hung, stderr } = await runIoBatch(5, counts, 1_500_000);
    expect(hung, stderr.slice(0, 500)).toBeUndefined();
    const tally: Record<string, number> = {};
    for (const r of reports) tally[`${r.id.split('-')[0]} exit ${r.status}`] = (tally[`${r.id.split('-')[0]} exit ${r.status}`] ?? 0) + 1;
    console.log(`fuzz io (full): ${reports.length} cases in ${((performance.now() - started) / 1000).toFixed(0)} s — ${JSON.stringify(tally)}`);
    expect(reports).toHaveLength(counts.record + counts.symlink + counts.special);
    expect(reports.filter((r) => r.failure).map(describeIo).slice(0, 10)).toEqual([]);
    // Crafted records are neither all harmless nor all fatal; planted links are refused.
    expect(tally['record exit 0']).toBeGreaterThan(counts.record / 10);
    expect(tally['record exit 2']).toBeGreaterThan(counts.record / 10);
    expect(tally['symlink exit 2']).toBeGreaterThan(counts.symlink / 2);
  }, 1_800_000);
});
