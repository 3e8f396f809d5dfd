/**
 * The canonical form of a post-level analytics export, and its reader. An account owner's export
 * (feedsim's own CSV, Meta Business Suite's Facebook or Instagram post export, YouTube Studio's
 * Content table, or any CSV with a custom mapping) becomes a list of posts with feedsim's fields,
 * a note for everything the reader did that the owner should know, and an {@link ExportError}
 * naming file, row, column and value for everything it cannot read. No row is dropped without a
 * note. Pure: the caller reads the file (browser-safe, no node:fs).
 * @module
 */
import { printable, quoteExcerpt } from '../excerpt.js';
import { closestKey } from '../scenario/errors.js';
import { DATE_FORMS, readDate } from './dates.js';
import { place, refuse } from './export-error.js';
import { kindsAllowed, readKind } from './kinds.js';
import {
  CANONICAL_COLUMNS, COUNT_FIELDS, MAPPING_NAMES, MAPPINGS, REQUIRED_FIELDS,
  type CountField, type ExportMapping, type MappedField, type MappingName,
} from './mappings.js';
import { ambiguity, locate, problemList, readCount, readTable, repeatedNames, type Located, type Problems } from './table.js';

export { readFollowerCounts } from './followers.js';
export { parseMapping, MAPPINGS, MAPPING_NAMES } from './mappings.js';
export type { CountField, ExportMapping, MappedField, MappingName } from './mappings.js';
export { ExportError } from './export-error.js';

export type ExportPostKind = 'product' | 'audience' | 'other';

/**
 * One post of an analytics export, in feedsim's canonical fields. Optional counts are undefined
 * when the export has no such column or the cell is empty (counted in `AnalyticsExport.missing`).
 */
export interface ExportPost {
  /** 1-based row in the file as a spreadsheet numbers it (the header is row 1), for messages. */
  row: number;
  /** Publication time, ms since the epoch (UTC). */
  published: number;
  kind: ExportPostKind;
  impressions: number;
  reach?: number;
  reachFollowers?: number;
  reachNonFollowers?: number;
  reachOrganic?: number;
  reachPaid?: number;
  likes: number;
  shares?: number;
  comments?: number;
  linkClicks?: number;
  follows?: number;
}

export interface FollowerCount {
  /** UTC midnight of the day, ms. */
  day: number;
  followers: number;
}

export interface AnalyticsExport {
  /** Sorted by publication time (stable: posts published together keep the file's order). */
  posts: ExportPost[];
  /** Sorted by day; not filled by {@link readExport} (see {@link readFollowerCounts}). */
  followers?: FollowerCount[];
  /** Name of the mapping used ('feedsim', 'facebook', 'instagram', 'youtube', or a custom name). */
  mapping: string;
  /** Per optional field, how many posts have no value (empty cell or no column); fields with none missing are absent. */
  missing: Partial<Record<keyof ExportPost, number>>;
  /** Things the reader did that a user should know. Nothing is ever dropped without a note. */
  notes: string[];
}

/** Options of {@link readExport}. */
export interface ReadExportOptions {
  /** A built-in mapping's name, a custom mapping ({@link parseMapping}), or 'auto' (the default): the mapping whose required columns the header has. */
  mapping?: ExportMapping | MappingName | 'auto';
  /** The file's name, for messages. */
  file?: string;
}

/** `rows 3, 5, 9` (at most 10 listed, then the count). */
function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, 10).join(', ');
  return `row${rows.length === 1 ? '' : 's'} ${shown}${rows.length > 10 ? ` … (${rows.length} in all)` : ''}`;
}

const fieldName = (f: MappedField): string => CANONICAL_COLUMNS[f];
const article = (word: string): string => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

