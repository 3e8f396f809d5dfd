/**
 * Users as structure-of-arrays typed arrays: interests over topics, heavy-tailed activity,
 * attention budget, propensities and notification tolerance. Float32 where a value is a
 * parameter-like quantity (precision beyond 1e-7 is meaningless); integers where counted.
 * @module
 */
import { gamma, normal } from './rng.js';
import type { PopulationSpec } from './scenario/types.js';
import * as math from './math/index.js';

/** The users of one world. */
export interface Population {
  readonly size: number;
  readonly topics: number;
  /** Interest of user u in topic t at `interest[u * topics + t]`, in [0, 1]; each user's favourite is 1. */
  interest: Float32Array;
  /** Sum of each user's interests (for sampling a topic in proportion to interest). */
  interestSum: Float32Array;
  /** Favourite topic (community in the stochastic block model). */
  mainTopic: Uint8Array;
  /** Probability of a feed visit per step. */
  activity: Float32Array;
  /** Items seen per visit; 0 = unlimited. */
  attention: Uint16Array;
  /** Individual log-odds offsets of liking/sharing and of following. */
  engagePropensity: Float32Array;
  followPropensity: Float32Array;
  /** Notification subscriptions tolerated before fatigue. */
  tolerance: Uint8Array;
}

/** Draws `users` users from `spec` with the uniform stream `next`. */
export function createPopulation(
  users: number,
  topics: number,
  spec: PopulationSpec,
  propensitySpread: number,
  next: () => number,
): Population {
  const interest = new Float32Array(users * topics);
  const interestSum = new Float32Array(users);
  const mainTopic = new Uint8Array(users);
  const activity = new Float32Array(users);
  const attention = new Uint16Array(users);
  const engagePropensity = new Float32Array(users);
  const followPropensity = new Float32Array(users);
  const tolerance = new Uint8Array(users);
  const sigma = spec.activitySpread;
  const w = new Float64Array(topics);
  for (let u = 0; u < users; u++) {
    drawInterests(w, spec.interestConcentration, next);
    let best = 0;
    for (let t = 1; t < topics; t++) if (w[t] > w[best]) best = t;
    let sum = 0;
    for (let t = 0; t < topics; t++) {
      const v = w[t] / w[best];
      interest[u * topics + t] = v;
      sum += v;
    }
    interestSum[u] = sum;
    mainTopic[u] = best;
    activity[u] = Math.min(1, spec.activity * math.exp(sigma * normal(next) - (sigma * sigma) / 2));
    attention[u] = spec.attention;
    engagePropensity[u] = propensitySpread * normal(next);
    followPropensity[u] = propensitySpread * normal(next);
    tolerance[u] = Math.min(255, Math.round(spec.notificationTolerance * math.exp(0.5 * normal(next) - 0.125)));
  }
  return { size: users, topics, interest, interestSum, mainTopic, activity, attention, engagePropensity, followPropensity, tolerance };
}

/** Fills `w` with a Dirichlet(α, …, α) draw (unnormalised Gamma variates are enough here). */
export function drawInterests(w: Float64Array, alpha: number, next: () => number): void {
  for (let t = 0; t < w.length; t++) w[t] = gamma(alpha, next) + 1e-12;
}

/** Redraws user u's interests (turnover or drift), blending `amount` of a fresh draw in. */
export function redrawInterests(p: Population, u: number, alpha: number, amount: number, next: () => number): void {
  const T = p.topics;
  const w = new Float64Array(T);
  drawInterests(w, alpha, next);
  let max = 0;
  for (let t = 0; t < T; t++) max = Math.max(max, w[t]);
  let best = 0;
  let bestV = -1;
  let sum = 0;
  for (let t = 0; t < T; t++) {
    const v = (1 - amount) * p.interest[u * T + t] + (amount * w[t]) / max;
    p.interest[u * T + t] = v;
    if (v > bestV) {
      bestV = v;
      best = t;
    }
  }
  for (let t = 0; t < T; t++) {
    p.interest[u * T + t] /= bestV;
    sum += p.interest[u * T + t];
  }
  p.interestSum[u] = sum;
  p.mainTopic[u] = best;
}
