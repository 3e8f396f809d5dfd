import { describe, expect, it } from 'vitest';
import {
  configurationThreshold,
  erdosRenyiSubcritical,
  erdosRenyiSupercritical,
  giantFraction,
  limitedAttention,
  otherGraphs,
  structuralViralityChecks,
  type Check,
} from './validation/cases.js';

// The reduced-size matches of docs/validation.md (full size: npm run reproduce).
const expectAll = (checks: Check[]) => {
  expect(checks.length).toBeGreaterThan(0);
  for (const c of checks) expect({ ...c, ok: c.pass }).toMatchObject({ ok: true });
};

describe('independent-cascade reduction (small size)', () => {
  it('giant out-component fractions solve S = 1 − exp(−R·S)', () => {
    expect(giantFraction(1.5)).toBeCloseTo(0.5828, 4);
    expect(giantFraction(2)).toBeCloseTo(0.7968, 4);
    expect(giantFraction(3)).toBeCloseTo(0.9405, 4);
  });
  it('directed Erdős–Rényi, subcritical: sizes 1/(1−R), reach c/(1−R)', () => expectAll(erdosRenyiSubcritical('small')), 120_000);
  it('directed Erdős–Rényi, supercritical: P(large), reach and resharers', () => expectAll(erdosRenyiSupercritical('small')), 120_000);
  it('BA, WS, configuration model and the Facebook network agree with an independent BFS', () => expectAll(otherGraphs('small')), 120_000);
  it('configuration model: large-cascade threshold and probability from generating functions', () => expectAll(configurationThreshold('small')), 120_000);
  it('structural virality is exact on stars and paths', () => expectAll(structuralViralityChecks()));
  it('limited attention (exploratory): popularity is fitted and smaller feeds spread memes further', () => {
    const [narrow, wide] = limitedAttention('small');
    for (const a of [narrow, wide]) {
      expect(a.memes).toBeGreaterThan(1000);
      // Enough of the tail to fit (the Clauset–Shalizi–Newman fit picks x_min; a tiny tail is no fit).
      expect(a.fit.tail).toBeGreaterThanOrEqual(50);
    }
    // A narrow feed concentrates reshares on fewer memes: a heavier tail — more memes reshared at
    // least 5 times (4 binomial standard errors of the difference) — and a larger maximum. Fitted
    // exponents are not compared: each fit picks its own x_min, so they describe different tails.
    const se = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);
    expect(narrow.atLeast5 - wide.atLeast5).toBeGreaterThan(4 * Math.hypot(se(narrow.atLeast5, narrow.memes), se(wide.atLeast5, wide.memes)));
    expect(narrow.maxPopularity).toBeGreaterThan(wide.maxPopularity);
    // Each visit reshares 1 − μ items on average whatever the feed size, but a wide feed spreads
    // them over more memes, so the mean popularity per meme is lower (binomial SE of means).
    expect(narrow.meanPopularity).toBeGreaterThan(wide.meanPopularity);
  }, 120_000);
});
