/**
 * The HTML report: one self-contained page (inline SVG charts and CSS, no scripts, no network —
 * a Content-Security-Policy forbids fetching anything) with the charts and summary tables of a
 * comparison or a sweep. The same input always gives the same bytes.
 * @module
 */
import type { CompareResult } from '../experiment/compare.js';
import type { Economics } from '../experiment/economics.js';
import type { SweepResult } from '../experiment/sweep.js';
import { resultCharts, type Chart } from '../plots/charts.js';
import { MONEY_UNIT, moneyTitle, type ChartLayout } from '../plots/theme.js';
import { renderSvg } from '../plots/render.js';
import { replicatesPlot, REPLICATES_TITLE, type ReplicateValue } from '../plots/replicates.js';
import { variedFactors } from '../plots/sweep-win-map.js';
import { escapeHtml as esc, interval, num, pct, table } from './format.js';
import { percent } from '../plots/series.js';
import { netReturnName } from '../plots/net-return.js';
import { checkResultsSummary, type CompareSummary, type ResultsSummary, type SummaryContext, type SweepSummary } from './summary.js';
import { charted } from './charted.js';

/** A confidence level as the charts print it (97.5 %, not 98 %). */
export const levelOf = (x: number | undefined): string => (typeof x === 'number' && Number.isFinite(x) ? percent(x) : '—');

/** What {@link buildReport} needs. */
export interface ReportInput {
  /** The results (what `summary.json` holds). */
  summary: ResultsSummary;
  /** Final net return of every replicate (from `runs.jsonl`), for the per-replicate chart of a comparison. */
  replicates?: ReplicateValue[];
  /** Size of `runs.jsonl`, shown in the header. */
  runsFile?: { rows: number; runs: number };
  /** Further charts appended after the result's own (e.g. validation or performance). */
  extraCharts?: Chart[];
  /** Context shown where the summary has none (e.g. from `manifest.json`). */
  context?: SummaryContext;
}

const ECONOMICS: Array<[keyof Economics, string]> = [
  ['cost', moneyTitle('cost')],
  ['value', moneyTitle('value')],
  ['net', moneyTitle('net return')],
  ['npv', moneyTitle('net present value')],
  ['roi', 'return on investment (net ÷ cost)'],
  ['returnPerSpent', 'value per unit spent'],
  ['costPerFollower', moneyTitle('cost per follower gained')],
  ['costPerLead', moneyTitle('cost per conversion')],
  ['paybackCycle', 'payback cycle'],
  ['contentShare', 'share of spend on content'],
  ['promotionShare', 'share of spend on promotion'],
  ['followerLifetimeValue', moneyTitle('follower lifetime value')],
];

/** Captions under the charts, by chart name. */
const CAPTIONS: Record<string, string> = {
  'net-return': 'Cumulative (discounted) net return — value of conversions minus spend, in the scenario\'s currency units — per cycle: mean and confidence band per strategy; a dashed rule marks where a challenger overtakes the baseline for good.',
  followers: 'Followers at the end of each cycle: mean and confidence band per strategy.',
  'reach-by-channel': 'Unique users reached per cycle through each channel, one panel per channel with its own scale (so small channels stay readable next to paid reach); a user reached through two channels counts in both, so channels do not add up to the total (last panel).',
  replicates: 'The spread behind the intervals: final cumulative net return (currency units) of every replicate.',
  'contest-split': 'Each finalist on the held-out replicates: its final net return, what its audience caused (the net return less that of its twin whose follows deliver nothing), what its ads caused (less that of its twin that buys no ads), and the terminal value — net return earned over the horizon with no ads — with its audience part. The causes are not stacked: each is a difference to its own twin, so they need not add up to the net return.',
  'sweep-win-map': 'At each design point, the strategy significantly ahead of the baseline on final net return (paired 95 % interval; of several, the highest mean), or the baseline when every challenger is significantly behind; grey where neither.',
};

/**
 * The charts a report contains, in order: the result's own, the per-replicate chart when
 * replicate values are given (comparisons only), then `extraCharts`.
 */
export function reportCharts(input: ReportInput, layout: ChartLayout = {}): Chart[] {
  // Many strategies are charted in part (see charted.ts); the tables list them all.
  const { summary, replicates } = charted(checkResultsSummary(input.summary), input.replicates);
  const charts = summary ? resultCharts(summary, layout) : [];
  if (summary?.kind === 'compare' && replicates?.length) {
    charts.push({ name: 'replicates', title: REPLICATES_TITLE, spec: replicatesPlot(replicates, summary.strategies, netReturnName(summary as CompareSummary), layout) });
  }
  return [...charts, ...(input.extraCharts ?? [])];
}

