/**
 * Freshness f(age) in [0, 1]: it multiplies ranking scores, and a post leaves every candidate
 * pool once f falls below the floor or its hard lifetime ends. Curves are plain functions of
 * age in hours; the engine tabulates them per step of age, so the hot loop only reads an array.
 * @module
 */
import type { FreshnessSpec } from '../scenario/types.js';
import { parseHours } from '../time.js';
import { closestKey, ScenarioError } from '../scenario/errors.js';
import * as math from '../math/index.js';

/** A freshness curve: age in hours → multiplier in [0, 1], with f(0) = 1, non-increasing. */
export type FreshnessCurve = (ageHours: number) => number;

/** Exponential decay with the given half-life: f = 2^(−age / halfLife). */
export function exponentialFreshness(halfLifeHours: number): FreshnessCurve {
  return (age) => math.pow(2, -age / halfLifeHours);
}

/**
 * Stretched exponential f = exp(−b·age^c) (Wu & Huberman 2007), with b chosen so that
 * f(halfLife) = 1/2; c < 1 gives a long tail, c = 1 is the exponential.
 */
export function stretchedFreshness(halfLifeHours: number, shape: number): FreshnessCurve {
  const b = Math.LN2 / math.pow(halfLifeHours, shape);
  return (age) => math.exp(-b * math.pow(age, shape));
}

const custom = new Map<string, FreshnessCurve>();

/**
 * Registers a freshness curve under a name, for `{ kind: 'custom', name }` in scenarios.
 * @example
 * ```ts
 * registerFreshness('power-law', (age) => 1 / (1 + age) ** 1.5);
 * simulate({ content: { freshness: { kind: 'custom', name: 'power-law', floor: 0.01 } } });
 * ```
 */
export function registerFreshness(name: string, curve: FreshnessCurve): void {
  if (typeof name !== 'string' || !name) throw new TypeError('registerFreshness: name must be a non-empty string');
  if (typeof curve !== 'function') throw new TypeError('registerFreshness: curve must be a function of age in hours');
  custom.set(name, curve);
}

/** The curve a scenario asks for. */
export function freshnessCurve(spec: FreshnessSpec): FreshnessCurve {
  switch (spec.kind) {
    case 'custom': {
      const c = custom.get(spec.name);
      if (!c) {
        const known = [...custom.keys()];
        throw new ScenarioError([{ path: 'content.freshness.name', value: spec.name, allowed: `is not a registered freshness curve (known: ${known.join(', ') || 'none'}; registerFreshness adds one)`, suggestion: closestKey(spec.name, known) }]);
      }
      return (age) => {
        const f = c(age);
        if (!(f >= 0 && f <= 1)) throw new RangeError(`freshness curve "${spec.name}" returned ${f} at age ${age} h: values must be in [0, 1]`);
        return f;
      };
    }
    case 'exponential':
      return exponentialFreshness(parseHours(spec.halfLife, 'content.freshness.halfLife'));
    case 'stretched':
      return stretchedFreshness(parseHours(spec.halfLife, 'content.freshness.halfLife'), spec.shape);
    case 'none':
      return () => 1;
  }
}

/** A freshness curve tabulated per whole step of age; ages past the table are expired. */
export interface FreshnessTable {
  /** f at age 0, 1, 2, … steps; its length is the maximum age in steps plus one. */
  readonly values: Float64Array;
  /** Steps after which a post leaves every candidate pool. */
  readonly maxAge: number;
}

/** Longest age ever tabulated (a post with no decay and no lifetime lives this long). */
const MAX_TABLE_STEPS = 1 << 20;

/**
 * Tabulates `curve` for steps of `stepHours`, cut where f < `floor` or at `lifetimeHours`.
 * A hard lifetime ends impressions exactly: a post of lifetime L has ages 0 … ceil(L/step) − 1.
 */
export function tabulateFreshness(
  curve: FreshnessCurve,
  stepHours: number,
  floor: number,
  lifetimeHours = Infinity,
  limitSteps = MAX_TABLE_STEPS,
): FreshnessTable {
  const lifetimeSteps = Number.isFinite(lifetimeHours) ? Math.max(1, Math.ceil(lifetimeHours / stepHours - 1e-9)) : Infinity;
  const values: number[] = [];
  for (let age = 0; age < Math.min(lifetimeSteps, limitSteps); age++) {
    const f = curve(age * stepHours);
    if (!(f >= floor) || (age > 0 && f <= 0)) break;
    values.push(f);
  }
  if (values.length === 0) {
    // A new post below the floor (or NaN) would never be shown: an error, not freshness 1.
    throw new ScenarioError([{ path: 'content.freshness', value: curve(0), allowed: `must give a new post (age 0) a freshness of at least the floor, ${floor}: posts would never be shown` }]);
  }
  return { values: Float64Array.from(values), maxAge: values.length - 1 };
}
