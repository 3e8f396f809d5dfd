import type { ScenarioInput } from '../../src/index.js';
import { describeC8 } from '../helpers/c8-claim.js';

// C8 at a larger size (test:full): c8-crossover-conditions-small.full.test.ts's conditions in the default
// market (a fifth of users in it, 40 a purchase), 5,000 users with a 1 % starting audience,
// 30 daily cycles, 10 replicates. Figures and what else was tried: docs/model.md §8 (C8).
const world = (followerOddsRatio: number): ScenarioInput => ({
  seed: 1,
  users: 5000,
  cycles: 30,
  startingFollowers: 50,
  behavior: { convert: { follower: followerOddsRatio } },
});
describeC8('C8 the crossover, default market, 5,000 users, 30 cycles', world, { replicates: 10, workers: 2, timeout: 1_200_000 });
