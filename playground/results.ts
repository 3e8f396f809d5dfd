/**
 * The results as the page shows them: the verdict (compare's headline) with its warnings beside
 * it, a table of final values, and the charts — cumulative net return and followers with their
 * intervals over replicates, and reach by channel — drawn for the width they have.
 * @module
 */
import type { CompareResult } from '../src/experiment/compare.js';
import { formatHeadline } from '../src/experiment/format.js';
import type { Interval } from '../src/experiment/intervals.js';
import { CHANNEL_NAMES } from '../src/feed/channel.js';
import { MONEY_UNIT, paletteFor } from '../src/plots/theme.js';
import { escapeHtml as escapeXml } from '../src/report/format.js';
import { chartSvg, type ChartSeries } from './chart.js';
import { finalTable, netOf } from './table.js';

/** Where the results go. */
export interface ResultElements {
  verdict: HTMLElement;
  warnings: HTMLElement;
  table: HTMLElement;
  charts: HTMLElement;
}

/** Dash per strategy (in the result's order), so lines differ in grey print too. */
const DASHES = ['', '7 4', '2 3', '9 3 2 3'];

/** The series of one metric, one per strategy. */
function seriesOf(r: CompareResult, metric: string): ChartSeries[] {
  const colors = paletteFor(r.strategies);
  return r.strategies.map((name, i) => ({
    name,
    color: colors[i],
    dash: DASHES[i % DASHES.length],
    points: (r.summary[name][metric] ?? []).map((iv: Interval, c) => ({ x: c + 1, y: iv.mean, lower: iv.lower, upper: iv.upper })),
  }));
}

/** A chart in a figure with its caption. */
function figure(id: string, title: string, svg: string, wide: boolean): string {
  return `<figure class="chart${wide ? ' wide' : ''}" id="${id}" data-title="${escapeXml(title)}"><figcaption>${escapeXml(title)}</figcaption>${svg}</figure>`;
}

/** The legend: each strategy's colour and dash. */
function legend(r: CompareResult): string {
  const colors = paletteFor(r.strategies);
  const items = r.strategies.map(
    (s, i) => `<li><svg width="28" height="10" aria-hidden="true"><line x1="0" x2="28" y1="5" y2="5" stroke="${colors[i]}" stroke-width="3"${DASHES[i] ? ` stroke-dasharray="${DASHES[i]}"` : ''}/></svg>${escapeXml(s)}</li>`,
  );
  return `<ul class="legend" aria-label="strategies">${items.join('')}</ul>`;
}

/** Draws the charts for the container's width. */
export function drawCharts(el: HTMLElement, r: CompareResult): void {
  const width = Math.max(260, Math.floor(el.clientWidth));
  const x = r.replicates > 1 ? `mean and ${Math.round(r.level * 100)} % interval over ${r.replicates} replicates` : 'one replicate';
  const crossover = r.crossovers[0]?.population;
  const { metric, name } = netOf(r);
  const net = chartSvg({
    label: `Cumulative ${name} per strategy by cycle (${x})`, xLabel: 'cycle', yLabel: `cumulative ${name} (${MONEY_UNIT})`,
    series: seriesOf(r, metric), width, height: Math.round(Math.min(340, Math.max(220, width * 0.45))),
    ...(crossover ? { marker: { x: crossover, label: 'crossover' } } : {}),
  });
  const followers = chartSvg({
    label: `Followers per strategy by cycle (${x})`, xLabel: 'cycle', yLabel: 'followers',
    series: seriesOf(r, 'followers'), width, height: Math.round(Math.min(300, Math.max(200, width * 0.38))),
  });
  // Reach panels: three a row on a wide page, two on a tablet, one on a phone.
  const columns = width >= 720 ? 3 : width >= 460 ? 2 : 1;
  const panelWidth = Math.floor((width - 12 * (columns - 1)) / columns);
  const panels = [...CHANNEL_NAMES.map((ch) => [ch, `reach.${ch}`] as const), ['all channels (unique)', 'reach'] as const].map(([name, metric]) =>
    figure(`chart-reach-${metric.replace('.', '-')}`, name, chartSvg({
      label: `Reach through ${name} per strategy by cycle`, xLabel: 'cycle', yLabel: 'users reached',
      series: seriesOf(r, metric), width: panelWidth, height: 190,
    }), false),
  );
  el.innerHTML = [
    legend(r),
    figure('chart-net-return', `Cumulative ${name} (${x})`, net, true),
    figure('chart-followers', `Followers (${x})`, followers, true),
    `<section class="reach" aria-labelledby="reach-title"><h2 id="reach-title">Reach per cycle by channel <span class="sub">(mean unique users; channels overlap, each panel has its own scale)</span></h2><div class="panels" style="grid-template-columns:repeat(${columns},1fr)">${panels.join('')}</div></section>`,
  ].join('');
}

/** Shows a result: final (compare's) or after some replicates. */
export function showResult(el: ResultElements, r: CompareResult, done: number, planned: number): void {
  const lines = formatHeadline(r).split('\n');
  const warnings = lines.filter((l) => l.startsWith('warning: ')).map((l) => l.slice('warning: '.length));
  const verdict = lines.filter((l) => !l.startsWith('warning: '));
  const partial = done < planned ? `<p class="partial">After ${done} of ${planned} replicates — the numbers change as replicates finish.</p>` : '';
  el.verdict.innerHTML = `${partial}${verdict.map((l) => `<p>${escapeXml(l)}</p>`).join('')}`;
  el.warnings.hidden = warnings.length === 0;
  el.warnings.innerHTML = warnings.length ? `<h2>Warnings</h2><ul>${warnings.map((w) => `<li>${escapeXml(w)}</li>`).join('')}</ul>` : '';
  el.table.innerHTML = finalTable(r);
  drawCharts(el.charts, r);
}

/** Empties the result areas at a run's start, so no number of the previous run stays on screen. */
export function clearResults(el: ResultElements, message: string): void {
  el.verdict.innerHTML = `<p class="empty">${escapeXml(message)}</p>`;
  el.warnings.hidden = true;
  el.warnings.innerHTML = '';
  el.table.innerHTML = '';
  el.charts.innerHTML = '';
}
