/**
 * Counterfactual twins and terminal cycles (issue 15): under the same random numbers, a twin whose
 * follows deliver nothing or that buys no ads, and cycles run on after the scenario's with no ads.
 */
import { describe, expect, it } from 'vitest';
import { followBuilding, simulate, type ScenarioInput } from '../src/index.js';

const scenario: ScenarioInput = { seed: 3, users: 1500, cycles: 4, stepsPerCycle: 12, startingFollowers: 200, strategy: followBuilding() };
const sum = (cycles: Array<Record<string, unknown>>, pick: (c: never) => number) => cycles.reduce((s, c) => s + pick(c as never), 0);

describe('counterfactual twins', () => {
  it('with no counterfactual asked for, the twin is the factual run', () => {
    const a = simulate(scenario, { steps: false });
    const b = simulate(scenario, { steps: false, counterfactual: {} });
    expect(JSON.stringify(b.accounts)).toBe(JSON.stringify(a.accounts));
  });

  it('a ghost audience: followers never get the account\'s posts in-network or by notification', () => {
    // No reshares: the network channel is then only followed accounts' posts (the account has no home user).
    const quiet = { ...scenario, behavior: { share: { base: 0 } } };
    const real = simulate(quiet, { steps: false });
    const ghost = simulate(quiet, { steps: false, counterfactual: { ghostAudience: true } });
    const network = (r: typeof real) => sum(r.accounts[0].cycles, (c: { impressionsByChannel: { network: number } }) => c.impressionsByChannel.network);
    const notified = (r: typeof real) => sum(r.accounts[0].cycles, (c: { impressionsByChannel: { notification: number } }) => c.impressionsByChannel.notification);
    expect(network(real)).toBeGreaterThan(0);
    expect(network(ghost)).toBe(0);
    expect(notified(ghost)).toBe(0);
    // Nobody's follows of any other account change: the creators' posts still reach their audiences.
    expect(ghost.impressionsByChannel.network).toBeGreaterThan(0);
  });

  it('no ads: the twin buys no paid impression and spends only on content', () => {
    const r = simulate(scenario, { steps: false, counterfactual: { noAds: true } });
    const c = r.accounts[0].cycles;
    expect(sum(c, (x: { paidCost: number }) => x.paidCost)).toBe(0);
    expect(sum(c, (x: { impressionsByChannel: { paid: number } }) => x.impressionsByChannel.paid)).toBe(0);
    expect(sum(c, (x: { contentCost: number }) => x.contentCost)).toBeGreaterThan(0);
  });

  it('refuses a counterfactual for an account that does not exist, naming the option', () => {
    expect(() => simulate(scenario, { counterfactual: { account: 3 } })).toThrow(/options\.counterfactual\.account/);
    expect(() => simulate(scenario, { counterfactual: { noAds: 'yes' as never } })).toThrow(/options\.counterfactual\.noAds/);
  });
});

describe('terminal cycles', () => {
  it('leave the scenario\'s cycles exactly as a run without them', () => {
    const plain = simulate(scenario, { steps: false });
    const extended = simulate(scenario, { steps: false, terminalCycles: 3 });
    expect(JSON.stringify(extended.accounts[0].cycles)).toBe(JSON.stringify(plain.accounts[0].cycles));
    expect(plain.accounts[0].terminal).toBeUndefined();
  });

  it('run on with no ads, numbered on, cumulative metrics continuing', () => {
    const r = simulate(scenario, { steps: false, terminalCycles: 3 });
    const a = r.accounts[0];
    expect(a.terminal!.map((c) => c.cycle)).toEqual([5, 6, 7]);
    for (const c of a.terminal!) {
      expect(c.paidCost).toBe(0);
      expect(c.posts).toBeGreaterThan(0);
    }
    const last = a.cycles[a.cycles.length - 1];
    expect(a.terminal![0].cumulativeNet).toBeCloseTo(last.cumulativeNet + a.terminal![0].net, 9);
  });
});
