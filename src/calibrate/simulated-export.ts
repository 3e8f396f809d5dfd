/**
 * The analytics export a simulated account would download: its posts' counts in the export's
 * fields and its daily follower count. Only the fields the real export reports are filled, so a
 * statistic falls back the same way on both sides (e.g. all reach where there is no follower split).
 * @module
 */
import type { RunOutput } from '../experiment/run.js';
import type { AccountWorld } from './account-world.js';
import type { AnalyticsExport, ExportPost, ExportPostKind } from './export.js';

/** The optional post fields an export reports: those some post has a value for. */
export function reportedFields(exp: AnalyticsExport): Set<keyof ExportPost> {
  const out = new Set<keyof ExportPost>();
  for (const p of exp.posts) for (const k of Object.keys(p) as Array<keyof ExportPost>) if (p[k] !== undefined) out.add(k);
  return out;
}

const KIND: Record<string, ExportPostKind> = { product: 'product', audience: 'audience', organic: 'other' };

/** The export of the first account of a run in `world` (a run with its posts kept), with only `fields` filled. */
export function simulatedExport(run: RunOutput, world: AccountWorld, fields: ReadonlySet<keyof ExportPost>): AnalyticsExport {
  const posts: ExportPost[] = (run.posts ?? []).map((s, i) => {
    const all: ExportPost = {
      row: i + 1,
      published: world.start + s.created * world.stepMs,
      kind: KIND[s.kind],
      impressions: s.impressions,
      reach: s.reach,
      reachFollowers: s.reachFollowers,
      reachNonFollowers: s.reach - s.reachFollowers,
      reachPaid: s.reachPaid,
      reachOrganic: s.reach - s.reachPaid,
      likes: s.likes,
      shares: s.shares,
      linkClicks: s.clicks,
      follows: s.follows,
    };
    for (const k of Object.keys(all) as Array<keyof ExportPost>) if (!REQUIRED.has(k) && !fields.has(k)) delete all[k];
    return all;
  });
  posts.sort((a, b) => a.published - b.published);
  const cycles = run.accounts[0]?.cycles ?? [];
  const followers = [{ day: world.start, followers: world.startingFollowers }, ...cycles.map((c, i) => ({ day: world.start + (i + 1) * world.cycleMs, followers: c.followers }))];
  return { posts, followers, mapping: 'simulated', missing: {}, notes: [] };
}

const REQUIRED = new Set<keyof ExportPost>(['row', 'published', 'kind', 'impressions', 'likes']);
