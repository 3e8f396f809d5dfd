/**
 * `summary.json` of a sensitivity study (`feedsim sensitivity --out`): a {@link SensitivityResult}
 * tagged `kind: 'sensitivity'`, and the check the report runs on it before it draws anything.
 * @module
 */
import type { SensitivityResult } from '../sensitivity/study.js';
import { need, type SummaryContext } from './summary.js';

/** `summary.json` of a sensitivity study: a {@link SensitivityResult} tagged `kind: 'sensitivity'`. */
export type SensitivitySummary = SensitivityResult & SummaryContext & { kind: 'sensitivity' };

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
/** A number as JSON writes one: NaN (an undefined index, a constant output) becomes null. */
const isNumberOrNull = (x: unknown) => x === null || typeof x === 'number';
/** An estimate with its interval `{ estimate, lower, upper }`; `finite` when it cannot be NaN. */
const isEstimate = (x: unknown, finite: boolean) => isObject(x) && ['estimate', 'lower', 'upper'].every((k) => (finite ? isNumber(x[k]) : isNumberOrNull(x[k])));

/** Checks the Morris indices of one output: every factor's μ*, μ, σ, rank and rank range. */
function checkMorris(m: unknown, at: string, k: number): void {
  need(isObject(m), at, m, '{ factors, topStability, top, trajectories }');
  const x = m as Record<string, unknown>;
  for (const key of ['topStability', 'top', 'trajectories'] as const) need(isNumber(x[key]), `${at}.${key}`, x[key], 'a number');
  need(Array.isArray(x.factors) && x.factors.length === k, `${at}.factors`, x.factors, `the indices of each of the ${k} factors, in the factors' order`);
  (x.factors as unknown[]).forEach((f, i) => {
    const path = `${at}.factors[${i}]`;
    need(isObject(f), path, f, '{ muStar, mu, sigma, rank, rankRange }');
    const g = f as Record<string, unknown>;
    need(isEstimate(g.muStar, true), `${path}.muStar`, g.muStar, 'μ* with its interval { estimate, lower, upper }');
    for (const key of ['mu', 'sigma'] as const) need(isNumber(g[key]), `${path}.${key}`, g[key], 'a number');
    need(Number.isInteger(g.rank) && (g.rank as number) >= 1 && (g.rank as number) <= k, `${path}.rank`, g.rank, `a rank from 1 to ${k}`);
    need(Array.isArray(g.rankRange) && g.rankRange.length === 2 && g.rankRange.every(isNumber), `${path}.rankRange`, g.rankRange, 'the bootstrap range of the rank [low, high]');
  });
  const ranks = new Set((x.factors as Array<{ rank: number }>).map((f) => f.rank));
  need(ranks.size === k, `${at}.factors`, [...ranks], `ranks 1 to ${k}, each once`);
}

/** Checks the Sobol indices of one output (and its emulator's report, when it has one). */
function checkSobol(o: Record<string, unknown>, at: string, k: number): void {
  need(isObject(o.sobol), `${at}.sobol`, o.sobol, '{ factors, variance, mean, constant, N, … }');
  const s = o.sobol as Record<string, unknown>;
  need(typeof s.constant === 'boolean', `${at}.sobol.constant`, s.constant, 'true or false');
  need(isNumber(s.N), `${at}.sobol.N`, s.N, 'a number');
  need(Array.isArray(s.factors) && s.factors.length === k, `${at}.sobol.factors`, s.factors, `the indices of each of the ${k} factors, in the factors' order`);
  (s.factors as unknown[]).forEach((f, i) => {
    const g = f as Record<string, unknown>;
    need(isObject(g), `${at}.sobol.factors[${i}]`, f, '{ first, total }');
    for (const key of ['first', 'total'] as const) need(isEstimate(g[key], false), `${at}.sobol.factors[${i}].${key}`, g[key], 'an index with its interval { estimate, lower, upper }');
  });
  if (o.emulator === undefined) return;
  need(isObject(o.emulator), `${at}.emulator`, o.emulator, '{ q2, coverage, trusted, reason, heldOut, trainingPoints, samples }');
  const e = o.emulator as Record<string, unknown>;
  for (const key of ['q2', 'coverage'] as const) need(isNumberOrNull(e[key]), `${at}.emulator.${key}`, e[key], 'a number');
  need(typeof e.trusted === 'boolean', `${at}.emulator.trusted`, e.trusted, 'true or false');
  need(typeof e.reason === 'string', `${at}.emulator.reason`, e.reason, 'a sentence');
  for (const key of ['heldOut', 'trainingPoints', 'samples'] as const) need(isNumber(e[key]), `${at}.emulator.${key}`, e[key], 'a number');
}

/**
 * Checks a parsed sensitivity summary, naming the first field that is wrong: every field the
 * report reads (the factors, each output's indices, the means and warnings).
 */
export function checkSensitivitySummary(value: unknown): SensitivitySummary {
  need(isObject(value), '(top level)', value, 'an object with kind "sensitivity"');
  const s = value as Record<string, unknown>;
  need(s.kind === 'sensitivity', 'kind', s.kind, '"sensitivity"');
  need(s.method === 'morris' || s.method === 'sobol', 'method', s.method, '"morris" or "sobol"');
  need(Array.isArray(s.factors) && s.factors.length > 0, 'factors', s.factors, 'the list of factors { path, min, max } varied');
  (s.factors as unknown[]).forEach((f, i) => {
    const g = f as Record<string, unknown>;
    need(isObject(g) && typeof g.path === 'string' && isNumber(g.min) && isNumber(g.max), `factors[${i}]`, f, '{ path, min, max, log?, integer? }');
  });
  need(Array.isArray(s.strategies) && s.strategies.length === 2 && s.strategies.every((x) => typeof x === 'string'), 'strategies', s.strategies, 'two strategy labels, baseline first');
  for (const key of ['cycle', 'replicates', 'seed', 'points', 'runs'] as const) need(isNumber(s[key]), key, s[key], 'a number');
  need(Array.isArray(s.warnings) && s.warnings.every((w) => typeof w === 'string'), 'warnings', s.warnings, 'a list of sentences');
  need(isObject(s.outputs) && Object.keys(s.outputs).length > 0, 'outputs', s.outputs, 'the indices of each output ({ difference, crossover, … })');
  need(isObject(s.means), 'means', s.means, 'the mean of each output over the design');
  const k = (s.factors as unknown[]).length;
  for (const [name, o] of Object.entries(s.outputs as Record<string, unknown>)) {
    const at = `outputs[${JSON.stringify(name)}]`;
    need(isObject(o) && o.method === s.method, `${at}.method`, isObject(o) ? o.method : o, `"${s.method as string}", the study's method`);
    if (s.method === 'morris') checkMorris((o as Record<string, unknown>).morris, `${at}.morris`, k);
    else checkSobol(o as Record<string, unknown>, at, k);
    const mean = (s.means as Record<string, unknown>)[name];
    need(isNumberOrNull(mean), `means[${JSON.stringify(name)}]`, mean, `the mean of output ${JSON.stringify(name)} over the design`);
  }
  return value as SensitivitySummary;
}
