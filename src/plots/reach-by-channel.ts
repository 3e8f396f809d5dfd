/**
 * Reach per cycle split by channel, one panel per channel with its own scale: where the audience
 * comes from (followers' feeds, recommendations, notifications, paid boosts), how that shifts
 * over time, and how the strategies differ in each.
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CompareResult } from '../experiment/compare.js';
import { CHANNEL_NAMES } from '../feed/channel.js';
import { legendColumns, plotWidth, subtitleFor, tickLabelWidth, yAxisWidth } from './layout.js';
import { checkCompareResult, cycleAxis, metricSeries, strategyColor } from './series.js';
import { CHART_CONFIG, finiteOrNull, VEGA_LITE_SCHEMA, type ChartLayout } from './theme.js';

/** Title of {@link reachByChannelPlot}. */
export const REACH_BY_CHANNEL_TITLE = 'Reach per cycle by channel';

/** The total panel's name: unique users over all channels. */
const TOTAL = 'all channels (unique)';

/** Line dashes per strategy (in the result's order), so lines differ without colour too. */
const DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [1, 3]];
/** Point shapes per strategy, likewise. */
const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down'];

const cycleOf = <T>(xs: readonly T[], n: number): T[] => Array.from({ length: n }, (_, i) => xs[i % xs.length]);

/**
 * Reach per cycle by channel: mean unique users reached through each channel, one small panel per
 * channel (network, recommended, notification, paid, and all channels together), each with its
 * own y scale, so a channel reaching ten users is as readable as paid reach in the hundreds. In
 * each panel, one line per strategy in the strategy's colour, with its own dash and point shape
 * (readable in grey print and by colour-blind readers). Channels overlap (a user reached by two
 * channels counts in both), so they do not add up to the total.
 * @example
 * ```ts
 * import { reachByChannelPlot, renderSvg } from 'feedsim/plots';
 * const svg = await renderSvg(reachByChannelPlot(compareResult));
 * ```
 */
export function reachByChannelPlot(result: CompareResult, layout: ChartLayout = {}): TopLevelSpec {
  const chart = 'reachByChannelPlot';
  checkCompareResult(result, chart);
  const panels = [...CHANNEL_NAMES, TOTAL];
  // `order` is the strategy's index: layers filter on it, not on the label, since Vega fails on a
  // string constant such as "constructor" or "toString" in a filter ("Operator not defined").
  const rows: Array<{ strategy: string; order: number; cycle: number; channel: string; mean: number | null }> = [];
  for (const channel of panels) {
    result.strategies.forEach((strategy, order) => {
      const metric = channel === TOTAL ? 'reach' : `reach.${channel}`;
      metricSeries(result, strategy, metric, chart).forEach((iv, c) => rows.push({ strategy, order, cycle: c + 1, channel, mean: finiteOrNull(iv?.mean) }));
    });
  }
  // Channels that reached nobody get a note rather than an unexplained flat line.
  const empty = panels.filter((ch) => rows.every((r) => r.channel !== ch || !r.mean));
  const n = result.strategies.length;
  const strategies = [...result.strategies];
  const color = strategyColor(strategies);
  const legendWidth = layout.width !== undefined ? layout.width - 16 : Infinity;
  const legend = { ...color.legend, symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 300, columns: legendColumns(strategies, legendWidth) };
  // Panels: three a row on a wide page, two on a narrow one, one on a phone.
  const total = layout.width;
  const columns = total === undefined ? 3 : total >= 900 ? 3 : total >= 540 ? 2 : 1;
  const axis = yAxisWidth(tickLabelWidth(rows.map((r) => r.mean)), false);
  // Each panel's last x label overhangs its right edge by a few pixels.
  const width = total === undefined ? 220 : plotWidth(total, axis + 4, columns, 4, true);
  const height = columns === 1 ? 150 : 160;
  const x = cycleAxis(result.cycles);
  // Head room (below) and flush labels keep marks and labels inside each panel, so every header sits at the same height.
  const y = { field: 'mean', type: 'quantitative' as const, title: null, scale: { zero: true }, axis: { labelFlush: true } };
  const subtitle = `mean unique users reached per cycle over ${result.replicates} replicates; each panel has its own scale; channels overlap, so they do not add up to the total`;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: REACH_BY_CHANNEL_TITLE, subtitle: subtitleFor(subtitle, total) },
    config: CHART_CONFIG,
    data: { values: rows },
    facet: { field: 'channel', type: 'nominal', title: null, sort: panels, header: { labelFontWeight: 'bold', labelFontSize: 12, labelLimit: width } },
    columns,
    spec: {
      width,
      height,
      layer: [
        {
          mark: { type: 'line', strokeWidth: 2 },
          encoding: {
            x,
            y,
            color: { ...color, legend },
            strokeDash: { field: 'strategy', type: 'nominal', title: 'strategy', scale: { domain: strategies, range: cycleOf(DASHES, n) }, legend },
          },
        },
        // Each strategy's points in its own shape (one layer each: the legend shows colour and dash).
        ...strategies.map((_s, i) => ({
          transform: [{ filter: { field: 'order', equal: i } }],
          mark: { type: 'point', shape: SHAPES[i % SHAPES.length], filled: true, size: 36, opacity: 1 },
          encoding: { x, y, color: { ...color, legend } },
        })),
        // Head room on every scale: points stay inside the panel (so every header sits at the same
        // height), and a channel that reached nobody is drawn at the bottom of 0–1, not mid-panel.
        {
          transform: [{ joinaggregate: [{ op: 'max', field: 'mean', as: 'top' }], groupby: ['channel'] }, { calculate: 'max(0.9, 1.08 * datum.top)', as: 'top' }],
          mark: { type: 'rule', opacity: 0 },
          encoding: { y: { field: 'top', type: 'quantitative' } },
        },
        ...(empty.length
          ? [
              {
                transform: [{ filter: { field: 'channel', oneOf: empty } }, { filter: 'datum.cycle === 1 && datum.order === 0' }],
                mark: { type: 'text', align: 'center', baseline: 'middle', fontSize: 11, color: '#555' },
                encoding: { x: { value: width / 2 }, y: { value: height / 2 }, text: { value: 'no users reached through this channel' } },
              },
            ]
          : []),
      ],
    },
    // Every panel has its own y scale, and its own x axis (a panel of a short last row would otherwise lack one).
    resolve: { scale: { y: 'independent' }, axis: { x: 'independent' } },
  } as TopLevelSpec;
}
