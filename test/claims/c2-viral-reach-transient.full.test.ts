import { describe, expect, it } from 'vitest';
import { script, simulate, type ScenarioInput } from '../../src/index.js';
import { meanSE } from '../helpers/stats.js';

// Post A (viral or plain) at step 2; post B (plain, no bait) at step 30, after A has left every
// pool. Follows and reshares are off, so B's reach comes from recommendation and ranking alone
// (without reshare cascades, whose heavy tails would swamp the effect with noise).
const strategy = (viral: boolean) =>
  script({ posts: [{ step: 2, appeal: viral ? 1 : 0.3, quality: viral ? 1 : 0.5 }, { step: 30, appeal: 0, quality: 0.5 }] });

function reachOfB(carryover: number, viral: boolean, replicate: number): number {
  const scenario: ScenarioInput = { seed: 23, users: 2000, cycles: 2, follows: false, behavior: { share: { base: 0 } }, accountSignalCarryover: carryover, strategy: strategy(viral) };
  const r = simulate(scenario, { replicate, steps: false });
  const b = r.posts.find((p) => p.created === 30)!;
  return b.reach;
}

/** Paired differences (viral − plain) of B's reach over replicates (common random numbers). */
function pairedDifference(carryover: number) {
  const diffs = Array.from({ length: 40 }, (_, r) => reachOfB(carryover, true, r) - reachOfB(carryover, false, r));
  return meanSE(diffs);
}

describe('C2 viral reach is transient; the engagement signal belongs to the post', () => {
  it("with carry-over 0 a viral post leaves the account's next post's reach unchanged", () => {
    const d = pairedDifference(0);
    expect(Math.abs(d.mean)).toBeLessThan(4 * d.se + 1e-9);
  });

  it("with carry-over 1 a viral post raises the next post's reach", () => {
    const d = pairedDifference(1);
    expect(d.mean).toBeGreaterThan(4 * d.se);
  });
});
