/**
 * Summary statistics of an analytics export — the same function for an account's real export and
 * for the export a simulation writes (`simulated-export.ts`), so observed and simulated numbers
 * are measured alike. Each statistic is a rate (per impression, per follower, per day), so a small
 * simulated world can be matched to a large account per capita; each is taken on a log or logit
 * scale (with half a count added, so a zero count stays finite) because the ABC distance compares
 * differences and rates differ by orders of magnitude.
 * @module
 */
import type { AnalyticsExport, ExportPost } from './export.js';
import * as math from '../math/index.js';

/** One summary statistic. */
export interface StatisticDef {
  name: string;
  /** What it measures, for tables and plots. */
  about: string;
  /** The scenario parameter it chiefly informs. */
  informs: string;
}

/** Counts summed over the posts that report both (numerator, denominator). */
type Ratio = (p: ExportPost, followersAt: number) => [number, number] | null;

interface PostRatio extends StatisticDef {
  ratio: Ratio;
  scale: 'log' | 'logit';
  /** Posts this statistic uses (product posts only for clicks). */
  uses?: (p: ExportPost) => boolean;
}

const nonFollowers = (p: ExportPost): number | undefined =>
  p.reachNonFollowers ?? (p.reach !== undefined && p.reachFollowers !== undefined ? p.reach - p.reachFollowers : undefined);

const both = (a: number | undefined, b: number | undefined): [number, number] | null => (a === undefined || b === undefined ? null : [a, b]);

/** The post-level statistics, in the order results list them. */
const POST_RATIOS: readonly PostRatio[] = [
  {
    name: 'reachPerFollower',
    about: 'followers reached per follower at posting time (all reach where the export has no follower split)',
    informs: 'feed.inNetworkReach',
    ratio: (p, f) => both(p.reachFollowers ?? p.reach, f),
    scale: 'log',
  },
  {
    name: 'nonFollowerShare',
    about: 'share of the reach that did not follow the account',
    informs: 'feed.recommendations',
    ratio: (p) => both(nonFollowers(p), p.reach),
    scale: 'logit',
  },
  { name: 'likesPerImpression', about: 'likes (reactions) per impression', informs: 'behavior.like.base', ratio: (p) => [p.likes, p.impressions], scale: 'log' },
  { name: 'sharesPerImpression', about: 'shares per impression', informs: 'behavior.share.base', ratio: (p) => both(p.shares, p.impressions), scale: 'log' },
  {
    name: 'followsPerImpression',
    about: 'follows gained per impression',
    informs: 'behavior.follow.base',
    ratio: (p) => both(p.follows, p.impressions),
    scale: 'log',
  },
  {
    name: 'clicksPerProductImpression',
    about: 'link clicks per impression of a product post',
    informs: 'behavior.convert.base',
    ratio: (p) => both(p.linkClicks, p.impressions),
    scale: 'log',
    uses: (p) => p.kind === 'product',
  },
];

/** Daily growth of the follower count (log scale), from the export's follower series. */
export const FOLLOWER_GROWTH: StatisticDef = {
  name: 'followerGrowth',
  about: 'growth of the follower count a day, log scale',
  informs: 'behavior.follow.base',
};

/** Every statistic a fit may use. */
export const STATISTICS: readonly StatisticDef[] = [...POST_RATIOS, FOLLOWER_GROWTH].map(({ name, about, informs }) => ({ name, about, informs }));

/** Posts a statistic needs before it is used: fewer say too little about a rate. */
export const MIN_POSTS = 3;
/**
 * Events (the rate's numerator: likes, shares, follows, clicks, reach; the follower count's
 * change) a statistic needs: a rate of a handful of events is mostly noise, which swamps the
 * distance and stops the sampler while the informative statistics are still far from matched.
 */
export const MIN_EVENTS = 10;

const DAY = 86_400_000;

