/**
 * The validation cases of docs/validation.md: the engine reduced to the independent-cascade
 * model (presets.independentCascade) against theory and against an independent breadth-first
 * cascade. Run small in `npm run test:full` (test/validation.full.test.ts) and full in `npm run reproduce`.
 * Tolerances are 4 Monte Carlo standard errors; KS comparisons pass at p > 0.001.
 */
import { fileURLToPath } from 'node:url';
import {
  barabasiAlbert,
  configurationModel,
  erdosRenyi,
  powerLawDegrees,
  createWorld,
  readPost,
  simulate,
  step,
  structuralVirality,
  wattsStrogatz,
  type ScenarioInput,
  type SocialGraph,
  type World,
} from '../../src/index.js';
import { loadEdgeList } from '../../src/node.js';
import { independentCascade } from '../../src/scenario/presets.js';
import { runCascades, type CascadeMeasures } from '../../src/validation/cascades.js';
import { uniformStream } from '../../src/rng.js';
import { bfsCascade } from '../helpers/bfs-cascade.js';
import { ksTwoSample } from '../helpers/ks.js';
import { fitPowerLaw, type PowerLawFit } from '../helpers/power-law.js';
import { weightedSlope } from '../helpers/stats.js';

/** One checked quantity. */
export interface Check {
  case: string;
  quantity: string;
  theory: number;
  simulated: number;
  /** Half-width of the acceptance band (4 SE, or the KS p-value for distribution checks). */
  tolerance: number;
  pass: boolean;
  users: number;
  runs: number;
  note?: string;
  /** A directional pass rule (e.g. a difference above 4 SE), shown in place of "± tolerance". */
  rule?: string;
  /** Shown in place of the theory value (e.g. the sign a paper reports). */
  theoryText?: string;
}

export type Size = 'small' | 'full';

const SIZES = {
  small: { erSub: 10_000, erSubRuns: 1500, erSup: 10_000, erSupRuns: 150, other: 5000, otherRuns: 300, fbRuns: 300, gf: 10_000, gfRuns: 200 },
  full: { erSub: 50_000, erSubRuns: 5000, erSup: 50_000, erSupRuns: 500, other: 20_000, otherRuns: 800, fbRuns: 800, gf: 50_000, gfRuns: 400 },
} as const;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
};

/** S = 1 − exp(−R·S), the giant out-component fraction (positive root), by iteration. */
export function giantFraction(R: number): number {
  let s = 0.5;
  for (let i = 0; i < 10_000; i++) s = 1 - Math.exp(-R * s);
  return s;
}

function check(c: Omit<Check, 'pass'>): Check {
  return { ...c, pass: Math.abs(c.simulated - c.theory) <= c.tolerance };
}

/** Directed Erdős–Rényi, subcritical: mean tree size 1/(1−R), mean users reached c/(1−R). */
export function erdosRenyiSubcritical(size: Size): Check[] {
  const { erSub: N, erSubRuns: runs } = SIZES[size];
  const c = 10;
  const g = erdosRenyi(N, c, uniformStream('validation-er-sub'));
  const out: Check[] = [];
  for (const R of [0.5, 0.8]) {
    const res = runCascades(independentCascade({ graph: g, shareProbability: R / c, seed: 11 }), { cascades: runs });
    const size = res.map((r) => r.size);
    const reached = res.map((r) => r.reached);
    const name = `Erdős–Rényi (directed), c = ${c}, R = ${R}`;
    out.push(check({ case: name, quantity: 'mean cascade size (tree: root + resharers)', theory: 1 / (1 - R), simulated: mean(size), tolerance: (4 * sd(size)) / Math.sqrt(runs), users: N, runs }));
    out.push(check({ case: name, quantity: 'mean users reached', theory: c / (1 - R), simulated: mean(reached), tolerance: (4 * sd(reached)) / Math.sqrt(runs), users: N, runs }));
  }
  return out;
}

