/**
 * Runs fuzz cases through the library and judges each: it must end in a `ScenarioError` whose
 * problems each name a path and what is allowed, or in a valid run whose outputs hold no NaN or
 * Infinity. Anything else — a bare TypeError or RangeError, a malformed error, a runaway
 * allocation, a case that runs for seconds — is a failure, grouped by its kind so one summary
 * lists every distinct problem with a case that shows it.
 *
 * Text cases go through the file loaders (`loadScenarioFile`, `loadSweepFile` from a temporary
 * file): malformed JSON or YAML must also end in a ScenarioError, counted as malformed text.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import {
  formatProblem,
  memorySink,
  parseEdgeList,
  resolveScenario,
  runEconomics,
  ScenarioError,
  simulate,
  sweep,
  toRows,
  type ScenarioInput,
  type SweepOptions,
} from '../../src/index.js';
import { loadScenarioFile, loadSweepFile } from '../../src/node.js';
import { nonFinitePaths } from '../helpers/non-finite.js';
import type { FuzzCase, TextFormat } from './mutate.js';
import type { ReservedCase, SizeCase } from './bounds-cases.js';
import { compare, formatComparison, formatSweep, type CompareOptions } from '../../src/index.js';
import { resultCharts, type Chart } from '../../src/plots/charts.js';
import { renderSvg } from '../../src/plots/render.js';
import { isPlain } from '../../src/scenario/plain.js';

/** How a case may end without a failure. */
export type Outcome = 'valid run' | 'validation error' | 'malformed text' | 'edge list parsed' | 'edge list error';

/** The judgement of one case. */
export interface CaseReport {
  id: string;
  mutations: string[];
  outcome?: Outcome;
  /** The failure's kind, the key it is grouped by (numbers and quoted values blanked out). */
  failure?: string;
  detail?: string;
  ms: number;
}

/** Typed arrays larger than this are refused during a case: a runaway allocation, not a small run. */
const ALLOCATION_LIMIT = 1 << 22;
/** Valid scenarios with more user-steps than this run their first steps only (a missing `users` means 10,000). */
const USER_STEPS = 200_000;

class AllocationGuardError extends Error {}

const TYPED_ARRAYS = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array'] as const;

/**
 * Runs `fn` with typed-array constructors that refuse more than ALLOCATION_LIMIT elements, so a
 * valid-looking field that asks for gigabytes fails fast instead of taking the machine's memory.
 */
async function withAllocationGuard<T>(fn: () => T | Promise<T>): Promise<T> {
  const g = globalThis as unknown as Record<string, new (...args: unknown[]) => object>;
  const saved = TYPED_ARRAYS.map((name) => g[name]);
  TYPED_ARRAYS.forEach((name, i) => {
    const Base = saved[i];
    g[name] = class extends Base {
      constructor(...args: unknown[]) {
        if (typeof args[0] === 'number' && args[0] > ALLOCATION_LIMIT) throw new AllocationGuardError(`new ${name}(${args[0]})`);
        super(...args);
      }
    };
  });
  try {
    return await fn();
  } finally {
    TYPED_ARRAYS.forEach((name, i) => (g[name] = saved[i]));
  }
}

/** A message with its particulars blanked, so one kind of failure groups as one. */
function shape(message: string): string {
  return message
    .split('\n')[0]
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/gi, '#')
    .slice(0, 140);
}

/** The distinct fields among non-finite paths (`result.posts[3].x = NaN` → `result.posts[].x`). */
function fieldsOf(paths: string[]): string {
  return [...new Set(paths.map((p) => p.replace(/\[\d+\]/g, '[]').replace(/ = .*$/, '')))].join(', ').slice(0, 200);
}

