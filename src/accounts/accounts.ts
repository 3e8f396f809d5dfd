/**
 * Accounts that publish posts and are followed: focal accounts (the businesses under study,
 * indexes 0 … focal − 1), background creators after them and inauthentic accounts last. Accounts keep counts, their
 * recent posts (which followers pull into their candidates) and a cumulative hazard that
 * integrates posting lapses and over-cadence posting over time (C7).
 * @module
 */

/** Recent posts remembered per account for in-network and notification candidates. */
export const RECENT = 8;

/** Account state, structure-of-arrays. */
export interface Accounts {
  readonly count: number;
  readonly focal: number;
  /** First inauthentic account (they come last; `count` when there are none). */
  readonly inauthenticFrom: number;
  topic: Uint8Array;
  /** User whose social-graph followers also receive the account's posts (−1 for none). */
  homeUser: Int32Array;
  followers: Int32Array;
  notifySubscribers: Int32Array;
  /** ∫ (lapse + cadence hazard) dt since the start, in hazard units. */
  hazard: Float64Array;
  lastPostStep: Int32Array;
  /** Ring of the newest post serials: recent[a * RECENT + k]; −1 empty. */
  recent: Int32Array;
  recentHead: Uint8Array;
  /** Ring of the steps of the newest posts, for the cadence window (cadenceRing slots each). */
  postSteps: Int32Array;
  postStepsHead: Int32Array;
  cadenceRing: number;
  /** Ring of the steps of the newest notifying posts, for the notification cap (capRing slots each). */
  notifySteps: Int32Array;
  notifyStepsHead: Int32Array;
  capRing: number;
  /** Creators: posts per step and mean quality. */
  postRate: Float32Array;
  meanQuality: Float32Array;
  /** The newest post (serial, −1 none): promoted by paid boosts, source of the engagement signal. */
  signalSerial: Int32Array;
  /** Smoothed engagement rate of the account's newest post when last read, −1 before any (C2). */
  signalRate: Float32Array;
  /** Share of the account's recent posts that sell (promotional fatigue, behavior/promotion.ts). */
  sellShare: Float64Array;
}

/** Allocates `count` accounts, the first `focal` of them focal, those from `inauthenticFrom` on inauthentic. */
export function createAccounts(count: number, focal: number, cadenceMaxPosts: number, notificationCap: number, inauthenticFrom = count): Accounts {
  const cadenceRing = cadenceMaxPosts + 1;
  const capRing = Math.max(1, notificationCap);
  return {
    count,
    focal,
    inauthenticFrom,
    topic: new Uint8Array(count),
    homeUser: new Int32Array(count).fill(-1),
    followers: new Int32Array(count),
    notifySubscribers: new Int32Array(count),
    hazard: new Float64Array(count),
    lastPostStep: new Int32Array(count),
    recent: new Int32Array(count * RECENT).fill(-1),
    recentHead: new Uint8Array(count),
    postSteps: new Int32Array(count * cadenceRing).fill(-(2 ** 30)),
    postStepsHead: new Int32Array(count),
    cadenceRing,
    notifySteps: new Int32Array(count * capRing).fill(-(2 ** 30)),
    notifyStepsHead: new Int32Array(count),
    capRing,
    postRate: new Float32Array(count),
    meanQuality: new Float32Array(count),
    signalSerial: new Int32Array(count).fill(-1),
    signalRate: new Float32Array(count).fill(-1),
    sellShare: new Float64Array(count),
  };
}

/** Records a new post of account `a` at `step` in its rings. */
export function notePost(acc: Accounts, a: number, serial: number, step: number): void {
  const h = acc.recentHead[a];
  acc.recent[a * RECENT + h] = serial;
  acc.recentHead[a] = (h + 1) % RECENT;
  const c = acc.postStepsHead[a];
  acc.postSteps[a * acc.cadenceRing + c] = step;
  acc.postStepsHead[a] = (c + 1) % acc.cadenceRing;
  acc.lastPostStep[a] = step;
}

/**
 * Whether a new post of `a` at `step` may notify: fewer than `cap` notifying posts within the
 * last `windowSteps` (cap 0 = no cap). Records it when it may.
 */
export function claimNotification(acc: Accounts, a: number, step: number, cap: number, windowSteps: number): boolean {
  if (cap > 0) {
    const oldest = acc.notifySteps[a * acc.capRing + acc.notifyStepsHead[a]];
    if (step - oldest < windowSteps) return false;
    acc.notifySteps[a * acc.capRing + acc.notifyStepsHead[a]] = step;
    acc.notifyStepsHead[a] = (acc.notifyStepsHead[a] + 1) % acc.capRing;
  }
  return true;
}

/**
 * Adds one step's lapse and cadence hazard to every account's cumulative hazard:
 * lapse while the last post is older than `lapseSteps`; cadence while more than `maxPosts`
 * posts fall within `windowSteps`.
 */
export function accrueAccountHazards(
  acc: Accounts,
  step: number,
  lapsePerStep: number,
  lapseSteps: number,
  cadencePerStep: number,
  windowSteps: number,
): void {
  const ring = acc.cadenceRing;
  for (let a = 0; a < acc.count; a++) {
    let h = 0;
    if (step - acc.lastPostStep[a] > lapseSteps) h += lapsePerStep;
    // The oldest of the last maxPosts + 1 posts is at the ring's head.
    if (step - acc.postSteps[a * ring + acc.postStepsHead[a]] < windowSteps) h += cadencePerStep;
    acc.hazard[a] += h;
  }
}
