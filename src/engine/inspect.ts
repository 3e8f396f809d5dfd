/**
 * Read-only questions about a world, for step-by-step inspection and tests.
 * @module
 */
import { FOLLOW_NOTIFY, findFollow } from '../accounts/follows.js';
import type { World } from './world.js';

/** Whether `user` follows account `account` (focal accounts are 0 … focal − 1). */
export function isFollowing(w: World, user: number, account: number): boolean {
  return findFollow(w.follows, user, account) >= 0;
}

/** Whether `user` follows `account` with notifications on. */
export function hasNotifications(w: World, user: number, account: number): boolean {
  const slot = findFollow(w.follows, user, account);
  return slot >= 0 && (w.follows.flags[slot] & FOLLOW_NOTIFY) !== 0;
}

/** The users following `account`, in increasing order (a scan over all users). */
export function followersOf(w: World, account: number): number[] {
  const out: number[] = [];
  for (let u = 0; u < w.users.size; u++) if (findFollow(w.follows, u, account) >= 0) out.push(u);
  return out;
}
