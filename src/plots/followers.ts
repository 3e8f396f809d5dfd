/**
 * Followers per strategy: the mean follower count at the end of each cycle with its interval.
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CompareResult } from '../experiment/compare.js';
import { bandLayers, intervalRows, percent } from './series.js';
import { CHART_CONFIG, CHART_SIZE, VEGA_LITE_SCHEMA } from './theme.js';

/** Title of {@link followersPlot}. */
export const FOLLOWERS_TITLE = 'Followers per strategy';

/**
 * Cumulative followers per strategy: mean followers at the end of each cycle, with the
 * comparison's confidence band, one colour per strategy.
 * @example
 * ```ts
 * import { compare } from 'feedsim';
 * import { followersPlot, renderSvg } from 'feedsim/plots';
 * const r = await compare({ scenario: { users: 2000, cycles: 10 }, strategies: ['like-chasing', 'follow-building'], replicates: 10 });
 * const svg = await renderSvg(followersPlot(r));
 * ```
 */
export function followersPlot(result: CompareResult): TopLevelSpec {
  const rows = intervalRows(result, 'followers', 'followersPlot');
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: FOLLOWERS_TITLE, subtitle: `mean at the end of each cycle and its ${percent(result.level)} interval over ${result.replicates} replicates` },
    ...CHART_SIZE,
    config: CHART_CONFIG,
    data: { values: rows },
    layer: bandLayers(result.strategies, result.cycles, 'followers', false),
  } as TopLevelSpec;
}