/** Problems a `ScenarioError` must not have: every problem names a path and what is allowed. */
function scenarioErrorFlaws(e: ScenarioError, rootIsObject: boolean): string[] {
  const flaws: string[] = [];
  if (!Array.isArray(e.problems) || e.problems.length === 0) return ['no problems listed'];
  // Checked as data from outside: the declared types are what is being tested.
  for (const problem of e.problems) {
    const p = problem as unknown as Record<string, unknown>;
    const path = String(p.path);
    if (typeof p.path !== 'string' || (rootIsObject && p.path === '')) flaws.push(`problem without a path: ${JSON.stringify(p)}`);
    if (typeof p.allowed !== 'string' || p.allowed.trim() === '') flaws.push(`problem without what is allowed: ${path}`);
    if (!('value' in p)) flaws.push(`problem without the value: ${path}`);
    if (p.suggestion !== undefined && typeof p.suggestion !== 'string') flaws.push(`suggestion is not a key: ${path}`);
    if (!e.message.includes(formatProblem(problem))) flaws.push(`message does not list ${path}`);
  }
  return flaws;
}


/** Judges an error thrown by a library call. */
function judgeError(e: unknown, rootIsObject: boolean): Pick<CaseReport, 'outcome' | 'failure' | 'detail'> {
  if (e instanceof ScenarioError) {
    const flaws = scenarioErrorFlaws(e, rootIsObject);
    return flaws.length ? { failure: `malformed ScenarioError: ${shape(flaws[0])}`, detail: flaws.join('; ') } : { outcome: 'validation error' };
  }
  if (e instanceof AllocationGuardError) return { failure: `runaway allocation (${shape(e.message)})`, detail: e.message };
  const err = e instanceof Error ? e : new Error(String(e));
  // Grouped by class and first word: one line per source of bare errors, with examples.
  const lead = err.message.split(/[\s:]/)[0];
  return { failure: `${err.constructor.name} instead of ScenarioError ("${lead} …")`, detail: err.message.slice(0, 300) };
}

async function runScenario(doc: unknown): Promise<Pick<CaseReport, 'outcome' | 'failure' | 'detail'>> {
  try {
    const r = await withAllocationGuard(() => simulate(shortened(doc)));
    const economics = r.accounts.map((a) => runEconomics(a.cycles, r.scenario.economics.discountRate));
    const bad = nonFinitePaths({ result: r, rows: toRows(r), economics }, '', [], 500);
    if (bad.length) return { failure: `NaN or Infinity in output: ${fieldsOf(bad)}`, detail: bad.slice(0, 10).join(', ') };
    return { outcome: 'valid run' };
  } catch (e) {
    return judgeError(e, isPlain(doc));
  }
}

/**
 * The document itself, or — when it is valid but long (a deleted `users` or `cycles` falls back
 * to the default 10,000 users × 720 steps) — the same document cut to its first four steps.
 */
function shortened(doc: unknown): ScenarioInput {
  if (!isPlain(doc)) return doc as ScenarioInput;
  let s;
  try {
    s = resolveScenario(doc as ScenarioInput);
  } catch {
    return doc as ScenarioInput;
  }
  if (s.users * s.cycles * s.stepsPerCycle <= USER_STEPS) return doc as ScenarioInput;
  return { ...(doc as ScenarioInput), cycles: 1, stepsPerCycle: Math.min(4, s.stepsPerCycle) };
}

/** A sweep, validated in full and then only its first two runs executed (in this thread). */
async function runSweep(doc: Record<string, unknown>): Promise<Pick<CaseReport, 'outcome' | 'failure' | 'detail'>> {
  const rows = memorySink();
  try {
    const scenario = doc.scenario === undefined || isPlain(doc.scenario) ? shortened(doc.scenario ?? {}) : doc.scenario;
    const options = { ...doc, scenario, workers: 1, sinks: [rows], filter: (_spec: unknown, i: number) => i < 2 } as unknown as SweepOptions;
    const r = await withAllocationGuard(() => sweep(options));
    const bad = nonFinitePaths({ result: r, rows: rows.rows }, '', [], 500);
    if (bad.length) return { failure: `NaN or Infinity in sweep output: ${fieldsOf(bad)}`, detail: bad.slice(0, 10).join(', ') };
    return { outcome: 'valid run' };
  } catch (e) {
    return judgeError(e, true);
  }
}

