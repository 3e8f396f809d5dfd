import { appendFileSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunRecord } from '../src/io/run-record.js';

describe('the run record', () => {
  const runs = Array.from({ length: 6 }, (_, r) => ({ id: `p1/naïve-ütf8 «${r}»/r${r}`, label: 'é', replicate: r, accounts: [{ name: 'fócal', cycles: [{ net: r * 1.5 }] }] }));
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
