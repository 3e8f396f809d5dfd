/**
 * The world a fit simulates for an account: the platform scenario it `extends`, a miniature of
 * `users` users in which the account holds the same posting schedule (its export's posts replayed
 * at their times, by kind) and a follower base matched per capita — the real follower count when
 * the world can hold it, else a fixed share of the world. Rates per impression and per follower do
 * not depend on the world's size to first order; `npx tsx bench/calibration.ts scale` measures how
 * far that holds.
 * @module
 */
import type { ScriptedPost } from '../campaign/builtins.js';
import { ScenarioError } from '../scenario/errors.js';
import { resolveScenario } from '../scenario/resolve.js';
import type { PostKind, ScenarioInput, StrategySpec } from '../scenario/types.js';
import { parseHours } from '../time.js';
import type { AnalyticsExport, ExportPost, ExportPostKind } from './export.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Options of {@link accountWorld}. */
export interface AccountWorldOptions {
  /** The platform scenario the account lives in (default `{ extends: 'facebook' }`). */
  scenario?: ScenarioInput;
  /** Users of the simulated world (default 2,000). */
  users?: number;
  /** Followers when the export starts (default: the export's first daily count). */
  followers?: number;
  /** Most of the world that may follow the account at the start (default 0.05). */
  followerShare?: number;
  /** Days of the export's schedule simulated (default: all of it, at most 30). */
  days?: number;
  /** Money the account spent on ads a day (default 0), in the export's currency. */
  promotionPerDay?: number;
}

/** The simulated account's world. */
export interface AccountWorld {
  /** The scenario, with the scripted account, its followers, users and cycles. */
  scenario: ScenarioInput;
  /** The account's strategy: the export's posts in the window, replayed. */
  strategy: StrategySpec;
  /** Time of step 0 (ms since the epoch): a warm-up cycle before the first post's step. */
  start: number;
  /** Time of the first post's step, and the end of the window of posts replayed. */
  postsStart: number;
  windowEnd: number;
  /** The export's posts in the window, in order: the simulated posts' counterparts. */
  template: ExportPost[];
  /** Whether the export has a daily follower series (the simulated export then has one too). */
  followerSeries: boolean;
  stepMs: number;
  /** Length of a cycle (the follower count is recorded at the end of each). */
  cycleMs: number;
  /** Posts replayed, and the days they span. */
  posts: number;
  days: number;
  /** Followers in the simulated world at the start, and the real account's. */
  startingFollowers: number;
  realFollowers: number;
  notes: string[];
}

const KIND: Record<ExportPostKind, PostKind> = { product: 'product', audience: 'audience', other: 'organic' };

/** The simulated world of an account's export. */
export function accountWorld(exp: AnalyticsExport, options: AccountWorldOptions = {}): AccountWorld {
  const base: ScenarioInput = options.scenario ?? { extends: 'facebook' };
  const users = options.users ?? 2000;
  const share = options.followerShare ?? 0.05;
  const problems = [];
  if (!(Number.isInteger(users) && users >= 100)) problems.push({ path: 'users', value: users, allowed: 'a whole number ≥ 100' });
  if (!(share > 0 && share <= 1)) problems.push({ path: 'followerShare', value: share, allowed: 'a share in (0, 1]' });
  const real = options.followers ?? exp.followers?.[0]?.followers;
  if (real === undefined) problems.push({ path: 'followers', value: real, allowed: 'the follower count when the export starts: give it, or a daily follower series' });
  else if (!(Number.isFinite(real) && real >= 0)) problems.push({ path: 'followers', value: real, allowed: 'a count ≥ 0' });
  if (exp.posts.length === 0) problems.push({ path: 'export.posts', value: 0, allowed: 'at least one post' });
  if (options.days !== undefined && !(options.days > 0)) problems.push({ path: 'days', value: options.days, allowed: 'a number of days > 0' });
  const perDay = options.promotionPerDay ?? 0;
  if (!(Number.isFinite(perDay) && perDay >= 0)) problems.push({ path: 'promotionPerDay', value: perDay, allowed: 'an amount ≥ 0' });
  if (problems.length) throw new ScenarioError(problems);

  const resolved = resolveScenario({ ...base, users });
  const stepHours = parseHours(resolved.stepDuration, 'stepDuration');
  const stepMs = stepHours * HOUR;
  const stepsPerDay = 24 / stepHours;
  const postsStart = Math.floor(exp.posts[0].published / stepMs) * stepMs;
  // A world starts empty: no post in any feed. A warm-up cycle fills the feeds before the first
  // post, which would otherwise meet no competition (about 3.5× the reach of the later ones).
  const warmup = resolved.stepsPerCycle;
  const start = postsStart - warmup * stepMs;
  const span = (exp.posts[exp.posts.length - 1].published - postsStart) / DAY;
  const days = Math.min(options.days ?? 30, Math.max(1, Math.ceil(span + 1e-9)));
  // The last posts need time to gather their reach (the export counts each post's lifetime): run
  // on past the window for five freshness half-lives, one to fourteen days.
  const fresh = resolved.content.freshness;
  const halfLife = 'halfLife' in fresh ? parseHours(fresh.halfLife, 'content.freshness.halfLife') : 24;
  const tailDays = Math.min(14, Math.max(1, Math.ceil((5 * halfLife) / 24)));
  const cycleMs = resolved.stepsPerCycle * stepMs;
  const windowSteps = Math.round(days * stepsPerDay);
  const cycles = Math.ceil((warmup * stepMs + (days + tailDays) * DAY) / cycleMs);
  const posts: ScriptedPost[] = [];
  const template: ExportPost[] = [];
  for (const p of exp.posts) {
    const step = Math.floor((p.published - postsStart) / stepMs);
    if (step >= windowSteps) break;
    posts.push({ step: warmup + step, kind: KIND[p.kind] });
    template.push(p);
  }
  const startingFollowers = Math.min(real!, Math.floor(share * users));
  const notes: string[] = [];
  if (startingFollowers < real!) {
    notes.push(`the account's ${real!.toLocaleString('en-US')} followers are ${startingFollowers.toLocaleString('en-US')} in the ${users.toLocaleString('en-US')}-user world (${share * 100} % of it): rates per follower and per impression are matched, not counts`);
  }
  if (posts.length < exp.posts.length) notes.push(`${posts.length} of the export's ${exp.posts.length} posts (its first ${days} days) are replayed; statistics of the whole export are matched`);
  if (perDay > 0 && real === 0) notes.push('the account had no followers to scale its ad spend by: no ads are bought in the simulated world');
  if (base.accounts !== undefined) notes.push('the scenario\'s accounts are replaced by the account of the export');
  // Ad money buys paid impressions per capita (scaled by the simulated audience to the real one),
  // and only while the account posts: not in the warm-up or the run-on.
  const promotion = real! > 0 ? ((perDay * startingFollowers) / real!) / stepsPerDay : 0;
  const strategy: StrategySpec = { kind: 'scripted', params: { posts, promotion, promotionSteps: [warmup, warmup + windowSteps] } };
  const scenario: ScenarioInput = { ...base, users, cycles, accounts: [{ name: 'account', startingFollowers, strategy }] };
  return { scenario, strategy, start, postsStart, windowEnd: postsStart + days * DAY, template, followerSeries: (exp.followers?.length ?? 0) > 0, stepMs, cycleMs, posts: posts.length, days, startingFollowers, realFollowers: real!, notes };
}
