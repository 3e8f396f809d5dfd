/**
 * Column mappings: which columns of an analytics export hold which canonical fields. Built in:
 * feedsim's own CSV, Meta Business Suite's Facebook and Instagram post exports, and YouTube
 * Studio's Content table. Exports of one platform differ across years and settings, so a field
 * may list several candidate names (the first present wins). Names are matched without regard to
 * case or surrounding spaces (Meta has written both "Link clicks" and "Link Clicks"), but
 * otherwise exactly: a platform's other language settings give other names, for which a custom
 * mapping (a small YAML file, {@link parseMapping}) is the way.
 * @module
 */
import * as z from 'zod/mini';
import { ScenarioError } from '../scenario/errors.js';
import { parseDocument } from '../scenario/file.js';
import { shapeProblems, strictObject } from '../scenario/schema.js';
import type { DateOrder } from './dates.js';
import type { ExportPostKind } from './export.js';
import { ExportError } from './export-error.js';
import { EXPORT_POST_KINDS } from './kinds.js';

/** The count fields of a post. */
export type CountField =
  | 'impressions' | 'reach' | 'reachFollowers' | 'reachNonFollowers' | 'reachOrganic' | 'reachPaid'
  | 'likes' | 'shares' | 'comments' | 'linkClicks' | 'follows';
/** The fields a mapping reads from columns (the kind has its own entry). */
export type MappedField = 'published' | CountField;
/** Fields every export must have. */
export type RequiredField = 'published' | 'impressions' | 'likes';
/** The built-in mappings. */
export type MappingName = 'feedsim' | 'facebook' | 'instagram' | 'youtube';

/** Which columns of an export hold which fields, and how to read them. */
export interface ExportMapping {
  /** Shown in notes and kept in the result's `mapping`. */
  name: string;
  /** For each field, the column names that may hold it; the first one present in the header is read. */
  columns: Readonly<Record<RequiredField, readonly string[]>> & Partial<Readonly<Record<MappedField, readonly string[]>>>;
  /** The kind column and the mapping's own words for kinds (besides the standard ones). */
  kind?: { column: readonly string[]; values?: Readonly<Record<string, ExportPostKind>> };
  /** How `03/01/2026` reads; month-first (Meta's) unless set. */
  dates?: DateOrder;
  /** Rows the platform adds that are not posts, skipped with a note (otherwise they are errors). */
  skip?: {
    /** A row with a cell `Total` and no publication time (YouTube Studio's second row). */
    totalRow?: boolean;
    /** A first data row of column descriptions, with no publication time (legacy Facebook Page Insights). */
    descriptionRow?: boolean;
    /** Rows with an empty publication time, impressions or likes cell (the platform did not measure the post). */
    incomplete?: boolean;
  };
  /** Said when a required column is missing: where the platform offers it. */
  hint?: string;
}

/** The count fields, in the canonical column order. */
export const COUNT_FIELDS: readonly CountField[] = [
  'impressions', 'reach', 'reachFollowers', 'reachNonFollowers', 'reachOrganic', 'reachPaid',
  'likes', 'shares', 'comments', 'linkClicks', 'follows',
];
export const REQUIRED_FIELDS: readonly RequiredField[] = ['published', 'impressions', 'likes'];

/** The canonical (feedsim) column name of each field: the field name in snake_case. */
export const CANONICAL_COLUMNS: Readonly<Record<MappedField, string>> = {
  published: 'published', impressions: 'impressions', reach: 'reach', reachFollowers: 'reach_followers',
  reachNonFollowers: 'reach_non_followers', reachOrganic: 'reach_organic', reachPaid: 'reach_paid',
  likes: 'likes', shares: 'shares', comments: 'comments', linkClicks: 'link_clicks', follows: 'follows',
};

// Every built-in mapping also reads a `kind` column if one was added by hand (a spreadsheet
// column tagging each post), so platform exports need no custom mapping just for kinds.
const KIND_COLUMN = { column: ['kind'] } as const;

