/**
 * The sweep map: which strategy wins at each design point, over one or two varied factors
 * (a strip — a row, or a column when its labels are long — or a grid of cells), or a scatter
 * when the design is not a grid.
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import type { DesignPoint } from '../experiment/design.js';
import type { Interval } from '../experiment/intervals.js';
import type { SweepResult } from '../experiment/sweep.js';
import { legendColumns, PAD, subtitleFor, yAxisWidth } from './layout.js';
import { textWidth, wrapText } from './text-width.js';
import { CHART_CONFIG, finiteOrNull, MONEY_UNIT, NEUTRAL_COLOR, paletteFor, VEGA_LITE_SCHEMA, type ChartLayout } from './theme.js';

/** Title of {@link sweepWinMap}. */
export const SWEEP_WIN_MAP_TITLE = 'Where each strategy wins';

/** The outcome at one design point, as the map needs it (a `SweepPoint` has these fields). */
export interface SweepWinRow {
  point: DesignPoint;
  /** The winning strategy's label, or `'neither'`. */
  winner: string;
  /** Per challenger: paired difference of final net return against the baseline (shown in the cell when there is one challenger). */
  difference?: Record<string, Interval | null>;
}

/** Options of {@link sweepWinMap}. */
export interface SweepWinMapOptions extends ChartLayout {
  /** The one or two factors on the axes (default: the varied ones; required when more than two vary). */
  factors?: string[];
  /** Strategy labels in colour order (default: the sweep's, or the winners in order of appearance). */
  strategies?: string[];
}

const NEITHER = 'neither';
/** Most distinct values per axis for a grid of cells; more (e.g. Latin hypercube) → a scatter. */
const MAX_LEVELS = 12;