/** The mapping to read `header` with: the one given, or the one whose required columns it has. */
function chooseMapping(choice: ExportMapping | MappingName | 'auto', header: readonly string[], file: string, notes: string[]): ExportMapping {
  if (typeof choice === 'object' && choice !== null) {
    const missing = REQUIRED_FIELDS.filter((f) => !Array.isArray(choice.columns?.[f]) || choice.columns[f].length === 0);
    if (typeof choice.name !== 'string' || missing.length > 0) {
      refuse(`mapping ${String(choice.name)}`, missing.join(', '), `must name columns for ${REQUIRED_FIELDS.join(', ')} (use parseMapping to check one)`);
    }
    return choice;
  }
  if (choice !== 'auto') {
    if (!(MAPPING_NAMES as string[]).includes(choice)) refuse(`${file}: mapping`, String(choice), `must be one of ${[...MAPPING_NAMES, 'auto'].join(', ')}, or a custom mapping`);
    return MAPPINGS[choice];
  }
  const found = (m: ExportMapping): number => Object.values(m.columns).filter((names) => locate(header, names) !== undefined).length;
  const fits = MAPPING_NAMES.map((n) => MAPPINGS[n]).filter((m) => REQUIRED_FIELDS.every((f) => locate(header, m.columns[f]) !== undefined));
  if (fits.length === 0) {
    const lacks = MAPPING_NAMES.map((n) => {
      const m = MAPPINGS[n];
      // An export of that platform lacking a metric: say where the platform offers it.
      const hint = m.hint && locate(header, m.columns.published) ? ` (${m.hint})` : '';
      return `${n} needs ${REQUIRED_FIELDS.filter((f) => !locate(header, m.columns[f])).map((f) => quoteExcerpt(m.columns[f][0])).join(', ')}${hint}`;
    });
    const semicolons = header.length === 1 && header[0].includes(';') ? ' It is one column holding ";": save the file with commas as separators.' : '';
    const names = header.join(', ');
    const whole = names.length > 57 ? ` The header: ${printable(names, 400)}.` : '';
    refuse(place(file, 1), names, `is a header no mapping fits (${lacks.join('; ')}).${whole}${semicolons} Give the mapping, or a custom one (parseMapping) for another export`);
  }
  // A header that fits several (an export with added columns) goes to the one that reads most of it.
  const best = fits.reduce((a, b) => (found(b) > found(a) ? b : a));
  const others = fits.filter((m) => m !== best).map((m) => m.name);
  notes.push(`read as ${article(best.name)} export (detected from the header${others.length ? `; ${others.join(', ')} also fit${others.length === 1 ? 's' : ''}` : ''})`);
  return best;
}

/** Where each field's column is; refuses a missing required column, a repeated or a percentage one. */
function resolveColumns(mapping: ExportMapping, header: readonly string[], file: string, notes: string[]) {
  const at: Partial<Record<MappedField, Located>> = {};
  const problems = problemList();
  const read: string[] = [];
  for (const [field, names] of Object.entries(mapping.columns) as [MappedField, readonly string[]][]) {
    const hit = locate(header, names);
    if (!hit) {
      if (REQUIRED_FIELDS.includes(field as (typeof REQUIRED_FIELDS)[number])) {
        const hint = mapping.hint ? `; ${mapping.hint}` : '';
        problems.add(place(file, 1), names[0], `has no ${fieldName(field)} column (${names.map((n) => quoteExcerpt(n)).join(' or ')}) for the ${mapping.name} mapping${hint}. The header: ${printable(header.join(', '), 400)}`);
      }
      continue;
    }
    if (hit.repeats.length > 0) {
      problems.add(place(file, 1, hit.name), hit.name, ambiguity(hit, fieldName(field)));
    }
    if (field !== 'published' && hit.name.includes('%')) {
      problems.add(place(file, 1, hit.name), hit.name, `holds percentages (its name has %), not a count: ${fieldName(field)} needs a column of counts`);
    }
    // Another candidate present too (an export with both Views and Impressions): say which was read.
    const unread = names.filter((n) => (locate(header, [n])?.index ?? hit.index) !== hit.index);
    if (unread.length > 0) notes.push(`${fieldName(field)}: read ${quoteExcerpt(hit.name)}; ${unread.map((n) => quoteExcerpt(n)).join(', ')} also present, not read`);
    at[field] = hit;
    read.push(`${fieldName(field)} ← ${quoteExcerpt(hit.name)}`);
  }
  const kind = mapping.kind ? locate(header, mapping.kind.column) : undefined;
  if (kind && kind.repeats.length > 0) problems.add(place(file, 1, kind.name), kind.name, ambiguity(kind, 'the kind'));
  problems.check();
  if (mapping !== MAPPINGS.feedsim) notes.push(`columns read: ${read.join(', ')}${kind ? `, kind ← ${quoteExcerpt(kind.name)}` : ''}`);
  const used = new Set([...Object.values(at).map((l) => l.index), ...(kind ? [kind.index] : [])]);
  for (const [name, cols] of repeatedNames(header)) {
    if (!cols.some((c) => used.has(c - 1))) notes.push(`the header names ${quoteExcerpt(name)} ${cols.length} times (columns ${cols.join(', ')}); not read`);
  }
  if (mapping === MAPPINGS.feedsim) {
    // A misspelt canonical column would otherwise be ignored without a word.
    const known = [...Object.values(CANONICAL_COLUMNS), 'kind'];
    const unknown = header.filter((h, i) => h !== '' && !used.has(i));
    if (unknown.length > 0) {
      const guesses = unknown.map((h) => [h, closestKey(h, known)] as const).filter(([, g]) => g !== undefined);
      const hint = guesses.map(([h, g]) => `${quoteExcerpt(h)}: did you mean ${g}?`).join('; ');
      notes.push(`columns not read (not feedsim columns): ${unknown.map((h) => quoteExcerpt(h)).join(', ')}${hint ? ` (${hint})` : ''}`);
    }
  }
  return { at, kind };
}

