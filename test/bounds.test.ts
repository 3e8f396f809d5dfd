import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorld, estimateWorldBytes, parseEdgeList, resolveScenario, sweep, ScenarioError, worldBytes } from '../src/index.js';
import { applyPoint, expandDesign } from '../src/experiment/design.js';
import { checkMemory } from '../src/experiment/memory-check.js';
import { checkSweepDocument } from '../src/io/scenario-file.js';
import { cliHere, tempDir, writeIn } from './helpers/cli.js';

// Issue 20, class 1: every input's cost is counted before work starts (points, runs, bytes,
// steps) and refused with exit 2 and the figure. Each test counts, none times: a refusal must
// come before any point is built or any run starts.

const values = (n: number) => Array.from({ length: n }, (_, i) => (i + 1) / 1e5);
const grid = (...counts: number[]) => ({ kind: 'grid' as const, factors: Object.fromEntries(counts.map((n, i) => [['behavior.follow.base', 'behavior.like.base', 'behavior.share.base'][i], values(n)])) });

describe('design sizes are counted before expanding', () => {
  it('a grid whose factors multiply past 100,000 points is refused with the product, before any point is built', () => {
    // 100 × 100 × 100 = 10⁶ points (3 × 1,000 values, the 10⁹, crashed V8 after a minute).
    expect(() => expandDesign(grid(100, 100, 100))).toThrow(/design: "1,000,000 points" — \(100 × 100 × 100 values\) must have at most 100,000 points/);
  });

  it('a sweep file is refused from its design size and run count before its scenario is read', () => {
    const refuse = (doc: unknown, pattern: RegExp) => expect(() => checkSweepDocument(doc, '/nonexistent')).toThrow(pattern);
    // The scenario names a file that does not exist: the size problem comes first.
    refuse({ scenario: 'missing.yaml', design: grid(1000, 1000, 1000), strategies: ['like-chasing'] }, /1,000,000,000 points/);
    refuse({ design: { kind: 'latin-hypercube', samples: 1_000_000, seed: 1, factors: { 'behavior.follow.base': { min: 0, max: 1 } } }, strategies: ['like-chasing'] }, /design\.samples.*1 to 100,000/);
    refuse({ design: grid(250, 200), strategies: ['like-chasing', 'follow-building'], replicates: 20 }, /replicates: "2,000,000 runs" — \(50,000 points × 2 strategies × 20 replicates\): a sweep has at most 1,000,000 runs/);
  });

  it('sweep() refuses an oversized design before any run starts', async () => {
    let runs = 0;
    await expect(sweep({ scenario: { users: 50, cycles: 1 }, design: grid(400, 400), strategies: ['like-chasing'], replicates: 2, onRun: () => void runs++ })).rejects.toThrow(/160,000 points/);
    expect(runs).toBe(0);
  });
});

describe('the memory estimate counts what the world will hold', () => {
  it('the post store, sized from the creators\' posting rate per step (long steps post many at once)', () => {
    const s = resolveScenario({ users: 300, cycles: 2, stepDuration: '3e4h' });
    const actual = worldBytes(createWorld(s, { replicate: 0 })).total;
    expect(actual).toBeGreaterThan(64 * 2 ** 20); // more than the whole former estimate
    expect(estimateWorldBytes(s)).toBeGreaterThanOrEqual(actual);
  });

  it('a world whose posts cannot fit is refused naming the posting rate, not the users', () => {
    const s = resolveScenario({ users: 300, cycles: 2, stepDuration: '1e308h' });
    expect(() => checkMemory(s, 1, 2 * 2 ** 30)).toThrow(/content: .*steps of 1e308h.*of it live posts.*post less per step/);
  });

  it('an edge list\'s edges, text and parse are counted (a list of short lines has more edges than its length / 8)', () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `${i % 9} ${(i * 7) % 10}`).join('\n');
    const s = resolveScenario({ users: 10, startingFollowers: 0, graph: { kind: 'edge-list', text } });
    const world = resolveScenario({ users: 10, startingFollowers: 0, graph: { kind: 'edge-list', text: '0 1' } });
    // 200,000 lines (90 distinct edges once deduplicated): counted as lines, an upper bound; and
    // the text, its JSON form (hashed) and the parser's 8 bytes a line, held while the world is built.
    expect(estimateWorldBytes(s) - estimateWorldBytes(world)).toBeGreaterThanOrEqual(2 * 6 * (200_000 - 1) + 2 * (text.length - 3) + 8 * (200_000 - 1));
  });

  it('a 10-byte edge list naming user 49,999,999 is refused before its graph is built', async () => {
    const dir = tempDir();
    writeIn(dir, 'big.txt', '0 49999999');
    const file = writeIn(dir, 'big.json', JSON.stringify({ graph: { kind: 'edge-list', file: 'big.txt' } }));
    process.env.FEEDSIM_MEMORY_LIMIT = '8G';
    const before = process.memoryUsage().arrayBuffers;
    try {
      const r = await cliHere(['validate', file]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/graph\.file: "big\.txt" — names users 0 … 49,999,999 and 1 edges: a world of 50,000,000 users needs at least an estimated 16\.\d GB, more than 90 % of this machine's 8\.0 GB/);
      // Not a byte of its 200 MB of row offsets was allocated.
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 2 ** 20);
    } finally {
      delete process.env.FEEDSIM_MEMORY_LIMIT;
    }
  });
});