/** feedsim's own CSV: the canonical snake_case columns. */
const feedsim: ExportMapping = {
  name: 'feedsim',
  columns: {
    published: ['published'], impressions: ['impressions'], reach: ['reach'], reachFollowers: ['reach_followers'],
    reachNonFollowers: ['reach_non_followers'], reachOrganic: ['reach_organic'], reachPaid: ['reach_paid'],
    likes: ['likes'], shares: ['shares'], comments: ['comments'], linkClicks: ['link_clicks'], follows: ['follows'],
  },
  kind: KIND_COLUMN,
};

/**
 * Facebook: Meta Business Suite's post export (Insights → Content → export, CSV), and the legacy
 * Page Insights "Post data" export it replaced.
 *
 * Sources (real exports and code that reads them, public repositories):
 * - benzco89/kan-dashboard-auto, analysis/yearly_content/Jan-01-2024_Dec-31-2024_1509169891251840.csv:
 *   a real Business Suite export (posts of 2024): "Publish time" as `12/27/2024 02:00`, Reach,
 *   Reactions, Comments, Shares, "Link Clicks", "Reach from Organic posts", "Reach from Boosted
 *   posts", Views, and no description row.
 * - benzco89/kan-dashboard-auto, analysis/presentation/build_history.py: Meta changed what Views
 *   and the organic reach column measure in August–September 2024 (so an export spanning that
 *   change mixes two definitions).
 * - scctsi/trial-promoter-app, spec/lib/metric_file_parser_spec.rb: the legacy Page Insights CSV
 *   ("Posted" as `10/1/2015 21:00`, "Lifetime Post Total Reach", "Lifetime Post organic reach",
 *   "Lifetime Post Paid Reach", "Lifetime Post Total Impressions", "Lifetime Post reach by people
 *   who like your Page"), with a second row of descriptions ("Lifetime: The total number of people
 *   your Page post was served to. (Unique Users)").
 * Not confirmed: "Impressions" as the name of the views column in Business Suite exports before
 * Views replaced it (read by third-party parsers, not seen in a real export here); "Link clicks"
 * in lower case (a third-party test fixture). The legacy export kept likes, comments and shares
 * on another sheet ("Lifetime Talking About This (Post) by action type", per Sprout Social's help
 * page https://support.sproutsocial.com/hc/en-us/articles/204837535), so a legacy CSV has no
 * likes column: add one (named Reactions) or use a custom mapping. Facebook's Reactions count
 * every reaction, not only likes (likes are ~97 % of them: docs/calibration-sources.md).
 */
const facebook: ExportMapping = {
  name: 'facebook',
  columns: {
    published: ['Publish time', 'Posted'],
    impressions: ['Views', 'Impressions', 'Lifetime Post Total Impressions'],
    reach: ['Reach', 'Lifetime Post Total Reach'],
    reachFollowers: ['Lifetime Post reach by people who like your Page'],
    reachOrganic: ['Reach from Organic posts', 'Lifetime Post organic reach'],
    reachPaid: ['Reach from Boosted posts', 'Lifetime Post Paid Reach'],
    likes: ['Reactions'],
    comments: ['Comments'],
    shares: ['Shares'],
    linkClicks: ['Link clicks'],
  },
  kind: KIND_COLUMN,
  skip: { descriptionRow: true, incomplete: true },
  hint: 'a Meta Business Suite post export (Insights → Content → Export data, CSV) has Publish time, Views and Reactions',
};

