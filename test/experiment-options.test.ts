import { describe, expect, it } from 'vitest';
import { compare, labelStrategies, ScenarioError, summariseSweep, sweep, sweepSpecs } from '../src/index.js';
import { crossover } from '../src/experiment/crossover.js';
import type { RunOutput } from '../src/experiment/run.js';

/** The problems of a call that must fail with a ScenarioError, as `path: allowed` lines. */
async function problemsOf(call: () => unknown): Promise<string[]> {
  try {
    await call();
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map((p) => `${p.path}: ${p.allowed}`);
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

const small = { users: 300, cycles: 2, stepsPerCycle: 4 };

describe('compare and sweep options are checked before any run', () => {
  it('refuses one replicate: its interval would have zero width and read as significant', async () => {
    let runs = 0;
    const problems = await problemsOf(() => compare({ scenario: small, strategies: ['like-chasing', 'follow-building'], replicates: 1, onRun: () => void runs++ }));
    expect(problems).toEqual([expect.stringMatching(/^replicates: a whole number from 2 to 100,000: an interval needs at least two replicates/)]);
    expect(runs).toBe(0);
    expect(await problemsOf(() => sweep({ scenario: small, design: { kind: 'grid', factors: { 'behavior.follow.base': [0.001] } }, strategies: ['like-chasing'], replicates: 1 }))).toEqual([
      expect.stringMatching(/^replicates: /),
    ]);
  });

  it('names every bad option at once: workers, level, seed, interval', async () => {
    const problems = await problemsOf(() =>
      compare({ scenario: small, strategies: ['like-chasing'], replicates: 2, workers: NaN, level: 95, seed: 1.5, interval: 'Bootstrap' as 't' }),
    );
    expect(problems.map((p) => p.slice(0, p.indexOf(':')))).toEqual(['seed', 'workers', 'level', 'interval']);
    expect(await problemsOf(() => sweepSpecs({ scenario: small, design: { kind: 'grid', factors: { users: [300] } }, strategies: ['like-chasing'], seed: 2 ** 40 }))).toEqual([
      expect.stringMatching(/^seed: a whole number from -2,147,483,648/),
    ]);
  });

  it('checks adaptive replication before the first batch (a zero batch used to loop for ever)', async () => {
    let runs = 0;
    const onRun = () => void runs++;
    const problems = await problemsOf(() =>
      compare({ scenario: small, strategies: ['like-chasing', 'follow-building'], replicates: 2, onRun, adaptive: { target: 'cumulativNet', halfWidth: 0, maxReplicates: undefined as unknown as number, batch: 0 } }),
    );
    expect(problems.map((p) => p.slice(0, p.indexOf(':')))).toEqual(['adaptive.target', 'adaptive.halfWidth', 'adaptive.maxReplicates', 'adaptive.batch']);
    expect(problems[0]).toContain('cumulativeNet');
    expect(await problemsOf(() => compare({ scenario: small, strategies: ['like-chasing'], replicates: 2, onRun, adaptive: { target: 'crossover', halfWidth: 1, maxReplicates: 4, batch: 1.5 } }))).toEqual([
      expect.stringMatching(/^adaptive\.batch: a whole number/),
    ]);
    expect(runs).toBe(0);
  });

  it('refuses strategy labels that collide once numbered', async () => {
    expect(labelStrategies(['like-chasing', 'like-chasing']).map((s) => s.label)).toEqual(['like-chasing#1', 'like-chasing#2']);
    const problems = await problemsOf(() => labelStrategies(['like-chasing', { kind: 'follow-building', label: 'like-chasing#2' }, 'like-chasing']));
    expect(problems).toEqual([expect.stringMatching(/^strategies\[2\]\.label: must be unique: strategies\[1\] is also labelled "like-chasing#2"/)]);
  });

  it('refuses a design that varies the seed (every point shares the sweep\'s seed)', async () => {
    const problems = await problemsOf(() => sweepSpecs({ scenario: small, design: { kind: 'list', points: [{ seed: 1 }, { seed: 2 }] }, strategies: ['like-chasing'], replicates: 2 }));
    expect(problems).toEqual([expect.stringMatching(/^design: seed: the seed cannot be a design factor/)]);
  });
});

describe('crossover and sweep summaries', () => {
  it('the crossover sentence names the level its intervals were computed at', () => {
    const intervals = [-5, 5, 6].map((m) => ({ mean: m, lower: m - 1, upper: m + 1, se: 0.5, n: 4 }));
    const diffs = Array.from({ length: 4 }, () => [-5, 5, 6]);
    expect(crossover('b', 'a', diffs, intervals, 0.9).summary).toContain('(90% interval: cycles 2–2)');
    expect(crossover('b', 'a', diffs, intervals).summary).toContain('(95% interval: cycles 2–2)');
    expect(crossover('b', 'a', diffs, intervals, 0.9).level).toBe(0.9);
  });

  it('summariseSweep refuses runs that cannot be paired: a duplicate, or another seed', async () => {
    const options = { scenario: small, design: { kind: 'grid' as const, factors: { 'behavior.follow.base': [0.001] } }, strategies: ['like-chasing', 'follow-building'], replicates: 2, seed: 3 };
    const runs: RunOutput[] = [];
    await sweep({ ...options, onRun: (run) => void runs.push(run) });
    expect(summariseSweep(options, runs).points).toHaveLength(1);
    // Order does not matter …
    expect(summariseSweep(options, [...runs].reverse()).points[0].difference).toEqual(summariseSweep(options, runs).points[0].difference);
    // … but a run twice (with one missing) is not paired by position any more.
    const twice = runs.map((r) => (r.id === 'p1/follow-building/r1' ? runs.find((x) => x.id === 'p1/follow-building/r0')! : r));
    expect(() => summariseSweep(options, twice)).toThrow(/run p1\/follow-building\/r0 appears twice/);
    const otherSeed = runs.map((r, i) => (i === 0 ? { ...r, seed: 99 } : r));
    expect(() => summariseSweep(options, otherSeed)).toThrow(/made with seed 99, not the sweep's 3/);
  });
});
