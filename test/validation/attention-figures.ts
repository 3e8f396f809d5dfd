/**
 * Weng, Flammini, Vespignani & Menczer, "Competition among memes in a world with limited
 * attention", Sci. Rep. 2:335 (2012), issue 18 part 2: the qualitative results of their Fig. 6
 * (the follower network against a random network of the same size and edges) and Fig. 7 (the
 * length of the attention window), each as a paired comparison over independent replicates (a
 * new graph and seed each) that can fail. Their rule — a user posts a new meme with probability
 * μ, otherwise retweets a random post from its screen — becomes: every active user (activity 0.1
 * a step) posts with probability μ and is shown one item drawn uniformly from its inbox (its last
 * W arrivals: chronological ranking without freshness decay gives every item the same score, and
 * Gumbel selection draws one in proportion), which it reshares with probability 1 − μ. So each
 * visit makes about one post, whatever the window or the graph, and μ_eff ≈ μ.
 */
import { barabasiAlbert, createWorld, erdosRenyi, readPost, step, type SocialGraph, type World } from '../../src/index.js';
import { PF, RECORD_SHIFT } from '../../src/content/posts.js';
import { uniformStream } from '../../src/rng.js';
import { meanSE } from '../helpers/stats.js';
import type { Check, Size } from './cases.js';

const MU = 0.02;
const LIFETIME = 500;
const WARMUP = 100;
const STEPS = 1000;
/** Lifetime (steps from a meme's creation to its last reshare) counted as long in Fig. 7(a)'s sense. */
export const LONG_LIVED = 100;

const SIZES = { small: { users: 5000, replicates: 6 }, full: { users: 10_000, replicates: 8 } } as const;

/** One run's memes: popularity (reshares) and lifetime (steps to the last reshare; 0 if never reshared). */
export interface MemeSample {
  popularity: number[];
  lifetime: number[];
}

/** Runs Weng et al.'s rule on `graph` with a screen of the last `window` arrivals. */
export function wengRun(graph: SocialGraph, window: number, seed: number): MemeSample {
  const popularity: number[] = [];
  const lifetime: number[] = [];
  const lastReshare: number[] = [];
  const seen: number[] = [];
  // Memes created after the warm-up and a lifetime before the end: their counts are final.
  const record = (w: World, slot: number) => {
    const p = readPost(w.posts, slot);
    if (p.created < WARMUP || p.created >= STEPS - LIFETIME) return;
    popularity.push(p.engagements);
    lifetime.push(p.engagements > 0 ? lastReshare[p.serial] - p.created + 1 : 0);
  };
  const w = createWorld(
    {
      seed,
      topics: 1,
      cycles: STEPS,
      stepsPerCycle: 1,
      population: { activity: 0.1, activitySpread: 0, attention: 1 },
      content: { userPostProbability: MU, creators: 0, freshness: { kind: 'none', lifetime: `${LIFETIME}h` } },
      feed: { ranker: 'chronological', selection: 'gumbel', temperature: 1, inboxSize: window, recommendations: 0 },
      behavior: { propensitySpread: 0, like: { base: 0 }, share: { base: 1 - MU, quality: 1, appeal: 1, match: 1 } },
      notifications: { enabled: false },
      follows: false,
      accounts: [],
    },
    { graph, onRetire: record },
  );
  // The step of each post's last reshare: its engagement count changed in that step.
  step(w, STEPS, (world) => {
    const { words, counts, mask } = world.posts;
    for (let slot = 0; slot <= mask; slot++) {
      const r = slot << RECORD_SHIFT;
      const serial = words[r + PF.serial];
      if (serial < 0) continue;
      const e = counts[r + PF.engagements];
      if (e !== (seen[serial] ?? 0)) {
        seen[serial] = e;
        lastReshare[serial] = world.step - 1;
      }
    }
  });
  for (let s = 0; s <= w.posts.mask; s++) if (readPost(w.posts, s).serial >= 0) record(w, s);
  return { popularity, lifetime };
}

const share = (xs: number[], k: number) => xs.filter((x) => x >= k).length / xs.length;
const max = (xs: number[]) => xs.reduce((m, x) => Math.max(m, x), 0);

/** Paired replicates of two arms. */
export interface Arms {
  label: [string, string];
  runs: Array<[MemeSample, MemeSample]>;
  users: number;
  edges: Array<[number, number]>;
}

/** Paired runs per replicate: `arms(r)` builds replicate r's two graphs and screen lengths. */
function pairedRuns(size: Size, label: [string, string], arms: (r: number) => [SocialGraph, number, SocialGraph, number]): Arms {
  const { users, replicates } = SIZES[size];
  const runs: Array<[MemeSample, MemeSample]> = [];
  const edges: Array<[number, number]> = [];
  for (let r = 0; r < replicates; r++) {
    const [g1, w1, g2, w2] = arms(r);
    edges.push([g1.offsets[users], g2.offsets[users]]);
    // The same seed for both arms: who is active and who posts are drawn alike.
    runs.push([wengRun(g1, w1, 300 + r), wengRun(g2, w2, 300 + r)]);
  }
  return { label, runs, users, edges };
}

