/**
 * `feedsim/report`: one self-contained HTML report (inline SVG charts, summary tables, no
 * scripts, opens with no network) of a comparison, a sweep, a contest, a sensitivity study or a fit.
 * {@link buildReport} makes the HTML from a comparison or a sweep, {@link buildContestReport}
 * from a contest, {@link buildSensitivityReport} from a sensitivity study, {@link buildFitReport}
 * from a fit and its advice; {@link writeReport} reads a results directory of any of them
 * (`summary.json`, optionally `runs.jsonl`; or a fit's `fit.json`) and writes its `report.html` (Node).
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
export { writeReport, readResultsSummary, readReportSummary, readFitReport, isFitDirectory } from './write.js';
export type { WriteReportOptions } from './write.js';
export { checkResultsSummary, parseResultsSummary } from './summary.js';
export type { ResultsSummary, CompareSummary, SweepSummary, SummaryContext } from './summary.js';
export { buildContestReport, contestReportCharts } from './contest.js';
export type { ContestReportInput } from './contest.js';
export { checkContestSummary } from './contest-summary.js';
export type { ContestSummary } from './contest-summary.js';
export { buildSensitivityReport, sensitivityReportCharts } from './sensitivity.js';
export type { SensitivityReportInput } from './sensitivity.js';
export { checkSensitivitySummary } from './sensitivity-summary.js';
export type { SensitivitySummary } from './sensitivity-summary.js';
export { buildFitReport, fitReportCharts } from './fit.js';
export type { FitReportInput } from './fit.js';
export { checkFitResult, checkAdvice } from './fit-summary.js';
export { checkReportSummary, parseReportSummary } from './report-summary.js';
export type { ReportSummary } from './report-summary.js';
export { readReplicateFinals, replicateFinalsFromRuns } from './runs.js';
export type { ReplicateFinals } from './runs.js';
export type { Chart } from '../plots/charts.js';
export type { ReplicateValue } from '../plots/replicates.js';