/**
 * The widths the report lays each chart out for, one per range of window widths (CSS media
 * queries pick one from its `fromWindow` up; the others are not displayed). A page is static (no scripts), so charts
 * cannot measure their container: each is drawn for the content width of its range and scaled to
 * fill it (`width: 100%`), at most by `maxContent / width`, so text stays between about 0.8 and
 * 1.6 times its size. `width` of the widest is the content width of a figure on a wide window
 * (main 1160 px less the figure's padding and border).
 */
export const REPORT_LAYOUTS = [
  { key: 'wide', width: 1134, maxContent: 1134, fromWindow: 1040 },
  { key: 'medium', width: 720, maxContent: 965, fromWindow: 640 },
  { key: 'narrow', width: 360, maxContent: 601, fromWindow: 0 },
] as const;

/** CSS showing the view of each layout from its `fromWindow` up to the next layout's. */
const VIEW_CSS = [
  `${REPORT_LAYOUTS.slice(1).map((l) => `.view-${l.key}`).join(', ')} { display: none; }`,
  ...REPORT_LAYOUTS.slice(1).map((l, i) => `@media (max-width: ${REPORT_LAYOUTS[i].fromWindow - 0.02}px) { .view-${REPORT_LAYOUTS[i].key} { display: none; } .view-${l.key} { display: block; } }`),
].join('\n');

/** The SVG's own width in pixels (Vega writes it on the root element). */
function svgWidth(svg: string): number {
  return Number(/^<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 0);
}

/**
 * A chart's figure: one SVG per report layout when its spec was laid out for each (`specs`, in
 * the order of {@link REPORT_LAYOUTS}), or one SVG at its own size (charts given as specs only).
 */
async function figure(chart: Chart, specs?: Chart[]): Promise<string> {
  const caption = chart.caption ?? CAPTIONS[chart.name];
  const views: string[] = [];
  if (specs) {
    for (const [i, l] of REPORT_LAYOUTS.entries()) {
      const svg = await renderSvg(specs[i].spec, { idPrefix: `chart-${chart.name}-${l.key}` });
      // Fills the content width, scaled up at most to the widest content of the range (a narrow chart is not blown up).
      const max = Math.round((svgWidth(svg) * l.maxContent) / l.width);
      views.push(`<div class="view view-${l.key}" style="max-width: ${max}px">\n${svg}\n</div>`);
    }
  } else {
    const svg = await renderSvg(chart.spec, { idPrefix: `chart-${chart.name}` });
    views.push(`<div class="view" style="max-width: ${Math.round(svgWidth(svg))}px">\n${svg}\n</div>`);
  }
  return `<figure class="chart" id="chart-${esc(chart.name)}" data-title="${esc(chart.title)}">\n${views.join('\n')}\n${caption ? `<figcaption>${esc(caption)}</figcaption>\n` : ''}</figure>`;
}

function finalOf(r: CompareResult, label: string, metric: string) {
  return r.summary[label]?.[metric]?.[r.cycles - 1];
}

/**
 * The warnings of a result, as a box placed right after the headline's first verdict: they say
 * how to read it (e.g. strategies that did not spend the same are not compared at equal spend).
 */
export function warningsBox(warnings: readonly string[]): string {
  if (!warnings.length) return '';
  const head = warnings.length === 1 ? 'Warning — read the result with this in mind:' : `${warnings.length} warnings — read the result with these in mind:`;
  return `<aside id="warnings" class="warnings" role="note" aria-label="Warnings">\n<p><b>${head}</b></p>\n<ul>${warnings.map((w) => `<li>${esc(w)}</li>`).join('\n')}</ul>\n</aside>`;
}

function compareHeadline(r: CompareSummary, warnings: readonly string[]): string {
  const net = r.strategies.map((l) => `<b>${esc(l)}</b> ${esc(interval(finalOf(r, l, 'cumulativeNpv')))}`).join('; ');
  const sentences = r.crossovers.map((x) => `<p>${esc(x.summary)}</p>`).join('\n');
  const name = moneyTitle(netReturnName(r));
  const verdict = `<p class="verdict">${name[0].toUpperCase()}${name.slice(1)} after ${r.cycles} cycles (mean [${esc(levelOf(r.level))} interval]): ${net}.</p>`;
  return [verdict, warningsBox(warnings), sentences].filter(Boolean).join('\n');
}

