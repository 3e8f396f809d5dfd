/**
 * Fuzz cases for issue 20: sweeps of every size around the bounds (grids whose factors multiply
 * to 10⁹ and beyond, hypercubes of 10⁷ samples, long lists, run counts past a million) and
 * sweeps and comparisons whose strategies carry labels JavaScript objects know (`__proto__`,
 * `constructor`, `toString`, `hasOwnProperty`). Each case knows what must happen: refused with
 * the figure, or run with every label in every output.
 */
import type { Draw } from './mutate.js';
import { RESERVED } from '../helpers/reserved-outputs.js';

/** Whether a sweep must be refused for its size, and for which count. */
export type SizeVerdict = 'too many points' | 'too many runs' | 'fits';

/** A sweep document around the size bounds. */
export interface SizeCase {
  id: string;
  kind: 'sweep-size';
  mutations: string[];
  document: Record<string, unknown>;
  verdict: SizeVerdict;
}

/** A sweep or comparison whose labels are (some of) the reserved names. */
export interface ReservedCase {
  id: string;
  kind: 'reserved-names';
  mutations: string[];
  experiment: 'sweep' | 'compare';
  labels: string[];
  document: Record<string, unknown>;
}

const MAX_POINTS = 100_000;
const MAX_RUNS = 1_000_000;
/** Factors that take any probability: a sweep that fits is valid whatever values are drawn. */
const PATHS = ['behavior.follow.base', 'behavior.like.base', 'behavior.share.base', 'behavior.convert.base', 'behavior.notify.base'];
/** A scenario each run of which takes milliseconds. */
const TINY = { users: 120, cycles: 1, stepsPerCycle: 2 };

/** A whole number from `lo` to `hi`, log-uniform (sizes span orders of magnitude). */
const logInt = (d: Draw, lo: number, hi: number): number => Math.min(hi, Math.floor(Math.exp(Math.log(lo) + d.float() * (Math.log(hi + 1) - Math.log(lo)))));
const values = (d: Draw, n: number): number[] => Array.from({ length: n }, () => Math.round(d.float() * 1e6) / 1e8);

/**
 * A sweep whose size is drawn around the bounds. Designs that fit stay small (at most 2,000
 * points: each is built and checked in the case's time), the rest are far past or just past a bound.
 */
export function sizeCase(id: string, d: Draw): SizeCase {
  const big = d.chance(0.6);
  const kind = d.pick(['grid', 'grid', 'latin-hypercube', 'list'] as const);
  let points: number;
  let design: Record<string, unknown>;
  if (kind === 'grid') {
    // Big: 2-5 factors of up to the schema's 10,000 values each, their product forced past 100,000.
    const n = big ? 2 + d.int(4) : 1 + d.int(3);
    const counts = Array.from({ length: n }, () => (big ? logInt(d, 2, 10_000) : logInt(d, 1, 12)));
    const product = () => counts.reduce((a, b) => a * b, 1);
    while (big && product() <= MAX_POINTS) {
      const i = d.int(n);
      counts[i] = Math.min(10_000, counts[i] * 10);
    }
    points = product();
    design = { kind, factors: Object.fromEntries(counts.map((c, i) => [PATHS[i], values(d, c)])) };
  } else if (kind === 'latin-hypercube') {
    points = big ? logInt(d, MAX_POINTS + 1, 10_000_000) : logInt(d, 1, 2000);
    design = { kind, samples: points, seed: d.int(1000), factors: { [d.pick(PATHS)]: { min: 0, max: 0.01 } } };
  } else {
    points = big ? MAX_POINTS + 1 + d.int(1000) : logInt(d, 1, 2000);
    const path = d.pick(PATHS);
    design = { kind, points: Array.from({ length: points }, (_, i) => ({ [path]: (i % 1000) / 1e5 })) };
  }
  const strategies = ['like-chasing', 'follow-building', 'mixed'].slice(0, 1 + d.int(3));
  // Replicates up to 100,000: runs pass a million for designs that fit, too.
  const replicates = d.chance(0.5) ? logInt(d, 2, 100_000) : 2;
  const runs = points * strategies.length * replicates;
  const verdict: SizeVerdict = points > MAX_POINTS ? 'too many points' : runs > MAX_RUNS ? 'too many runs' : 'fits';
  const mutations = [`${kind} of ${points.toLocaleString('en')} points × ${strategies.length} strategies × ${replicates} replicates = ${runs.toLocaleString('en')} runs`];
  return { id, kind: 'sweep-size', mutations, document: { scenario: TINY, design, strategies, replicates, seed: 1 }, verdict };
}

