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
 * The outputs of one design point (its runs: every replicate of both strategies, baseline first
 * in `labels`), at cycle `cycle` (1-based). Means over replicates; replicates are paired by index.
 */
export function pointOutputs(runs: readonly RunOutput[], labels: readonly [string, string], cycle: number, metrics: readonly string[]): number[] {
  const of = (label: string) => runs.filter((r) => r.label === label).sort((a, b) => a.replicate - b.replicate);
  const [base, challenger] = labels.map(of);
  const net = (r: RunOutput) => r.accounts[0].cycles.map((c) => c.cumulativeNpv);
  let diff = 0;
  let crossed = 0;
  base.forEach((b, i) => {
    const d = net(challenger[i]).map((v, c) => difference(v, net(b)[c]));
    diff += d[cycle - 1];
    const at = replicateCrossover(d);
    if (at !== null && at <= cycle) crossed++;
  });
  const out = [diff / base.length, crossed / base.length];
  for (const m of metrics) {
    for (const runsOf of [base, challenger]) {
      let s = 0;
      for (const r of runsOf) s += (r.accounts[0].cycles[cycle - 1] as unknown as Record<string, number>)[m];
      out.push(s / runsOf.length);
    }
  }
  return out;
}
