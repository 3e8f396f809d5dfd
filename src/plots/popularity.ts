/**
 * Popularity distributions on log–log axes (docs/validation.md: the meme-competition and
 * limited-attention cases): per panel, the complementary distribution P(popularity ≥ n) a theory
 * predicts as a line and a simulation's as points, one colour per series (e.g. per μ).
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, paletteFor, VEGA_LITE_SCHEMA } from './theme.js';

/** One point of a complementary distribution. */
export interface CcdfPoint {
  n: number;
  /** P(popularity ≥ n); points at 0 are dropped (log axis). */
  p: number;
}

/** One series of a panel: a theory curve, simulated points, or both. */
export interface PopularitySeries {
  series: string;
  theory?: CcdfPoint[];
  simulated?: CcdfPoint[];
}

/** One panel. */
export interface PopularityPanel {
  panel: string;
  series: PopularitySeries[];
}

/** Options of {@link popularityPlot}. */
export interface PopularityPlotOptions {
  title: string;
  subtitle?: string;
  /** x-axis title (default `popularity n`). */
  xTitle?: string;
}

/**
 * Log–log complementary distributions: lines for theory, filled points for simulation.
 * @example
 * ```ts
 * import { popularityPlot, renderSvg } from 'feedsim/plots';
 * const svg = await renderSvg(popularityPlot([{ panel: 'μ = 0.02', series: [{ series: 'μ = 0.02', theory: [{ n: 1, p: 1 }, { n: 10, p: 0.3 }], simulated: [{ n: 10, p: 0.31 }] }] }], { title: 'Popularity' }));
 * ```
 */
export function popularityPlot(panels: PopularityPanel[], o: PopularityPlotOptions): TopLevelSpec {
  if (!Array.isArray(panels)) throw new TypeError(`popularityPlot: panels is ${JSON.stringify(panels)?.slice(0, 80)}; expected a list of { panel, series }`);
  const names = [...new Set(panels.flatMap((p) => p.series.map((s) => s.series)))];
  const rows = panels.flatMap((p) =>
    p.series.flatMap((s) => [
      ...(s.theory ?? []).filter((c) => c.p > 0 && c.n > 0).map((c) => ({ panel: p.panel, series: s.series, kind: 'theory', n: c.n, p: c.p })),
      ...(s.simulated ?? []).filter((c) => c.p > 0 && c.n > 0).map((c) => ({ panel: p.panel, series: s.series, kind: 'simulation', n: c.n, p: c.p })),
    ]),
  );
  const color = { field: 'series', type: 'nominal' as const, title: null, scale: { domain: names, range: paletteFor(names) }, legend: { orient: 'bottom' as const, direction: 'horizontal' as const } };
  const x = { field: 'n', type: 'quantitative' as const, title: o.xTitle ?? 'popularity n', scale: { type: 'log' as const } };
  const y = { field: 'p', type: 'quantitative' as const, title: 'P(≥ n)', scale: { type: 'log' as const } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: o.title, ...(o.subtitle ? { subtitle: o.subtitle } : {}) },
    config: CHART_CONFIG,
    data: { values: rows },
    facet: { field: 'panel', type: 'nominal', title: null, sort: panels.map((p) => p.panel), header: { labelFontSize: 11 } },
    columns: Math.min(3, panels.length),
    spec: {
      width: 240,
      height: 200,
      layer: [
        { transform: [{ filter: "datum.kind === 'theory'" }], mark: { type: 'line', strokeWidth: 1.5 }, encoding: { x, y, color, detail: { field: 'series' } } },
        { transform: [{ filter: "datum.kind === 'simulation'" }], mark: { type: 'point', filled: true, size: 30 }, encoding: { x, y, color, shape: { field: 'kind', type: 'nominal', title: null, legend: null } } },
      ],
    },
    resolve: { scale: { x: 'independent', y: 'independent' } },
  } as TopLevelSpec;
}
