import { describe, expect, it } from 'vitest';
import type { CycleRecord } from '../src/engine/simulate.js';
import { summarise } from '../src/experiment/compare.js';
import { crossover, replicateCrossover } from '../src/experiment/crossover.js';
import { tInterval } from '../src/experiment/intervals.js';
import type { RunOutput } from '../src/experiment/run.js';
import { summariseSweep, sweepScenarios } from '../src/experiment/sweep.js';
import { difference, tied } from '../src/experiment/ties.js';

// Equal within rounding is a tie (issue 14): two strategies that spend and earn the same can end
// a few units in the last place apart, and a zero-variance difference of 7e-15 read as a win.

/** Cycle records with these cumulative net returns (all money spent, none earned). */
function cycles(cumulative: number[]): CycleRecord[] {
  return cumulative.map((net, c) => ({
    cycle: c + 1, cumulativeNet: net, cumulativeNpv: net, cost: -(net - (c ? cumulative[c - 1] : 0)), value: 0,
    contentCost: 0, paidCost: 0, follows: 0, conversions: 0, followers: 100, unfollows: 0, followerValue: 0,
  }) as unknown as CycleRecord);
}

function run(label: string, replicate: number, cumulative: number[], extra: Partial<RunOutput> = {}): RunOutput {
  return {
    id: `${label}/r${replicate}`, label, replicate, seed: 1, scenarioHash: 'h', version: 'test',
    accounts: [{ name: 'focal', strategy: label, cycles: cycles(cumulative) }], warnings: [], ...extra,
  };
}

// Sums of the same money taken in another order: -40.000000000000014 against -40.
const rounded = [-40.000000000000014, -80.00000000000003, -120.00000000000004];
const exact = [-40, -80, -120];

describe('ties within rounding', () => {
  it('tied / difference: a relative tolerance of 1e-9, and exact zeros for ties', () => {
    expect(tied(rounded[0], exact[0])).toBe(true);
    expect(difference(exact[2], rounded[2])).toBe(0);
    expect(difference(0.1 + 0.2, 0.3)).toBe(0);
    expect(tied(1e12 + 0.5, 1e12)).toBe(true); // relative to the values: 0.5 ≤ 1e-9 · 1e12
    // A real difference, however small against a budget, is kept.
    expect(difference(-39.996, -40)).toBeCloseTo(0.004, 12);
    expect(tied(0, 1e-6)).toBe(false);
  });

  it('crossover: 7e-15 differences with zero variance are no lead, no crossover at cycle 1', () => {
    expect(replicateCrossover([7e-15, 7e-15, 7e-15])).toBeNull();
    expect(replicateCrossover([-1, 7e-15, 7e-15])).toBeNull();
    expect(replicateCrossover([0.004, 0.004])).toBe(1); // a real lead still counts
    const diffs = [[7e-15, 1.4e-14, 7e-15], [7e-15, 1.4e-14, 7e-15], [7e-15, 1.4e-14, 7e-15]];
    const intervals = [0, 1, 2].map((c) => tInterval(diffs.map((d) => d[c])));
    expect(intervals[0].lower).toBeGreaterThan(0); // a zero-width interval just above 0 ...
    const x = crossover('b', 'a', diffs, intervals);
    // ... is not significant: no estimate, no plausible or population crossover.
    expect(x).toMatchObject({ estimate: null, earliest: null, population: null, kaplanMeierMedian: null, censoredFraction: 1 });
    expect(x.summary).toBe('No crossover within 3 cycles: b does not overtake a.');
  });

  it('compare: identical money except rounding gives zero differences, shared leads and no crossover', () => {
    const runs = [0, 1, 2].flatMap((r) => [run('a', r, rounded), run('b', r, exact)]);
    const result = summarise(runs, ['a', 'b'], { level: 0.95, interval: 't', seed: 1, hash: 'h', discountRate: 0 });
    for (const metric of ['cumulativeNet', 'cumulativeNpv']) {
      for (const d of result.differences.b[metric]) expect(d).toMatchObject({ mean: 0, lower: 0, upper: 0 });
    }
    expect(result.probabilityAhead.a).toEqual([0.5, 0.5, 0.5]);
    expect(result.probabilityAhead.b).toEqual([0.5, 0.5, 0.5]);
    expect(result.crossovers[0]).toMatchObject({ estimate: null, earliest: null, population: null, perReplicate: [null, null, null] });
    // A real 0.004 lead at cycle 1 (half a paid impression not yet spent) is still a lead.
    const ahead = [0, 1, 2].flatMap((r) => [run('a', r, exact), run('b', r, [-39.996, -80, -120])]);
    const r2 = summarise(ahead, ['a', 'b'], { level: 0.95, interval: 't', seed: 1, hash: 'h', discountRate: 0 });
    expect(r2.probabilityAhead.b).toEqual([1, 0.5, 0.5]);
    expect(r2.differences.b.cumulativeNet[0].lower).toBeCloseTo(0.004, 12);
  });

  it('sweep: a challenger equal to the baseline within rounding does not win the point', () => {
    const scenario = { users: 200, cycles: 3 };
    const design = { kind: 'list' as const, points: [{ 'behavior.follow.base': 0.001 }] };
    const [{ hash }] = sweepScenarios(scenario, design);
    const runs = [0, 1, 2].flatMap((r) => [
      run('like-chasing', r, rounded, { id: `p1/like-chasing/r${r}`, scenarioHash: hash }),
      run('follow-building', r, exact, { id: `p1/follow-building/r${r}`, scenarioHash: hash }),
    ]);
    const result = summariseSweep({ scenario, design, strategies: ['like-chasing', 'follow-building'], replicates: 3, seed: 1 }, runs);
    expect(result.points).toHaveLength(1);
    expect(result.points[0].difference['follow-building']).toMatchObject({ mean: 0, lower: 0, upper: 0 });
    expect(result.points[0].winner).toBe('neither');
    expect(result.points[0].crossovers[0].population).toBeNull();
  });
});
