/**
 * Followers per strategy: the mean follower count at the end of each cycle with its interval.
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CompareResult } from '../experiment/compare.js';
import { singleView, subtitleFor } from './layout.js';
import { bandLayers, intervalRows, percent } from './series.js';
import { CHART_CONFIG, VEGA_LITE_SCHEMA, type ChartLayout } from './theme.js';

/** Title of {@link followersPlot}. */
export const FOLLOWERS_TITLE = 'Followers per strategy';

/**
 * Cumulative followers per strategy: mean followers at the end of each cycle, with the
 * comparison's confidence band, one colour per strategy. `layout.width` lays the chart out for
 * that overall width.
 * @example
 * ```ts
 * import { compare } from 'feedsim';
 * import { followersPlot, renderSvg } from 'feedsim/plots';
 * const r = await compare({ scenario: { users: 2000, cycles: 10 }, strategies: ['like-chasing', 'follow-building'], replicates: 10 });
 * const svg = await renderSvg(followersPlot(r));
 * ```
 */
export function followersPlot(result: CompareResult, layout: ChartLayout = {}): TopLevelSpec {
  const rows = intervalRows(result, 'followers', 'followersPlot');
  const { width, height, legendColumns } = singleView(layout.width, rows.flatMap((r) => [r.lower, r.upper, r.mean]), result.strategies, false);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: FOLLOWERS_TITLE, subtitle: subtitleFor(`mean at the end of each cycle and its ${percent(result.level)} interval over ${result.replicates} replicates`, layout.width) },
    width,
    height,
    config: CHART_CONFIG,
    data: { values: rows },
    layer: bandLayers(result.strategies, result.cycles, 'followers', false, legendColumns),
  } as TopLevelSpec;
}
