import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPoint, expandDesign, memorySink, ScenarioError, sweep, sweepSpecs } from '../src/index.js';
import { csvSink, jsonLinesSink } from '../src/node.js';
import { MAX_FAILING_POINTS } from '../src/experiment/sweep.js';
import { CYCLE_METRIC_NAMES } from '../src/engine/metrics.js';

describe('design expansion', () => {
  it('grid: every combination, first factor slowest', () => {
    const points = expandDesign({ kind: 'grid', factors: { a: [1, 2, 3], 'b.c': ['x', 'y'] } });
    expect(points).toHaveLength(6);
    expect(points[0]).toEqual({ a: 1, 'b.c': 'x' });
    expect(points[1]).toEqual({ a: 1, 'b.c': 'y' });
    expect(points[5]).toEqual({ a: 3, 'b.c': 'y' });
  });

  it('list: exactly the points given', () => {
    expect(expandDesign({ kind: 'list', points: [{ a: 1 }, { a: 5, b: true }] })).toEqual([{ a: 1 }, { a: 5, b: true }]);
  });

  it('Latin hypercube: one sample per stratum of every factor, reproducible from its seed', () => {
    const design = { kind: 'latin-hypercube' as const, samples: 20, seed: 7, factors: { x: { min: 0, max: 1 }, y: { min: 1, max: 100, log: true } } };
    const points = expandDesign(design);
    expect(points).toHaveLength(20);
    expect(expandDesign(design)).toEqual(points);
    const strataX = points.map((p) => Math.floor((p.x as number) * 20)).sort((a, b) => a - b);
    expect(strataX).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const strataY = points.map((p) => Math.floor((Math.log(p.y as number) / Math.log(100)) * 20)).sort((a, b) => a - b);
    expect(strataY).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(expandDesign({ ...design, seed: 8 })).not.toEqual(points);
  });

  it('run specs: points × strategies × replicates, with stable ids', () => {
    const specs = sweepSpecs({
      scenario: { users: 100, cycles: 1 },
      design: { kind: 'grid', factors: { 'behavior.follow.base': [0.001, 0.002], retargeting: [true, false] } },
      strategies: ['like-chasing', 'follow-building'],
      replicates: 3,
    });
    expect(specs).toHaveLength(4 * 2 * 3);
    expect(new Set(specs.map((s) => s.id)).size).toBe(specs.length);
    expect(specs[0].id).toBe('p1/like-chasing/r0');
    expect(applyPoint({ behavior: { like: { base: 0.1 } } }, { 'behavior.follow.base': 0.5 })).toEqual({ behavior: { like: { base: 0.1 }, follow: { base: 0.5 } } });
    // A list's entries by index: the list stays a list (it used to be replaced by an object).
    const two = { accounts: [{ name: 'a', startingFollowers: 10 }, { name: 'b' }] };
    expect(applyPoint(two, { 'accounts.1.startingFollowers': 50 })).toEqual({ accounts: [{ name: 'a', startingFollowers: 10 }, { name: 'b', startingFollowers: 50 }] });
    expect(two.accounts[1]).toEqual({ name: 'b' }); // the input is not modified
    expect(() => applyPoint(two, { 'accounts.2.startingFollowers': 50 })).toThrow(/accounts\.2\.startingFollowers: 50 — cannot be set: accounts is a list of 2: "2" must be an index from 0 to 1/);
    expect(() => applyPoint(two, { 'accounts.first.name': 'x' })).toThrow(/"first" must be an index from 0 to 1/);
  });

  it('checks every point before any run, naming the point', () => {
    const bad = () => sweepSpecs({ design: { kind: 'grid', factors: { 'behavior.follow.bse': [0.1], users: [-1] } }, strategies: ['like-chasing'] });
    expect(bad).toThrow(ScenarioError);
    try {
      bad();
    } catch (e) {
      const problems = (e as ScenarioError).problems.map((p) => p.path);
      expect(problems.some((p) => p.includes('design point 1') && p.endsWith('behavior.follow.bse'))).toBe(true);
      expect(problems.some((p) => p.endsWith(': users'))).toBe(true);
    }
  });

  it('stops checking after MAX_FAILING_POINTS failing points, and says so', () => {
    const values = Array.from({ length: 5000 }, (_, i) => i);
    const bad = () => sweepSpecs({ design: { kind: 'grid', factors: { 'behavior.follow.bse': values } }, strategies: ['like-chasing'] });
    let problems: ScenarioError['problems'] = [];
    try {
      bad();
    } catch (e) {
      problems = (e as ScenarioError).problems;
    }
    expect(problems).toHaveLength(MAX_FAILING_POINTS + 1);
    expect(problems[0].path).toMatch(/^design point 1 \(.*\): behavior.follow.bse$/);
    expect(problems[MAX_FAILING_POINTS - 1].path).toMatch(new RegExp(`^design point ${MAX_FAILING_POINTS} `));
    expect(problems[MAX_FAILING_POINTS]).toMatchObject({ path: 'design', value: '5000 points' });
    expect(problems[MAX_FAILING_POINTS].allowed).toContain(`points ${MAX_FAILING_POINTS + 1}-5000 not checked`);
    // Fewer failing points than the cap: every one is reported, and no stop notice.
    const few = () => sweepSpecs({ design: { kind: 'grid', factors: { users: [-1, -2, 500] } }, strategies: ['like-chasing'] });
    expect(few).toThrow(ScenarioError);
    try {
      few();
    } catch (e) {
      const paths = (e as ScenarioError).problems.map((p) => p.path);
      expect(paths.filter((p) => p.startsWith('design point'))).toHaveLength(2);
      expect(paths).not.toContain('design');
    }
  });
});

describe('sweep', () => {
  const options = {
    scenario: { users: 800, cycles: 3, stepsPerCycle: 8 },
    design: { kind: 'grid' as const, factors: { 'behavior.follow.base': [0.0005, 0.005] } },
    strategies: ['like-chasing', 'follow-building'],
    replicates: 3,
    seed: 3,
  };

  it('streams tidy rows per run to sinks, identical for 1 and 2 workers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feedsim-sweep-'));
    const one = memorySink();
    const two = memorySink();
    const r1 = await sweep({ ...options, sinks: [one, jsonLinesSink(join(dir, 'rows.jsonl')), csvSink(join(dir, 'rows.csv'))] });
    const r2 = await sweep({ ...options, workers: 2, sinks: [two] });
    expect(r1.runs).toBe(2 * 2 * 3);
    const perRun = one.rows.length / r1.runs;
    expect(perRun).toBe(3 * CYCLE_METRIC_NAMES.length); // cycles × (scalar metrics + split metrics × 4 channels)
    expect(JSON.stringify(two.rows)).toBe(JSON.stringify(one.rows));
    expect(JSON.stringify(r2)).toBe(JSON.stringify(r1));
    const lines = readFileSync(join(dir, 'rows.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(one.rows.length);
    expect(JSON.parse(lines[0])).toEqual(one.rows[0]);
    const csv = readFileSync(join(dir, 'rows.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('run,scenarioHash,version,strategy,replicate,seed,cycle,account,channel,metric,value');
    expect(csv).toHaveLength(one.rows.length + 1);
    expect(r1.points).toHaveLength(2);
    for (const p of r1.points) expect(['like-chasing', 'follow-building', 'neither']).toContain(p.winner);
  });
});
