/**
 * Social-graph layer: CSR follower graphs, random generators, an edge-list parser and statistics.
 *
 * `loadEdgeList` (in `./load-edge-list.js`) is deliberately not re-exported: it imports `node:fs`,
 * and this barrel must stay importable in browsers.
 * @module
 */
export {
  edgeCount,
  graphFingerprint,
  graphFromEdges,
  meanDegree,
  outDegree,
  reverseGraph,
  undirectedGraph,
  type SocialGraph,
} from './csr.js';
export { createEdgeBuffer, graphFromBuffer, pushEdge, pushTie, type EdgeBuffer } from './edge-buffer.js';
export { parseEdgeList, type EdgeListOptions } from './edge-list.js';
export * from './random.js';
export { clusteringCoefficient, degreeStats, localClustering, type DegreeStats } from './stats.js';