/** Directed Erdős–Rényi, supercritical: P(large) = S, reach of a large one = S, resharers = p·S. */
export function erdosRenyiSupercritical(size: Size): Check[] {
  const { erSup: N, erSupRuns: runs } = SIZES[size];
  const c = 10;
  const g = erdosRenyi(N, c, uniformStream('validation-er-sup'));
  const large = Math.pow(N, 2 / 3);
  const out: Check[] = [];
  for (const R of [1.5, 2, 3]) {
    const p = R / c;
    const S = giantFraction(R);
    const res = runCascades(independentCascade({ graph: g, shareProbability: p, seed: 12 }), { cascades: runs });
    const big = res.filter((r) => r.reached > large);
    const name = `Erdős–Rényi (directed), c = ${c}, R = ${R}`;
    const note = `large = more than N^(2/3) = ${Math.round(large)} users reached`;
    out.push(check({ case: name, quantity: 'P(large cascade)', theory: S, simulated: big.length / runs, tolerance: 4 * Math.sqrt((S * (1 - S)) / runs), users: N, runs, note }));
    if (big.length >= 2) {
      const frac = big.map((r) => r.reached / N);
      const resh = big.map((r) => r.resharers / N);
      out.push(check({ case: name, quantity: 'fraction reached by a large cascade', theory: S, simulated: mean(frac), tolerance: (4 * sd(frac)) / Math.sqrt(big.length) + 1 / Math.sqrt(N), users: N, runs: big.length, note: 'tolerance: 4 SE + N^(-1/2) finite-size allowance' }));
      out.push(check({ case: name, quantity: 'fraction resharing in a large cascade', theory: p * S, simulated: mean(resh), tolerance: (4 * sd(resh)) / Math.sqrt(big.length) + p / Math.sqrt(N), users: N, runs: big.length, note: 'tolerance: 4 SE + p·N^(-1/2)' }));
    }
  }
  return out;
}

/** Other families and the real network: engine vs an independent BFS cascade (two-sample KS). */
export function otherGraphs(size: Size): Check[] {
  const { other: N, otherRuns: runs, fbRuns } = SIZES[size];
  const rand = uniformStream('validation-graphs');
  const fb = loadEdgeList(fileURLToPath(new URL('../../data/facebook_combined.txt', import.meta.url)), { undirected: true });
  const graphs: Array<[string, SocialGraph, number, number]> = [
    [`Barabási–Albert, mean degree 10`, barabasiAlbert(N, 10, rand), 0.08, runs],
    [`Watts–Strogatz, k = 10, rewire 0.1`, wattsStrogatz(N, 10, 0.1, rand), 0.15, runs],
    [`configuration model, power-law degrees (exponent 2.5, min 3)`, configurationModel(powerLawDegrees(N, 2.5, 3, Math.floor(3 * Math.sqrt(N)), rand), rand), 0.15, runs],
    [`Facebook ego network (SNAP, 4,039 users)`, fb, 0.03, fbRuns],
  ];
  const out: Check[] = [];
  for (const [name, g, p, n] of graphs) {
    const engine = runCascades(independentCascade({ graph: g, shareProbability: p, seed: 13 }), { cascades: n }).map((r) => r.reached);
    const bfsRand = uniformStream(`bfs-${name}`);
    const seen = new Int32Array(g.users).fill(-1);
    const bfs = Array.from({ length: n }, (_, k) => bfsCascade(g, Math.floor(bfsRand() * g.users), p, bfsRand, seen, k).reached);
    const ks = ksTwoSample(engine, bfs);
    out.push({
      case: `${name}, p = ${p}`,
      quantity: 'distribution of users reached: engine vs independent BFS (KS p-value)',
      theory: mean(bfs),
      simulated: mean(engine),
      tolerance: ks.p,
      pass: ks.p > 0.001,
      users: g.users,
      runs: n,
      note: `KS D = ${ks.d.toFixed(3)}, p = ${ks.p.toFixed(3)}; columns give mean reached (BFS | engine)`,
    });
  }
  return out;
}

/** Bond-percolation generating functions of an undirected degree sequence. */
export function percolation(degrees: ArrayLike<number>, p: number): { threshold: number; pLarge: number } {
  const n = degrees.length;
  let k1 = 0;
  let k2 = 0;
  for (let i = 0; i < n; i++) {
    k1 += degrees[i];
    k2 += degrees[i] * degrees[i];
  }
  k1 /= n;
  k2 /= n;
  const threshold = k1 / (k2 - k1);
  // u = 1 − p + p·G1(u): the chance that a tie leads to a finite tree of resharers.
  const G0 = (x: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.pow(x, degrees[i]);
    return s / n;
  };
  const G1 = (x: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) if (degrees[i] > 0) s += degrees[i] * Math.pow(x, degrees[i] - 1);
    return s / (n * k1);
  };
  let u = 0;
  for (let i = 0; i < 2000; i++) u = 1 - p + p * G1(u);
  return { threshold, pLarge: 1 - G0(u) };
}

