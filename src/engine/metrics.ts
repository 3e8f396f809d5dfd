/**
 * Every metric of a focal account, declared once. The table below is the single source from
 * which the hot loop's counters (`COUNTER`), the step and cycle records, the strategy dashboard, the
 * tidy rows and compare's summaries are derived. Adding a metric is one line here plus its
 * increment site (`focal.stepCounters[COUNTER.name]++`) — see docs/architecture.md.
 * @module
 */
import type { Accounts } from '../accounts/accounts.js';
import { CHANNEL_NAMES, CHANNELS, type ChannelName } from '../feed/channel.js';
import * as math from '../math/index.js';

/** What a metric measures. Money is in the scenario's currency units (`economics.*`). */
export type MetricUnit = 'users' | 'impressions' | 'events' | 'posts' | 'money' | 'ratio';

/**
 * Where a metric's value comes from:
 * - `sum`: counted in the hot loop per step, summed over a period;
 * - `unique`: users counted once per period (kept per period directly, never summed);
 * - `level`: the account's state at the end of the period (followers …);
 * - `derived`: computed from other metrics when a record is made.
 */
export type MetricSource = 'sum' | 'unique' | 'level' | 'derived';

/** One row of the metric table. */
export interface MetricDef {
  readonly name: string;
  readonly unit: MetricUnit;
  readonly source: MetricSource;
  /**
   * Split by channel. A summed metric keeps one counter per channel (its total is their sum); a
   * unique one keeps its total and one count per channel (they overlap), per cycle only.
   */
  readonly byChannel: boolean;
  /** In step records (`StepRecord`), besides cycle records. */
  readonly step: boolean;
  /** On the dashboard strategies read (`AccountDashboard`). */
  readonly dashboard: boolean;
  /** In records and rows at all (false: an internal counter other metrics derive from). */
  readonly output: boolean;
  readonly doc: string;
}

type Flags = Partial<Pick<MetricDef, 'byChannel' | 'step' | 'dashboard' | 'output'>>;
type Flag<F extends Flags, K extends keyof Flags, Default extends boolean> = F[K] extends boolean ? F[K] : Default;

/** A table row, keeping its name, source and flags as literal types (records' fields derive from them). */
function def<N extends string, S extends MetricSource, const F extends Flags = {}>(name: N, unit: MetricUnit, source: S, doc: string, flags?: F) {
  return { name, unit, source, doc, byChannel: false, step: false, dashboard: false, output: true, ...flags } as {
    readonly name: N; readonly unit: MetricUnit; readonly source: S; readonly doc: string;
    readonly byChannel: Flag<F, 'byChannel', false>; readonly step: Flag<F, 'step', false>;
    readonly dashboard: Flag<F, 'dashboard', false>; readonly output: Flag<F, 'output', true>;
  };
}