/** The follower count at time `t`: the last daily count at or before it (the first before any), else `fallback`. */
export function followersAt(exp: AnalyticsExport, t: number, fallback: number): number {
  const s = exp.followers;
  if (!s?.length) return fallback;
  let lo = 0;
  let hi = s.length - 1;
  if (t < s[0].day) return s[0].followers;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s[mid].day <= t) lo = mid;
    else hi = mid - 1;
  }
  return s[lo].followers;
}

/** Options of {@link exportStatistics}. */
export interface StatisticsOptions {
  /** Followers when the export starts, where it has no follower series. */
  followers?: number;
  /** Only these statistics (names), in this order: a simulated export is measured on the observed one's. */
  only?: readonly string[];
}

/** An export's statistics: names, values and the posts each uses, in the same order; `left` says which were left out and why. */
export interface ExportStatistics {
  names: string[];
  values: number[];
  posts: number[];
  left: string[];
}

/** The statistics an export supports and their values. */
export function exportStatistics(exp: AnalyticsExport, options: StatisticsOptions = {}): ExportStatistics {
  const names: string[] = [];
  const values: number[] = [];
  const posts: number[] = [];
  const left: string[] = [];
  const fallback = options.followers ?? NaN;
  const wanted = (name: string) => options.only === undefined || options.only.includes(name);
  for (const s of POST_RATIOS) {
    if (!wanted(s.name)) continue;
    let num = 0;
    let den = 0;
    let n = 0;
    for (const p of exp.posts) {
      if (s.uses && !s.uses(p)) continue;
      const r = s.ratio(p, followersAt(exp, p.published, fallback));
      if (r === null || !Number.isFinite(r[1]) || r[1] <= 0) continue;
      num += r[0];
      den += r[1];
      n++;
    }
    if (options.only === undefined && (n < MIN_POSTS || num < MIN_EVENTS)) {
      if (n > 0) left.push(`${s.name} is left out: ${n < MIN_POSTS ? `${n} post${n === 1 ? ' reports' : 's report'} it` : `${num} event${num === 1 ? '' : 's'} on ${n} posts`} (a fit needs ${MIN_POSTS} posts and ${MIN_EVENTS} events)`);
      continue;
    }
    const rate = (num + 0.5) / (den + 1);
    names.push(s.name);
    values.push(n === 0 ? NaN : s.scale === 'log' ? math.log(rate) : math.log(rate / (1 - rate)));
    posts.push(n);
  }
  const growth = followerGrowth(exp);
  const change = exp.followers?.length ? Math.abs(exp.followers[exp.followers.length - 1].followers - exp.followers[0].followers) : 0;
  if (growth !== null && change < MIN_EVENTS && options.only === undefined) left.push(`${FOLLOWER_GROWTH.name} is left out: the follower count changed by ${change} (a fit needs ${MIN_EVENTS})`);
  else if (wanted(FOLLOWER_GROWTH.name) && (growth !== null || options.only !== undefined)) {
    names.push(FOLLOWER_GROWTH.name);
    values.push(growth ?? NaN);
    posts.push(exp.posts.length);
  }
  if (options.only !== undefined) return { ...reorder(options.only, names, values, posts), left };
  return { names, values, posts, left };
}

/** Log growth a day between the first and last daily follower counts (null with fewer than two days or a zero count). */
function followerGrowth(exp: AnalyticsExport): number | null {
  const s = exp.followers;
  if (!s || s.length < 2) return null;
  const first = s[0];
  const last = s[s.length - 1];
  const days = (last.day - first.day) / DAY;
  if (!(days > 0)) return null;
  return (math.log(last.followers + 0.5) - math.log(first.followers + 0.5)) / days;
}

function reorder(only: readonly string[], names: string[], values: number[], posts: number[]) {
  const at = only.map((n) => names.indexOf(n));
  return { names: [...only], values: at.map((i) => (i < 0 ? NaN : values[i])), posts: at.map((i) => (i < 0 ? 0 : posts[i])) };
}
