import { readFileSync } from 'node:fs';
import type { SocialGraph } from './csr.js';
import { parseEdgeList, type EdgeListOptions } from './edge-list.js';

/**
 * Reads and parses an edge-list file (see {@link parseEdgeList} for the format). Node-only, kept
 * apart from the parser so the browser build never imports `node:fs`; parse errors are re-thrown
 * with the file path in front.
 */
export function loadEdgeList(path: string | URL, options: EdgeListOptions = {}): SocialGraph {
  const text = readFileSync(path, 'utf8');
  try {
    return parseEdgeList(text, options);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`${String(path)}: ${message}`, { cause: err });
  }
}
