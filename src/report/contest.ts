/**
 * The HTML report of a contest (`feedsim contest --out`, then `feedsim report`): the answer's
 * sentence first with any warning beside it, as a comparison's report opens, then the causal
 * split of each finalist as a chart, and tables of the finalists, their difference, their recipes
 * and each family's search. Self-contained like every report: no scripts, nothing fetched, and
 * the same summary gives the same bytes.
 * @module
 */
import type { Chart } from '../plots/charts.js';
import { contestSplitPlot, CONTEST_SPLIT_TITLE } from '../plots/contest-split.js';
import type { ChartLayout } from '../plots/theme.js';
import { levelOf, reportFigures, reportPage, warningsBox } from './build.js';
import { checkContestSummary, type ContestSummary } from './contest-summary.js';
import { candidatesTable, differenceTable, finalistsTable, recipesTable, searchesTable } from './contest-tables.js';
import { escapeHtml as esc, num } from './format.js';
import type { SummaryContext } from './summary.js';

/** What {@link buildContestReport} needs. */
export interface ContestReportInput {
  /** The contest's `summary.json`. */
  summary: ContestSummary;
  /** Size of `runs.jsonl`, shown in the header. */
  runsFile?: { rows: number; runs: number };
  /** Further charts appended after the contest's own. */
  extraCharts?: Chart[];
  /** Context shown where the summary has none (e.g. from `manifest.json`). */
  context?: SummaryContext;
}

/** Wide tables (a candidate's every parameter) scroll inside the page rather than widen it. */
const CONTEST_CSS = `
.scroll { overflow-x: auto; max-width: 100%; }
details.candidates { margin: 8px 0; }
details.candidates summary { cursor: pointer; }
details.candidates table { margin-bottom: 4px; }
p.caption { color: #555; font-size: 12px; margin: 0 0 16px; }
`.trim();

/** The charts of a contest's report: the causal split of each finalist, then `extraCharts`. */
export function contestReportCharts(input: Pick<ContestReportInput, 'summary' | 'extraCharts'>, layout: ChartLayout = {}): Chart[] {
  const s = checkContestSummary(input.summary);
  return [{ name: 'contest-split', title: CONTEST_SPLIT_TITLE, spec: contestSplitPlot(s, layout) }, ...(input.extraCharts ?? [])];
}

/**
 * Builds the HTML report of a contest: header, headline (the contest's sentence, its warnings
 * beside it), the chart of each finalist's net return and its causes, and the tables.
 * @example
 * ```ts
 * import { contest } from 'feedsim';
 * import { buildContestReport } from 'feedsim/report';
 * const r = await contest({ scenario: { users: 1000, cycles: 3 }, candidates: 4, heldOut: 4 });
 * const html = await buildContestReport({ summary: { kind: 'contest', ...r } });
 * ```
 */
export async function buildContestReport(input: ContestReportInput): Promise<string> {
  const s = { ...input.context, ...checkContestSummary(input.summary) };
  const figures = await reportFigures((layout) => contestReportCharts({ summary: s }, layout), input.extraCharts);
  const meta = [
    `${s.heldOut} held-out replicates`, `${s.cycles} cycles`, s.horizon > 0 ? `horizon ${s.horizon} cycles` : 'no horizon',
    `budget ${num(s.budgetPerCycle)} a cycle`, `${s.runs.toLocaleString('en-US')} runs`, `seed ${s.seed}`, `${levelOf(s.level)} intervals`,
  ];
  const last = s.families.length - 1;
  const role = (i: number) => (last === 0 ? '' : i === 0 ? ' (baseline)' : i === last ? ' (challenger)' : '');
  return reportPage({
    title: s.title ?? 'feedsim contest', meta, version: s.version, runsFile: input.runsFile, figures, context: s, css: CONTEST_CSS,
    compared: `Families: ${s.families.map((f, i) => `<b>${esc(f)}</b>${role(i)}`).join(', ')}`,
    headline: [`<p class="verdict">${esc(s.headline)}</p>`, warningsBox(s.warnings)].filter(Boolean).join('\n'),
    tables: [
      '<h3>Finalists on the held-out replicates</h3>', finalistsTable(s), '<h3>Difference</h3>', differenceTable(s),
      '<h3>Recipes</h3>', recipesTable(s), '<h3>Searches</h3>', searchesTable(s), ...s.searches.map(candidatesTable),
    ].join('\n'),
  });
}