/** The metric table, in output order. */
export const METRICS = [
  def('followers', 'users', 'level', 'Followers at the end of the period.', { step: true, dashboard: true }),
  def('notificationSubscribers', 'users', 'level', 'Followers with notifications on at the end of the period.', { dashboard: true }),
  def('impressions', 'impressions', 'sum', "Impressions of the account's posts.", { byChannel: true, step: true, dashboard: true }),
  def('reach', 'users', 'unique', 'Unique users reached in the period; by channel they overlap.', { byChannel: true, step: true, dashboard: true }),
  def('likes', 'events', 'sum', 'Likes given to the account\'s posts.', { step: true, dashboard: true }),
  def('shares', 'events', 'sum', 'Reshares of the account\'s posts.', { step: true, dashboard: true }),
  def('follows', 'events', 'sum', 'New followers gained.', { step: true, dashboard: true }),
  def('unfollows', 'events', 'sum', 'Followers lost.', { step: true, dashboard: true }),
  def('notificationsOn', 'events', 'sum', 'Followers who turned notifications on.'),
  def('notificationsOff', 'events', 'sum', 'Followers who turned notifications off.'),
  def('conversions', 'events', 'sum', 'Purchases (product posts only).', { byChannel: true, step: true, dashboard: true }),
  def('posts', 'posts', 'sum', 'Posts published.'),
  def('contentCost', 'money', 'sum', 'Production cost of the posts published.'),
  def('paidCost', 'money', 'sum', 'Money spent on paid impressions.'),
  def('boughtCost', 'money', 'sum', 'Money spent on bought engagement: pod likes and bought followers.'),
  def('cost', 'money', 'derived', 'contentCost + paidCost + boughtCost.', { step: true, dashboard: true }),
  def('value', 'money', 'sum', 'Value of conversions plus value per follower gained (minus per follower lost).', { step: true, dashboard: true }),
  def('net', 'money', 'derived', 'value − cost.'),
  def('cumulativeCost', 'money', 'derived', 'cost summed since the start.'),
  def('cumulativeValue', 'money', 'derived', 'value summed since the start.'),
  def('cumulativeNet', 'money', 'derived', 'cumulativeValue − cumulativeCost.'),
  def('cumulativeNpv', 'money', 'derived', 'Net return discounted at economics.discountRate per cycle (cycle c by (1 + r)^c), cumulated.'),
  def('followerValue', 'money', 'sum', 'Value of conversions by users who followed the account when converting.'),
  def('organicReach', 'ratio', 'derived', 'Share of followers (at posting) that the period\'s posts reached in-network.'),
  def('productImpressions', 'impressions', 'sum', 'Impressions of the account\'s product posts (the only ones that can convert).'),
  def('paidToFollowers', 'impressions', 'sum', 'Paid impressions shown to users already following the account.'),
  def('clicks', 'events', 'sum', 'Clicks on the account\'s product posts (the purchase funnel\'s first step).', { step: true, dashboard: true }),
  def('podLikes', 'events', 'sum', 'Likes bought from an engagement pod (on the posts, not in likes).'),
  def('boughtFollowers', 'users', 'sum', 'Followers bought: inauthentic, not in followers, worth nothing.'),
  def('followerViews', 'impressions', 'sum', 'In-network impressions of the account\'s posts to its followers.', { output: false }),
  def('followersAtPost', 'users', 'sum', 'Followers at posting, summed over posts.', { output: false }),
] as const;

/** Names of every metric. */
export type MetricName = (typeof METRICS)[number]['name'];
type Counted = Extract<(typeof METRICS)[number], { source: 'sum' | 'unique' }>;
/** The rows of the metric table that reach records and rows (the type of each). */
export type OutputMetricDef = Exclude<(typeof METRICS)[number], { output: false }>;
type Split = Extract<OutputMetricDef, { byChannel: true }>;

/** Impressions or conversions split by channel; the four parts sum to the total. */
export type ByChannel = Record<ChannelName, number>;

/** A record's fields: every output metric, and `<name>ByChannel` for split ones. */
export type MetricFields<D extends MetricDef> = { [K in D['name']]: number } & { [K in Extract<D, { byChannel: true }>['name'] as `${K}ByChannel`]: ByChannel };

/** The metrics of cycle records. */
export type CycleMetricFields = MetricFields<OutputMetricDef>;
/** The metrics of step records. */
export type StepMetricFields = MetricFields<Extract<OutputMetricDef, { step: true }>>;
/** The metrics of the strategy dashboard (no channel splits). */
export type DashboardFields = { [K in Extract<OutputMetricDef, { dashboard: true }>['name']]: number };

type UniqueSplit = Extract<Counted, { source: 'unique'; byChannel: true }>['name'];

function counterLayout(): { index: Record<string, number>; count: number } {
  const index: Record<string, number> = {};
  let count = 0;
  for (const d of METRICS) {
    if (d.source !== 'sum' && d.source !== 'unique') continue;
    if (d.source === 'unique' && d.byChannel) {
      index[`${d.name}ByChannel`] = count;
      count += CHANNELS;
    }
    index[d.name] = count;
    count += d.byChannel && d.source === 'sum' ? CHANNELS : 1;
  }
  return { index, count };
}
const layout = counterLayout();

/**
 * The counter index of every counted metric. A summed metric split by channel keeps channel c at
 * `COUNTER[name] + c`; a unique one keeps its total at `COUNTER[name]` and channel c at
 * `COUNTER[nameByChannel] + c`. A fresh frozen object, its fields written once.
 */
export const COUNTER = Object.freeze({ ...layout.index }) as { readonly [K in Counted['name']]: number } & { readonly [K in UniqueSplit as `${K}ByChannel`]: number };
/** Number of counters. */
export const COUNTERS = layout.count;

/** Counters whose step values are unique counts, not sums: never rolled into the cycle or the run. */
export const UNIQUE_COUNTERS: ReadonlySet<number> = new Set(
  METRICS.filter((d) => d.source === 'unique').flatMap((d) => {
    const at = COUNTER as Record<string, number>;
    return [at[d.name], ...(d.byChannel ? CHANNEL_NAMES.map((_, c) => at[`${d.name}ByChannel`] + c) : [])];
  }),
);

