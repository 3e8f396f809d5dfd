import type { SocialGraph } from './csr.js';
import { graphFromEdges } from './csr.js';
import { createEdgeSet, edgeSetAdd, edgeSetDelete, edgeSetHas } from './edge-set.js';
import { checkInteger, checkNumber, randomIndex, type UniformRandom } from './rng.js';

/**
 * Watts–Strogatz small world: a ring lattice where each user is tied to the k/2 nearest users on
 * each side (k = meanDegree rounded to even), then each tie has its far end moved to a uniformly
 * random user with probability `rewire`. A few random shortcuts collapse path lengths while the
 * lattice's high clustering survives — friends of friends are friends, yet news travels far.
 *
 * Follows networkx's procedure: ties are visited offset by offset, a rewired tie never becomes a
 * self-loop or duplicate, and users already tied to everyone are skipped, so the number of ties stays
 * exactly n·k/2. Ties are stored as two directed edges.
 *
 * @param meanDegree k, the degree of every user before rewiring; must be below `users`.
 * @param rewire probability in [0, 1] that each tie is rewired; 0 keeps the lattice, 1 is nearly random.
 */
export function wattsStrogatz(users: number, meanDegree: number, rewire: number, rand: UniformRandom): SocialGraph {
  checkInteger('users', users, 0, 0x7ffffffe);
  checkNumber('meanDegree', meanDegree, 0);
  checkNumber('rewire', rewire, 0, 1);
  const half = Math.round(meanDegree / 2);
  if (half > 0 && 2 * half >= users) {
    throw new RangeError(`wattsStrogatz needs meanDegree (rounded to even: ${2 * half}) below users (${users})`);
  }
  const ties = users * half;
  checkInteger('number of edges (users × meanDegree)', 2 * ties, 0, 0x7fffffff);
  const far = new Int32Array(ties); // tie (j − 1)·n + u joins u and far[(j − 1)·n + u]
  const degree = new Int32Array(users).fill(2 * half);
  const present = createEdgeSet(ties);
  for (let j = 1, t = 0; j <= half; j++) {
    for (let u = 0; u < users; u++, t++) {
      const v = (u + j) % users;
      far[t] = v;
      edgeSetAdd(present, Math.min(u, v), Math.max(u, v));
    }
  }
  if (rewire > 0) {
    for (let t = 0; t < ties; t++) {
      if (!(rand() < rewire)) continue;
      const u = t % users;
      if (degree[u] >= users - 1) continue; // nowhere new to go
      let w: number;
      do w = randomIndex(users, rand);
      while (w === u || edgeSetHas(present, Math.min(u, w), Math.max(u, w)));
      const v = far[t];
      edgeSetDelete(present, Math.min(u, v), Math.max(u, v));
      edgeSetAdd(present, Math.min(u, w), Math.max(u, w));
      far[t] = w;
      degree[v]--;
      degree[w]++;
    }
  }
  const from = new Int32Array(2 * ties);
  const to = new Int32Array(2 * ties);
  for (let t = 0; t < ties; t++) {
    const u = t % users;
    from[2 * t] = u;
    to[2 * t] = far[t];
    from[2 * t + 1] = far[t];
    to[2 * t + 1] = u;
  }
  return graphFromEdges(users, from, to);
}
