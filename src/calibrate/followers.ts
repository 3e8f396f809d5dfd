/**
 * Reading a follower-count file: one row per day, the account's followers that day (`day,followers`
 * by default). It sits beside a post export for calibration: follows per post say little without
 * the curve they add up to.
 * @module
 */
import { printable } from '../excerpt.js';
import { DATE_FORMS, readDate } from './dates.js';
import { place, refuse } from './export-error.js';
import type { FollowerCount } from './export.js';
import { ambiguity, locate, problemList, readCount, readTable } from './table.js';

/** Options of {@link readFollowerCounts}. */
export interface ReadFollowerOptions {
  /** The file's name, for messages. */
  file?: string;
  /** The column of days (default `day`). */
  dayColumn?: string;
  /** The column of follower counts (default `followers`). */
  followersColumn?: string;
}

/**
 * Reads daily follower counts (CSV text), sorted by day. A day is any date form the post reader
 * takes; a time of day in it is ignored (the count is the day's).
 * @throws {ExportError} for an empty file, a missing or repeated column, an unreadable day, a bad
 * count, or a day given twice, each naming the file, row, column and value.
 */
export function readFollowerCounts(csv: string, options: ReadFollowerOptions = {}): FollowerCount[] {
  const file = options.file ?? 'the follower counts';
  const problems = problemList();
  const table = readTable(csv, file, problems);
  const columns = [options.dayColumn ?? 'day', options.followersColumn ?? 'followers'].map((name) => {
    const hit = locate(table.header, [name]);
    if (!hit) refuse(place(file, 1), name, `has no ${name} column; the header: ${printable(table.header.join(', '), 400)}`);
    if (hit.repeats.length > 0) refuse(place(file, 1, hit.name), hit.name, ambiguity(hit, `the ${name}`));
    return hit;
  });
  const [dayCol, countCol] = columns;
  if (table.rows.length === 0) refuse(file, '', 'has a header but no rows of follower counts');
  const firstRow = new Map<number, number>();
  const counts: FollowerCount[] = [];
  for (const { row, cells } of table.rows) {
    if (cells.length < table.header.length) continue; // a cut-off row: already a problem
    const dayText = cells[dayCol.index].trim();
    const countText = cells[countCol.index].trim();
    const date = dayText === '' ? undefined : readDate(dayText);
    const followers = countText === '' ? 'is required: must be a count (a whole number, 0 or more)' : readCount(countText);
    if (!date) problems.add(place(file, row, dayCol.name), dayText, `${dayText === '' ? 'is required: ' : ''}must be a day: ${DATE_FORMS}`);
    if (typeof followers === 'string') problems.add(place(file, row, countCol.name), countText, followers);
    if (!date || typeof followers === 'string') continue;
    const first = firstRow.get(date.day);
    if (first !== undefined) {
      problems.add(place(file, row, dayCol.name), dayText, `is a day already given on row ${first}: one count per day`);
      continue;
    }
    firstRow.set(date.day, row);
    counts.push({ day: date.day, followers });
  }
  problems.check();
  return counts.sort((a, b) => a.day - b.day);
}
