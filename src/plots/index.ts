/**
 * `feedsim/plots`: charts of feedsim results as Vega-Lite specs, rendered to SVG without a
 * browser. Each chart function takes a result object and returns a spec; {@link renderSvg}
 * turns a spec into a deterministic SVG string; {@link writePlots} writes a result's charts to a
 * directory (Node).
 * @example
 * ```ts
 * import { compare } from 'feedsim';
 * import { netReturnPlot, renderSvg } from 'feedsim/plots';
 * const r = await compare({ scenario: { users: 2000, cycles: 10 }, strategies: ['like-chasing', 'follow-building'], replicates: 10 });
 * const svg = await renderSvg(netReturnPlot(r));
 * ```
 * @packageDocumentation
 */
export { followersPlot, FOLLOWERS_TITLE } from './followers.js';
export { reachByChannelPlot, REACH_BY_CHANNEL_TITLE } from './reach-by-channel.js';
export { netReturnPlot, netReturnName, hasCrossover, crossoverLabel, NET_RETURN_TITLE, CROSSOVER_LABEL } from './net-return.js';
export { sweepWinMap, variedFactors, SWEEP_WIN_MAP_TITLE } from './sweep-win-map.js';
export type { SweepWinRow, SweepWinMapOptions } from './sweep-win-map.js';
export { validationPlot, validationPointsFromChecks, VALIDATION_TITLE } from './validation.js';
export { popularityPlot } from './popularity.js';
export type { CcdfPoint, PopularitySeries, PopularityPanel, PopularityPlotOptions } from './popularity.js';
export type { ValidationPoint, TheoryCurvePoint, ValidationPlotOptions, CheckLike } from './validation.js';
export { performancePlot, PERFORMANCE_TITLE } from './performance.js';
export type { BenchResults, BenchCaseResult } from './performance.js';
export { resultCharts, isCompareResult } from './charts.js';
export type { Chart } from './charts.js';
export { renderSvg, compileSpec, renumberIds, slug } from './render.js';
export type { RenderOptions, CompiledChart } from './render.js';
export { textWidth, wrapText } from './text-width.js';
export { writePlots, writeChart, writeCharts } from './write.js';
export type { WrittenPlot } from './write.js';
export { CHART_CONFIG, CHART_FONT, CHART_SIZE, MONEY_UNIT, moneyTitle, paletteFor } from './theme.js';
export type { ChartLayout } from './theme.js';
export { replicatesPlot, REPLICATES_TITLE } from './replicates.js';
export { contestSplitPlot, CONTEST_SPLIT_TITLE } from './contest-split.js';
export type { ContestSplitInput } from './contest-split.js';
export { morrisPlot, sobolPlot, sensitivityCharts } from './sensitivity.js';
export { predictiveCheckPlot, posteriorPlot, adviceCurvePlot, adviceChart, fitCharts, PREDICTIVE_TITLE, POSTERIOR_TITLE, ADVICE_CURVE_TITLE } from './fit.js';
export type { ReplicateValue } from './replicates.js';
