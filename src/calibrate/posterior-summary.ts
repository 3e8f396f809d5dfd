/**
 * Summaries of a weighted particle posterior, one row per parameter: weighted mean, standard
 * deviation and quantiles (the weighted inverse CDF: the smallest particle value whose cumulative
 * weight reaches p).
 * @module
 */
import { weightedMean, weightedQuantile, weightedStandardDeviation } from 'simple-statistics';

/** Posterior summary of one parameter. */
export interface ParameterSummary {
  name: string;
  mean: number;
  sd: number;
  q05: number;
  q50: number;
  q95: number;
}

/** Weighted particles, as `abcSmc` returns them. */
export interface WeightedParticles {
  names: readonly string[];
  particles: readonly (readonly number[])[];
  weights: readonly number[];
}

/** Weighted mean, SD and 5 %, 50 %, 95 % quantiles of each parameter of `result`. */
export function posteriorSummary(result: WeightedParticles): ParameterSummary[] {
  return result.names.map((name, a) => {
    const x = result.particles.map((t) => t[a]);
    const [q05, q50, q95] = weightedQuantile(x, result.weights, [0.05, 0.5, 0.95]);
    return { name, mean: weightedMean(x, result.weights), sd: weightedStandardDeviation(x, result.weights), q05, q50, q95 };
  });
}
