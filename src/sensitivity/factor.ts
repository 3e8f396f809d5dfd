/**
 * Factors of a sensitivity study: a scenario path and the range it is varied over. Designs are
 * drawn in the unit cube; a factor maps its coordinate u ∈ [0, 1] to a scenario value, so one
 * design serves parameters of every kind (probabilities on a log scale, whole numbers, switches,
 * durations).
 * @module
 */
import type { DesignPoint } from '../experiment/design.js';
import { ScenarioError } from '../scenario/errors.js';
import { resolveScenario } from '../scenario/resolve.js';
import type { ScenarioInput } from '../scenario/types.js';
import * as math from '../math/index.js';

/** Scenario objects replaced whole, not merged, when a scenario sets one (a kind with its fields). */
const WHOLE = ['graph', 'content.freshness'] as const;

/**
 * `scenario` with every object a factor reaches into that is replaced whole (the graph, the
 * freshness curve) written out as the scenario resolves it: setting `graph.meanDegree` alone
 * would otherwise drop the graph's kind. Resolves to the same scenario (and hash) as `scenario`.
 */
export function factorBase(scenario: ScenarioInput, factors: readonly Factor[]): ScenarioInput {
  const resolved = resolveScenario(scenario) as unknown as Record<string, Record<string, unknown>>;
  let out = scenario as Record<string, unknown>;
  for (const path of WHOLE) {
    if (!factors.some((f) => f.path.startsWith(`${path}.`))) continue;
    const [a, b] = path.split('.');
    const given = out[a] as Record<string, unknown> | undefined;
    if (b === undefined) out = given === undefined ? { ...out, [a]: resolved[a] } : out;
    else if (given?.[b] === undefined) out = { ...out, [a]: { ...given, [b]: resolved[a][b] } };
  }
  return out as ScenarioInput;
}

/** One factor: the scenario path it sets and its range. */
export interface Factor {
  /** Dotted scenario path, e.g. `behavior.follow.base`. */
  path: string;
  min: number;
  max: number;
  /** Uniform on a log scale (both bounds > 0): for odds ratios, rates and amounts. */
  log?: boolean;
  /** Rounded to a whole number. */
  integer?: boolean;
  /** `switch`: off below u = 0.5, on from it; `duration`: the value is hours, written as `"<h>h"`. */
  kind?: 'number' | 'switch' | 'duration';
}

/** The scenario value of `factor` at unit coordinate `u`. */
export function factorValue(factor: Factor, u: number): number | boolean | string {
  if (factor.kind === 'switch') return u >= 0.5;
  const { min, max } = factor;
  let v = factor.log ? math.exp(math.log(min) + u * (math.log(max) - math.log(min))) : min + u * (max - min);
  if (factor.integer) v = Math.round(v);
  // Four significant digits: points stay readable in records and exports, and the rounding is far below any effect.
  else v = Number(v.toPrecision(4));
  return factor.kind === 'duration' ? `${v}h` : v;
}

/** The design point (path → value) of one row of a unit-cube design. */
export function pointOf(factors: readonly Factor[], row: ArrayLike<number>): DesignPoint {
  const point: DesignPoint = {};
  factors.forEach((f, i) => (point[f.path] = factorValue(f, row[i])));
  return point;
}

/** Checks factors given by a caller: each problem names the factor and what is allowed. */
export function checkFactors(factors: readonly Factor[], where = 'factors'): void {
  const problems = [];
  if (!Array.isArray(factors) || factors.length === 0) throw new ScenarioError([{ path: where, value: factors, allowed: 'must be a non-empty list of factors { path, min, max }' }]);
  const seen = new Set<string>();
  for (let i = 0; i < factors.length; i++) {
    const f = factors[i];
    const at = `${where}[${i}]`;
    if (typeof f?.path !== 'string' || f.path === '') problems.push({ path: `${at}.path`, value: f?.path, allowed: 'must be a dotted scenario path such as behavior.follow.base' });
    else if (seen.has(f.path)) problems.push({ path: `${at}.path`, value: f.path, allowed: 'each factor once' });
    else seen.add(f.path);
    if (f?.kind === 'switch') continue;
    if (!(Number.isFinite(f?.min) && Number.isFinite(f?.max) && f.min <= f.max)) problems.push({ path: at, value: f, allowed: 'must have finite min ≤ max' });
    else if (f.log && !(f.min > 0)) problems.push({ path: `${at}.min`, value: f.min, allowed: 'must be > 0 on a log scale' });
    if (f?.kind !== undefined && f.kind !== 'number' && f.kind !== 'duration') problems.push({ path: `${at}.kind`, value: f.kind, allowed: 'number, switch or duration' });
  }
  if (problems.length) throw new ScenarioError(problems);
}
