/**
 * Writes an export in feedsim's own CSV schema (docs/calibration.md, "The export schema"), and the
 * daily follower counts beside it: what a synthetic export is shipped as, and what `readExport`
 * reads back unchanged.
 * @module
 */
import type { AnalyticsExport, ExportPost, FollowerCount } from './export.js';

/** Canonical columns and the field each holds, in file order. */
export const EXPORT_COLUMNS: ReadonlyArray<[string, keyof ExportPost]> = [
  ['published', 'published'],
  ['kind', 'kind'],
  ['impressions', 'impressions'],
  ['reach', 'reach'],
  ['reach_followers', 'reachFollowers'],
  ['reach_non_followers', 'reachNonFollowers'],
  ['reach_organic', 'reachOrganic'],
  ['reach_paid', 'reachPaid'],
  ['likes', 'likes'],
  ['shares', 'shares'],
  ['comments', 'comments'],
  ['link_clicks', 'linkClicks'],
  ['follows', 'follows'],
];

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The posts as canonical CSV: the columns some post reports, times in ISO 8601 UTC. */
export function exportCsv(exp: AnalyticsExport): string {
  const columns = EXPORT_COLUMNS.filter(([, field]) => exp.posts.some((p) => p[field] !== undefined));
  const lines = [columns.map(([name]) => name).join(',')];
  for (const p of exp.posts) {
    lines.push(columns.map(([, field]) => (field === 'published' ? iso(p.published) : p[field] === undefined ? '' : String(p[field]))).join(','));
  }
  return lines.join('\n') + '\n';
}

/** Daily follower counts as CSV (`day,followers`, days as ISO dates). */
export function followerCsv(series: readonly FollowerCount[]): string {
  return ['day,followers', ...series.map((f) => `${iso(f.day).slice(0, 10)},${f.followers}`)].join('\n') + '\n';
}
