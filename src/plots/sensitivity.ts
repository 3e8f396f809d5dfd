/**
 * The charts of a sensitivity study: Morris's μ*–σ plane (influence against interaction, each
 * factor labelled, μ*'s interval drawn) and Sobol's first-order and total indices as bars with
 * their intervals.
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SensitivityResult } from '../sensitivity/study.js';
import { subtitleFor } from './layout.js';
import type { Chart } from './charts.js';
import { CHART_CONFIG, CHART_SIZE, VEGA_LITE_SCHEMA, type ChartLayout } from './theme.js';

/** Short name of a factor path: its last two parts (`follow.base`). */
const short = (path: string) => path.split('.').slice(-2).join('.');
const outputTitle = (r: SensitivityResult, output: string) =>
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
  const rows = out.morris.factors.map((f, i) => ({ factor: short(r.factors[i].path), path: r.factors[i].path, muStar: f.muStar.estimate, lower: f.muStar.lower, upper: f.muStar.upper, sigma: f.sigma, rank: f.rank, label: f.rank <= labelled ? short(r.factors[i].path) : '' }));
  const width = layout.width === undefined ? CHART_SIZE.width : Math.max(160, layout.width - 90);
  const x = { type: 'quantitative' as const, title: 'μ* (mean |elementary effect| per full range)' };
  const y = { field: 'sigma', type: 'quantitative' as const, title: 'σ (spread of the effects)' };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: `Which assumptions move ${output}`, subtitle: subtitleFor(`${outputTitle(r, output)}; Morris screening, ${out.morris.trajectories} trajectories, 95 % bootstrap intervals of μ*`, layout.width) },
    width, height: CHART_SIZE.height, config: CHART_CONFIG,
    data: { values: rows },
    layer: [
      { mark: { type: 'rule', opacity: 0.5 }, encoding: { x: { ...x, field: 'lower' }, x2: { field: 'upper' }, y } },
      { mark: { type: 'point', filled: true, size: 50 }, encoding: { x: { ...x, field: 'muStar' }, y, tooltip: [{ field: 'path' }, { field: 'muStar', format: '.3~g' }, { field: 'sigma', format: '.3~g' }, { field: 'rank' }] } },
      { mark: { type: 'text', align: 'left', dx: 6, dy: -6, fontSize: 10 }, encoding: { x: { ...x, field: 'muStar' }, y, text: { field: 'label' } } },
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
  const rows = out.sobol.factors.flatMap((f, i) => [
    { factor: short(r.factors[i].path), index: 'first order', value: f.first.estimate, lower: f.first.lower, upper: f.first.upper, total: f.total.estimate },
    { factor: short(r.factors[i].path), index: 'total', value: f.total.estimate, lower: f.total.lower, upper: f.total.upper, total: f.total.estimate },
  ]);
  const order = out.sobol.factors.map((f, i) => ({ f, name: short(r.factors[i].path) })).sort((a, b) => b.f.total.estimate - a.f.total.estimate).map((a) => a.name);
  const y = { field: 'factor', type: 'nominal' as const, title: null, sort: order };
  const yOffset = { field: 'index', type: 'nominal' as const, sort: ['first order', 'total'] };
  const x = { type: 'quantitative' as const, title: 'share of the output\'s variance', scale: { domain: [0, 1] } };
  const emulator = out.emulator ? `; emulator Q² ${out.emulator.q2.toFixed(2)}${out.emulator.trusted ? '' : ' (not trusted: direct estimates)'}` : '';
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: `Sobol indices of ${output}`, subtitle: subtitleFor(`${outputTitle(r, output)}; 95 % bootstrap intervals${emulator}`, layout.width) },
    width: layout.width === undefined ? CHART_SIZE.width : Math.max(160, layout.width - 160),
    height: { step: 10 },
    config: CHART_CONFIG,
    data: { values: rows },
    layer: [
      { mark: { type: 'bar' }, encoding: { x: { ...x, field: 'value' }, y, yOffset, color: { field: 'index', type: 'nominal', title: null, scale: { range: ['#4c78a8', '#f58518'] } } } },
      { mark: { type: 'rule' }, encoding: { x: { ...x, field: 'lower' }, x2: { field: 'upper' }, y, yOffset } },
    ],
  } as TopLevelSpec;
}

/** The charts of a study: one per output (`morris-difference`, `sobol-crossover`, …). */
export function sensitivityCharts(r: SensitivityResult, layout: ChartLayout = {}): Chart[] {
  return Object.keys(r.outputs).map((output) => {
    const name = `${r.method}-${output.replace(/[^A-Za-z0-9-]+/g, '-')}`;
    return r.method === 'morris'
      ? { name, title: `Morris screening: ${output}`, spec: morrisPlot(r, output, layout) }
      : { name, title: `Sobol indices: ${output}`, spec: sobolPlot(r, output, layout) };
  });
}
