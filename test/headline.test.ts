import { describe, expect, it } from 'vitest';
import type { CycleRecord } from '../src/engine/simulate.js';
import { summarise } from '../src/experiment/compare.js';
import { formatComparison } from '../src/experiment/format.js';
import type { RunOutput } from '../src/experiment/run.js';
import { cliHere, tempDir, writeIn } from './helpers/cli.js';

// Issue 14, "any warning goes in the headline": a warning changes how the verdict reads, so it
// is printed beside it, before the table, not after the last row.

/** A run spending `spend` a cycle and earning `value` a cycle. */
function run(label: string, replicate: number, spend: number, value: number, C = 3): RunOutput {
  const cycles = Array.from({ length: C }, (_, c) => ({
    cycle: c + 1, cumulativeNet: (c + 1) * (value - spend), cumulativeNpv: (c + 1) * (value - spend), cost: spend, value,
    contentCost: spend / 2, paidCost: spend / 2, follows: 1, conversions: 0, followers: 100 + c, unfollows: 0, followerValue: 0, reach: 50,
  }) as unknown as CycleRecord);
  return { id: `${label}/r${replicate}`, label, replicate, seed: 1, scenarioHash: 'h', version: 'test', accounts: [{ name: 'focal', strategy: label, cycles }], warnings: [] };
}

const lineIndex = (lines: string[], re: RegExp) => lines.findIndex((l) => re.test(l));

describe('warnings beside the headline', () => {
  it('formatComparison: headline (final net returns, verdict, spend), then every warning, then the table', () => {
    const runs = [0, 1].flatMap((r) => [run('like-chasing', r, 61, 10 + r), run('follow-building', r, 80, 30 + r)]);
    runs[1].warnings.push('content.freshness.halfLife (1h) is shorter than two steps of 1h');
    const result = summarise(runs, ['like-chasing', 'follow-building'], { level: 0.95, interval: 't', seed: 1, hash: 'h', discountRate: 0, budgetPerCycle: 100 });
    expect(result.warnings).toHaveLength(2);
    const lines = formatComparison(result).split('\n');
    expect(lines[0]).toBe('Cumulative net return after 3 cycles (mean [95% CI]): like-chasing -151 [-171, -132]; follow-building -148 [-168, -129].');
    const verdict = lineIndex(lines, /^follow-building .*like-chasing/);
    const spend = lineIndex(lines, /^Spend per cycle: like-chasing 61\.0, follow-building 80\.0\.$/);
    const unequal = lineIndex(lines, /^warning: strategies do not spend equal budgets \(like-chasing 61\.00, follow-building 80\.00 per cycle\)/);
    const other = lineIndex(lines, /^warning: content\.freshness\.halfLife/);
    const table = lineIndex(lines, /^cycle \|/);
    expect([verdict, spend, unequal, other].every((i) => i > 0)).toBe(true);
    expect(Math.max(verdict, spend, unequal, other)).toBeLessThan(table);
    // Nothing after the table but its rows.
    expect(lines.slice(table + 1)).toHaveLength(3);
    expect(lines.slice(table + 1).every((l) => /^\s+\d+ \|/.test(l))).toBe(true);
    // Both spent under the budget of 100 while buying ads: the warning says what to change.
    expect(lines[unequal]).toMatch(/lower economics\.budgetPerCycle, add users, or give the budget for this world's size \(economics\.referenceUsers\)/);
  });

  it('feedsim compare: a small youtube world spends equally by default (money scales with its size)', async () => {
    const dir = tempDir();
    const file = writeIn(dir, 'small-youtube.yaml', 'extends: youtube\nusers: 1500\ncycles: 2\n');
    const r = await cliHere(['compare', file, '--replicates', '2', '--workers', '1']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/do not spend equal budgets/);
    expect(r.stdout).toMatch(/^cycle \|/m);
  });

  it('feedsim compare: a small youtube world given the full budget cannot absorb it, and warns before the table, once', async () => {
    const dir = tempDir();
    // 1,500 users and the amounts as given: ~150 active a step take at most one ad each, far from the 80 a cycle like-chasing promotes.
    const file = writeIn(dir, 'small-youtube.yaml', 'extends: youtube\nusers: 1500\ncycles: 2\neconomics:\n  referenceUsers: 0\n');
    const r = await cliHere(['compare', file, '--replicates', '2', '--workers', '1']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    const warning = lineIndex(lines, /^warning: strategies do not spend equal budgets/);
    expect(warning).toBeGreaterThan(0);
    expect(warning).toBeLessThan(lineIndex(lines, /^cycle \|/));
    expect(lines.filter((l) => /do not spend equal budgets/.test(l))).toHaveLength(1);
    expect(lines[warning]).toMatch(/each active user takes at most one paid impression a step/);
  });

  it('feedsim run: run warnings are printed (once) before the figures', async () => {
    const dir = tempDir();
    const file = writeIn(dir, 'busy.yaml', 'users: 800\ncycles: 1\ncontent:\n  creatorPostsPerDay: 30\n');
    const r = await cliHere(['run', file, '--replicates', '2', '--workers', '1']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    const warnings = lines.filter((l) => /^warning: content\.creatorPostsPerDay \(30\)/.test(l));
    expect(warnings).toHaveLength(1);
    expect(lineIndex(lines, /^warning:/)).toBeLessThan(lineIndex(lines, /^account\s+strategy/));
  });

  it('calls the money discounted only when it is: not for sums equal to rounding, yes for a real discount', () => {
    const runs = [0, 1].flatMap((r) => [run('like-chasing', r, 61, 10 + r), run('follow-building', r, 80, 30 + r)]);
    // Undiscounted sums taken in another order differ in the last bit only.
    for (const x of runs) for (const c of x.accounts[0].cycles) c.cumulativeNpv = c.cumulativeNet * (1 + 2 ** -52);
    const opts = { level: 0.95, interval: 't' as const, seed: 1, hash: 'h', discountRate: 0, budgetPerCycle: 100 };
    expect(formatComparison(summarise(runs, ['like-chasing', 'follow-building'], opts)).split('\n')[0]).toMatch(/^Cumulative net return after/);
    for (const x of runs) for (const c of x.accounts[0].cycles) c.cumulativeNpv = c.cumulativeNet / 1.05 ** c.cycle;
    expect(formatComparison(summarise(runs, ['like-chasing', 'follow-building'], { ...opts, discountRate: 0.05 })).split('\n')[0]).toMatch(/^Cumulative net present value after/);
  });
});
