/**
 * What `feedsim report` can make a page of: a comparison's, a sweep's, a contest's or a
 * sensitivity study's `summary.json`. The kind decides the page (`build.ts` for the first two,
 * `contest.ts` for a contest, `sensitivity.ts` for a study), so it is checked first, with every
 * kind named.
 * @module
 */
import { checkContestSummary, type ContestSummary } from './contest-summary.js';
import { checkSensitivitySummary, type SensitivitySummary } from './sensitivity-summary.js';
import { checkResultsSummary, need, parseSummaryJson, type ResultsSummary } from './summary.js';

/** A summary a report can be made of. */
export type ReportSummary = ResultsSummary | ContestSummary | SensitivitySummary;

/** Checks a parsed `summary.json` of any kind a report covers, naming the first field that is wrong. */
export function checkReportSummary(value: unknown): ReportSummary {
  const kind = (value as { kind?: unknown } | null)?.kind;
  need(!!value && typeof value === 'object' && !Array.isArray(value), '(top level)', value, 'an object with kind "compare", "sweep", "contest" or "sensitivity"');
  need(kind === 'compare' || kind === 'sweep' || kind === 'contest' || kind === 'sensitivity', 'kind', kind, '"compare", "sweep", "contest" or "sensitivity" (reports cover comparisons, sweeps, contests and sensitivity studies)');
  if (kind === 'sensitivity') return checkSensitivitySummary(value);
  return kind === 'contest' ? checkContestSummary(value) : checkResultsSummary(value);
}

/** Parses and checks the text of `summary.json` of any kind a report covers. */
export function parseReportSummary(text: string): ReportSummary {
  return checkReportSummary(parseSummaryJson(text));
}
