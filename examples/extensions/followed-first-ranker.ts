/**
 * A custom feed ranker, registered under the name 'followed-first' wherever this module is
 * imported: posts from followed accounts and friends' reshares first, newest first, and
 * recommendations only as filler, by interest match. It is the opposite of the built-in
 * `engagement` ranker, which rewards whatever gathers likes — so it is the feed on which
 * building followers should pay most.
 *
 * Used by examples/custom-feed.ts (which imports it, and lists it in `modules` so that worker
 * threads register it too). See docs/extending.md.
 */
import { registerRanker, type RankContext } from '../../src/index.js';

/** Weight of a recommendation relative to an in-network post of the same age. */
const RECOMMENDATION_WEIGHT = 0.2;

registerRanker({
  name: 'followed-first',
  // Scores must be finite and ≥ 0; the engine keeps the highest-scoring candidates.
  score: (c: RankContext) => (c.inNetwork ? c.freshness : RECOMMENDATION_WEIGHT * c.match * c.freshness),
});
