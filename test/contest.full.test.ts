/**
 * The fair contest (issue 15): families searched on training replicates, finalists compared on
 * held-out ones with their counterfactual twins; deterministic for any worker count, resumable
 * from recorded runs, and shardable stage by stage.
 */
import { describe, expect, it } from 'vitest';
import { contest, ContestPending, HELD_OUT_BASE, latinHypercube, likeChasingFamily, followBuildingFamily, type ContestOptions, type RunOutput } from '../src/index.js';
import { uniformStream } from '../src/rng.js';

const small: ContestOptions = {
  scenario: { users: 600, cycles: 3, stepsPerCycle: 12 },
  candidates: 4, screenUsers: 300, firstReplicates: 1, maxReplicates: 2, keep: 2, checkReplicates: 2, heldOut: 4, horizon: 2, seed: 5,
};

describe('strategy families', () => {
  it('a Latin hypercube puts one recipe in each stratum of every numeric range, the defaults first', () => {
    const n = 11;
    const recipes = latinHypercube(followBuildingFamily, n, uniformStream('lhs-test'));
    expect(recipes).toHaveLength(n);
    expect(recipes[0]).toEqual(followBuildingFamily.defaults);
    const q = followBuildingFamily.space.quality as { min: number; max: number };
    const strata = recipes.slice(1).map((r) => Math.min(n - 2, Math.floor(((r.quality! - q.min) / (q.max - q.min)) * (n - 1)))).sort((a, b) => a - b);
    expect(strata).toEqual(Array.from({ length: n - 1 }, (_, i) => i));
    for (const r of recipes.slice(1)) expect(['follow', 'notify']).toContain(r.cta);
  });

  it('the families keep what makes them that kind of strategy', () => {
    for (const r of latinHypercube(likeChasingFamily, 30, uniformStream('lhs-like'))) {
      expect(['like', 'share']).toContain(r.cta);
      expect(r.persona!).toBeLessThanOrEqual(0.3);
    }
  });
});

describe('contest', () => {
  it('never trains on a held-out replicate; finalists run on the same held-out replicates with both twins', async () => {
    const runs: RunOutput[] = [];
    const r = await contest({ ...small, onRun: (run) => void runs.push(run) });
    const training = runs.filter((x) => !x.id.startsWith('h/'));
    const heldOut = runs.filter((x) => x.id.startsWith('h/'));
    expect(training.length).toBeGreaterThan(0);
    expect(training.every((x) => x.replicate < HELD_OUT_BASE)).toBe(true);
    expect(heldOut).toHaveLength(2 * 3 * 4);
    expect(new Set(heldOut.map((x) => x.replicate))).toEqual(new Set([0, 1, 2, 3].map((i) => HELD_OUT_BASE + i)));
    expect(r.runs).toBe(runs.length);
    expect(r.finalists.map((f) => f.family)).toEqual(['like-chasing', 'follow-building']);
    expect(r.headline).toMatch(/^At equal spend of \d+ a cycle, the best follow-building recipe ends 3 cycles/);
    // The finalist is one of the recipes searched, and the search kept it.
    for (const [k, s] of r.searches.entries()) {
      expect(s.kept).toContain(s.finalist);
      expect(r.finalists[k].recipe).toEqual(s.candidates[s.finalist].recipe);
    }
  });

  it('gives identical results on 1 and 2 workers, and a resume from the recorded runs runs nothing', async () => {
    const runs: RunOutput[] = [];
    const one = await contest({ ...small, workers: 1, onRun: (run) => void runs.push(run) });
    const two = await contest({ ...small, workers: 2 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    let more = 0;
    const again = await contest({ ...small, recorded: new Map(runs.map((x) => [x.id, x])), onRun: () => void more++ });
    expect(more).toBe(0);
    expect(JSON.stringify(again)).toBe(JSON.stringify(one));
  });

  it('shards run their share of a stage and stop for the others; merged records finish the contest identically', async () => {
    const whole = await contest(small);
    const recorded = new Map<string, RunOutput>();
    let stopped = 0;
    for (let pass = 0; pass < 100; pass++) {
      let finished = false;
      for (const shard of [0, 1]) {
        try {
          const r = await contest({
            ...small, recorded,
            filter: (spec) => Number(/r(\d+)$/.exec(spec.id)![1]) % 2 === shard,
            onRun: (run) => void recorded.set(run.id, run),
          });
          expect(JSON.stringify(r)).toBe(JSON.stringify(whole));
          finished = true;
        } catch (e) {
          expect(e).toBeInstanceOf(ContestPending);
          stopped++;
        }
      }
      if (finished) break;
    }
    expect(stopped).toBeGreaterThan(0);
  });

  it('the ghost twin is the real run when nothing can be followed, and the no-ads twin when nothing is spent on ads', async () => {
    const noFollows = await contest({ ...small, scenario: { ...small.scenario, follows: false } });
    for (const f of noFollows.finalists) expect([f.audience.mean, f.audience.lower, f.audience.upper]).toEqual([0, 0, 0]);
    const noAds = await contest({ ...small, scenario: { ...small.scenario, paid: { cpm: 1e9 } } });
    for (const f of noAds.finalists) expect(f.ads.mean).toBe(0);
  });

  it('refuses bad options, naming them', async () => {
    await expect(contest({ ...small, candidates: 1 })).rejects.toThrow(/candidates/);
    await expect(contest({ ...small, families: ['like-chasing', 'viral'] })).rejects.toThrow(/families\[1\]/);
    await expect(contest({ ...small, objective: 'profit' as never })).rejects.toThrow(/objective/);
  });
});
