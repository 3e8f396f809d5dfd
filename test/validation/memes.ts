/**
 * Meme popularity under competition for attention (Gleeson, Ward, O'Sullivan & Lee, PRL 112,
 * 048701, 2014; issue 18 part 1): the engine reduced by `presets.memeCompetition` against the
 * popularity law its rules imply (src/validation/meme-competition.ts, the paper's
 * generating-function method), the paper's own rules in a reference simulation
 * (test/helpers/gleeson-model.ts) against their Eq. (2) (src/validation/gleeson.ts), and the
 * fitted exponent's approach to 3/2 as μ → 0. Monte Carlo errors come from independent replicates
 * (a new graph and seed each): memes of one run share its graph, so pooling them would understate
 * the error.
 */
import { createWorld, readPost, step, type World } from '../../src/index.js';
import { memeCompetition } from '../../src/scenario/presets.js';
import { complementary, lawMean } from '../../src/validation/branching.js';
import { gleesonFirstRetweetExact, gleesonPopularity } from '../../src/validation/gleeson.js';
import { memeCompetitionLaws, memeCompetitionPopularity } from '../../src/validation/meme-competition.js';
import { uniformStream } from '../../src/rng.js';
import { gleesonModel } from '../helpers/gleeson-model.js';
import { regularDigraph } from '../helpers/regular-digraph.js';
import { meanSE } from '../helpers/stats.js';
import { histogram, windowExponent } from '../helpers/window-exponent.js';
import type { Check, Size } from './cases.js';

/** Followees and followers of every user (the paper's networks: about ten followees each, supplement S4). */
export const MEME_Z = 10;
/**
 * Window of the fitted exponent: far enough out that both laws' exponents on it tend to within
 * 0.02 of 3/2 as μ → 0 (nearer the head, the engine's law bends: a new post's ~9 reshares come at once).
 */
export const EXPONENT_WINDOW: [number, number] = [100, 1000];
const WARMUP = 50;
const RECORD = 250;

const SIZES = {
  small: { users: 4000, replicates: 3, mus: [0.02, 0.01, 0.005], refUsers: 4000, refWindow: 100, refMus: [0.1, 0.05, 0.02] },
  full: { users: 10_000, replicates: 6, mus: [0.05, 0.02, 0.01, 0.005, 0.002], refUsers: 10_000, refWindow: 200, refMus: [0.1, 0.05, 0.02, 0.01] },
} as const;

/** One innovation probability μ: each replicate's meme popularities (posts per meme) and the law they should follow. */
export interface MemeSeries {
  mu: number;
  users: number;
  /** Steps a meme can be reshared (engine) or 0 (the paper's rules: until it leaves every screen). */
  lifetime: number;
  popularity: number[][];
  /** P(popularity = n), n = 0, 1, … */
  law: Float64Array;
  /** Share of posts that are new memes (theory). */
  muEffective: number;
}

/** Lifetimes long enough that a meme outliving them is rare, shorter where cascades are short (the law accounts for the cut exactly). */
const lifetimeFor = (mu: number) => (mu >= 0.02 ? 200 : mu >= 0.01 ? 300 : mu >= 0.005 ? 400 : 800);

/** The engine, reduced by `presets.memeCompetition`, on z-regular random graphs. */
export function memeCompetitionSeries(size: Size): MemeSeries[] {
  const { users, replicates, mus } = SIZES[size];
  return mus.map((mu) => {
    const lifetime = lifetimeFor(mu);
    const steps = WARMUP + RECORD + lifetime;
    const popularity = Array.from({ length: replicates }, (_, r) => {
      const pop: number[] = [];
      // Memes created after the warm-up, a lifetime before the end: their counts are final.
      const record = (w: World, slot: number) => {
        const p = readPost(w.posts, slot);
        if (p.created >= WARMUP && p.created < WARMUP + RECORD) pop.push(p.engagements + 1);
      };
      const setup = memeCompetition({ graph: regularDigraph(users, MEME_Z, uniformStream(`meme-graph-${mu}-${r}`)), innovation: mu, lifetime, steps, seed: 1000 + r });
      const w = createWorld(setup.scenario, { graph: setup.graph!, onRetire: record });
      step(w, steps);
      for (let s = 0; s <= w.posts.mask; s++) if (readPost(w.posts, s).serial >= 0) record(w, s);
      return pop;
    });
    const o = { z: MEME_Z, postProbability: mu, shareProbability: 1 - mu };
    return { mu, users, lifetime, popularity, law: memeCompetitionPopularity({ ...o, lifetime }), muEffective: memeCompetitionLaws(o).muEffective };
  });
}

