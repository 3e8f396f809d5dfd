/**
 * Fuzz through the command line (full size): 2,000 mutated scenario, sweep and edge-list files
 * through `feedsim validate` (and `feedsim run` when valid and small); and 3,200 results
 * directories and input files — crafted records through `sweep --resume` and `merge`, links and
 * special files where results are written, special files where input is read. With
 * fuzz.full.test.ts (10,000 cases through the library) this is the heavy fuzz of `npm run test:full`.
 */
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/cli.js';
import { checkCliCase } from './fuzz/cli-case.js';
import { fuzzCase, type FuzzKind } from './fuzz/mutate.js';
import { describeIo } from './fuzz/io-cases.js';
import { runIoBatch } from './fuzz/io-run.js';

const KINDS: FuzzKind[] = ['scenario', 'scenario-text', 'sweep', 'sweep-text', 'edge-list'];
const CASES = 2000;

describe('fuzz through the CLI (full)', () => {
  it(`${CASES} mutated files: exit 0 or 2 with the problems listed, never a crash, stack trace or NaN`, async () => {
    const dir = tempDir('feedsim-fuzz-cli-');
    const statuses: Record<number, number> = {};
    const failures: string[] = [];
    const started = performance.now();
    for (let i = 0; i < CASES; i++) {
      const r = await checkCliCase(fuzzCase(KINDS[i % KINDS.length], 3, i), dir);
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.failure) failures.push(`${r.id}: ${r.failure}`);
    }
    console.log(`fuzz cli (full): ${CASES} cases in ${((performance.now() - started) / 1000).toFixed(0)} s — exit 0: ${statuses[0] ?? 0}, exit 2: ${statuses[2] ?? 0}, failures: ${failures.length}`);
    expect(failures.slice(0, 10)).toEqual([]);
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
