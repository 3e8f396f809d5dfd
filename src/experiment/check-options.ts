/**
 * Checks of the options `compare` and `sweep` share — replicates, seed, workers, confidence
 * level, interval method, adaptive replication — made before any run, every problem reported
 * together, so a bad option is an error naming it rather than a hang (`workers: NaN`), a loop
 * that never ends (`adaptive.batch: 0`) or a figure that looks valid (one replicate's
 * zero-width "interval").
 * @module
 */
import { CYCLE_METRIC_NAMES } from '../engine/tidy.js';
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import { INT32, isWhole } from '../whole.js';

/** The options checked; each may be absent (its default applies). */
export interface ExperimentOptions {
  scenario?: unknown;
  replicates?: unknown;
  seed?: unknown;
  workers?: unknown;
  level?: unknown;
  interval?: unknown;
  adaptive?: unknown;
}

/**
 * The highest confidence level: an interval's upper quantile is 1 − (1 − level) / 2, which
 * rounds to 1 (an infinite t quantile) for levels within about 1e-16 of 1, such as
 * 0.9999999999999999 — accepted once, it failed only after every run had finished.
 */
export const MAX_LEVEL = 0.999999;

/** What a confidence level must be, or undefined when `level` is one. */
export function levelProblem(level: unknown): string | undefined {
  return typeof level === 'number' && level > 0 && level <= MAX_LEVEL ? undefined : `a number above 0 and at most ${MAX_LEVEL}, e.g. 0.95`;
}

/** Throws a {@link ScenarioError} listing every bad option. */
export function checkExperimentOptions(o: ExperimentOptions): void {
  const problems: ScenarioProblem[] = [];
  const bad = (path: string, value: unknown, allowed: string) => problems.push({ path, value, allowed });
  // null is not "no scenario": it ran the default 10,000-user scenario without a word.
  if (o.scenario !== undefined && (typeof o.scenario !== 'object' || o.scenario === null || Array.isArray(o.scenario))) {
    bad('scenario', o.scenario, 'a scenario object (leave it out for the default scenario)');
  }
  if (o.replicates !== undefined && !isWhole(o.replicates, 2, 100_000)) {
    bad('replicates', o.replicates, 'a whole number from 2 to 100,000: an interval needs at least two replicates');
  }
  if (o.seed !== undefined && !isWhole(o.seed, -INT32, INT32 - 1)) bad('seed', o.seed, 'a whole number from -2,147,483,648 to 2,147,483,647');
  if (o.workers !== undefined && !isWhole(o.workers, 1, 1024)) bad('workers', o.workers, 'a whole number from 1 to 1,024');
  const level = o.level === undefined ? undefined : levelProblem(o.level);
  if (level) bad('level', o.level, level);
  if (o.interval !== undefined && o.interval !== 't' && o.interval !== 'bootstrap') bad('interval', o.interval, '"t" or "bootstrap"');
  if (o.adaptive !== undefined) {
    const a = o.adaptive as Record<string, unknown>;
    if (typeof a !== 'object' || a === null || Array.isArray(a)) bad('adaptive', a, 'an object { target, halfWidth, maxReplicates, batch? }');
    else {
      if (a.target !== 'crossover' && !CYCLE_METRIC_NAMES.includes(a.target as string)) {
        bad('adaptive.target', a.target, `"crossover" or a cycle metric: ${CYCLE_METRIC_NAMES.join(', ')}`);
      }
      if (!(typeof a.halfWidth === 'number' && a.halfWidth > 0 && Number.isFinite(a.halfWidth))) bad('adaptive.halfWidth', a.halfWidth, 'a number > 0');
      if (!isWhole(a.maxReplicates, 2, 100_000)) bad('adaptive.maxReplicates', a.maxReplicates, 'a whole number from 2 to 100,000');
      if (a.batch !== undefined && !isWhole(a.batch, 1, 100_000)) bad('adaptive.batch', a.batch, 'a whole number from 1 to 100,000');
    }
  }
  if (problems.length) throw new ScenarioError(problems);
}
