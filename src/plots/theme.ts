/**
 * The look shared by every feedsim chart: one palette with a fixed colour per strategy (in the
 * order the result lists them, not alphabetical), sizes, and the Vega-Lite config.
 * @module
 */
import type { Config } from 'vega-lite';

/** Chart width and height in pixels (single panels). */
export const CHART_SIZE = { width: 560, height: 300 } as const;

/** Tableau 10: distinguishable, colour-blind tolerable, printable. */
const PALETTE = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac'];

/**
 * The unit of every money quantity (net return, cost, value, spend …): the model's money is in
 * the scenario's own currency units (`economics.*` and `paid.cpm` are plain numbers), so axes and
 * tables say "currency units" rather than a symbol.
 */
export const MONEY_UNIT = 'currency units';

/** An axis or column title of a money quantity with its unit: `cumulative net return (currency units)`. */
export function moneyTitle(name: string): string {
  return `${name} (${MONEY_UNIT})`;
}

/** Options shared by the chart functions. */
export interface ChartLayout {
  /**
   * Width in pixels the whole chart (axes, legend and padding included) should take, e.g. the
   * content width of a page. Panels, legends and wrapped text are laid out for it; the result is
   * within a few pixels (text widths are estimated). Default: the chart's own size.
   */
  width?: number;
}

/** Grey for "no strategy" outcomes (a sweep point nobody wins). */
export const NEUTRAL_COLOR = '#c7c7c7';

/** A colour per entry of `names`, in that order (cycling after ten). */
export function paletteFor(names: readonly string[]): string[] {
  return names.map((_, i) => PALETTE[i % PALETTE.length]);
}

/** Fonts of every chart: Helvetica or a metric twin (Arial, Liberation Sans), whose widths lay the charts out. */
export const CHART_FONT = 'Helvetica, Arial, Liberation Sans, sans-serif';

/** Vega-Lite config of every chart: white background, installed fonts only (none fetched). */
export const CHART_CONFIG: Config = {
  background: 'white',
  font: CHART_FONT,
  padding: 8,
  title: { fontSize: 15, subtitleFontSize: 11, subtitleColor: '#555', anchor: 'start', offset: 10 },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal' },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 0 },
  // No label limits: without a browser Vega overestimates text widths and would cut labels short.
  header: { labelFontSize: 12, titleFontSize: 12, labelLimit: 0 },
  view: { stroke: '#ddd' },
};

/** The Vega-Lite schema URL (identifies the spec version; never fetched when rendering). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** The title text of a spec (plain or `{ text }`), for ids and checks. */
export function titleText(title: unknown): string {
  if (typeof title === 'string') return title;
  if (Array.isArray(title)) return title.join(' ');
  if (title && typeof title === 'object' && 'text' in title) return titleText((title as { text: unknown }).text);
  return '';
}

/** A finite number or `null` (JSON turns NaN into null; Vega drops nulls from lines and areas). */
export function finiteOrNull(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}
