import { describe, expect, it } from 'vitest';
import {
  createEdgeBuffer,
  edgeCount,
  graphFromBuffer,
  graphFromEdges,
  meanDegree,
  outDegree,
  pushEdge,
  pushTie,
  reverseGraph,
  undirectedGraph,
} from '../../src/graph/index.js';
import { expectValidGraph, row } from './helpers.js';

describe('graphFromEdges', () => {
  it('puts b in the followers of a for an edge a → b, rows sorted', () => {
    const g = graphFromEdges(4, [0, 0, 2, 0, 3], [3, 1, 1, 2, 0]);
    expectValidGraph(g);
    expect(row(g, 0)).toEqual([1, 2, 3]);
    expect(row(g, 1)).toEqual([]);
    expect(row(g, 2)).toEqual([1]);
    expect(row(g, 3)).toEqual([0]);
    expect(outDegree(g, 0)).toBe(3);
    expect(edgeCount(g)).toBe(5);
    expect(meanDegree(g)).toBe(5 / 4);
  });

  it('drops self-loops and duplicate edges, in short and long rows', () => {
    const from: number[] = [];
    const to: number[] = [];
    for (let k = 0; k < 3; k++) {
      for (let v = 99; v >= 0; v--) {
        from.push(0);
        to.push(v); // 0 → 0 is a self-loop
      }
      from.push(1, 1);
      to.push(2, 1);
    }
    const g = graphFromEdges(100, Int32Array.from(from), Int32Array.from(to));
    expectValidGraph(g);
    expect(row(g, 0)).toEqual(Array.from({ length: 99 }, (_, i) => i + 1));
    expect(row(g, 1)).toEqual([2]);
    expect(edgeCount(g)).toBe(100);
  });

  it('handles empty graphs and isolated users', () => {
    const g = graphFromEdges(0, [], []);
    expect(g.users).toBe(0);
    expect(meanDegree(g)).toBe(0);
    const h = graphFromEdges(3, [], []);
    expect(Array.from(h.offsets)).toEqual([0, 0, 0, 0]);
  });

  it('rejects bad input with a clear message', () => {
    expect(() => graphFromEdges(2, [0], [0, 1])).toThrow(/differ in length/);
    expect(() => graphFromEdges(2, [0], [2])).toThrow(/outside 0\.\.1/);
    expect(() => graphFromEdges(2, [-1], [0])).toThrow(RangeError);
    expect(() => graphFromEdges(2, [0.5], [1])).toThrow(/non-integer/);
    expect(() => graphFromEdges(-1, [], [])).toThrow(/users/);
  });
});

describe('reverseGraph and undirectedGraph', () => {
  const g = graphFromEdges(4, [0, 0, 1, 3], [1, 2, 2, 0]);

  it('reverseGraph lists whom each user follows', () => {
    const r = reverseGraph(g);
    expectValidGraph(r);
    expect(row(r, 0)).toEqual([3]);
    expect(row(r, 1)).toEqual([0]);
    expect(row(r, 2)).toEqual([0, 1]);
    expect(row(r, 3)).toEqual([]);
    expect(reverseGraph(r)).toEqual(g);
  });

  it('undirectedGraph makes each one-way or mutual follow a single tie', () => {
    const m = graphFromEdges(3, [0, 1, 1], [1, 0, 2]);
    const u = undirectedGraph(m);
    expectValidGraph(u);
    expect(row(u, 0)).toEqual([1]);
    expect(row(u, 1)).toEqual([0, 2]);
    expect(row(u, 2)).toEqual([1]);
    expect(edgeCount(undirectedGraph(g))).toBe(8);
  });
});

describe('EdgeBuffer', () => {
  it('grows past its initial capacity and stores ties both ways', () => {
    const buf = createEdgeBuffer(1);
    for (let i = 0; i < 1000; i++) pushEdge(buf, i, (i + 1) % 1000);
    pushTie(buf, 5, 500);
    expect(buf.length).toBe(1002);
    const g = graphFromBuffer(1000, buf);
    expectValidGraph(g);
    expect(edgeCount(g)).toBe(1002);
    expect(row(g, 5)).toEqual([6, 500]);
    expect(row(g, 500)).toEqual([5, 501]);
  });
});
