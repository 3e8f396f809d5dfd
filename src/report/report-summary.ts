/**
 * What `feedsim report` can make a page of: a comparison's, a sweep's or a contest's
 * `summary.json`. The kind decides the page (`build.ts` for the first two, `contest.ts` for a
 * contest), so it is checked first, with every kind named.
 * @module
 */
import { checkContestSummary, type ContestSummary } from './contest-summary.js';
import { checkResultsSummary, need, parseSummaryJson, type ResultsSummary } from './summary.js';

/** A summary a report can be made of. */
export type ReportSummary = ResultsSummary | ContestSummary;

/** Checks a parsed `summary.json` of any kind a report covers, naming the first field that is wrong. */
export function checkReportSummary(value: unknown): ReportSummary {
  const kind = (value as { kind?: unknown } | null)?.kind;
  need(!!value && typeof value === 'object' && !Array.isArray(value), '(top level)', value, 'an object with kind "compare", "sweep" or "contest"');
  need(kind === 'compare' || kind === 'sweep' || kind === 'contest', 'kind', kind, '"compare", "sweep" or "contest" (reports cover comparisons, sweeps and contests)');
  return kind === 'contest' ? checkContestSummary(value) : checkResultsSummary(value);
}

/** Parses and checks the text of `summary.json` of any kind a report covers. */
export function parseReportSummary(text: string): ReportSummary {
  return checkReportSummary(parseSummaryJson(text));
}
