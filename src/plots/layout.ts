/**
 * Laying a chart out for a given overall width without rendering it: estimates of what axes take
 * beside the plot, legend columns that fit, and text wrapped to the width. The estimates use the
 * same Helvetica widths as the renderer, so a chart laid out for `width` comes out within a few
 * pixels of it.
 * @module
 */
import { textWidth, wrapText } from './text-width.js';
import { CHART_SIZE } from './theme.js';

/** Padding around every chart (CHART_CONFIG.padding), each side. */
export const PAD = 8;
/** Space between facet panels (Vega-Lite's default). */
export const SPACING = 20;

/** Narrowest plot or panel a layout produces, whatever the width asked for. */
const MIN_PLOT = 120;

/** The widest tick label of a linear axis spanning `values` (and 0 when `zero`), estimated. */
export function tickLabelWidth(values: ReadonlyArray<number | null | undefined>, zero = true, fontSize = 11): number {
  const xs = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  let lo = Math.min(...xs, ...(zero || xs.length === 0 ? [0] : []));
  let hi = Math.max(...xs, ...(zero || xs.length === 0 ? [0] : []));
  if (hi === lo) hi = lo + 1;
  // Vega's ticks: a 1, 2 or 5 step giving about 5–10 ticks, labels with that step's decimals.
  const raw = (hi - lo) / 6;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const label = (x: number) => `${x < 0 ? '−' : ''}${Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}`;
  return Math.max(textWidth(label(lo), fontSize), textWidth(label(hi), fontSize));
}

/** Width a vertical axis takes left of its plot: labels, ticks, and its title when it has one. */
export function yAxisWidth(labelWidth: number, titled = true): number {
  return Math.ceil(labelWidth) + 5 /* tick */ + 2 /* label padding */ + (titled ? 4 + 15 /* title padding and 12 px line */ : 0);
}

/**
 * Width of the plot (or of each of `columns` panels) so that the whole chart is `total` px wide:
 * the total less the padding, the left axis (of every panel when each has its own) and the
 * spacing between panels, and `right` px that labels overhang on the right.
 */
export function plotWidth(total: number, axis: number, columns = 1, right = 4, axisPerPanel = false): number {
  const axes = axisPerPanel ? axis * columns : axis;
  return Math.max(MIN_PLOT, Math.floor((total - 2 * PAD - axes - (columns - 1) * SPACING - right) / columns));
}

/**
 * Columns of a legend whose entries are `labels` (symbol, label) so that it fits in `width` px:
 * `undefined` (all in a row) when they fit, else as many as fit side by side.
 */
export function legendColumns(labels: readonly string[], width: number, fontSize = 11): number | undefined {
  const entry = (l: string) => 16 + textWidth(l, fontSize) + 10; // symbol and its gap, label, column padding
  const row = labels.reduce((s, l) => s + entry(l), 0);
  if (row <= width) return undefined;
  const widest = Math.max(...labels.map(entry));
  return Math.max(1, Math.floor(width / widest));
}

/** A subtitle for a chart `total` px wide: one string when it fits, else lines (Vega draws an array as lines). */
export function subtitleFor(text: string, total: number | undefined, fontSize = 11): string | string[] {
  if (total === undefined) return text;
  const lines = wrapText(text, total - 2 * PAD, fontSize);
  return lines.length === 1 ? lines[0] : lines;
}

/**
 * Plot size of a single-panel chart laid out for `total` px (default: `CHART_SIZE`), with a
 * titled y axis over `yValues`; and the columns its bottom legend of `legendLabels` needs.
 */
export function singleView(total: number | undefined, yValues: ReadonlyArray<number | null | undefined>, legendLabels: readonly string[] = [], zero = true): { width: number; height: number; legendColumns?: number } {
  if (total === undefined) return { ...CHART_SIZE };
  const width = plotWidth(total, yAxisWidth(tickLabelWidth(yValues, zero)));
  return { width, height: CHART_SIZE.height, legendColumns: legendColumns(legendLabels, total - 2 * PAD) };
}
