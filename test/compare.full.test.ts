import { describe, expect, it } from 'vitest';
import { compare, followBuilding, likeChasing } from '../src/index.js';

// compare.test.ts's world; these two run many more replicates (or a worker pool), so they run in the full suite.
const scenario = { users: 1500, cycles: 4, stepsPerCycle: 12 };

describe('compare (full)', () => {
  it('gives bit-identical results with 1 and 2 workers', async () => {
    const opts = { scenario, strategies: [likeChasing(), followBuilding()], replicates: 4, seed: 5 };
    const one = await compare({ ...opts, workers: 1 });
    const two = await compare({ ...opts, workers: 2 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.replicates).toBe(4);
    expect(one.strategies).toEqual(['like-chasing', 'follow-building']);
    expect(one.summary['like-chasing'].followers).toHaveLength(4);
  });

  it('common random numbers: paired differences of near-identical strategies vary far less than the strategies', async () => {
    // Two strategies that differ only slightly: most of the replicate-to-replicate variation is
    // shared (population, graph, activity), so Var(A − B) < ½ (Var A + Var B) — without CRN
    // the two would be independent and Var(A − B) = Var A + Var B.
    const r = await compare({
      scenario,
      strategies: [likeChasing(), { ...likeChasing({ appeal: 0.85 }), label: 'like-chasing-0.85' }],
      replicates: 12,
      seed: 9,
    });
    const metric = 'reach';
    const last = r.cycles - 1;
    const varOf = (ci: { se: number; n: number }) => ci.se ** 2 * ci.n;
    const va = varOf(r.summary['like-chasing'][metric][last]);
    const vb = varOf(r.summary['like-chasing-0.85'][metric][last]);
    const vd = varOf(r.differences['like-chasing-0.85'][metric][last]);
    expect(vd).toBeLessThan(0.5 * (va + vb));
  });
});
