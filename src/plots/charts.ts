/**
 * The charts of a result: a comparison's three, a sweep's map. Shared by `writePlots` and the
 * HTML report so both show the same figures under the same names.
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CompareResult } from '../experiment/compare.js';
import type { SweepResult } from '../experiment/sweep.js';
import { followersPlot, FOLLOWERS_TITLE } from './followers.js';
import { netReturnPlot, NET_RETURN_TITLE } from './net-return.js';
import { reachByChannelPlot, REACH_BY_CHANNEL_TITLE } from './reach-by-channel.js';
import { sweepWinMap, SWEEP_WIN_MAP_TITLE, variedFactors } from './sweep-win-map.js';
import type { ChartLayout } from './theme.js';

/** A named chart: file stem, title and Vega-Lite spec. */
export interface Chart {
  /** File stem and element id, e.g. `net-return`. */
  name: string;
  title: string;
  spec: TopLevelSpec;
  /** A sentence under the chart in the HTML report (default: the report's caption for `name`, if any). */
  caption?: string;
}

/** True for a comparison's result (it has per-strategy series), false for a sweep's (it has points). */
export function isCompareResult(result: CompareResult | SweepResult): result is CompareResult {
  return !!result && typeof result === 'object' && 'summary' in result && !('points' in result);
}

/**
 * The charts of a comparison (followers, reach by channel, net return with the crossover) or of
 * a sweep (where each strategy wins), in reading order; `layout.width` lays each out for that
 * overall width (e.g. a page's content width).
 */
export function resultCharts(result: CompareResult | SweepResult, layout: ChartLayout = {}): Chart[] {
  if (isCompareResult(result)) {
    return [
      { name: 'net-return', title: NET_RETURN_TITLE, spec: netReturnPlot(result, layout) },
      { name: 'followers', title: FOLLOWERS_TITLE, spec: followersPlot(result, layout) },
      { name: 'reach-by-channel', title: REACH_BY_CHANNEL_TITLE, spec: reachByChannelPlot(result, layout) },
    ];
  }
  if (result && typeof result === 'object' && Array.isArray((result as SweepResult).points)) {
    const sweepResult = result as SweepResult;
    // More than two varied factors do not fit two axes: one cell per design point, labelled.
    const wide = variedFactors(sweepResult.points.map((p) => p.point)).length > 2;
    const spec = wide
      ? // The whole result with relabelled points: strategies (colours, legend) and Δ labels as in the two-axis map.
        sweepWinMap({ ...sweepResult, points: sweepResult.points.map((p) => ({ ...p, point: { 'design point': `${p.index}: ${Object.entries(p.point).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}` } })) }, layout)
      : sweepWinMap(sweepResult, layout);
    return [{ name: 'sweep-win-map', title: SWEEP_WIN_MAP_TITLE, spec }];
  }
  throw new TypeError(`resultCharts: result has keys ${JSON.stringify(Object.keys(result ?? {}))}; expected a CompareResult (with summary) or a SweepResult (with points)`);
}
