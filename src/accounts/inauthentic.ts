/**
 * Inauthentic accounts (docs/model.md §2.7): SimSoM's bad actors in feedsim's terms (Truong, Lou,
 * Flammini & Menczer 2024). They come last among the accounts; each is followed from the start
 * by Binomial(users, γ) users drawn uniformly (infiltration: SimSoM adds human → bot follows the
 * same way), who take it for an ordinary account (their accustomed quality is the platform's
 * mean, so its junk wears on them as any account's low quality does, §4.2). At each posting event
 * it publishes θ posts at once (flooding) of quality `postQuality`, each with appeal 1 with
 * probability φ (deception), else the platform's appeal.
 * @module
 */
import type { Scenario } from '../scenario/types.js';
import type { Accounts } from './accounts.js';
import { addFollow, type FollowStore } from './follows.js';
import * as math from '../math/index.js';

/** Binomial(n, p): exact by geometric gaps while n·p is small, else its normal approximation. */
export function binomialDraw(n: number, p: number, next: () => number): number {
  if (p <= 0 || n <= 0) return 0;
  if (p >= 1) return n;
  if (n * p < 50) {
    const logq = math.log1p(-p);
    let k = 0;
    for (let at = Math.floor(math.log(1 - next()) / logq); at < n; at += 1 + Math.floor(math.log(1 - next()) / logq)) k++;
    return k;
  }
  const z = Math.sqrt(-2 * math.log(1 - next())) * math.cos(2 * Math.PI * next());
  return Math.max(0, Math.min(n, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * z)));
}

/** `k` distinct integers of [0, n), in draw order (Floyd's algorithm). */
export function distinctDraw(n: number, k: number, next: () => number): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  for (let j = n - k; j < n; j++) {
    const t = Math.floor(next() * (j + 1));
    const pick = seen.has(t) ? j : t;
    seen.add(pick);
    out.push(pick);
  }
  return out;
}

/** Sets up the inauthentic accounts (`accounts.inauthenticFrom` on): topic, posting rate (per step), quality, followers. */
export function addInauthentic(s: Scenario, accounts: Accounts, follows: FollowStore, postRate: number, next: () => number): void {
  const spec = s.inauthentic;
  const users = s.users;
  for (let a = accounts.inauthenticFrom; a < accounts.count; a++) {
    accounts.topic[a] = Math.floor(next() * s.topics);
    accounts.postRate[a] = postRate;
    accounts.meanQuality[a] = spec.postQuality;
    if (!s.follows) continue;
    const audience = distinctDraw(users, binomialDraw(users, spec.infiltration, next), next);
    for (const u of audience) {
      const slot = addFollow(follows, u, a);
      follows.accustomed[slot] = s.content.quality.mean;
      follows.mark[slot] = 0;
    }
    accounts.followers[a] += audience.length;
  }
}
