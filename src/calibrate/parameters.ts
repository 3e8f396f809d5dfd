/**
 * The parameters a fit can learn from an export, each with the statistic that informs it and its
 * prior: uniform on a log scale around the platform preset's value, as wide as the published
 * figures of docs/calibration-sources.md spread (or wider where there are none). A parameter is
 * fitted only when the export has its statistic: without likes per impression there is nothing to
 * learn the like rate from, and its posterior would be its prior.
 * @module
 */
import { ScenarioError } from '../scenario/errors.js';
import type { Scenario } from '../scenario/types.js';
import type { Factor } from '../sensitivity/factor.js';
import type { Prior } from './prior.js';

/** A parameter a fit can learn. */
export interface CalibrationParameter {
  path: string;
  /** Statistics that inform it (any one suffices). */
  needs: readonly string[];
  /** The prior: from value ÷ times to value × times, log-uniform, at most `cap`. */
  times: number;
  cap?: number;
  /** Why that range (docs/calibration.md lists it). */
  why: string;
}

/** Every parameter a fit can learn, in the order results list them. */
export const CALIBRATION_PARAMETERS: readonly CalibrationParameter[] = [
  { path: 'feed.inNetworkReach', needs: ['reachPerFollower'], times: 4, cap: 1, why: 'organic reach of a post runs from 2 % to 16 % of followers on Facebook and 4–37 % on Instagram (calibration table): a factor of 4 either way' },
  { path: 'feed.outOfNetworkWeight', needs: ['nonFollowerShare'], times: 4, why: 'how strongly recommended posts compete in the feed: no source, a factor of 4' },
  { path: 'behavior.like.base', needs: ['likesPerImpression'], times: 4, cap: 1, why: 'likes run at 1.4–5 % of reach across platforms (calibration table): a factor of 4' },
  { path: 'behavior.share.base', needs: ['sharesPerImpression'], times: 4, cap: 1, why: 'shares are 0.05–0.3 % of impressions by platform (calibration table): a factor of 4' },
  { path: 'behavior.follow.base', needs: ['followsPerImpression', 'followerGrowth'], times: 10, cap: 1, why: 'follows per impression 0.05–0.5 % (a 10× spread, calibration table): a factor of 10' },
  { path: 'behavior.convert.base', needs: ['clicksPerProductImpression'], times: 3, cap: 1, why: 'ad click-through 0.47–1.61 % by industry (WordStream 2017): a factor of 3' },
];

/** The value of a dotted path in a resolved scenario. */
function valueAt(s: Scenario, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], s);
}

/** The priors of the parameters the statistics inform (or of `only`, each of which must be informed). */
export function calibrationPriors(scenario: Scenario, statistics: readonly string[], only?: readonly string[]): Factor[] {
  const known = CALIBRATION_PARAMETERS.map((p) => p.path);
  if (only !== undefined) {
    const problems = only.flatMap((path) => {
      const p = CALIBRATION_PARAMETERS.find((c) => c.path === path);
      if (!p) return [{ path: 'parameters', value: path, allowed: `one of ${known.join(', ')}` }];
      if (!p.needs.some((n) => statistics.includes(n))) return [{ path: 'parameters', value: path, allowed: `a parameter the export informs: it needs ${p.needs.join(' or ')}, which the export lacks` }];
      return [];
    });
    if (problems.length) throw new ScenarioError(problems);
  }
  return CALIBRATION_PARAMETERS.filter((p) => (only ? only.includes(p.path) : p.needs.some((n) => statistics.includes(n)))).map((p) => {
    const value = valueAt(scenario, p.path);
    if (typeof value !== 'number' || !(value > 0)) throw new ScenarioError([{ path: p.path, value, allowed: 'a value > 0 in the scenario, around which the prior is set' }]);
    return { path: p.path, min: value / p.times, max: Math.min(value * p.times, p.cap ?? Infinity), log: true };
  });
}

/** The sampler's prior of those ranges: each uniform on a log scale over [min, max], named by its path. */
export function calibrationPrior(factors: readonly Factor[]): Prior {
  return factors.map((f) => ({ name: f.path, kind: 'log-uniform', min: f.min, max: f.max }));
}
