/**
 * The size of a sweep, counted from its design before anything is expanded: a grid's points are
 * the product of its factors' value counts (three factors of 1,000 values are 10⁹ points, which
 * once crashed V8 in `feedsim validate` while being listed). Sweeps beyond these bounds are
 * refused with the figure, before any point is built or any run starts.
 * @module
 */
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';

/**
 * Most design points of a sweep. Each point is applied to the scenario and checked before the
 * first run (about 0.1 ms and 5 KB a point: some 10 s and 0.5 GB at the bound).
 */
export const MAX_DESIGN_POINTS = 100_000;

/** Most runs of a sweep (points × strategies × replicates): every run's spec is held in memory. */
export const MAX_SWEEP_RUNS = 1_000_000;

const count = (n: number): string => n.toLocaleString('en');

/** Factors of a grid or Latin-hypercube design, or undefined when the design has none to count. */
function factorsOf(design: unknown): Record<string, unknown> | undefined {
  const f = (design as { factors?: unknown })?.factors;
  return typeof f === 'object' && f !== null && !Array.isArray(f) ? (f as Record<string, unknown>) : undefined;
}

/**
 * The number of points `design` expands to, without expanding it, and how it is made
 * (`1,000 × 1,000 values`); undefined for a design whose shape
 * is wrong (the design's own check names that).
 */
export function designPoints(design: unknown): { points: number; how: string } | undefined {
  const d = design as { kind?: unknown; points?: unknown; samples?: unknown };
  if (d?.kind === 'grid') {
    const lengths = Object.values(factorsOf(d) ?? {}).map((v) => (Array.isArray(v) ? v.length : 1));
    const points = lengths.reduce((a, b) => a * b, 1);
    return { points, how: `${lengths.map(count).join(' × ')} values` };
  }
  if (d?.kind === 'list' && Array.isArray(d.points)) return { points: d.points.length, how: `a list of ${count(d.points.length)}` };
  if (d?.kind === 'latin-hypercube' && typeof d.samples === 'number') return { points: d.samples, how: `${count(d.samples)} samples` };
  return undefined;
}

/** Problems with a design's size: no factors, or more than {@link MAX_DESIGN_POINTS} points. */
export function designSizeProblems(design: unknown): ScenarioProblem[] {
  const kind = (design as { kind?: unknown })?.kind;
  if ((kind === 'grid' || kind === 'latin-hypercube') && Object.keys(factorsOf(design) ?? {}).length === 0) {
    // Without factors a grid was one point and a hypercube n copies of the scenario: no sweep at all.
    return [{ path: 'design.factors', value: (design as { factors?: unknown }).factors, allowed: `must name at least one scenario path to vary, e.g. { "behavior.follow.base": [0.0005, 0.002] }` }];
  }
  const size = designPoints(design);
  if (size && size.points > MAX_DESIGN_POINTS) {
    return [{ path: 'design', value: `${count(size.points)} points`, allowed: `(${size.how}) must have at most ${count(MAX_DESIGN_POINTS)} points (each is built and checked before the first run): use fewer values or samples, or split the design into several sweeps` }];
  }
  return [];
}

/**
 * Throws a {@link ScenarioError} when a sweep's design is empty or too large, or its runs
 * (points × strategies × replicates) exceed {@link MAX_SWEEP_RUNS}; returns the counts otherwise.
 */
export function checkSweepSize(o: { design: unknown; strategies: unknown; replicates?: number }): { points: number; runs: number } {
  const problems = designSizeProblems(o.design);
  if (problems.length) throw new ScenarioError(problems);
  const points = designPoints(o.design)?.points ?? 0;
  const strategies = Array.isArray(o.strategies) ? o.strategies.length : 0;
  const replicates = o.replicates ?? 10;
  const runs = points * strategies * replicates;
  if (runs > MAX_SWEEP_RUNS) {
    throw new ScenarioError([{
      path: 'replicates',
      value: `${count(runs)} runs`,
      allowed: `(${count(points)} points × ${count(strategies)} strategies × ${count(replicates)} replicates): a sweep has at most ${count(MAX_SWEEP_RUNS)} runs (every run's spec is held in memory): use fewer points, strategies or replicates, or split the design into several sweeps`,
    }]);
  }
  return { points, runs };
}
