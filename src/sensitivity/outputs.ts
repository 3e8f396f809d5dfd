/**
 * What a sensitivity study explains, per design point, from the point's runs: the paired
 * difference of the two strategies' cumulative net return at cycle C, the probability that the
 * challenger has overtaken the baseline for good by cycle C (a censored quantity: most replicates
 * may never cross), and any cycle metric of either strategy at cycle C.
 * @module
 */
import { CYCLE_METRICS } from '../engine/metrics.js';
import { replicateCrossover } from '../experiment/crossover.js';
import type { RunOutput } from '../experiment/run.js';
import { difference } from '../experiment/ties.js';
import { ScenarioError } from '../scenario/errors.js';

/** Names of the outputs a study computes: `difference`, `crossover`, then `<metric>:<strategy>` for each metric asked for. */
export function outputNames(labels: readonly string[], metrics: readonly string[]): string[] {
  return ['difference', 'crossover', ...metrics.flatMap((m) => labels.map((l) => `${m}:${l}`))];
}

/** Checks metric names against the cycle metrics of the tidy rows. */
export function checkMetrics(metrics: unknown): void {
  const known = CYCLE_METRICS.map((d) => d.name);
  if (!Array.isArray(metrics)) throw new ScenarioError([{ path: 'metrics', value: metrics, allowed: `a list of cycle metrics (${known.join(', ')})` }]);
  const problems = metrics.filter((m) => !known.includes(m)).map((m) => ({ path: 'metrics', value: m, allowed: `one of the cycle metrics: ${known.join(', ')}` }));
  if (problems.length) throw new ScenarioError(problems);
}

/**
 * The outputs of one design point per replicate (its runs: every replicate of both strategies,
 * baseline first in `labels`), at cycle `cycle` (1-based): one row per replicate, paired by index.
 * The crossover of one replicate is 1 when the challenger is ahead for good by `cycle`, else 0.
 */
export function replicateOutputs(runs: readonly RunOutput[], labels: readonly [string, string], cycle: number, metrics: readonly string[]): number[][] {
  const of = (label: string) => runs.filter((r) => r.label === label).sort((a, b) => a.replicate - b.replicate);
  const [base, challenger] = labels.map(of);
  const net = (r: RunOutput) => r.accounts[0].cycles.map((c) => c.cumulativeNpv);
  const at = (r: RunOutput, m: string) => (r.accounts[0].cycles[cycle - 1] as unknown as Record<string, number>)[m];
  return base.map((b, i) => {
    const baseline = net(b);
    const d = net(challenger[i]).map((v, c) => difference(v, baseline[c]));
    const crossed = replicateCrossover(d);
    return [d[cycle - 1], crossed !== null && crossed <= cycle ? 1 : 0, ...metrics.flatMap((m) => [at(b, m), at(challenger[i], m)])];
  });
}

/**
 * Run-to-run noise of each output, from the spread of replicates within design points (pooled
 * over points; `undefined` with one replicate a point): the standard deviation of one replicate,
 * and that of a point's mean over its replicates.
 */
export function replicateNoise(perPoint: readonly number[][][]): Array<{ sdPerReplicate: number; sdOfPointMean: number } | undefined> {
  const R = perPoint[0]?.length ?? 0;
  const outputs = perPoint[0]?.[0]?.length ?? 0;
  return Array.from({ length: outputs }, (_, j) => {
    if (R < 2) return undefined;
    let ss = 0;
    for (const rows of perPoint) {
      const m = rows.reduce((s, r) => s + r[j], 0) / R;
      for (const r of rows) ss += (r[j] - m) ** 2;
    }
    const variance = ss / (perPoint.length * (R - 1));
    return { sdPerReplicate: Math.sqrt(variance), sdOfPointMean: Math.sqrt(variance / R) };
  });
}
