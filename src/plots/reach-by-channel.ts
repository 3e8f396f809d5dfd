/**
 * Reach per cycle split by channel, one panel per strategy: where the audience comes from
 * (followers' feeds, recommendations, notifications, paid boosts) and how that shifts over time.
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CompareResult } from '../experiment/compare.js';
import { CHANNEL_NAMES } from '../feed/channel.js';
import { checkCompareResult, cycleAxis, metricSeries } from './series.js';
import { CHART_CONFIG, finiteOrNull, VEGA_LITE_SCHEMA } from './theme.js';

/** Title of {@link reachByChannelPlot}. */
export const REACH_BY_CHANNEL_TITLE = 'Reach per cycle by channel';

/** The total line's legend entry: unique users over all channels. */
const TOTAL = 'all channels (unique)';

/** Channel colours: fixed, distinct from the strategy palette's first two. */
const CHANNEL_COLORS = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#555555'];

/**
 * Reach per cycle by channel: mean unique users reached through each channel, one panel per
 * strategy, with the all-channel unique reach dashed. Channels overlap (a user reached by two
 * channels counts in both), so they are drawn as lines, not stacked.
 * @example
 * ```ts
 * import { reachByChannelPlot, renderSvg } from 'feedsim/plots';
 * const svg = await renderSvg(reachByChannelPlot(compareResult));
 * ```
 */
export function reachByChannelPlot(result: CompareResult): TopLevelSpec {
  const chart = 'reachByChannelPlot';
  checkCompareResult(result, chart);
  const rows: Array<{ strategy: string; cycle: number; channel: string; mean: number | null }> = [];
  for (const strategy of result.strategies) {
    for (const channel of [...CHANNEL_NAMES, TOTAL]) {
      const metric = channel === TOTAL ? 'reach' : `reach.${channel}`;
      metricSeries(result, strategy, metric, chart).forEach((iv, c) => rows.push({ strategy, cycle: c + 1, channel, mean: finiteOrNull(iv?.mean) }));
    }
  }
  const domain = [...CHANNEL_NAMES, TOTAL];
  const panelWidth = result.strategies.length > 2 ? 240 : 300;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: REACH_BY_CHANNEL_TITLE, subtitle: `mean unique users reached per cycle over ${result.replicates} replicates; channels overlap, so they do not add up to the total` },
    config: CHART_CONFIG,
    data: { values: rows },
    facet: { column: { field: 'strategy', type: 'nominal', title: null, sort: [...result.strategies], header: { labelFontWeight: 'bold', labelLimit: panelWidth } } }, // long labels are cut with … rather than run into the next panel's
    spec: {
      width: panelWidth,
      height: 260,
      mark: { type: 'line', point: { size: 22 }, strokeWidth: 2 },
      encoding: {
        x: cycleAxis(result.cycles),
        y: { field: 'mean', type: 'quantitative', title: 'users reached' },
        color: { field: 'channel', type: 'nominal', title: 'channel', scale: { domain, range: CHANNEL_COLORS }, sort: domain, legend: { orient: 'bottom', direction: 'horizontal', symbolType: 'stroke', symbolStrokeWidth: 2 } },
        strokeDash: { field: 'channel', type: 'nominal', scale: { domain, range: [[1, 0], [1, 0], [1, 0], [1, 0], [6, 3]] } },
      },
    },
  } as TopLevelSpec;
}
