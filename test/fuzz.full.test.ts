/**
 * Fuzz (full size): 10,000 mutated documents through the library — scenarios and sweeps as
 * objects and as JSON or YAML text, and edge lists with bad lines — in a worker thread with a
 * time limit per case. Each must end in a ScenarioError naming its problems or in a valid run
 * with no NaN or Infinity. The printed summary gives the counts of valid runs and validation errors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { failureLines, type FuzzSummary } from './fuzz/check-case.js';
import { plansFor, runPrinted } from './fuzz/isolate.js';

const PLANS = plansFor(2, { scenario: 4000, 'scenario-text': 2500, sweep: 1000, 'sweep-text': 500, 'edge-list': 2000, 'sweep-size': 600, 'reserved-names': 200 });
let summaries: FuzzSummary[] = [];
beforeAll(async () => {
  summaries = await runPrinted(PLANS);
  console.log(`fuzz: ${summaries[0].wallMs / 1000 | 0} s for ${PLANS.reduce((t, p) => t + p.count, 0)} cases`);
}, 3_600_000);

describe('fuzz (test:full)', () => {
  it('runs at least 10,000 cases', () => {
    expect(summaries.reduce((t, s) => t + s.cases, 0)).toBeGreaterThanOrEqual(10_000);
  });

  it.each(PLANS.map((p, i) => [p.kind, p.count, i] as const))('%s documents (%i cases): a validation error or a clean run, never a crash', (_kind, count, i) => {
    expect(summaries[i].cases).toBe(count);
    expect(failureLines(summaries[i])).toEqual([]);
  });
});
