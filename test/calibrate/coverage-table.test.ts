import { describe, expect, it } from 'vitest';
import { coverageSummary, coverageTable, type CoverageExport, type CoverageStudy } from '../../bench/calibration-coverage.js';

// A study of n exports whose rank statistics (PIT) are given: covered when the truth lies in the
// central 90 % of the posterior, i.e. 0.05 ≤ PIT ≤ 0.95.
function study(pits: number[][], refused = 0): CoverageStudy {
  const fitted: CoverageExport[] = pits.map((pit, seed) => ({ seed, truth: pit.map(() => 1), pit, covered: pit.map((x) => x >= 0.05 && x <= 0.95), shrinkage: pit.map(() => 0.5), ess: 100, distinct: 50, simulations: 10, generations: 2, stoppedBecause: 'min-acceptance', seconds: 1 }));
  const thin: CoverageExport[] = Array.from({ length: refused }, (_, i) => ({ seed: pits.length + i, truth: [1, 1], refused: 'too thin' }));
  return { settings: { world: { users: 500, followers: 50, posts: 40, days: 20 }, sampler: { particles: 10, maxSimulations: 100 } }, parameters: [{ path: 'a', min: 0, max: 1 }, { path: 'b', min: 0, max: 1 }], exports: [...fitted, ...thin] };
}

describe('the coverage study table', () => {
  // Parameter a: ranks spread evenly over (0, 1) (calibrated); b: every rank below 0.04 (the posterior sits above the truth).
  const n = 50;
  const s = coverageSummary(study(Array.from({ length: n }, (_, i) => [(i + 0.5) / n, 0.03]), 4));

  it('counts fitted and refused exports and states the binomial band', () => {
    expect(s.exports).toBe(54);
    expect(s.fitted).toBe(50);
    expect(s.band).toBeCloseTo(1.96 * Math.sqrt(0.09 / 50), 12);
  });

  it('passes a calibrated parameter and fails a biased one', () => {
    const [a, b] = s.parameters;
    expect(a.coverage).toBeCloseTo(0.92, 12); // ranks 0.01, 0.03, …, 0.99: 46 of 50 in [0.05, 0.95]
    expect(a.bins).toEqual([10, 10, 10, 10, 10]);
    expect(a.chi2).toBe(0);
    expect(a.inBand && a.uniform).toBe(true);
    expect(a.pitMean).toBeCloseTo(0.5, 12);
    expect(b.coverage).toBe(0);
    expect(b.bins).toEqual([50, 0, 0, 0, 0]);
    expect(b.chi2).toBeCloseTo(200, 9); // (50 − 10)²/10 + 4 × 10
    expect(b.inBand || b.uniform).toBe(false);
  });

  it('writes one row per parameter and marks what fails', () => {
    const table = coverageTable(study(Array.from({ length: n }, (_, i) => [(i + 0.5) / n, 0.03])));
    expect(table.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(2);
    expect(table).toMatch(/`b` \| 0\.00 \(under\) \| 200\.0 \[50, 0, 0, 0, 0\] \(not uniform\)/);
    expect(table).not.toMatch(/`a` \| [^|]*\(under\)/);
  });
});