/** Reads one row into a post; problems go to `problems`, and a bad row gives no post. */
function readPost(
  cells: readonly string[], row: number, mapping: ExportMapping, cols: ReturnType<typeof resolveColumns>,
  file: string, problems: Problems, dates: { untimed: string[]; unzoned: string[] },
): ExportPost | undefined {
  let bad = false;
  const fail = (col: string, value: string, allowed: string): void => {
    bad = true;
    problems.add(place(file, row, col), value, allowed);
  };
  const published = cols.at.published!;
  const when = cells[published.index].trim();
  const date = when === '' ? undefined : readDate(when, mapping.dates);
  if (!date) fail(published.name, when, `${when === '' ? 'is required: ' : ''}must be the publication date or time: ${DATE_FORMS}`);
  else {
    if (!date.timed) dates.untimed.push(when);
    else if (!date.zoned) dates.unzoned.push(when);
  }
  const counts: Partial<Record<CountField, number>> = {};
  for (const f of COUNT_FIELDS) {
    const c = cols.at[f];
    const text = c ? cells[c.index].trim() : '';
    if (!c || text === '') {
      if (c && REQUIRED_FIELDS.includes(f as (typeof REQUIRED_FIELDS)[number])) fail(c.name, text, `is required: ${fieldName(f)} must be a count (a whole number, 0 or more)`);
      continue;
    }
    const value = readCount(text);
    if (typeof value === 'string') fail(c.name, text, value);
    else counts[f] = value;
  }
  let kind: ExportPostKind = 'other';
  if (cols.kind) {
    const text = cells[cols.kind.index].trim();
    const k = text === '' ? 'other' : readKind(text, mapping.kind?.values);
    if (k === undefined) fail(cols.kind.name, text, kindsAllowed(mapping.kind?.values));
    else kind = k;
  }
  const { reach, impressions } = counts;
  if (reach !== undefined && impressions !== undefined && reach > impressions) {
    fail(cols.at.reach!.name, String(reach), `is greater than impressions (${impressions}, column ${quoteExcerpt(cols.at.impressions!.name)}): a post cannot reach more people than it was shown to; this row is bad`);
  }
  if (bad || !date) return undefined;
  return { row, published: date.time, kind, impressions: impressions!, likes: counts.likes!, ...without(counts, ['impressions', 'likes']) };
}

function without<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Omit<T, K> {
  const copy = { ...o };
  for (const k of keys) delete copy[k];
  return copy;
}

/**
 * Reads a post-level analytics export (CSV text) into canonical posts.
 * @example
 * ```ts
 * const { posts, notes } = readExport(readFileSync('Table data.csv', 'utf8'), { file: 'Table data.csv' });
 * // mapping 'auto' finds YouTube Studio's columns; notes say the Total row was skipped.
 * ```
 * @throws {ExportError} for an empty file, a header no mapping fits or without a required column,
 * a repeated column name the mapping reads, and every bad cell (a negative, fractional, percent or
 * non-numeric count, an unreadable date, an unknown kind, reach above impressions), each naming
 * the file, the row, the column, the value and what is allowed.
 */
