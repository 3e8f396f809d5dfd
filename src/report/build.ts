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
import { renderSvg } from '../plots/render.js';
import { replicatesPlot, REPLICATES_TITLE, type ReplicateValue } from '../plots/replicates.js';
import { variedFactors } from '../plots/sweep-win-map.js';
import { escapeHtml as esc, interval, num, pct, table } from './format.js';
import { percent } from '../plots/series.js';
import { netReturnName } from '../plots/net-return.js';
import { checkResultsSummary, type CompareSummary, type ResultsSummary, type SummaryContext, type SweepSummary } from './summary.js';

/** A confidence level as the charts print it (97.5 %, not 98 %). */
const levelOf = (x: number | undefined): string => (typeof x === 'number' && Number.isFinite(x) ? percent(x) : '—');

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
  ['cost', 'cost'],
  ['value', 'value'],
  ['net', 'net return'],
  ['npv', 'net present value'],
  ['roi', 'return on investment (net ÷ cost)'],
  ['returnPerSpent', 'value per unit spent'],
  ['costPerFollower', 'cost per follower gained'],
  ['costPerLead', 'cost per conversion'],
  ['paybackCycle', 'payback cycle'],
  ['contentShare', 'share of spend on content'],
  ['promotionShare', 'share of spend on promotion'],
  ['followerLifetimeValue', 'follower lifetime value'],
];

/** Captions under the charts, by chart name. */
const CAPTIONS: Record<string, string> = {
  'net-return': 'Cumulative (discounted) net return — value of conversions minus spend — per cycle: mean and confidence band per strategy; a dashed rule marks where a challenger overtakes the baseline for good.',
  followers: 'Followers at the end of each cycle: mean and confidence band per strategy.',
  'reach-by-channel': 'Unique users reached per cycle through each channel; a user reached through two channels counts in both, so channels do not add up to the total (dashed).',
  replicates: 'The spread behind the intervals: final cumulative net return of every replicate.',
  'sweep-win-map': 'At each design point, the strategy significantly ahead of the baseline on final net return (paired 95 % interval; of several, the highest mean), or the baseline when every challenger is significantly behind; grey where neither.',
};

/**
 * The charts a report contains, in order: the result's own, the per-replicate chart when
 * replicate values are given (comparisons only), then `extraCharts`.
 */
export function reportCharts(input: ReportInput): Chart[] {
  const summary = checkResultsSummary(input.summary);
  const charts = resultCharts(summary);
  if (summary.kind === 'compare' && input.replicates?.length) {
    charts.push({ name: 'replicates', title: REPLICATES_TITLE, spec: replicatesPlot(input.replicates, summary.strategies, netReturnName(summary as CompareSummary)) });
  }
  return [...charts, ...(input.extraCharts ?? [])];
}

async function figure(chart: Chart): Promise<string> {
  const svg = await renderSvg(chart.spec, { idPrefix: `chart-${chart.name}` });
  const caption = CAPTIONS[chart.name];
  return `<figure class="chart" id="chart-${esc(chart.name)}" data-title="${esc(chart.title)}">\n${svg}\n${caption ? `<figcaption>${esc(caption)}</figcaption>\n` : ''}</figure>`;
}

function finalOf(r: CompareResult, label: string, metric: string) {
  return r.summary[label]?.[metric]?.[r.cycles - 1];
}

function compareHeadline(r: CompareSummary): string {
  const net = r.strategies.map((l) => `<b>${esc(l)}</b> ${esc(interval(finalOf(r, l, 'cumulativeNpv')))}`).join('; ');
  const sentences = r.crossovers.map((x) => `<p>${esc(x.summary)}</p>`).join('\n');
  const name = netReturnName(r);
  return `<p>${name[0].toUpperCase()}${name.slice(1)} after ${r.cycles} cycles (mean [${esc(levelOf(r.level))} interval]): ${net}.</p>\n${sentences}`;
}

