/**
 * Writes charts as SVG files (Node): what `--plots` on `compare` and `sweep` produces.
 * Node modules are imported when called, so `feedsim/plots` itself loads in browsers too.
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CompareResult } from '../experiment/compare.js';
import type { SweepResult } from '../experiment/sweep.js';
import { resultCharts, type Chart } from './charts.js';
import { renderSvg } from './render.js';

/** A chart written to disk. */
export interface WrittenPlot {
  name: string;
  title: string;
  path: string;
}

/**
 * Renders `spec` and writes it to `path` as SVG, atomically (parent directories are created;
 * never written through a symbolic link).
 */
export async function writeChart(path: string, spec: TopLevelSpec, idPrefix?: string): Promise<void> {
  const [{ ensureDirectory, writeAtomic }, { dirname }] = await Promise.all([import('../io/safe-write.js'), import('node:path')]);
  const svg = await renderSvg(spec, idPrefix ? { idPrefix } : {});
  ensureDirectory(dirname(path));
  writeAtomic(path, [svg]);
}

/**
 * Writes `charts` into `dir` (created), each as `<name>.svg` with ids prefixed by its name.
 * @example
 * ```ts
 * import { fitCharts, writeCharts } from 'feedsim/plots';
 * const written = await writeCharts('fit/plots', fitCharts(fitResult));
 * ```
 */
export async function writeCharts(dir: string, charts: readonly Chart[]): Promise<WrittenPlot[]> {
  const { join } = await import('node:path');
  const out: WrittenPlot[] = [];
  for (const chart of charts) {
    const path = join(dir, `${chart.name}.svg`);
    await writeChart(path, chart.spec, chart.name);
    out.push({ name: chart.name, title: chart.title, path });
  }
  return out;
}

/**
 * Writes the charts of a comparison (`net-return.svg`, `followers.svg`, `reach-by-channel.svg`)
 * or a sweep (`sweep-win-map.svg`) into `dir`, creating it.
 * @example
 * ```ts
 * import { writePlots } from 'feedsim/plots';
 * const written = await writePlots('out/plots', compareResult);
 * console.log(written.map((p) => p.path));
 * ```
 */
export async function writePlots(dir: string, result: CompareResult | SweepResult): Promise<WrittenPlot[]> {
  return writeCharts(dir, resultCharts(result));
}
