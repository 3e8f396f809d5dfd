import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runAll, workerExecArgv } from '../src/experiment/pool.js';
import type { RunSpec } from '../src/experiment/run.js';

const spec = (r: number, kind = 'like-chasing'): RunSpec => ({
  id: `r${r}`, label: kind, scenario: { users: 300, cycles: 1, seed: 4 }, strategy: { kind }, replicate: r, seed: 4,
});

describe('runAll (this thread plus worker threads)', () => {
  it('starts worker threads without tsx hooks (the worker imports its ES module natively), keeping per-thread module flags', () => {
    // Without tsx, worker threads inherit this process's flags as they are.
    expect(workerExecArgv(['--max-old-space-size=4096', '--import', './setup.js'])).toBeUndefined();
    // Node refuses V8 flags in an explicit list; they apply to every thread anyway.
    expect(workerExecArgv(['--import', 'tsx', '--max-old-space-size=4096'])).toEqual([]);
    // What the tsx command passes.
    const viaCli = ['--require', '/p/node_modules/tsx/dist/preflight.cjs', '--import', 'file:///p/node_modules/tsx/dist/loader.mjs', '--enable-source-maps'];
    expect(workerExecArgv(viaCli)).toEqual(['--enable-source-maps']);
    expect(workerExecArgv(['--import=tsx/esm', '--import', './setup.js', '-r', 'tsx/cjs', '--conditions=dev'])).toEqual(['--import', './setup.js', '--conditions=dev']);
  });

  it('runs on 2 workers under tsx with a V8 flag (an explicit worker flag list must leave it out)', () => {
    const script = `const { runAll } = await import(${JSON.stringify(new URL('../src/experiment/pool.ts', import.meta.url).href)});
      const out = await runAll(${JSON.stringify([0, 1, 2].map((r) => spec(r)))}, { workers: 2 });
      console.log(out.map((o) => o.id).join(','));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=3072', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.stdout.trim()).toBe('r0,r1,r2');
  });

  it('an interrupt keeps every run finished or in progress (2 workers used to drop them)', async () => {
    const specs = Array.from({ length: 6 }, (_, r) => spec(r));
    const whole = await runAll(specs, { workers: 1 });
    const stop = new AbortController();
    const got: Array<[number, string]> = [];
    // Abort as the first run is delivered: by then this thread has finished its own run and the
    // worker thread holds another; both must be delivered, the rest never started.
    await runAll(specs, { workers: 2, signal: stop.signal, onResult: (r, i) => { got.push([i, JSON.stringify(r)]); stop.abort(); } });
    expect(got.length).toBeGreaterThanOrEqual(3);
    expect(got.length).toBeLessThan(specs.length);
    expect(got.map(([i]) => i)).toEqual([...got.map(([i]) => i)].sort((a, b) => a - b));
    for (const [i, json] of got) expect(json).toBe(JSON.stringify(whole[i]));
  });

  it('delivers every run in spec order, identical for 1, 2 and 3 workers', async () => {
    const specs = Array.from({ length: 7 }, (_, r) => spec(r));
    const order: number[] = [];
    const one = await runAll(specs, { workers: 1 });
    const two = await runAll(specs, { workers: 2, onResult: (_, i) => void order.push(i) });
    const three = await runAll(specs, { workers: 3 });
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(two.map((r) => r.id)).toEqual(specs.map((s) => s.id));
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
    // Different replicates differ, so the comparison above could fail.
    expect(JSON.stringify(one[1].accounts)).not.toBe(JSON.stringify(one[0].accounts));
  });

  it('rejects with the failing run\'s error, wherever it ran', async () => {
    for (const bad of [0, 1, 2]) {
      const specs = [spec(0), spec(1), spec(2), spec(3)];
      specs[bad] = spec(bad, 'no-such-strategy');
      await expect(runAll(specs, { workers: 2 })).rejects.toThrow(/no-such-strategy/);
    }
  });
});
