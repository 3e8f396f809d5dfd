/**
 * A contest's answer in words: one sentence first (issue 15: "state the answer plainly"), any
 * warning beside it, then the recipes found and the causal split of each finalist's return.
 * @module
 */
import type { Interval } from '../experiment/intervals.js';
import type { ContestResult, Finalist } from './contest.js';

// `|| 0`: a value that rounds to zero prints "0", never "-0".
const money = (x: number) => (Math.round(x) || 0).toLocaleString('en');
const ci = (i: Interval) => `${money(i.mean)} [${money(i.lower)}, ${money(i.upper)}]`;
/** "ahead" or "behind" by the interval's mean, or level when the interval spans zero. */
function standing(d: Interval): string {
  if (d.lower > 0) return `${money(d.mean)} ahead [${money(d.lower)}, ${money(d.upper)}] of`;
  if (d.upper < 0) return `${money(-d.mean)} behind [${money(-d.upper)}, ${money(-d.lower)}]`;
  return `level (${ci(d)}, an interval that spans zero) with`;
}

/** The answer in one sentence: best against best at equal spend, and what the audiences are worth. */
export function contestHeadline(r: ContestResult): string {
  const [base, chal] = r.finalists;
  const d = r.difference;
  const parts = [
    `At equal spend of ${money(r.budgetPerCycle)} a cycle, the best ${chal.family} recipe ends ${r.cycles} cycles ${standing(d)} the best ${base.family} recipe (${r.heldOut} held-out replicates, ${Math.round(r.level * 100)} % intervals)`,
    `its audience is worth ${ci(chal.audience)} of its net return, ${base.family}'s ${ci(base.audience)}`,
  ];
  if (r.differenceWithTerminal) parts.push(`counting what each audience earns in ${r.horizon} more cycles without ads, the difference is ${ci(r.differenceWithTerminal)}`);
  return parts.join('; ') + '.';
}

const recipeText = (f: Finalist) =>
  Object.entries(f.recipe)
    .filter(([k]) => k !== 'promote' && k !== 'kind')
    .map(([k, v]) => `${k} ${typeof v === 'number' ? Math.round(v * 1000) / 1000 : v}`)
    .join(', ');

/** The whole contest as text: headline, warnings, the finalists' recipes and causal split, the searches. */
export function formatContest(r: ContestResult): string {
  const lines = [r.headline, ...r.warnings.map((w) => `warning: ${w}`), ''];
  lines.push(`finalist | net return | audience caused | ads caused | terminal value (${r.horizon} cycles) | of it, audience | followers | spend/cycle`);
  for (const f of r.finalists) {
    lines.push(`${f.family} | ${ci(f.net)} | ${ci(f.audience)} | ${ci(f.ads)} | ${f.terminal ? ci(f.terminal) : '–'} | ${f.terminalAudience ? ci(f.terminalAudience) : '–'} | ${ci(f.followers)} | ${f.spendPerCycle.toFixed(2)}`);
  }
  lines.push('', `difference ${r.finalists[1].family} − ${r.finalists[0].family}: ${ci(r.difference)}, ahead in ${Math.round(r.shareAhead * 100)} % of replicates; ${r.crossover.summary}`);
  for (const f of r.finalists) lines.push(`${f.family} recipe: ${recipeText(f)}`);
  for (const s of r.searches) {
    const agree = !s.scaleChecked
      ? 'screened at full size'
      : `full-size check of the kept recipes${s.scaleAgreement === null ? '' : ` (rank correlation with screening ${s.scaleAgreement.toFixed(2)})`}`;
    const fixes = [s.repaired ? `${s.repaired} with fewer posts a cycle to fit the budget` : '', s.unspent ? `${s.unspent} missed their budget by > 2 % when screened` : ''].filter(Boolean).join('; ');
    lines.push(`${s.family}: ${s.candidates.length} recipes searched in ${s.runs} runs${fixes ? ` (${fixes})` : ''}; kept ${s.kept.map((i) => `#${i}`).join(', ')}; finalist #${s.finalist}; ${agree}`);
  }
  return lines.join('\n');
}
