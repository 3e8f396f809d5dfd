/**
 * Time with units. Scenarios give every time-valued parameter as a duration string such as
 * `"90m"`, `"1.5h"`, `"6d"` or `"2w"`; the engine works in steps of `stepDuration`.
 * @module
 */
import * as math from './math/index.js';

/** A duration: a number followed by a unit (`s`, `m`, `h`, `d`, `w`, `mo` = 30 days). */
export type Duration = string;

const UNIT_HOURS: Record<string, number> = {
  s: 1 / 3600,
  m: 1 / 60,
  min: 1 / 60,
  h: 1,
  d: 24,
  w: 24 * 7,
  mo: 24 * 30,
};

/** What a duration string looks like (a number and a unit). */
export const DURATION_PATTERN = /^\s*(\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*(s|min|m|h|d|w|mo)\s*$/i;

/** Parses a duration to hours, or returns `undefined` when it is not one. */
export function tryParseHours(d: unknown): number | undefined {
  if (typeof d !== 'string') return undefined;
  const m = DURATION_PATTERN.exec(d);
  if (!m) return undefined;
  const hours = Number(m[1]) * UNIT_HOURS[m[2].toLowerCase()];
  return Number.isFinite(hours) ? hours : undefined;
}

/** Parses a duration to hours; throws naming `field` when it is not one. */
export function parseHours(d: Duration, field: string): number {
  const h = tryParseHours(d);
  if (h === undefined) {
    throw new RangeError(
      `${field}: ${JSON.stringify(d)} is not a duration — use a number and a unit, e.g. "90m", "1.5h", "6d", "2w", "1mo"`,
    );
  }
  return h;
}

/**
 * A hazard given as "probability `probability` per `per`" converted to a rate per hour,
 * h = −ln(1 − p) / T, so that 1 − exp(−h·T) = p exactly.
 */
export function hazardPerHour(probability: number, perHours: number): number {
  if (probability <= 0) return 0;
  if (probability >= 1) return Infinity;
  return -math.log1p(-probability) / perHours;
}
