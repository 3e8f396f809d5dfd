import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adaptive, compare, followBuilding, likeChasing, mixed, simulate } from '../src/index.js';

const scenario = { seed: 4, users: 1500, cycles: 3, stepsPerCycle: 12 };
const same = (a: object, b: object) => expect(JSON.stringify(simulate({ ...scenario, strategy: a as never }).accounts[0].cycles)).toBe(JSON.stringify(simulate({ ...scenario, strategy: b as never }).accounts[0].cycles));

describe('built-in strategies', () => {
  it('mixed(0) is like-chasing and mixed(1) is follow-building, exactly', () => {
    same(mixed(0), likeChasing());
    same(mixed(1), followBuilding());
  });

  it('adaptive switches at its audience threshold', () => {
    same(adaptive({ threshold: 0 }), likeChasing());
    same(adaptive({ threshold: 1e9 }), followBuilding());
    const r = simulate({ ...scenario, cycles: 6, strategy: adaptive({ threshold: 120 }) });
    expect(r.posts.some((p) => p.cta === 'follow')).toBe(true);
  });

  it('mixed(0.5) alternates recipes', () => {
    const r = simulate({ ...scenario, cycles: 6, strategy: mixed(0.5) });
    const ctas = r.posts.sort((a, b) => a.created - b.created).map((p) => p.cta);
    expect(ctas.filter((c) => c === 'follow').length).toBe(3);
    expect(ctas.filter((c) => c === 'like').length).toBe(3);
  });

  // Each spends the budget per cycle at 10,000 users: strategies.full.test.ts.
  it('rejects unknown or out-of-range parameters by name', () => {
    expect(() => simulate({ ...scenario, strategy: likeChasing({ qualty: 1 } as never) })).toThrow(/unknown parameter "qualty"/);
    expect(() => simulate({ ...scenario, strategy: mixed(1.5) })).toThrow(/"ratio" = 1.5 must be from 0 to 1/);
  });
});

describe('user-defined strategies in worker threads', () => {
  it('load from a TypeScript module path and give the same results on 1 and 2 workers', async () => {
    const module = fileURLToPath(new URL('./fixtures/custom-strategy.ts', import.meta.url));
    await import('./fixtures/custom-strategy.js');
    // In this thread the module is already imported (above); the worker thread loads it by path.
    const opts = { scenario, strategies: [{ kind: 'test-every-step' }, { kind: 'test-every-step', params: { appeal: 0.9 }, label: 'bait' }], replicates: 2 };
    const one = await compare({ ...opts, workers: 1 });
    const two = await compare({ ...opts, workers: 2, modules: [module] });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.summary.bait.likes[2].mean).toBeGreaterThan(0);
  });
});
