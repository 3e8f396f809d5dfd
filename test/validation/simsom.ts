/**
 * SimSoM's manipulation study (Truong, Lou, Flammini & Menczer, PNAS Nexus 3:pgae258, 2024;
 * issue 18 part 3): its rules (src/validation/simsom.ts) at its parameters — 10,006 humans
 * following 180.9 others on average, β = 0.05 bots per human, feed σ = 15, μ = 0.5 — against the
 * numbers of its runs. The paper's follower network (a k-core of an empirical Twitter network) is
 * not public here, so the humans follow each other on a directed random graph of the same size and
 * mean degree: the paper's own "fully random" shuffle of its network is the like-for-like
 * comparison (passed or failed); its original-network numbers are shown beside ours, and the
 * tactics' effects are tested as directions. Replicates are independent (a new network and seed
 * each), as the paper's runs were (one network per configuration there).
 */
import { simsom, type SimsomOptions } from '../../src/validation/simsom.js';
import { meanSE } from '../helpers/stats.js';
import type { Check, Size } from './cases.js';

const SIZES = {
  // The small size keeps the paper's bots followed per human friend (friends ∝ humans; β and γ as given).
  small: { humans: 2000, friends: (180.9 * 2000) / 10_006, runs: 4 },
  full: { humans: 10_006, friends: 180.9, runs: 6 },
} as const;

/**
 * The paper's numbers: means (and SDs over its 5–13 runs) of the smoothed quality, from the
 * per-run results the authors publish with the code (osome-iu/SimSoM,
 * report_figures/main_results/: baseline/baseline.json, vary_phigamma, vary_thetaphi, shuffle,
 * extreme), relative to the bot-free baseline Q = 0.9026 ± 0.0030.
 */
export const SIMSOM_PAPER = {
  baseline: { quality: 0.9026, sd: 0.003, runs: 5 },
  /** Relative quality on the original network, by γ (φ = 0, θ = 1); SD ≈ 0.01–0.02 in quality. */
  infiltration: [
    { gamma: 1e-4, relative: 0.999 },
    { gamma: 1e-3, relative: 0.977 },
    { gamma: 1e-2, relative: 0.85 },
    { gamma: 1e-1, relative: 0.492 },
  ],
  /** The network shuffled fully at random (shuffle/all), by γ: the like-for-like comparison. */
  random: [
    { gamma: 1e-2, relative: 0.94 },
    { gamma: 1e-1, relative: 0.587 },
  ],
  /** Run-to-run SD of the quality at γ = 0.01 and 0.1 (vary_phigamma), as relative quality, and the runs (mostly 10). */
  sd: 0.02 / 0.9026,
  runs: 10,
  /** Tactics at γ = 0.01 on the original network. */
  deception: 0.719, // φ = 1
  flooding: 0.682, // θ = 64
  both: 0.587, // φ = 1, θ = 64
  extreme: 0.358, // γ = 0.1, φ = 1, θ = 32
} as const;

/** One configuration's runs. */
export interface SimsomArm {
  label: string;
  options: SimsomOptions;
  quality: number[];
  steps: number[];
  diversity: number[];
  discrimination: number[];
  botShare: number[];
}

/** Runs every configuration of the comparison, `runs` seeds each. */
export function simsomArms(size: Size): SimsomArm[] {
  const { humans, friends, runs } = SIZES[size];
  const configs: Array<[string, SimsomOptions]> = [
    ['no bots', { bots: 0 }],
    ...[1e-4, 1e-3, 1e-2, 1e-1].map((gamma): [string, SimsomOptions] => [`γ = ${gamma}`, { infiltration: gamma }]),
    ['γ = 0.01, φ = 1', { infiltration: 0.01, deception: 1 }],
    ['γ = 0.01, θ = 64', { infiltration: 0.01, flooding: 64 }],
    ['γ = 0.01, φ = 1, θ = 64', { infiltration: 0.01, deception: 1, flooding: 64 }],
    ['γ = 0.1, φ = 1, θ = 32', { infiltration: 0.1, deception: 1, flooding: 32 }],
  ];
  return configs.map(([label, options], c) => {
    const arm: SimsomArm = { label, options, quality: [], steps: [], diversity: [], discrimination: [], botShare: [] };
    for (let r = 0; r < runs; r++) {
      const x = simsom({ humans, friends, ...options, seed: `${c}/${r}` });
      arm.quality.push(x.quality);
      arm.steps.push(x.steps);
      arm.diversity.push(x.diversity);
      arm.discrimination.push(x.discrimination);
      arm.botShare.push(x.botShareOfHumanFeeds);
    }
    return arm;
  });
}

/** Mean relative quality of an arm (to the bot-free arm's mean) and its standard error (delta method). */
export function relative(arm: SimsomArm, base: SimsomArm): { mean: number; se: number } {
  const a = meanSE(arm.quality);
  const b = meanSE(base.quality);
  const mean = a.mean / b.mean;
  return { mean, se: mean * Math.hypot(a.se / a.mean, b.se / b.mean) };
}

