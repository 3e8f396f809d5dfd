/**
 * Validation chart: the engine's cascades against independent-cascade theory across the
 * reproduction number R (directed Erdős–Rényi, docs/validation.md).
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, finiteOrNull, VEGA_LITE_SCHEMA } from './theme.js';

/** Title of {@link validationPlot}. */
export const VALIDATION_TITLE = 'Validation: simulation vs theory across R';

/** One checked quantity at one reproduction number. */
export interface ValidationPoint {
  /** Reproduction number R = mean degree × share probability. */
  R: number;
  /** What is measured, e.g. `mean users reached` (one panel each). */
  quantity: string;
  theory: number;
  simulated: number;
  /** Half-width of the acceptance band around theory (4 Monte Carlo standard errors). */
  tolerance: number;
}

/** A point of a smooth theory curve (drawn instead of joining the checked R values). */
export interface TheoryCurvePoint {
  R: number;
  quantity: string;
  theory: number;
}

/** Options of {@link validationPlot}. */
export interface ValidationPlotOptions {
  /** Theory evaluated on a fine grid of R per quantity. */
  curve?: TheoryCurvePoint[];
  /** Extra subtitle text (e.g. graph size and runs). */
  note?: string;
}

/** A check as docs/validation.md lists it (test/validation/cases.ts `Check`): the case name carries `R = …`. */
export interface CheckLike {
  case: string;
  quantity: string;
  theory: number;
  simulated: number;
  tolerance: number;
}

/** The checks whose case names an R (`… R = 0.8`), as plot points; others are skipped. */
export function validationPointsFromChecks(checks: CheckLike[]): ValidationPoint[] {
  const out: ValidationPoint[] = [];
  for (const c of checks) {
    const m = /\bR = ([0-9.]+)/.exec(c.case);
    if (m) out.push({ R: Number(m[1]), quantity: c.quantity, theory: c.theory, simulated: c.simulated, tolerance: c.tolerance });
  }
  return out;
}

const THEORY = 'theory';
const SIMULATED = 'simulation ± tolerance';

/**
 * Simulation vs theory across R: one panel per quantity, theory as a line (a smooth curve when
 * `options.curve` is given), the engine's estimate as a point with its acceptance band
 * (± tolerance) as an error bar. A point whose bar misses the line is a failed check.
 * @example
 * ```ts
 * import { validationPlot, renderSvg } from 'feedsim/plots';
 * const svg = await renderSvg(validationPlot([{ R: 0.5, quantity: 'mean cascade size', theory: 2, simulated: 2.05, tolerance: 0.12 }]));
 * ```
 */
export function validationPlot(points: ValidationPoint[], options: ValidationPlotOptions = {}): TopLevelSpec {
  if (!Array.isArray(points)) throw new TypeError(`validationPlot: points is ${JSON.stringify(points)?.slice(0, 80)}; expected a list of { R, quantity, theory, simulated, tolerance }`);
  points.forEach((p, i) => {
    for (const k of ['R', 'theory', 'simulated', 'tolerance'] as const) {
      if (typeof p?.[k] !== 'number') throw new TypeError(`validationPlot: points[${i}].${k} is ${JSON.stringify(p?.[k])}; expected a number`);
    }
    if (typeof p.quantity !== 'string') throw new TypeError(`validationPlot: points[${i}].quantity is ${JSON.stringify(p.quantity)}; expected a string`);
  });
  const quantities = [...new Set(points.map((p) => p.quantity))];
  const curve = options.curve ?? points.map((p) => ({ R: p.R, quantity: p.quantity, theory: p.theory }));
  const rows = [
    ...curve.filter((c) => quantities.includes(c.quantity)).sort((a, b) => a.R - b.R).map((c) => ({ quantity: c.quantity, R: c.R, series: THEORY, value: finiteOrNull(c.theory), lower: null, upper: null })),
    ...points.map((p) => ({ quantity: p.quantity, R: p.R, series: SIMULATED, value: finiteOrNull(p.simulated), lower: finiteOrNull(p.simulated - p.tolerance), upper: finiteOrNull(p.simulated + p.tolerance) })),
  ];
  const color = { field: 'series', type: 'nominal' as const, title: null, scale: { domain: [THEORY, SIMULATED], range: ['#555555', '#e45756'] }, legend: { orient: 'bottom' as const, direction: 'horizontal' as const, symbolType: 'stroke', symbolStrokeWidth: 2 } };
  const x = { field: 'R', type: 'quantitative' as const, title: 'R', scale: { zero: false, padding: 12 }, axis: { tickCount: 5 } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: VALIDATION_TITLE, subtitle: `independent cascades on a directed Erdős–Rényi graph${options.note ? `; ${options.note}` : ''}` },
    config: CHART_CONFIG,
    data: { values: rows },
    facet: { field: 'quantity', type: 'nominal', title: null, sort: quantities, header: { labelFontSize: 11 } },
    columns: 3,
    spec: {
      width: 220,
      height: 160,
      layer: [
        { transform: [{ filter: `datum.series === '${THEORY}'` }], mark: { type: 'line', strokeWidth: 1.5 }, encoding: { x, y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } }, color } },
        { transform: [{ filter: `datum.series === '${SIMULATED}'` }], mark: { type: 'rule', strokeWidth: 2 }, encoding: { x, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' }, color } },
        { transform: [{ filter: `datum.series === '${SIMULATED}'` }], mark: { type: 'point', filled: true, size: 45 }, encoding: { x, y: { field: 'value', type: 'quantitative' }, color } },
      ],
    },
    resolve: { scale: { x: 'independent', y: 'independent' } },
  } as TopLevelSpec;
}
