/**
 * The fuzz documents: valid small scenarios and sweeps, then mutated — wrong types, out-of-range
 * numbers, NaN, Infinity, huge arrays, deep nesting, missing, unknown and misspelled fields,
 * broken durations and names — and, as text, malformed JSON and YAML; plus edge lists with bad
 * lines. Case `i` of seed `s` is always the same document (the project's seeded xor128 stream
 * and fast-check's seeded sampler; nothing else), so a failing case is replayed by its id and a
 * CLI fuzz can feed the very same documents through files.
 */
import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { createXor128, nextFloat, nextInt32, seedXor128, type Xor128 } from '../../src/rng.js';
import { smallScenario } from '../helpers/small-scenario.js';
import { reservedCase, sizeCase, type ReservedCase, type SizeCase } from './bounds-cases.js';

/** What a case is fed to: a scenario or a sweep (as an object or as file text), or the edge-list parser. */
export type FuzzKind = 'scenario' | 'scenario-text' | 'sweep' | 'sweep-text' | 'edge-list' | 'sweep-size' | 'reserved-names';

/** The text formats of scenario and sweep files. */
export type TextFormat = 'json' | 'yaml';

/** A document given to the library as a value (it may hold NaN, Infinity, deep nesting…). */
export interface DocumentCase<K extends 'scenario' | 'sweep'> {
  id: string;
  kind: K;
  /** What was done to the valid starting document, in order. */
  mutations: string[];
  document: unknown;
}

/** A document as the text of a file. */
export interface TextCase<K extends 'scenario-text' | 'sweep-text'> {
  id: string;
  kind: K;
  mutations: string[];
  format: TextFormat;
  text: string;
}

/** An edge list's text, for the parser. */
export interface EdgeListCase {
  id: string;
  kind: 'edge-list';
  mutations: string[];
  text: string;
  undirected: boolean;
}

/** One fuzz case (one member per kind, so `kind` narrows it). */
export type FuzzCase = DocumentCase<'scenario'> | DocumentCase<'sweep'> | TextCase<'scenario-text'> | TextCase<'sweep-text'> | EdgeListCase | SizeCase | ReservedCase;

type Node = Record<string, unknown> | unknown[];

/** A seeded uniform stream with the few draws the mutators need. */
export interface Draw {
  state: Xor128;
  float(): number;
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(xs: readonly T[]): T;
}

export function draw(key: string): Draw {
  const state = seedXor128(createXor128(), key);
  const d: Draw = {
    state,
    float: () => nextFloat(state),
    int: (n) => Math.floor(nextFloat(state) * n),
    chance: (p) => nextFloat(state) < p,
    pick: (xs) => xs[d.int(xs.length)],
  };
  return d;
}

// ---------------------------------------------------------------- palettes

/** Numbers that break things: non-finite, signed zero, boundaries, fractions, huge and tiny. */
const NUMBERS = [
  NaN, Infinity, -Infinity, -1, -0.5, 0, -0, 0.5, 1, 1.5, 2, 3, 7, 0.1 + 0.2, 1e-300, 5e-324, 1e9, -1e9, 1e308, -1e308,
  2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53 + 2, Number.MAX_VALUE,
];
/** For counts of sweep runs and points: wrong, but never so large that expanding them exhausts memory. */
const RUN_COUNTS = [NaN, Infinity, -Infinity, -1, 0, 0.5, 1.5, 1, 2, 5_000, 1e-300];
const STRINGS = ['', ' ', 'abc', '5', '1e3', '0x10', 'NaN', 'Infinity', 'true', 'null', '2h', 'like-chasing', '\u0000', '💥', 'a'.repeat(10_000)];
const DURATIONS = [
  '1 hour', '-1h', '0h', '0', '90', 'h', '1.5.5h', ' 2d ', '2D', '1mo', '5min', 'Infinityh', 'NaNh', '1e400h', '1e300w',
  '1e-9s', '0.0001s', '\u0663h', '1_000h', '+1h', '.5h', '1h30m', '2 w', '',
];
/** Keys that are not fields but are easy to confuse with object internals. */
const ODD_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '', ' ', 'extra', '0', 'kind '];
/** Dotted paths of real scenario fields, for sweep factors. */
const FACTOR_PATHS = [
  'behavior.follow.base', 'behavior.like.base', 'users', 'cycles', 'feed.ranker', 'feed.selection', 'economics.budgetPerCycle',
  'paid.cpm', 'content.freshness.halfLife', 'population.attention', 'notifications.enabled', 'retargeting', 'graph.kind',
  'accounts', 'behavior.unfollow.baseline.per', 'seed', 'topics',
];

