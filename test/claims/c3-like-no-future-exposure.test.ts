import { describe, expect, it } from 'vitest';
import { createWorld, script, step, type ScenarioInput, type World } from '../../src/index.js';
import { twoProportionZ } from '../helpers/stats.js';
import { internal } from '../../src/engine/world.js';

// Users differ only in activity (equal interests and propensities), so among the viewers of
// post 1, likers and non-likers are exchangeable: with no mechanism tying a like to future
// exposure, both see post 2 equally often.
const base: ScenarioInput = {
  seed: 31,
  users: 4000,
  cycles: 2,
  follows: false,
  population: { interestConcentration: 1000 },
  behavior: { propensitySpread: 0 },
};

function exposureOfLikers(over: ScenarioInput, promotion = 0) {
  const w: World = createWorld({
    ...base,
    ...over,
    strategy: script({ posts: [{ step: 2, appeal: 1, quality: 1 }, { step: 20, appeal: 0.8, quality: 0.8 }], promotion, retarget: true }),
  });
  const seen = new Map<number, Uint8Array>();
  let likedBefore: Uint8Array | null = null;
  step(w, w.params.totalSteps, (world) => {
    for (const rec of internal(world).focalPosts) if (rec) seen.set(rec.created, rec.seen.slice());
    if (world.step === 20) likedBefore = internal(world).focal[0].liked.slice();
  });
  const saw = (post: number, u: number) => (seen.get(post)![u >> 3] & (1 << (u & 7))) !== 0;
  let likers = 0;
  let likersSaw2 = 0;
  let others = 0;
  let othersSaw2 = 0;
  for (let u = 0; u < w.users.size; u++) {
    if (!saw(2, u)) continue;
    if (likedBefore![u] > 0) {
      likers++;
      if (saw(20, u)) likersSaw2++;
    } else {
      others++;
      if (saw(20, u)) othersSaw2++;
    }
  }
  return { likers, z: twoProportionZ(likersSaw2, likers, othersSaw2, others) };
}

describe('C3 a like creates no future exposure', () => {
  it('likers of a post see the next post no more often than other viewers', () => {
    const r = exposureOfLikers({});
    expect(r.likers).toBeGreaterThan(40);
    expect(Math.abs(r.z)).toBeLessThan(4);
  });

  it('engagement affinity brings the author back to likers', () => {
    expect(exposureOfLikers({ engagementAffinity: 1 }).z).toBeGreaterThan(4);
  });

  it('paid retargeting brings the author back to likers', () => {
    expect(exposureOfLikers({ retargeting: true }, 2).z).toBeGreaterThan(4);
  });
});
