/**
 * Long run (test:full): 12,000 steps of a 1,000-user world with two focal accounts, turnover,
 * interest drift and retargeting, focal-post summaries streamed away (`onPost`). After a
 * 2,000-step warm-up, memory is sampled every 1,000 steps:
 *
 * - typed-array memory (`worldBytes`, deterministic) must not grow in the second half;
 * - live JavaScript objects after a full GC (counted in a heap snapshot: objects, arrays,
 *   closures, strings, heap numbers) must have a regression slope on steps within three of its
 *   standard errors (the sampled noise) plus 1 object per 1,000 steps;
 * - heap used after GC likewise, plus 50 bytes per step: V8 keeps compiling and re-optimising
 *   for many thousands of steps (measured at 5–11 bytes per step of code and deoptimisation
 *   data, with no JavaScript object retained).
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createWorld, followBuilding, likeChasing, step, worldBytes } from '../src/index.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const WARM_UP = 2_000;
const EVERY = 1_000;
const STEPS = 12_000;

/** Node types of a heap snapshot that are JavaScript values (not code or V8's own bookkeeping). */
const VALUE_TYPES = new Set(['object', 'array', 'closure', 'regexp', 'number', 'string', 'concatenated string', 'sliced string']);

/** Live JavaScript values, counted in a heap snapshot (taking one runs a full GC first). */
function liveValues(): number {
  const file = v8.writeHeapSnapshot(join(tmpdir(), `feedsim-long-run-${process.pid}.heapsnapshot`));
  try {
    const snap = JSON.parse(readFileSync(file, 'utf8')) as {
      snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
      nodes: number[];
    };
    const fields = snap.snapshot.meta.node_fields;
    const types = snap.snapshot.meta.node_types[0];
    const width = fields.length;
    const type = fields.indexOf('type');
    let n = 0;
    for (let i = 0; i < snap.nodes.length; i += width) if (VALUE_TYPES.has(types[snap.nodes[i + type]])) n++;
    return n;
  } finally {
    rmSync(file, { force: true });
  }
}

/** Least-squares slope of y on x, its standard error and the residual standard deviation. */
function regression(x: number[], y: number[]): { slope: number; se: number; sd: number } {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
  }
  const slope = sxy / sxx;
  const rss = y.reduce((a, yi, i) => a + (yi - my - slope * (x[i] - mx)) ** 2, 0);
  const sd = Math.sqrt(rss / (n - 2));
  return { slope, se: sd / Math.sqrt(sxx), sd };
}

describe('long run (test:full)', () => {
  it('memory does not grow with steps over 12,000 steps', () => {
    let summarised = 0;
    const w = createWorld(
      {
        seed: 11,
        users: 1_000,
        cycles: STEPS / 24,
        stepsPerCycle: 24,
        retargeting: true,
        population: { turnover: { probability: 0.2, per: '30d' }, interestDrift: { amount: 0.2, per: '30d' } },
        accounts: [
          { name: 'likes', strategy: likeChasing(), startingFollowers: 50 },
          { name: 'follows', strategy: followBuilding({ postsPerCycle: 3 }), startingFollowers: 50 },
        ],
      },
      { onPost: () => void summarised++ },
    );
    step(w, WARM_UP);
    const at: number[] = [];
    const bytes: number[] = [];
    const values: number[] = [];
    const heap: number[] = [];
    for (let t = WARM_UP; t <= STEPS; t += EVERY) {
      if (t > WARM_UP) step(w, EVERY);
      values.push(liveValues());
      gc();
      heap.push(process.memoryUsage().heapUsed);
      bytes.push(worldBytes(w).total);
      at.push(w.step);
    }
    expect(w.step).toBe(STEPS);
    // The run did something: posts came and went, followers changed.
    expect(summarised).toBeGreaterThan(1_000);
    expect(w.finishedPosts).toHaveLength(0);

    const half = Math.floor(bytes.length / 2);
    const objects = regression(at, values);
    const heapFit = regression(at, heap);
    console.log(
      [
        `long run: ${STEPS} steps, ${w.users.size} users, ${summarised} focal posts summarised`,
        `  worldBytes: ${bytes[0]} → ${bytes[bytes.length - 1]} (min ${Math.min(...bytes)}, max ${Math.max(...bytes)})`,
        `  live JS values: ${values[0]} → ${values[values.length - 1]}; slope ${objects.slope.toFixed(4)} ± ${objects.se.toFixed(4)} per step (sd ${objects.sd.toFixed(1)})`,
        `  heap after GC: ${heap[0]} → ${heap[heap.length - 1]} B; slope ${heapFit.slope.toFixed(2)} ± ${heapFit.se.toFixed(2)} B/step (sd ${heapFit.sd.toFixed(0)} B)`,
      ].join('\n'),
    );
    expect(Math.max(...bytes.slice(half))).toBeLessThanOrEqual(Math.max(...bytes.slice(0, half)));
    expect(objects.slope).toBeLessThanOrEqual(3 * objects.se + 0.001);
    expect(heapFit.slope).toBeLessThanOrEqual(3 * heapFit.se + 50);
  }, 600_000);
});