/**
 * Instagram: Meta Business Suite's Instagram post export (posts, reels, carousels; stories come
 * in a separate file of the same shape).
 *
 * Sources (real exports, public repository benzco89/kan-dashboard-auto):
 * - analysis/yearly_content/data_buisness_suit/Jan-01-2026_Aug-10-2026_1071135865260092.csv:
 *   "Post ID","Account ID","Account username","Account name",Description,"Duration (sec)",
 *   "Publish time" (`07/30/2026 02:37`),Permalink,"Post type","Data comment",Date,Views,Reach,
 *   Likes,Shares,Follows,Comments,Saves.
 * - analysis/yearly_content/Jan-01-2024_Dec-31-2024_4588672571364735.csv: the 2024 layout, the
 *   same columns in another order (Views last).
 * - analysis/yearly_content/data_buisness_suit/Jan-01-2026_Aug-10-2026_1628959111979773.csv: the
 *   stories export (no Comments; "Link clicks", "Profile visits", Replies, Navigation).
 * - analysis/presentation/build_history.py: Views is empty for posts before July 2024 and Reach
 *   unreliable before September 2024 (such rows are skipped with a note: no impressions).
 * Not confirmed: "Impressions" as the views column of exports made before Meta introduced Views
 * (read by third-party parsers, not seen in a real export here).
 */
const instagram: ExportMapping = {
  name: 'instagram',
  columns: {
    published: ['Publish time'],
    impressions: ['Views', 'Impressions'],
    reach: ['Reach'],
    likes: ['Likes'],
    comments: ['Comments'],
    shares: ['Shares'],
    follows: ['Follows'],
    linkClicks: ['Link clicks'],
  },
  kind: KIND_COLUMN,
  skip: { incomplete: true },
  hint: 'a Meta Business Suite Instagram post export has Publish time, Views and Likes',
};

/**
 * YouTube: YouTube Studio's Analytics → Advanced mode → Content table, exported as CSV ("Table
 * data.csv" in the downloaded zip). Its columns are the metrics ticked in the table; a "Total"
 * row comes first.
 *
 * Sources (real exports in public repositories):
 * - areikher/YouTube_Channel_Repo, Table data.csv: Content, "Video title", "Video publish time"
 *   (`Mar 15, 2025`), Likes, Shares, "Unique viewers", Views, Subscribers, Impressions, and the
 *   Total row.
 * - joshcirre/joshcirre, Table data.csv: videos with an empty "Video publish time" (apparently
 *   private or unlisted ones; skipped with a note), "Unique viewers" empty per video.
 * - pete2357/YT_Dashboard, Aggregated_Metrics_By_Video.csv (an older export, re-saved by a
 *   spreadsheet): Video, "Video title", "Video publish time", "Comments added", Shares, Likes,
 *   "Subscribers lost", "Subscribers gained", "Video views", Impressions, and the Total row.
 * Impressions are Views: feedsim's YouTube preset counts a view as an impression (docs/presets.md);
 * YouTube's own "Impressions" column counts thumbnails shown and is not read. follows are
 * "Subscribers gained": "Subscribers" is gained minus lost and can be negative. Not confirmed:
 * "Comments added" and "Subscribers gained" in a current export (seen only in the older one).
 */
const youtube: ExportMapping = {
  name: 'youtube',
  columns: {
    published: ['Video publish time'],
    impressions: ['Views', 'Video views'],
    reach: ['Unique viewers'],
    likes: ['Likes'],
    comments: ['Comments added'],
    shares: ['Shares'],
    follows: ['Subscribers gained'],
  },
  kind: KIND_COLUMN,
  skip: { totalRow: true, incomplete: true },
  hint: 'YouTube Studio exports only the metrics shown in the table: in Analytics → Advanced mode (Content), add Views and Likes before exporting',
};

/** The built-in mappings, in the order auto-detection prefers them. */
export const MAPPINGS: Readonly<Record<MappingName, ExportMapping>> = { feedsim, facebook, instagram, youtube };

/** The names of the built-in mappings. */
export const MAPPING_NAMES = Object.keys(MAPPINGS) as MappingName[];

const NAMES_RULE = 'must be a column name or a list of column names';
const columnName = z.string({ error: NAMES_RULE }).check(z.regex(/\S/, { error: NAMES_RULE }));
const columnNames = z.union([columnName, z.array(columnName).check(z.minLength(1, { error: NAMES_RULE }))], { error: NAMES_RULE });
const kindValue = z.enum(EXPORT_POST_KINDS as [ExportPostKind, ...ExportPostKind[]], { error: `must be one of ${EXPORT_POST_KINDS.join(', ')}` });
const NAME_RULE = `must be the mapping's name (1 to 60 characters), not a built-in one (${MAPPING_NAMES.join(', ')}, auto)`;

