/**
 * A line chart with interval bands, as an SVG string: the playground's only chart type. Written
 * by hand because it is all the page needs — a few kilobytes, against about 280 KB gzipped for
 * Vega and Vega-Lite in a browser bundle (measured by the build; docs/playground.md) — and it
 * redraws each replicate at once. Drawn for a given width, so text keeps its size on a phone.
 * No DOM: the string goes into the page, and tests read it.
 * @module
 */
// The report's HTML escaping serves SVG too: the same five characters, as named entities XML knows.
import { escapeHtml as escapeXml } from '../src/report/format.js';

/** One point: the mean, and its interval when known. */
export interface ChartPoint {
  x: number;
  y: number;
  lower?: number;
  upper?: number;
}

/** One line: a strategy's series. */
export interface ChartSeries {
  name: string;
  color: string;
  /** SVG dash pattern, so lines differ without colour too. */
  dash?: string;
  points: ChartPoint[];
}

/** What to draw. */
export interface ChartSpec {
  /** Accessible name of the chart. */
  label: string;
  xLabel: string;
  yLabel: string;
  series: ChartSeries[];
  width: number;
  height: number;
  /** A vertical rule, e.g. at a crossover. */
  marker?: { x: number; label: string };
}

const FONT = 12;
/** Average glyph width at {@link FONT} (Helvetica-like digits are ~0.55 em). */
const GLYPH = FONT * 0.58;

/** About `count` round tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : Number(t.toPrecision(12)));
  return ticks;
}

/** A tick label: thousands as k, otherwise as few digits as the value needs. */
export function tickLabel(v: number): string {
  const a = Math.abs(v);
  if (a >= 10_000) return `${Number((v / 1000).toPrecision(4))}k`;
  return String(Number(v.toPrecision(4))).replace('-', '−');
}

const fmt = (v: number) => v.toFixed(1);

/** The chart as an SVG element's markup. */
export function chartSvg(spec: ChartSpec): string {
  const { width, height } = spec;
  const finite = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);
  const pts = spec.series.flatMap((s) => s.points);
  const ys = pts.flatMap((p) => [p.y, p.lower, p.upper]).filter(finite);
  const xs = pts.map((p) => p.x).filter(finite);
  let [y0, y1] = ys.length ? [Math.min(0, ...ys), Math.max(0, ...ys)] : [0, 1];
  if (y1 === y0) y1 = y0 + 1;
  const [x0, x1] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
  const yTicks = niceTicks(y0, y1, Math.max(3, Math.round(height / 50)));
  y0 = Math.min(y0, yTicks[0]);
  y1 = Math.max(y1, yTicks[yTicks.length - 1]);
  const left = 14 + FONT + 8 + Math.max(...yTicks.map((t) => tickLabel(t).length)) * GLYPH;
  const right = 12;
  const top = 10;
  const bottom = 2 * FONT + 16;
  const plotW = Math.max(40, width - left - right);
  const plotH = Math.max(40, height - top - bottom);
  const sx = (x: number) => left + (x1 === x0 ? plotW / 2 : ((x - x0) / (x1 - x0)) * plotW);
  const sy = (y: number) => top + plotH - ((y - y0) / (y1 - y0)) * plotH;
  const xTicks = niceTicks(x0, x1, Math.max(2, Math.floor(plotW / 60))).filter((t) => Number.isInteger(t));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(spec.label)}" font-family="Helvetica, Arial, Liberation Sans, sans-serif" font-size="${FONT}">`);
  // Grid and axes.
  for (const t of yTicks) {
    const y = fmt(sy(t));
    out.push(`<line class="grid" x1="${left}" x2="${fmt(left + plotW)}" y1="${y}" y2="${y}" stroke="${t === 0 ? '#999' : '#e5e5e5'}"/>`);
    out.push(`<text x="${fmt(left - 6)}" y="${y}" text-anchor="end" dominant-baseline="middle" fill="#333">${escapeXml(tickLabel(t))}</text>`);
  }
  for (const t of xTicks) {
    const x = fmt(sx(t));
    out.push(`<line class="tick" x1="${x}" x2="${x}" y1="${fmt(top + plotH)}" y2="${fmt(top + plotH + 4)}" stroke="#999"/>`);
    out.push(`<text x="${x}" y="${fmt(top + plotH + 6 + FONT)}" text-anchor="middle" fill="#333">${escapeXml(tickLabel(t))}</text>`);
  }
  out.push(`<text x="${fmt(left + plotW / 2)}" y="${fmt(height - 4)}" text-anchor="middle" fill="#333">${escapeXml(spec.xLabel)}</text>`);
  out.push(`<text transform="translate(${FONT + 2},${fmt(top + plotH / 2)}) rotate(-90)" text-anchor="middle" fill="#333">${escapeXml(spec.yLabel)}</text>`);
  // Bands first, then lines over them.
  for (const s of spec.series) {
    const band = s.points.filter((p) => finite(p.lower) && finite(p.upper));
    if (band.length < 2) continue;
    const upper = band.map((p, i) => `${i ? 'L' : 'M'}${fmt(sx(p.x))},${fmt(sy(p.upper!))}`).join('');
    const lower = [...band].reverse().map((p) => `L${fmt(sx(p.x))},${fmt(sy(p.lower!))}`).join('');
    out.push(`<path class="band" data-series="${escapeXml(s.name)}" d="${upper}${lower}Z" fill="${s.color}" fill-opacity="0.18" stroke="none"/>`);
  }
  for (const s of spec.series) {
    const line = s.points.filter((p) => finite(p.y));
    if (line.length === 1) {
      out.push(`<circle class="point" data-series="${escapeXml(s.name)}" cx="${fmt(sx(line[0].x))}" cy="${fmt(sy(line[0].y))}" r="3.5" fill="${s.color}"/>`);
      continue;
    }
    if (!line.length) continue;
    const d = line.map((p, i) => `${i ? 'L' : 'M'}${fmt(sx(p.x))},${fmt(sy(p.y))}`).join('');
    out.push(`<path class="line" data-series="${escapeXml(s.name)}" d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
  }
  if (spec.marker && finite(spec.marker.x)) {
    const x = fmt(sx(spec.marker.x));
    out.push(`<line class="marker" x1="${x}" x2="${x}" y1="${top}" y2="${fmt(top + plotH)}" stroke="#555" stroke-dasharray="3 3"/>`);
    out.push(`<text x="${x}" y="${top + FONT}" dx="4" fill="#333">${escapeXml(spec.marker.label)}</text>`);
  }
  out.push('</svg>');
  return out.join('');
}
