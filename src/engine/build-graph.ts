/**
 * The scenario's social graph, built from its generator description or edge list.
 * @module
 */
import {
  barabasiAlbert,
  configurationModel,
  erdosRenyi,
  parseEdgeList,
  powerLawDegrees,
  reverseGraph,
  stochasticBlockModel,
  wattsStrogatz,
  type SocialGraph,
} from '../graph/index.js';
import { DEFAULT_MIN_DEGREE, defaultMaxDegree } from '../graph/power-law-degrees.js';
import type { GraphSpec } from '../scenario/types.js';
import { DEFAULT_MEAN_DEGREE } from '../graph/defaults.js';

/** Builds the graph of `spec` for `users` users; `blocks` are the users' communities (SBM). */
export function buildGraph(spec: GraphSpec, users: number, blocks: Uint8Array, rand: () => number): SocialGraph {
  switch (spec.kind) {
    case 'erdos-renyi':
      return erdosRenyi(users, spec.meanDegree ?? DEFAULT_MEAN_DEGREE, rand);
    case 'barabasi-albert':
      return barabasiAlbert(users, spec.meanDegree ?? DEFAULT_MEAN_DEGREE, rand);
    case 'watts-strogatz':
      return wattsStrogatz(users, spec.meanDegree ?? DEFAULT_MEAN_DEGREE, spec.rewire ?? 0.1, rand);
    case 'sbm':
      return stochasticBlockModel(users, blocks, spec.meanDegree ?? DEFAULT_MEAN_DEGREE, spec.homophily ?? 0.8, rand);
    case 'configuration': {
      const degrees = spec.degrees ?? powerLawDegrees(users, spec.exponent ?? 2.5, spec.minDegree ?? DEFAULT_MIN_DEGREE, spec.maxDegree ?? defaultMaxDegree(users), rand);
      if (degrees.length !== users) {
        throw new RangeError(`graph.degrees: has ${degrees.length} entries — expected one per user (${users})`);
      }
      return configurationModel(degrees, rand);
    }
    case 'edge-list': {
      const parsed = parseEdgeList(spec.text, { undirected: spec.undirected ?? false });
      const g = spec.reverse === true ? reverseGraph(parsed) : parsed;
      if (g.users > users) {
        throw new RangeError(`graph.text: the edge list names ${g.users} users — more than users (${users}); set users to at least ${g.users}`);
      }
      return g.users === users ? g : padGraph(g, users);
    }
  }
}

/** The same graph with isolated users appended up to `users`. */
function padGraph(g: SocialGraph, users: number): SocialGraph {
  const offsets = new Int32Array(users + 1);
  offsets.set(g.offsets);
  offsets.fill(g.offsets[g.users], g.users + 1);
  return { users, offsets, followers: g.followers };
}
