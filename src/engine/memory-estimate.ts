/**
 * An up-front estimate of a world's memory, so a scenario that cannot fit is refused before any
 * work starts (with the estimate shown) instead of failing hours in. Coefficients are the
 * bytes measured by the benchmark (docs/performance.md), rounded up.
 * @module
 */
import type { Scenario } from '../scenario/types.js';
import { DEFAULT_MEAN_DEGREE } from '../graph/defaults.js';

/** Bytes per user (population, feeds, post store, counters), measured at 10⁴–10⁶ users, rounded up. */
const BYTES_PER_USER = 350;
/** Bytes per directed social-graph edge (CSR, both directions). */
const BYTES_PER_EDGE = 6;
/** Bytes per account follow with its state. */
const BYTES_PER_FOLLOW = 64;
/** The runtime and one run's fixed costs. */
const FIXED_BYTES = 64 * 2 ** 20;

/** Estimated peak bytes of one world of `scenario`. */
export function estimateWorldBytes(scenario: Scenario): number {
  const n = scenario.users;
  const g = scenario.graph;
  const edges =
    g.kind === 'edge-list' ? g.text.length / 8
    : g.kind === 'configuration' && g.degrees ? g.degrees.reduce((a, b) => a + b, 0)
    : n * (('meanDegree' in g ? g.meanDegree : undefined) ?? DEFAULT_MEAN_DEGREE);
  // Creators' audiences are Pareto sized, capped at half the users: a generous mean of 2× the scale.
  const creatorFollows = scenario.content.creators * Math.min(0.5, 2 * scenario.content.creatorAudienceShare) * n;
  const focalFollows = scenario.accounts.reduce((a, x) => a + (x.startingFollowers ?? 0), 0);
  return FIXED_BYTES + n * BYTES_PER_USER + 2 * edges * BYTES_PER_EDGE + (creatorFollows + focalFollows) * BYTES_PER_FOLLOW;
}

/** `bytes` in MB or GB, for messages. */
export function formatBytes(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : `${Math.ceil(bytes / 2 ** 20)} MB`;
}
