/**
 * The sweep map: which strategy wins at each design point, over one or two varied factors
 * (a strip or a grid of cells), or a scatter when the design is not a grid.
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import type { DesignPoint } from '../experiment/design.js';
import type { Interval } from '../experiment/intervals.js';
import type { SweepResult } from '../experiment/sweep.js';
import { CHART_CONFIG, finiteOrNull, NEUTRAL_COLOR, paletteFor, VEGA_LITE_SCHEMA } from './theme.js';

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
export interface SweepWinMapOptions {
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
 * baseline). Designs that are not grids (Latin hypercube) are drawn as a scatter.
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
  const data = rows.map((r) => {
    const diff = challengers.length === 1 ? r.difference?.[challengers[0]] : undefined;
    const mean = finiteOrNull(diff?.mean);
    const row: Record<string, unknown> = {
      winner: r.winner,
      label: mean === null ? r.winner : `${r.winner}\nΔ ${signed(mean)}`,
    };
    factors.forEach((f, i) => {
      row[`f${i}`] = grid ? valueLabel(r.point[f]) : numeric[i] ? r.point[f] : valueLabel(r.point[f]);
      row[`n${i}`] = typeof r.point[f] === 'number' ? r.point[f] : i;
    });
    return row;
  });
  const color = { field: 'winner', type: 'nominal' as const, title: 'winner', scale: { domain, range }, sort: domain, legend: { orient: 'bottom' as const, direction: 'horizontal' as const } };
  const axis = (i: number) => ({
    field: `f${i}`,
    title: factors[i],
    ...(grid
      ? // Numbers ascend along x and up the y axis, as on a map.
        { type: 'ordinal' as const, sort: numeric[i] ? { field: `n${i}`, op: 'min' as const, order: i === 1 ? ('descending' as const) : ('ascending' as const) } : undefined, axis: { labelAngle: 0 } }
      : { type: numeric[i] ? ('quantitative' as const) : ('nominal' as const), scale: { zero: false } }),
  });
  const encoding: Record<string, unknown> = { color };
  if (factors.length >= 1) encoding.x = axis(0);
  if (factors.length === 2) encoding.y = axis(1);
  const subtitle =
    `final cumulative net return (discounted when economics.discountRate > 0): the strategy significantly ahead (paired 95 % intervals against the baseline)` +
    (challengers.length === 1 && baseline ? `; Δ = mean ${challengers[0]} − ${baseline}` : '') +
    (rows.length === 0 ? '; no points' : '');
  const text = { mark: { type: 'text' as const, lineBreak: '\n', fontSize: 10, color: '#111' }, encoding: { ...encoding, color: undefined, text: { field: 'label' } } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: SWEEP_WIN_MAP_TITLE, subtitle },
    config: CHART_CONFIG,
    data: { values: data },
    ...(grid
      ? {
          width: factors.length >= 1 ? { step: 120 } : 160,
          height: factors.length === 2 ? { step: 48 } : 48,
          layer: [{ mark: { type: 'rect', stroke: 'white', strokeWidth: 2, opacity: 0.8 }, encoding }, text],
        }
      : { width: 480, height: 320, mark: { type: 'point', filled: true, size: 80, opacity: 0.85 }, encoding: { ...encoding, shape: { field: 'winner', type: 'nominal', scale: { domain }, sort: domain } } }),
  } as TopLevelSpec;
}
