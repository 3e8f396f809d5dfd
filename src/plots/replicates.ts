/**
 * Final net return of every replicate, per strategy: the spread behind the intervals.
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import { PAD, subtitleFor } from './layout.js';
import { strategyColor } from './series.js';
import { textWidth } from './text-width.js';
import { CHART_CONFIG, moneyTitle, VEGA_LITE_SCHEMA, type ChartLayout } from './theme.js';

/** Title of {@link replicatesPlot}. */
export const REPLICATES_TITLE = 'Final net return per replicate';

/** One replicate's final value of a strategy. */
export interface ReplicateValue {
  strategy: string;
  replicate: number;
  value: number;
}

/**
 * Final cumulative net return of each replicate (a tick each) per strategy, in the scenario's
 * currency units, with the strategy's mean as a diamond: how much replicates disagree, and
 * whether a few outliers drive a mean. `layout.width` lays the chart out for that overall width.
 * @example
 * ```ts
 * import { replicatesPlot, renderSvg } from 'feedsim/plots';
 * const svg = await renderSvg(replicatesPlot([{ strategy: 'like-chasing', replicate: 0, value: -12 }]));
 * ```
 */
export function replicatesPlot(values: ReplicateValue[], strategies?: string[], valueName = 'cumulative net return', layout: ChartLayout = {}): TopLevelSpec {
  if (!Array.isArray(values)) throw new TypeError(`replicatesPlot: values is ${JSON.stringify(values)?.slice(0, 80)}; expected a list of { strategy, replicate, value }`);
  const labels = strategies ?? values.map((v) => v.strategy).filter((s, i, all) => all.indexOf(s) === i);
  const rows = values.filter((v) => Number.isFinite(v.value)).map((v) => ({ strategy: v.strategy, replicate: v.replicate, value: v.value }));
  const color = strategyColor(labels);
  // Ordered by the domain, not a sort list (see strategyColor: labels such as `constructor`).
  const y = { field: 'strategy', type: 'nominal' as const, title: null, scale: { domain: labels } };
  const x = { field: 'value', type: 'quantitative' as const, title: moneyTitle(`final ${valueName}`) };
  // Strategy labels left of the plot, the last x label overhanging on the right.
  const width = layout.width === undefined ? 560 : Math.max(120, Math.floor(layout.width - 2 * PAD - Math.max(0, ...labels.map((l) => textWidth(l))) - 7 - 4));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: REPLICATES_TITLE, subtitle: subtitleFor(`one tick per replicate (${rows.length} runs); diamond: the mean`, layout.width) },
    width,
    height: { step: 44 },
    config: CHART_CONFIG,
    data: { values: rows },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#888' }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      { mark: { type: 'tick', thickness: 2, opacity: 0.7 }, encoding: { x, y, color: { ...color, legend: null } } },
      { mark: { type: 'point', shape: 'diamond', filled: true, size: 110, color: '#222' }, encoding: { x: { ...x, aggregate: 'mean' }, y } },
    ],
  } as TopLevelSpec;
}