function compareTables(r: CompareSummary): string {
  const out: string[] = [];
  const last = r.cycles - 1;
  out.push('<h3>Final cycle</h3>');
  out.push(
    table(
      ['strategy', 'followers', 'reach (last cycle)', moneyTitle('cumulative net return'), moneyTitle('net present value'), 'P(ahead)', moneyTitle('spend per cycle')],
      r.strategies.map((l) => [
        esc(l),
        esc(interval(finalOf(r, l, 'followers'))),
        esc(interval(finalOf(r, l, 'reach'))),
        esc(interval(finalOf(r, l, 'cumulativeNet'))),
        esc(interval(finalOf(r, l, 'cumulativeNpv'))),
        esc(pct(r.probabilityAhead?.[l]?.[last])),
        esc(num(r.spendPerCycle?.[l])),
      ]),
      `Mean [${esc(levelOf(r.level))} interval] over ${r.replicates} replicates at cycle ${r.cycles}; P(ahead): share of replicates in which the strategy has the highest net present value.`,
    ),
  );
  const challengers = r.strategies.slice(1);
  if (challengers.length) {
    out.push('<h3>Paired differences against the baseline</h3>');
    out.push(
      table(
        ['challenger − baseline', 'followers', 'reach (last cycle)', moneyTitle('cumulative net return'), moneyTitle('net present value')],
        challengers.map((l) => [
          `${esc(l)} − ${esc(r.strategies[0])}`,
          ...['followers', 'reach', 'cumulativeNet', 'cumulativeNpv'].map((m) => esc(interval(r.differences?.[l]?.[m]?.[last]))),
        ]),
        'Common random numbers: replicate r of every strategy shares its population, graph and background, so differences are paired.',
      ),
    );
    out.push('<h3>Crossover</h3>');
    out.push(
      table(
        ['challenger', 'baseline', 'crossover (mean)', `${esc(levelOf(r.level))} interval`, 'Kaplan–Meier median', 'replicates never crossing'],
        r.crossovers.map((x) => [
          esc(x.challenger),
          esc(x.baseline),
          // Numbers from summary.json are escaped too: a crafted file must not inject markup.
          x.estimate === null ? 'none' : esc(`cycle ${x.estimate}`),
          esc(x.population !== null ? `cycles ${x.earliest ?? x.population}–${x.population}` : x.earliest !== null ? `not before cycle ${x.earliest}; not significant` : '—'),
          x.kaplanMeierMedian === null ? '—' : esc(`cycle ${x.kaplanMeierMedian}`),
          esc(pct(x.censoredFraction)),
        ]),
        `On cumulative net present value, within ${r.cycles} cycles.`,
      ),
    );
  }
  out.push('<h3>Economics per run</h3>');
  out.push(
    table(
      ['measure', ...r.strategies.map(esc)],
      ECONOMICS.map(([key, label]) => [
        esc(label),
        ...r.strategies.map((l) => {
          const iv = r.economics?.[l]?.[key];
          const n = iv?.n;
          return esc(interval(iv)) + (typeof n === 'number' && n < r.replicates ? ` <small>(defined in ${n} of ${r.replicates})</small>` : '');
        }),
      ]),
      `Mean [${esc(levelOf(r.level))} interval] across replicates of each run's totals.`,
    ),
  );
  return out.join('\n');
}

function sweepHeadline(s: SweepSummary): string {
  const counts = [...s.strategies, 'neither'].map((l) => [l, s.points.filter((p) => p.winner === l).length] as const).filter(([, n]) => n > 0);
  const wins = counts.map(([l, n]) => `<b>${esc(l)}</b> ${n}`).join(', ');
  return `<p>${s.points.length} design points, ${esc(String(s.replicates))} replicates per point and strategy (${esc(String(s.runs))} runs). Points won: ${wins || 'none'}.</p>`;
}

