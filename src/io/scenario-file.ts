/**
 * Reading scenario and sweep files (JSON or YAML) from disk: parsed, `$schema` dropped, edge-list
 * `file`s read relative to the file, and everything checked — all problems reported together in
 * one {@link ScenarioError} (file paths included), never a stack trace.
 * @module
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as z from 'zod/mini';
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import { formatOf, parseDocument } from '../scenario/file.js';
import { resolveScenario } from '../scenario/resolve.js';
import { shapeProblems, strategySchema, strictObject } from '../scenario/schema.js';
import type { Scenario, ScenarioInput, StrategySpec } from '../scenario/types.js';
import type { Design } from '../experiment/design.js';
import { checkSweepSize, MAX_DESIGN_POINTS } from '../experiment/sweep-size.js';
import { isPlain, type Plain } from '../scenario/plain.js';
import { FileRefusedError } from './refused.js';
import { readRegularFile, textOf } from './safe-read.js';
import { edgeListExtent } from '../graph/edge-list.js';
import { checkEdgeListMemory } from '../experiment/memory-check.js';

/** Files larger than this are refused (a scenario is a few KB; an edge list can be large). */
const MAX_DOCUMENT_BYTES = 16 * 2 ** 20;
/**
 * An edge list is held as one string and hashed with its scenario as one JSON text, and V8's
 * strings hold at most 2²⁹ − 24 characters: 256 MiB leaves room for the line ends' escapes
 * (a list inside the former 1 GiB limit failed with "Cannot create a string longer than …").
 */
export const MAX_EDGE_LIST_BYTES = 256 * 2 ** 20;
/** The longest JSON text of a scenario whose hash can be taken: V8's longest string, less 1 MiB for the other fields. */
const MAX_SCENARIO_JSON = 2 ** 29 - 24 - 2 ** 20;

/** Characters `text` takes as a JSON string (quotes, backslashes and control characters are escaped). */
function jsonLength(text: string): number {
  let n = text.length + 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 92 || c === 8 || c === 9 || c === 10 || c === 12 || c === 13) n += 1;
    else if (c < 32) n += 5;
  }
  return n;
}

/**
 * The text of a regular file (never a pipe, device or /proc file, never one holding NUL bytes);
 * any refusal is a problem at `field` naming the path, and quotes nothing of the file.
 */
function readText(path: string, what: string, limit: number, field = ''): string {
  const fail = (allowed: string): never => {
    throw new ScenarioError([{ path: field, value: path, allowed }]);
  };
  if (!existsSync(path)) return fail(`${what} not found`);
  try {
    return textOf(readRegularFile(path, what, limit), path, what);
  } catch (e) {
    if (e instanceof FileRefusedError) return fail(e.reason);
    throw e;
  }
}

/** Reads and parses a JSON or YAML document; it must be an object. */
export function readDocument(path: string, what = 'file'): Record<string, unknown> {
  const doc = parseDocument(readText(path, what, MAX_DOCUMENT_BYTES), formatOf(path), path);
  // The path, not the value: a file that is not a document (a text file given by mistake) is not echoed.
  if (!isPlain(doc)) throw new ScenarioError([{ path: '', value: path, allowed: `a ${what} must be an object (JSON {…} or YAML key: value lines), not ${doc === null ? 'null' : Array.isArray(doc) ? 'a list' : `a ${typeof doc}`}` }]);
  const { $schema: _schema, ...rest } = doc;
  return rest;
}

/** Inlines an edge-list `file` (relative to `baseDir`) as `text`. */
function inlineEdgeList(input: Plain, baseDir: string, prefix: string): Plain {
  const g = input.graph;
  if (!isPlain(g) || g.kind !== 'edge-list' || typeof g.file !== 'string') return input;
  const { file, ...rest } = g;
  const where = `${prefix}graph.file`;
  const raw = readText(resolve(baseDir, file), 'edge-list file', MAX_EDGE_LIST_BYTES, where);
  // The text is part of the scenario, and its hash seeds every run: the same list saved with
  // CRLF (a Windows checkout) or a byte-order mark must give the same results.
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const json = jsonLength(text);
  if (json > MAX_SCENARIO_JSON) {
    throw new ScenarioError([{ path: where, value: file, allowed: `is ${json.toLocaleString('en')} characters as JSON text (its control characters escaped); the scenario's hash reads it as one string, of at most ${MAX_SCENARIO_JSON.toLocaleString('en')}` }]);
  }
  checkEdgeListWorld(text, input.users, rest.undirected === true, where, file);
  return { ...input, graph: { ...rest, text } };
}

/**
 * Refuses, before the graph is built, an edge list naming more users than this machine can
 * simulate once; a list with a bad line is left to the scenario check, which names the line.
 */
function checkEdgeListWorld(text: string, users: unknown, undirected: boolean, where: string, file: string): void {
  let extent: { users: number; edges: number };
  try {
    extent = edgeListExtent(text, { undirected });
  } catch {
    return;
  }
  checkEdgeListMemory(where, file, Math.max(extent.users, typeof users === 'number' ? users : 0), extent.edges);
}

/** Adds `prefix` to every problem's path (for a scenario inside a sweep file). */
function prefixed(e: unknown, prefix: string): unknown {
  return e instanceof ScenarioError ? new ScenarioError(e.problems.map((p) => ({ ...p, path: prefix + p.path }))) : e;
}

/** A scenario read from a file: the input (files inlined) and the checked, complete scenario. */
export interface LoadedScenario {
  input: ScenarioInput;
  scenario: Scenario;
}

