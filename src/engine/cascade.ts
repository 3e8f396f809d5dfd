/**
 * Share cascades of focal posts: the tree of the original post (the author is the root, node 0)
 * and its reshares, each reshare attached to the user it came from.
 * @module
 */

/** A cascade tree grown as reshares happen; parents always precede children. */
export interface Cascade {
  /** User of each node (the root is the author's home user, or −1). */
  users: number[];
  /** Parent node of each node (−1 for the root). */
  parent: number[];
  /** Depth of each node (root 0). */
  depth: number[];
  /** Node of each resharing user. */
  nodeOf: Map<number, number>;
}

/** A cascade holding only its root. */
export function createCascade(rootUser: number): Cascade {
  const nodeOf = new Map<number, number>();
  if (rootUser >= 0) nodeOf.set(rootUser, 0);
  return { users: [rootUser], parent: [-1], depth: [0], nodeOf };
}

/** Adds `user`'s reshare, received from `fromUser` (the root when unknown). */
export function addReshare(c: Cascade, user: number, fromUser: number): void {
  if (c.nodeOf.has(user)) return;
  const p = c.nodeOf.get(fromUser) ?? 0;
  c.nodeOf.set(user, c.users.length);
  c.users.push(user);
  c.parent.push(p);
  c.depth.push(c.depth[p] + 1);
}

/**
 * Structural virality (Goel, Anderson, Hofman & Watts 2016): the mean shortest-path distance
 * over all pairs of nodes of the tree, in linear time: each edge lies on size·(n − size) paths,
 * where size is the subtree below it. Undefined (NaN) for a single node.
 */
export function structuralVirality(parent: ArrayLike<number>): number {
  const n = parent.length;
  if (n < 2) return NaN;
  const size = new Float64Array(n).fill(1);
  let wiener = 0;
  for (let v = n - 1; v > 0; v--) {
    const s = size[v];
    wiener += s * (n - s);
    size[parent[v]] += s;
  }
  return (2 * wiener) / (n * (n - 1));
}

/** Depth of the deepest node. */
export function cascadeDepth(c: Cascade): number {
  let d = 0;
  for (const x of c.depth) if (x > d) d = x;
  return d;
}
