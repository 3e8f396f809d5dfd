import { graphFromEdges, type SocialGraph } from './csr.js';

/**
 * Growable pair of Int32Array edge columns for when the edge count is not known up front
 * (parsing, random generators): amortised O(1) pushes with no per-edge objects.
 * The live edges are `from[0 .. length)` → `to[0 .. length)`.
 */
export interface EdgeBuffer {
  from: Int32Array;
  to: Int32Array;
  length: number;
}

/** An empty buffer with room for `capacity` edges before it first grows. */
export function createEdgeBuffer(capacity = 1024): EdgeBuffer {
  const c = Math.max(16, Math.ceil(capacity));
  return { from: new Int32Array(c), to: new Int32Array(c), length: 0 };
}

function grow(buf: EdgeBuffer): void {
  const c = buf.from.length * 2;
  const from = new Int32Array(c);
  const to = new Int32Array(c);
  from.set(buf.from);
  to.set(buf.to);
  buf.from = from;
  buf.to = to;
}

/** Appends the directed edge a → b (b follows a). */
export function pushEdge(buf: EdgeBuffer, a: number, b: number): void {
  if (buf.length === buf.from.length) grow(buf);
  buf.from[buf.length] = a;
  buf.to[buf.length] = b;
  buf.length++;
}

/** Appends a mutual tie as the two directed edges a → b and b → a, how friendships are stored. */
export function pushTie(buf: EdgeBuffer, a: number, b: number): void {
  pushEdge(buf, a, b);
  pushEdge(buf, b, a);
}

/** Builds the CSR graph from the buffered edges (self-loops and duplicates dropped, see {@link graphFromEdges}). */
export function graphFromBuffer(users: number, buf: EdgeBuffer): SocialGraph {
  return graphFromEdges(users, buf.from.subarray(0, buf.length), buf.to.subarray(0, buf.length));
}