/** The pass/fail checks of the comparison. */
export function simsomChecks(arms: SimsomArm[], size: Size): Check[] {
  const { humans, runs } = SIZES[size];
  const at = (label: string) => arms.find((a) => a.label === label)!;
  const base = at('no bots');
  const checks: Check[] = [];
  const users = humans;
  const q = meanSE(base.quality);
  const paperSE = SIMSOM_PAPER.baseline.sd / Math.sqrt(SIMSOM_PAPER.baseline.runs);
  const band = 4 * Math.hypot(q.se, paperSE);
  checks.push({ case: 'SimSoM, no bots', quantity: 'mean quality of human feeds', theory: SIMSOM_PAPER.baseline.quality, simulated: q.mean, tolerance: band, pass: Math.abs(q.mean - SIMSOM_PAPER.baseline.quality) <= band, users, runs, note: 'the paper\'s baseline (its network); appeal is independent of quality, so any network gives the mean message quality' });
  // Like for like: the paper's network shuffled at random; 4 SE of the difference of two means.
  for (const { gamma, relative: paper } of SIMSOM_PAPER.random) {
    const r = relative(at(`γ = ${gamma}`), base);
    const tol = 4 * Math.hypot(r.se, SIMSOM_PAPER.sd / Math.sqrt(SIMSOM_PAPER.runs));
    checks.push({ case: `SimSoM, infiltration γ = ${gamma}, random network`, quantity: 'relative quality', theory: paper, simulated: r.mean, tolerance: tol, pass: Math.abs(r.mean - paper) <= tol, users, runs, note: 'paper: its network shuffled fully at random (shuffle/all); 4 SE of ours and of the paper\'s mean (run SD 0.02 over about 10 runs)' });
  }
  // The tactics, as directions: each lowers quality by more than 4 SE of the difference.
  const lower = (name: string, worse: string, better: string, paper: string) => {
    const w = relative(at(worse), base);
    const b = relative(at(better), base);
    const d = b.mean - w.mean;
    const se = Math.hypot(w.se, b.se);
    checks.push({ case: `SimSoM, ${name}`, quantity: `relative quality: (${better}) − (${worse})`, theory: NaN, theoryText: paper, simulated: d, tolerance: 4 * se, pass: d > 4 * se, users, runs, rule: `> 4 SE (${(4 * se).toFixed(3)})` });
  };
  // Not tested: γ = 10⁻⁴ against 10⁻³ (0.999 against 0.977 on the paper's network). On a random
  // graph a bot then reaches about ten humans and both stay within noise of no bots (measured at
  // full size: 1.004 ± 0.005 and 1.003 ± 0.004); the paper's shuffles put its extra harm on hubs.
  lower('infiltration', 'γ = 0.01', 'γ = 0.001', '> 0 (0.977 vs 0.85)');
  lower('infiltration', 'γ = 0.1', 'γ = 0.01', '> 0 (0.85 vs 0.49)');
  lower('deception', 'γ = 0.01, φ = 1', 'γ = 0.01', '> 0 (0.855 vs 0.719)');
  lower('flooding', 'γ = 0.01, θ = 64', 'γ = 0.01', '> 0 (0.855 vs 0.682)');
  lower('deception and flooding together', 'γ = 0.01, φ = 1, θ = 64', 'γ = 0.01, θ = 64', '> 0 (0.682 vs 0.587)');
  lower('all three tactics', 'γ = 0.1, φ = 1, θ = 32', 'γ = 0.1', '> 0 (0.492 vs 0.358)');
  return checks;
}

/** Our relative quality beside the paper's original-network value, for the page's table. */
export function simsomTable(arms: SimsomArm[]): Array<{ label: string; options: SimsomOptions; paper: number | null; random: number | null; ours: { mean: number; se: number }; steps: number; diversity: number; discrimination: number; botShare: number }> {
  const base = arms.find((a) => a.label === 'no bots')!;
  const paperOf = (o: SimsomOptions): number | null => {
    const g = o.infiltration ?? 0.01;
    if (o.bots === 0) return 1;
    if (o.deception && o.flooding) return g === 0.1 ? SIMSOM_PAPER.extreme : SIMSOM_PAPER.both;
    if (o.deception) return SIMSOM_PAPER.deception;
    if (o.flooding) return SIMSOM_PAPER.flooding;
    return SIMSOM_PAPER.infiltration.find((x) => x.gamma === g)?.relative ?? null;
  };
  const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return arms.map((a) => ({
    label: a.label,
    options: a.options,
    paper: paperOf(a.options),
    random: a.options.deception || a.options.flooding ? null : (SIMSOM_PAPER.random.find((x) => x.gamma === a.options.infiltration)?.relative ?? null),
    ours: relative(a, base),
    steps: avg(a.steps),
    diversity: avg(a.diversity),
    discrimination: avg(a.discrimination),
    botShare: avg(a.botShare),
  }));
}
