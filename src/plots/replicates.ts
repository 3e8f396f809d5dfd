/**
 * Final net return of every replicate, per strategy: the spread behind the intervals.
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import { strategyColor } from './series.js';
import { CHART_CONFIG, VEGA_LITE_SCHEMA } from './theme.js';

/** Title of {@link replicatesPlot}. */
export const REPLICATES_TITLE = 'Final net return per replicate';

/** One replicate's final value of a strategy. */
export interface ReplicateValue {
  strategy: string;
  replicate: number;
  value: number;
}

/**
 * Final cumulative net return of each replicate (a tick each) per strategy, with the strategy's
 * mean as a diamond: how much replicates disagree, and whether a few outliers drive a mean.
 * @example
 * ```ts
 * import { replicatesPlot, renderSvg } from 'feedsim/plots';
 * const svg = await renderSvg(replicatesPlot([{ strategy: 'like-chasing', replicate: 0, value: -12 }]));
 * ```
 */
export function replicatesPlot(values: ReplicateValue[], strategies?: string[], valueName = 'cumulative net return'): TopLevelSpec {
  if (!Array.isArray(values)) throw new TypeError(`replicatesPlot: values is ${JSON.stringify(values)?.slice(0, 80)}; expected a list of { strategy, replicate, value }`);
  const labels = strategies ?? values.map((v) => v.strategy).filter((s, i, all) => all.indexOf(s) === i);
  const rows = values.filter((v) => Number.isFinite(v.value)).map((v) => ({ strategy: v.strategy, replicate: v.replicate, value: v.value }));
  const color = strategyColor(labels);
  const y = { field: 'strategy', type: 'nominal' as const, title: null, sort: labels, scale: { domain: labels } };
  const x = { field: 'value', type: 'quantitative' as const, title: `final ${valueName}` };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: REPLICATES_TITLE, subtitle: `one tick per replicate (${rows.length} runs); diamond: the mean` },
    width: 560,
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
