/**
 * A family's best recipe by successive halving over a Latin hypercube of recipes (issue 15):
 * every candidate runs a few training replicates, the better half goes on with twice as many,
 * until a few are left; then those few run at full size, where the best is the finalist. Every
 * candidate runs the same replicates (common random numbers), so they are compared on the same
 * worlds, and no held-out replicate is ever used here.
 * @module
 */
import { latinHypercube, recipeStrategy, type StrategyFamily } from '../campaign/families.js';
import type { ScheduleParams } from '../campaign/builtins.js';
import type { RunOutput, RunSpec } from '../experiment/run.js';
import { uniformStream } from '../rng.js';
import type { ScenarioInput } from '../scenario/types.js';
import type { RunBook } from './run-book.js';

/** How a family is searched. */
export interface SearchPlan {
  family: StrategyFamily;
  /** The world candidates are screened in (a smaller copy of the contest's, money scaled alike). */
  screen: ScenarioInput;
  /** The contest's world (the scale check runs there); the same object as `screen` when no smaller world is used. */
  full: ScenarioInput;
  candidates: number;
  /** Training replicates of every candidate in the first round; doubled each round up to `maxReplicates`. */
  firstReplicates: number;
  maxReplicates: number;
  /** Candidates left for the scale check. */
  keep: number;
  /** Training replicates of each kept candidate at full size. */
  checkReplicates: number;
  seed: number;
  /** The score of one run (higher is better). */
  score: (run: RunOutput) => number;
  /**
   * Budget per cycle in the screening and the full-size world. The contest is at equal spend: a
   * recipe whose mean spend per cycle misses its budget by more than 2 % — ads its targeting
   * cannot place, or posts that cost more than the budget — ranks below every recipe that spends it.
   */
  budget: { screen: number; full: number };
  /** Production cost of a post of quality q in the full-size world (recipes are repaired to afford their posts). */
  postCost: (quality: number) => number;
  /** Extra run options (e.g. terminal cycles when the score counts them). */
  runExtras?: Pick<RunSpec, 'terminalCycles'>;
}

/** One candidate recipe and how it fared. */
export interface Candidate {
  index: number;
  recipe: Partial<ScheduleParams>;
  /** Mean training score in the screening world over the replicates it ran, and how many. */
  screenScore: number;
  screenReplicates: number;
  /** Mean spend per cycle ÷ budget in the screening world (1 = spends its budget). */
  screenSpend: number;
  /** Mean training score at full size (kept candidates only, when a smaller world screened). */
  fullScore?: number;
  fullSpend?: number;
}

/** Tolerance of equal spend: mean spend per cycle within 2 % of the budget. */
export const SPEND_TOLERANCE = 0.02;
const spends = (ratio: number) => Math.abs(ratio - 1) <= SPEND_TOLERANCE;

/** What a family's search found. */
export interface FamilySearch {
  family: string;
  candidates: Candidate[];
  /** Kept candidates' indexes, best first by screening. */
  kept: number[];
  /** The finalist's index (best kept candidate at full size). */
  finalist: number;
  /** Spearman correlation of the kept candidates' screening and full-size scores (null without a scale check or with fewer than 3 kept). */
  scaleAgreement: number | null;
  /** Whether a scale check ran (a smaller world screened). */
  scaleChecked: boolean;
  /** Candidates whose cadence was lowered so their posts fit the budget, and those that missed their budget when screened. */
  repaired: number;
  unspent: number;
  runs: number;
}

const label = (family: string, i: number) => `${family}#${i}`;

