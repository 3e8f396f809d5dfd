/**
 * Fuzz (unit size): a few hundred mutated scenario and sweep documents — objects, JSON and YAML
 * text — and edge lists with bad lines, through the library, in a worker thread with a time
 * limit per case. Each must end in a ScenarioError naming its problems or in a valid run with no
 * NaN or Infinity; the summary prints the counts. The heavy run is fuzz.full.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { failureLines, type FuzzSummary } from './fuzz/check-case.js';
import { plansFor, runPrinted } from './fuzz/isolate.js';
import { fuzzCase, type FuzzKind } from './fuzz/mutate.js';

const PLANS = plansFor(1, { scenario: 120, 'scenario-text': 80, sweep: 30, 'sweep-text': 20, 'edge-list': 80, 'sweep-size': 30, 'reserved-names': 6 });
let summaries: FuzzSummary[] = [];
beforeAll(async () => {
  summaries = await runPrinted(PLANS);
});

describe('fuzz', () => {
  it('the same kind, seed and index give the same case', () => {
    const text = (k: FuzzKind) => JSON.stringify(fuzzCase(k, 3, 17), (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
    for (const { kind } of PLANS) expect(text(kind)).toBe(text(kind));
  });

  it.each(PLANS.map((p, i) => [p.kind, p.count, i] as const))('%s documents (%i cases): a validation error or a clean run, never a crash', (_kind, count, i) => {
    expect(summaries[i].cases).toBe(count);
    expect(failureLines(summaries[i])).toEqual([]);
  });
});
