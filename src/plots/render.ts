/**
 * Renders a Vega-Lite spec to an SVG string without a browser (Vega's headless view), and makes
 * the output deterministic: Vega numbers clip paths and gradients from process-wide counters, so
 * the same chart rendered twice would differ; ids are renumbered from a per-chart prefix, which
 * also keeps them unique when several charts are inlined in one HTML page.
 * @module
 */
import * as vega from 'vega';
import type { Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { textWidth } from './text-width.js';
import { titleText } from './theme.js';

/** Options of {@link renderSvg}. */
export interface RenderOptions {
  /** Prefix of the SVG's element ids (default: from the chart title). Give each chart on a page its own. */
  idPrefix?: string;
}

/** A compiled chart: the Vega spec and Vega-Lite's warnings (e.g. dropped encodings). */
export interface CompiledChart {
  vega: VegaSpec;
  warnings: string[];
}

/** A Vega logger that keeps warnings instead of printing them, and throws on errors. */
function collectingLogger(warnings: string[]) {
  let level = 2;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: readonly unknown[]): never {
      throw new Error(`Vega-Lite: ${args.map(String).join(' ')}`);
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

/** Vega's text measurer (vega-scenegraph's `textMetrics`, not in Vega's type declarations). */
const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics;

/**
 * Measures text from Helvetica's widths instead of Vega's 0.8 em guess or a canvas (which would
 * make the bytes depend on installed fonts). Vega truncates labels longer than `limit` by
 * measuring slices with this same function; a labelled item never measures wider than its limit.
 */
function measure(item: TextItem, text: unknown): number {
  const t = text == null ? '' : String(text).trim();
  const fontSize = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const w = textWidth(t, fontSize, item.fontWeight);
  return item.limit && item.limit > 0 ? Math.min(w, item.limit) : w;
}

let rendering = 0;
let original = metrics.width;

/** Compiles a Vega-Lite spec to Vega, collecting warnings. */
export function compileSpec(spec: TopLevelSpec): CompiledChart {
  const warnings: string[] = [];
  return { vega: compile(spec, { logger: collectingLogger(warnings) as never }).spec, warnings };
}

/** A lowercase slug usable in an XML id (`Followers per strategy` → `followers-per-strategy`). */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-');
  return s ? (/^[a-z]/.test(s) ? s : `c-${s}`) : 'chart';
}

/** Renames every `id` of an SVG to `<prefix>-<n>` in order of appearance, with its references. */
export function renumberIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\bid="([^"]+)"/g)) if (!ids.has(m[1])) ids.set(m[1], `${prefix}-${ids.size + 1}`);
  if (ids.size === 0) return svg;
  return svg.replace(/(\bid="|url\(#|href="#)([^")]+)/g, (all, lead: string, id: string) => (ids.has(id) ? lead + ids.get(id) : all));
}

/**
 * Renders a Vega-Lite spec to a standalone SVG string (no browser, no network, no fonts loaded:
 * text is measured by Vega's estimate). The same spec always gives the same bytes.
 * @example
 * ```ts
 * import { followersPlot, renderSvg } from 'feedsim/plots';
 * const svg = await renderSvg(followersPlot(compareResult));
 * ```
 */
export async function renderSvg(spec: TopLevelSpec, options: RenderOptions = {}): Promise<string> {
  const compiled = compileSpec(spec).vega;
  // Vega's measurer is global: install ours while any rendering is under way, then put the
  // original back, so other Vega users in the process (e.g. a browser page) keep theirs.
  if (rendering++ === 0) {
    original = metrics.width;
    metrics.width = measure;
  }
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return renumberIds(svg, options.idPrefix ?? slug(titleText((spec as { title?: unknown }).title)));
  } finally {
    view.finalize();
    if (--rendering === 0) metrics.width = original;
  }
}
