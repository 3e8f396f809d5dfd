/**
 * A random directed graph in which every user follows exactly z others and has exactly z
 * followers (the z-regular networks of Gleeson et al. 2014): z·N follower stubs are matched to a
 * shuffled list of z·N followee stubs, then self-loops and repeated ties are removed by swapping
 * the followers of two random ties, which keeps every degree.
 */
import { graphFromEdges, type SocialGraph } from '../../src/index.js';

export function regularDigraph(users: number, z: number, rand: () => number): SocialGraph {
  const m = users * z;
  if (!(z >= 1 && z < users)) throw new RangeError(`regularDigraph: z = ${z} must be from 1 to users − 1`);
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  for (let i = 0; i < m; i++) from[i] = to[i] = Math.floor(i / z);
  for (let i = m - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = to[i];
    to[i] = to[j];
    to[j] = t;
  }
  const key = (a: number, b: number) => a * users + b;
  const ties = new Map<number, number>();
  const add = (k: number, d: number) => {
    const n = (ties.get(k) ?? 0) + d;
    if (n === 0) ties.delete(k);
    else ties.set(k, n);
  };
  for (let i = 0; i < m; i++) add(key(from[i], to[i]), 1);
  const bad = (i: number) => from[i] === to[i] || ties.get(key(from[i], to[i]))! > 1;
  for (let round = 0; round < 1000; round++) {
    let left = 0;
    for (let i = 0; i < m; i++) {
      if (!bad(i)) continue;
      left++;
      const j = Math.floor(rand() * m);
      const [a, b, c, d] = [from[i], to[i], from[j], to[j]];
      if (a === d || c === b || ties.has(key(a, d)) || ties.has(key(c, b))) continue;
      add(key(a, b), -1);
      add(key(c, d), -1);
      add(key(a, d), 1);
      add(key(c, b), 1);
      to[i] = d;
      to[j] = b;
    }
    if (left === 0) return graphFromEdges(users, from, to);
  }
  throw new Error(`regularDigraph: could not remove every self-loop and repeated tie (users ${users}, z ${z})`);
}
