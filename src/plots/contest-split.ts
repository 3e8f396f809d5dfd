/**
 * A contest's finalists side by side: each one's net return and what caused it (its audience,
 * its ads), and the terminal value with its audience part, as means with intervals.
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ContestResult } from '../contest/contest.js';
import type { Interval } from '../experiment/intervals.js';
import { PAD, subtitleFor } from './layout.js';
import { percent, strategyColor } from './series.js';
import { textWidth } from './text-width.js';
import { CHART_CONFIG, finiteOrNull, moneyTitle, VEGA_LITE_SCHEMA, type ChartLayout } from './theme.js';

/** Title of {@link contestSplitPlot}. */
export const CONTEST_SPLIT_TITLE = 'Net return of each finalist and what caused it';

/** The part of a contest's result the chart reads. */
export type ContestSplitInput = Pick<ContestResult, 'families' | 'finalists' | 'heldOut' | 'level' | 'horizon'>;

/**
 * One row per measure (net return, audience caused, ads caused, terminal value, its audience
 * part), a dot (mean) and a bar (interval) per finalist. Not stacked: the causes are each the
 * difference to a counterfactual twin, so they need not add up to the net return.
 * `layout.width` lays the chart out for that overall width.
 * @example
 * ```ts
 * import { contest } from 'feedsim';
 * import { contestSplitPlot, renderSvg } from 'feedsim/plots';
 * const svg = await renderSvg(contestSplitPlot(await contest({ scenario: { users: 1000, cycles: 3 }, candidates: 4, heldOut: 4 })));
 * ```
 */
export function contestSplitPlot(result: ContestSplitInput, layout: ChartLayout = {}): TopLevelSpec {
  if (!result || !Array.isArray(result.finalists)) throw new TypeError(`contestSplitPlot: result.finalists is ${JSON.stringify(result?.finalists)?.slice(0, 80)}; expected the finalists of a ContestResult from contest()`);
  const measures: Array<[string, (f: ContestResult['finalists'][number]) => Interval | null]> = [
    ['net return', (f) => f.net],
    ['audience caused', (f) => f.audience],
    ['ads caused', (f) => f.ads],
    [`terminal value (${result.horizon} cycles)`, (f) => f.terminal],
    ['of it, audience caused', (f) => f.terminalAudience],
  ];
  const rows = result.finalists.flatMap((f) =>
    measures.flatMap(([measure, of]) => {
      const iv = of(f);
      return iv && finiteOrNull(iv.mean) !== null ? [{ strategy: f.family, measure, mean: iv.mean, lower: finiteOrNull(iv.lower), upper: finiteOrNull(iv.upper) }] : [];
    }),
  );
  const shown = measures.map(([m]) => m).filter((m) => rows.some((r) => r.measure === m));
  const families = result.finalists.map((f) => f.family);
  const color = strategyColor(families, 'finalist');
  const y = { field: 'measure', type: 'nominal' as const, title: null, sort: shown, scale: { domain: shown } };
  const yOffset = { field: 'strategy', type: 'nominal' as const, sort: families, scale: { domain: families, paddingOuter: 0.5 } };
  const x = { type: 'quantitative' as const, title: moneyTitle('held-out replicates, final'), axis: { tickCount: 10 } };
  // Measure labels left of the plot, the last x label overhanging on the right.
  const width = layout.width === undefined ? 560 : Math.max(120, Math.floor(layout.width - 2 * PAD - Math.max(0, ...shown.map((l) => textWidth(l))) - 7 - 4));
  const subtitle = `mean and ${percent(result.level)} interval over ${result.heldOut} held-out replicates; a cause is the net return less that of a twin without it (its follows deliver nothing; it buys no ads)`;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: CONTEST_SPLIT_TITLE, subtitle: subtitleFor(subtitle, layout.width) },
    width,
    height: { step: 18 * families.length + 24, for: 'position' },
    config: CHART_CONFIG,
    data: { values: rows },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#888' }, encoding: { x: { ...x, field: 'zero' } } },
      { mark: { type: 'rule', strokeWidth: 6, opacity: 0.7, strokeCap: 'round' }, encoding: { x: { ...x, field: 'lower' }, x2: { field: 'upper' }, y, yOffset, color } },
      // A white ring sets the mean off its interval bar.
      { mark: { type: 'point', filled: true, size: 110, opacity: 1, stroke: 'white', strokeWidth: 1.5 }, encoding: { x: { ...x, field: 'mean' }, y, yOffset, color } },
    ],
  } as TopLevelSpec;
}
