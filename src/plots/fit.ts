/**
 * The charts of a calibration: the posterior predictive check (each statistic's observed value
 * among its simulations at posterior draws), each fitted parameter's posterior over its prior
 * range, and the advice's P(challenger ahead) by cycle.
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Advice } from '../calibrate/advise.js';
import type { FitResult } from '../calibrate/fit.js';
import { outsideRange, simulatedRange } from '../calibrate/format.js';
import type { Chart } from './charts.js';
import { plotWidth, singleView, subtitleFor, tickLabelWidth, yAxisWidth } from './layout.js';
import { cycleAxis } from './series.js';
import { CHART_CONFIG, paletteFor, VEGA_LITE_SCHEMA, type ChartLayout } from './theme.js';

/** Title of {@link predictiveCheckPlot}. */
export const PREDICTIVE_TITLE = 'Observed vs simulated at posterior draws';
/** Title of {@link posteriorPlot}. */
export const POSTERIOR_TITLE = "Each parameter's posterior over its prior range";
/** Title of {@link adviceCurvePlot}. */
export const ADVICE_CURVE_TITLE = 'P(challenger ahead) by cycle';

/** Bins of a posterior histogram, equal on the log scale across the prior range. */
const BINS = 20;
const BLUE = '#4c78a8';
const RED = '#e45756';

/** Subtitles of charts at their own size wrap as if the chart were this wide. */
const DEFAULT_TOTAL = 600;
/** Panels a row: three on a wide page, two on a narrow one, one on a phone (two at the default size). */
const columnsFor = (total: number | undefined) => (total === undefined ? 2 : total >= 900 ? 3 : total >= 540 ? 2 : 1);
/** A facet's header: bold panel names, never cut short. */
const header = (width: number) => ({ labelFontWeight: 'bold', labelFontSize: 12, labelLimit: width, labelAlign: 'left', labelAnchor: 'start' });
/**
 * Panels in the data's order. Sorted by an index field, not by a list of labels: Vega-Lite turns a
 * sort list into a lookup object, in which a label such as `constructor` finds Object's own
 * properties and the chart fails.
 */
const inOrder = { field: 'order', op: 'min' } as const;
/** A layer's filter to the rows of one kind (the charts' data holds every layer's rows, tagged). */
const only = (kind: string) => [{ filter: { field: 'kind', equal: kind } }];

/**
 * The posterior predictive check: one panel per statistic, each on its own x axis, with the
 * statistic's simulated values at posterior draws as ticks, their 90 % range as a band (median as
 * a line) and the observed value as a red diamond. A panel whose observed value lies outside the
 * band says so in its header (the model does not reproduce that part of the export).
 *
 * Why panels with their own scales rather than one axis of standardised values: a statistic that
 * every draw simulates alike (no follower growth in a short export) has no spread to divide by,
 * and each panel's values stay the numbers of the fit's table (log or logit scale).
 * @example
 * ```ts
 * import { fit, syntheticExport } from 'feedsim';
 * import { predictiveCheckPlot, renderSvg } from 'feedsim/plots';
 * const { export: data } = syntheticExport({ posts: 8, days: 4, users: 300, followers: 15 });
 * const svg = await renderSvg(predictiveCheckPlot(await fit({ export: data, users: 300, particles: 16, maxSimulations: 48, checks: 4 })));
 * ```
 */