/** The paper's rules (reference simulation) on z-regular random graphs, with their Eq. (2) at a → ∞. */
export function gleesonSeries(size: Size): MemeSeries[] {
  const { refUsers: users, replicates, refWindow, refMus } = SIZES[size];
  return refMus.map((mu) => ({
    mu,
    users,
    lifetime: 0,
    popularity: Array.from({ length: replicates }, (_, r) =>
      gleesonModel({ graph: regularDigraph(users, MEME_Z, uniformStream(`gleeson-graph-${mu}-${r}`)), mu, warmup: 20, window: refWindow, rand: uniformStream(`gleeson-${mu}-${r}`) }),
    ),
    law: gleesonPopularity({ z: MEME_Z, mu }),
    muEffective: mu,
  }));
}

/** Mean over replicates of the share of memes with popularity ≥ k, its standard error, and the pooled binomial floor. */
function shareAtLeast(series: MemeSeries, k: number, theory: number): { mean: number; se: number } {
  const { mean, se } = meanSE(series.popularity.map((p) => p.filter((x) => x >= k).length / p.length));
  const n = series.popularity.reduce((s, p) => s + p.length, 0);
  // Floor: the binomial SE of the pooled memes at the theoretical share (never below that of 1/n).
  return { mean, se: Math.max(se, Math.sqrt(Math.max(theory * (1 - theory), 1 / n) / n)) };
}

/** CCDF points checked: where the law expects at least 20 of the pooled memes. */
export function ccdfPoints(series: MemeSeries): number[] {
  const n = series.popularity.reduce((s, p) => s + p.length, 0);
  const cc = complementary(series.law);
  return [2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].filter((k) => cc[k] * n >= 20);
}

/** Simulation vs law: mean popularity and P(popularity ≥ k), each within 4 replicate standard errors. */
export function memePopularityChecks(all: MemeSeries[], label: string): Check[] {
  const out: Check[] = [];
  for (const s of all) {
    const cc = complementary(s.law);
    const memes = s.popularity.reduce((a, p) => a + p.length, 0);
    const name = `${label}, z = ${MEME_Z}, μ = ${s.mu}${s.lifetime > 0 ? `, lifetime ${s.lifetime}` : ''}`;
    const means = meanSE(s.popularity.map((p) => p.reduce((a, b) => a + b, 0) / p.length));
    out.push({ case: name, quantity: `mean popularity (posts per meme; 1/μ_eff = ${(1 / s.muEffective).toFixed(2)} without the lifetime cut)`, theory: lawMean(s.law), simulated: means.mean, tolerance: 4 * means.se, pass: Math.abs(means.mean - lawMean(s.law)) <= 4 * means.se, users: s.users, runs: memes, note: `${s.popularity.length} replicates` });
    for (const k of ccdfPoints(s)) {
      const { mean, se } = shareAtLeast(s, k, cc[k]);
      out.push({ case: name, quantity: `P(popularity ≥ ${k})`, theory: cc[k], simulated: mean, tolerance: 4 * se, pass: Math.abs(mean - cc[k]) <= 4 * se, users: s.users, runs: memes, note: `${s.popularity.length} replicates` });
    }
  }
  return out;
}

/** The fitted exponent on the window, per replicate (mean ± SE) and of the law. */
export interface ExponentRow {
  mu: number;
  /** Memes pooled over the replicates. */
  memes: number;
  alpha: number;
  se: number;
  theory: number;
}

export function exponents(all: MemeSeries[]): ExponentRow[] {
  const [a, b] = EXPONENT_WINDOW;
  return all.map((s) => {
    const { mean, se } = meanSE(s.popularity.map((p) => windowExponent(histogram(p), a, b)));
    return { mu: s.mu, memes: s.popularity.reduce((n, p) => n + p.length, 0), alpha: mean, se, theory: windowExponent(s.law, a, b) };
  });
}

/**
 * The exponent's approach to 3/2 as μ → 0: at each μ the fitted exponent matches the law's
 * (within 4 SE); each step down the ladder of μ but the last lowers it by more than 4 SE of the
 * difference, with the law's exponent moving towards 3/2; at the smallest μ, where the law's
 * exponent is within a few hundredths of 3/2 and steps are smaller than the noise, the fitted
 * exponent is within 4 SE of 3/2.
 */
