/**
 * Synthetic analytics exports: an account simulated with known parameters and written out as its
 * export would be. They are the worked example of docs/calibration.md (labelled synthetic) and the
 * test bed of the recovery and coverage study: a fit must find the parameters that made them.
 * @module
 */
import { applyPoint } from '../experiment/design.js';
import { executeRun } from '../experiment/run.js';
import { uniformStream } from '../rng.js';
import type { ScenarioInput } from '../scenario/types.js';
import { accountWorld, type AccountWorld } from './account-world.js';
import type { AnalyticsExport, ExportPost } from './export.js';
import { simulatedExport } from './simulated-export.js';

/** Options of {@link syntheticExport}. */
export interface SyntheticExportOptions {
  /** The platform scenario (default `{ extends: 'facebook' }`). */
  scenario?: ScenarioInput;
  /** True values of scenario parameters (dotted paths), over the scenario's own. */
  parameters?: Record<string, number>;
  /** Posts (default 60), spread evenly over `days` (default 30) at daytime hours. */
  posts?: number;
  days?: number;
  /** Every n-th post sells (a product post; default 3); the others are `other`. */
  productEvery?: number;
  /** Users of the world (default 2,000) and the account's followers in it (default 100). */
  users?: number;
  followers?: number;
  /** Fields the export reports (default: every field the engine can fill). */
  fields?: ReadonlyArray<keyof ExportPost>;
  /** First day (default 2026-01-05, a Monday). */
  start?: string;
  seed?: number;
}

/** Every optional field a simulated export can fill. */
export const SIMULATED_FIELDS: ReadonlyArray<keyof ExportPost> = ['reach', 'reachFollowers', 'reachNonFollowers', 'reachOrganic', 'reachPaid', 'shares', 'linkClicks', 'follows'];

/** A simulated account's export, the parameters that made it, and its world. */
export function syntheticExport(options: SyntheticExportOptions = {}): { export: AnalyticsExport; world: AccountWorld } {
  const posts = options.posts ?? 60;
  const days = options.days ?? 30;
  const every = options.productEvery ?? 3;
  const seed = options.seed ?? 1;
  const start = Date.parse(`${options.start ?? '2026-01-05'}T00:00:00Z`);
  // Posting times: evenly spread days, each at an hour from 8:00 to 20:00 drawn from the seed.
  const u = uniformStream(`synthetic-export/${seed}`);
  // Every field the export reports is set on every post, so the simulated export fills it.
  const reported = Object.fromEntries((options.fields ?? SIMULATED_FIELDS).map((f) => [f, 0]));
  const schedule: ExportPost[] = Array.from({ length: posts }, (_, i) => ({
    row: i + 1,
    published: start + Math.floor((i * days) / posts) * 86_400_000 + Math.floor(8 + 12 * u()) * 3_600_000,
    kind: every > 0 && (i + 1) % every === 0 ? 'product' : 'other',
    impressions: 0,
    likes: 0,
    ...reported,
  }));
  schedule.sort((a, b) => a.published - b.published);
  const followers = options.followers ?? 100;
  const template: AnalyticsExport = { posts: schedule, followers: [{ day: start, followers }], mapping: 'feedsim', missing: {}, notes: [] };
  const world = accountWorld(template, { scenario: options.scenario, users: options.users ?? 2000, followers, followerShare: 1, days });
  const scenario = applyPoint(world.scenario, options.parameters ?? {});
  const run = executeRun({ id: 'synthetic', label: 'account', scenario, strategy: world.strategy, replicate: 0, seed }, true);
  const exp = simulatedExport(run, { ...world, scenario });
  // Daily counts are dated by their day, as an analytics export dates them.
  exp.followers = exp.followers!.map((f) => ({ day: Math.floor(f.day / 86_400_000) * 86_400_000, followers: f.followers }));
  exp.mapping = 'feedsim';
  return { export: exp, world: { ...world, scenario } };
}
