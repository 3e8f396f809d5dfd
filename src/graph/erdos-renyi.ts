import type { SocialGraph } from './csr.js';
import { createEdgeBuffer, graphFromBuffer, pushEdge } from './edge-buffer.js';
import { checkInteger, checkNumber, geometricSkip, type UniformRandom } from './rng.js';
import * as math from '../math/index.js';

/**
 * Directed Erdős–Rényi graph G(n, p) with p = meanDegree / (users − 1): every ordered pair of
 * distinct users is an edge independently. The no-structure baseline against which the effect of
 * hubs, clustering or communities is measured.
 *
 * Runs in O(n + E), not O(n²): geometric skipping over the n(n − 1) candidate pairs jumps
 * straight from one edge to the next (Batagelj & Brandes 2005). Valid while n(n − 1) < 2^53.
 *
 * @param meanDegree expected followers per user, from 0 to users − 1.
 */
export function erdosRenyi(users: number, meanDegree: number, rand: UniformRandom): SocialGraph {
  checkInteger('users', users, 0, 94_906_265);
  checkNumber('meanDegree', meanDegree, 0, Math.max(0, users - 1));
  const others = users - 1;
  const pairs = users * others;
  const p = others > 0 ? meanDegree / others : 0;
  const buf = createEdgeBuffer(pairs * p * 1.05 + 64);
  if (p > 0) {
    const logQ = math.log1p(-p); // -Infinity when p = 1, so every skip is 0
    for (let k = geometricSkip(logQ, rand); k < pairs; k += 1 + geometricSkip(logQ, rand)) {
      const u = Math.floor(k / others);
      const j = k - u * others;
      pushEdge(buf, u, j < u ? j : j + 1); // pair index j skips the self-loop u → u
    }
  }
  return graphFromBuffer(users, buf);
}
