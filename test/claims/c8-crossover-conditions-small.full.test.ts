import type { ScenarioInput } from '../../src/index.js';
import { describeC8 } from '../helpers/c8-claim.js';

// C8: like-chasing wins in the short run; follow-building may overtake it after enough cycles. That
// is a result to measure, so this test states the conditions under which compare finds a crossover
// (A) and the same world with the key switch flipped, where it does not (B). How they were found,
// what else was tried and the full-size confirmation: docs/model.md §8 (C8) and
// c8-crossover-conditions.full.test.ts.
//
// A miniature of the default world: 1,000 users spending what 10,000 would per user (money scales
// with economics.referenceUsers), a 1 % starting audience (10, as 100 of 10,000), 24 daily cycles.
// The market has every user in it (buyers 1) and each purchase worth 8 instead of a fifth of users
// worth 40: market membership is drawn per user independently of everything else, so the expected
// value is the default's, with a fifth of its Poisson variance, which is what lets 8 replicates of
// a 1,000-user world resolve the difference.
const world = (followerOddsRatio: number): ScenarioInput => ({
  seed: 1,
  users: 1000,
  cycles: 24,
  startingFollowers: 10,
  market: { buyers: 1 },
  economics: { valuePerConversion: 8 },
  behavior: { convert: { follower: followerOddsRatio } },
});
describeC8('C8 the trade-off over time: a crossover exists under stated conditions', world, { replicates: 8, timeout: 1_200_000 });