function compareTables(r: CompareSummary): string {
  const out: string[] = [];
  const last = r.cycles - 1;
  out.push('<h3>Final cycle</h3>');
  out.push(
    table(
      ['strategy', 'followers', 'reach (last cycle)', 'cumulative net return', 'net present value', 'P(ahead)', 'spend per cycle'],
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
        ['challenger − baseline', 'followers', 'reach (last cycle)', 'cumulative net return', 'net present value'],
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
  const rows = s.points.map((p) => [
    esc(String(p.index)),
    ...factors.map((f) => value(p.point[f])),
    ...s.strategies.map((l) => esc(interval(p.final?.[l]))),
    ...challengers.map((l) => esc(interval(p.difference?.[l]))),
    `<b>${esc(p.winner)}</b>`,
    esc(p.crossovers?.map((x) => (x.estimate === null ? 'none' : `cycle ${x.estimate}${x.population !== null ? '' : ' (n.s.)'}`)).join('; ') || '—'),
  ]);
  const fixedNote = fixed.length ? ` Same at every point: ${fixed.map((k) => `${esc(k)} = ${value(s.points[0].point[k])}`).join(', ')}.` : '';
  return `<h3>Design points</h3>\n${table(head, rows, `Final cumulative net present value, mean [95 % interval] over ${esc(String(s.replicates))} replicates; differences are paired.${fixedNote}`)}`;
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
figure.chart svg { display: block; max-width: 100%; height: auto; }
figcaption { color: #555; font-size: 13px; margin-top: 6px; }
table { border-collapse: collapse; background: #fff; margin: 8px 0 16px; font-size: 13px; font-variant-numeric: tabular-nums; }
caption { caption-side: bottom; text-align: left; color: #555; font-size: 12px; padding-top: 4px; }
th, td { border: 1px solid #e0e0e0; padding: 4px 8px; text-align: right; vertical-align: top; }
th[scope="row"], thead th:first-child { text-align: left; }
thead th { background: #f0f0f0; }
.warnings li { color: #8a4b00; }
pre { background: #fff; border: 1px solid #e3e3e3; padding: 8px; overflow-x: auto; font-size: 12px; }
`.trim();

/**
 * Builds the HTML report of a comparison or a sweep: header, headline, charts (inline SVG in
 * `<figure class="chart" data-title="…">`), summary tables and warnings. Self-contained: it opens
 * with no network, and the same input gives the same bytes.
 * @example
 * ```ts
 * import { buildReport } from 'feedsim/report';
 * const html = await buildReport({ summary: { kind: 'compare', ...compareResult } });
 * ```
 */
export async function buildReport(input: ReportInput): Promise<string> {
  const s = { ...input.context, ...checkResultsSummary(input.summary) } as ResultsSummary;
  const charts = reportCharts(input);
  const figures: string[] = [];
  for (const c of charts) figures.push(await figure(c));
  const title = s.title ?? (s.kind === 'compare' ? 'feedsim comparison' : 'feedsim sweep');
  const meta =
    s.kind === 'compare'
      ? [`${s.strategies.length} strategies`, `${s.replicates} replicates`, `${s.cycles} cycles`, `seed ${s.seed}`, `scenario ${s.scenarioHash}`, `${levelOf(s.level)} intervals`]
      : [`${s.strategies.length} strategies`, `${s.points.length} points`, `${s.replicates} replicates`, `${s.runs} runs`, `seed ${s.seed}`];
  if (s.version) meta.push(`feedsim ${s.version}`);
  if (input.runsFile) meta.push(`runs.jsonl: ${input.runsFile.rows.toLocaleString('en-US')} rows from ${input.runsFile.runs.toLocaleString('en-US')} runs`);
  const warnings = s.kind === 'compare' ? (s.warnings ?? []) : [];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="feedsim report">
<title>${esc(title)}</title>
<style>
${CSS}
</style>
</head>
<body>
<main>
<header>
<h1>${esc(title)}</h1>
<p class="meta">${meta.map(esc).join(' · ')}</p>
<p class="meta">Strategies: ${s.strategies.map((l, i) => `<b>${esc(l)}</b>${i === 0 && s.strategies.length > 1 ? ' (baseline)' : ''}`).join(', ')}</p>
</header>
<section id="headline">
<h2>Headline</h2>
${s.kind === 'compare' ? compareHeadline(s) : sweepHeadline(s)}
</section>
<section id="charts">
<h2>Charts</h2>
${figures.join('\n')}
</section>
<section id="tables">
<h2>Summary tables</h2>
${s.kind === 'compare' ? compareTables(s) : sweepTables(s)}
</section>
${warnings.length ? `<section id="warnings" class="warnings"><h2>Warnings</h2>\n<ul>${warnings.map((w) => `<li>${esc(w)}</li>`).join('\n')}</ul>\n</section>` : ''}
${context(s)}
</main>
</body>
</html>
`;
}

/** Convenience: `{ kind, ...result }` as a {@link ResultsSummary}. */
export function toResultsSummary(result: CompareResult | SweepResult): ResultsSummary {
  const { runs: _runs, ...rest } = result as CompareResult & { runs?: unknown };
  void _runs;
  return 'points' in result ? ({ kind: 'sweep', ...(result as SweepResult) } as ResultsSummary) : ({ kind: 'compare', ...rest } as ResultsSummary);
}
