import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { digest, GOLDEN_CASES, GOLDEN_FILE, shapeSets, shapesOf, type GoldenFile } from './golden/cases.js';

const golden: GoldenFile = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8'));

// Results for a seed are part of the contract: a change that alters any of these digests
// changes results, and must say so in CHANGELOG.md (then `npm run golden:update`).
describe('golden outputs', () => {
  it('every case has a committed digest and every committed digest a case', () => {
    expect(Object.keys(golden.digests).sort()).toEqual(GOLDEN_CASES.map((c) => c.name).sort());
  });

  for (const c of GOLDEN_CASES) {
    it(`${c.name} (${c.touches})`, async () => {
      const out = await c.run();
      const fields = new Set(golden.fields[c.kind]);
      expect(digest(out, fields), 'results changed: if intended, note it in CHANGELOG.md and run npm run golden:update').toBe(golden.digests[c.name]);
    });
  }

  it('no digested field has disappeared from the outputs', async () => {
    const present = shapeSets();
    for (const c of GOLDEN_CASES) for (const s of shapesOf(await c.run())) present[c.kind].add(s);
    for (const kind of Object.keys(present) as Array<keyof typeof present>) {
      expect(golden.fields[kind].filter((s) => !present[kind].has(s)), `${kind} fields`).toEqual([]);
    }
  });
});