/** A factor value as a label (numbers as written, other values as JSON). */
function valueLabel(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

/** Factors whose value differs between points, in order of first appearance. */
export function variedFactors(points: DesignPoint[]): string[] {
  const keys: string[] = [];
  for (const p of points) for (const k of Object.keys(p)) if (!keys.includes(k)) keys.push(k);
  return keys.filter((k) => new Set(points.map((p) => JSON.stringify(p[k] ?? null))).size > 1);
}

function signed(x: number): string {
  const a = Math.abs(x);
  const s = a >= 100 ? a.toFixed(0) : a >= 1 ? a.toFixed(1) : a.toPrecision(2);
  return `${x < 0 ? '−' : '+'}${s}`;
}

/**
 * Where each strategy wins: one cell per design point coloured by the strategy whose final net
 * return is significantly highest (grey: neither), for one varied factor (a strip) or two (a
 * grid). With one challenger, each cell also shows the mean paired difference (challenger −
 * baseline, in currency units). Designs that are not grids (Latin hypercube) are drawn as a
 * scatter. Axis labels are never cut: a value's `, `-separated parts go on lines of their own;
 * a strip whose labels do not fit under their cells (e.g. one platform rule per cell) is drawn
 * as a column, labels on the left; a grid's long x labels are angled. `options.width` lays the
 * chart out for that overall width.
 * @example
 * ```ts
 * import { sweep } from 'feedsim';
 * import { renderSvg, sweepWinMap } from 'feedsim/plots';
 * const s = await sweep({ design: { kind: 'grid', factors: { 'behavior.follow.base': [0.0005, 0.002] } }, strategies: ['like-chasing', 'follow-building'], replicates: 4 });
 * const svg = await renderSvg(sweepWinMap(s));
 * ```
 */
export function sweepWinMap(input: SweepResult | SweepWinRow[], options: SweepWinMapOptions = {}): TopLevelSpec {
  const rows: SweepWinRow[] | undefined = Array.isArray(input) ? input : input?.points;
  if (!Array.isArray(rows)) throw new TypeError(`sweepWinMap: input is ${JSON.stringify(input)?.slice(0, 80)}; expected a SweepResult from sweep() or a list of { point, winner } rows`);
  rows.forEach((r, i) => {
    if (!r || typeof r.point !== 'object' || r.point === null || typeof r.winner !== 'string') {
      throw new TypeError(`sweepWinMap: row ${i} is ${JSON.stringify(r)?.slice(0, 80)}; expected { point: { factor: value, … }, winner: 'strategy label' | 'neither' }`);
    }
  });
  const winners = rows.map((r) => r.winner).filter((w, i, all) => w !== NEITHER && all.indexOf(w) === i);
  const strategies = options.strategies ?? (Array.isArray(input) ? winners : input.strategies);
  const baseline = Array.isArray(input) ? undefined : input.strategies[0];
  const challengers = Array.isArray(input) ? [] : input.strategies.slice(1);
  const points = rows.map((r) => r.point);
  const varied = variedFactors(points);
  const factors = options.factors ?? varied;
  if (factors.length > 2) {
    throw new RangeError(`sweepWinMap: options.factors is ${JSON.stringify(factors)}; ${factors.length} factors vary — pick at most two for the axes, e.g. { factors: ${JSON.stringify(factors.slice(0, 2))} }`);
  }
  for (const f of factors) {
    if (!points.some((p) => f in p)) throw new RangeError(`sweepWinMap: options.factors names "${f}", which no design point sets; allowed: ${JSON.stringify(varied)}`);
  }
  const domain = [...strategies.filter((s) => s !== NEITHER), NEITHER];
  const range = [...paletteFor(domain.slice(0, -1)), NEUTRAL_COLOR];
  const levels = factors.map((f) => new Set(points.map((p) => JSON.stringify(p[f] ?? null))).size);
  const numeric = factors.map((f) => points.every((p) => typeof p[f] === 'number'));
  const cells = new Set(points.map((p) => JSON.stringify(factors.map((f) => p[f] ?? null)))).size;
  const grid = levels.every((n) => n <= MAX_LEVELS) && cells === points.length;
  // Axis labels: one line per ", "-separated part (e.g. each factor of a design point), long parts wrapped.
  const total = options.width;
  const labelLines = (v: unknown, width: number) => valueLabel(v).split(', ').flatMap((part, i, all) => wrapText(i < all.length - 1 ? `${part},` : part, width));
  const levelValues = factors.map((f) => points.map((p) => p[f]).filter((v, i, all) => all.findIndex((w) => JSON.stringify(w) === JSON.stringify(v)) === i));
  const widest = (lines: string[]) => Math.max(0, ...lines.map((l) => textWidth(l)));
  // The strip's or the grid's x step: the cells share the width (120 px each by default).
  const maxYLabel = total === undefined ? 240 : Math.max(100, Math.min(240, 0.5 * total));
  const yLabelWidth = factors.length === 2 ? Math.max(...levelValues[1].map((v) => widest(labelLines(v, maxYLabel)))) : 0;
  const step = grid && factors.length >= 1 ? (total === undefined ? 120 : Math.max(60, Math.min(240, Math.floor((total - 2 * PAD - (factors.length === 2 ? yAxisWidth(yLabelWidth) : 0) - 8) / levels[0])))) : 120;
  // x labels fit side by side in their cells (at most three lines each)?
  const xLines = factors.length >= 1 ? levelValues[0].map((v) => labelLines(v, step - 10)) : [];
  const xFits = xLines.every((lines) => lines.length <= 3 && widest(lines) <= step - 10);
  // One factor whose labels do not fit under their cells: a vertical strip, labels on the left.
  const vertical = grid && factors.length === 1 && !xFits;
  const stripLabelWidth = vertical ? Math.max(...levelValues[0].map((v) => widest(labelLines(v, maxYLabel)))) : 0;
  const data = rows.map((r) => {
    const diff = challengers.length === 1 ? r.difference?.[challengers[0]] : undefined;
    const mean = finiteOrNull(diff?.mean);
    const row: Record<string, unknown> = {
      winner: r.winner,
      label: mean === null ? r.winner : `${r.winner}\nΔ ${signed(mean)}`,
    };
    factors.forEach((f, i) => {
      // Grid labels carry their line breaks (\n); the axis splits them into lines.
      const onY = vertical || i === 1;
      row[`f${i}`] = grid ? (onY ? labelLines(r.point[f], maxYLabel) : xFits ? labelLines(r.point[f], step - 10) : [valueLabel(r.point[f])]).join('\n') : numeric[i] ? r.point[f] : valueLabel(r.point[f]);
      row[`n${i}`] = typeof r.point[f] === 'number' ? r.point[f] : levelValues[i].findIndex((v) => JSON.stringify(v) === JSON.stringify(r.point[f]));
    });
    return row;
  });
  const rowStep = (v: unknown) => 13 * labelLines(v, maxYLabel).length + 12;
  const size = vertical
    ? { width: total === undefined ? 200 : Math.max(120, Math.floor(total - 2 * PAD - yAxisWidth(stripLabelWidth) - 4)), height: { step: Math.max(40, ...levelValues[0].map(rowStep)) } }
    : {
        // Rows a little taller when the cells are wide (48 px at the default 120 px cells).
        width: factors.length >= 1 ? { step } : 160,
        height: factors.length === 2 ? { step: Math.max(Math.min(96, Math.round(step * 0.4)), ...levelValues[1].map(rowStep)) } : Math.min(96, Math.round(step * 0.4)),
      };
  const scatterWidth = total === undefined ? 480 : Math.max(160, total - 2 * PAD - 60);
  // A bottom legend starts at the plot's left edge: its entries wrap to the width right of the y axis.
  const leftAxis = !grid ? 60 : vertical ? yAxisWidth(stripLabelWidth) : factors.length === 2 ? yAxisWidth(yLabelWidth) : 0;
  // Ordered by the domain, not a sort list (see strategyColor: labels such as `constructor`).
  const color = { field: 'winner', type: 'nominal' as const, title: 'winner', scale: { domain, range }, legend: { orient: 'bottom' as const, direction: 'horizontal' as const, columns: total === undefined ? undefined : legendColumns(domain, total - 2 * PAD - leftAxis) } };
  // Multi-line labels, never cut (the limit is the widest line), horizontal unless too wide for their cells.
  const lines = { labelExpr: "split(datum.label, '\\n')", labelLineHeight: 13 };
  const gridAxis = (i: number, onY: boolean) => {
    if (onY) {
      // Centred on the row: lines after the first would otherwise hang below it.
      const counts = [...new Set(levelValues[i].map((v) => labelLines(v, maxYLabel).length))].filter((n) => n > 1).sort((a, b) => a - b);
      const labelOffset = counts.length ? { condition: counts.map((n) => ({ test: `length(split(datum.label, '\\n')) === ${n}`, value: -6.5 * (n - 1) })), value: 0 } : 0;
      return { ...lines, labelAngle: 0, labelLimit: Math.ceil((vertical ? stripLabelWidth : yLabelWidth) + 2), labelPadding: 4, labelOffset };
    }
    if (xFits) return { ...lines, labelAngle: 0, labelLimit: step - 2, labelBaseline: 'top' as const };
    // Two factors with long x labels: angled, each in full.
    return { labelAngle: -35, labelAlign: 'right' as const, labelBaseline: 'middle' as const, labelLimit: Math.ceil(Math.max(...levelValues[i].map((v) => textWidth(valueLabel(v)))) + 2) };
  };
  const axis = (i: number, onY = false) => ({
    field: `f${i}`,
    title: factors[i],
    ...(grid
      ? // Numbers ascend along x and up the y axis, as on a map (down a vertical strip); other values keep the design's order.
        { type: 'ordinal' as const, sort: { field: `n${i}`, op: 'min' as const, order: i === 1 && numeric[i] ? ('descending' as const) : ('ascending' as const) }, axis: gridAxis(i, onY) }
      : { type: numeric[i] ? ('quantitative' as const) : ('nominal' as const), scale: { zero: false } }),
  });
  const encoding: Record<string, unknown> = { color };
  if (vertical) encoding.y = axis(0, true);
  else if (factors.length >= 1) encoding.x = axis(0);
  if (factors.length === 2) encoding.y = axis(1, true);
  const subtitle =
    `final cumulative net return (discounted when economics.discountRate > 0): the strategy significantly ahead (paired 95 % intervals against the baseline)` +
    (challengers.length === 1 && baseline ? `; Δ = mean ${challengers[0]} − ${baseline} (${MONEY_UNIT})` : '') +
    (rows.length === 0 ? '; no points' : '');
  const text = { mark: { type: 'text' as const, lineBreak: '\n', fontSize: 10, color: '#111' }, encoding: { ...encoding, color: undefined, text: { field: 'label' } } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: SWEEP_WIN_MAP_TITLE, subtitle: subtitleFor(subtitle, total ?? 640) },
    config: CHART_CONFIG,
    data: { values: data },
    ...(grid
      ? { ...size, layer: [{ mark: { type: 'rect', stroke: 'white', strokeWidth: 2, opacity: 0.8 }, encoding }, text] }
      : { width: scatterWidth, height: 320, mark: { type: 'point', filled: true, size: 80, opacity: 0.85 }, encoding: { ...encoding, shape: { field: 'winner', type: 'nominal', scale: { domain } } } }),
  } as TopLevelSpec;
}
