/**
 * `contest`: the best recipe of each strategy family against the best of the other (issue 15).
 * Each family's recipes are searched on training replicates (`search.ts`); the finalists then
 * run on fresh held-out replicates — never used in the search, so the winner's luck in training
 * does not inflate its result — each beside two counterfactual twins under the same random
 * numbers: its follows deliver nothing (a ghost audience) and it buys no ads. That splits each
 * finalist's net return into what its audience and its ads caused, and runs on for a horizon
 * with no ads to value the audience still held at the end.
 * @module
 */
import { strategyFamilies, recipeStrategy, type StrategyFamily } from '../campaign/families.js';
import type { ScheduleParams } from '../campaign/builtins.js';
import type { CycleRecord } from '../engine/simulate.js';
import { checkExperimentOptions } from '../experiment/check-options.js';
import { crossover, type Crossover } from '../experiment/crossover.js';
import { tInterval, type Interval } from '../experiment/intervals.js';
import type { RunOutput, RunSpec } from '../experiment/run.js';
import { difference } from '../experiment/ties.js';
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import { scaledBudget, scaledPostCost } from '../scenario/money-scale.js';
import { resolveScenario } from '../scenario/resolve.js';
import type { ScenarioInput } from '../scenario/types.js';
import { isWhole } from '../whole.js';
import { createRunBook, type RunBook } from './run-book.js';
import { searchFamily, type FamilySearch } from './search.js';

/** Options of {@link contest}. */
export interface ContestOptions {
  scenario?: ScenarioInput;
  /** The families, challenger last (default: like-chasing, then follow-building). */
  families?: Array<string | StrategyFamily>;
  /** Recipes searched per family, the family's default recipe among them (default 40). */
  candidates?: number;
  /** Users of the screening world (default: the smaller of 2,000 and the scenario's; money scales with it). */
  screenUsers?: number;
  /** Training replicates: first round and most per candidate (default 2 and 8). */
  firstReplicates?: number;
  maxReplicates?: number;
  /** Candidates per family re-run at full size, and their replicates (default 3 and 4). */
  keep?: number;
  checkReplicates?: number;
  /** Held-out replicates per finalist (default 30). */
  heldOut?: number;
  /** Cycles run on with no ads to value the audience held at the end (default: the scenario's cycles; 0: none). */
  horizon?: number;
  /** What the search maximises: the net return (default), or the net return plus the terminal value. */
  objective?: 'net' | 'net+terminal';
  seed?: number;
  level?: number;
  workers?: number;
  modules?: string[];
  /** Runs recorded before, by id (resume, merged shards). */
  recorded?: ReadonlyMap<string, RunOutput>;
  /** Runs only the specs this returns true for (a shard's share). */
  filter?: (spec: RunSpec) => boolean;
  onRun?: (run: RunOutput) => void | Promise<void>;
  /** Called as each run finishes: runs done in this process, and the stage it belongs to. */
  onProgress?: (runsDone: number, stage: string) => void;
  signal?: AbortSignal;
}

/** A finalist on the held-out replicates, with its causal split. */
export interface Finalist {
  family: string;
  recipe: Partial<ScheduleParams>;
  /** Final cumulative (discounted) net return. */
  net: Interval;
  /** What the audience caused: net return minus that of the ghost-audience twin. */
  audience: Interval;
  /** What the ads caused: net return minus that of the no-ads twin. */
  ads: Interval;
  /** Net return earned over the horizon with no ads after the run (null without a horizon). */
  terminal: Interval | null;
  /** The part of it the audience earned: terminal value minus the ghost twin's. */
  terminalAudience: Interval | null;
  /** Mean spend per cycle over the run. */
  spendPerCycle: number;
  followers: Interval;
}

/** What {@link contest} returns. */
export interface ContestResult {
  families: string[];
  cycles: number;
  horizon: number;
  budgetPerCycle: number;
  heldOut: number;
  seed: number;
  level: number;
  searches: FamilySearch[];
  finalists: Finalist[];
  /** Challenger (last family) minus baseline (first) on the held-out replicates: final net return, and with terminal values. */
  difference: Interval;
  differenceWithTerminal: Interval | null;
  /** Share of held-out replicates where the challenger ends ahead. */
  shareAhead: number;
  crossover: Crossover;
  runs: number;
  warnings: string[];
  /** The answer in one sentence. */
  headline: string;
}