/** Configuration model: the large-cascade threshold and probability from generating functions. */
export function configurationThreshold(size: Size): Check[] {
  const { gf: N, gfRuns: runs } = SIZES[size];
  const rand = uniformStream('validation-gf');
  const g = configurationModel(powerLawDegrees(N, 2.5, 3, Math.floor(3 * Math.sqrt(N)), rand), rand);
  const degrees = Array.from({ length: N }, (_, u) => g.offsets[u + 1] - g.offsets[u]);
  const { threshold } = percolation(degrees, 0);
  const large = Math.pow(N, 2 / 3);
  const out: Check[] = [];
  for (const factor of [0.5, 2, 4]) {
    const p = factor * threshold;
    const { pLarge } = percolation(degrees, p);
    const res: CascadeMeasures[] = runCascades(independentCascade({ graph: g, shareProbability: p, seed: 14 }), { cascades: runs });
    const share = res.filter((r) => r.reached > large).length / runs;
    const se = Math.sqrt(Math.max(pLarge * (1 - pLarge), 1 / runs) / runs);
    out.push(check({
      case: `configuration model, power-law degrees (exponent 2.5), p = ${factor} × p_c (p_c = ${threshold.toFixed(4)})`,
      quantity: 'P(large cascade) vs generating-function prediction',
      theory: pLarge,
      simulated: share,
      tolerance: 4 * se,
      users: N,
      runs,
      note: `p_c = <k>/(<k²> − <k>) from the realised degrees; large = more than N^(2/3) reached`,
    }));
  }
  return out;
}



/** Structural virality: exact on stars and paths, and the engine's value on its own cascades equals an all-pairs count. */
export function structuralViralityChecks(): Check[] {
  const out: Check[] = [];
  for (const n of [10, 100]) {
    const star = structuralVirality([-1, ...Array(n - 1).fill(0)]);
    const path = structuralVirality(Array.from({ length: n }, (_, i) => i - 1));
    out.push(check({ case: `star of ${n} nodes`, quantity: 'structural virality = 2(n−1)/n', theory: (2 * (n - 1)) / n, simulated: star, tolerance: 1e-12, users: n, runs: 1 }));
    out.push(check({ case: `path of ${n} nodes`, quantity: 'structural virality = (n+1)/3', theory: (n + 1) / 3, simulated: path, tolerance: 1e-12, users: n, runs: 1 }));
  }
  return out;
}

/**
 * The freshness arena: everyone follows the focal account and is active every step with attention
 * for one item; ~60 fresh recommended competitors per session; chronological ranking with
 * Gumbel-top-K at temperature 1 picks an item with probability ∝ freshness. No likes or shares,
 * so the focal post's candidacy never changes: its hazard of being shown is ∝ f(age). The focal
 * account posts once, at step 8 (`lifetimeSteps` optional).
 */
export function freshnessArena(users: number, lifetimeSteps?: number): ScenarioInput {
  return {
    seed: 17,
    users,
    topics: 1,
    cycles: 1,
    stepsPerCycle: 36,
    population: { activity: 1, activitySpread: 0, attention: 1 },
    content: { creators: 0, userPostProbability: 0.2, freshness: { kind: 'exponential', halfLife: '3h', floor: 0.01 } },
    feed: { ranker: 'chronological', selection: 'gumbel', temperature: 1, recommendations: 60 },
    behavior: { like: { base: 0 }, share: { base: 0 }, follow: { base: 0 }, unfollow: { perImpression: 0, baseline: { probability: 0 }, lapse: { probability: 0 }, cadence: { probability: 0 } } },
    notifications: { enabled: false },
    accounts: [{ startingFollowers: users, strategy: { kind: 'scripted', params: { posts: [{ step: 8, ...(lifetimeSteps ? { lifetimeSteps } : {}) }] } } }],
  };
}

/** Weighted log-linear fit of the hazard of being shown (impressions ÷ users yet to see it) against age. */
export function hazardSlope(perStep: number[], users: number, from = 8): { slope: number; se: number; seen: number } {
  const ages: number[] = [];
  const logHazard: number[] = [];
  const weights: number[] = [];
  let seen = 0;
  for (let t = from; t < perStep.length; t++) {
    if (perStep[t] > 0) {
      ages.push(t - from);
      logHazard.push(Math.log(perStep[t] / (users - seen)));
      weights.push(perStep[t]); // Var(log count) ≈ 1/count
    }
    seen += perStep[t];
  }
  return { ...weightedSlope(ages, logHazard, weights), seen };
}

/** Freshness: under stochastic selection among many competitors, the hazard of being shown halves per half-life. */
export function freshnessHalving(size: Size): Check[] {
  const N = size === 'full' ? 40_000 : 10_000;
  const halfLife = 3;
  const r = simulate(freshnessArena(N));
  const { slope, se, seen } = hazardSlope(r.accounts[0].steps.map((s) => s.impressions), N);
  return [
    check({
      case: `exponential freshness, half-life ${halfLife} h, Gumbel-top-1 among ~60 competitors`,
      quantity: 'half-life of the hazard of being shown (h), from a weighted log-linear fit',
      theory: halfLife,
      simulated: -Math.LN2 / slope,
      tolerance: (Math.LN2 / slope ** 2) * 4 * se,
      users: N,
      runs: seen,
      note: `slope ${slope.toFixed(4)} ± ${se.toFixed(4)} per step (theory ${(-Math.LN2 / halfLife).toFixed(4)}); runs = impressions`,
    }),
  ];
}

