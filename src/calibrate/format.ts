/**
 * A fit as the tables `feedsim fit` prints: each parameter's prior and posterior with what the
 * export taught about it, and the posterior predictive check of each statistic. The wording and
 * the ranges are shared with the fit's plots and report, so the three always agree.
 * @module
 */
import type { FitResult, PredictiveCheck } from './fit.js';

const num = (x: number) => (Math.abs(x) >= 0.01 || x === 0 ? Number(x.toPrecision(3)).toString() : x.toExponential(2));

/** How much an export pinned a parameter down, from its posterior-to-prior spread (log scale). */
export function learned(shrinkage: number): string {
  return shrinkage < 0.5 ? 'pinned down' : shrinkage < 0.9 ? 'narrowed' : 'not learned (≈ prior)';
}

/** The nearest-rank `p`-quantile of values sorted ascending (a value that occurred: no interpolation). */
export function nearestRank(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))];
}

/** The median and 90 % range of a statistic's simulated values at posterior draws. */
export function simulatedRange(c: Pick<PredictiveCheck, 'simulated'>): { q05: number; q50: number; q95: number } {
  const s = [...c.simulated].sort((a, b) => a - b);
  return { q05: nearestRank(s, 0.05), q50: nearestRank(s, 0.5), q95: nearestRank(s, 0.95) };
}

/** True when the observed value lies outside 90 % of the simulations: the model does not reproduce it. */
export function outsideRange(c: Pick<PredictiveCheck, 'quantile'>): boolean {
  return c.quantile < 0.05 || c.quantile > 0.95;
}

/** Cycles an advice's table shows: the first, the quarters and the last, each once. */
export function markedCycles(cycles: number): number[] {
  return [1, Math.ceil(cycles / 4), Math.ceil(cycles / 2), Math.ceil((3 * cycles) / 4), cycles].filter((c, i, all) => all.indexOf(c) === i);
}

/** The fit's tables and notes, as Markdown. */
export function formatFit(r: FitResult): string {
  const lines = [
    `## Posterior (${r.posterior.particles.length} particles, effective sample size ${Math.round(r.posterior.ess)}, ${r.posterior.distinct} distinct, ${r.simulations.toLocaleString('en-US')} simulations; stopped: ${r.stoppedBecause}${r.posterior.generation < r.generations.length - 1 ? `, the posterior is generation ${r.posterior.generation}` : ''})`,
    '',
    '| parameter | prior (log-uniform) | posterior median [90 % interval] | posterior ÷ prior spread | |',
    '|---|---|---|---:|---|',
    ...r.parameters.map((p) => `| ${p.path} | ${num(p.prior.min)} – ${num(p.prior.max)} | ${num(p.q50)} [${num(p.q05)}, ${num(p.q95)}] | ${p.shrinkage.toFixed(2)} | ${learned(p.shrinkage)} |`),
    '',
    '## Posterior predictive check (statistics on their log or logit scale)',
    '',
    '| statistic | observed | simulated median [90 % range] | observed at quantile |',
    '|---|---:|---|---:|',
    ...r.predictive.map((c) => {
      const q = simulatedRange(c);
      const flag = outsideRange(c) ? ' ⚠' : '';
      return `| ${c.statistic} | ${num(c.observed)} | ${num(q.q50)} [${num(q.q05)}, ${num(q.q95)}] | ${c.quantile.toFixed(2)}${flag} |`;
    }),
  ];
  if (r.predictive.some(outsideRange)) lines.push('', '⚠ the observed value lies outside 90 % of the posterior\'s simulations: the model, at any fitted parameters, does not reproduce it well.');
  if (r.notes.length) lines.push('', 'Notes:', ...r.notes.map((n) => `- ${n}`));
  return lines.join('\n');
}
