import { afterEach, describe, expect, it } from 'vitest';
import { chronological, engagement, hybrid, interest, registerRanker, resolveScenario, simulate, type FeedRanker, type RankContext } from '../src/index.js';
import { restoreBuiltinRankers } from '../src/feed/ranker.js';

// Built-ins score a session's candidates in one batch (`scoreAll`); a copy with only the scalar
// `score`, registered under the same name (so the scenario, and so its seeds, are unchanged),
// goes through the per-candidate context. Both must give bit-identical runs.
afterEach(restoreBuiltinRankers);
const copies: Array<[string, FeedRanker]> = [
  ['chronological', chronological],
  ['engagement', engagement],
  ['interest', interest],
  ['hybrid', hybrid(0.7)],
];

describe.each(copies)('built-in ranker %s', (name, ranker) => {
  it('its batch scoreAll equals its scalar score, candidate by candidate', () => {
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

describe('ranker parameters and context', () => {
  it('a factory takes its parameters from feed.rankerParams', () => {
    const made: Array<Record<string, number>> = [];
    registerRanker({
      name: 'tilted',
      create: (params) => {
        made.push({ ...params });
        return { name: 'tilted', score: (c: RankContext) => c.freshness * (c.inNetwork ? params.inWeight ?? 1 : 1) };
      },
    });
    const base = { seed: 4, users: 800, cycles: 1, ranker: 'tilted' };
    const plain = simulate(base);
    const tilted = simulate({ ...base, feed: { rankerParams: { inWeight: 50 } } });
    expect(made).toEqual([{}, { inWeight: 50 }]);
    // Weighting in-network candidates 50× moves impressions from recommendations to the network.
    const net = (r: typeof plain) => r.impressionsByChannel.network / (r.impressionsByChannel.network + r.impressionsByChannel.recommended);
    expect(net(tilted)).toBeGreaterThan(net(plain));
  });

  it('rankerParams must be numbers by name', () => {
    expect(() => resolveScenario({ feed: { rankerParams: { w: 'high' } } } as never)).toThrow(/feed\.rankerParams\.w/);
  });

  it('a ranker sees only the ranked channels: network and recommended', () => {
    const channels = new Set<string>();
    registerRanker({ name: 'spy', score: (c) => (channels.add(c.channel), c.freshness) });
    simulate({ seed: 2, users: 800, cycles: 1, ranker: 'spy', notifications: { clickThrough: 1 }, startingFollowers: 200 });
    expect([...channels].sort()).toEqual(['network', 'recommended']);
  });
});