describe('edge lists: read within what a string can hold, parsed once, stored once', () => {
  it('a file past 256 MiB is refused by its size, before it is read (the former 1 GiB limit could not be read)', async () => {
    const dir = tempDir();
    const list = writeIn(dir, 'huge.txt', '');
    truncateSync(list, 300 * 2 ** 20); // sparse: no disk, and never read
    const file = writeIn(dir, 's.json', JSON.stringify({ graph: { kind: 'edge-list', file: 'huge.txt' } }));
    const r = await cliHere(['validate', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/graph\.file: .*is 314572800 bytes; at most 268435456 are read/);
  });

  it('the same text (equal content, not only the same string) returns the same graph without parsing it again', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `${i} ${(i * 31) % 5000}`).join('\n');
    const g = parseEdgeList(text);
    expect(parseEdgeList(`${text.slice(0, 10)}${text.slice(10)}`)).toBe(g);
    expect(parseEdgeList(text, { undirected: true })).not.toBe(g);
  });

  it('a design point shares the scenario\'s edge list instead of copying it, and leaves the scenario as it was', () => {
    const scenario = { users: 20, graph: { kind: 'edge-list' as const, text: '0 1\n1 2' }, behavior: { follow: { base: 0.1 } } };
    const before = JSON.stringify(scenario);
    const p = applyPoint(scenario, { 'behavior.follow.base': 0.2, 'behavior.like.base': 0.3 }) as typeof scenario & { behavior: { like: { base: number } } };
    expect(p.graph).toBe(scenario.graph);
    expect(p.behavior).toEqual({ follow: { base: 0.2 }, like: { base: 0.3 } });
    expect(JSON.stringify(scenario)).toBe(before);
  });

  it('the manifest names the edge list stored once beside it; resume reads it from there', async () => {
    const dir = tempDir();
    const text = Array.from({ length: 3000 }, (_, i) => `${i % 200} ${(i * 13) % 200}`).join('\n');
    writeIn(dir, 'edges.txt', text);
    const design = writeIn(dir, 'sweep.json', JSON.stringify({
      scenario: { graph: { kind: 'edge-list', file: 'edges.txt' }, cycles: 1, stepsPerCycle: 2 },
      design: grid(3), strategies: ['like-chasing'], replicates: 2, seed: 1,
    }));
    const out = join(dir, 'out');
    expect((await cliHere(['sweep', design, '--shard', '0/2', '--out', out, '-w', '1'])).status).toBe(0);
    const manifest = readFileSync(join(out, 'manifest.json'), 'utf8');
    expect(manifest.length).toBeLessThan(2000);
    expect(manifest).not.toContain('199 ');
    const stored = readdirSync(out).filter((f) => /^edge-list-[0-9a-f]{16}\.txt$/.test(f));
    expect(stored).toHaveLength(1);
    expect(readFileSync(join(out, stored[0]), 'utf8')).toBe(text);
    expect(JSON.parse(manifest).input.scenario.graph).toEqual({ kind: 'edge-list', file: stored[0] });
    // Resume reads the list from the directory: the scenario file beside the design may be gone.
    writeFileSync(join(dir, 'edges.txt'), 'not an edge list');
    const runs = readFileSync(join(out, 'runs.jsonl'), 'utf8').trim().split('\n');
    writeFileSync(join(out, 'runs.jsonl'), runs.slice(0, 1).join('\n') + '\n');
    const r = await cliHere(['sweep', '--resume', out, '-w', '1']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, 'runs.jsonl'), 'utf8').trim().split('\n').sort()).toEqual(runs.sort());
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
  });
});

describe('steps', () => {
  it('a run of more than 2³⁰ steps is refused before any work (step numbers are 32-bit)', async () => {
    const file = writeIn(tempDir(), 'long.json', JSON.stringify({ users: 200, cycles: 100_000, stepsPerCycle: 100_000 }));
    const r = await cliHere(['validate', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cycles: "100,000 cycles × 100,000 steps = 10,000,000,000 steps" — a run has at most 1,073,741,824 steps/);
  });
});

it('refusals are ScenarioErrors (exit 2), not crashes', () => {
  expect(() => expandDesign(grid(1000, 1000))).toThrow(ScenarioError);
});
