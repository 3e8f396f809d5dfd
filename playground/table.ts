/**
 * The page's table of final values, and which cumulative money it and the charts show: the one
 * the verdict is on. No DOM: the results put the string into the page, and tests read it.
 * @module
 */
import type { CompareResult } from '../src/experiment/compare.js';
import { isDiscounted, money } from '../src/experiment/format.js';
import type { Interval } from '../src/experiment/intervals.js';
import { MONEY_UNIT } from '../src/plots/theme.js';
import { escapeHtml as escapeXml } from '../src/report/format.js';

/** The cumulative money the verdict is on: discounted (net present value) when the scenario discounts, so table and charts agree with it. */
export function netOf(r: CompareResult): { metric: 'cumulativeNpv' | 'cumulativeNet'; name: string } {
  return isDiscounted(r) ? { metric: 'cumulativeNpv', name: 'net present value' } : { metric: 'cumulativeNet', name: 'net return' };
}

/** Whole units as the verdict prints them; a missing value (one replicate's interval) as a dash. */
const count = (x: number) => (Number.isFinite(x) ? money(x) : '–');
const withInterval = (iv: Interval) => `${count(iv.mean)} <span class="ci">[${count(iv.lower)}, ${count(iv.upper)}]</span>`;

/** The table of final values per strategy, and the paired differences. */
export function finalTable(r: CompareResult): string {
  const last = r.cycles - 1;
  const { metric, name } = netOf(r);
  const pct = Math.round(r.level * 100);
  const rows = r.strategies.map((s) => {
    const m = r.summary[s];
    return `<tr><th scope="row">${escapeXml(s)}</th><td>${withInterval(m[metric][last])}</td><td>${count(m.followers[last].mean)}</td><td>${count(m.reach[last].mean)}</td></tr>`;
  });
  for (const s of r.strategies.slice(1)) {
    const d = r.differences[s];
    rows.push(`<tr class="diff"><th scope="row">${escapeXml(s)} − ${escapeXml(r.strategies[0])}</th><td>${withInterval(d[metric][last])}</td><td>${count(d.followers[last].mean)}</td><td>${count(d.reach[last].mean)}</td></tr>`);
  }
  return `<table><caption>After ${r.cycles} cycles: cumulative ${name} (mean [${pct} % interval], ${MONEY_UNIT}), followers, reach in the last cycle</caption>` +
    `<thead><tr><th scope="col">strategy</th><th scope="col">${name}</th><th scope="col">followers</th><th scope="col">reach</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`;
}