/**
 * A scenario or sweep file: loaded as the CLI loads it, then run like a document. A file the
 * loader rejects must be rejected with a ScenarioError; one that is not JSON or YAML at all
 * counts as malformed text.
 */
async function runFile(kind: 'scenario-text' | 'sweep-text', text: string, format: TextFormat): Promise<Pick<CaseReport, 'outcome' | 'failure' | 'detail'>> {
  const file = join(tmpdir(), `feedsim-fuzz-${process.pid}-${threadId}.${format}`);
  writeFileSync(file, text);
  let loaded: unknown;
  try {
    loaded = kind === 'scenario-text' ? loadScenarioFile(file).input : loadSweepFile(file);
  } catch (e) {
    const judged = judgeError(e, false);
    return judged.outcome && /is not valid (JSON|YAML)/.test((e as Error).message) ? { outcome: 'malformed text' } : judged;
  } finally {
    rmSync(file, { force: true });
  }
  return kind === 'scenario-text' ? runScenario(loaded) : runSweep(loaded as Record<string, unknown>);
}

/**
 * The edge list's first bad line and its edges, by an independent reading of the format: lines
 * end at LF or a lone CR; a line is blank, a comment (# or %), or two ASCII-digit ids up to
 * 2³¹ − 1 separated by blanks, then nothing or a blank and anything.
 */
export function readEdgeList(text: string, undirected: boolean): { badLine?: number; users: number; edges: Set<string> } {
  const blank = '[ \\t\\r\\v\\f]';
  const edgeLine = new RegExp(`^${blank}*(\\d+)${blank}+(\\d+)(?:${blank}[^]*)?$`);
  const edges = new Set<string>();
  let users = 0;
  // Lines end at LF or at a CR not followed by LF (classic Mac); a CR before LF is a blank.
  const lines = (text.startsWith('\ufeff') ? text.slice(1) : text).split(/\n|\r(?!\n)/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.replace(new RegExp(`^${blank}+`), '');
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('%')) continue;
    const m = edgeLine.exec(line);
    const a = m ? Number(m[1]) : NaN;
    const b = m ? Number(m[2]) : NaN;
    if (!(a <= 49_999_999 && b <= 49_999_999)) return { badLine: i + 1, users: 0, edges };
    users = Math.max(users, a + 1, b + 1);
    if (a !== b) {
      edges.add(`${a} ${b}`);
      if (undirected) edges.add(`${b} ${a}`);
    }
  }
  return { users, edges };
}

function runEdgeList(text: string, undirected: boolean): Pick<CaseReport, 'outcome' | 'failure' | 'detail'> {
  const expected = readEdgeList(text, undirected);
  let graph;
  try {
    graph = parseEdgeList(text, { undirected });
  } catch (e) {
    if (e instanceof AllocationGuardError) return judgeError(e, true);
    const message = e instanceof Error ? e.message : String(e);
    if (expected.badLine === undefined) return { failure: 'edge list: a valid list was rejected', detail: message };
    if (!message.includes(`line ${expected.badLine}:`)) return { failure: 'edge list: the error names the wrong line', detail: `expected line ${expected.badLine}: ${message}` };
    return { outcome: 'edge list error' };
  }
  if (expected.badLine !== undefined) return { failure: 'edge list: a bad line was accepted', detail: `line ${expected.badLine}` };
  const got = new Set<string>();
  for (let u = 0; u < graph.users; u++) for (let k = graph.offsets[u]; k < graph.offsets[u + 1]; k++) got.add(`${u} ${graph.followers[k]}`);
  const same = got.size === expected.edges.size && [...got].every((e) => expected.edges.has(e));
  if (graph.users !== expected.users || !same || graph.offsets[graph.users] !== got.size) {
    return { failure: 'edge list: the graph differs from the list', detail: `users ${graph.users} vs ${expected.users}, edges ${got.size} vs ${expected.edges.size}` };
  }
  return { outcome: 'edge list parsed' };
}

