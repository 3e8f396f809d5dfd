/**
 * The next ABC tolerance of adaptive ABC-SMC (Del Moral, Doucet & Jasra 2012, Stat. Comput.
 * 22:1009, §3): the ε at which reweighting the particles by 1[d ≤ ε] leaves an effective sample
 * size of α times the current one, so that each generation asks as much of the particles as the
 * last, whatever the scale of the distances.
 *
 * Del Moral et al. solve ESS(ε) = α·ESS by bisection, ESS being continuous in ε when each particle
 * carries several simulations. With one simulation per particle ESS(ε) is a step function that
 * changes only at the particles' distances, so the solution is found exactly by one pass over the
 * sorted distances instead.
 * @module
 */
import { effectiveSampleSize } from './particles.js';

/** The chosen tolerance, the ESS it leaves, and whether it drops any particle at all. */
export interface ToleranceStep {
  tolerance: number;
  ess: number;
  /** False when every particle alive is at one distance: ε cannot fall without killing them all. */
  progress: boolean;
}

/**
 * The largest particle distance ε with ESS({wᵢ·1[dᵢ ≤ ε]}) ≤ α·ESS(w). Ties cannot be split (a
 * discrete summary puts many particles at one distance): when even the smallest distance keeps
 * more than that ESS, it is taken anyway, the most the tolerance can fall without killing every
 * particle. Particles of weight 0 are ignored.
 */
export function nextTolerance(distances: Float64Array, w: ArrayLike<number>, alpha: number): ToleranceStep {
  // Rounding in the sums must not decide whether a block exactly at the target stays (500 of 1000).
  const target = alpha * effectiveSampleSize(w) * (1 + 1e-9);
  const alive: number[] = [];
  for (let i = 0; i < w.length; i++) if (w[i] > 0) alive.push(i);
  alive.sort((a, b) => distances[a] - distances[b]);
  let s = 0;
  let s2 = 0;
  let best = -1;
  let bestEss = 0;
  for (let j = 0; j < alive.length; j++) {
    const wi = w[alive[j]];
    s += wi;
    s2 += wi * wi;
    // ESS is evaluated only where the distance changes: a tie block is kept or dropped whole.
    const last = j === alive.length - 1 || distances[alive[j + 1]] > distances[alive[j]];
    if (!last) continue;
    const ess = (s * s) / s2;
    if (best < 0 || ess <= target) {
      best = j;
      bestEss = ess;
    }
  }
  return { tolerance: distances[alive[best]], ess: bestEss, progress: best < alive.length - 1 };
}
