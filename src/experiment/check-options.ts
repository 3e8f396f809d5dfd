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
  replicates?: unknown;
  seed?: unknown;
  workers?: unknown;
  level?: unknown;
  interval?: unknown;
  adaptive?: unknown;
}


/** Throws a {@link ScenarioError} listing every bad option. */
export function checkExperimentOptions(o: ExperimentOptions): void {
  const problems: ScenarioProblem[] = [];
  const bad = (path: string, value: unknown, allowed: string) => problems.push({ path, value, allowed });
  if (o.replicates !== undefined && !isWhole(o.replicates, 2, 100_000)) {
    bad('replicates', o.replicates, 'a whole number from 2 to 100,000: an interval needs at least two replicates');
  }
  if (o.seed !== undefined && !isWhole(o.seed, -INT32, INT32 - 1)) bad('seed', o.seed, 'a whole number from -2,147,483,648 to 2,147,483,647');
  if (o.workers !== undefined && !isWhole(o.workers, 1, 1024)) bad('workers', o.workers, 'a whole number from 1 to 1,024');
  if (o.level !== undefined && !(typeof o.level === 'number' && o.level > 0 && o.level < 1)) bad('level', o.level, 'a number between 0 and 1, e.g. 0.95');
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
