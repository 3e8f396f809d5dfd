/**
 * Sweep designs: a pure function from a design to the list of parameter points, each a map
 * from a dotted scenario path (`behavior.follow.base`) to a value.
 * @module
 */
import { createXor128, nextFloat, seedXor128 } from '../rng.js';
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import type { ScenarioInput } from '../scenario/types.js';
import { designSizeProblems } from './sweep-size.js';
import * as math from '../math/index.js';

/** A range of a Latin-hypercube factor. */
export interface FactorRange {
  min: number;
  max: number;
  /** Sample uniformly on a log scale (both bounds > 0). */
  log?: boolean;
  /** Round to whole numbers. */
  integer?: boolean;
}

/** A sweep design. */
export type Design =
  /** Every combination of the listed values (the first factor varies slowest). */
  | { kind: 'grid'; factors: Record<string, unknown[]> }
  /** Exactly these points. */
  | { kind: 'list'; points: Array<Record<string, unknown>> }
  /** `samples` points, one per stratum of every factor, from a seeded stream. */
  | { kind: 'latin-hypercube'; factors: Record<string, FactorRange>; samples: number; seed: number | string };

/** One point of a design: scenario path → value. */
export type DesignPoint = Record<string, unknown>;

function fail(path: string, value: unknown, allowed: string): never {
  throw new ScenarioError([{ path, value, allowed }]);
}

/**
 * Expands a design to its points (pure: the same design always gives the same points). A design
 * without factors, or of more than `MAX_DESIGN_POINTS` points, is refused before expanding.
 */
export function expandDesign(design: Design): DesignPoint[] {
  const size = designSizeProblems(design);
  if (size.length) throw new ScenarioError(size);
  switch (design?.kind) {
    case 'grid': {
      const entries = Object.entries(design.factors ?? {});
      for (const [k, v] of entries) if (!Array.isArray(v) || v.length === 0) fail(`design.factors.${k}`, v, 'must be a non-empty array of values');
      let points: DesignPoint[] = [{}];
      for (const [path, values] of entries) points = points.flatMap((p) => values.map((v) => ({ ...p, [path]: v })));
      return points;
    }
    case 'list':
      if (!Array.isArray(design.points) || design.points.length === 0) fail('design.points', design.points, 'must be a non-empty array of { path: value } objects');
      return design.points.map((p) => ({ ...p }));
    case 'latin-hypercube': {
      const n = design.samples;
      if (!(Number.isInteger(n) && n >= 1)) fail('design.samples', n, 'must be a whole number ≥ 1');
      const rng = seedXor128(createXor128(), String(design.seed));
      const points: DesignPoint[] = Array.from({ length: n }, () => ({}));
      for (const [path, r] of Object.entries(design.factors ?? {})) {
        if (!(Number.isFinite(r?.min) && Number.isFinite(r?.max) && r.min <= r.max)) fail(`design.factors.${path}`, r, 'must be { min, max } with min ≤ max');
        if (r.log && !(r.min > 0)) fail(`design.factors.${path}.min`, r.min, 'must be > 0 on a log scale');
        // One draw per stratum, strata shuffled (Fisher–Yates) independently per factor.
        const strata = Array.from({ length: n }, (_, i) => i);
        for (let i = n - 1; i > 0; i--) {
          const j = Math.floor(nextFloat(rng) * (i + 1));
          [strata[i], strata[j]] = [strata[j], strata[i]];
        }
        for (let i = 0; i < n; i++) {
          const u = (strata[i] + nextFloat(rng)) / n;
          let v = r.log ? math.exp(math.log(r.min) + u * (math.log(r.max) - math.log(r.min))) : r.min + u * (r.max - r.min);
          if (r.integer) v = Math.round(v);
          points[i][path] = v;
        }
      }
      return points;
    }
    default:
      return fail('design.kind', (design as { kind?: unknown })?.kind, 'must be one of grid, list, latin-hypercube');
  }
}

/** A shallow copy of an object or list (the copy-on-write step of {@link applyPoint}). */
function shallow(node: Record<string, unknown> | unknown[]): Record<string, unknown> | unknown[] {
  return Array.isArray(node) ? [...node] : { ...node };
}

/**
 * The scenario with each dotted path of `point` set: objects along the path are created, and a
 * list's entries are reached by index (`accounts.1.startingFollowers`). Only the objects along the
 * paths are copied; the rest is shared with `scenario` (neither is modified), so a large edge list
 * is not copied once per point.
 */
export function applyPoint(scenario: ScenarioInput, point: DesignPoint): ScenarioInput {
  const out = shallow(scenario as Record<string, unknown>) as Record<string, unknown>;
  // Objects already copied for this point: a second path through them must not copy them again.
  const copied = new Set<unknown>([out]);
  const problems: ScenarioProblem[] = [];
  for (const [path, value] of Object.entries(point)) {
    const keys = path.split('.');
    if (keys.some((k) => k === '' || k === '__proto__' || k === 'constructor' || k === 'prototype')) {
      problems.push({ path, value, allowed: 'must be a dotted scenario path such as behavior.follow.base' });
      continue;
    }
    let node: Record<string, unknown> | unknown[] = out;
    let bad = '';
    // The child at `key`, copied (or created) so that writing into it leaves `scenario` alone.
    const own = (parent: Record<string, unknown> | unknown[], key: string | number, child: unknown): Record<string, unknown> | unknown[] => {
      if (copied.has(child)) return child as Record<string, unknown> | unknown[];
      const copy = typeof child === 'object' && child !== null ? shallow(child as Record<string, unknown>) : {};
      copied.add(copy);
      (parent as Record<string | number, unknown>)[key] = copy;
      return copy;
    };
    for (let i = 0; i < keys.length && !bad; i++) {
      const k = keys[i];
      const last = i === keys.length - 1;
      if (Array.isArray(node)) {
        const at = Number(k);
        if (!(Number.isInteger(at) && at >= 0 && at < node.length)) {
          bad = `${keys.slice(0, i).join('.')} is a list of ${node.length}: "${k}" must be an index from 0 to ${node.length - 1}`;
        } else if (last) node[at] = value;
        else if (typeof node[at] !== 'object' || node[at] === null) bad = `${keys.slice(0, i + 1).join('.')} is not an object`;
        else node = own(node, at, node[at]);
        continue;
      }
      if (last) node[k] = value;
      else node = own(node, k, typeof node[k] === 'object' && node[k] !== null ? node[k] : undefined);
    }
    if (bad) problems.push({ path, value, allowed: `cannot be set: ${bad}` });
  }
  if (problems.length) throw new ScenarioError(problems);
  return out as ScenarioInput;
}
