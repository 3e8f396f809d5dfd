/**
 * Cumulative net return per strategy with confidence bands, and the crossover marked: the
 * headline chart of a comparison.
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CompareResult } from '../experiment/compare.js';
import type { Crossover } from '../experiment/crossover.js';
import { singleView, subtitleFor } from './layout.js';
import { bandLayers, intervalRows, percent, strategyColor } from './series.js';
import { textWidth, wrapText } from './text-width.js';
import { CHART_CONFIG, moneyTitle, VEGA_LITE_SCHEMA, type ChartLayout } from './theme.js';

/** Title of {@link netReturnPlot}. */
export const NET_RETURN_TITLE = 'Cumulative net return';

/** Prefix of every crossover label in the chart (tests and readers look for it). */
export const CROSSOVER_LABEL = 'crossover';

/** The metric plotted: the one crossovers are computed on (equal to cumulativeNet when undiscounted). */
const METRIC = 'cumulativeNpv';

/**
 * What the plotted metric is called: with `economics.discountRate` > 0 the cumulative net return
 * is discounted (a net present value) and differs from the undiscounted `cumulativeNet`.
 */
export function netReturnName(result: Pick<CompareResult, 'strategies' | 'summary'>): string {
  const discounted = result.strategies.some((l) => {
    const npv = result.summary?.[l]?.cumulativeNpv;
    const net = result.summary?.[l]?.cumulativeNet;
    return Array.isArray(npv) && Array.isArray(net) && npv.some((x, c) => x?.mean !== net[c]?.mean);
  });
  return discounted ? 'cumulative net present value' : 'cumulative net return';
}

/** A crossover worth marking: the challenger's mean paired difference turns positive for good. */
export function hasCrossover(x: Crossover | null | undefined): x is Crossover & { estimate: number } {
  return !!x && typeof x.estimate === 'number' && Number.isFinite(x.estimate);
}

/** The one-line label of a crossover mark. */
export function crossoverLabel(x: Crossover & { estimate: number }): string {
  const when = x.population !== null
    ? `from cycle ${x.estimate} (${percent(x.level ?? 0.95)} interval ${x.earliest ?? x.population}–${x.population})`
    : `from cycle ${x.estimate} (on average; not significant by cycle ${x.cycles})`;
  return `${CROSSOVER_LABEL}: ${x.challenger} overtakes ${x.baseline} ${when}`;
}

/**
 * Cumulative (discounted) net return per strategy, in the scenario's currency units: mean and
 * confidence band per cycle, a break-even line at zero, and each crossover (challenger
 * overtaking the baseline for good) marked by a dashed rule in the challenger's colour with a
 * label, its interval shaded when the crossover is significant. Nothing is marked when no
 * challenger crosses. `layout.width` lays the chart out for that overall width.
 * @example
 * ```ts
 * import { netReturnPlot, renderSvg } from 'feedsim/plots';
 * const svg = await renderSvg(netReturnPlot(compareResult));
 * ```
 */
export function netReturnPlot(result: CompareResult, layout: ChartLayout = {}): TopLevelSpec {
  const rows = intervalRows(result, METRIC, 'netReturnPlot');
  const crossings = (result.crossovers ?? []).filter(hasCrossover);
  // The x domain of cycleAxis: [1, C], or around the only cycle.
  const [lo, hi] = result.cycles <= 1 ? [0.5, 1.5] : [1, result.cycles];
  const { width, height, legendColumns } = singleView(layout.width, rows.flatMap((r) => [r.lower, r.upper, r.mean]), result.strategies);
  let line = 0;
  const marks = crossings.map((x) => {
    const label = crossoverLabel(x);
    // Keep the label inside the plot, on the side of the rule where it fits; on lines of its own when it is wider than half the plot.
    const lines = textWidth(label, 11, 'bold') <= width - 10 ? [label] : wrapText(label, Math.max(width / 2 - 10, 100), 11, 'bold');
    const labelWidth = Math.max(...lines.map((l) => textWidth(l, 11, 'bold')));
    const at = ((x.estimate - lo) / (hi - lo)) * width;
    const [px, align] = at + 5 + labelWidth <= width ? [at + 5, 'left'] : at - 5 - labelWidth >= 0 ? [at - 5, 'right'] : [Math.max(0, width - labelWidth), 'left'];
    const y = 4 + 15 * line;
    line += lines.length;
    return {
      strategy: x.challenger,
      cycle: x.estimate,
      from: x.population !== null ? (x.earliest ?? x.population) : null,
      to: x.population,
      label: lines.join('\n'),
      px,
      align,
      y,
    };
  });
  const color = strategyColor(result.strategies, 'strategy', legendColumns);
  const x = { field: 'cycle', type: 'quantitative' as const };
  const layers: unknown[] = [
    ...bandLayers(result.strategies, result.cycles, moneyTitle(netReturnName(result)), true, legendColumns),
    { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#888', strokeWidth: 1 }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
  ];
  if (marks.length) {
    layers.push(
      { data: { values: marks.filter((m) => m.from !== null) }, mark: { type: 'rect', opacity: 0.12 }, encoding: { x: { field: 'from', type: 'quantitative' }, x2: { field: 'to' }, color } },
      { data: { values: marks }, mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 2 }, encoding: { x, color } },
      ...marks.map((m) => ({
        data: { values: [m] },
        mark: { type: 'text', align: m.align, baseline: 'top', fontSize: 11, fontWeight: 'bold', lineBreak: '\n', lineHeight: 15 },
        encoding: { x: { value: m.px }, y: { value: m.y }, text: { field: 'label' }, color },
      })),
    );
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: NET_RETURN_TITLE,
      subtitle: subtitleFor(`mean per cycle and its ${percent(result.level)} interval over ${result.replicates} replicates${crossings.length ? '' : '; no crossover'}`, layout.width),
    },
    width,
    height,
    config: CHART_CONFIG,
    data: { values: rows },
    layer: layers,
  } as TopLevelSpec;
}