function sweepTables(s: SweepSummary): string {
  const factors = variedFactors(s.points.map((p) => p.point));
  const fixed = s.points.length ? Object.keys(s.points[0].point).filter((k) => !factors.includes(k)) : [];
  const challengers = s.strategies.slice(1);
  const value = (v: unknown) => esc(typeof v === 'string' ? v : JSON.stringify(v) ?? '');
  const head = ['point', ...factors.map(esc), ...s.strategies.map((l) => `${esc(l)}: final net`), ...challengers.map((l) => `${esc(l)} − ${esc(s.strategies[0])}`), 'winner', 'crossover'];
  const unit = esc(MONEY_UNIT);
  const rows = s.points.map((p) => [
    esc(String(p.index)),
    ...factors.map((f) => value(p.point[f])),
    ...s.strategies.map((l) => esc(interval(p.final?.[l]))),
    ...challengers.map((l) => esc(interval(p.difference?.[l]))),
    `<b>${esc(p.winner)}</b>`,
    esc(p.crossovers?.map((x) => (x.estimate === null ? 'none' : `cycle ${x.estimate}${x.population !== null ? '' : ' (n.s.)'}`)).join('; ') || '—'),
  ]);
  const fixedNote = fixed.length ? ` Same at every point: ${fixed.map((k) => `${esc(k)} = ${value(s.points[0].point[k])}`).join(', ')}.` : '';
  return `<h3>Design points</h3>\n${table(head, rows, `Final cumulative net present value (${unit}), mean [95 % interval] over ${esc(String(s.replicates))} replicates; differences (${unit}) are paired.${fixedNote}`)}`;
}

function context(s: SummaryContext): string {
  const parts: string[] = [];
  if (s.command) parts.push(`<p>Command: <code>${esc(s.command)}</code></p>`);
  if (s.scenario !== undefined) parts.push(`<details><summary>Scenario</summary><pre>${esc(JSON.stringify(s.scenario, null, 2))}</pre></details>`);
  if (s.design !== undefined) parts.push(`<details><summary>Design</summary><pre>${esc(JSON.stringify(s.design, null, 2))}</pre></details>`);
  if (s.input !== undefined) parts.push(`<details><summary>Input</summary><pre>${esc(JSON.stringify(s.input, null, 2))}</pre></details>`);
  return parts.length ? `<section id="context"><h2>Run</h2>\n${parts.join('\n')}\n</section>` : '';
}

const CSS = `
:root { color-scheme: light; }
body { margin: 0; background: #fafafa; color: #1a1a1a; font: 15px/1.5 Helvetica, Arial, Liberation Sans, sans-serif; }
main { max-width: 1160px; margin: 0 auto; padding: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 16px; margin: 24px 0 6px; }
.meta { color: #555; margin: 0; }
figure.chart { background: #fff; border: 1px solid #e3e3e3; border-radius: 4px; margin: 16px 0; padding: 12px; overflow-x: auto; }
figure.chart .view svg { display: block; width: 100%; height: auto; }
${VIEW_CSS}
@media (max-width: 639.98px) {
  main { padding: 12px; }
  figure.chart { padding: 6px; }
  table { display: block; overflow-x: auto; max-width: 100%; }
}
figcaption { color: #555; font-size: 13px; margin-top: 6px; }
table { border-collapse: collapse; background: #fff; margin: 8px 0 16px; font-size: 13px; font-variant-numeric: tabular-nums; }
caption { caption-side: bottom; text-align: left; color: #555; font-size: 12px; padding-top: 4px; }
th, td { border: 1px solid #e0e0e0; padding: 4px 8px; text-align: right; vertical-align: top; }
th[scope="row"], thead th:first-child { text-align: left; }
thead th { background: #f0f0f0; }
.warnings { background: #fff7e6; border: 1px solid #f0c36d; border-left: 4px solid #d98e04; border-radius: 4px; padding: 6px 12px; margin: 8px 0 12px; color: #6b3a00; }
.warnings p { margin: 4px 0; }
.warnings ul { margin: 4px 0; padding-left: 20px; }
.note { color: #555; font-style: italic; }
pre { background: #fff; border: 1px solid #e3e3e3; padding: 8px; overflow-x: auto; font-size: 12px; }
`.trim();

/**
 * Builds the HTML report of a comparison or a sweep: header, headline (its first verdict
 * followed directly by the result's warnings, e.g. unequal spend), charts (inline SVG in
 * `<figure class="chart" data-title="…">`, each drawn for every {@link REPORT_LAYOUTS} width and
 * filling the page's content width) and summary tables. Self-contained: it opens with no
 * network, and the same input gives the same bytes.
 * @example
 * ```ts
 * import { buildReport } from 'feedsim/report';
 * const html = await buildReport({ summary: { kind: 'compare', ...compareResult } });
 * ```
 */
