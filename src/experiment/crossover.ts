/**
 * The crossover (MODEL.md, Experiments): when, if ever, a challenger's cumulative net return
 * overtakes the baseline's for good. Cycles are numbered from 1.
 * @module
 */
import type { Interval } from './intervals.js';
import { aboveZero } from './ties.js';

/**
 * Per replicate: the first cycle from which the paired difference (challenger − baseline) stays
 * positive to the end, or `null` (censored) when it is not positive at the last cycle. A
 * difference within rounding of zero (|d| ≤ 1e-9, `aboveZero` in ties.ts) is a tie, not a lead.
 */
export function replicateCrossover(diff: ArrayLike<number>): number | null {
  return firstStaying(diff.length, (c) => aboveZero(diff[c]));
}

/** Kaplan–Meier median of event times with right-censoring at `horizon`; `null` when S never falls to ½. */
export function kaplanMeierMedian(times: Array<number | null>, horizon: number): number | null {
  const events = times.filter((t): t is number => t !== null).sort((a, b) => a - b);
  let atRisk = times.length;
  let survival = 1;
  let i = 0;
  while (i < events.length) {
    const t = events[i];
    let d = 0;
    while (i < events.length && events[i] === t) {
      d++;
      i++;
    }
    survival *= 1 - d / atRisk;
    atRisk -= d;
    if (survival <= 0.5 + 1e-12) return t;
  }
  void horizon; // censored times all sit at the horizon, after every event
  return null;
}

/** The first cycle from which `positive(c)` holds to the end, or `null`. */
function firstStaying(C: number, positive: (c: number) => boolean): number | null {
  if (C === 0 || !positive(C - 1)) return null;
  let c = C - 1;
  while (c > 0 && positive(c - 1)) c--;
  return c + 1;
}

/** The crossover of a challenger over a baseline across replicates. */
export interface Crossover {
  challenger: string;
  baseline: string;
  cycles: number;
  /** Per-replicate crossover cycles (`null` = censored: not ahead to the end). */
  perReplicate: Array<number | null>;
  /** Share of replicates without a crossover within the run. */
  censoredFraction: number;
  /** Kaplan–Meier median of the per-replicate crossover (`null` when more than half never cross). */
  kaplanMeierMedian: number | null;
  /** First cycle from which the mean paired difference stays above zero. */
  estimate: number | null;
  /** Confidence level of the intervals below (0.95 unless the experiment chose another). */
  level: number;
  /** Earliest plausible crossover: the interval's upper bound stays above zero from here. */
  earliest: number | null;
  /** The population crossover: the interval's lower bound stays above zero from here (latest plausible). */
  population: number | null;
  /** One sentence a report can print. */
  summary: string;
}

/**
 * Crossover from paired differences of cumulative net return: `diffs[r][c]` for replicate r,
 * cycle c (0-based index = cycle − 1), and their per-cycle intervals. Differences and bounds
 * within 1e-9 of zero count as ties; make the differences with `difference(a, b)` (ties.ts),
 * which also zeroes larger rounding residues of large values.
 */
export function crossover(challenger: string, baseline: string, diffs: number[][], intervals: Interval[], level = 0.95): Crossover {
  const C = intervals.length;
  const perReplicate = diffs.map(replicateCrossover);
  const censored = perReplicate.filter((c) => c === null).length;
  // Equal within rounding is a tie: a zero-width interval at (nearly) 0 is not a lead.
  const estimate = firstStaying(C, (c) => aboveZero(intervals[c].mean));
  const earliest = firstStaying(C, (c) => aboveZero(intervals[c].upper));
  const population = firstStaying(C, (c) => aboveZero(intervals[c].lower));
  const km = kaplanMeierMedian(perReplicate, C);
  let summary: string;
  if (population !== null) {
    summary = `${challenger} overtakes ${baseline} for good from cycle ${estimate ?? population} (${Math.round(level * 1000) / 10}% interval: cycles ${earliest ?? population}–${population}); ${Math.round(100 * (censored / diffs.length))}% of replicates never cross within ${C} cycles.`;
  } else if (estimate !== null) {
    summary = `${challenger} is ahead of ${baseline} on average from cycle ${estimate}, but not significantly by cycle ${C} (earliest plausible crossover: cycle ${earliest}); no population crossover within ${C} cycles.`;
  } else {
    summary = `No crossover within ${C} cycles: ${challenger} does not overtake ${baseline}${earliest !== null ? ` (though a crossover from cycle ${earliest} is not ruled out)` : ''}.`;
  }
  return {
    challenger, baseline, cycles: C, level, perReplicate, censoredFraction: diffs.length ? censored / diffs.length : NaN,
    kaplanMeierMedian: km, estimate, earliest, population, summary,
  };
}