export function exponentChecks(rows: ExponentRow[], label: string, users: number): Check[] {
  const out: Check[] = [];
  const [a, b] = EXPONENT_WINDOW;
  const sorted = [...rows].sort((x, y) => y.mu - x.mu);
  for (const r of sorted) {
    out.push({ case: `${label}, μ = ${r.mu}`, quantity: `fitted exponent α on ${a}–${b} vs the law's`, theory: r.theory, simulated: r.alpha, tolerance: 4 * r.se, pass: Math.abs(r.alpha - r.theory) <= 4 * r.se, users, runs: r.memes, note: 'replicate SE' });
  }
  for (let i = 1; i < sorted.length - 1; i++) {
    const [hi, lo] = [sorted[i - 1], sorted[i]];
    const drop = hi.alpha - lo.alpha;
    const se = Math.hypot(hi.se, lo.se);
    out.push({
      case: `${label}, μ = ${hi.mu} → ${lo.mu}`,
      quantity: `fall of the fitted exponent α (on ${a}–${b}) as μ falls`,
      theory: hi.theory - lo.theory,
      simulated: drop,
      tolerance: 4 * se,
      rule: `pass if > 4 SE = ${(4 * se).toFixed(3)}`,
      pass: drop > 4 * se && Math.abs(lo.theory - 1.5) < Math.abs(hi.theory - 1.5),
      users,
      runs: hi.memes + lo.memes,
      note: `α = ${hi.alpha.toFixed(3)} ± ${hi.se.toFixed(3)} → ${lo.alpha.toFixed(3)} ± ${lo.se.toFixed(3)}; the law's ${hi.theory.toFixed(3)} → ${lo.theory.toFixed(3)}`,
    });
  }
  const last = sorted[sorted.length - 1];
  out.push({ case: `${label}, μ = ${last.mu}`, quantity: `fitted exponent α on ${a}–${b} vs the limit 3/2`, theory: 1.5, simulated: last.alpha, tolerance: 4 * last.se, pass: Math.abs(last.alpha - 1.5) <= 4 * last.se, users, runs: last.memes, note: `the law's α on the window: ${last.theory.toFixed(3)}` });
  return out;
}

/** One CCDF point of the paper's rules (reference simulation) against their Eq. (2): reported, not a pass/fail check. */
export interface GapRow {
  mu: number;
  k: number;
  theory: number;
  simulated: number;
  se: number;
}

/** Their Eq. (2) against their rules, at every CCDF point (the tree approximation's error). */
export function gleesonGaps(all: MemeSeries[]): GapRow[] {
  return all.flatMap((s) => {
    const cc = complementary(s.law);
    return ccdfPoints(s).map((k) => ({ mu: s.mu, k, theory: cc[k], ...(({ mean, se }) => ({ simulated: mean, se }))(shareAtLeast(s, k, cc[k])) }));
  });
}

/**
 * The paper's rules, simulated: the mean popularity is 1/μ (each tweet is new with probability
 * μ), and P(retweeted at least once) equals its exact value on a tree-like network, which keeps
 * the correlation Eq. (2) drops (src/validation/gleeson.ts, `gleesonFirstRetweetExact`).
 */
export function gleesonChecks(all: MemeSeries[]): Check[] {
  return all.flatMap((s) => {
    const memes = s.popularity.reduce((a, p) => a + p.length, 0);
    const name = `the paper's rules (reference simulation), z = ${MEME_Z}, μ = ${s.mu}`;
    const means = meanSE(s.popularity.map((p) => p.reduce((a, b) => a + b, 0) / p.length));
    const exact = gleesonFirstRetweetExact(MEME_Z, s.mu);
    const first = shareAtLeast(s, 2, exact);
    const eq2 = complementary(s.law)[2];
    return [
      { case: name, quantity: 'mean popularity = 1/μ', theory: 1 / s.mu, simulated: means.mean, tolerance: 4 * means.se, pass: Math.abs(means.mean - 1 / s.mu) <= 4 * means.se, users: s.users, runs: memes, note: `${s.popularity.length} replicates` },
      { case: name, quantity: 'P(popularity ≥ 2), exact on a tree', theory: exact, simulated: first.mean, tolerance: 4 * first.se, pass: Math.abs(first.mean - exact) <= 4 * first.se, users: s.users, runs: memes, note: `Eq. (2) gives ${eq2.toFixed(4)}` },
    ];
  });
}
