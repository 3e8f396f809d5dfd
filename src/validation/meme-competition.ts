/**
 * The popularity law of a meme in feedsim's reduction of the Gleeson et al. (2014) model
 * (`presets.memeCompetition`), derived from the engine's rules by the paper's method: a post's
 * children are the reshares it causes, so a meme's popularity is the total progeny of a branching
 * process (src/validation/branching.ts). The rules, with every user active every step, following
 * z users and followed by z, a one-slot inbox (the screen) and attention for one item:
 *
 * - a user's new post (probability P a step) is pushed into its followers' inboxes at once, in
 *   increasing user id, so a follower's screen keeps the new post of its highest-id followee who
 *   posted this step;
 * - at its session the user is shown what its screen holds (the slot empties) and reshares it with
 *   probability s; reshares reach the followers' screens at the end of the step, again in
 *   increasing user id, so the last one delivered stays;
 * - a reshared item must then survive the next step's new posts of the follower's z followees.
 *
 * With r the chance that a user reshares in a step (screens are refilled from z followees:
 * r = s·(1 − (1 − r)^z·(1 − P)^z)) and u the id rank of the poster (uniform on [0, 1]), a follower
 * reshares a new post with probability s·(1 − P·(1 − u))^(z−1), and a reshare with probability
 * s·(1 − r·(1 − u))^(z−1)·(1 − P)^(z−1), unless the resharer itself posts next step (probability P),
 * which overwrites all its followers' screens at once. Followers decide independently otherwise,
 * and a resharer's id is independent of its parent's: on a locally tree-like graph the process is
 * a Galton–Watson process with these mixed-binomial offspring laws. Each reshare has one parent,
 * so P·m_new + r·m_reshare = r: a post spawns 1 − μ_eff reshares on average, μ_eff = P/(P + r).
 * @module
 */
import { lawMean, mixedBinomialLaw, totalProgenyLaw, withZeroAtom, type Law } from './branching.js';
import * as math from '../math/index.js';

/** The reduction's parameters. */
export interface MemeCompetitionLawOptions {
  /** Followees and followers of every user. */
  z: number;
  /** Probability that a user posts a new meme in a step. */
  postProbability: number;
  /** Probability that a user reshares the item on its screen. */
  shareProbability: number;
}

/** Offspring laws and rates of the reduction. */
export interface MemeCompetitionLaws {
  /** Children (reshares) of a new post. */
  root: Law;
  /** Children of a reshare. */
  offspring: Law;
  /** Chance that a user reshares in a step, in the steady state. */
  reshareRate: number;
  /** Share of posts that are new memes, P/(P + r). */
  muEffective: number;
}

/** The offspring laws of a new post and of a reshare under the reduction's rules. */
export function memeCompetitionLaws(o: MemeCompetitionLawOptions): MemeCompetitionLaws {
  const { z, postProbability: P, shareProbability: s } = o;
  if (!(Number.isInteger(z) && z >= 1)) throw new RangeError(`memeCompetitionLaws: z = ${z} must be a whole number ≥ 1`);
  for (const [k, v] of [['postProbability', P], ['shareProbability', s]] as const) {
    if (!(v > 0 && v <= 1)) throw new RangeError(`memeCompetitionLaws: ${k} = ${v} must lie in (0, 1]`);
  }
  // The positive fixed point, approached from above (the map is increasing and concave).
  let r = s;
  for (let i = 0; i < 100_000; i++) {
    const next = s * (1 - math.pow(1 - r, z) * math.pow(1 - P, z));
    if (Math.abs(next - r) < 1e-16) break;
    r = next;
  }
  // Degree (z−1)·z in u: 64 Gauss–Legendre nodes are exact up to z = 11, and near-exact beyond.
  const root = mixedBinomialLaw(z, (u) => s * math.pow(1 - P * (1 - u), z - 1));
  const offspring = withZeroAtom(mixedBinomialLaw(z, (u) => s * math.pow(1 - r * (1 - u), z - 1) * math.pow(1 - P, z - 1)), P);
  return { root, offspring, reshareRate: r, muEffective: P / (P + r) };
}

/**
 * P(a meme is posted n times: the new post and its reshares), n = 0 … points − 1, when a post can
 * be reshared for `lifetime` steps (reshares of generation g happen at age g − 1).
 */
export function memeCompetitionPopularity(o: MemeCompetitionLawOptions & { lifetime: number; points?: number }): Float64Array {
  const laws = memeCompetitionLaws(o);
  return totalProgenyLaw({ root: laws.root, offspring: laws.offspring, generations: o.lifetime, ...(o.points ? { points: o.points } : {}) });
}

/** Mean popularity (posts per meme) with no lifetime limit: 1 + m_new/(1 − m_reshare) = 1/μ_eff. */
export function memeCompetitionMean(laws: MemeCompetitionLaws): number {
  return 1 + lawMean(laws.root) / (1 - lawMean(laws.offspring));
}
