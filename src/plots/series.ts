/**
 * Shared pieces of the per-cycle comparison charts: interval series as plot rows, the strategy
 * colour scale, and the "mean line over an interval band" layers.
 * @module
 */
import type { CompareResult } from '../experiment/compare.js';
import type { Interval } from '../experiment/intervals.js';
import { finiteOrNull, paletteFor } from './theme.js';

/** One plotted point of a per-cycle interval series. */
export interface SeriesRow {
  strategy: string;
  cycle: number;
  mean: number | null;
  lower: number | null;
  upper: number | null;
}

/** The interval series of `metric` for strategy `label`, checked, with a clear error when absent. */
export function metricSeries(result: CompareResult, label: string, metric: string, chart: string): Interval[] {
  const series = result?.summary?.[label]?.[metric];
  if (!Array.isArray(series)) {
    throw new TypeError(
      `${chart}: compareResult.summary[${JSON.stringify(label)}].${metric} is ${series === undefined ? 'missing' : JSON.stringify(series)}; expected the per-cycle intervals of a CompareResult from compare()`,
    );
  }
  return series;
}

/** Checks that `result` looks like a CompareResult (strategies and summary). */
export function checkCompareResult(result: CompareResult, chart: string): void {
  if (!result || !Array.isArray(result.strategies) || result.strategies.length === 0) {
    throw new TypeError(`${chart}: compareResult.strategies is ${JSON.stringify(result?.strategies)}; expected a non-empty list of strategy labels (a CompareResult from compare())`);
  }
  if (!result.summary || typeof result.summary !== 'object') {
    throw new TypeError(`${chart}: compareResult.summary is ${JSON.stringify(result.summary)}; expected per-strategy metric series (a CompareResult from compare())`);
  }
}

/** Rows (strategy, cycle, mean, lower, upper) of one metric for every strategy. */
export function intervalRows(result: CompareResult, metric: string, chart: string): SeriesRow[] {
  checkCompareResult(result, chart);
  const rows: SeriesRow[] = [];
  for (const strategy of result.strategies) {
    metricSeries(result, strategy, metric, chart).forEach((iv, c) => {
      rows.push({ strategy, cycle: c + 1, mean: finiteOrNull(iv?.mean), lower: finiteOrNull(iv?.lower), upper: finiteOrNull(iv?.upper) });
    });
  }
  return rows;
}

/**
 * The colour encoding of strategies: fixed colours in the result's order; a bottom legend in
 * `columns` columns (default: one row). The scale's domain gives the order, and no `sort` list
 * is given: Vega-Lite turns one into a lookup object in which labels such as `constructor` or
 * `toString` find Object's own properties, and the chart failed ("Operator not defined").
 */
export function strategyColor(strategies: readonly string[], title = 'strategy', columns?: number) {
  return {
    field: 'strategy',
    type: 'nominal' as const,
    title,
    scale: { domain: [...strategies], range: paletteFor(strategies) },
    legend: { orient: 'bottom' as const, direction: 'horizontal' as const, symbolOpacity: 1, ...(columns !== undefined ? { columns } : {}) },
  };
}

/**
 * An x encoding of whole cycles 1 … C. Up to 12 cycles the ticks are listed (Vega would put
 * half-step ticks on a short span and round their labels to repeats: 1 2 2 3 3); one cycle
 * gets a domain around it rather than an empty cycle 2.
 */
export function cycleAxis(cycles: number) {
  const few = cycles <= 12;
  return {
    field: 'cycle',
    type: 'quantitative' as const,
    title: 'cycle',
    scale: { domain: cycles <= 1 ? [0.5, 1.5] : [1, cycles], nice: false },
    axis: { tickMinStep: 1, format: 'd', ...(few ? { values: Array.from({ length: Math.max(cycles, 1) }, (_, i) => i + 1) } : {}) },
  };
}

/** A share as a whole percentage ("95 %" for 0.95). */
export function percent(level: number): string {
  return `${Math.round(level * 1000) / 10} %`;
}

/** Layers drawing each strategy's mean as a line with points over its interval as a band (legend in `legendColumns` columns). */
export function bandLayers(strategies: readonly string[], cycles: number, yTitle: string, zero = true, legendColumns?: number) {
  const color = strategyColor(strategies, 'strategy', legendColumns);
  const x = cycleAxis(cycles);
  return [
    {
      mark: { type: 'area' as const, opacity: 0.18 },
      encoding: { x, y: { field: 'lower', type: 'quantitative' as const, title: yTitle, scale: { zero } }, y2: { field: 'upper' }, color },
    },
    {
      mark: { type: 'line' as const, point: { size: 28 }, strokeWidth: 2 },
      encoding: { x, y: { field: 'mean', type: 'quantitative' as const, title: yTitle, scale: { zero } }, color },
    },
    // A band over a single cycle has no width: draw its interval as a bar.
    ...(cycles <= 1 ? [{ mark: { type: 'rule' as const, strokeWidth: 3, opacity: 0.5 }, encoding: { x, y: { field: 'lower', type: 'quantitative' as const, title: yTitle, scale: { zero } }, y2: { field: 'upper' }, color } }] : []),
  ];
}
