/**
 * Open-addressing hash set of integer pairs in typed arrays, for generators that must test and
 * change edges while they build (Watts–Strogatz rewiring) without a JS object or string per edge.
 * Linear probing; deleted slots become tombstones and are reclaimed when the table is rebuilt.
 */
export interface EdgeSet {
  /** First element of each slot's pair; EMPTY or TOMBSTONE when the slot holds none. */
  keysA: Int32Array;
  keysB: Int32Array;
  mask: number;
  size: number;
  /** Live entries plus tombstones, what governs probe lengths. */
  used: number;
}

const EMPTY = -1;
const TOMBSTONE = -2;

function tableFor(entries: number): number {
  let cap = 16;
  while (cap < entries * 2) cap *= 2;
  return cap;
}

/** An empty set sized so that `expected` pairs fit at load factor ≤ 1/2 without rebuilding. */
export function createEdgeSet(expected = 0): EdgeSet {
  const cap = tableFor(expected + 1);
  return { keysA: new Int32Array(cap).fill(EMPTY), keysB: new Int32Array(cap), mask: cap - 1, size: 0, used: 0 };
}

function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ 0x5bd1e995, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h;
}

/** Whether the pair (a, b) is present; a and b must be non-negative int32. Order matters: normalise undirected pairs first. */
export function edgeSetHas(s: EdgeSet, a: number, b: number): boolean {
  const { keysA, keysB, mask } = s;
  let i = hash(a, b) & mask;
  for (;;) {
    const k = keysA[i];
    if (k === EMPTY) return false;
    if (k === a && keysB[i] === b) return true;
    i = (i + 1) & mask;
  }
}

function rebuild(s: EdgeSet): void {
  const { keysA, keysB } = s;
  const cap = tableFor(s.size + 1);
  s.keysA = new Int32Array(cap).fill(EMPTY);
  s.keysB = new Int32Array(cap);
  s.mask = cap - 1;
  s.size = 0;
  s.used = 0;
  for (let i = 0; i < keysA.length; i++) if (keysA[i] >= 0) edgeSetAdd(s, keysA[i], keysB[i]);
}

/** Adds (a, b); returns false if it was already present. */
export function edgeSetAdd(s: EdgeSet, a: number, b: number): boolean {
  if ((s.used + 1) * 2 > s.keysA.length) rebuild(s);
  const { keysA, keysB, mask } = s;
  let i = hash(a, b) & mask;
  let slot = -1;
  for (;;) {
    const k = keysA[i];
    if (k === EMPTY) break;
    if (k === TOMBSTONE) {
      if (slot < 0) slot = i;
    } else if (k === a && keysB[i] === b) {
      return false;
    }
    i = (i + 1) & mask;
  }
  if (slot < 0) {
    slot = i;
    s.used++;
  }
  keysA[slot] = a;
  keysB[slot] = b;
  s.size++;
  return true;
}

/** Removes (a, b); returns false if it was absent. */
export function edgeSetDelete(s: EdgeSet, a: number, b: number): boolean {
  const { keysA, keysB, mask } = s;
  let i = hash(a, b) & mask;
  for (;;) {
    const k = keysA[i];
    if (k === EMPTY) return false;
    if (k === a && keysB[i] === b) {
      keysA[i] = TOMBSTONE;
      s.size--;
      return true;
    }
    i = (i + 1) & mask;
  }
}
