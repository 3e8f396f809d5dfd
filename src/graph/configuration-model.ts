import type { SocialGraph } from './csr.js';
import { graphFromEdges } from './csr.js';
import { checkInteger, randomIndex, type UniformRandom } from './rng.js';

/**
 * Configuration model: a random graph with (almost exactly) a prescribed degree sequence, so the
 * effect of the degree distribution — e.g. the heavy tail from {@link powerLawDegrees} — can be
 * studied with everything else random. Each user gets `degrees[u]` stubs, the stubs are shuffled
 * and paired off, and each pair becomes a mutual tie stored as two directed edges.
 *
 * Self-loops and repeated ties are dropped rather than resampled, which keeps the graph uniform
 * over matchings and costs only O(⟨k²⟩/⟨k⟩)² ties — negligible unless the largest degrees approach
 * √(total stubs). O(total stubs).
 *
 * @param degrees wanted degree of each user; non-negative integers with an even sum.
 */
export function configurationModel(degrees: ArrayLike<number>, rand: UniformRandom): SocialGraph {
  const users = degrees.length;
  let stubs = 0;
  for (let u = 0; u < users; u++) {
    const d = degrees[u];
    if (!Number.isInteger(d) || d < 0) throw new RangeError(`degrees[${u}] must be a non-negative integer, got ${d}`);
    stubs += d;
  }
  if (stubs % 2 !== 0) throw new RangeError(`degrees must sum to an even number of stubs, got ${stubs}`);
  checkInteger('sum of degrees', stubs, 0, 0x7fffffff);
  const stub = new Int32Array(stubs);
  for (let u = 0, k = 0; u < users; u++) for (let d = degrees[u]; d > 0; d--) stub[k++] = u;
  for (let i = stubs - 1; i > 0; i--) {
    const j = randomIndex(i + 1, rand);
    const x = stub[i];
    stub[i] = stub[j];
    stub[j] = x;
  }
  // stub[2i] pairs with stub[2i + 1]; the reversed copy gives the other direction of each tie.
  const from = new Int32Array(stubs);
  const to = new Int32Array(stubs);
  for (let i = 0; i < stubs; i += 2) {
    from[i] = stub[i];
    to[i] = stub[i + 1];
    from[i + 1] = stub[i + 1];
    to[i + 1] = stub[i];
  }
  return graphFromEdges(users, from, to);
}
