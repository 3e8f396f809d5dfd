import { afterEach, describe, expect, it } from 'vitest';
import { chronological, engagement, hybrid, interest, registerRanker, simulate, type FeedRanker } from '../src/index.js';
import { restoreBuiltinRankers } from '../src/feed/ranker.js';

// The engine evaluates built-in rankers inline; a copy registered under the same name (so the
// scenario, and so its seeds, are unchanged) goes through the public interface. Both must give
// bit-identical runs.
afterEach(restoreBuiltinRankers);
const copies: Array<[string, FeedRanker]> = [
  ['chronological', chronological],
  ['engagement', engagement],
  ['interest', interest],
  ['hybrid', hybrid(0.7)],
];

describe.each(copies)('built-in ranker %s', (name, ranker) => {
  it('inline evaluation equals the public FeedRanker object', () => {
    const scenario = { seed: 9, users: 1500, cycles: 1, ranker: name, feed: { inNetworkShare: 0.7 }, engagementAffinity: 0.5 };
    const inline = simulate(scenario);
    registerRanker({ name, score: (c) => ranker.score(c) });
    const viaInterface = simulate(scenario);
    expect(inline.accounts[0].cycles[0].impressions).toBeGreaterThan(0);
    expect(JSON.stringify(viaInterface.accounts)).toBe(JSON.stringify(inline.accounts));
    expect(viaInterface.impressionsByChannel).toEqual(inline.impressionsByChannel);
  });
});

describe('custom rankers', () => {
  it('a ranker returning NaN is reported by name', () => {
    registerRanker({ name: 'broken', score: () => NaN });
    expect(() => simulate({ users: 300, cycles: 1, ranker: 'broken' })).toThrow(/ranker "broken" returned NaN/);
  });
});