function check(o: ContestOptions): void {
  checkExperimentOptions({ seed: o.seed, workers: o.workers, level: o.level });
  const problems: ScenarioProblem[] = [];
  const whole = (k: keyof ContestOptions, lo: number, hi: number) => {
    if (o[k] !== undefined && !isWhole(o[k], lo, hi)) problems.push({ path: k, value: o[k], allowed: `a whole number from ${lo} to ${hi.toLocaleString('en')}` });
  };
  whole('candidates', 2, 10_000);
  whole('screenUsers', 10, 50_000_000);
  whole('firstReplicates', 1, 1000);
  whole('maxReplicates', 1, 1000);
  whole('keep', 1, 1000);
  whole('checkReplicates', 1, 1000);
  whole('heldOut', 2, 100_000);
  whole('horizon', 0, 100_000);
  if (o.objective !== undefined && o.objective !== 'net' && o.objective !== 'net+terminal') problems.push({ path: 'objective', value: o.objective, allowed: '"net" or "net+terminal"' });
  const fams = o.families ?? [];
  if (!Array.isArray(fams) || (o.families !== undefined && fams.length !== 2)) problems.push({ path: 'families', value: o.families, allowed: `two families, baseline first (${Object.keys(strategyFamilies).join(', ')}, or StrategyFamily objects)` });
  else {
    fams.forEach((f, i) => {
      if (typeof f === 'string' && !Object.hasOwn(strategyFamilies, f)) problems.push({ path: `families[${i}]`, value: f, allowed: `one of ${Object.keys(strategyFamilies).join(', ')}` });
    });
  }
  if (problems.length) throw new ScenarioError(problems);
}

/** Final cumulative (discounted) net return of the first focal account. */
const finalNet = (r: RunOutput) => last(r.accounts[0].cycles).cumulativeNpv;
/** What the run earned over its terminal cycles. */
const terminalNet = (r: RunOutput) => last(r.accounts[0].terminal!).cumulativeNpv - finalNet(r);
const last = (cs: CycleRecord[]) => cs[cs.length - 1];

/** Runs a contest: searches each family, then sets the finalists against each other on held-out replicates. */
export async function contest(options: ContestOptions = {}): Promise<ContestResult> {
  check(options);
  const input = options.scenario ?? {};
  const resolved = resolveScenario(input);
  const families = (options.families ?? ['like-chasing', 'follow-building']).map((f) => (typeof f === 'string' ? strategyFamilies[f] : f));
  const seed = options.seed ?? resolved.seed;
  const level = options.level ?? 0.95;
  const horizon = options.horizon ?? resolved.cycles;
  const heldOut = options.heldOut ?? 30;
  const screenUsers = Math.min(options.screenUsers ?? 2000, resolved.users);
  // An edge list fixes the users: no smaller copy of it exists.
  const screen = screenUsers < resolved.users && resolved.graph.kind !== 'edge-list' ? { ...input, users: screenUsers } : input;
  const book = await runBook(options);
  const objective = options.objective ?? 'net';
  const score = objective === 'net' || horizon === 0 ? finalNet : (r: RunOutput) => finalNet(r) + terminalNet(r);
  const warnings: string[] = [];
  const { preflight } = await import('../experiment/preflight.js');
  await preflight([{ scenario: resolved }], families.map((f) => recipeStrategy(f, {}, f.name)), { modules: options.modules, workers: options.workers ?? 1 });

  const searches: FamilySearch[] = [];
  for (const family of families) {
    searches.push(await searchFamily({
      family, screen, full: input, seed, score,
      budget: { screen: scaledBudget(resolveScenario(screen)), full: scaledBudget(resolved) },
      postCost: (q) => scaledPostCost(resolved, q),
      candidates: options.candidates ?? 40,
      firstReplicates: options.firstReplicates ?? 2,
      maxReplicates: options.maxReplicates ?? 8,
      keep: options.keep ?? 3,
      checkReplicates: options.checkReplicates ?? 4,
      ...(objective === 'net+terminal' && horizon > 0 ? { runExtras: { terminalCycles: horizon } } : {}),
    }, book));
  }
  if (searches.some((s) => s.scaleAgreement !== null && s.scaleAgreement < 0)) {
    warnings.push(`the screening world (${screenUsers} users) ranked the kept recipes against the full-size ranking (rank correlation ${searches.map((s) => `${s.family} ${s.scaleAgreement?.toFixed(2) ?? '–'}`).join(', ')}): screen in a larger world (screenUsers)`);
  }

  // Held-out replicates: fresh seeds the search never saw, the same for both finalists (paired).
  const base = HELD_OUT_BASE;
  const finalSpecs = searches.flatMap((s, f) => {
    const family = families[f];
    const recipe = s.candidates[s.finalist].recipe;
    const strategy = recipeStrategy(family, recipe, family.name);
    const specsFor = (twin: string, extra: Partial<RunSpec>) => Array.from({ length: heldOut }, (_, r) => ({
      id: `h/${family.name}/${twin}/r${base + r}`, label: family.name, scenario: input, strategy, replicate: base + r, seed, ...extra,
    }));
    const terminal = horizon > 0 ? { terminalCycles: horizon } : {};
    return [
      ...specsFor('real', terminal),
      ...specsFor('ghost', { ...terminal, counterfactual: { ghostAudience: true } }),
      ...specsFor('no-ads', { counterfactual: { noAds: true } }),
    ];
  });
  const out = await book.outputs(finalSpecs, 'held-out replicates');
  const per = 3 * heldOut;
  const finalists = searches.map((s, f) => finalistOf(s, out.slice(f * per, (f + 1) * per), heldOut, horizon, level));
  const real = (f: number) => out.slice(f * per, f * per + heldOut);
  const [baseline, challenger] = [real(0), real(1)];
  const diffs = challenger.map((r, k) => r.accounts[0].cycles.map((c, i) => difference(c.cumulativeNpv, baseline[k].accounts[0].cycles[i].cumulativeNpv)));
  const cycleIntervals = diffs[0].map((_, i) => tInterval(diffs.map((d) => d[i]), level));
  const finalDiff = diffs.map((d) => d[d.length - 1]);
  const withTerminal = horizon > 0 ? challenger.map((r, k) => difference(finalNet(r) + terminalNet(r), finalNet(baseline[k]) + terminalNet(baseline[k]))) : null;
  const spend = finalists.map((f) => f.spendPerCycle);
  if (Math.abs(spend[0] - spend[1]) > 0.02 * Math.max(...spend)) {
    warnings.push(`the finalists do not spend equal budgets (${finalists.map((f) => `${f.family} ${f.spendPerCycle.toFixed(2)}`).join(', ')} per cycle): the comparison is not at equal spend`);
  }
  const result: ContestResult = {
    families: families.map((f) => f.name),
    cycles: resolved.cycles,
    horizon,
    budgetPerCycle: scaledBudget(resolved),
    heldOut,
    seed,
    level,
    searches,
    finalists,
    difference: tInterval(finalDiff, level),
    differenceWithTerminal: withTerminal ? tInterval(withTerminal, level) : null,
    shareAhead: finalDiff.filter((d) => d > 0).length / finalDiff.length,
    crossover: crossover(families[1].name, families[0].name, diffs, cycleIntervals, level),
    runs: searches.reduce((s, x) => s + x.runs, 0) + out.length,
    warnings,
    headline: '',
  };
  const { contestHeadline } = await import('./format.js');
  result.headline = contestHeadline(result);
  return result;
}

