/**
 * The tables and sentences of a fit's report: each parameter's prior and posterior with what the
 * export taught about it (the wording of `feedsim fit`), the posterior predictive check, the
 * sampler's generations, and the advice's answer by cycle and the parameters that move it.
 * @module
 */
import type { Advice } from '../calibrate/advise.js';
import type { FitResult } from '../calibrate/fit.js';
import { learned, markedCycles, outsideRange, simulatedRange } from '../calibrate/format.js';
import { percent } from '../plots/series.js';
import { moneyTitle } from '../plots/theme.js';
import { escapeHtml as esc, interval, num, table } from './format.js';

/** The tables' own CSS: a statistic's description on a line of its own under its name. */
export const FIT_CSS = 'th small { display: block; font-weight: normal; color: #555; max-width: 360px; }';

/** "a", "a and b", "a, b and c". */
const listed = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** Each parameter: prior range, posterior median [90 % interval], posterior-to-prior spread and what that means. */
export function parametersTable(f: FitResult): string {
  const rows = f.parameters.map((p) => [
    esc(p.path), esc(`${num(p.prior.min)} – ${num(p.prior.max)}`), esc(`${num(p.q50)} [${num(p.q05)}, ${num(p.q95)}]`), esc(p.shrinkage.toFixed(2)), esc(learned(p.shrinkage)),
  ]);
  const caption = 'Spread: the posterior\'s standard deviation over the prior\'s, both on the log scale; below 0.5 the export pinned the parameter down, 0.5–0.9 narrowed it, above 0.9 it taught almost nothing (the posterior is about the prior).';
  return table(['parameter', 'prior (log-uniform)', 'posterior median [90 % interval]', 'posterior ÷ prior spread', 'what the export taught'], rows, caption);
}

/** Each statistic: observed, simulated median [90 % range] at posterior draws, and where the observed value lies in them (⚠ outside 90 %). */
export function predictiveTable(f: FitResult): string {
  const rows = f.predictive.map((c) => {
    const q = simulatedRange(c);
    // What the statistic measures goes under its name (FIT_CSS): the row header is the one left-aligned cell.
    return [`${esc(c.statistic)} <small>${esc(c.about)}</small>`, esc(num(c.observed)), esc(`${num(q.q50)} [${num(q.q05)}, ${num(q.q95)}]`), esc(`${c.quantile.toFixed(2)}${outsideRange(c) ? ' ⚠' : ''}`)];
  });
  const draws = f.predictive[0]?.simulated.length ?? 0;
  const caption = `Statistics on their log or logit scale, simulated by ${draws} runs at posterior draws. Observed at quantile: the share of simulated values below the observed one; ⚠ outside 90 % of them, the model at its fitted parameters does not reproduce it.`;
  return table(['statistic', 'observed', 'simulated median [90 % range]', 'observed at quantile'], rows, caption);
}

/** What the export taught, in one sentence: the parameters pinned down, narrowed and not learned. */
export function learnedSentence(f: FitResult): string {
  const groups = ['pinned down', 'narrowed', 'not learned (≈ prior)'].map((word) => f.parameters.filter((p) => learned(p.shrinkage) === word).map((p) => `<b>${esc(p.path)}</b>`));
  const parts = [
    groups[0].length ? `pinned down ${listed(groups[0])}` : '',
    groups[1].length ? `narrowed ${listed(groups[1])}` : '',
    groups[2].length ? `left ${listed(groups[2])} about where the prior had ${groups[2].length === 1 ? 'it' : 'them'}` : '',
  ].filter(Boolean);
  const n = f.parameters.length;
  return `Of ${n} fitted parameter${n === 1 ? '' : 's'}, the export ${listed(parts)}.`;
}

/** The statistics the model does not reproduce, as warnings (none when every observed value lies within 90 % of its simulations). */
export function predictiveWarnings(f: FitResult): string[] {
  return f.predictive.filter(outsideRange).map((c) => `${c.statistic}: the observed value (${num(c.observed)}) lies outside 90 % of the posterior's simulations (at quantile ${c.quantile.toFixed(2)}); the model at its fitted parameters does not reproduce it.`);
}

/** Each generation of the sampler: tolerance, effective sample size, moves accepted, simulations so far. */
export function generationsTable(f: FitResult): string {
  const rows = f.generations.map((g) => [
    esc(String(g.generation)), g.tolerance === null || !Number.isFinite(g.tolerance) ? '∞' : esc(num(g.tolerance)), esc(num(g.ess)),
    g.acceptanceRate === undefined ? '—' : esc(`${Math.round(100 * g.acceptanceRate)} %`), esc(g.simulations.toLocaleString('en-US')),
  ]);
  return table(['generation', 'tolerance', 'effective sample size', 'moves accepted', 'simulations so far'], rows, `Generation 0 is the prior sample. Stopped: ${esc(f.stoppedBecause)}. The posterior is generation ${f.posterior.generation}${f.posterior.generation < f.generations.length - 1 ? ' (the last generation\'s moves were too rarely accepted, so it was not kept)' : ''}.`);
}

/** The advice's answer at the last cycle, P(challenger ahead) at marked cycles, and the parameters that move it. */
export function adviceTables(a: Advice): string {
  const [base, challenger] = a.strategies;
  const level = percent(a.level);
  const answer = table(
    ['measure', esc(moneyTitle(`${challenger} − ${base}`))],
    [
      [esc(`difference at cycle ${a.cycles}: mean [${level} interval]`), esc(interval(a.difference))],
      [esc(`${level} of posterior draws`), esc(`${num(a.spread.lower)} to ${num(a.spread.upper)}`)],
      [esc(`stays ahead in at least half the draws`), esc(a.crossover === null ? `from no cycle up to ${a.cycles}` : `from cycle ${a.crossover} on`)],
    ],
    `Cumulative net return of ${esc(challenger)} less ${esc(base)}, each pair of runs sharing a posterior draw's world and seed, over ${a.draws} draws.`,
  );
  const marks = markedCycles(a.cycles);
  const ahead = table(['cycle', ...marks.map(String)], [[esc(`P(${challenger} ahead)`), ...marks.map((c) => esc(a.aheadByCycle[c - 1].toFixed(2)))]]);
  const drivers = table(
    ['fitted parameter', 'rank correlation with the difference'],
    a.drivers.map((d) => [esc(d.path), esc(d.correlation.toFixed(2))]),
    'How strongly each parameter\'s uncertainty moves the answer: the rank correlation of its value with the difference over the draws.',
  );
  return [ahead, answer, drivers].join('\n');
}