/**
 * A sweep around the size bounds: refused (a ScenarioError naming the count that is too large)
 * exactly when its points or runs are past the bounds, before any run; else its first two runs.
 */
async function runSize(c: SizeCase): Promise<Pick<CaseReport, 'outcome' | 'failure' | 'detail'>> {
  let ran = 0;
  try {
    await withAllocationGuard(() => sweep({ ...(c.document as unknown as SweepOptions), workers: 1, filter: (_s, i) => i < 2, onRun: () => void ran++ }));
  } catch (e) {
    const judged = judgeError(e, true);
    if (judged.failure) return judged;
    const message = (e as Error).message;
    const said = /at most 100,000 points/.test(message) ? 'too many points' : /at most 1,000,000 runs/.test(message) ? 'too many runs' : 'another problem';
    if (said !== c.verdict) return { failure: `sweep size: ${c.verdict} refused as ${said}`, detail: message.slice(0, 300) };
    if (ran) return { failure: 'sweep size: refused after runs had started', detail: `${ran} runs` };
    return { outcome: 'validation error' };
  }
  return c.verdict === 'fits' ? { outcome: 'valid run' } : { failure: `sweep size: ${c.verdict} was not refused`, detail: c.mutations.join('; ') };
}

/** Labels that are not own keys of `record` (a label such as `__proto__` set its prototype instead). */
const notOwn = (record: unknown, labels: string[], what: string): string[] =>
  labels.filter((l) => !(typeof record === 'object' && record !== null && Object.hasOwn(record, l))).map((l) => `${what}.${l}`);

/**
 * A sweep or comparison with reserved labels, run in full: every label must be an own key of
 * every per-strategy record (also after JSON), in the tidy rows, the printed table and the
 * charts, which must render.
 */
async function runReserved(c: ReservedCase): Promise<Pick<CaseReport, 'outcome' | 'failure' | 'detail'>> {
  const rows = memorySink();
  const labels = c.labels;
  const missing: string[] = [];
  let charts: Chart[];
  try {
    if (c.experiment === 'sweep') {
      const r = await sweep({ ...(c.document as unknown as SweepOptions), workers: 1, sinks: [rows] });
      for (const result of [r, JSON.parse(JSON.stringify(r)) as typeof r]) {
        for (const p of result.points) missing.push(...notOwn(p.final, labels, `point ${p.index} final`), ...notOwn(p.difference, labels.slice(1), `point ${p.index} difference`));
      }
      if (!labels.every((l) => formatSweep(r).includes(l))) missing.push('formatSweep');
      charts = resultCharts(r);
    } else {
      const r = await compare({ ...(c.document as unknown as CompareOptions), workers: 1, onRun: (run) => void rows.write(toRows(run, run.id)) });
      for (const result of [r, JSON.parse(JSON.stringify(r)) as typeof r]) {
        for (const f of ['summary', 'economics', 'spendPerCycle', 'probabilityAhead'] as const) missing.push(...notOwn(result[f], labels, f));
        missing.push(...notOwn(result.differences, labels.slice(1), 'differences'));
      }
      if (!labels.every((l) => formatComparison(r).includes(l))) missing.push('formatComparison');
      charts = resultCharts(r);
    }
    const inRows = new Set(rows.rows.map((row) => row.strategy));
    missing.push(...labels.filter((l) => !inRows.has(l)).map((l) => `tidy rows ${l}`));
    for (const chart of charts) {
      const svg = await renderSvg(chart.spec);
      missing.push(...labels.filter((l) => !svg.includes(`>${l}<`)).map((l) => `${chart.name}.svg ${l}`));
    }
  } catch (e) {
    return judgeError(e, true).failure ? judgeError(e, true) : { failure: 'reserved names: a valid experiment was refused', detail: (e as Error).message.slice(0, 300) };
  }
  return missing.length ? { failure: `reserved names lost: ${missing[0].replace(/\.[^ ]+$/, '')}`, detail: missing.join(', ') } : { outcome: 'valid run' };
}

