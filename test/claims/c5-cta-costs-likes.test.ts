import { describe, expect, it } from 'vitest';
import { script, simulate, type ScenarioInput } from '../../src/index.js';
import { twoProportionZ } from '../helpers/stats.js';

// Rates high enough that a small world gives thousands of decisions; follows off after the
// first so every impression of the focal post is by a non-follower.
const base: ScenarioInput = {
  seed: 55,
  // Expected z of the like-rate drop (odds ratio 0.7 on a ~5 % base) is about 6 at this size.
  users: 10_000,
  cycles: 1,
  stepsPerCycle: 24,
  behavior: { follow: { base: 0.01 }, like: { base: 0.05 } },
  startingFollowers: 0,
};
const posts = (over: object) => script({ posts: [0, 6, 12].map((step) => ({ step, quality: 0.6, appeal: 0.6, ...over })), promotion: 20 });

function rates(over: object) {
  const r = simulate({ ...base, strategy: posts(over) });
  const c = r.accounts[0].cycles[0];
  return { imp: c.impressions, likes: c.likes, follows: c.follows };
}

describe('C5 asking for a follow costs likes; C6 persona builds follows', () => {
  it('a follow call to action lowers the like rate and raises the follow rate', () => {
    const none = rates({ cta: 'none' });
    const ask = rates({ cta: 'follow' });
    expect(none.imp).toBeGreaterThan(2000);
    expect(twoProportionZ(ask.likes, ask.imp, none.likes, none.imp)).toBeLessThan(-4);
    expect(twoProportionZ(ask.follows, ask.imp, none.follows, none.imp)).toBeGreaterThan(4);
  });

  it('persona raises the follow rate', () => {
    const plain = rates({ persona: 0 });
    const persona = rates({ persona: 1 });
    expect(twoProportionZ(persona.follows, persona.imp, plain.follows, plain.imp)).toBeGreaterThan(4);
  });
});