/** Every case, in the order of docs/validation.md. */
export function allCases(size: Size): Check[] {
  return [
    ...erdosRenyiSubcritical(size),
    ...erdosRenyiSupercritical(size),
    ...otherGraphs(size),
    ...configurationThreshold(size),
    ...structuralViralityChecks(),
    ...freshnessHalving(size),
  ];
}

/** One row (innovation probability μ, feed size) of the limited-attention exploration. */
export interface AttentionResult {
  /** Probability that an active user posts a new meme (`content.userPostProbability`). */
  mu: number;
  feedSize: number;
  /** Steps a meme can be shown and reshared (`content.freshness.lifetime`). */
  lifetime: number;
  users: number;
  steps: number;
  memes: number;
  /** Share of all posts (new memes and reshares) that are new memes: the branching number per post is 1 − this. */
  muEffective: number;
  meanPopularity: number;
  maxPopularity: number;
  /** Share of memes never reshared. */
  unshared: number;
  /** Share of memes reshared at least 5 times (the tail, at one threshold for every feed size). */
  atLeast5: number;
  /** Share of memes reshared at least 10 times. */
  atLeast10: number;
  /** Share of memes reshared at least 100 times. */
  atLeast100: number;
  fit: PowerLawFit;
}

/**
 * Limited attention (Weng, Flammini, Vespignani & Menczer 2012), exploratory: every active user
 * posts a new meme with probability μ and sees its whole feed — the newest `feedSize` items
 * pushed by the users it follows — resharing each with probability (1 − μ)/feedSize, so a visit
 * to a full feed reshares 1 − μ items on average, as in the paper's "post or retweet one".
 * Popularity is the number of reshares of each meme; its tail is fitted with the
 * Clauset–Shalizi–Newman method. Each reshare has one parent post, so in the steady state a post
 * spawns on average (reshares ÷ all posts) = 1 − μ_eff reshares, where μ_eff is the share of posts
 * that are new; a meme's mean popularity is then (1 − μ_eff)/μ_eff: μ = 0.5 is far below the
 * critical point, μ = 0.02 near it (when feeds fill: μ_eff ≈ μ).
 */
export function limitedAttention(size: Size): AttentionResult[] {
  const users = size === 'full' ? 10_000 : 3000;
  const steps = 1000;
  const warmup = 100;
  const graph = erdosRenyi(users, 10, uniformStream('validation-attention-graph'));
  const rows: Array<[number, number, number]> = size === 'full'
    ? [[0.02, 5, 500], [0.02, 10, 500], [0.02, 20, 500], [0.02, 40, 500], [0.5, 5, 100], [0.5, 10, 100], [0.5, 20, 100], [0.5, 40, 100]]
    : [[0.02, 5, 500], [0.02, 20, 500]];
  const out: AttentionResult[] = [];
  for (const [mu, feedSize, lifetime] of rows) {
    const popularity: number[] = [];
    // Memes created after the warm-up and at least a lifetime before the end: their popularity is final.
    const record = (w: World, slot: number) => {
      const { created, engagements } = readPost(w.posts, slot);
      if (created >= warmup && created < steps - lifetime) popularity.push(engagements);
    };
    const w = createWorld(
      {
        seed: 18,
        topics: 1,
        cycles: steps,
        stepsPerCycle: 1,
        population: { activity: 0.1, activitySpread: 0, attention: feedSize },
        content: { userPostProbability: mu, creators: 0, freshness: { kind: 'none', lifetime: `${lifetime}h` } },
        feed: { ranker: 'chronological', selection: 'top-k', inboxSize: feedSize, recommendations: 0 },
        behavior: { propensitySpread: 0, like: { base: 0 }, share: { base: (1 - mu) / feedSize, quality: 1, appeal: 1, match: 1 } },
        notifications: { enabled: false },
        follows: false,
        accounts: [],
      },
      { graph, onRetire: record },
    );
    step(w, steps);
    for (let s = 0; s <= w.posts.mask; s++) if (readPost(w.posts, s).serial >= 0) record(w, s);
    const memes = popularity.length;
    const reshares = popularity.reduce((a, b) => a + b, 0);
    out.push({
      mu,
      feedSize,
      lifetime,
      users,
      steps,
      memes,
      muEffective: memes / (memes + reshares),
      meanPopularity: reshares / memes,
      maxPopularity: popularity.reduce((a, b) => Math.max(a, b), 0),
      unshared: popularity.filter((x) => x === 0).length / memes,
      atLeast5: popularity.filter((x) => x >= 5).length / memes,
      atLeast10: popularity.filter((x) => x >= 10).length / memes,
      atLeast100: popularity.filter((x) => x >= 100).length / memes,
      fit: fitPowerLaw(popularity, uniformStream(`csn-${mu}-${feedSize}`), size === 'full' ? 100 : 20),
    });
  }
  return out;
}
