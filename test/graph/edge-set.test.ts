import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createEdgeSet, edgeSetAdd, edgeSetDelete, edgeSetHas } from '../../src/graph/edge-set.js';

describe('EdgeSet', () => {
  it('agrees with a JS Set under random adds and deletes, through rebuilds', () => {
    const rand = seedrandom('edge-set');
    const s = createEdgeSet(4);
    const ref = new Set<number>();
    let mismatches = 0;
    for (let step = 0; step < 50_000; step++) {
      const a = Math.floor(rand() * 300);
      const b = Math.floor(rand() * 300);
      const key = a * 300 + b;
      if (rand() < 0.6) {
        if (edgeSetAdd(s, a, b) === ref.has(key)) mismatches++;
        ref.add(key);
      } else if (edgeSetDelete(s, a, b) !== ref.delete(key)) {
        mismatches++;
      }
      if (edgeSetHas(s, b, a) !== ref.has(b * 300 + a)) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(s.size).toBe(ref.size);
    for (let a = 0; a < 300; a++) for (let b = 0; b < 300; b++) if (edgeSetHas(s, a, b) !== ref.has(a * 300 + b)) mismatches++;
    expect(mismatches).toBe(0);
  });
});
