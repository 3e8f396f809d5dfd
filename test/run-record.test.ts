import { appendFileSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunOutput } from '../src/experiment/run.js';
import { readRunRecord, recordLine } from '../src/io/run-record.js';

describe('the run record', () => {
  const runs = Array.from({ length: 6 }, (_, r) => ({
    id: `p1/naïve-ütf8 «${r}»/r${r}`, label: 'é', replicate: r, seed: 1, scenarioHash: 'h', version: 'v', warnings: [],
    accounts: [{ name: 'fócal', strategy: 'é', cycles: [{ cycle: 1, cumulativeNpv: r * 1.5 }] }],
  }));
  const text = runs.map((r) => JSON.stringify(r) + '\n').join('');

  it('reads line by line in chunks (a record can outgrow one string): any chunk size gives the same runs', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'feedsim-record-')), 'runs.jsonl');
    writeFileSync(path, text);
    const whole = readRunRecord(path);
    expect(whole).toMatchObject({ truncated: false, goodBytes: statSync(path).size });
    expect(whole.runs).toEqual(runs);
    // Chunks of 1, 7 and 64 bytes split lines and multi-byte characters anywhere.
    for (const chunk of [1, 7, 64]) expect(readRunRecord(path, chunk)).toEqual(whole);
  });

  it('a cut-off last line is reported with the bytes before it; a bad line elsewhere is an error naming it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'feedsim-record-')), 'runs.jsonl');
    writeFileSync(path, text);
    appendFileSync(path, JSON.stringify(runs[0]).slice(0, 30));
    for (const chunk of [5, 1 << 20]) {
      const r = readRunRecord(path, chunk);
      expect(r).toMatchObject({ truncated: true, goodBytes: Buffer.byteLength(text) });
      expect(r.runs).toEqual(runs);
    }
    writeFileSync(path, text.replace('\n', '\noops\n'));
    expect(() => readRunRecord(path, 9)).toThrow(/runs\.jsonl, line 2: not a run record/);
  });
});

describe('checksums and repeats in the run record', () => {
  // Complete runs: a line that is not one is refused before its checksum is looked at.
  const runs = Array.from({ length: 4 }, (_, r) => ({
    id: `p1/ü/r${r}`, label: 'é', replicate: r, seed: 1, scenarioHash: 'h', version: 'v', warnings: [],
    accounts: [{ name: 'f', strategy: 'é', cycles: [{ cycle: 1, cumulativeNpv: r + 0.25 }] }],
  }));
  const signed = runs.map((r) => recordLine(r as unknown as RunOutput)).join('');

  it('signed lines verify at any chunk size; repeats are dropped once identical, refused when they differ', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'feedsim-record-')), 'runs.jsonl');
    writeFileSync(path, signed + recordLine(runs[1] as unknown as RunOutput));
    for (const chunkBytes of [1, 7, 1 << 20]) {
      const r = readRunRecord(path, { chunkBytes, requireChecksums: true });
      expect(r.runs).toEqual(runs);
      expect(r).toMatchObject({ unverified: 0, duplicateLines: [5], truncated: false });
      expect(new Set(r.digests).size).toBe(4);
    }
    writeFileSync(path, signed + recordLine({ ...runs[1], replicate: 9 } as unknown as RunOutput));
    expect(() => readRunRecord(path, 7)).toThrow(/runs\.jsonl, line 5: run "p1\/ü\/r1" is recorded twice with different numbers \(lines 2 and 5\)/);
    writeFileSync(path, signed.replace('"cumulativeNpv":2.25', '"cumulativeNpv":3.25'));
    expect(() => readRunRecord(path, 7)).toThrow(/runs\.jsonl, line 3: run "p1\/ü\/r2" does not match its checksum/);
    // Unsigned lines (feedsim 0.2.1) are read unverified, unless every line must be signed.
    writeFileSync(path, runs.map((r) => JSON.stringify(r) + '\n').join(''));
    expect(readRunRecord(path)).toMatchObject({ unverified: 4, runs });
    expect(() => readRunRecord(path, { requireChecksums: true })).toThrow(/line 1: run "p1\/ü\/r0" has no checksum/);
  });
});
