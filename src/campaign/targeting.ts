/**
 * Paid targeting as platforms sell it (docs/model.md §4.5): whom a boost may reach and which post
 * it promotes. A strategy chooses it in its plan; the defaults are the engine's behaviour before
 * targeting could be chosen.
 * @module
 */

/** How a focal account's paid boosts are targeted. */
export interface PaidTargeting {
  /**
   * `interest`: active users accepted in proportion to their interest in the post's topic (the
   * platform's interest or lookalike targeting); `broad`: any active user.
   */
  audience: 'interest' | 'broad';
  /** Leave out users who already follow the account. */
  excludeFollowers: boolean;
  /** Leave out users who already saw the boosted post. */
  excludeSeen: boolean;
  /** At most this many paid impressions of the account per user per cycle (0 = no cap; at most 255). */
  frequencyCap: number;
  /** Which post a boost promotes: the newest post (`all`) or the newest product post (`product`). */
  boost: 'all' | 'product';
}

/** Boosts as the engine bought them before targeting was a choice: interest-targeted, nobody excluded, no cap, the newest post. */
export const DEFAULT_TARGETING: Readonly<PaidTargeting> = Object.freeze({
  audience: 'interest', excludeFollowers: false, excludeSeen: false, frequencyCap: 0, boost: 'all',
});

const CHOICES = { audience: ['interest', 'broad'], boost: ['all', 'product'] } as const;
/** The most paid impressions per user per cycle a cap may allow (one byte per user holds the count). */
export const MAX_FREQUENCY_CAP = 255;

/** The problem with one targeting field's value, or undefined when it is allowed. */
export function targetingProblem(key: string, v: unknown): string | undefined {
  switch (key) {
    case 'audience':
    case 'boost': {
      const allowed = CHOICES[key];
      return (allowed as readonly unknown[]).includes(v) ? undefined : `must be one of ${allowed.join(', ')}`;
    }
    case 'excludeFollowers':
    case 'excludeSeen':
      return typeof v === 'boolean' ? undefined : 'must be true or false';
    case 'frequencyCap':
      return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_FREQUENCY_CAP ? undefined : `must be a whole number from 0 (no cap) to ${MAX_FREQUENCY_CAP}`;
    default:
      return `is not a targeting field (fields: ${Object.keys(DEFAULT_TARGETING).join(', ')})`;
  }
}

/** A plan's targeting over the defaults; throws naming `where`, the field, the value and what is allowed. */
export function resolveTargeting(given: unknown, where: string): PaidTargeting {
  if (given === undefined) return DEFAULT_TARGETING;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new RangeError(`${where}: targeting = ${JSON.stringify(given)} must be an object`);
  for (const [k, v] of Object.entries(given)) {
    const problem = targetingProblem(k, v);
    if (problem) throw new RangeError(`${where}: targeting.${k} = ${JSON.stringify(v)} ${problem}`);
  }
  return { ...DEFAULT_TARGETING, ...(given as Partial<PaidTargeting>) };
}
