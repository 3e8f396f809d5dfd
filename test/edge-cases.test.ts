/**
 * Edge cases a review of the engine found: settings the schema accepts that used to turn a
 * mechanism off silently, make followers immune to churn, corrupt long runs or crash set-up.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, parseEdgeList, registerFreshness, registerStrategy, resolveScenario, ScenarioError, simulate, step, type ScenarioInput } from '../src/index.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESSION_STAMP_LIMIT } from '../src/engine/session.js';
import { loadScenarioFile } from '../src/node.js';
import { parseDocument } from '../src/scenario/file.js';
import { internal } from '../src/engine/world.js';

function problemPaths(input: ScenarioInput): string[] {
  try {
    resolveScenario(input);
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map((p) => p.path);
    throw e;
  }
  return [];
}

describe('engine edge cases', () => {
  it('ad fatigue must be in (0, 1]: 0 made every paid response NaN (never a like), above 1 is not fatigue', () => {
    expect(problemPaths({ paid: { fatigue: 0 } })).toEqual(['paid.fatigue']);
    expect(problemPaths({ paid: { fatigue: 1.5 } })).toEqual(['paid.fatigue']);
    expect(problemPaths({ paid: { fatigue: 1 } })).toEqual([]);
  });

  it('a hazard probability of 1 removes followers at once instead of making later ones immune', () => {
    const lapse = (probability: number) =>
      simulate({ users: 2000, cycles: 6, startingFollowers: 300, behavior: { follow: { base: 0.01 }, unfollow: { lapse: { after: '2h', probability, per: '1d' } } } }, { steps: false }).accounts[0].cycles;
    const certain = lapse(1);
    const nearly = lapse(0.999999);
    // The account lapses most of every day, so almost every new follower leaves again: unfollows
    // keep pace with follows (an infinite hazard used to give later followers a NaN hazard: 0–1 unfollows a cycle).
    for (const c of certain.slice(3)) expect(c.unfollows).toBeGreaterThanOrEqual(0.5 * c.follows);
    expect(certain[5].followers).toBeLessThan(2 * nearly[5].followers + 20);
  });

  it('session stamps restart before they overflow the posts\' 32-bit words, without changing results', () => {
    const scenario: ScenarioInput = { seed: 4, users: 3000, cycles: 2, accounts: [{ name: 'a', homeUser: 5, startingFollowers: 500 }] };
    const run = (nearLimit: boolean) => {
      const w = createWorld(scenario);
      step(w, 10);
      if (nearLimit) internal(w).sessionStamp = SESSION_STAMP_LIMIT - 100; // the restart falls inside the next step
      step(w, 30);
      return { sessions: internal(w).sessionId, stamp: internal(w).sessionStamp, impressions: Array.from(w.impressionsByChannel), focal: Array.from(w.focal[0].totalCounters), followers: w.accounts.followers[0] };
    };
    const normal = run(false);
    const restarted = run(true);
    expect(restarted.stamp).toBeLessThan(normal.stamp); // it did restart
    expect({ ...restarted, stamp: 0 }).toEqual({ ...normal, stamp: 0 });
  });

  it('the engagement ranker still shows posts when likes and shares are switched off (it ranks by affinity × freshness)', () => {
    const r = simulate({ seed: 2, users: 2000, cycles: 2, ranker: 'engagement', behavior: { like: { base: 0 }, share: { base: 0 }, follow: { base: 0.01 } }, economics: { budgetPerCycle: 0 } }, { steps: false });
    expect(r.impressionsByChannel.network).toBeGreaterThan(1000);
    expect(r.impressionsByChannel.recommended).toBeGreaterThan(1000);
    expect(r.accounts[0].cycles.reduce((a, c) => a + c.follows, 0)).toBeGreaterThan(0);
  });

  it('refuses account counts and ring sizes that cannot be held, naming the field', () => {
    expect(problemPaths({ users: 300, content: { creators: 100_000, creatorAudienceShare: 1 } })).toEqual(['content.creators']);
    expect(problemPaths({ content: { creators: 65_534 } })).toEqual([]);
    expect(problemPaths({ content: { creators: 100 }, behavior: { unfollow: { cadence: { maxPosts: 1_000_000 } } } })).toEqual(['behavior.unfollow.cadence.maxPosts']);
    expect(problemPaths({ content: { creators: 10_000 }, notifications: { cap: 10_000 } })).toEqual(['notifications.cap']);
  });

  it('files with a byte-order mark and CRLF line ends (as Windows editors write them) load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'feedsim-bom-'));
    writeFileSync(join(dir, 's.json'), '\uFEFF{"users": 500,\r\n "cycles": 2}\r\n');
    writeFileSync(join(dir, 's.yaml'), '\uFEFFusers: 500\r\ncycles: 2\r\n');
    for (const f of ['s.json', 's.yaml']) expect(loadScenarioFile(join(dir, f)).scenario).toMatchObject({ users: 500, cycles: 2 });
    // Before a YAML block sequence the mark used to shift the first line and fail every line after it.
    expect(parseDocument('\uFEFF- kind: like-chasing\r\n  label: a\r\n- kind: follow-building\r\n', 'yaml')).toEqual([{ kind: 'like-chasing', label: 'a' }, { kind: 'follow-building' }]);
  });

  it('resolved scenarios do not share objects with the defaults or presets (editing one edited every later one)', () => {
    const a = resolveScenario({ users: 500 });
    a.behavior.like.base = 0.5;
    a.accounts[0].strategy!.kind = 'edited';
    const y = resolveScenario({ extends: 'youtube' });
    y.feed.ranker = 'edited';
    expect(resolveScenario({}).behavior.like.base).toBe(0.02);
    expect(resolveScenario({}).accounts[0].strategy!.kind).toBe('like-chasing');
    expect(resolveScenario({ extends: 'youtube' }).feed.ranker).toBe('hybrid');
  });

  it('refuses freshness curves that would never show a post, instead of freshness 1 for one step', () => {
    expect(problemPaths({ content: { freshness: { kind: 'stretched', halfLife: '2h' } as never } })).toEqual(['content.freshness.shape']);
    registerFreshness('edge-case-faint', () => 0.001);
    expect(() => createWorld({ users: 200, content: { freshness: { kind: 'custom', name: 'edge-case-faint', floor: 0.01 } } })).toThrow(/content\.freshness: 0\.001 — must give a new post \(age 0\) a freshness of at least the floor, 0\.01/);
  });

  it('edge lists: an empty one is refused without users; lone CR line ends are line ends', () => {
    expect(problemPaths({ startingFollowers: 0, graph: { kind: 'edge-list', text: '# nothing\n' } })).toEqual(['graph.text']);
    expect(resolveScenario({ users: 5, startingFollowers: 0, graph: { kind: 'edge-list', text: '# nothing\n' } }).users).toBe(5);
    expect(parseEdgeList('0 1\r1 2\r2 3\r')).toMatchObject({ users: 4 });
    expect(parseEdgeList('0 1\r1 2\r2 3\r').followers).toEqual(parseEdgeList('0 1\n1 2\n2 3\n').followers);
    // Follower lists written "follower followee" are reversed: user 0 follows 1, so 0 sees 1's posts.
    const follows = (reverse: boolean) => createWorld({ users: 3, startingFollowers: 0, graph: { kind: 'edge-list', text: '0 1\n2 1\n', reverse } }).graph;
    const rows = (g: { offsets: Int32Array; followers: Int32Array }, u: number) => Array.from(g.followers.subarray(g.offsets[u], g.offsets[u + 1]));
    expect([rows(follows(false), 0), rows(follows(false), 1)]).toEqual([[1], []]);
    expect([rows(follows(true), 0), rows(follows(true), 1)]).toEqual([[], [0, 2]]);
  });

  it('warns when creators would post more than once a step (they are capped at one)', () => {
    expect(createWorld({ users: 200, content: { creatorPostsPerDay: 30 } }).warnings).toEqual([expect.stringMatching(/^content\.creatorPostsPerDay \(30\) is more than one post per step of 1h: creators post at most once a step \(24 a day\)/)]);
    expect(createWorld({ users: 200, content: { creatorPostsPerDay: 24 } }).warnings).toEqual([]);
  });

  it('interests: a Dirichlet α below 0.1 is refused (it underflowed into liking every topic)', () => {
    expect(problemPaths({ population: { interestConcentration: 0.05 } })).toEqual(['population.interestConcentration']);
    expect(problemPaths({ population: { interestConcentration: 0.1 } })).toEqual([]);
  });

  it('graph settings the generators would refuse are scenario errors naming the field', () => {
    expect(problemPaths({ graph: { kind: 'barabasi-albert', meanDegree: 0.5 } })).toEqual(['graph.meanDegree']);
    expect(problemPaths({ users: 1000, graph: { kind: 'sbm', meanDegree: 1e9 } })).toEqual(['graph.meanDegree']);
    expect(problemPaths({ users: 200, graph: { kind: 'configuration', minDegree: 0 } })).toEqual(['graph.minDegree']);
    expect(problemPaths({ users: 200, graph: { kind: 'configuration', minDegree: 100 } })).toEqual(['graph.maxDegree']);
    expect(problemPaths({ startingFollowers: 0, graph: { kind: 'configuration', degrees: [1, 1, 1] } })).toEqual(['graph.degrees']);
    // A degree list without users sets them, as an edge list does.
    expect(resolveScenario({ startingFollowers: 0, graph: { kind: 'configuration', degrees: [1, 1, 2] } }).users).toBe(3);
    expect(createWorld({ graph: { kind: 'configuration', degrees: [1, 1, 2] }, accounts: [{ startingFollowers: 1 }] }).users.size).toBe(3);
  });
});

describe('user strategies are checked as they run', () => {
  const post = { kind: 'product', quality: 0.5, appeal: 0.5, cta: 'none', persona: 0 };
  const run = (kind: string, plan: unknown) => {
    registerStrategy(kind, () => ({ plan: () => plan as never }));
    return () => simulate({ users: 300, cycles: 1, stepsPerCycle: 4, strategy: { kind } }, { steps: false });
  };

  it('names the account and the field of a bad plan instead of a bare TypeError or a silently wrong post', () => {
    expect(run('edge-no-plan', undefined)).toThrow(/strategy of focal \(edge-no-plan\): plan\(\) must return \{ posts/);
    expect(run('edge-posts-object', { posts: {}, promotion: 0, retarget: false })).toThrow(/plan\(\) must return/);
    expect(run('edge-null-post', { posts: [null], promotion: 0, retarget: false })).toThrow(/each post must be an object/);
    // Object.prototype names used to pass as kinds and calls to action (stored as a product that never converts).
    expect(run('edge-kind-tostring', { posts: [{ ...post, kind: 'toString' }], promotion: 0, retarget: false })).toThrow(/post kind = "toString" must be one of product, audience, organic/);
    expect(run('edge-cta-valueof', { posts: [{ ...post, cta: 'valueOf' }], promotion: 0, retarget: false })).toThrow(/post cta = "valueOf"/);
    expect(run('edge-quality-string', { posts: [{ ...post, quality: '0.9' }], promotion: 0, retarget: false })).toThrow(/post quality = "0.9" must be a number from 0 to 1/);
    expect(run('edge-quality-null', { posts: [{ ...post, quality: null }], promotion: 0, retarget: false })).toThrow(/post quality = null/);
    expect(run('edge-lifetime-nan', { posts: [{ ...post, lifetimeSteps: NaN }], promotion: 0, retarget: false })).toThrow(/post lifetimeSteps = null must be a whole number/);
    expect(run('edge-retarget-string', { posts: [], promotion: 0, retarget: 'no' })).toThrow(/plan retarget = "no" must be true or false/);
    expect(run('edge-good', { posts: [post], promotion: 0, retarget: false })).not.toThrow();
  });

  it('a factory must return a strategy, and built-in kinds cannot be replaced (workers would run the original)', () => {
    registerStrategy('edge-empty-factory', () => ({}) as never);
    expect(problemPaths({ strategy: { kind: 'edge-empty-factory' } })).toEqual([]); // the kind is known …
    expect(() => createWorld({ users: 300, strategy: { kind: 'edge-empty-factory' } })).toThrow(/its registered factory must return a strategy/); // … its factory is wrong
    expect(() => registerStrategy('like-chasing', () => ({ plan: () => ({ posts: [], promotion: 0, retarget: false }) }))).toThrow(/"like-chasing" is a built-in strategy/);
  });
});
