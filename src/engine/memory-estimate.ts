/**
 * An up-front estimate of a world's memory, so a scenario that cannot fit is refused before any
 * work starts (with the estimate shown) instead of failing hours in. Coefficients are the
 * bytes measured by the benchmark (docs/performance.md), rounded up; the post store and the
 * freshness table follow the sizing rules of `createWorld` (world.ts) and `tabulateFreshness`.
 * @module
 */
import { freshnessCurve, tabulateFreshness } from '../content/freshness.js';
import { MAX_POST_SLOTS } from '../content/posts.js';
import type { Scenario } from '../scenario/types.js';
import { DEFAULT_MEAN_DEGREE } from '../graph/defaults.js';
import { edgeListExtent } from '../graph/edge-list.js';
import { parseHours } from '../time.js';
import { scaledBudget } from '../scenario/money-scale.js';

/** Bytes per user (population, feeds, counters), measured at 10⁴–10⁶ users, rounded up. */
const BYTES_PER_USER = 350;
/** Bytes per directed social-graph edge (CSR, both directions). */
const BYTES_PER_EDGE = 6;
/** Bytes per account follow with its state. */
const BYTES_PER_FOLLOW = 64;
/** The runtime and one run's fixed costs. */
const FIXED_BYTES = 64 * 2 ** 20;
/** Bytes per post-store slot: its 64-byte record and three 4-byte arrays (content/posts.ts). */
const BYTES_PER_POST_SLOT = 76;
/** Slots the world sizes its post store for at most, before rounding (world.ts). */
const MAX_SIZED_POSTS = 2 ** 24;
/** A cycle record of one account in memory (29 numbers: 0.75 KB measured), rounded up. */
export const BYTES_PER_CYCLE_RECORD = 1024;

/** Estimated bytes of a world's users and social graph alone: what an edge list implies before it is parsed. */
export function estimateGraphWorldBytes(users: number, edges: number): number {
  return FIXED_BYTES + users * BYTES_PER_USER + 2 * edges * BYTES_PER_EDGE;
}

/**
 * Steps a post can stay in the store (the freshness table's length): found by tabulating the
 * curve up to the run's length, or, for a custom curve not registered in this thread, bounded by
 * the run's length and the lifetime.
 */
function postAgeSteps(s: Scenario, stepHours: number): number {
  const f = s.content.freshness;
  const totalSteps = s.cycles * s.stepsPerCycle;
  const lifetimeHours = f.lifetime !== undefined ? parseHours(f.lifetime, 'content.freshness.lifetime') : Infinity;
  const bound = Math.min(totalSteps + 1, Math.max(1, Math.ceil(lifetimeHours / stepHours - 1e-9)));
  // Tabulating takes as long as the table: past a million steps the bound is close enough.
  if (f.kind === 'custom' || bound > 2 ** 20) return bound;
  const floor = f.kind === 'none' ? 0 : (f.floor ?? 0.01);
  try {
    return tabulateFreshness(freshnessCurve(f), stepHours, floor, lifetimeHours, totalSteps + 1).values.length;
  } catch {
    return bound; // a curve the scenario check refuses
  }
}

/**
 * Bytes of the post store and freshness table: the store holds every post still showable, so its
 * size follows the posting rate per step (users' posts, and creators' at a rate that grows with
 * `stepDuration`: 1e308 h asked for 2.5 GB of posts on 300 users), capped at 2²⁴ slots before
 * rounding up to a power of two.
 */
export function estimatePostBytes(s: Scenario): number {
  const stepHours = parseHours(s.stepDuration, 'stepDuration');
  const age = postAgeSteps(s, stepHours);
  const focal = s.accounts.length;
  const creatorRate = (s.content.creatorPostsPerDay * stepHours) / 24;
  const perStep = s.users * s.population.activity * s.content.userPostProbability + s.content.creators * creatorRate + focal * 4;
  const boosts = focal > 0 && scaledBudget(s) > 0;
  const live = Math.min(perStep * Math.max(age, boosts ? s.stepsPerCycle + 1 : 0) + 64, MAX_SIZED_POSTS);
  let slots = 1024;
  while (slots < live + 4 * Math.sqrt(live) && slots < MAX_POST_SLOTS) slots *= 2;
  return slots * BYTES_PER_POST_SLOT + age * 8;
}

/** Edges of an edge list: its edge lines (repeats included), or for a list the scenario check refuses, a bound. */
function listEdges(g: Extract<Scenario['graph'], { kind: 'edge-list' }>): number {
  try {
    return edgeListExtent(g.text, { undirected: g.undirected ?? false }).edges;
  } catch {
    return g.text.length / 2; // at most one edge per 4 characters, both ways when undirected
  }
}

/**
 * Bytes an edge list takes besides its graph while a world is built: the text itself, its JSON
 * form (the scenario's hash reads it) and the parser's 8 bytes per edge line.
 */
export function edgeListTextBytes(g: Scenario['graph']): number {
  return g.kind === 'edge-list' ? 2 * g.text.length + 8 * listEdges(g) : 0;
}

/** Edges of the scenario's social graph (an edge list's are counted, not guessed from its length). */
function edgeCount(s: Scenario): number {
  const g = s.graph;
  if (g.kind === 'edge-list') return listEdges(g);
  if (g.kind === 'configuration' && g.degrees) return g.degrees.reduce((a, b) => a + b, 0);
  return s.users * (('meanDegree' in g ? g.meanDegree : undefined) ?? DEFAULT_MEAN_DEGREE);
}

/** Estimated peak bytes of one world of `scenario`, with its run's cycle records. */
export function estimateWorldBytes(scenario: Scenario): number {
  const n = scenario.users;
  // Creators' audiences are Pareto sized, capped at half the users: a generous mean of 2× the scale.
  const creatorFollows = scenario.content.creators * Math.min(0.5, 2 * scenario.content.creatorAudienceShare) * n;
  const focalFollows = scenario.accounts.reduce((a, x) => a + (x.startingFollowers ?? 0), 0);
  const records = scenario.cycles * scenario.accounts.length * BYTES_PER_CYCLE_RECORD;
  return estimateGraphWorldBytes(n, edgeCount(scenario)) + edgeListTextBytes(scenario.graph) + (creatorFollows + focalFollows) * BYTES_PER_FOLLOW + estimatePostBytes(scenario) + records;
}

/** `bytes` in MB or GB, for messages. */
export function formatBytes(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : `${Math.ceil(bytes / 2 ** 20)} MB`;
}