/** Training run specs of candidate `i` for replicates [from, to). */
function specs(plan: SearchPlan, recipes: Array<Partial<ScheduleParams>>, i: number, from: number, to: number, where: 'screen' | 'full'): RunSpec[] {
  const name = plan.family.name;
  const out: RunSpec[] = [];
  for (let r = from; r < to; r++) {
    out.push({
      id: `${where === 'screen' ? 's' : 'x'}/${name}/c${i}/r${r}`,
      label: label(name, i),
      scenario: where === 'screen' ? plan.screen : plan.full,
      strategy: recipeStrategy(plan.family, recipes[i], label(name, i)),
      replicate: r,
      seed: plan.seed,
      ...plan.runExtras,
    });
  }
  return out;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Runs the search of one family (stages ask the run book for their runs). */
export async function searchFamily(plan: SearchPlan, book: RunBook): Promise<FamilySearch> {
  const name = plan.family.name;
  const drawn = latinHypercube(plan.family, plan.candidates, uniformStream(`contest-lhs:${plan.seed}:${name}`));
  const recipes = drawn.map((r) => affordable(plan, r));
  const repaired = recipes.filter((r, i) => r !== drawn[i]).length;
  const scores: number[][] = recipes.map(() => []);
  const spent: number[][] = recipes.map(() => []);
  let runs = 0;
  let alive = recipes.map((_, i) => i);
  let reps = Math.min(plan.firstReplicates, plan.maxReplicates);
  // Recipes that spend their budget first, then by mean score; ties by index (deterministic).
  const rankBy = (score: (i: number) => number, spend: (i: number) => number) => (ids: number[]) =>
    [...ids].sort((a, b) => Number(spends(spend(b))) - Number(spends(spend(a))) || score(b) - score(a) || a - b);
  const rank = rankBy((i) => mean(scores[i]), (i) => mean(spent[i]));
  for (let round = 1; ; round++) {
    const wanted = alive.flatMap((i) => specs(plan, recipes, i, scores[i].length, reps, 'screen'));
    const out = await book.outputs(wanted, `${name}: screening round ${round}`);
    runs += out.length;
    wanted.forEach((s, k) => {
      const i = Number(/\/c(\d+)\//.exec(s.id)![1]);
      scores[i].push(plan.score(out[k]));
      spent[i].push(spendRatio(out[k], plan.budget.screen));
    });
    if (alive.length <= plan.keep && reps >= plan.maxReplicates) break;
    alive = rank(alive).slice(0, Math.max(plan.keep, Math.ceil(alive.length / 2)));
    reps = Math.min(plan.maxReplicates, 2 * reps);
  }
  const kept = rank(alive);
  const candidates: Candidate[] = recipes.map((recipe, i) => ({
    index: i, recipe, screenScore: mean(scores[i]), screenReplicates: scores[i].length, screenSpend: mean(spent[i]),
  }));
  const unspent = candidates.filter((c) => !spends(c.screenSpend)).length;
  const found = { family: name, candidates, kept, repaired, unspent };
  if (plan.full === plan.screen) return { ...found, finalist: kept[0], scaleAgreement: null, scaleChecked: false, runs };
  const check = kept.flatMap((i) => specs(plan, recipes, i, 0, plan.checkReplicates, 'full'));
  const out = await book.outputs(check, `${name}: scale check`);
  runs += out.length;
  for (const i of kept) {
    const mine = check.flatMap((s, k) => (s.label === label(name, i) ? [out[k]] : []));
    candidates[i].fullScore = mean(mine.map(plan.score));
    candidates[i].fullSpend = mean(mine.map((r) => spendRatio(r, plan.budget.full)));
  }
  const byFull = rankBy((i) => candidates[i].fullScore!, (i) => candidates[i].fullSpend!)(kept);
  const agreement = spearman(kept.map((i) => candidates[i].screenScore), kept.map((i) => candidates[i].fullScore!));
  return { ...found, finalist: byFull[0], scaleAgreement: agreement, scaleChecked: true, runs };
}

/** Mean spend per cycle of a run's first account ÷ the budget (1 when the budget is 0 and nothing is spent). */
function spendRatio(run: RunOutput, budget: number): number {
  const cycles = run.accounts[0].cycles;
  const perCycle = cycles[cycles.length - 1].cumulativeCost / cycles.length;
  return budget > 0 ? perCycle / budget : perCycle === 0 ? 1 : Infinity;
}

/** The recipe with its cadence lowered (to at least 1) until its posts cost no more than the budget. */
function affordable(plan: SearchPlan, recipe: Partial<ScheduleParams>): Partial<ScheduleParams> {
  const posts = recipe.postsPerCycle ?? plan.family.defaults.postsPerCycle;
  const cost = plan.postCost(recipe.quality ?? plan.family.defaults.quality);
  const most = Math.max(1, Math.floor((plan.budget.full + 1e-9) / cost));
  return posts > most ? { ...recipe, postsPerCycle: most } : recipe;
}

/** Spearman rank correlation (no ties expected among means of continuous scores); null below 3 pairs. */
export function spearman(a: number[], b: number[]): number | null {
  const n = a.length;
  if (n < 3) return null;
  const ranks = (xs: number[]) => {
    const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(n);
    order.forEach(([, i], k) => (r[i] = k));
    return r;
  };
  const ra = ranks(a);
  const rb = ranks(b);
  const d2 = ra.reduce((s, r, i) => s + (r - rb[i]) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}
