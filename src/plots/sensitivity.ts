/**
 * The charts of a sensitivity study: Morris's μ*–σ plane (influence against interaction, each
 * factor labelled, μ*'s interval drawn) and Sobol's first-order and total indices as bars with
 * their intervals.
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SensitivityResult } from '../sensitivity/study.js';
import { plotWidth, subtitleFor, tickLabelWidth, yAxisWidth } from './layout.js';
import { textWidth } from './text-width.js';
import type { Chart } from './charts.js';
import { CHART_CONFIG, CHART_SIZE, titleText, VEGA_LITE_SCHEMA, type ChartLayout } from './theme.js';

/** Short name of a factor path: its last two parts (`follow.base`). */
const short = (path: string) => path.split('.').slice(-2).join('.');
/** What an output of a study is: `follow-building − like-chasing, net return at cycle 30`. */
export const outputTitle = (r: Pick<SensitivityResult, 'strategies' | 'cycle'>, output: string): string =>
  output === 'difference' ? `${r.strategies[1]} − ${r.strategies[0]}, net return at cycle ${r.cycle}` : output === 'crossover' ? `P(${r.strategies[1]} ahead for good by cycle ${r.cycle})` : `${output} at cycle ${r.cycle}`;

/**
 * Morris μ* (x, with its bootstrap interval) against σ (y) for one output: far right = influential,
 * high = interacting or non-linear. The `labelled` most influential factors are named.
 * @example
 * ```ts
 * import { sensitivity } from 'feedsim';
 * import { morrisPlot, renderSvg } from 'feedsim/plots';
 * const r = await sensitivity({ scenario: { users: 800, cycles: 3 }, factors: ['market.buyers', 'behavior.follow.base'], trajectories: 3 });
 * const svg = await renderSvg(morrisPlot(r, 'difference'));
 * ```
 */
export function morrisPlot(r: SensitivityResult, output = 'difference', layout: ChartLayout & { labelled?: number } = {}): TopLevelSpec {
  const out = r.outputs[output];
  if (!out || out.method !== 'morris') throw new TypeError(`morrisPlot: the result has no Morris indices for output ${JSON.stringify(output)} (outputs: ${Object.keys(r.outputs).join(', ')})`);
  const labelled = layout.labelled ?? 10;
  // Labels of points in the right part of the plot go left of them, so no label runs past the plot.
  const right = 0.6 * Math.max(0, ...out.morris.factors.map((f) => f.muStar.upper));
  const rows = out.morris.factors.map((f, i) => ({
    factor: short(r.factors[i].path), path: r.factors[i].path, muStar: f.muStar.estimate, lower: f.muStar.lower, upper: f.muStar.upper, sigma: f.sigma, rank: f.rank,
    // Factors with no effect all sit at the origin: unlabelled there (the report's table lists them).
    label: f.rank <= labelled && f.muStar.estimate > 0 ? short(r.factors[i].path) : '', side: right > 0 && f.muStar.estimate > right ? 'left' : 'right',
  }));
  const width = layout.width === undefined ? CHART_SIZE.width : plotWidth(layout.width, yAxisWidth(tickLabelWidth(rows.map((d) => d.sigma))), 1, 12);
  // About one tick label per 80 px, so labels never run into each other.
  const x = { type: 'quantitative' as const, title: 'μ* (mean |elementary effect| per full range)', axis: { tickCount: Math.max(2, Math.round(width / 80)) } };
  const y = { field: 'sigma', type: 'quantitative' as const, title: 'σ (spread of the effects)' };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: `Which assumptions move ${output}`, subtitle: subtitleFor(`${outputTitle(r, output)}; Morris screening, ${out.morris.trajectories} trajectories, 95 % bootstrap intervals of μ*`, layout.width) },
    width, height: CHART_SIZE.height, config: CHART_CONFIG,
    data: { values: rows },
    layer: [
      { mark: { type: 'rule', color: '#9ecae9', strokeWidth: 3 }, encoding: { x: { ...x, field: 'lower' }, x2: { field: 'upper' }, y } },
      { mark: { type: 'point', filled: true, size: 60, color: '#4c78a8', opacity: 1 }, encoding: { x: { ...x, field: 'muStar' }, y, tooltip: [{ field: 'path' }, { field: 'muStar', format: '.3~g' }, { field: 'sigma', format: '.3~g' }, { field: 'rank' }] } },
      ...(['right', 'left'] as const).map((side) => ({
        transform: [{ filter: `datum.side === '${side}'` }],
        mark: { type: 'text', align: side === 'right' ? 'left' : 'right', dx: side === 'right' ? 6 : -6, dy: -6, fontSize: 10 },
        encoding: { x: { ...x, field: 'muStar' }, y, text: { field: 'label' } },
      })),
    ],
  } as TopLevelSpec;
}

