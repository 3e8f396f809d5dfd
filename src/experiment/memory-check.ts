/**
 * Refuses, before any work starts, an experiment whose worlds and results cannot fit in this
 * machine's memory (the smaller of physical memory and a container's cgroup limit).
 * @module
 */
import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { BYTES_PER_CYCLE_RECORD, edgeListTextBytes, estimateGraphWorldBytes, estimatePostBytes, estimateWorldBytes, formatBytes } from '../engine/memory-estimate.js';
import { edgeListExtent } from '../graph/edge-list.js';
import { ScenarioError } from '../scenario/errors.js';
import type { Scenario } from '../scenario/types.js';

const UNITS: Record<string, number> = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

/**
 * Memory this process may use: physical memory, or the cgroup v2 limit when lower, or
 * `FEEDSIM_MEMORY_LIMIT` (bytes, or with a unit: `8G`, `512M`) when lower still — to plan for a
 * smaller machine, or to keep feedsim to a share of a shared one.
 */
export function memoryLimit(): number {
  let limit = totalmem();
  const asked = process.env.FEEDSIM_MEMORY_LIMIT;
  if (asked !== undefined && asked !== '') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$/i.exec(asked);
    if (!m) throw new ScenarioError([{ path: 'FEEDSIM_MEMORY_LIMIT', value: asked, allowed: 'must be a number of bytes, or with a unit: 512M, 8G' }]);
    limit = Math.min(limit, Number(m[1]) * UNITS[m[2].toLowerCase()]);
  }
  try {
    const cg = readFileSync('/sys/fs/cgroup/memory.max', 'utf8').trim();
    if (/^\d+$/.test(cg)) limit = Math.min(limit, Number(cg));
  } catch {
    // No cgroup v2 limit visible: physical memory it is.
  }
  return limit;
}

/** Finished runs an experiment holds in memory until it ends (their cycle records). */
export interface HeldRuns {
  runs: number;
  /** Whether every metric is kept (compare, and the CLI, which reads its record back) or only the net return (a library sweep). */
  full: boolean;
}

/** Bytes of `held` runs of `scenario`: a kept cycle is a record of every metric, or one number. */
export function heldBytes(scenario: Scenario, held: HeldRuns): number {
  const perCycle = held.full ? scenario.accounts.length * BYTES_PER_CYCLE_RECORD : 64;
  return held.runs * scenario.cycles * perCycle;
}

/** Bytes of an edge list in this thread: its text and its parsed graph (CSR: 4 bytes per user and per edge). */
function parsedGraphBytes(g: Extract<Scenario['graph'], { kind: 'edge-list' }>): number {
  try {
    const { users, edges } = edgeListExtent(g.text, { undirected: g.undirected ?? false });
    return g.text.length + 4 * (users + 1) + 4 * edges;
  } catch {
    return 0; // a bad list is refused by the scenario check
  }
}

/**
 * Throws a {@link ScenarioError} showing the estimate when `workers` worlds of `scenario`, the
 * results held and, for an edge list, the graph this thread parsed to check it would not fit.
 */
export function checkMemory(scenario: Scenario, workers: number, limit = memoryLimit(), held: HeldRuns = { runs: 0, full: false }): void {
  const one = estimateWorldBytes(scenario);
  const w = Math.max(1, workers);
  const results = heldBytes(scenario, held);
  // Checking the scenario parsed its edge list here too, and the parse is kept for reuse.
  const checked = scenario.graph.kind === 'edge-list' ? parsedGraphBytes(scenario.graph) : 0;
  const need = one * w + results + checked;
  if (need > 0.9 * limit) {
    // A post store that outweighs the rest is the posting rate's doing, not the users'.
    const posts = estimatePostBytes(scenario);
    const world = posts > one / 2 ? `${formatBytes(one)} per world, ${formatBytes(posts)} of it live posts,` : `${formatBytes(one)} per world`;
    const parts = [`${world} × ${w} worker${w > 1 ? 's' : ''}`, results ? `${formatBytes(results)} of results for ${held.runs.toLocaleString('en')} runs` : '', checked ? `${formatBytes(checked)} for the edge list checked in this thread` : ''].filter(Boolean);
    // The edge list's text and parse, when they outweigh the rest, are what to shrink.
    const list = edgeListTextBytes(scenario.graph) > one / 2;
    const fix = posts > one / 2
      ? 'post less per step (content.creatorPostsPerDay, content.userPostProbability, a shorter stepDuration) or keep posts for fewer steps (content.freshness)'
      : list ? 'use a smaller edge list or fewer workers, or a bigger machine'
      : `use fewer users${results ? ', cycles or runs' : ''} or workers, or a bigger machine`;
    throw new ScenarioError([{
      path: posts > one / 2 ? 'content' : list ? 'graph' : 'users',
      value: posts > one / 2 ? `${scenario.content.creators} creators posting ${scenario.content.creatorPostsPerDay} a day, steps of ${scenario.stepDuration}`
        : list ? `an edge list of ${formatBytes(scenario.graph.kind === 'edge-list' ? scenario.graph.text.length : 0)}` : scenario.users,
      allowed: `needs an estimated ${formatBytes(need)} (${parts.join(' + ')}), more than 90 % of this machine's ${formatBytes(limit)}: ${fix}`,
    }]);
  }
}

/**
 * Throws when the world an edge list implies cannot fit, found from its extent before its graph
 * is built (a 10-byte list `0 49999999` names 50 million users).
 */
export function checkEdgeListMemory(where: string, file: string, users: number, edges: number, limit = memoryLimit()): void {
  const need = estimateGraphWorldBytes(users, edges);
  if (need > 0.9 * limit) {
    throw new ScenarioError([{
      path: where,
      value: file,
      allowed: `names users 0 … ${(users - 1).toLocaleString('en')} and ${edges.toLocaleString('en')} edges: a world of ${users.toLocaleString('en')} users needs at least an estimated ${formatBytes(need)}, more than 90 % of this machine's ${formatBytes(limit)}`,
    }]);
  }
}
