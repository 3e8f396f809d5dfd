import { describe, expect, it } from 'vitest';
import { defaultScenario, resolveScenario, ScenarioError, simulate } from '../src/index.js';

function problems(input: unknown) {
  try {
    resolveScenario(input as never);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).problems;
  }
  throw new Error('expected a ScenarioError');
}

describe('scenario resolution', () => {
  it('fills every field from the defaults', () => {
    const s = resolveScenario({});
    expect(s.users).toBe(defaultScenario.users);
    expect(s.behavior.like.base).toBe(defaultScenario.behavior.like.base);
    expect(s.accounts[0]).toMatchObject({ name: 'focal', startingFollowers: 100, strategy: { kind: 'like-chasing' } });
  });

  it('expands shorthands and deep-merges nested fields', () => {
    const s = resolveScenario({ ranker: 'interest', halfLife: '6h', attention: 5, startingFollowers: 7, strategy: { kind: 'follow-building' }, behavior: { like: { base: 0.05 } } });
    expect(s.feed.ranker).toBe('interest');
    expect(s.content.freshness).toMatchObject({ kind: 'exponential', halfLife: '6h' });
    expect(s.population.attention).toBe(5);
    expect(s.accounts[0]).toMatchObject({ startingFollowers: 7, strategy: { kind: 'follow-building' } });
    expect(s.behavior.like.base).toBe(0.05);
    expect(s.behavior.like.appeal).toBe(defaultScenario.behavior.like.appeal);
  });

  it('reports every problem at once, naming path, value and what is allowed', () => {
    const p = problems({ users: -3, behavior: { like: { base: 1.5, qualty: 2 } }, stepDuration: '1 hour', feed: { selection: 3 } });
    const byPath = Object.fromEntries(p.map((x) => [x.path, x]));
    expect(Object.keys(byPath).sort()).toEqual(['behavior.like.base', 'behavior.like.qualty', 'feed.selection', 'stepDuration', 'users']);
    expect(byPath.users.allowed).toMatch(/whole number from 1/);
    expect(byPath['behavior.like.base'].allowed).toMatch(/probability/);
    expect(byPath['behavior.like.qualty'].suggestion).toBe('quality');
    expect(byPath.stepDuration.allowed).toMatch(/duration/);
  });

  it('rejects NaN, Infinity, wrong types and unknown graph kinds with suggestions', () => {
    const p = problems({ cycles: NaN, seed: Infinity, retargeting: 'yes', graph: { kind: 'erdos-reny' } });
    const paths = p.map((x) => x.path).sort();
    expect(paths).toEqual(['cycles', 'graph.kind', 'retargeting', 'seed']);
    expect(p.find((x) => x.path === 'graph.kind')!.suggestion).toBe('erdos-renyi');
  });

  it('checks focal accounts against the world', () => {
    const p = problems({ users: 100, accounts: [{ startingFollowers: 500 }, { topic: 99, strategy: { kind: 'x', extra: 1 } }] });
    expect(p.map((x) => x.path).sort()).toEqual(['accounts[0].startingFollowers', 'accounts[1].strategy.extra', 'accounts[1].topic']);
  });

  it('names an unknown strategy or ranker with the known ones', () => {
    expect(() => simulate({ users: 100, cycles: 1, strategy: { kind: 'nope' } })).toThrow(/not a registered strategy \(known: like-chasing, follow-building/);
    expect(() => simulate({ users: 100, cycles: 1, ranker: 'nope' })).toThrow(/feed.ranker: "nope" — is not a registered ranker/);
  });

  it('error messages are one readable line per problem', () => {
    try {
      resolveScenario({ users: 0, topics: 0 });
    } catch (e) {
      expect((e as Error).message.split('\n')).toHaveLength(3);
      expect((e as Error).message).toMatch(/^invalid scenario \(2 problems\)/);
    }
  });

  it('warns when a half-life is shorter than two steps', () => {
    const r = simulate({ users: 200, cycles: 1, halfLife: '90m' });
    expect(r.warnings.join()).toMatch(/halfLife.*shorter than two steps/);
  });
});