export function predictiveCheckPlot(fit: Pick<FitResult, 'predictive'>, layout: ChartLayout = {}): TopLevelSpec {
  if (!fit || !Array.isArray(fit.predictive)) throw new TypeError(`predictiveCheckPlot: fit.predictive is ${JSON.stringify(fit?.predictive)?.slice(0, 80)}; expected the predictive checks of a FitResult from fit()`);
  const rows = fit.predictive.flatMap((c, order) => {
    const statistic = outsideRange(c) ? `${c.statistic}: observed outside the 90 % range` : c.statistic;
    const { q05, q50, q95 } = simulatedRange(c);
    // A margin around every value, and some width when they all coincide, keeps the diamond whole.
    const lo = Math.min(c.observed, ...c.simulated);
    const hi = Math.max(c.observed, ...c.simulated);
    const pad = 0.06 * Math.max(hi - lo, 0.2);
    return [
      ...c.simulated.map((value) => ({ statistic, order, kind: 'simulated', value })),
      { statistic, order, kind: 'observed', value: c.observed },
      { statistic, order, kind: 'range', value: q50, lower: q05, upper: q95 },
      { statistic, order, kind: 'pad', value: lo - pad },
      { statistic, order, kind: 'pad', value: hi + pad },
    ];
  });
  const draws = fit.predictive[0]?.simulated.length ?? 0;
  // No y axis: the plot takes the width less the padding and the last x label's overhang.
  const width = layout.width === undefined ? 560 : plotWidth(layout.width, 0, 1, 16);
  const x = { field: 'value', type: 'quantitative' as const, title: null, scale: { zero: false, nice: false }, axis: { tickCount: Math.max(2, Math.round(width / 90)) } };
  const subtitle = `the posterior predictive check: each statistic on its log or logit scale, with its own axis: ticks, its simulated values at ${draws} posterior draws; band, their 90 % range (line: median); red diamond, the observed value`;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: PREDICTIVE_TITLE, subtitle: subtitleFor(subtitle, layout.width ?? DEFAULT_TOTAL) },
    config: CHART_CONFIG,
    data: { values: rows },
    facet: { field: 'statistic', type: 'nominal', title: null, sort: inOrder, header: header(width) },
    columns: 1,
    spec: {
      width,
      height: 34,
      layer: [
        { transform: only('range'), mark: { type: 'rect', color: '#c6dbef' }, encoding: { x: { ...x, field: 'lower' }, x2: { field: 'upper' } } },
        { transform: only('range'), mark: { type: 'rule', color: BLUE, strokeWidth: 2 }, encoding: { x } },
        { transform: only('simulated'), mark: { type: 'tick', color: BLUE, thickness: 1.5, opacity: 0.7 }, encoding: { x } },
        { transform: only('observed'), mark: { type: 'point', shape: 'diamond', filled: true, size: 150, color: RED, opacity: 1, stroke: 'white', strokeWidth: 1 }, encoding: { x } },
        { transform: only('pad'), mark: { type: 'rule', opacity: 0 }, encoding: { x } },
      ],
    },
    resolve: { scale: { x: 'independent' }, axis: { x: 'independent' } },
  } as TopLevelSpec;
}

/**
 * Each fitted parameter's weighted posterior: a histogram of the particles' weights in bins equal
 * on the log scale, over its prior range (shaded), with the prior's own share per bin as a dashed
 * line — a histogram about as flat as that line is a parameter the export did not inform — and
 * the posterior median as a dark rule. One panel per parameter, each on its own log x axis.
 * @example
 * ```ts
 * import { posteriorPlot, renderSvg } from 'feedsim/plots';
 * const svg = await renderSvg(posteriorPlot(fitResult));
 * ```
 */
export function posteriorPlot(fit: Pick<FitResult, 'parameters' | 'posterior'>, layout: ChartLayout = {}): TopLevelSpec {
  if (!fit || !Array.isArray(fit.parameters) || !Array.isArray(fit.posterior?.particles)) throw new TypeError(`posteriorPlot: fit has no parameters or posterior particles; expected a FitResult from fit()`);
  const { particles, weights } = fit.posterior;
  const rows = fit.parameters.flatMap((p, order) => {
    const { min, max } = p.prior;
    const step = (Math.log(max) - Math.log(min)) / BINS;
    const edge = (j: number) => Math.exp(Math.log(min) + j * step);
    const bins = new Array<number>(BINS).fill(0);
    particles.forEach((theta, i) => {
      const j = Math.floor((Math.log(theta[order]) - Math.log(min)) / step);
      bins[Math.min(BINS - 1, Math.max(0, j))] += weights[i];
    });
    // The shaded prior range stands out from a margin of 5 % of its log width on either side.
    const margin = Math.exp(0.05 * BINS * step);
    return [
      { parameter: p.path, order, kind: 'prior', lo: min, hi: max, weight: 1 / BINS },
      ...bins.map((weight, j) => ({ parameter: p.path, order, kind: 'bin', lo: edge(j), hi: edge(j + 1), weight })),
      { parameter: p.path, order, kind: 'median', lo: p.q50 },
      { parameter: p.path, order, kind: 'pad', lo: min / margin },
      { parameter: p.path, order, kind: 'pad', lo: max * margin },
    ];
  });
  const total = layout.width;
  const columns = Math.min(columnsFor(total), Math.max(1, fit.parameters.length));
  const axis = yAxisWidth(tickLabelWidth(rows.map((r) => r.weight)));
  // One y axis a row (the scale is shared), left of the first panel.
  const width = total === undefined ? 260 : plotWidth(total, axis, columns, 12);
  const x = { field: 'lo', type: 'quantitative' as const, title: null, scale: { type: 'log' as const, nice: false }, axis: { format: '~g', tickCount: Math.max(2, Math.round(width / 70)) } };
  const y = { field: 'weight', type: 'quantitative' as const, title: 'posterior weight', scale: { zero: true } };
  const subtitle = `bars: the particles' weights in ${BINS} bins equal on the log scale; shaded: the prior's range; dashed: the prior's weight per bin (bars as flat as it: not learned); dark line: the posterior median`;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: POSTERIOR_TITLE, subtitle: subtitleFor(subtitle, total ?? DEFAULT_TOTAL) },
    config: CHART_CONFIG,
    data: { values: rows },
    facet: { field: 'parameter', type: 'nominal', title: null, sort: inOrder, header: header(width) },
    columns,
    spec: {
      width,
      height: 110,
      layer: [
        { transform: only('prior'), mark: { type: 'rect', color: '#eeeeee' }, encoding: { x, x2: { field: 'hi' } } },
        { transform: only('bin'), mark: { type: 'rect', color: BLUE, stroke: 'white', strokeWidth: 0.5 }, encoding: { x, x2: { field: 'hi' }, y, y2: { datum: 0 } } },
        { transform: only('prior'), mark: { type: 'rule', color: '#555', strokeDash: [5, 3] }, encoding: { x, x2: { field: 'hi' }, y } },
        { transform: only('median'), mark: { type: 'rule', color: '#222', strokeWidth: 2 }, encoding: { x } },
        { transform: only('pad'), mark: { type: 'rule', opacity: 0 }, encoding: { x } },
      ],
    },
    resolve: { scale: { x: 'independent' }, axis: { x: 'independent' } },
  } as TopLevelSpec;
}

