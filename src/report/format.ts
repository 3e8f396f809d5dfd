/**
 * Text formatting of the report: HTML escaping and numbers (fixed locale, so the bytes never
 * depend on the machine's).
 * @module
 */
import type { Interval } from '../experiment/intervals.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A number for a table: "—" when missing or not finite; digits scaled to the magnitude. */
export function num(x: number | null | undefined): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  if (a === 0) return '0';
  if (a >= 1000) return x.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toPrecision(2);
}

/** "mean [lower, upper]" (just the mean when the interval is a point or missing). */
export function interval(iv: Partial<Interval> | null | undefined): string {
  const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  if (!iv || !finite(iv.mean)) return '—';
  const m = num(iv.mean);
  if (!finite(iv.lower) || !finite(iv.upper) || iv.lower === iv.upper) return m;
  return `${m} [${num(iv.lower)}, ${num(iv.upper)}]`;
}

/** A share as a percentage, "—" when missing. */
export function pct(x: number | null | undefined): string {
  return typeof x === 'number' && Number.isFinite(x) ? `${(100 * x).toFixed(0)} %` : '—';
}

/** An HTML table from a header row and body rows of already escaped cell HTML. */
export function table(head: string[], rows: string[][], caption?: string): string {
  const th = head.map((h) => `<th scope="col">${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('\n');
  return `<table>${caption ? `<caption>${caption}</caption>` : ''}<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}
