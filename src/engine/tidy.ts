/**
 * The one tidy row schema of every output (MODEL.md, Outputs):
 * `run, scenarioHash, version, strategy, replicate, seed, cycle, account, channel, metric, value`.
 * @module
 */
import { CHANNEL_NAMES, type ChannelName } from '../feed/channel.js';
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

const SCALAR_METRICS = [
  'followers', 'notificationSubscribers', 'impressions', 'reach', 'likes', 'shares', 'follows', 'unfollows',
  'notificationsOn', 'notificationsOff', 'conversions', 'posts', 'contentCost', 'paidCost', 'cost', 'value', 'net',
  'cumulativeCost', 'cumulativeValue', 'cumulativeNet', 'cumulativeNpv', 'followerValue', 'organicReach',
] as const;
const CHANNEL_METRICS = [
  ['impressions', 'impressionsByChannel'],
  ['reach', 'reachByChannel'],
  ['conversions', 'conversionsByChannel'],
] as const;

/** Every metric name of a flattened cycle record (`cycleMetrics`): scalars and channel splits. */
export const CYCLE_METRIC_NAMES: readonly string[] = [
  ...SCALAR_METRICS,
  ...CHANNEL_METRICS.flatMap(([name]) => CHANNEL_NAMES.map((ch) => `${name}.${ch}`)),
];

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
      for (const metric of SCALAR_METRICS) rows.push({ ...base, channel: '', metric, value: c[metric] });
      for (const [metric, field] of CHANNEL_METRICS) {
        for (const ch of CHANNEL_NAMES) rows.push({ ...base, channel: ch, metric, value: c[field][ch] });
      }
    }
  }
  return rows;
}
