import { quoteExcerpt } from '../excerpt.js';
import type { SocialGraph } from './csr.js';
import { createEdgeBuffer, graphFromBuffer, pushEdge, type EdgeBuffer } from './edge-buffer.js';

/** Options for {@link parseEdgeList}. */
export interface EdgeListOptions {
  /**
   * Store each line `a b` as a mutual tie (a → b and b → a), for friendship data such as SNAP's
   * ego-Facebook. Default false: the line is the single edge a → b.
   */
  undirected?: boolean;
}

/** The largest user id: scenarios have at most 50,000,000 users. */
const MAX_ID = 49_999_999;
const NEWLINE = 10;

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 11 || c === 12;
}

/**
 * The error for a line that is not an edge. It quotes a short, escaped excerpt of the line only
 * when an edge came before it: text none of whose lines is an edge is not an edge list (a wrong
 * path, a binary or a secrets file), and nothing of it is echoed.
 */
function lineError(text: string, lineStart: number, line: number, edgesBefore: boolean): Error {
  const expected = `expected two non-negative integer ids (0 to ${MAX_ID}) separated by whitespace; lines starting with # or % are comments`;
  if (!edgesBefore) {
    return new Error(`edge list line ${line}: not an edge, and no line before it was one, so this is not an edge list (its text is not quoted) — ${expected}`);
  }
  let end = text.indexOf('\n', lineStart);
  if (end < 0) end = text.length;
  return new Error(`edge list line ${line}: ${quoteExcerpt(text.slice(lineStart, Math.min(end, lineStart + 200)).replace(/\r$/, ''))} — ${expected}`);
}

/**
 * Parses a whitespace-separated edge list, the format of SNAP, KONECT and most published
 * follower graphs, so simulations can run on real networks. Each line `a b` is the edge a → b:
 * b sees a's posts and shares. Follower lists written "follower followee" (KONECT's and SNAP's
 * Twitter graphs: "the left node follows the right node") mean the opposite: reverse them
 * (`reverseGraph`, or `reverse: true` in a scenario). Columns after the second
 * (weights, timestamps) are ignored; blank lines and lines starting with `#` or `%` are skipped.
 * Users are 0 … max id; self-loops and repeated edges are dropped.
 *
 * A hand-written character scanner (no regex or split per line) keeps an 88k-line file to a few
 * milliseconds. Pure string-in, graph-out, so it also runs in browsers; see `loadEdgeList` for files.
 *
 * The last list parsed is kept (one per thread): a scenario's list is parsed when it is checked,
 * at every design point of a sweep and for every run's world, and the same text — equal content,
 * not only the same string — returns the same graph at once instead of being parsed again. The
 * graph is read-only, like every `SocialGraph`.
 *
 * @throws Error naming the line number and its text if a line is not two non-negative integer ids.
 */
export function parseEdgeList(text: string, options: EdgeListOptions = {}): SocialGraph {
  const undirected = options.undirected === true;
  if (last && last.undirected === undirected && last.text === text) return last.graph;
  const buf = createEdgeBuffer(Math.max(1024, text.length >>> 3));
  const extent = scan(text, undirected, buf);
  last = { text, undirected, graph: graphFromBuffer(extent.users, buf), extent };
  return last.graph;
}

/** The list {@link parseEdgeList} parsed last, with its graph and extent. */
let last: { text: string; undirected: boolean; graph: SocialGraph; extent: { users: number; edges: number } } | undefined;

/**
 * The users (largest id + 1) and edges an edge list names (its edge lines, repeats and
 * self-loops included: what parsing holds before dropping them), found without building its graph
 * (no allocation but a copy when the text has lone CRs), so the memory of the world it implies
 * can be checked before it is built: a 10-byte list `0 49999999` names 50 million users.
 * @throws Error as {@link parseEdgeList} for a bad line.
 */
export function edgeListExtent(text: string, options: EdgeListOptions = {}): { users: number; edges: number } {
  const undirected = options.undirected === true;
  if (last && last.undirected === undirected && last.text === text) return { ...last.extent };
  if (!lastExtent || lastExtent.undirected !== undirected || lastExtent.text !== text) lastExtent = { text, undirected, extent: scan(text, undirected) };
  return { ...lastExtent.extent };
}

/** The list {@link edgeListExtent} scanned last (a sweep's memory check asks at every point). */
let lastExtent: { text: string; undirected: boolean; extent: { users: number; edges: number } } | undefined;

/** Reads every edge of `text` into `buf` (when given); returns the users and edges it names. */
function scan(text: string, undirected: boolean, buf?: EdgeBuffer): { users: number; edges: number } {
  // A lone CR (classic Mac line ends) ends a line too; otherwise every edge after the first is lost.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  const n = text.length;
  let edges = 0;
  let maxId = -1;
  let line = 0;
  let i = n > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
  while (i < n) {
    line++;
    const lineStart = i;
    while (i < n && isBlank(text.charCodeAt(i))) i++;
    const first = i < n ? text.charCodeAt(i) : NEWLINE;
    if (first === NEWLINE || first === 35 /* # */ || first === 37 /* % */) {
      const next = text.indexOf('\n', i);
      i = next < 0 ? n : next + 1;
      continue;
    }
    let a = -1;
    let b = -1;
    for (let field = 0; field < 2; field++) {
      if (field === 1) {
        if (i < n && !isBlank(text.charCodeAt(i))) throw lineError(text, lineStart, line, maxId >= 0);
        while (i < n && isBlank(text.charCodeAt(i))) i++;
      }
      let value = 0;
      const digitsStart = i;
      for (; i < n; i++) {
        const c = text.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        value = value * 10 + c;
        if (value > MAX_ID) throw lineError(text, lineStart, line, maxId >= 0);
      }
      if (i === digitsStart) throw lineError(text, lineStart, line, maxId >= 0);
      if (field === 0) a = value;
      else b = value;
    }
    // The second id must end at whitespace or the end of the line; anything after that is ignored.
    if (i < n) {
      const c = text.charCodeAt(i);
      if (c !== NEWLINE && !isBlank(c)) throw lineError(text, lineStart, line, maxId >= 0);
      const next = c === NEWLINE ? i : text.indexOf('\n', i);
      i = next < 0 ? n : next + 1;
    }
    if (buf) {
      pushEdge(buf, a, b);
      if (undirected) pushEdge(buf, b, a);
    }
    edges += undirected ? 2 : 1;
    if (a > maxId) maxId = a;
    if (b > maxId) maxId = b;
  }
  return { users: maxId + 1, edges };
}
