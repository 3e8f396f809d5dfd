/**
 * The tables of a contest's report: the finalists on the held-out replicates, their difference,
 * their recipes, and each family's search down to every candidate. Every string from the summary
 * (family names, recipe keys and values) is escaped: a crafted summary.json must not inject markup.
 * @module
 */
import type { Candidate, FamilySearch } from '../contest/search.js';
import { percent } from '../plots/series.js';
import { MONEY_UNIT, moneyTitle } from '../plots/theme.js';
import type { ContestSummary } from './contest-summary.js';
import { escapeHtml as esc, interval, num, pct, table } from './format.js';

type Recipe = ContestSummary['finalists'][number]['recipe'];

/** A recipe value as a reader reads it: numbers to 3 decimals, yes/no for switches. */
function recipeValue(v: unknown): string {
  if (v === undefined) return '<i>default</i>';
  if (typeof v === 'number') return esc(String(Math.round(v * 1000) / 1000));
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return esc(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
}

/** What a parameter a recipe leaves out runs as. */
const DEFAULT_NOTE = '<i>default</i>: the recipe leaves the parameter to its strategy kind\'s default.';

/** The parameters of some recipes, in the order they first appear. */
const parameters = (recipes: Recipe[]): string[] => [...new Set(recipes.flatMap((r) => Object.keys(r)))];

/** Each finalist's net return, its causal split, terminal value, followers and spend. */
export function finalistsTable(s: ContestSummary): string {
  const head = [
    'finalist', moneyTitle('net return'), moneyTitle('audience caused'), moneyTitle('ads caused'),
    moneyTitle(`terminal value (${s.horizon} cycles)`), moneyTitle('of it, audience caused'), 'followers', moneyTitle('spend per cycle'),
  ].map(esc);
  const spend = (x: number | null) => `${esc(num(x))} <small>(${esc(pct(typeof x === 'number' ? x / s.budgetPerCycle : null))} of the budget)</small>`;
  const rows = s.finalists.map((f) => [esc(f.family), ...[f.net, f.audience, f.ads, f.terminal, f.terminalAudience, f.followers].map((iv) => esc(interval(iv))), spend(f.spendPerCycle)]);
  const caption = `Mean [${esc(percent(s.level))} interval] over ${esc(String(s.heldOut))} held-out replicates at cycle ${esc(String(s.cycles))} (spend per cycle: the mean). ` +
    'Audience caused: net return less that of a twin run whose follows deliver nothing (a ghost audience); ads caused: less that of a twin that buys no ads; both twins share the run\'s random numbers. ' +
    (s.horizon > 0 ? `Terminal value: net return earned in ${esc(String(s.horizon))} more cycles with no ads — what the account holds at the end.` : 'No horizon was run: no terminal value.');
  return table(head, rows, caption);
}

/** The paired difference, challenger − baseline, with and without terminal values, and the crossover. */
export function differenceTable(s: ContestSummary): string {
  // Challenger (last family) minus baseline (first), as the contest takes its difference.
  const [base, chal] = [s.finalists[0].family, s.finalists[s.finalists.length - 1].family];
  const x = s.crossover;
  const rows = [
    ['final net return', esc(interval(s.difference))],
    [esc(`net return + terminal value (${s.horizon} cycles)`), s.differenceWithTerminal ? esc(interval(s.differenceWithTerminal)) : '— (no horizon)'],
  ];
  const t = table(['measure', esc(moneyTitle(`${chal} − ${base}`))], rows, `Mean [${esc(percent(s.level))} interval] of the paired differences: both finalists ran on the same held-out replicates.`);
  const crossing = [typeof x.kaplanMeierMedian !== 'number' ? '' : `Kaplan–Meier median crossover: cycle ${x.kaplanMeierMedian}.`, typeof x.censoredFraction === 'number' ? `Replicates never crossing: ${pct(x.censoredFraction)}.` : ''];
  const sentences = [`<b>${esc(chal)}</b> ends ahead of <b>${esc(base)}</b> in ${esc(pct(s.shareAhead))} of the ${esc(String(s.heldOut))} held-out replicates.`, esc(x.summary), ...crossing.filter(Boolean).map(esc)];
  return `${t}\n<p>${sentences.join(' ')}</p>`;
}

/** The finalists' recipes side by side, one column per family. */
export function recipesTable(s: ContestSummary): string {
  const recipes = s.finalists.map((f) => f.recipe);
  const rows = parameters(recipes).map((k) => [esc(k), ...recipes.map((r) => recipeValue((r as Record<string, unknown>)[k]))]);
  return table(['parameter', ...s.finalists.map((f) => esc(f.family))], rows, `The finalist recipe of each family: the best of its search at full size. ${DEFAULT_NOTE}`);
}

/** What a search's scale check said. */
function scaleCheck(q: FamilySearch): string {
  if (!q.scaleChecked) return 'none (screened at full size)';
  return q.scaleAgreement === null || typeof q.scaleAgreement !== 'number' ? 'run (too few kept to rank)' : q.scaleAgreement.toFixed(2);
}

/** One row per family: how its search went. */
export function searchesTable(s: ContestSummary): string {
  const head = ['family', 'recipes searched', 'runs', 'kept (best first)', 'finalist', 'scale check: rank correlation', 'repaired (fewer posts a cycle)', 'missed the budget when screened'];
  const rows = s.searches.map((q) => [
    esc(q.family),
    esc(String(q.candidates.length)),
    esc(String(q.runs)),
    esc(q.kept.map((i) => `#${i}`).join(', ')),
    esc(`#${q.finalist}`),
    esc(scaleCheck(q)),
    esc(String(q.repaired ?? '—')),
    esc(String(q.unspent ?? '—')),
  ]);
  const caption = 'Successive halving on training replicates in the screening world, then the kept recipes at full size (the scale check: rank correlation of their screening and full-size scores; negative means the small world misled the search). A recipe that misses its budget by more than 2 % ranks below every recipe that spends it.';
  return table(head, rows, caption);
}

/** Every candidate of a family's search: its recipe, scores and spend, kept ones and the finalist marked. */
export function candidatesTable(q: FamilySearch): string {
  const keys = parameters(q.candidates.map((c) => c.recipe));
  const status = (c: Candidate) => (c.index === q.finalist ? '<b>finalist</b>' : q.kept.includes(c.index) ? '<b>kept</b>' : '');
  const score = (x: number | undefined) => esc(num(x));
  const rows = [...q.candidates]
    .sort((a, b) => a.index - b.index)
    .map((c) => [
      esc(`#${c.index}`),
      status(c),
      score(c.screenScore),
      esc(String(c.screenReplicates ?? '—')),
      esc(pct(c.screenSpend)),
      score(c.fullScore),
      ...keys.map((k) => recipeValue((c.recipe as Record<string, unknown>)[k])),
    ]);
  // Outcome first, recipe after: a wide table scrolls, and the scores should not be what scrolls away.
  const head = ['#', 'status', 'screening score', 'replicates', 'spend ÷ budget', 'full-size score', ...keys.map(esc)];
  const caption = `Score (${esc(MONEY_UNIT)}): mean over the training replicates a candidate ran (more for those that went on) of what the search maximises, in the screening world (its money scaled to its size) and, for kept candidates, at full size. #0 is the family's default recipe. ${DEFAULT_NOTE}`;
  // The caption stays outside the scrolling box, readable while the table scrolls.
  return `<details class="candidates">\n<summary>All ${q.candidates.length} candidates of <b>${esc(q.family)}</b> (kept ones and the finalist marked)</summary>\n<div class="scroll">\n${table(head, rows)}\n</div>\n<p class="caption">${caption}</p>\n</details>`;
}
