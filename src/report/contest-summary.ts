/**
 * `summary.json` of a contest (`feedsim contest --out`): a {@link ContestResult} tagged
 * `kind: 'contest'`, and the check the report runs on it before it draws anything.
 * @module
 */
import type { ContestResult } from '../contest/contest.js';
import { need, type SummaryContext } from './summary.js';

/** `summary.json` of a contest: a {@link ContestResult} tagged `kind: 'contest'`. */
export type ContestSummary = ContestResult & SummaryContext & { kind: 'contest' };

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
/** An interval as JSON writes it: NaN bounds become null, so only the object itself is required. */
const isInterval = (x: unknown) => isObject(x) && 'mean' in x;

/**
 * Checks a parsed contest summary, naming the first field that is wrong: every field the report
 * reads (the finalists' intervals and recipes, the paired difference, each family's search).
 */
export function checkContestSummary(value: unknown): ContestSummary {
  need(isObject(value), '(top level)', value, 'an object with kind "contest"');
  const s = value as Record<string, unknown>;
  need(s.kind === 'contest', 'kind', s.kind, '"contest"');
  need(typeof s.headline === 'string', 'headline', s.headline, 'the answer in one sentence');
  need(Array.isArray(s.warnings) && s.warnings.every((w) => typeof w === 'string'), 'warnings', s.warnings, 'a list of sentences');
  need(Array.isArray(s.families) && s.families.length > 0 && s.families.every((f) => typeof f === 'string'), 'families', s.families, 'the family names, baseline first');
  for (const k of ['cycles', 'horizon', 'budgetPerCycle', 'heldOut', 'seed', 'level', 'runs', 'shareAhead'] as const) need(typeof s[k] === 'number', k, s[k], 'a number');
  const count = (s.families as string[]).length;
  need(Array.isArray(s.finalists) && s.finalists.length === count, 'finalists', s.finalists, `one finalist per family (${count})`);
  (s.finalists as unknown[]).forEach((f, i) => {
    const x = f as Record<string, unknown>;
    need(isObject(x) && typeof x.family === 'string' && isObject(x.recipe), `finalists[${i}]`, f, '{ family, recipe, net, audience, ads, terminal, terminalAudience, followers, spendPerCycle }');
    for (const k of ['net', 'audience', 'ads', 'followers']) need(isInterval(x[k]), `finalists[${i}].${k}`, x[k], 'an interval { mean, lower, upper }');
    for (const k of ['terminal', 'terminalAudience']) need(x[k] === null || isInterval(x[k]), `finalists[${i}].${k}`, x[k], 'an interval or null (no horizon)');
    need(typeof x.spendPerCycle === 'number' || x.spendPerCycle === null, `finalists[${i}].spendPerCycle`, x.spendPerCycle, 'a number');
  });
  need(isInterval(s.difference), 'difference', s.difference, 'an interval { mean, lower, upper }');
  need(s.differenceWithTerminal === null || isInterval(s.differenceWithTerminal), 'differenceWithTerminal', s.differenceWithTerminal, 'an interval or null (no horizon)');
  need(isObject(s.crossover) && typeof s.crossover.summary === 'string', 'crossover', s.crossover, 'a crossover with its summary sentence');
  need(Array.isArray(s.searches) && s.searches.length === count, 'searches', s.searches, `one search per family (${count})`);
  (s.searches as unknown[]).forEach((q, i) => {
    const x = q as Record<string, unknown>;
    need(isObject(x) && typeof x.family === 'string' && typeof x.finalist === 'number' && typeof x.runs === 'number', `searches[${i}]`, q, '{ family, candidates, kept, finalist, scaleAgreement, repaired, unspent, runs }');
    need(Array.isArray(x.kept) && x.kept.every((k) => typeof k === 'number'), `searches[${i}].kept`, x.kept, 'candidate indexes');
    need(Array.isArray(x.candidates) && x.candidates.every((c) => isObject(c) && typeof c.index === 'number' && isObject(c.recipe)), `searches[${i}].candidates`, x.candidates, 'a list of { index, recipe, screenScore, … }');
  });
  return value as ContestSummary;
}
