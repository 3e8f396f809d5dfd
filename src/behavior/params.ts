/**
 * Behaviour compiled for the hot loop: every odds ratio as a log-odds coefficient and every
 * time hazard as a rate per step.
 * @module
 */
import type { BehaviorSpec } from '../scenario/types.js';
import { hazardPerHour, parseHours } from '../time.js';
import { logit } from './logistic.js';
import * as math from '../math/index.js';

/** Log-odds coefficients and per-step hazards used by the session loop. */
export interface BehaviorParams {
  like: { base: number; quality: number; appeal: number; match: number; likeCta: number; followCta: number };
  share: { base: number; quality: number; appeal: number; match: number; shareCta: number; followCta: number };
  follow: { base: number; quality: number; appeal: number; match: number; persona: number; followCta: number; exposure: number; viaShare: number };
  notify: { base: number; notifyCta: number; persona: number };
  convert: { base: number; quality: number; match: number; follower: number };
  unfollow: { base: number; qualityGap: number; accustomRate: number; notificationDrop: number };
  /** Baseline unfollow hazard per step. */
  churnPerStep: number;
  /** Posting-lapse hazard per step, and the lapse in steps after which it applies. */
  lapsePerStep: number;
  lapseSteps: number;
  /** Over-cadence hazard per step, the post count and window (steps) that trigger it. */
  cadencePerStep: number;
  cadenceMaxPosts: number;
  cadenceWindowSteps: number;
  propensitySpread: number;
}

const ln = math.log;

/** The largest hazard one step may carry (see `compileBehavior`). */
export const MAX_HAZARD_PER_STEP = 40;

/** Compiles a behaviour spec for steps of `stepHours` hours. */
export function compileBehavior(b: BehaviorSpec, stepHours: number): BehaviorParams {
  const u = b.unfollow;
  // Capped: a probability of 1 is an infinite rate, and ∞ − ∞ in the follows' hazard marks would
  // be NaN (no hazard at all, for ever). 40 per step is certain within the step (1 − e^−40 = 1).
  const perStep = (h: { probability: number; per: string }, field: string) =>
    Math.min(MAX_HAZARD_PER_STEP, hazardPerHour(h.probability, parseHours(h.per, field)) * stepHours);
  return {
    like: { base: logit(b.like.base), quality: ln(b.like.quality), appeal: ln(b.like.appeal), match: ln(b.like.match), likeCta: ln(b.like.likeCta), followCta: ln(b.like.followCta) },
    share: { base: logit(b.share.base), quality: ln(b.share.quality), appeal: ln(b.share.appeal), match: ln(b.share.match), shareCta: ln(b.share.shareCta), followCta: ln(b.share.followCta) },
    follow: {
      base: logit(b.follow.base), quality: ln(b.follow.quality), appeal: ln(b.follow.appeal), match: ln(b.follow.match),
      persona: ln(b.follow.persona), followCta: ln(b.follow.followCta), exposure: ln(b.follow.exposure), viaShare: ln(b.follow.viaShare),
    },
    notify: { base: logit(b.notify.base), notifyCta: ln(b.notify.notifyCta), persona: ln(b.notify.persona) },
    convert: { base: logit(b.convert.base), quality: ln(b.convert.quality), match: ln(b.convert.match), follower: ln(b.convert.follower) },
    unfollow: { base: logit(u.perImpression), qualityGap: ln(u.qualityGap), accustomRate: u.accustomRate, notificationDrop: u.notificationDrop },
    churnPerStep: perStep(u.baseline, 'behavior.unfollow.baseline.per'),
    lapsePerStep: perStep(u.lapse, 'behavior.unfollow.lapse.per'),
    lapseSteps: Math.max(1, Math.round(parseHours(u.lapse.after, 'behavior.unfollow.lapse.after') / stepHours)),
    cadencePerStep: perStep(u.cadence, 'behavior.unfollow.cadence.per'),
    cadenceMaxPosts: u.cadence.maxPosts,
    cadenceWindowSteps: Math.max(1, Math.round(parseHours(u.cadence.window, 'behavior.unfollow.cadence.window') / stepHours)),
    propensitySpread: b.propensitySpread,
  };
}
