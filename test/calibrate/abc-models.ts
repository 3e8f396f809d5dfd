/**
 * Toy models with known posteriors for the ABC-SMC tests: simulators (each simulation drawn from
 * its own seed only, as feedsim's worker pool will) and the replicate statistics the tests'
 * Monte Carlo tolerances come from.
 */
import { abcSmc, type AbcSmcOptions, type AbcSmcResult } from '../../src/calibrate/abc-smc.js';
import { normal, uniformStream } from '../../src/rng.js';

/** x₁…xₙ ~ N(μ, σ²) from `u`. */
export function normalSample(mu: number, sigma: number, n: number, u: () => number): number[] {
  return Array.from({ length: n }, () => mu + sigma * normal(u));
}

/** Mean and sample SD (divisor n − 1). */
export function meanSd(x: readonly number[]): { mean: number; sd: number } {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  return { mean: m, sd: Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1)) };
}

/** A Poisson(λ) draw by inversion (λ is small here). */
export function poisson(lambda: number, u: () => number): number {
  let k = 0;
  let p = Math.exp(-lambda);
  let s = p;
  const x = u();
  while (x > s && p > 0) {
    k++;
    p *= lambda / k;
    s += p;
  }
  return k;
}

/** Normal mean, σ known: θ = [μ], summary = the sample mean of n draws. */
export const normalMeanSimulator = (n: number, sigma: number) => (thetas: number[][], seeds: number[]) =>
  thetas.map(([mu], i) => [meanSd(normalSample(mu, sigma, n, uniformStream(seeds[i]))).mean]);

/** Poisson counts: θ = [λ], summary = the sum of n counts. */
export const poissonSumSimulator = (n: number) => (thetas: number[][], seeds: number[]) =>
  thetas.map(([lambda], i) => {
    const u = uniformStream(seeds[i]);
    let s = 0;
    for (let j = 0; j < n; j++) s += poisson(lambda, u);
    return [s];
  });

/** Normal with unknown mean and SD: θ = [μ, σ], summaries = [mean, log sample SD]. */
export const normalMeanSdSimulator = (n: number) => (thetas: number[][], seeds: number[]) =>
  thetas.map(([mu, sigma], i) => {
    const { mean, sd } = meanSd(normalSample(mu, sigma, n, uniformStream(seeds[i])));
    return [mean, Math.log(sd)];
  });

/** Weighted mean and weighted second moment about `about` of f(θ) over the particles. */
export function moments(r: AbcSmcResult, f: (theta: number[]) => number, about: number): { mean: number; second: number } {
  let mean = 0;
  let second = 0;
  r.particles.forEach((t, i) => {
    const x = f(t);
    mean += r.weights[i] * x;
    second += r.weights[i] * (x - about) ** 2;
  });
  return { mean, second };
}

/** The half-width, in units of statistic j, of the final acceptance region ∩ {d_s ≤ ε_s}: min over the kept generations of ε_s·scale_s,j. */
export function regionHalfWidth(r: AbcSmcResult, j: number): number {
  return Math.min(...r.generations.filter((g) => g.generation > 0 && g.generation <= r.generation).map((g) => g.tolerance * g.scales[j]));
}

/** Runs `abcSmc` with seeds 1…R. */
export async function replicates(R: number, options: AbcSmcOptions): Promise<AbcSmcResult[]> {
  const out: AbcSmcResult[] = [];
  for (let seed = 1; seed <= R; seed++) out.push(await abcSmc({ ...options, seed }));
  return out;
}

/** Mean and standard error (SD / √R) of replicate values. */
export function replicateMean(x: readonly number[]): { mean: number; se: number; sd: number } {
  const { mean, sd } = meanSd(x);
  return { mean, se: sd / Math.sqrt(x.length), sd };
}