/**
 * Sobol first-order and total indices of one output, a bar per factor and index with its
 * interval, factors by total index.
 * @example
 * ```ts
 * import { sobolPlot, renderSvg } from 'feedsim/plots';
 * const svg = await renderSvg(sobolPlot(sobolStudyResult, 'difference'));
 * ```
 */
export function sobolPlot(r: SensitivityResult, output = 'difference', layout: ChartLayout = {}): TopLevelSpec {
  const out = r.outputs[output];
  if (!out || out.method !== 'sobol') throw new TypeError(`sobolPlot: the result has no Sobol indices for output ${JSON.stringify(output)} (outputs: ${Object.keys(r.outputs).join(', ')})`);
  // An index is NaN (null once written as JSON) when the output is constant: no bar, no interval.
  const finite = (v: number | null) => typeof v === 'number' && Number.isFinite(v);
  const rows = out.sobol.factors
    .flatMap((f, i) => [
      { factor: short(r.factors[i].path), index: 'first order', value: f.first.estimate, lower: f.first.lower, upper: f.first.upper, total: f.total.estimate },
      { factor: short(r.factors[i].path), index: 'total', value: f.total.estimate, lower: f.total.lower, upper: f.total.upper, total: f.total.estimate },
    ])
    .filter((row) => finite(row.value));
  const totalOf = (f: { total: { estimate: number } }) => (finite(f.total.estimate) ? f.total.estimate : -Infinity);
  const order = out.sobol.factors.map((f, i) => ({ f, i, name: short(r.factors[i].path) })).sort((a, b) => totalOf(b.f) - totalOf(a.f) || a.i - b.i).map((a) => a.name);
  // Every factor keeps its row; the axis spans 0–1 and any estimate outside it (few design points).
  const ends = rows.flatMap((row) => [row.value, row.lower, row.upper]).filter(finite);
  const y = { field: 'factor', type: 'nominal' as const, title: null, scale: { domain: order } };
  const yOffset = { field: 'index', type: 'nominal' as const, sort: ['first order', 'total'] };
  const x = { type: 'quantitative' as const, title: 'share of the output\'s variance', scale: { domain: [Math.min(0, ...ends), Math.max(1, ...ends)] } };
  // Q² is NaN (null once written as JSON) when the output is constant and no emulator was fitted.
  const q2 = out.emulator?.q2;
  const emulator = !out.emulator || !finite(q2 ?? null) ? '' : `; emulator Q² ${q2!.toFixed(2)}${out.emulator.trusted ? '' : ' (not trusted: direct estimates)'}`;
  const constant = out.sobol.constant ? '; the same at every design point: no variance to apportion' : '';
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: `Sobol indices of ${output}`, subtitle: subtitleFor(`${outputTitle(r, output)}; 95 % bootstrap intervals${emulator}${constant}`, layout.width) },
    // Legend below, so the plot takes the width less the factors' labels (and the last tick label's overhang).
    width: layout.width === undefined ? CHART_SIZE.width : plotWidth(layout.width, yAxisWidth(Math.max(...order.map((f) => textWidth(f, 11))), false), 1, 12),
    height: { step: 10 },
    config: CHART_CONFIG,
    data: { values: rows },
    layer: [
      { mark: { type: 'bar' }, encoding: { x: { ...x, field: 'value' }, y, yOffset, color: { field: 'index', type: 'nominal', title: null, scale: { domain: ['first order', 'total'], range: ['#4c78a8', '#f58518'] }, legend: { orient: 'bottom' } } } },
      { transform: [{ filter: 'isFinite(datum.lower) && isFinite(datum.upper)' }], mark: { type: 'rule' }, encoding: { x: { ...x, field: 'lower' }, x2: { field: 'upper' }, y, yOffset } },
    ],
  } as TopLevelSpec;
}

/** The charts of a study: one per output (`morris-difference`, `sobol-crossover`, …), titled as drawn. */
export function sensitivityCharts(r: SensitivityResult, layout: ChartLayout = {}): Chart[] {
  return Object.keys(r.outputs).map((output) => {
    const name = `${r.method}-${output.replace(/[^A-Za-z0-9-]+/g, '-')}`;
    const spec = r.method === 'morris' ? morrisPlot(r, output, layout) : sobolPlot(r, output, layout);
    return { name, title: titleText(spec.title), spec };
  });
}