export async function buildReport(input: ReportInput): Promise<string> {
  const s = { ...input.context, ...checkResultsSummary(input.summary) } as ResultsSummary;
  // Many strategies are charted in part (charted.ts): the note says so above the figures.
  const note = charted(s, input.replicates).note;
  const figures = [
    ...(note ? [`<p class="note">${esc(note)}</p>`] : []),
    ...(await reportFigures((layout) => reportCharts({ ...input, extraCharts: [] }, layout), input.extraCharts)),
  ];
  const title = s.title ?? (s.kind === 'compare' ? 'feedsim comparison' : 'feedsim sweep');
  const meta =
    s.kind === 'compare'
      ? [`${s.strategies.length} strategies`, `${s.replicates} replicates`, `${s.cycles} cycles`, `seed ${s.seed}`, `scenario ${s.scenarioHash}`, `${levelOf(s.level)} intervals`]
      : [`${s.strategies.length} strategies`, `${s.points.length} points`, `${s.replicates} replicates`, `${s.runs} runs`, `seed ${s.seed}`];
  const warnings = s.kind === 'compare' ? (s.warnings ?? []) : [];
  return reportPage({
    title, meta, version: s.version, runsFile: input.runsFile, figures, context: s,
    compared: `Strategies: ${s.strategies.map((l, i) => `<b>${esc(l)}</b>${i === 0 && s.strategies.length > 1 ? ' (baseline)' : ''}`).join(', ')}`,
    headline: s.kind === 'compare' ? compareHeadline(s, warnings) : `${sweepHeadline(s)}\n${warningsBox(warnings)}`,
    tables: s.kind === 'compare' ? compareTables(s) : sweepTables(s),
  });
}

/** The parts of a report's page, in reading order. */
export interface ReportPage {
  title: string;
  /** Facts under the title (escaped here); the version and the size of runs.jsonl are added. */
  meta: string[];
  version?: string;
  runsFile?: { rows: number; runs: number };
  /** HTML of the line naming what is compared (strategies, families). */
  compared: string;
  /** HTML of the headline: the answer first, its warnings beside it. */
  headline: string;
  /** HTML figures ({@link reportFigures}). */
  figures?: string[];
  /** HTML of the summary tables. */
  tables?: string;
  /** HTML sections in place of the Charts and Summary tables sections (a page grouped otherwise, e.g. per output). */
  sections?: string;
  /** What the result was made with, shown last. */
  context: SummaryContext;
  /** A report's own CSS rules, after the shared ones. */
  css?: string;
}

/**
 * A report's page: header, headline, charts, tables and context, with the shared CSS and a
 * Content-Security-Policy that forbids fetching anything, so the page opens offline as written.
 */
export function reportPage(p: ReportPage): string {
  const meta = [...p.meta];
  if (p.version) meta.push(`feedsim ${p.version}`);
  if (p.runsFile) meta.push(`runs.jsonl: ${p.runsFile.rows.toLocaleString('en-US')} rows from ${p.runsFile.runs.toLocaleString('en-US')} runs`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="feedsim report">
<title>${esc(p.title)}</title>
<style>
${CSS}${p.css ? `\n${p.css}` : ''}
</style>
</head>
<body>
<main>
<header>
<h1>${esc(p.title)}</h1>
<p class="meta">${meta.map(esc).join(' · ')}</p>
<p class="meta">${p.compared}</p>
</header>
<section id="headline">
<h2>Headline</h2>
${p.headline}
</section>
${p.sections ?? `<section id="charts">
<h2>Charts</h2>
${(p.figures ?? []).join('\n')}
</section>
<section id="tables">
<h2>Summary tables</h2>
${p.tables ?? ''}
</section>`}
${context(p.context)}
</main>
</body>
</html>
`;
}

/**
 * A report's figures: its own charts (`own(layout)`) drawn for every {@link REPORT_LAYOUTS}
 * width, then `extra` charts, which come as fixed specs, at their own size.
 */
export async function reportFigures(own: (layout: ChartLayout) => Chart[], extra: readonly Chart[] = []): Promise<string[]> {
  const laidOut = REPORT_LAYOUTS.map((l) => own({ width: l.width }));
  const figures: string[] = [];
  for (const [i, c] of own({}).entries()) figures.push(await figure(c, laidOut.map((cs) => cs[i])));
  for (const c of extra) figures.push(await figure(c));
  return figures;
}

/** Convenience: `{ kind, ...result }` as a {@link ResultsSummary}. */
export function toResultsSummary(result: CompareResult | SweepResult): ResultsSummary {
  const { runs: _runs, ...rest } = result as CompareResult & { runs?: unknown };
  void _runs;
  return 'points' in result ? ({ kind: 'sweep', ...(result as SweepResult) } as ResultsSummary) : ({ kind: 'compare', ...rest } as ResultsSummary);
}
