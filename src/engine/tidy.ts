/**
 * The one tidy row schema of every output (MODEL.md, Outputs):
 * `run, scenarioHash, version, strategy, replicate, seed, cycle, account, channel, metric, value`.
 * @module
 */
import { CHANNEL_NAMES, type ChannelName } from '../feed/channel.js';
import { CYCLE_METRIC_NAMES, CYCLE_METRICS, type ByChannel } from './metrics.js';
import type { CycleRecord } from './simulate.js';

/** One row of the tidy output schema (MODEL.md, Outputs). */
export interface TidyRow {
  run: string;
  scenarioHash: string;
  version: string;
  strategy: string;
  replicate: number;
  seed: number;
  cycle: number;
  account: string;
  /** Empty where the metric has no channel. */
  channel: ChannelName | '';
  metric: string;
  value: number;
}

/** Column order of tidy rows (CSV header). */
export const TIDY_COLUMNS = ['run', 'scenarioHash', 'version', 'strategy', 'replicate', 'seed', 'cycle', 'account', 'channel', 'metric', 'value'] as const;

const SCALARS = CYCLE_METRICS.map((d) => d.name);
const SPLITS = CYCLE_METRICS.filter((d) => d.byChannel).map((d) => d.name);

export { CYCLE_METRIC_NAMES };

/** What tidy rows are made from: a `SimulationResult` or an experiment's `RunOutput`. */
export interface RowSource {
  scenarioHash: string;
  version: string;
  replicate: number;
  seed: number;
  accounts: Array<{ name: string; strategy: string; cycles: CycleRecord[] }>;
}

/** Converts a result to tidy rows, one per (account, cycle, metric, channel). */
export function toRows(r: RowSource, run = `${r.scenarioHash}-${r.seed}-${r.replicate}`): TidyRow[] {
  const rows: TidyRow[] = [];
  for (const a of r.accounts) {
    for (const c of a.cycles) {
      const base = { run, scenarioHash: r.scenarioHash, version: r.version, strategy: a.strategy, replicate: r.replicate, seed: r.seed, cycle: c.cycle, account: a.name };
      const fields = c as unknown as Record<string, number | ByChannel>;
      for (const metric of SCALARS) rows.push({ ...base, channel: '', metric, value: fields[metric] as number });
      for (const metric of SPLITS) {
        const split = fields[`${metric}ByChannel`] as ByChannel;
        for (const ch of CHANNEL_NAMES) rows.push({ ...base, channel: ch, metric, value: split[ch] });
      }
    }
  }
  return rows;
}
