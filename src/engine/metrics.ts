/**
 * Counters kept per focal account, per step and per cycle, as indexes into Float64Arrays so the
 * hot loop increments numbers, never objects. Channel splits sit at `base + channel`.
 * @module
 */
/** Counter indexes. */
export const M = {
  /** Impressions by channel (4 slots). */
  impressions: 0,
  /** Conversions by channel (4 slots). */
  conversions: 4,
  /** Unique users reached in the period, by channel (4 slots; they overlap). */
  reachByChannel: 8,
  /** Unique users reached in the period. */
  reach: 12,
  likes: 13,
  shares: 14,
  follows: 15,
  unfollows: 16,
  notificationsOn: 17,
  notificationsOff: 18,
  posts: 19,
  contentCost: 20,
  paidCost: 21,
  value: 22,
  /** Followers reached in-network by the account's posts, and followers at posting summed over posts. */
  followerViews: 23,
  followersAtPost: 24,
  /** Value of conversions by users who followed the account when converting. */
  followerValue: 25,
} as const;

/** Number of counters. */
export const COUNTERS = 26;
