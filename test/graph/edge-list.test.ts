import { describe, expect, it } from 'vitest';
import { clusteringCoefficient, edgeCount, parseEdgeList } from '../../src/graph/index.js';
import { loadEdgeList } from '../../src/graph/load-edge-list.js';
import { expectSymmetric, expectValidGraph, row } from './helpers.js';

const facebook = new URL('../../data/facebook_combined.txt', import.meta.url);

describe('loadEdgeList on SNAP ego-Facebook', () => {
  it('loads 4,039 users and 88,234 friendships as 176,468 directed edges with clustering 0.6055', () => {
    const t0 = performance.now();
    const g = loadEdgeList(facebook, { undirected: true });
    const c = clusteringCoefficient(g);
    const ms = performance.now() - t0;
    expectValidGraph(g);
    expectSymmetric(g);
    expect(g.users).toBe(4039);
    expect(edgeCount(g)).toBe(176_468);
    // networkx.average_clustering gives 0.6055 (data/README.md).
    expect(Math.abs(c - 0.6055)).toBeLessThan(0.0005);
    expect(ms).toBeLessThan(2000); // ~60 ms in practice; generous for slow CI
  });

  it('prefixes parse errors with the file path', () => {
    // A file none of whose lines is an edge is not an edge list: its text is not quoted.
    expect(() => loadEdgeList(new URL('../../data/README.md', import.meta.url))).toThrow(/README\.md: edge list line 4: not an edge, and no line before it was one, so this is not an edge list \(its text is not quoted\)/);
  });
});

describe('parseEdgeList', () => {
  it('keeps direction: line "a b" means b follows a', () => {
    const g = parseEdgeList('0 1\n1 2\n');
    expect(g.users).toBe(3);
    expect(row(g, 0)).toEqual([1]);
    expect(row(g, 1)).toEqual([2]);
    expect(row(g, 2)).toEqual([]);
  });

  it('stores both directions when undirected', () => {
    const g = parseEdgeList('0 1\n1 2', { undirected: true });
    expect(row(g, 1)).toEqual([0, 2]);
    expect(edgeCount(g)).toBe(4);
  });

  it('skips comments and blank lines, ignores extra columns, accepts CRLF, tabs and a BOM', () => {
    const text = '\uFEFF# header\r\n% konect header\r\n\r\n   \r\n 0\t3 1.5 extra\r\n3 2\r\n  # indented comment\n5 0';
    const g = parseEdgeList(text);
    expectValidGraph(g);
    expect(g.users).toBe(6);
    expect(row(g, 0)).toEqual([3]);
    expect(row(g, 3)).toEqual([2]);
    expect(row(g, 5)).toEqual([0]);
    expect(edgeCount(g)).toBe(3);
  });

  it('drops self-loops and repeated lines; an empty list is an empty graph', () => {
    expect(edgeCount(parseEdgeList('0 1\n0 1\n1 1\n'))).toBe(1);
    expect(parseEdgeList('').users).toBe(0);
    expect(parseEdgeList('# nothing\n').users).toBe(0);
  });

  it('reports a bad line with its number, its text and what is allowed', () => {
    expect(() => parseEdgeList('0 1\n# c\n3 x\n4 5')).toThrow(
      'edge list line 3: "3 x" — expected two non-negative integer ids (0 to 49999999) separated by whitespace',
    );
    const bad: [string, number][] = [
      ['7', 1], // one token
      ['-1 2', 1], // negative
      ['1 -2', 1],
      ['1.5 2', 1], // not an integer
      ['3x 4', 1],
      ['0 1\n\n2147483648 1', 3], // too large
      ['0 1\r\n1 2\r\na b\r\n', 3],
      ['0 1\n1 2z\n', 2],
    ];
    for (const [text, line] of bad) {
      // A bad first edge is not quoted (the text may not be an edge list at all); a later one is.
      const quoted = line === 1 ? 'not an edge, and no line before it was one, .* — ' : '".*" — ';
      expect(() => parseEdgeList(text)).toThrow(new RegExp(`^edge list line ${line}: ${quoted}expected two non-negative`));
    }
  });
});
