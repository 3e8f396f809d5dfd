import type { SocialGraph } from './csr.js';
import { graphFromEdges } from './csr.js';
import { checkInteger, checkNumber, randomIndex, type UniformRandom } from './rng.js';

/**
 * Barabási–Albert preferential attachment: each new user befriends m = round(meanDegree / 2)
 * distinct existing users chosen with probability proportional to their degree. Rich-get-richer
 * growth gives the heavy-tailed P(k) ~ k^−3 degree distribution — a few influencers with huge
 * audiences — that real follower graphs show and G(n, p) lacks.
 *
 * Starts from a clique of m + 1 users. Ties are mutual and stored as two directed edges, so the
 * mean directed degree is 2m − m(m + 1)/n ≈ meanDegree. Degree-proportional choice samples a
 * uniform entry of the list of all edge endpoints, so the whole build is O(n·m).
 *
 * @param meanDegree target mean degree, at least 1; odd values round up to the next even number.
 */
export function barabasiAlbert(users: number, meanDegree: number, rand: UniformRandom): SocialGraph {
  checkInteger('users', users, 0, 0x7ffffffe);
  checkNumber('meanDegree', meanDegree, 1);
  const m = Math.round(meanDegree / 2);
  const seed = Math.min(users, m + 1);
  const ties = (seed * (seed - 1)) / 2 + (users - seed) * m;
  checkInteger('number of edges (users × meanDegree)', 2 * ties, 0, 0x7fffffff);
  // Every tie appears once in `from`/`to` per direction and once per endpoint in `ends`.
  const from = new Int32Array(2 * ties);
  const to = new Int32Array(2 * ties);
  const ends = new Int32Array(2 * ties);
  let filled = 0;
  const tie = (a: number, b: number): void => {
    from[filled] = a;
    to[filled] = b;
    ends[filled++] = a;
    from[filled] = b;
    to[filled] = a;
    ends[filled++] = b;
  };
  for (let a = 0; a < seed; a++) for (let b = a + 1; b < seed; b++) tie(a, b);
  const chosenAt = new Int32Array(users).fill(-1);
  const chosen = new Int32Array(m);
  for (let t = seed; t < users; t++) {
    // Rejection keeps the m targets distinct; the pool only grows after all m are drawn.
    for (let c = 0; c < m; ) {
      const x = ends[randomIndex(filled, rand)];
      if (chosenAt[x] !== t) {
        chosenAt[x] = t;
        chosen[c++] = x;
      }
    }
    for (let c = 0; c < m; c++) tie(t, chosen[c]);
  }
  return graphFromEdges(users, from, to);
}
