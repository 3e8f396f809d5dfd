/**
 * The results summary a CLI run writes (`summary.json`) and the report reads: a comparison's or
 * a sweep's result, tagged with its kind, plus optional context shown in the report.
 * @module
 */
import type { CompareResult } from '../experiment/compare.js';
import type { SweepResult } from '../experiment/sweep.js';

/** Context a results directory may carry, shown at the top of the report. */
export interface SummaryContext {
  /** Report heading (default: "feedsim comparison" / "feedsim sweep"). */
  title?: string;
  /** feedsim version that produced the results. */
  version?: string;
  /** The command line that produced the results. */
  command?: string;
  /** The scenario input as given (shown verbatim as JSON). */
  scenario?: unknown;
  /** A sweep's design as given (shown verbatim as JSON). */
  design?: unknown;
  /** The complete input document (e.g. a results directory's `manifest.json` `input`), shown verbatim as JSON. */
  input?: unknown;
}

/** `summary.json` of a comparison: a {@link CompareResult} (without `runs`, usually) tagged `kind: 'compare'`. */
export type CompareSummary = CompareResult & SummaryContext & { kind: 'compare' };

/** `summary.json` of a sweep: a {@link SweepResult} tagged `kind: 'sweep'`. */
export type SweepSummary = SweepResult & SummaryContext & { kind: 'sweep' };

/**
 * What `summary.json` in a results directory holds: `JSON.stringify({ kind: 'compare', ...compareResult })`
 * or `JSON.stringify({ kind: 'sweep', ...sweepResult })`, optionally with {@link SummaryContext} fields.
 * JSON turns NaN into null; the report shows null as "—".
 */
export type ResultsSummary = CompareSummary | SweepSummary;

/** Throws a TypeError naming `file` (default `summary.json`), `field`, its value and what was expected, unless `ok`. */
export function need(ok: boolean, field: string, value: unknown, allowed: string, file = 'summary.json'): void {
  if (!ok) throw new TypeError(`${file}: ${field} is ${JSON.stringify(value)?.slice(0, 120) ?? 'undefined'}; expected ${allowed}`);
}

/** Checks a parsed `summary.json`, naming the first field that is wrong. */
export function checkResultsSummary(value: unknown): ResultsSummary {
  need(!!value && typeof value === 'object' && !Array.isArray(value), '(top level)', value, 'an object with kind "compare" or "sweep"');
  const s = value as Record<string, unknown>;
  need(s.kind === 'compare' || s.kind === 'sweep', 'kind', s.kind, '"compare" or "sweep" (a contest\'s report: buildContestReport)');
  need(Array.isArray(s.strategies) && s.strategies.length > 0 && s.strategies.every((x) => typeof x === 'string'), 'strategies', s.strategies, 'a non-empty list of strategy labels');
  const strategies = s.strategies as string[];
  if (s.kind === 'compare') {
    for (const k of ['replicates', 'cycles', 'level', 'seed'] as const) need(typeof s[k] === 'number', k, s[k], 'a number');
    need(!!s.summary && typeof s.summary === 'object', 'summary', s.summary, 'per-strategy metric series');
    for (const l of strategies) need(!!(s.summary as Record<string, unknown>)[l], `summary[${JSON.stringify(l)}]`, undefined, `the metric series of strategy ${JSON.stringify(l)}`);
    need(Array.isArray(s.crossovers), 'crossovers', s.crossovers, 'a list of crossovers (one per challenger)');
    need(!!s.economics && typeof s.economics === 'object', 'economics', s.economics, 'per-strategy economics intervals');
  } else {
    need(Array.isArray(s.points), 'points', s.points, 'a list of sweep points');
    (s.points as unknown[]).forEach((p, i) => {
      const q = p as Record<string, unknown>;
      need(!!q && typeof q.point === 'object' && typeof q.winner === 'string', `points[${i}]`, p, '{ point, winner, final, difference, crossovers }');
    });
  }
  return value as ResultsSummary;
}

/** The text of `summary.json` (or another `file`) as JSON, with a clear error when it is not. */
export function parseSummaryJson(text: string, file = 'summary.json'): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TypeError(`${file}: not valid JSON (${(e as Error).message})`);
  }
}

/** Parses and checks the text of `summary.json`. */
export function parseResultsSummary(text: string): ResultsSummary {
  return checkResultsSummary(parseSummaryJson(text));
}