/** Replicate indexes of held-out runs start here: far from any training replicate. */
export const HELD_OUT_BASE = 1_000_000;

function finalistOf(s: FamilySearch, runs: RunOutput[], n: number, horizon: number, level: number): Finalist {
  const [real, ghost, noAds] = [runs.slice(0, n), runs.slice(n, 2 * n), runs.slice(2 * n)];
  const paired = (a: RunOutput[], b: RunOutput[], f: (r: RunOutput) => number) => tInterval(a.map((r, k) => difference(f(r), f(b[k]))), level);
  const cycles = real[0].accounts[0].cycles.length;
  return {
    family: s.family,
    recipe: s.candidates[s.finalist].recipe,
    net: tInterval(real.map(finalNet), level),
    audience: paired(real, ghost, finalNet),
    ads: paired(real, noAds, finalNet),
    terminal: horizon > 0 ? tInterval(real.map(terminalNet), level) : null,
    terminalAudience: horizon > 0 ? paired(real, ghost, terminalNet) : null,
    spendPerCycle: real.reduce((t, r) => t + last(r.accounts[0].cycles).cumulativeCost, 0) / n / cycles,
    followers: tInterval(real.map((r) => last(r.accounts[0].cycles).followers), level),
  };
}

/** A run book over the pool: recorded runs are read back, the rest run on `workers` threads. */
async function runBook(o: ContestOptions): Promise<RunBook> {
  const { runAll } = await import('../experiment/pool.js');
  let done = 0;
  return createRunBook({
    recorded: o.recorded,
    filter: o.filter,
    onRun: o.onRun,
    execute: async (specs, stage, onRun) => {
      const out = await runAll(specs, {
        workers: o.workers, modules: o.modules, signal: o.signal,
        onResult: async (run) => {
          await onRun(run);
          o.onProgress?.(++done, stage);
        },
      });
      if (o.signal?.aborted) throw new Error('contest interrupted: finished runs were passed to onRun');
      return out;
    },
  });
}