const columnsShape: Record<string, z.ZodMiniType> = {};
for (const [field, column] of Object.entries(CANONICAL_COLUMNS)) {
  columnsShape[column] = REQUIRED_FIELDS.includes(field as RequiredField) ? columnNames : z.optional(columnNames);
}

/** Schema of a mapping file (YAML); keys are the canonical column names. */
const mappingSchema = strictObject({
  name: z.string({ error: NAME_RULE }).check(
    z.regex(/^\S(.{0,58}\S)?$/, { error: NAME_RULE }),
    z.refine((n) => ![...MAPPING_NAMES, 'auto'].includes(n.toLowerCase()), { error: NAME_RULE }),
  ),
  columns: strictObject(columnsShape, 'the columns (canonical column: export column or list of them)'),
  kind: z.optional(strictObject({
    column: columnNames,
    values: z.optional(z.record(z.string(), kindValue, { error: 'must map words to kinds, e.g. { Promo: product }' })),
  }, 'kind')),
  dates: z.optional(z.enum(['month-first', 'day-first'], { error: 'must be month-first (03/01/2026 is March 1) or day-first' })),
  skip: z.optional(strictObject({
    total_row: z.optional(z.boolean({ error: 'must be true or false' })),
    description_row: z.optional(z.boolean({ error: 'must be true or false' })),
    incomplete: z.optional(z.boolean({ error: 'must be true or false' })),
  }, 'skip')),
}, 'an export mapping');

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : [String(v)]);

/**
 * Reads a custom mapping from YAML (or JSON, which is YAML too):
 * ```yaml
 * name: my-tool
 * columns:
 *   published: Date posted
 *   impressions: Views
 *   likes: [Likes, Reactions]
 * kind:
 *   column: Type
 *   values: { Promo: product, Tutorial: audience }
 * dates: day-first          # optional: 03/01/2026 is 3 January
 * skip: { total_row: true } # optional: total_row, description_row, incomplete
 * ```
 * @throws {ExportError} naming the file, each bad field, its value and what is allowed.
 */
export function parseMapping(text: string, file = 'the mapping file'): ExportMapping {
  let doc: unknown;
  try {
    doc = parseDocument(text, 'yaml', file);
  } catch (e) {
    throw e instanceof ScenarioError ? new ExportError(e.problems.map((p) => ({ ...p, path: p.path || file }))) : e;
  }
  const problems = shapeProblems(doc, mappingSchema);
  if (problems.length > 0) {
    throw new ExportError(problems.map((p) => ({
      ...p,
      path: `${file}, field ${p.path || '(top)'}`,
      allowed: p.value === undefined && !p.allowed.startsWith('is required') ? `is required: ${p.allowed}` : p.allowed,
    })));
  }
  const m = doc as { name: string; columns: Record<string, unknown>; kind?: { column: unknown; values?: Record<string, ExportPostKind> }; dates?: DateOrder; skip?: Record<string, boolean | undefined> };
  const columns: Partial<Record<MappedField, string[]>> = {};
  for (const [field, column] of Object.entries(CANONICAL_COLUMNS) as [MappedField, string][]) {
    if (m.columns[column] !== undefined) columns[field] = list(m.columns[column]);
  }
  return {
    name: m.name,
    columns: columns as ExportMapping['columns'],
    ...(m.kind && { kind: { column: list(m.kind.column), ...(m.kind.values && { values: m.kind.values }) } }),
    ...(m.dates && { dates: m.dates }),
    ...(m.skip && { skip: { totalRow: m.skip.total_row, descriptionRow: m.skip.description_row, incomplete: m.skip.incomplete } }),
  };
}
