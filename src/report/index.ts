/**
 * `feedsim/report`: one self-contained HTML report (inline SVG charts, summary tables, no
 * scripts, opens with no network) of a comparison or a sweep. {@link buildReport} makes the HTML
 * from a result; {@link writeReport} reads a results directory (`summary.json`, optionally
 * `runs.jsonl`) and writes its `report.html` (Node).
 * @example
 * ```ts
 * import { compare } from 'feedsim';
 * import { buildReport, toResultsSummary } from 'feedsim/report';
 * const r = await compare({ scenario: { users: 2000, cycles: 10 }, strategies: ['like-chasing', 'follow-building'], replicates: 10 });
 * const html = await buildReport({ summary: toResultsSummary(r) });
 * ```
 * @packageDocumentation
 */
export { buildReport, reportCharts, toResultsSummary, REPORT_LAYOUTS } from './build.js';
export type { ReportInput } from './build.js';
export { writeReport, readResultsSummary } from './write.js';
export type { WriteReportOptions } from './write.js';
export { checkResultsSummary, parseResultsSummary } from './summary.js';
export type { ResultsSummary, CompareSummary, SweepSummary, SummaryContext } from './summary.js';
export { readReplicateFinals, replicateFinalsFromRuns } from './runs.js';
export type { ReplicateFinals } from './runs.js';
export type { Chart } from '../plots/charts.js';
export type { ReplicateValue } from '../plots/replicates.js';
