/**
 * Plain-text tables of experiment results, as printed by `npm start` and the CLI.
 * @module
 */
import type { CompareResult } from './compare.js';
import type { SweepResult } from './sweep.js';
import { tied } from './ties.js';

const pad = (x: string | number, n: number) => String(x).padStart(n);
/** Whole units, rounded before the sign is chosen: −0.3 and −7e-15 print as 0, not −0. */
export const money = (x: number) => {
  const r = Math.round(x);
  return (r < 0 ? '-' : '') + Math.abs(r).toFixed(0);
};

/**
 * Whether a comparison's money is discounted: its verdict is on `cumulativeNpv`, which equals
 * `cumulativeNet` unless `economics.discountRate` > 0, so a table or chart beside the verdict
 * shows the discounted value exactly when this is true.
 */
export function isDiscounted(r: CompareResult): boolean {
  // Undiscounted, the two are the same sums taken in another order: equal to rounding, not bit for bit.
  return r.strategies.some((s) => r.summary[s].cumulativeNpv.some((x, c) => !tied(x.mean, r.summary[s].cumulativeNet[c].mean)));
}

/**
 * The headline of a comparison: each strategy's final cumulative net return, the verdict (the
 * crossover sentences), what each spent, and every warning — together, before any table, since
 * a warning (unequal spend, a capped setting) changes how the verdict reads.
 */
export function formatHeadline(r: CompareResult): string {
  const pct = Math.round(r.level * 100);
  const last = r.cycles - 1;
  const lines: string[] = [];
  if (r.cycles > 0) {
    const discounted = isDiscounted(r);
    const finals = r.strategies.map((s) => {
      const net = r.summary[s].cumulativeNpv[last];
      return `${s} ${money(net.mean)} [${money(net.lower)}, ${money(net.upper)}]`;
    });
    lines.push(`${discounted ? 'Cumulative net present value' : 'Cumulative net return'} after ${r.cycles} cycles (mean [${pct}% CI]): ${finals.join('; ')}.`);
  }
  lines.push(...r.crossovers.map((x) => x.summary));
  lines.push(`Spend per cycle: ${r.strategies.map((s) => `${s} ${r.spendPerCycle[s].toFixed(1)}`).join(', ')}.`);
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}

/**
 * The headline ({@link formatHeadline}: final net returns, verdict, spend and every warning),
 * then a per-cycle table of mean followers, reach and cumulative net return [interval] per strategy.
 */
export function formatComparison(r: CompareResult): string {
  const pct = Math.round(r.level * 100);
  const lines = [
    formatHeadline(r),
    '',
    `${pad('', 5)} | ${r.strategies.map((s) => s.padEnd(42)).join(' | ')}`,
    `${pad('cycle', 5)} | ${r.strategies.map(() => `${pad('followers', 9)} ${pad('reach', 7)} ${pad(`cum. net [${pct}% CI]`, 24)}`).join(' | ')}`,
  ];
  for (let c = 0; c < r.cycles; c++) {
    const cells = r.strategies.map((s) => {
      const m = r.summary[s];
      const net = m.cumulativeNet[c];
      return `${pad(m.followers[c].mean.toFixed(0), 9)} ${pad(m.reach[c].mean.toFixed(0), 7)} ${pad(`${money(net.mean)} [${money(net.lower)}, ${money(net.upper)}]`, 24)}`;
    });
    lines.push(`${pad(c + 1, 5)} | ${cells.join(' | ')}`);
  }
  return lines.join('\n');
}

/** One line per design point: its values, each strategy's final net return and the winner. */
export function formatSweep(r: SweepResult): string {
  const lines = [`${pad('point', 5)} | ${r.strategies.map((s) => pad(s, 22)).join(' | ')} | winner     | values`];
  for (const p of r.points) {
    const finals = r.strategies.map((s) => pad(`${money(p.final[s].mean)} ±${money(p.final[s].upper - p.final[s].mean)}`, 22));
    lines.push(`${pad(p.index, 5)} | ${finals.join(' | ')} | ${p.winner.padEnd(10)} | ${JSON.stringify(p.point)}`);
  }
  return lines.join('\n');
}
