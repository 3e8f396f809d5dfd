/**
 * The world a fit simulates for an account: the platform scenario it `extends`, a miniature of
 * `users` users in which the account holds the same posting schedule (its export's posts replayed
 * at their times, by kind) and a follower base matched per capita — the real follower count when
 * the world can hold it, else a fixed share of the world. Rates per impression and per follower do
 * not depend on the world's size to first order; the scale check of `docs/calibration.md` measures
 * how far that holds.
 * @module
 */
import type { ScriptedPost } from '../campaign/builtins.js';
import { ScenarioError } from '../scenario/errors.js';
import { resolveScenario } from '../scenario/resolve.js';
import type { PostKind, ScenarioInput, StrategySpec } from '../scenario/types.js';
import { parseHours } from '../time.js';
import type { AnalyticsExport, ExportPostKind } from './export.js';

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
  /** Time of step 0 (ms since the epoch): the first post's step. */
  start: number;
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
  const first = exp.posts[0].published;
  const start = Math.floor(first / stepMs) * stepMs;
  const span = (exp.posts[exp.posts.length - 1].published - start) / DAY;
  const days = Math.min(options.days ?? 30, Math.max(1, Math.ceil(span + 1e-9)));
  // The last posts need time to gather their reach (the export counts each post's lifetime): run
  // on past the window for five freshness half-lives, one to fourteen days.
  const fresh = resolved.content.freshness;
  const halfLife = 'halfLife' in fresh ? parseHours(fresh.halfLife, 'content.freshness.halfLife') : 24;
  const tailDays = Math.min(14, Math.max(1, Math.ceil((5 * halfLife) / 24)));
  const cycleDays = (resolved.stepsPerCycle * stepHours) / 24;
  const cycles = Math.ceil((days + tailDays) / cycleDays);
  const windowSteps = Math.round(days * stepsPerDay);
  const posts: ScriptedPost[] = [];
  for (const p of exp.posts) {
    const step = Math.floor((p.published - start) / stepMs);
    if (step >= windowSteps) break;
    posts.push({ step, kind: KIND[p.kind] });
  }
  const startingFollowers = Math.min(real!, Math.floor(share * users));
  const notes: string[] = [];
  if (startingFollowers < real!) {
    notes.push(`the account's ${real!.toLocaleString('en-US')} followers are ${startingFollowers.toLocaleString('en-US')} in the ${users.toLocaleString('en-US')}-user world (${share * 100} % of it): rates per follower and per impression are matched, not counts`);
  }
  if (posts.length < exp.posts.length) notes.push(`${posts.length} of the export's ${exp.posts.length} posts (its first ${days} days) are replayed; statistics of the whole export are matched`);
  // Ad money buys paid impressions per capita: scaled by the simulated audience to the real one.
  const promotion = real! > 0 ? ((perDay * startingFollowers) / real!) / stepsPerDay : 0;
  const strategy: StrategySpec = { kind: 'scripted', params: { posts, promotion } };
  const scenario: ScenarioInput = { ...base, users, cycles, accounts: [{ name: 'account', startingFollowers, strategy }] };
  return { scenario, strategy, start, stepMs, cycleMs: resolved.stepsPerCycle * stepMs, posts: posts.length, days, startingFollowers, realFollowers: real!, notes };
}