/** What a record is made from: a period's counters, the account's levels, and what derived metrics need. */
export interface RecordSource {
  counters: Float64Array;
  followers: number;
  notificationSubscribers: number;
  /** The previous cycle's record (for cumulative metrics), and the cycle number (for discounting). */
  before?: { readonly cumulativeCost: number; readonly cumulativeValue: number; readonly cumulativeNpv: number };
  cycle?: number;
  discountRate?: number;
}

/** The level metrics of account `index`: its followers and notification subscribers now. */
export function accountLevels(accounts: Readonly<Accounts>, index: number): Pick<RecordSource, 'followers' | 'notificationSubscribers'> {
  return { followers: accounts.followers[index], notificationSubscribers: accounts.notifySubscribers[index] };
}

const counterValue = (d: MetricDef, c: Float64Array): number => {
  const at = COUNTER[d.name as Counted['name']];
  if (!d.byChannel || d.source === 'unique') return c[at];
  let s = 0;
  for (let ch = 0; ch < CHANNELS; ch++) s += c[at + ch];
  return s;
};

const splitOf = (d: MetricDef, c: Float64Array): ByChannel => {
  const at = (COUNTER as Record<string, number>)[d.source === 'unique' ? `${d.name}ByChannel` : d.name];
  return Object.fromEntries(CHANNEL_NAMES.map((ch, i) => [ch, c[at + i]])) as ByChannel;
};

/** Derived metrics, from the values computed so far (table order) and the source. */
const DERIVED: Record<Extract<(typeof METRICS)[number], { source: 'derived' }>['name'], (v: Record<string, number>, s: RecordSource) => number> = {
  cost: (v) => v.contentCost + v.paidCost + v.boughtCost,
  net: (v) => v.value - v.cost,
  cumulativeCost: (v, s) => (s.before?.cumulativeCost ?? 0) + v.cost,
  cumulativeValue: (v, s) => (s.before?.cumulativeValue ?? 0) + v.value,
  cumulativeNet: (v) => v.cumulativeValue - v.cumulativeCost,
  cumulativeNpv: (v, s) => (s.before?.cumulativeNpv ?? 0) + (v.value - v.cost) / math.pow(1 + (s.discountRate ?? 0), s.cycle ?? 0),
  organicReach: (_v, s) => (s.counters[COUNTER.followersAtPost] > 0 ? s.counters[COUNTER.followerViews] / s.counters[COUNTER.followersAtPost] : 0),
};

/**
 * The values of `defs` for a period, in table order, with channel splits as `<name>ByChannel`
 * when `splits` is set. Derived metrics may read any metric before them in the table.
 */
export function metricValues(defs: readonly MetricDef[], s: RecordSource, splits: boolean): Record<string, number | ByChannel> {
  const all: Record<string, number> = {};
  const out: Record<string, number | ByChannel> = {};
  for (const d of METRICS) {
    const v =
      d.source === 'level' ? s[d.name as 'followers' | 'notificationSubscribers']
      : d.source === 'derived' ? DERIVED[d.name as keyof typeof DERIVED](all, s)
      : counterValue(d, s.counters);
    all[d.name] = v;
    if (!defs.includes(d)) continue;
    out[d.name] = v;
    if (splits && d.byChannel) out[`${d.name}ByChannel`] = splitOf(d, s.counters);
  }
  return out;
}

/** The metrics of cycle records, step records and the dashboard. */
export const CYCLE_METRICS: readonly MetricDef[] = METRICS.filter((d) => d.output);
export const STEP_METRICS: readonly MetricDef[] = CYCLE_METRICS.filter((d) => d.step);
export const DASHBOARD_METRICS: readonly MetricDef[] = CYCLE_METRICS.filter((d) => d.dashboard);

/** Every metric name of a flattened cycle record: scalars, then channel splits as `name.channel`. */
export const CYCLE_METRIC_NAMES: readonly string[] = [
  ...CYCLE_METRICS.map((d) => d.name),
  ...CYCLE_METRICS.filter((d) => d.byChannel).flatMap((d) => CHANNEL_NAMES.map((ch) => `${d.name}.${ch}`)),
];

/** A metric's definition by name (undefined for an unknown one). */
export function metricDef(name: string): MetricDef | undefined {
  return METRICS.find((d) => d.name === name);
}