function checkScenario(input: Plain, baseDir: string, prefix = ''): LoadedScenario {
  try {
    const inlined = inlineEdgeList(input, baseDir, prefix);
    try {
      return { input: inlined as ScenarioInput, scenario: resolveScenario(inlined as ScenarioInput) };
    } catch (e) {
      throw fromFile(e, input);
    }
  } catch (e) {
    throw prefixed(e, prefix);
  }
}

/**
 * A problem with an edge list read from a file is shown at `graph.file` with the user's path,
 * not at `graph.text` with the start of the text (which may be anything the path pointed at).
 */
function fromFile(e: unknown, input: Plain): unknown {
  const g = input.graph;
  if (!(e instanceof ScenarioError) || !isPlain(g) || typeof g.file !== 'string') return e;
  return new ScenarioError(e.problems.map((p) => (p.path === 'graph.text' ? { ...p, path: 'graph.file', value: g.file } : p)));
}

/**
 * Reads a scenario file (`.json`, `.yaml`, `.yml`) and checks it.
 * @example
 * ```ts
 * import { simulate } from 'feedsim';
 * import { loadScenarioFile } from 'feedsim/node';
 * const { input } = loadScenarioFile('examples/scenarios/youtube.yaml');
 * const result = simulate(input);
 * ```
 */
export function loadScenarioFile(path: string): LoadedScenario {
  return checkScenario(readDocument(path, 'scenario file'), dirname(resolve(path)));
}

/** A sweep read from a file. */
export interface SweepDocument {
  scenario: ScenarioInput;
  design: Design;
  strategies: Array<StrategySpec | string>;
  replicates: number;
  seed?: number;
}

const factorRange = z.strictObject({
  min: z.number({ error: 'must be a finite number' }),
  max: z.number({ error: 'must be a finite number' }),
  log: z.optional(z.boolean({ error: 'must be true or false' })),
  integer: z.optional(z.boolean({ error: 'must be true or false' })),
});

const between = (lo: number, hi: number, allowed: string) =>
  z.number({ error: allowed }).check(z.int({ error: allowed }), z.minimum(lo, { error: allowed }), z.maximum(hi, { error: allowed }));

/** The zod schema of sweep files (the scenario inside is checked by the scenario schema). */
export const sweepFileSchema = strictObject({
  scenario: z.optional(z.union([z.string(), z.record(z.string(), z.unknown())], { error: 'must be a scenario object or the path of a scenario file' })),
  design: z.discriminatedUnion('kind', [
    strictObject({
      kind: z.literal('grid'),
      factors: z.record(z.string(), z.array(z.unknown()).check(z.minLength(1, { error: 'must list at least one value' }), z.maxLength(10_000, { error: 'at most 10,000 values' })), { error: 'must map scenario paths to lists of values' }),
       }, 'a grid design'),
    strictObject({
      kind: z.literal('list'),
      points: z.array(z.record(z.string(), z.unknown()), { error: 'must be a list of { path: value } objects' })
        .check(z.minLength(1, { error: 'must list at least one point' }), z.maxLength(MAX_DESIGN_POINTS, { error: `at most ${MAX_DESIGN_POINTS.toLocaleString('en')} points` })),
       }, 'a list design'),
    strictObject({
      kind: z.literal('latin-hypercube'),
      factors: z.record(z.string(), factorRange, { error: 'must map scenario paths to { min, max }' }),
      samples: between(1, MAX_DESIGN_POINTS, `must be a whole number from 1 to ${MAX_DESIGN_POINTS.toLocaleString('en')}`),
      seed: z.union([z.number(), z.string()], { error: 'must be a number or a string' }),
       }, 'a latin-hypercube design'),
  ], { error: 'must be an object with a "kind" (grid, list, latin-hypercube)' }),
  strategies: z.array(z.union([z.string().check(z.minLength(1)), strategySchema], { error: 'must be a strategy name or { kind, params, label }' }), { error: 'must be a list of strategies' })
    .check(z.minLength(1, { error: 'must list at least one strategy' }), z.maxLength(100, { error: 'at most 100 strategies' })),
  replicates: z.optional(between(2, 100_000, 'must be a whole number from 2 to 100,000: an interval needs at least two replicates')),
  seed: z.optional(between(-(2 ** 31), 2 ** 31 - 1, 'must be a whole number')),
}, 'a sweep file');

/** Checks a sweep document (already parsed); `baseDir` resolves relative file paths in it. */
export function checkSweepDocument(doc: unknown, baseDir: string): SweepDocument {
  const problems: ScenarioProblem[] = shapeProblems(doc, sweepFileSchema);
  if (problems.length) throw new ScenarioError(problems);
  const d = doc as Plain;
  // Counted from the design before the scenario (and any edge list) is read or a point built.
  checkSweepSize({ design: d.design, strategies: d.strategies, replicates: d.replicates as number | undefined });
  let scenario: ScenarioInput = {};
  if (typeof d.scenario === 'string') {
    const path = resolve(baseDir, d.scenario);
    scenario = checkScenario(readDocument(path, 'scenario file'), dirname(path), 'scenario.').input;
  } else if (d.scenario !== undefined) scenario = checkScenario(d.scenario as Plain, baseDir, 'scenario.').input;
  return {
    scenario,
    design: d.design as Design,
    strategies: d.strategies as SweepDocument['strategies'],
    replicates: (d.replicates as number | undefined) ?? 10,
    ...(d.seed !== undefined ? { seed: d.seed as number } : {}),
  };
}

/** Reads a sweep file: `{ scenario, design, strategies, replicates, seed }` (JSON or YAML). */
export function loadSweepFile(path: string): SweepDocument {
  return checkSweepDocument(readDocument(path, 'sweep file'), dirname(resolve(path)));
}
