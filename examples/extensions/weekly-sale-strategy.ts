/**
 * A custom strategy, registered as the kind 'weekly-sale' wherever this module is imported:
 * one high-quality post a day that asks for a follow, and a product post once a week, when the
 * audience built during the week is sold to. What the posts leave of the cycle's budget is
 * spread over the cycle as promotion, so it competes at equal spend with the built-ins.
 *
 * Used by examples/custom-strategy.ts (which imports it, and lists it in `modules` so that
 * worker threads register it too). See docs/extending.md and docs/strategies.md.
 */
import { registerStrategy, type PostPlan, type StrategyView } from '../../src/index.js';

registerStrategy('weekly-sale', (params) => {
  // Check params here: the factory is the only place that knows them.
  const quality = params.quality ?? 0.8;
  const saleEvery = params.saleEvery ?? 7;
  if (typeof quality !== 'number' || !(quality >= 0 && quality <= 1)) {
    throw new RangeError(`weekly-sale: params.quality = ${JSON.stringify(quality)} must be a number from 0 to 1`);
  }
  if (typeof saleEvery !== 'number' || !Number.isInteger(saleEvery) || saleEvery < 1) {
    throw new RangeError(`weekly-sale: params.saleEvery = ${JSON.stringify(saleEvery)} must be a whole number ≥ 1`);
  }
  return {
    plan: (v: StrategyView) => {
      const sale = v.cycle % saleEvery === 0; // cycles are numbered from 1
      const post: PostPlan = { kind: sale ? 'product' : 'audience', quality, appeal: 0.3, cta: sale ? 'none' : 'follow', persona: 0.8 };
      return {
        posts: v.stepInCycle === 0 ? [post] : [],
        promotion: Math.max(0, v.budgetPerCycle - v.postCost(quality)) / v.stepsPerCycle,
        retarget: false,
      };
    },
  };
});