/**
 * The advice's answer by cycle: the share of posterior draws in which the challenger's cumulative
 * net return is ahead of the baseline's, with half the draws marked (dashed) and the cycle from
 * which it stays at or above half (when there is one).
 * @example
 * ```ts
 * import { adviceCurvePlot, renderSvg } from 'feedsim/plots';
 * const svg = await renderSvg(adviceCurvePlot(advice));
 * ```
 */
export function adviceCurvePlot(advice: Pick<Advice, 'strategies' | 'aheadByCycle' | 'draws' | 'crossover'>, layout: ChartLayout = {}): TopLevelSpec {
  if (!advice || !Array.isArray(advice.aheadByCycle) || !Array.isArray(advice.strategies)) throw new TypeError(`adviceCurvePlot: advice.aheadByCycle is ${JSON.stringify(advice?.aheadByCycle)?.slice(0, 80)}; expected the Advice of advise()`);
  const [baseline, challenger] = advice.strategies;
  const cycles = advice.aheadByCycle.length;
  const rows = advice.aheadByCycle.map((ahead, c) => ({ cycle: c + 1, ahead }));
  const { width, height } = singleView(layout.width, [0, 1]);
  const x = cycleAxis(cycles);
  const y = { field: 'ahead', type: 'quantitative' as const, title: `P(${challenger} ahead)`, scale: { domain: [0, 1] } };
  const color = paletteFor(advice.strategies)[1] ?? BLUE;
  const from = advice.crossover;
  const subtitle = `${challenger} against ${baseline}: the share of ${advice.draws} posterior draws in which its cumulative net return is ahead; dashed: half the draws${from === null ? '' : `; from cycle ${from} on it is ahead in at least half`}`;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: ADVICE_CURVE_TITLE, subtitle: subtitleFor(subtitle, layout.width ?? DEFAULT_TOTAL) },
    width,
    height,
    config: CHART_CONFIG,
    data: { values: rows },
    layer: [
      { data: { values: [{ half: 0.5 }] }, mark: { type: 'rule', color: '#888', strokeDash: [6, 4] }, encoding: { y: { field: 'half', type: 'quantitative', scale: { domain: [0, 1] } } } },
      ...(from === null ? [] : [{ data: { values: [{ cycle: from }] }, mark: { type: 'rule' as const, color: '#888', strokeDash: [2, 3] }, encoding: { x } }]),
      { mark: { type: 'line', color, strokeWidth: 2, point: { size: 40, color, filled: true } }, encoding: { x, y } },
    ],
  } as TopLevelSpec;
}

/** The advice's chart, named `advice`. */
export function adviceChart(advice: Advice, layout: ChartLayout = {}): Chart {
  return { name: 'advice', title: ADVICE_CURVE_TITLE, spec: adviceCurvePlot(advice, layout) };
}

/**
 * The charts of a fit in reading order (`posterior`, `predictive`) and, with its advice,
 * `advice`: what `feedsim fit --plots` and `feedsim advise` write and the report of a fit's
 * directory shows.
 */
export function fitCharts(fit: FitResult, advice?: Advice, layout: ChartLayout = {}): Chart[] {
  return [
    { name: 'posterior', title: POSTERIOR_TITLE, spec: posteriorPlot(fit, layout) },
    { name: 'predictive', title: PREDICTIVE_TITLE, spec: predictiveCheckPlot(fit, layout) },
    ...(advice ? [adviceChart(advice, layout)] : []),
  ];
}
