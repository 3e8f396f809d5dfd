/**
 * Performance chart: time per impression against the number of users, from the benchmark's
 * results file (bench/results/latest.json, written by `npm run bench`).
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, CHART_SIZE, finiteOrNull, VEGA_LITE_SCHEMA } from './theme.js';

/** Title of {@link performancePlot}. */
export const PERFORMANCE_TITLE = 'Performance: time per impression vs users';

/** One benchmark case, as bench/run.ts writes it (fields the chart reads). */
export interface BenchCaseResult {
  name: string;
  users: number;
  nsPerImpression: number;
  /** Impressions per second of the limit kernel measured in the same run (optional). */
  limitImpressionsPerSecond?: number;
}

/** The benchmark's results file (bench/results/latest.json). */
export interface BenchResults {
  quick?: boolean;
  machine?: { cpu?: string; cores?: number; node?: string; platform?: string };
  cases: BenchCaseResult[];
}

/** Workload of a case: the SimSoM peer case (`peer: …`) or the pinned bench scenario. */
function workloadOf(name: string): string {
  return /^peer\b/i.test(name) ? 'SimSoM peer workload' : 'bench scenario';
}

/**
 * Time per impression vs users on log axes, per workload, for the engine and (when present) the
 * limit kernel — the bare memory-bound loop measured in the same run, a floor for the hot loop.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { performancePlot, renderSvg } from 'feedsim/plots';
 * const svg = await renderSvg(performancePlot(JSON.parse(readFileSync('bench/results/latest.json', 'utf8'))));
 * ```
 */
export function performancePlot(bench: BenchResults): TopLevelSpec {
  if (!bench || !Array.isArray(bench.cases)) throw new TypeError(`performancePlot: bench.cases is ${JSON.stringify(bench?.cases)}; expected the cases of bench/results/latest.json`);
  const rows: Array<{ series: string; workload: string; measure: string; users: number; ns: number | null; label: string }> = [];
  bench.cases.forEach((c, i) => {
    if (typeof c?.users !== 'number' || !(c.users > 0)) throw new TypeError(`performancePlot: bench.cases[${i}].users is ${JSON.stringify(c?.users)}; expected a positive number`);
    if (typeof c.nsPerImpression !== 'number') throw new TypeError(`performancePlot: bench.cases[${i}].nsPerImpression is ${JSON.stringify(c.nsPerImpression)}; expected a number`);
    const workload = workloadOf(c.name);
    rows.push({ series: `${workload} — engine`, workload, measure: 'engine', users: c.users, ns: finiteOrNull(c.nsPerImpression), label: `${c.nsPerImpression.toFixed(0)} ns` });
    if (typeof c.limitImpressionsPerSecond === 'number' && c.limitImpressionsPerSecond > 0) {
      const ns = 1e9 / c.limitImpressionsPerSecond;
      rows.push({ series: `${workload} — limit kernel`, workload, measure: 'limit kernel', users: c.users, ns, label: `${ns.toFixed(0)} ns` });
    }
  });
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0); // not localeCompare: the same bytes on every machine
  rows.sort((a, b) => order(a.series, b.series) || a.users - b.users);
  // One legend: each workload × measure is a series (colour by workload, dashed for the limit kernel).
  const series = ['bench scenario — engine', 'bench scenario — limit kernel', 'SimSoM peer workload — engine', 'SimSoM peer workload — limit kernel'];
  const m = bench.machine;
  const machine = m ? [m.cpu, m.cores !== undefined ? `${m.cores} cores` : undefined, m.node ? `Node ${m.node}` : undefined].filter(Boolean).join(', ') : '';
  // Pad the log axis by a factor of 2 each side so that points and their labels stay clear of the edges.
  const users = rows.map((r) => r.users);
  const domain = users.length ? [Math.min(...users) / 2, Math.max(...users) * 2] : [1e3, 1e7];
  const x = { field: 'users', type: 'quantitative' as const, title: 'users', scale: { type: 'log' as const, domain, nice: false }, axis: { format: '~s' } };
  const y = { field: 'ns', type: 'quantitative' as const, title: 'ns per impression', scale: { type: 'log' as const } };
  const legend = { orient: 'bottom' as const, direction: 'horizontal' as const, columns: 2, symbolType: 'stroke', symbolStrokeWidth: 2 };
  const color = { field: 'series', type: 'nominal' as const, title: null, scale: { domain: series, range: ['#4c78a8', '#4c78a8', '#f58518', '#f58518'] }, sort: series, legend };
  const strokeDash = { field: 'series', type: 'nominal' as const, title: null, scale: { domain: series, range: [[1, 0], [4, 3], [1, 0], [4, 3]] }, sort: series, legend };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: PERFORMANCE_TITLE, subtitle: `median step time per impression; dashed: the limit kernel, a floor for the hot loop${machine ? ` — ${machine}` : ''}${bench.quick ? ' (quick run)' : ''}` },
    ...CHART_SIZE,
    config: CHART_CONFIG,
    data: { values: rows },
    layer: [
      { mark: { type: 'line', point: { size: 40 }, strokeWidth: 2 }, encoding: { x, y, color, strokeDash } },
      // Engine figures labelled (the limit kernel's sit too close together at 10^4 users).
      { transform: [{ filter: "datum.measure === 'engine'" }], mark: { type: 'text', dy: -11, fontSize: 10 }, encoding: { x, y, text: { field: 'label' }, color } },
    ],
  } as TopLevelSpec;
}