/** A sweep (one or two points) or a comparison with 2-4 strategies, some labelled with reserved names. */
export function reservedCase(id: string, d: Draw): ReservedCase {
  const pool = [...RESERVED, 'ordinary', 'like-chasing'];
  const labels: string[] = [];
  const n = 2 + d.int(3);
  while (labels.length < n) {
    const l = d.pick(pool);
    if (!labels.includes(l)) labels.push(l);
  }
  if (!labels.some((l) => (RESERVED as readonly string[]).includes(l))) labels[d.int(n)] = d.pick(RESERVED);
  const strategies = labels.map((label) => ({ kind: d.pick(['like-chasing', 'follow-building', 'mixed']), label }));
  const experiment = d.chance(0.5) ? 'sweep' : 'compare';
  const design = { kind: 'grid', factors: { 'behavior.follow.base': d.chance(0.5) ? [0.001] : [0.0005, 0.004] } };
  const document = experiment === 'sweep' ? { scenario: TINY, design, strategies, replicates: 2, seed: 1 + d.int(100) } : { scenario: TINY, strategies, replicates: 2, seed: 1 + d.int(100) };
  return { id, kind: 'reserved-names', mutations: [`${experiment} of ${JSON.stringify(labels)}`], experiment, labels, document };
}

/**
 * A record line made wrong the ways an edit or a foreign writer would: a field removed or of
 * the wrong type, empty accounts or cycles, not JSON, cut short. `line` is a valid run record.
 */
export function craftRecord(d: Draw, line: string): { text: string; mutation: string } {
  const run = JSON.parse(line) as Record<string, unknown>;
  const account = (run.accounts as Array<Record<string, unknown>>)[0];
  const pick = d.int(9);
  switch (pick) {
    case 0: {
      const k = d.pick(['id', 'label', 'replicate', 'seed', 'scenarioHash', 'version', 'accounts', 'warnings']);
      delete run[k];
      return { text: JSON.stringify(run), mutation: `${k} deleted` };
    }
    case 1: {
      const k = d.pick(['id', 'label', 'replicate', 'seed', 'point', 'scenarioHash', 'accounts', 'warnings']);
      const v = d.pick([null, 'x', -1, 1.5, [], {}, true]);
      run[k] = v;
      return { text: JSON.stringify(run), mutation: `${k} = ${JSON.stringify(v)}` };
    }
    case 2:
      return { text: JSON.stringify({ id: run.id, accounts: [] }), mutation: 'only id and accounts: []' };
    case 3:
      account.cycles = d.pick([[], [{}], [{ cycle: 1 }], 'x', [{ cycle: 0, cumulativeNpv: 1 }]]);
      return { text: JSON.stringify(run), mutation: `cycles = ${JSON.stringify(account.cycles)}` };
    case 4:
      return { text: line.slice(0, 1 + d.int(line.length - 2)), mutation: 'cut short' };
    case 5:
      return { text: d.pick(['', 'null', '[]', '42', '"run"', '{}', 'not json']), mutation: 'not a run at all' };
    case 6:
      run.id = d.pick(['p999/like-chasing/r0', 'nonsense', '', `${run.id}`]);
      return { text: JSON.stringify(run), mutation: `id = ${JSON.stringify(run.id)}` };
    case 7:
      run.replicate = d.pick([99, 2, 0]);
      return { text: JSON.stringify(run), mutation: `replicate = ${run.replicate}` };
    default:
      (account.cycles as Array<Record<string, unknown>>)[0].cumulativeNpv = d.pick(['1', null, [], {}]);
      return { text: JSON.stringify(run), mutation: `cumulativeNpv = ${JSON.stringify((account.cycles as Array<Record<string, unknown>>)[0].cumulativeNpv)}` };
  }
}
