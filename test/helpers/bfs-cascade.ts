/**
 * An independent independent-cascade simulator (breadth-first), written for the tests only:
 * the seed shares its post with all its followers; every user reached decides once, with
 * probability p, to reshare to all of theirs. Shares no code with the engine.
 */
import type { SocialGraph } from '../../src/graph/index.js';

export interface BfsCascade {
  reached: number;
  resharers: number;
}

export function bfsCascade(g: SocialGraph, seed: number, p: number, rand: () => number, seen: Int32Array, mark: number): BfsCascade {
  const queue: number[] = [seed];
  seen[seed] = mark;
  let reached = 0;
  let resharers = 0;
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i];
    for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
      const v = g.followers[e];
      if (seen[v] === mark) continue;
      seen[v] = mark;
      reached++;
      if (rand() < p) {
        resharers++;
        queue.push(v);
      }
    }
  }
  return { reached, resharers };
}