export function readExport(csv: string, options: ReadExportOptions = {}): AnalyticsExport {
  const file = options.file ?? 'the export';
  const problems = problemList();
  const table = readTable(csv, file, problems);
  const notes: string[] = [];
  const mapping = chooseMapping(options.mapping ?? 'auto', table.header, file, notes);
  const cols = resolveColumns(mapping, table.header, file, notes);
  if (table.rows.length === 0) refuse(file, '', 'has a header but no rows of posts');
  const skipped = { total: [] as number[], description: [] as number[], incomplete: new Map<MappedField, number[]>() };
  const dates = { untimed: [] as string[], unzoned: [] as string[] };
  const emptyKinds: number[] = [];
  const posts: ExportPost[] = [];
  table.rows.forEach(({ row, cells }, i) => {
    const cell = (f: MappedField): string => (cols.at[f] ? cells[cols.at[f].index]?.trim() ?? '' : '');
    const undated = cell('published') === '';
    // YouTube writes "Total" in its first column and leaves the date empty; other tools put it in the date's place.
    const total = cells.some((c) => c.trim().toLowerCase() === 'total') && (undated || cell('published').toLowerCase() === 'total');
    if (mapping.skip?.totalRow && total) return void skipped.total.push(row);
    if (mapping.skip?.descriptionRow && i === 0 && undated && typeof readCount(cell('impressions')) === 'string' && cell('impressions') !== '') {
      return void skipped.description.push(row);
    }
    const empty = REQUIRED_FIELDS.find((f) => cell(f) === '');
    if (mapping.skip?.incomplete && empty) return void skipped.incomplete.set(empty, [...(skipped.incomplete.get(empty) ?? []), row]);
    if (cells.length < table.header.length) return; // a cut-off row: already a problem
    if (cols.kind && (cells[cols.kind.index] ?? '').trim() === '') emptyKinds.push(row);
    const post = readPost(cells, row, mapping, cols, file, problems, dates);
    if (post) posts.push(post);
  });
  problems.check();
  posts.sort((a, b) => a.published - b.published);

  const missing: Partial<Record<keyof ExportPost, number>> = {};
  for (const f of COUNT_FIELDS) {
    const n = posts.filter((p) => p[f] === undefined).length;
    if (n > 0) missing[f] = n;
  }
  if (skipped.total.length) notes.push(`skipped the "Total" ${rowList(skipped.total)} of ${article(mapping.name)} export (the channel's totals, not a post)`);
  if (skipped.description.length) notes.push(`skipped ${rowList(skipped.description)}: column descriptions, not a post (legacy Facebook Page Insights exports have them)`);
  for (const [f, rows] of skipped.incomplete) {
    // Platforms leave cells empty for posts they did not measure: YouTube gives no publish time
    // for some (unlisted or private) videos, Meta no views before mid-2024.
    notes.push(`skipped ${rowList(rows)}: no ${fieldName(f)} (${quoteExcerpt(cols.at[f]!.name)} is empty), as the platform exported ${rows.length === 1 ? 'it' : 'them'}`);
  }
  if (table.emptyRows.length) notes.push(`skipped empty ${rowList(table.emptyRows)}`);
  if (!cols.kind) notes.push(`no kind column${mapping.kind ? ` (${mapping.kind.column.map((c) => quoteExcerpt(c)).join(' or ')})` : ''}: every post is 'other'`);
  else if (emptyKinds.length) notes.push(`${rowList(emptyKinds)}: no kind; read as 'other'`);
  if (dates.unzoned.length) notes.push(`${dates.unzoned.length} publication time${dates.unzoned.length === 1 ? ' has' : 's have'} no time zone (e.g. ${quoteExcerpt(dates.unzoned[0])}): read as UTC`);
  if (dates.untimed.length) notes.push(`${dates.untimed.length} publication date${dates.untimed.length === 1 ? ' has' : 's have'} no time of day (e.g. ${quoteExcerpt(dates.untimed[0])}): read as 00:00 UTC`);
  return { posts, mapping: mapping.name, missing, notes };
}
