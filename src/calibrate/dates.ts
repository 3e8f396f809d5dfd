/**
 * Publication times as analytics exports write them: ISO 8601 (feedsim's own files), Meta
 * Business Suite's month/day/year (`03/01/2026 14:00`), YouTube Studio's month names
 * (`Mar 1, 2026`), and the day-month-year Excel writes when it re-saves a file (`1-Mar-26`).
 * A time without a zone is UTC (the reader notes it); only slash and dash dates depend on the
 * day/month order, which a mapping can set.
 * @module
 */

/** A date or time read from a cell. */
export interface ReadDate {
  /** The time, ms since the epoch (UTC). */
  time: number;
  /** UTC midnight of the calendar date as written, ms. */
  day: number;
  /** The text gave a time of day. */
  timed: boolean;
  /** The text gave a zone (`Z` or an offset); otherwise the time was read as UTC. */
  zoned: boolean;
}

/** How `03/01/2026` reads: March 1 (`month-first`, as Meta exports it) or January 3 (`day-first`). */
export type DateOrder = 'month-first' | 'day-first';

/** The accepted forms, in words, for error messages. */
export const DATE_FORMS =
  'an ISO 8601 date or time (2026-03-01T14:00:00Z, 2026-03-01 14:00, 2026-03-01), a month/day/year date as Meta exports it (03/01/2026 14:00, 3/1/2026 2:00 PM), or a date with a month name (Mar 1, 2026 as YouTube Studio exports it; 1-Mar-2026)';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

// A time of day after a date: 14:00, 14:00:05, 2:00 PM, 2:00:05 p.m.
const TIME = String.raw`(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([ap])\.?m\.?)?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$`, 'i');
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([/-])(\d{1,2})\2(\d{4})${TIME}$`, 'i');
const MONTH_FIRST = new RegExp(String.raw`^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})${TIME}$`, 'i');
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})[\s-]([a-z]{3,9})\.?[\s-](\d{4}|\d{2})${TIME}$`, 'i');

/** The month (1–12) a name or its abbreviation (3 letters or more: `Mar`, `Sept`, `March`) stands for. */
function monthOf(name: string): number | undefined {
  const n = name.toLowerCase();
  const i = MONTHS.findIndex((m) => m.startsWith(n) && n.length >= 3);
  return i < 0 ? undefined : i + 1;
}

const num = (s: string | undefined): number => (s === undefined ? 0 : Number(s));

/** A checked date, or undefined when a part is out of range (Feb 30, 25:00, month 13). */
function build(year: number, month: number, dayOfMonth: number, clock: (string | undefined)[], zone?: string): ReadDate | undefined {
  const [h, mi, s, frac, half] = clock;
  let hour = num(h);
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
  }
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > days || hour > 23 || num(mi) > 59 || num(s) > 59) return undefined;
  const day = Date.UTC(year, month - 1, dayOfMonth);
  const ms = frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000);
  let time = day + ((hour * 60 + num(mi)) * 60 + num(s)) * 1000 + ms;
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    const offset = (Number(m[2]) * 60 + num(m[3])) * (m[1] === '-' ? -1 : 1);
    if (Number(m[2]) > 23 || num(m[3]) > 59) return undefined;
    time -= offset * 60_000;
  }
  return { time, day, timed: h !== undefined, zoned: zone !== undefined };
}

/** Reads a publication date or time; undefined when `text` is none of {@link DATE_FORMS}. */
export function readDate(text: string, order: DateOrder = 'month-first'): ReadDate | undefined {
  const t = text.trim();
  let m = ISO.exec(t);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), [m[4], m[5], m[6], m[7], undefined], m[8]);
  m = NUMERIC.exec(t);
  if (m) {
    const [month, day] = order === 'month-first' ? [m[1], m[3]] : [m[3], m[1]];
    return build(Number(m[4]), Number(month), Number(day), m.slice(5, 10));
  }
  m = MONTH_FIRST.exec(t);
  if (m) {
    const month = monthOf(m[1]);
    return month === undefined ? undefined : build(Number(m[3]), month, Number(m[2]), m.slice(4, 9));
  }
  m = DAY_FIRST.exec(t);
  if (m) {
    const month = monthOf(m[2]);
    // Excel's two-digit years (1-Mar-26) are this century's.
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return month === undefined ? undefined : build(year, month, Number(m[1]), m.slice(4, 9));
  }
  return undefined;
}