/** Fig. 6: Barabási–Albert (heavy-tailed degrees, mean degree 10) against a directed Erdős–Rényi graph with as many users and edges; screen of 10. */
export function networkArms(size: Size): Arms {
  const { users } = SIZES[size];
  return pairedRuns(size, ['Barabási–Albert', 'Erdős–Rényi'], (r) => {
    const ba = barabasiAlbert(users, 10, uniformStream(`weng-ba-${r}`));
    return [ba, 10, erdosRenyi(users, ba.offsets[users] / users, uniformStream(`weng-er-${r}`)), 10];
  });
}

/** Fig. 7: a short screen (5 arrivals: strong competition) against a long one (40: weak), on the same Erdős–Rényi graph (c = 10). */
export function windowArms(size: Size): Arms {
  const { users } = SIZES[size];
  return pairedRuns(size, ['screen of 5', 'screen of 40'], (r) => {
    const g = erdosRenyi(users, 10, uniformStream(`weng-window-${r}`));
    return [g, 5, g, 40];
  });
}

/** A paired statistic: first arm's value minus the second's, per replicate, mean and SE. */
function paired(arms: Arms, f: (s: MemeSample) => number): { a: number; b: number; diff: number; se: number } {
  const d = meanSE(arms.runs.map(([x, y]) => f(x) - f(y)));
  const a = arms.runs.reduce((s, [x]) => s + f(x), 0) / arms.runs.length;
  const b = arms.runs.reduce((s, [, y]) => s + f(y), 0) / arms.runs.length;
  return { a, b, diff: d.mean, se: d.se };
}

function directional(arms: Arms, name: string, quantity: string, f: (s: MemeSample) => number, sign: 1 | -1, note: string): Check {
  const p = paired(arms, f);
  const memes = arms.runs.reduce((s, [x, y]) => s + x.popularity.length + y.popularity.length, 0);
  return {
    case: name,
    quantity,
    theory: sign,
    theoryText: sign > 0 ? '> 0 (paper)' : '< 0 (paper)',
    simulated: p.diff,
    tolerance: 4 * p.se,
    rule: `pass if ${sign > 0 ? '> +' : '< −'}4 SE = ${(4 * p.se).toFixed(3)}`,
    pass: sign * p.diff > 4 * p.se,
    users: arms.users,
    runs: memes,
    note: `${arms.label[0]} ${p.a.toFixed(3)}, ${arms.label[1]} ${p.b.toFixed(3)} (means of ${arms.runs.length} paired replicates); ${note}`,
  };
}

/** The checks of Figs. 6 and 7. */
export function attentionFigureChecks(net: Arms, win: Arms): Check[] {
  return [
    directional(net, 'Fig. 6: heavy-tailed vs random follower network (same users and edges), μ = 0.02, screen of 10', 'ln(max popularity): Barabási–Albert − Erdős–Rényi', (s) => Math.log(max(s.popularity)), 1, 'the follower network produces the extremely popular memes'),
    directional(win, 'Fig. 7(b): screen of 5 vs 40 arrivals (Erdős–Rényi, c = 10), μ = 0.02', 'ln(max popularity): screen of 5 − screen of 40', (s) => Math.log(max(s.popularity)), 1, 'weaker competition (a longer screen) cannot generate extremely popular memes'),
    directional(win, 'Fig. 7(a): screen of 5 vs 40 arrivals (Erdős–Rényi, c = 10), μ = 0.02', `P(lifetime ≥ ${LONG_LIVED} steps): screen of 5 − screen of 40`, (s) => share(s.lifetime, LONG_LIVED), -1, 'stronger competition (a shorter screen) fails to produce long-lived memes'),
  ];
}

/** Descriptive statistics of one arm, pooled over replicates. */
export function armSummary(samples: MemeSample[]): { memes: number; mean: number; max: number; atLeast100: number; atLeast1000: number; unshared: number; longLived: number } {
  const pop = samples.flatMap((s) => s.popularity);
  const life = samples.flatMap((s) => s.lifetime);
  return {
    memes: pop.length,
    mean: pop.reduce((a, b) => a + b, 0) / pop.length,
    max: meanSE(samples.map((s) => max(s.popularity))).mean,
    atLeast100: share(pop, 100),
    atLeast1000: share(pop, 1000),
    unshared: pop.filter((x) => x === 0).length / pop.length,
    longLived: share(life, LONG_LIVED),
  };
}
