import { describe, expect, it } from 'vitest';
import { contestHeadline } from '../src/contest/format.js';
import type { ContestResult } from '../src/contest/contest.js';

const iv = (mean: number, lower: number, upper: number) => ({ mean, lower, upper, se: 1, n: 30 });

describe('the contest headline', () => {
  it('says ahead, behind or level from the interval, and never prints "-0"', () => {
    const finalist = (family: string) => ({ family, audience: iv(-0.3, -0.4, 0.2) }) as ContestResult['finalists'][number];
    const r = (d: ReturnType<typeof iv>) => ({ finalists: [finalist('like-chasing'), finalist('follow-building')], difference: d, budgetPerCycle: 100, cycles: 30, heldOut: 30, level: 0.95, differenceWithTerminal: null, horizon: 0 }) as unknown as ContestResult;
    expect(contestHeadline(r(iv(12, 3, 21)))).toMatch(/ends 30 cycles 12 ahead \[3, 21\] of the best like-chasing/);
    expect(contestHeadline(r(iv(-12, -21, -3)))).toMatch(/ends 30 cycles 12 behind \[3, 21\] the best like-chasing/);
    const level = contestHeadline(r(iv(-0.2, -0.4, 0.3)));
    expect(level).toMatch(/level \(0 \[0, 0\], an interval that spans zero\) with/);
    expect(level).not.toMatch(/-0\b/);
  });
});
