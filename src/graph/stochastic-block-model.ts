import type { SocialGraph } from './csr.js';
import { createEdgeBuffer, graphFromBuffer, pushEdge } from './edge-buffer.js';
import { checkInteger, checkNumber, geometricSkip, type UniformRandom } from './rng.js';
import * as math from '../math/index.js';

/**
 * Directed stochastic block model: users belong to communities (`blocks[u]`), and a fraction
 * `homophily` of each user's expected edges stay inside its own block. This models echo chambers
 * and the like-minded clustering that decides whether content escapes its niche.
 *
 * User u in block b of size s gets each of the s − 1 possible in-block edges independently with
 * probability meanDegree·homophily/(s − 1), and each of the n − s out-of-block edges with
 * probability meanDegree·(1 − homophily)/(n − s). So out-degrees average `meanDegree` and the
 * expected share of within-block edges is exactly `homophily` — unless a probability would exceed
 * 1 (blocks too small for the demand; it is then clipped) or a block is alone or a singleton (there
 * are no candidates on that side, and those edges are lost). Geometric skipping over each side's
 * candidates makes it O(n + E).
 *
 * @param blocks block id of each user: small non-negative integers (gaps allowed, they index an array), length `users`.
 * @param homophily fraction in [0, 1] of each user's edges that stay in its block.
 */
export function stochasticBlockModel(
  users: number,
  blocks: ArrayLike<number>,
  meanDegree: number,
  homophily: number,
  rand: UniformRandom,
): SocialGraph {
  checkInteger('users', users, 0, 0x7ffffffe);
  if (blocks.length !== users) {
    throw new RangeError(`blocks must give one block per user: expected ${users} entries, got ${blocks.length}`);
  }
  checkNumber('meanDegree', meanDegree, 0);
  checkNumber('homophily', homophily, 0, 1);
  let blockCount = 0;
  for (let u = 0; u < users; u++) {
    const b = blocks[u];
    if (!Number.isInteger(b) || b < 0 || b > 0x7ffffffe) {
      throw new RangeError(`blocks[${u}] must be a non-negative integer block id, got ${b}`);
    }
    if (b >= blockCount) blockCount = b + 1;
  }
  if (blockCount > 4 * users + 1024) {
    throw new RangeError(`block ids must be dense: largest is ${blockCount - 1} for ${users} users`);
  }
  // Lay users out block by block: block b is order[start[b] .. start[b+1]), and rank[u] is u's place in its block.
  const start = new Int32Array(blockCount + 1);
  for (let u = 0; u < users; u++) start[blocks[u] + 1]++;
  for (let b = 0; b < blockCount; b++) start[b + 1] += start[b];
  const order = new Int32Array(users);
  const rank = new Int32Array(users);
  const cursor = start.slice(0, blockCount);
  for (let u = 0; u < users; u++) {
    const b = blocks[u];
    rank[u] = cursor[b] - start[b];
    order[cursor[b]++] = u;
  }

  const buf = createEdgeBuffer(users * meanDegree * 1.05 + 64);
  for (let u = 0; u < users; u++) {
    const b = blocks[u];
    const s = start[b + 1] - start[b];
    const first = start[b];
    const inside = s - 1;
    const outside = users - s;
    const pIn = inside > 0 ? Math.min(1, (meanDegree * homophily) / inside) : 0;
    const pOut = outside > 0 ? Math.min(1, (meanDegree * (1 - homophily)) / outside) : 0;
    if (pIn > 0) {
      // Candidate j is the j-th member of u's block, skipping u itself.
      const logQ = math.log1p(-pIn);
      const r = rank[u];
      for (let j = geometricSkip(logQ, rand); j < inside; j += 1 + geometricSkip(logQ, rand)) {
        pushEdge(buf, u, order[first + (j < r ? j : j + 1)]);
      }
    }
    if (pOut > 0) {
      // Candidate i is the i-th user of the layout with u's block cut out.
      const logQ = math.log1p(-pOut);
      for (let i = geometricSkip(logQ, rand); i < outside; i += 1 + geometricSkip(logQ, rand)) {
        pushEdge(buf, u, order[i < first ? i : i + s]);
      }
    }
  }
  return graphFromBuffer(users, buf);
}
