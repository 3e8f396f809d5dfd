/**
 * Per-replicate final values from a results directory's `runs.jsonl`, read as a stream so large
 * files need little memory. Lines may be run records (one finished `RunOutput` a line, as the CLI
 * appends them) or tidy rows (as `jsonLinesSink` writes them).
 * @module
 */
import type { RunOutput } from '../experiment/run.js';
import type { ReplicateValue } from '../plots/replicates.js';

/** What {@link readReplicateFinals} found. */
export interface ReplicateFinals {
  /** Final value of the metric for the focal (first) account of every run. */
  values: ReplicateValue[];
  /** Lines read (run records or tidy rows). */
  rows: number;
  /** Distinct runs. */
  runs: number;
}

/** Per run: final value of `metric` of its first account, from kept runs (`compare({ keepRuns: true })`). */
export function replicateFinalsFromRuns(runs: RunOutput[], metric = 'cumulativeNpv'): ReplicateValue[] {
  return runs.map((r) => {
    const last = r.accounts[0]?.cycles.at(-1) as unknown as Record<string, unknown> | undefined;
    return { strategy: r.label, replicate: r.replicate, value: typeof last?.[metric] === 'number' ? (last[metric] as number) : NaN };
  });
}

/**
 * Streams `runs.jsonl` and keeps, per run, the last cycle's `metric` of the run's first account
 * (the focal one). A run record line gives it directly; tidy rows list accounts in order, so the
 * first row of a run names its focal account. A cut-off last line (a run killed mid-write) is
 * skipped; any other line that is neither is a clear error.
 */
export async function readReplicateFinals(path: string, metric = 'cumulativeNpv'): Promise<ReplicateFinals> {
  const [{ createReadStream }, { createInterface }] = await Promise.all([import('node:fs'), import('node:readline')]);
  const perRun = new Map<string, { account: string; strategy: string; replicate: number; cycle: number; value: number }>();
  let rows = 0;
  let line = 0;
  let bad: { line: number; text: string } | undefined;
  for await (const text of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    if (bad) throw new TypeError(`${path}:${bad.line}: neither a run record nor a tidy row: ${bad.text.slice(0, 80)}`);
    let row: Record<string, unknown> | undefined;
    try {
      row = JSON.parse(text);
    } catch {
      row = undefined;
    }
    if (!row || typeof row !== 'object' || !(Array.isArray(row.accounts) || 'metric' in row)) {
      bad = { line, text }; // an error unless it is the last line
      continue;
    }
    rows++;
    if (Array.isArray(row.accounts)) {
      const run = row as unknown as RunOutput;
      const [value] = replicateFinalsFromRuns([run], metric);
      perRun.set(String(run.id), { account: '', strategy: value.strategy, replicate: value.replicate, cycle: Infinity, value: value.value });
      continue;
    }
    const run = String(row.run);
    let r = perRun.get(run);
    if (!r) {
      r = { account: String(row.account), strategy: String(row.strategy), replicate: Number(row.replicate), cycle: -Infinity, value: NaN };
      perRun.set(run, r);
    }
    // A channel metric also has rows per channel (impressions by network, paid, …): take the total.
    if (row.metric !== metric || String(row.account) !== r.account || String(row.channel ?? '') !== '') continue;
    const cycle = Number(row.cycle);
    if (cycle >= r.cycle) {
      r.cycle = cycle;
      r.value = Number(row.value);
    }
  }
  const values = [...perRun.values()].map((r) => ({ strategy: r.strategy, replicate: r.replicate, value: r.value }));
  values.sort((a, b) => (a.strategy < b.strategy ? -1 : a.strategy > b.strategy ? 1 : a.replicate - b.replicate));
  return { values, rows, runs: perRun.size };
}