// ---------------------------------------------------------------- the tree

interface Site {
  parent: Node | null;
  key: string | number;
  value: unknown;
  path: string;
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !ArrayBuffer.isView(v);
const isPlain = (v: unknown): v is Record<string, unknown> => isNode(v) && !Array.isArray(v);

/** Every place in the document (the root too); long arrays contribute their first elements only. */
function sites(doc: unknown): Site[] {
  const out: Site[] = [{ parent: null, key: '', value: doc, path: '' }];
  const walk = (v: unknown, path: string, depth: number) => {
    if (!isNode(v) || depth > 12) return;
    const entries: Array<[string | number, unknown]> = Array.isArray(v) ? v.slice(0, 6).map((x, i) => [i, x]) : Object.entries(v);
    for (const [k, x] of entries) {
      const p = typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k;
      out.push({ parent: v, key: k, value: x, path: p });
      walk(x, p, depth + 1);
    }
  };
  walk(doc, '', 0);
  return out;
}

/** Sets a property as an own, enumerable one, even for keys such as `__proto__` (as JSON.parse does). */
function put(node: Node, key: string | number, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Replaces the value at `site`; returns the new root. */
function replace(doc: unknown, site: Site, value: unknown): unknown {
  if (site.parent === null) return value;
  put(site.parent, site.key, value);
  return doc;
}

function typo(d: Draw, key: string): string {
  if (key.length < 2) return key + 'x';
  const i = d.int(key.length - 1);
  switch (d.int(6)) {
    case 0: return key.slice(0, i) + key.slice(i + 1); // dropped letter
    case 1: return key.slice(0, i) + key[i] + key.slice(i); // doubled letter
    case 2: return key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2); // swapped letters
    case 3: return key[0] === key[0].toUpperCase() ? key[0].toLowerCase() + key.slice(1) : key[0].toUpperCase() + key.slice(1);
    case 4: return key + 's';
    default: return key.replace(/[A-Z]/, (c) => '_' + c.toLowerCase()) || key + '_';
  }
}

/** An array of `n` junk or plausible elements, all of one sort. */
function hugeArray(d: Draw, n: number): unknown[] {
  const sort = d.int(5);
  return Array.from({ length: n }, (_, i) => {
    switch (sort) {
      case 0: return i % 7;
      case 1: return d.pick(NUMBERS);
      case 2: return { kind: 'like-chasing', i };
      case 3: return `${i} ${i + 1}`;
      default: return [i];
    }
  });
}

function deepNest(d: Draw, depth: number): unknown {
  let v: unknown = d.pick([1, 'x', null, {}]);
  const arrays = d.chance(0.5);
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
  return v;
}

function anyValue(d: Draw): unknown {
  switch (d.int(7)) {
    case 0: return d.pick(NUMBERS);
    case 1: return d.pick(STRINGS);
    case 2: return d.chance(0.5);
    case 3: return null;
    case 4: return [];
    case 5: return {};
    default: return [d.pick(NUMBERS), d.pick(STRINGS)];
  }
}

/** Hints about a document's fields that call for bounded values. */
interface Bounds {
  /** Field paths whose numbers are run or point counts (see RUN_COUNTS). */
  counts: RegExp;
  /** Whether the whole document may be replaced (a scenario that is not an object). */
  root: boolean;
  /** Lengths of huge arrays (a sweep's grid multiplies them into points, each one checked). */
  huge: number[];
}

/** A number near or instead of `v`. */
function mutateNumber(d: Draw, v: number, site: Site, bounds: Bounds): number {
  if (bounds.counts.test(site.path)) return d.pick(RUN_COUNTS);
  if (d.chance(0.7)) return d.pick(NUMBERS);
  return d.pick([v + 1, v - 1, -v, v * 10, v / 1000, v + 0.5, Math.round(v) + 1e-9]);
}

/**
 * One mutation of `doc` in place; returns the new root and a one-line description. At most one
 * huge array per document (`budget.huge`), so no document multiplies into billions of points.
 */
function mutateOnce(doc: unknown, d: Draw, bounds: Bounds, budget: { huge: number }): { doc: unknown; what: string } {
  const all = sites(doc);
  const site = bounds.root && d.chance(0.05) ? all[0] : all[1 + d.int(Math.max(1, all.length - 1))] ?? all[0];
  const at = site.path || '(root)';
  const v = site.value;
  const op = d.int(100);
  if (op < 20 && typeof v === 'number' && !bounds.counts.test(site.path)) {
    // Edges of the valid range: most fields accept these, so the engine meets them in valid runs.
    const x = d.pick([0, 1, 1 - 2 ** -53, 5e-324, 1e-300, v / 2, v * 2, Math.floor(v / 2), Math.ceil(v * 1.5)]);
    return { doc: replace(doc, site, x), what: `${at} = ${x} (edge)` };
  }
  if (op < 35 && typeof v === 'number') {
    const x = mutateNumber(d, v, site, bounds);
    return { doc: replace(doc, site, x), what: `${at} = ${Object.is(x, -0) ? '-0' : x}` };
  }
  if (op < 35 && typeof v === 'string') {
    const x = d.chance(0.5) ? d.pick(DURATIONS) : d.chance(0.5) ? typo(d, v) : d.pick(STRINGS);
    return { doc: replace(doc, site, x), what: `${at} = ${JSON.stringify(x.slice(0, 20))}` };
  }
  if (op < 48) {
    const x = anyValue(d);
    return { doc: replace(doc, site, x), what: `${at} = ${typeof x === 'string' ? JSON.stringify(x.slice(0, 20)) : JSON.stringify(x) ?? String(x)} (type)` };
  }
  if (op < 60 && site.parent !== null) {
    if (Array.isArray(site.parent)) site.parent.splice(site.key as number, 1);
    else delete site.parent[site.key as string];
    return { doc, what: `${at} deleted` };
  }
  if (op < 75) {
    const objects = all.filter((s) => isPlain(s.value));
    const target = objects.length ? d.pick(objects) : all[0];
    if (isPlain(target.value)) {
      const keys = Object.keys(target.value);
      const key = keys.length && d.chance(0.7) ? typo(d, d.pick(keys)) : d.pick(ODD_KEYS);
      const value = keys.length && d.chance(0.5) ? target.value[d.pick(keys)] : anyValue(d);
      put(target.value, key, value);
      return { doc, what: `${target.path || '(root)'} + unknown key ${JSON.stringify(key)}` };
    }
  }
  if (op < 83 && budget.huge > 0) {
    budget.huge--;
    const n = d.pick(bounds.huge);
    return { doc: replace(doc, site, hugeArray(d, n)), what: `${at} = [${n} elements]` };
  }
  if (op < 88) {
    const depth = d.pick([50, 300, 1000]);
    return { doc: replace(doc, site, deepNest(d, depth)), what: `${at} nested ${depth} deep` };
  }
  if (op < 93 && isNode(v)) {
    const x = Array.isArray(v) ? { ...v } : Object.values(v);
    return { doc: replace(doc, site, x), what: `${at} ${Array.isArray(v) ? 'array → object' : 'object → array'}` };
  }
  const x = anyValue(d);
  return { doc: replace(doc, site, x), what: `${at} = ${JSON.stringify(x) ?? String(x)}` };
}

function mutateDocument(doc: unknown, d: Draw, bounds: Bounds, mutations: string[]): unknown {
  // Some documents stay valid, so valid runs are exercised too.
  const count = d.chance(0.1) ? 0 : d.chance(0.6) ? 1 : 2 + d.int(3);
  const budget = { huge: 1 };
  for (let i = 0; i < count; i++) {
    const r = mutateOnce(doc, d, bounds, budget);
    doc = r.doc;
    mutations.push(r.what);
  }
  return doc;
}

// ---------------------------------------------------------------- edge lists

const BAD_EDGE_LINES = [
  '1', '1 x', 'a b', '-1 2', '1 -2', '1.5 2', '1 2.5', '1,2', '2147483648 1', '1 99999999999', '1 2x', '\u0661 2', '1\u00a02',
  '0x1 2', '+1 2', '1e3 2', '\uff11 \uff12', '"1" "2"', '1\u00002', '1;2', 'NaN 1', '1 Infinity', '--', '1 2\u00a0',
];
const GOOD_EDGE_LINES = ['# comment', '% comment', '', '   ', '\t', '1 2 7.5 timestamp', '3\t4', '  5   6  ', '0000012 3', '7 7', '2147483647 0\r'];

/**
 * An edge list over ids below `users`: separators, comments, blank lines, extra columns and CRLF,
 * sometimes a byte-order mark, and (most of the time) one to three bad lines.
 */
function edgeListText(d: Draw, users: number, mutations: string[], allowHuge: boolean): string {
  const lines: string[] = [];
  const n = d.int(40);
  for (let i = 0; i < n; i++) {
    if (d.chance(0.15)) lines.push(d.pick(GOOD_EDGE_LINES.filter((l) => allowHuge || !l.startsWith('2147483647'))));
    else lines.push(`${d.int(users)}${d.pick([' ', '\t', '  ', ' \t '])}${d.int(users)}${d.pick(['', '', ' 1', '\r', ' # x'])}`);
  }
  const bad = d.chance(0.2) ? 0 : 1 + d.int(3);
  for (let k = 0; k < bad; k++) {
    const line = d.pick(BAD_EDGE_LINES);
    const at = d.int(lines.length + 1);
    lines.splice(at, 0, line);
    mutations.push(`bad edge line ${JSON.stringify(line)}`);
  }
  if (d.chance(0.1)) mutations.push('byte-order mark');
  return (mutations.at(-1) === 'byte-order mark' ? '\ufeff' : '') + lines.join(d.chance(0.2) ? '\r\n' : '\n') + (d.chance(0.5) ? '\n' : '');
}

// ---------------------------------------------------------------- text

const JSON_TOKENS = ['NaN', 'Infinity', '-Infinity', '1e999', '-0', '0x10', '.5', '5.', '01', '1_000', '+1', 'undefined', "'x'", 'true', 'null'];
const YAML_TOKENS = ['.nan', '.inf', '-.inf', '1e999', '0x10', '0o17', '~', 'yes', '!!binary aGVsbG8=', '!!timestamp 2001-12-14', '&a x', '*a', '!!str 5', '[', '{', '|', '>'];
const NOISE = ['{', '}', '[', ']', ',', ':', '"', "'", '\\', '\n', '\t', '#', '-', '&', '*', '!', '|', '>', '%', '@', '`', '0', '.', 'e', '\u0000', '\ufeff'];
const ALIAS_BOMB = 'bomb0: &b0 [x, x, x, x, x, x, x, x, x, x]\n' + Array.from({ length: 8 }, (_, i) => `bomb${i + 1}: &b${i + 1} [${Array(10).fill(`*b${i}`).join(', ')}]`).join('\n') + '\n';

function mutateText(text: string, format: TextFormat, d: Draw, mutations: string[]): string {
  const count = d.chance(0.3) ? 0 : 1 + d.int(3);
  for (let k = 0; k < count; k++) {
    const i = d.int(text.length + 1);
    switch (d.int(8)) {
      case 0:
        mutations.push(`truncated at ${i}`);
        text = text.slice(0, i);
        break;
      case 1:
        mutations.push(`character ${i} deleted`);
        text = text.slice(0, i) + text.slice(i + 1);
        break;
      case 2: {
        const c = d.pick(NOISE);
        mutations.push(`${JSON.stringify(c)} inserted at ${i}`);
        text = text.slice(0, i) + c + text.slice(i);
        break;
      }
      case 3: {
        const numbers = [...text.matchAll(/-?\d+(\.\d+)?(e[+-]?\d+)?/gi)];
        if (numbers.length === 0) break;
        const m = d.pick(numbers);
        const token = d.pick(format === 'json' ? JSON_TOKENS : YAML_TOKENS);
        mutations.push(`number ${m[0]} → ${token}`);
        text = text.slice(0, m.index) + token + text.slice(m.index! + m[0].length);
        break;
      }
      case 4: {
        const lines = text.split('\n');
        const j = d.int(lines.length);
        mutations.push(`line ${j + 1} duplicated`);
        lines.splice(j, 0, lines[j]);
        text = lines.join('\n');
        break;
      }
      case 5:
        if (format === 'yaml') {
          mutations.push(d.chance(0.5) ? 'alias bomb prepended' : 'tab indentation');
          text = mutations.at(-1) === 'alias bomb prepended' ? ALIAS_BOMB + text : text.replace(/\n {2}/g, '\n\t');
        } else {
          mutations.push('trailing comma');
          text = text.replace(/(\d|")(\s*)\}/, '$1,$2}');
        }
        break;
      case 6:
        mutations.push('byte-order mark and CRLF');
        text = '\ufeff' + text.replace(/\n/g, '\r\n');
        break;
      default: {
        const j = d.int(text.length);
        mutations.push(`characters ${i}, ${j} swapped`);
        const chars = [...text];
        if (chars.length > 1) [chars[i % chars.length], chars[j % chars.length]] = [chars[j % chars.length], chars[i % chars.length]];
        text = chars.join('');
      }
    }
  }
  return text;
}

function serialise(doc: unknown, format: TextFormat): string {
  if (format === 'json') return JSON.stringify(doc, null, 2) ?? 'null';
  try {
    return toYaml(doc);
  } catch {
    // Nesting too deep for the YAML writer's recursion: JSON is valid YAML too.
    return JSON.stringify(doc) ?? 'null';
  }
}

// ---------------------------------------------------------------- documents

/** A valid small scenario, drawn by fast-check from a seed taken off the case's stream. */
function baseScenario(d: Draw): Record<string, unknown> {
  const [s] = fc.sample(smallScenario(), { seed: nextInt32(d.state), numRuns: 1 });
  return s as Record<string, unknown>;
}

/** A valid small sweep document: a scenario, a design of every kind, strategies, replicates, seed. */
function baseSweep(d: Draw): Record<string, unknown> {
  const scenario = baseScenario(d);
  const factors = (n: number) => {
    const paths = ['behavior.follow.base', 'economics.budgetPerCycle', 'feed.ranker', 'paid.cpm', 'retargeting'];
    const values: Record<string, unknown[]> = {
      'behavior.follow.base': [0.0005, 0.002], 'economics.budgetPerCycle': [0, 50, 100], 'feed.ranker': ['engagement', 'interest'],
      'paid.cpm': [4, 8], retargeting: [true, false],
    };
    const out: Record<string, unknown[]> = {};
    for (let i = 0; i < n; i++) {
      const p = d.pick(paths);
      out[p] = values[p];
    }
    return out;
  };
  const design = d.pick([
    () => ({ kind: 'grid', factors: factors(1 + d.int(2)) }),
    () => ({ kind: 'list', points: [{ 'behavior.follow.base': 0.001 }, { 'paid.cpm': 5, retargeting: true }] }),
    () => ({ kind: 'latin-hypercube', samples: 1 + d.int(4), seed: d.int(100), factors: { 'behavior.follow.base': { min: 0.0001, max: 0.01, log: true }, 'population.attention': { min: 2, max: 12, integer: true } } }),
  ])();
  const strategies = d.pick([
    ['like-chasing', 'follow-building'],
    ['follow-building'],
    [{ kind: 'mixed', params: { ratio: 0.5 } }, { kind: 'like-chasing', label: 'likes' }],
    ['like-chasing', { kind: 'adaptive', params: { threshold: 50 } }],
  ]);
  return { scenario, design, strategies, replicates: 2 + d.int(2), seed: d.int(1000) };
}

const SCENARIO_BOUNDS: Bounds = { counts: /^$/, root: true, huge: [1001, 2000, 5000, 20_000] };
const SWEEP_BOUNDS: Bounds = { counts: /^(replicates|design\.samples)$/, root: false, huge: [1001, 2000, 5000] };

/** Replaces a factor path, a factor's values or the strategies with sweep-specific mistakes. */
function mutateSweep(doc: Record<string, unknown>, d: Draw, mutations: string[]): void {
  const design = doc.design as Record<string, unknown>;
  switch (d.int(5)) {
    case 0: {
      if (!isPlain(design?.factors)) return;
      const factors = design.factors;
      const keys = Object.keys(factors);
      if (!keys.length) return;
      const k = d.pick(keys);
      const bad = d.chance(0.5) ? typo(d, k) : d.pick([...FACTOR_PATHS, 'behavior..base', '.users', '__proto__.users', 'constructor.prototype', 'accounts.0.startingFollowers']);
      const v = factors[k];
      delete factors[k];
      put(factors, bad, v);
      mutations.push(`factor ${k} → ${JSON.stringify(bad)}`);
      return;
    }
    case 1: {
      if (!isPlain(design?.factors)) return;
      const keys = Object.keys(design.factors);
      if (!keys.length) return;
      const k = d.pick(keys);
      const value = design.kind === 'latin-hypercube'
        ? d.pick([{ min: 5, max: 1 }, { min: 0, max: 1, log: true }, { min: NaN, max: 1 }, { min: -Infinity, max: 0 }, { max: 1 }, [0, 1], 3])
        : d.pick([[], [NaN], [Infinity, -1], ['2h', 5], [null], 'abc', [{}], [[0.1]]]);
      put(design.factors, k, value);
      mutations.push(`factor ${k} values = ${JSON.stringify(value)}`);
      return;
    }
    case 2: {
      const s = d.pick([[], ['nope'], ['like-chasing', 'like-chasing'], 'like-chasing', [{ kind: 'follow-building', params: { quality: 3 } }], [{ kind: '' }], [{ label: 'x' }], [5], [{ kind: 'like-chasing', extra: 1 }]]);
      doc.strategies = s;
      mutations.push(`strategies = ${JSON.stringify(s)}`);
      return;
    }
    case 3: {
      const p = d.pick([[{}], [], [{ users: -1 }], [{ 'behavior.like.base': 2 }], 'x', [null], [{ 'graph.kind': 'edge-list' }]]);
      doc.design = { kind: 'list', points: p };
      mutations.push(`design = list of ${JSON.stringify(p)}`);
      return;
    }
    default: {
      const kind = d.pick(['grd', 'Grid', 'latin_hypercube', '', 'random', 5, null]);
      if (isPlain(design)) design.kind = kind;
      mutations.push(`design.kind = ${JSON.stringify(kind)}`);
    }
  }
}

/**
 * Case `index` of the fuzz run `seed`, of the given kind. Deterministic: the same arguments
 * always give the same case, on any machine.
 */
export function fuzzCase(kind: FuzzKind, seed: number, index: number): FuzzCase {
  const id = `${kind}/${seed}/${index}`;
  const d = draw(`feedsim-fuzz/${id}`);
  const mutations: string[] = [];
  switch (kind) {
    case 'sweep-size':
      return sizeCase(id, d);
    case 'reserved-names':
      return reservedCase(id, d);
    case 'edge-list': {
      const text = edgeListText(d, 1 + d.int(200), mutations, true);
      return { id, kind, mutations, text, undirected: d.chance(0.5) };
    }
    case 'scenario':
    case 'scenario-text': {
      const base = baseScenario(d);
      if (d.chance(0.1)) {
        // A scenario whose social graph is an edge list with bad lines.
        base.graph = { kind: 'edge-list', text: edgeListText(d, base.users as number, mutations, false), undirected: d.chance(0.5) };
      }
      const doc = mutateDocument(base, d, SCENARIO_BOUNDS, mutations);
      if (kind === 'scenario') return { id, kind, mutations, document: doc };
      const format: TextFormat = d.chance(0.5) ? 'json' : 'yaml';
      return { id, kind, mutations, format, text: mutateText(serialise(doc, format), format, d, mutations) };
    }
    default: {
      const base = baseSweep(d);
      if (d.chance(0.5)) mutateSweep(base, d, mutations);
      const doc = mutateDocument(base, d, SWEEP_BOUNDS, mutations);
      if (kind === 'sweep') return { id, kind, mutations, document: doc };
      const format: TextFormat = d.chance(0.5) ? 'json' : 'yaml';
      return { id, kind, mutations, format, text: mutateText(serialise(doc, format), format, d, mutations) };
    }
  }
}
