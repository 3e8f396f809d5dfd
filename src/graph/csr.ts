/**
 * Directed social graph in CSR form: the users who see `u`'s shares are
 * `followers[offsets[u] .. offsets[u+1])`.
 *
 * CSR keeps the whole graph in two flat typed arrays, so the simulator's hot loop (fan a share
 * out to every follower) is a contiguous scan with no pointer chasing and no per-edge objects.
 * An edge a → b means "b follows a": b sees a's posts and reshares.
 *
 * Invariant (guaranteed by {@link graphFromEdges} and every function here): each row is sorted
 * ascending and has no duplicates or self-loops. Code that builds a `SocialGraph` by hand must
 * keep it, because {@link undirectedGraph} and the statistics rely on sorted rows.
 */
export interface SocialGraph {
  /** Number of users; ids run from 0 to `users - 1`. */
  readonly users: number;
  /** Row starts, length `users + 1`; `offsets[users]` is the edge count. */
  readonly offsets: Int32Array;
  /** Concatenated follower lists, length `offsets[users]`. */
  readonly followers: Int32Array;
}

/** Rows at most this long are sorted by insertion sort, which beats a native sort call on tiny slices. */
const SMALL_ROW = 16;

function checkUsers(users: number): void {
  if (!Number.isInteger(users) || users < 0 || users > 0x7ffffffe) {
    throw new RangeError(`users must be an integer from 0 to 2147483646, got ${users}`);
  }
}

/**
 * Builds a graph from parallel edge columns (`from[i]` → `to[i]`, i.e. `to[i]` follows `from[i]`).
 *
 * Counting sort makes the build O(E) with no per-edge allocation; each row is then sorted
 * (O(E log d) overall) so that self-loops and duplicate edges, which generators and real data
 * both produce, can be dropped in the same pass — a follower sees a share once, not twice.
 *
 * @throws RangeError if the columns differ in length or an id is not an integer in `[0, users)`.
 */
export function graphFromEdges(
  users: number,
  from: Int32Array | number[],
  to: Int32Array | number[],
): SocialGraph {
  checkUsers(users);
  const m = from.length;
  if (to.length !== m) {
    throw new RangeError(`edge columns differ in length: from has ${m}, to has ${to.length}`);
  }
  const offsets = new Int32Array(users + 1);
  for (let i = 0; i < m; i++) {
    const a = from[i];
    const b = to[i];
    if ((a | 0) !== a || (b | 0) !== b || a < 0 || b < 0 || a >= users || b >= users) {
      throw new RangeError(`edge ${i} (${a} → ${b}) has an id outside 0..${users - 1} or a non-integer id`);
    }
    if (a !== b) offsets[a + 1]++;
  }
  for (let u = 0; u < users; u++) offsets[u + 1] += offsets[u];
  const total = offsets[users];
  const followers = new Int32Array(total);
  const cursor = offsets.slice(0, users);
  for (let i = 0; i < m; i++) {
    const a = from[i];
    const b = to[i];
    if (a !== b) followers[cursor[a]++] = b;
  }
  // Sort each row, then compact it in place, dropping repeats; rows only ever move left.
  let write = 0;
  let start = 0;
  for (let u = 0; u < users; u++) {
    const end = offsets[u + 1];
    offsets[u] = write;
    sortRange(followers, start, end);
    let last = -1;
    for (let i = start; i < end; i++) {
      const v = followers[i];
      if (v !== last) {
        followers[write++] = v;
        last = v;
      }
    }
    start = end;
  }
  offsets[users] = write;
  return { users, offsets, followers: write < total ? followers.slice(0, write) : followers };
}

function sortRange(a: Int32Array, start: number, end: number): void {
  if (end - start <= SMALL_ROW) {
    for (let i = start + 1; i < end; i++) {
      const x = a[i];
      let j = i - 1;
      while (j >= start && a[j] > x) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = x;
    }
  } else {
    a.subarray(start, end).sort(); // typed-array sort is numeric
  }
}

/** Number of followers of `u`: how many users one share by `u` reaches directly. */
export function outDegree(g: SocialGraph, u: number): number {
  return g.offsets[u + 1] - g.offsets[u];
}

/** Number of directed edges (an undirected tie counts twice). */
export function edgeCount(g: SocialGraph): number {
  return g.offsets[g.users];
}

/** Edges per user, the mean audience of a share; 0 for an empty graph rather than NaN. */
export function meanDegree(g: SocialGraph): number {
  return g.users === 0 ? 0 : edgeCount(g) / g.users;
}

/**
 * Transpose: row `u` of the result lists the users `u` follows, i.e. whose shares land in `u`'s feed.
 * Feeds are assembled from this direction. O(V + E); rows come out sorted because sources are
 * visited in increasing order.
 */
export function reverseGraph(g: SocialGraph): SocialGraph {
  const { users, offsets, followers } = g;
  const rOffsets = new Int32Array(users + 1);
  const total = offsets[users];
  for (let i = 0; i < total; i++) rOffsets[followers[i] + 1]++;
  for (let u = 0; u < users; u++) rOffsets[u + 1] += rOffsets[u];
  const rFollowers = new Int32Array(total);
  const cursor = rOffsets.slice(0, users);
  for (let a = 0; a < users; a++) {
    for (let i = offsets[a], end = offsets[a + 1]; i < end; i++) rFollowers[cursor[followers[i]]++] = a;
  }
  return { users, offsets: rOffsets, followers: rFollowers };
}

/**
 * Symmetric closure: a tie wherever either user follows the other. Clustering and other
 * friendship statistics are defined on this undirected view. O(V + E) by merging each sorted
 * row with the matching row of {@link reverseGraph}.
 */
export function undirectedGraph(g: SocialGraph): SocialGraph {
  const r = reverseGraph(g);
  const { users } = g;
  const offsets = new Int32Array(users + 1);
  const followers = new Int32Array(edgeCount(g) * 2);
  let w = 0;
  for (let u = 0; u < users; u++) {
    let i = g.offsets[u];
    const iEnd = g.offsets[u + 1];
    let j = r.offsets[u];
    const jEnd = r.offsets[u + 1];
    while (i < iEnd && j < jEnd) {
      const a = g.followers[i];
      const b = r.followers[j];
      if (a < b) {
        followers[w++] = a;
        i++;
      } else if (b < a) {
        followers[w++] = b;
        j++;
      } else {
        followers[w++] = a;
        i++;
        j++;
      }
    }
    while (i < iEnd) followers[w++] = g.followers[i++];
    while (j < jEnd) followers[w++] = r.followers[j++];
    offsets[u + 1] = w;
  }
  return { users, offsets, followers: followers.slice(0, w) };
}

/**
 * A 64-bit fingerprint of a graph's structure (FNV-1a over its users, row starts and follower
 * lists, as 16 hex digits): equal graphs give equal fingerprints, and a graph passed in code
 * seeds a run's streams through it, so runs on different graphs draw differently.
 */
export function graphFingerprint(g: SocialGraph): string {
  let h1 = 0x811c9dc5 ^ g.users;
  let h2 = 0x050c5d1f;
  const mix = (x: number) => {
    h1 = Math.imul(h1 ^ x, 0x01000193);
    h2 = Math.imul(h2 ^ x, 0x01000193) ^ (h1 >>> 15);
  };
  for (let i = 0; i <= g.users; i++) mix(g.offsets[i]);
  const n = g.offsets[g.users];
  for (let e = 0; e < n; e++) mix(g.followers[e]);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
