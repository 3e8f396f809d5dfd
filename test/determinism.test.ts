import { describe, expect, it } from 'vitest';
import { createWorld, followBuilding, simulate, step } from '../src/index.js';
import { internal } from '../src/engine/world.js';

const small = { users: 1500, cycles: 2, stepsPerCycle: 12 };

describe('determinism', () => {
  it('one scenario and seed give identical results', () => {
    const a = simulate({ ...small, seed: 11 });
    const b = simulate({ ...small, seed: 11 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('different seeds give different results', () => {
    const a = simulate({ ...small, seed: 11 });
    const b = simulate({ ...small, seed: 12 });
    expect(JSON.stringify(a.accounts)).not.toBe(JSON.stringify(b.accounts));
  });

  it('stepping in pieces equals stepping at once', () => {
    const w1 = createWorld({ ...small, seed: 3 });
    step(w1, 24);
    const w2 = createWorld({ ...small, seed: 3 });
    for (let i = 0; i < 24; i++) step(w2);
    expect(Array.from(w2.accounts.followers)).toEqual(Array.from(w1.accounts.followers));
    expect(Array.from(w2.focal[0].totalCounters)).toEqual(Array.from(w1.focal[0].totalCounters));
    expect(Array.from(internal(w2).lastSession)).toEqual(Array.from(internal(w1).lastSession));
  });

  it('common random numbers: strategies share population, graph, audience and activity', () => {
    const a = createWorld({ ...small, seed: 5 });
    const b = createWorld({ ...small, seed: 5, strategy: followBuilding() });
    expect(a.scenarioHash).toBe(b.scenarioHash);
    expect(Array.from(b.users.interest)).toEqual(Array.from(a.users.interest));
    expect(Array.from(b.graph.followers)).toEqual(Array.from(a.graph.followers));
    expect(Array.from(internal(b).follows.code.slice(0, internal(b).follows.used))).toEqual(Array.from(internal(a).follows.code.slice(0, internal(a).follows.used)));
    step(a, 5);
    step(b, 5);
    // Who is active is keyed by (step, user), not by anything the strategies changed.
    expect(Array.from(internal(b).activeStep)).toEqual(Array.from(internal(a).activeStep));
  });

  it('the replicate index changes the seeds', () => {
    const a = createWorld({ ...small, seed: 5 }, { replicate: 0 });
    const b = createWorld({ ...small, seed: 5 }, { replicate: 1 });
    expect(Array.from(b.users.activity)).not.toEqual(Array.from(a.users.activity));
  });

  /** Every file under src/. */
  const srcFiles = async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const walk = (d: string): string[] =>
      readdirSync(d).flatMap((f) => (statSync(`${d}/${f}`).isDirectory() ? walk(`${d}/${f}`) : [`${d}/${f}`]));
    return walk(new URL('../src', import.meta.url).pathname);
  };

  it('src/ never calls Math.random', async () => {
    const { readFileSync } = await import('node:fs');
    const offenders = (await srcFiles()).filter((f) => /Math\.random/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('src/ computes exp, log, pow, sin and cos with its own port (src/math), not the engine\'s Math', async () => {
    // Engines differ in the last bit of these (Chromium 156 vs Node 20), and one bit sends a run
    // down other random turns. Charts (src/plots) only place ticks, so they may use Math. `2 ** k`
    // and `x ** 2` are exact (powers of two) or correctly rounded (x·x) in every engine.
    const { readFileSync } = await import('node:fs');
    const code = (f: string) => readFileSync(f, 'utf8').split('\n').filter((l) => !/^\s*(\*|\/\/|\/\*)/.test(l)).join('\n');
    const engineMath = /\bMath\.(exp|expm1|log|log1p|log2|log10|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|cbrt|hypot)\b|(?<!\b2 )\*\*(?! 2(?![\w.]))|from 'simple-statistics'.*\b(gammaln|probit)\b|\b(gammaln|probit)\b.*from 'simple-statistics'/;
    const offenders = (await srcFiles()).filter((f) => f.endsWith('.ts') && !/\/src\/(math|plots)\//.test(f) && engineMath.test(code(f)));
    expect(offenders).toEqual([]);
  });
});
