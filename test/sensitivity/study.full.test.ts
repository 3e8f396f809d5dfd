import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { executeRun } from '../../src/experiment/run.js';
import { analyseSensitivity, sensitivity, sensitivityPlan } from '../../src/sensitivity/study.js';
import { ScenarioError } from '../../src/scenario/errors.js';

const scenario = { users: 600, cycles: 3, stepsPerCycle: 12 };

describe('sensitivity studies', () => {
  it('a Morris study runs every point of its design and ranks every factor of every output', async () => {
    const factors = ['economics.valuePerConversion', 'market.buyers', 'behavior.follow.base'];
    const r = await sensitivity({ scenario, factors, trajectories: 3, replicates: 1, metrics: ['followers'], seed: 4 });
    expect(r.points).toBe(3 * 4);
    expect(r.runs).toBe(3 * 4 * 2);
    expect(Object.keys(r.outputs)).toEqual(['difference', 'crossover', 'followers:like-chasing', 'followers:follow-building']);
    for (const out of Object.values(r.outputs)) {
      if (out.method !== 'morris') throw new Error('expected Morris');
      expect(out.morris.factors.map((f) => f.rank).sort()).toEqual([1, 2, 3]);
    }
  });

  it('the analysis is the same from the runs read back in any order (resume, merge)', async () => {
    const o = { scenario, factors: ['market.buyers', 'behavior.follow.base'], trajectories: 2, replicates: 1, seed: 2 };
    const runs: Parameters<typeof analyseSensitivity>[1] extends readonly (infer R)[] ? R[] : never = [];
    const r = await sensitivity({ ...o, onRun: (run) => void runs.push(run) });
    expect(analyseSensitivity(sensitivityPlan(o), [...runs].reverse())).toEqual(r);
    expect(() => analyseSensitivity(sensitivityPlan(o), runs.slice(1))).toThrow(/design points incomplete/);
  });

  it('design points share their random streams: a factor that changes nothing leaves every run identical', () => {
    // A follow effect in a world without follows cannot act: with common streams the two points
    // of one trajectory step are the same run; without them they are different draws.
    const o = { scenario: { ...scenario, follows: false }, factors: [{ path: 'behavior.follow.quality', min: 1, max: 4, log: true }], trajectories: 2, replicates: 1 };
    const plan = sensitivityPlan(o);
    const [a, b] = plan.sweep.design.kind === 'list' ? plan.sweep.design.points : [];
    const run = (point: object, streams?: string) => executeRun({ id: 'x', label: 'l', scenario: { ...o.scenario, ...point }, strategy: { kind: 'like-chasing' }, replicate: 0, seed: 1, ...(streams ? { streams } : {}) });
    expect(a).not.toEqual(b);
    const unflat = (p: Record<string, unknown>) => ({ behavior: { follow: { quality: p['behavior.follow.quality'] } } });
    expect(run(unflat(a), plan.sweep.streams).accounts).toEqual(run(unflat(b), plan.sweep.streams).accounts);
    expect(run(unflat(a)).accounts).not.toEqual(run(unflat(b)).accounts);
    // The key replaces the scenario's hash in the seeds: another key, other draws.
    expect(simulate(scenario, { streams: 'k' }).accounts).not.toEqual(simulate(scenario).accounts);
    expect(() => simulate(scenario, { streams: '' })).toThrow(/options.streams/);
  });

  it('a Sobol study gives first-order and total indices per factor, directly or through an emulator whose Q² it reports', async () => {
    const o = { scenario, method: 'sobol' as const, factors: ['economics.valuePerConversion', 'behavior.follow.base'], samples: 8, replicates: 1, seed: 3 };
    const direct = await sensitivity(o);
    expect(direct.points).toBe(8 * 4);
    const d = direct.outputs.difference;
    if (d.method !== 'sobol') throw new Error('expected Sobol');
    expect(d.sobol.factors).toHaveLength(2);
    for (const f of d.sobol.factors) expect(f.total.lower).toBeLessThanOrEqual(f.total.upper);
    const emulated = await sensitivity({ ...o, emulator: true });
    const e = emulated.outputs.difference;
    if (e.method !== 'sobol' || !e.emulator) throw new Error('expected an emulator report');
    expect(e.emulator.heldOut).toBeGreaterThanOrEqual(2);
    expect(Number.isFinite(e.emulator.q2)).toBe(true);
    // Untrusted, the study falls back to the direct estimates of the same runs, and says so.
    if (!e.emulator.trusted) {
      expect(e.sobol).toEqual(d.sobol);
      expect(emulated.warnings.join('\n')).toMatch(/difference: the emulator's held-out Q² is .* direct estimates/);
    } else expect(e.emulator.samples).toBe(4096);
  });

  it('measures run-to-run noise from the replicates within points, and the μ* noise alone would give', async () => {
    const runs: Parameters<typeof analyseSensitivity>[1] extends readonly (infer R)[] ? R[] : never = [];
    const o = { scenario: { ...scenario, cycles: 4 }, factors: ['market.buyers', 'behavior.follow.base'], trajectories: 2, replicates: 3, seed: 5 };
    const r = await sensitivity({ ...o, onRun: (run) => void runs.push(run) });
    // Independently: the paired difference of every replicate, its pooled within-point variance.
    const final = (run: (typeof runs)[number]) => run.accounts[0].cycles[3].cumulativeNpv;
    let ss = 0;
    let points = 0;
    for (let p = 1; p <= r.points; p++) {
      const at = (label: string) => runs.filter((x) => x.point === p && x.label === label).sort((a, b) => a.replicate - b.replicate);
      const d = at('follow-building').map((x, i) => final(x) - final(at('like-chasing')[i]));
      const m = d.reduce((a, b) => a + b, 0) / d.length;
      ss += d.reduce((a, b) => a + (b - m) ** 2, 0);
      points++;
    }
    const sd = Math.sqrt(ss / (points * 2));
    expect(sd).toBeGreaterThan(0);
    const noise = r.noise.difference!;
    expect(noise.sdPerReplicate).toBeCloseTo(sd, 8);
    expect(noise.sdOfPointMean).toBeCloseTo(sd / Math.sqrt(3), 8);
    expect(noise.muStarFloor).toBeCloseTo(((Math.SQRT2 * sd) / Math.sqrt(3) / (2 / 3)) * Math.sqrt(2 / Math.PI), 8);
    // One replicate a point: no spread within points to measure.
    expect((await sensitivity({ ...o, replicates: 1 })).noise.difference).toBeNull();
  });

  it('refuses bad settings, naming them', () => {
    expect(() => sensitivityPlan({ scenario, factors: ['no.such.thing'] })).toThrow(ScenarioError);
    expect(() => sensitivityPlan({ scenario, factors: ['no.such.thing'] })).toThrow(/factors\[0\]/);
    expect(() => sensitivityPlan({ scenario: { ...scenario, follows: false }, factors: ['behavior.follow.base'] })).toThrow(/does not apply/);
    expect(() => sensitivityPlan({ scenario, method: 'fast' as never })).toThrow(/method/);
    expect(() => sensitivityPlan({ scenario, cycle: 9 })).toThrow(/cycle/);
    expect(() => sensitivityPlan({ scenario, metrics: ['likez'] })).toThrow(/metrics/);
    expect(() => sensitivityPlan({ scenario, strategies: ['like-chasing'] })).toThrow(/strategies/);
  });
});
