/**
 * Fuzz through the command line (unit size): mutated scenario and sweep files (JSON and YAML,
 * malformed text, NaN and Infinity, unknown and missing fields) and edge-list files with bad lines,
 * each through `feedsim validate` — and `feedsim run` when valid and small; and a few crafted
 * records, planted links and special input files (fuzz/io-cases.ts). The heavy run is
 * fuzz-cli.full.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/cli.js';
import { checkCliCase } from './fuzz/cli-case.js';
import { fuzzCase, type FuzzKind } from './fuzz/mutate.js';
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
  }, 120_000);
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
  }, 300_000);
});
