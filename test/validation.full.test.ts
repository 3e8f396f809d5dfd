import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import {
  configurationThreshold,
  erdosRenyiSubcritical,
  erdosRenyiSupercritical,
  freshnessArena,
  giantFraction,
  hazardSlope,
  limitedAttention,
  otherGraphs,
  structuralViralityChecks,
  type Check,
} from './validation/cases.js';
import { attentionFigureChecks, networkArms, windowArms } from './validation/attention-figures.js';
import { simsomArms, simsomChecks } from './validation/simsom.js';
import { exponentChecks, exponents, gleesonChecks, gleesonSeries, memeCompetitionSeries, memePopularityChecks } from './validation/memes.js';

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
  it('directed Erdős–Rényi, subcritical: sizes 1/(1−R), reach c/(1−R)', () => expectAll(erdosRenyiSubcritical('small')));
  it('directed Erdős–Rényi, supercritical: P(large), reach and resharers', () => expectAll(erdosRenyiSupercritical('small')));
  it('BA, WS, configuration model and the Facebook network agree with an independent BFS', () => expectAll(otherGraphs('small')));
  it('configuration model: large-cascade threshold and probability from generating functions', () => expectAll(configurationThreshold('small')));
  it('structural virality is exact on stars and paths', () => expectAll(structuralViralityChecks()));
  it('limited attention (exploratory): popularity is fitted, μ = 0.02 with a full feed is near critical, and smaller feeds spread memes further', () => {
    const [narrow, wide] = limitedAttention('small');
    for (const a of [narrow, wide]) {
      expect(a.mu).toBe(0.02);
      expect(a.memes).toBeGreaterThan(1000);
      // Enough of the tail to fit (the Clauset–Shalizi–Newman fit picks x_min; a tiny tail is no fit).
      expect(a.fit.tail).toBeGreaterThanOrEqual(50);
    }
    // A feed of 5 fills at activity 0.1 with ten followees, so nearly every post is a reshare and
    // each post spawns almost one reshare (near critical); a feed of 20 does not fill, so visits
    // reshare less and the branching number falls well below 1.
    expect(1 - narrow.muEffective).toBeGreaterThan(0.9);
    expect(1 - wide.muEffective).toBeLessThan(0.6);
    // A narrow feed concentrates reshares on fewer memes: a heavier tail — more memes reshared at
    // least 5 times (4 binomial standard errors of the difference) — and a larger maximum. Fitted
    // exponents are not compared: each fit picks its own x_min, so they describe different tails.
    const se = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);
    expect(narrow.atLeast5 - wide.atLeast5).toBeGreaterThan(4 * Math.hypot(se(narrow.atLeast5, narrow.memes), se(wide.atLeast5, wide.memes)));
    expect(narrow.maxPopularity).toBeGreaterThan(wide.maxPopularity);
    expect(narrow.meanPopularity).toBeGreaterThan(wide.meanPopularity);
  });
});

describe('freshness (small size; docs/validation.md)', () => {
  it("halves a post's chance of being shown per half-life under stochastic selection", () => {
    const users = 10_000;
    const r = simulate(freshnessArena(users));
    const { slope, se, seen } = hazardSlope(r.accounts[0].steps.map((s) => s.impressions), users);
    expect(seen).toBeGreaterThan(500);
    expect(Math.abs(slope - -Math.LN2 / 3)).toBeLessThan(4 * se);
  });
});

describe('meme popularity under competition for attention (small size; docs/validation.md)', () => {
  it('Gleeson et al. (2014), feedsim reduction: popularity matches the law of its rules, and the fitted exponent falls towards 3/2 as μ → 0', () => {
    const series = memeCompetitionSeries('small');
    expectAll([...memePopularityChecks(series, 'feedsim reduction'), ...exponentChecks(exponents(series), 'feedsim reduction', series[0].users)]);
  });
  it("Gleeson et al. (2014), the paper's rules: mean 1/μ, the exact first-retweet probability, and the exponent's fall towards 3/2", () => {
    const series = gleesonSeries('small');
    expectAll([...gleesonChecks(series), ...exponentChecks(exponents(series), "the paper's rules", series[0].users)]);
  });
  it('Weng et al. (2012) Figs. 6 and 7: a heavy-tailed network and a short screen give the most popular memes; a long screen the long-lived ones', () => {
    expectAll(attentionFigureChecks(networkArms('small'), windowArms('small')));
  });
});

describe('manipulation by inauthentic accounts (SimSoM, small size; docs/validation.md)', () => {
  it('SimSoM (2024): bot-free quality, infiltration against the paper\'s random-network runs, and every tactic lowering quality', () => {
    expectAll(simsomChecks(simsomArms('small'), 'small'));
  });
});
