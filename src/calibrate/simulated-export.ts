/**
 * The analytics export a simulated account would download: its posts' counts in the export's
 * fields and its daily follower count. Only the fields the real export reports are filled, post by
 * post, so a statistic falls back the same way on both sides (e.g. all reach where there is no
 * follower split).
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

/**
 * The export of the first account of a run in `world` (a run with its posts kept). Each simulated
 * post reports the fields its counterpart in the real export reports (the window's posts, in
 * order), so a statistic uses the same posts on both sides; the follower series covers the window
 * the posts were replayed in, as the export's covers its own days (none when the export has none).
 */
export function simulatedExport(run: RunOutput, world: AccountWorld): AnalyticsExport {
  const summaries = [...(run.posts ?? [])].sort((a, b) => a.created - b.created || a.serial - b.serial);
  const posts: ExportPost[] = summaries.map((s, i) => {
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
    const twin = world.template[i];
    for (const k of Object.keys(all) as Array<keyof ExportPost>) if (!REQUIRED.has(k) && (twin === undefined || twin[k] === undefined)) delete all[k];
    return all;
  });
  if (!world.followerSeries) return { posts, mapping: 'simulated', missing: {}, notes: [] };
  const cycles = run.accounts[0]?.cycles ?? [];
  const followers = cycles
    .map((c, i) => ({ day: world.start + (i + 1) * world.cycleMs, followers: c.followers }))
    .filter((f) => f.day >= world.postsStart && f.day <= world.windowEnd);
  return { posts, followers, mapping: 'simulated', missing: {}, notes: [] };
}

const REQUIRED = new Set<keyof ExportPost>(['row', 'published', 'kind', 'impressions', 'likes']);
