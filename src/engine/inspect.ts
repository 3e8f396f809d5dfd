/**
 * Read-only questions about a world, for step-by-step inspection and tests.
 * @module
 */
import { findFollow, notifies } from '../accounts/follows.js';
import { internal, type World } from './world.js';

/** Whether `user` follows account `account` (focal accounts are 0 … focal − 1). */
export function isFollowing(w: World, user: number, account: number): boolean {
  return findFollow(internal(w).follows, user, account) >= 0;
}

/** Whether `user` follows `account` with notifications on. */
export function hasNotifications(w: World, user: number, account: number): boolean {
  const follows = internal(w).follows;
  const slot = findFollow(follows, user, account);
  return slot >= 0 && notifies(follows, slot);
}

/** The users following `account`, in increasing order (a scan over all users). */
export function followersOf(w: World, account: number): number[] {
  const out: number[] = [];
  const follows = internal(w).follows;
  for (let u = 0; u < w.users.size; u++) if (findFollow(follows, u, account) >= 0) out.push(u);
  return out;
}

/** Memory a world holds in typed arrays, in bytes: in total, in the social graph and in the follow pool. */
export function worldBytes(w: World): { total: number; graph: number; follows: number } {
  const seen = new Set<ArrayBufferLike>();
  let total = 0;
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (ArrayBuffer.isView(v)) {
      if (!seen.has(v.buffer)) {
        seen.add(v.buffer);
        total += v.buffer.byteLength;
      }
      return;
    }
    for (const x of Object.values(v as object)) visit(x, depth + 1);
  };
  visit(w, 0);
  const f = internal(w).follows;
  return {
    total,
    graph: w.graph.offsets.byteLength + w.graph.followers.byteLength,
    follows: f.code.byteLength + f.accustomed.byteLength + f.mark.byteLength + f.freeHead.byteLength,
  };
}