/** Runs one case and judges it. */
export async function checkCase(c: FuzzCase): Promise<CaseReport> {
  const start = performance.now();
  let judged: Pick<CaseReport, 'outcome' | 'failure' | 'detail'>;
  switch (c.kind) {
    case 'edge-list':
      judged = await withAllocationGuard(() => runEdgeList(c.text, c.undirected));
      break;
    case 'scenario':
      judged = await runScenario(c.document);
      break;
    case 'sweep':
      judged = await runSweep(c.document as Record<string, unknown>);
      break;
    case 'sweep-size':
      judged = await runSize(c);
      break;
    case 'reserved-names':
      judged = await runReserved(c);
      break;
    default:
      judged = await runFile(c.kind, c.text, c.format);
  }
  return { id: c.id, mutations: c.mutations, ...judged, ms: performance.now() - start };
}

/** Counts of a fuzz run: outcomes, failures by kind (with the first case of each), the slowest case. */
export interface FuzzSummary {
  cases: number;
  outcomes: Partial<Record<Outcome, number>>;
  /** Per kind of failure: how many cases, and up to three that differ in detail. */
  failures: Map<string, { count: number; examples: CaseReport[] }>;
  slowest: CaseReport | undefined;
  /** Time spent in the cases themselves, and the wall time of the whole run. */
  ms: number;
  wallMs: number;
}

/** A summary of no cases yet. */
export function emptySummary(): FuzzSummary {
  return { cases: 0, outcomes: {}, failures: new Map(), slowest: undefined, ms: 0, wallMs: 0 };
}

/** Counts one case's report into `summary`. */
export function addReport(summary: FuzzSummary, r: CaseReport): void {
  summary.cases++;
  summary.ms += r.ms;
  if (r.outcome) summary.outcomes[r.outcome] = (summary.outcomes[r.outcome] ?? 0) + 1;
  if (r.failure) {
    const f = summary.failures.get(r.failure) ?? { count: 0, examples: [] };
    f.count++;
    if (f.examples.length < 3 && !f.examples.some((x) => shape(x.detail ?? '') === shape(r.detail ?? ''))) f.examples.push(r);
    summary.failures.set(r.failure, f);
  }
  if (!summary.slowest || r.ms > summary.slowest.ms) summary.slowest = r;
}

/** The failure kinds, one line each with its count and the cases that show it (for assertions). */
export function failureLines(s: FuzzSummary): string[] {
  const example = (r: CaseReport) => `${r.id} [${r.mutations.join('; ').slice(0, 160)}] ${r.detail?.slice(0, 160) ?? ''}`;
  return [...s.failures].map(([kind, { count, examples }]) => `${count}× ${kind} — e.g. ${examples.map(example).join(' | ')}`);
}

/** A readable summary: outcome counts, failures, the slowest case and the time taken. */
export function formatSummary(title: string, s: FuzzSummary): string {
  const failed = [...s.failures.values()].reduce((t, f) => t + f.count, 0);
  const outcomes = Object.entries(s.outcomes).map(([k, n]) => `${k}: ${n}`).join(', ');
  const lines = [
    `${title}: ${s.cases} cases, ${(s.ms / 1000).toFixed(1)} s in cases — ${outcomes}${failed ? `, FAILED: ${failed}` : ''}`,
    ...[...s.failures].flatMap(([kind, { count, examples }]) => [
      `  ${count}× ${kind}`,
      ...examples.map((r) => `      e.g. ${r.id} [${r.mutations.join('; ').slice(0, 160)}] ${r.detail?.slice(0, 200) ?? ''}`),
    ]),
  ];
  if (s.slowest) lines.push(`  slowest: ${s.slowest.id} ${Math.round(s.slowest.ms)} ms [${s.slowest.mutations.join('; ').slice(0, 120)}]`);
  return lines.join('\n');
}
