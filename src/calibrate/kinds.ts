/**
 * Post kinds in an export: feedsim's three (product, audience, other) and the words people tag
 * posts with in their own spreadsheets. A mapping may add its own words; a word nobody defined is
 * an error, not a guess.
 * @module
 */
import type { ExportPostKind } from './export.js';

/** The kinds, in the order messages list them. */
export const EXPORT_POST_KINDS: readonly ExportPostKind[] = ['product', 'audience', 'other'];

/**
 * Words read as a kind (compared in lower case, spaces and underscores read as hyphens). Product:
 * posts that sell. Audience: posts that build the following (feedsim's follow-building content).
 * Other: everything else, including feedsim's own `organic` kind (neither product nor audience).
 */
export const KIND_SYNONYMS: Readonly<Record<string, ExportPostKind>> = {
  product: 'product', promo: 'product', promotion: 'product', promotional: 'product', sales: 'product',
  offer: 'product', ad: 'product', advert: 'product', advertisement: 'product',
  audience: 'audience', 'follow-building': 'audience', follow: 'audience', community: 'audience',
  educational: 'audience', education: 'audience', tutorial: 'audience', value: 'audience',
  other: 'other', organic: 'other', general: 'other', misc: 'other', none: 'other',
};

/** `text` as a key of {@link KIND_SYNONYMS} or of a mapping's own values. */
export const kindKey = (text: string): string => text.trim().toLowerCase().replace(/[\s_]+/g, '-');

/** The kind `text` names (a mapping's own words first), or undefined. */
export function readKind(text: string, own: Readonly<Record<string, ExportPostKind>> = {}): ExportPostKind | undefined {
  const key = kindKey(text);
  for (const [word, kind] of Object.entries(own)) if (kindKey(word) === key) return kind;
  return KIND_SYNONYMS[key];
}

/** What a kind cell may hold, in words. */
export function kindsAllowed(own: Readonly<Record<string, ExportPostKind>> = {}): string {
  const words = [...Object.keys(own), ...Object.keys(KIND_SYNONYMS).filter((w) => !EXPORT_POST_KINDS.includes(w as ExportPostKind))];
  return `must be a kind: ${EXPORT_POST_KINDS.join(', ')} (or ${words.join(', ')}); an empty cell is other`;
}
