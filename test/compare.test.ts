import { describe, expect, it } from 'vitest';
import { compare, likeChasing } from '../src/index.js';

const scenario = { users: 1500, cycles: 4, stepsPerCycle: 12 };

describe('compare', () => {
  // Bit-identical on 1 and 2 workers, and common random numbers: compare.full.test.ts.
  it('reports crossovers, probabilities ahead that sum to 1, and run economics', async () => {
    const r = await compare({ scenario, strategies: ['like-chasing', 'follow-building'], replicates: 3, seed: 2 });
    const x = r.crossovers[0];
    expect(x.challenger).toBe('follow-building');
    expect(x.perReplicate).toHaveLength(3);
    expect(typeof x.summary).toBe('string');
    for (let c = 0; c < r.cycles; c++) expect(r.probabilityAhead['like-chasing'][c] + r.probabilityAhead['follow-building'][c]).toBeCloseTo(1, 12);
    expect(r.economics['like-chasing'].cost.mean).toBeGreaterThan(0);
    expect(r.spendPerCycle['like-chasing']).toBeGreaterThan(0);
  });

  it('warns when strategies do not spend the same budget', async () => {
    const r = await compare({ scenario, strategies: [likeChasing(), { ...likeChasing({ promote: false }), label: 'no-promotion' }], replicates: 2 });
    expect(r.warnings.join()).toMatch(/do not spend equal budgets/);
  });

  it('adaptive replication adds replicates up to the cap', async () => {
    const r = await compare({ scenario, strategies: ['like-chasing', 'follow-building'], replicates: 2, adaptive: { target: 'cumulativeNet', halfWidth: 1e-9, maxReplicates: 5, batch: 2 } });
    expect(r.replicates).toBe(5);
  });
});
