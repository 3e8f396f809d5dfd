import { describe, expect, it } from 'vitest';
import { createWorld, simulate, step, worldBytes } from '../src/index.js';

describe('scale (test:full)', () => {
  it('a 100,000-user × 100-step simulate() runs with consistent output', () => {
    const r = simulate({ seed: 3, users: 100_000, cycles: 5, stepsPerCycle: 20 }, { steps: false });
    const c = r.accounts[0].cycles;
    expect(c).toHaveLength(5);
    for (const x of c) {
      for (const v of Object.values(x)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      expect(x.reach).toBeLessThanOrEqual(100_000);
      expect(x.impressions).toBeGreaterThan(0);
    }
  }, 600_000);

  it('world memory does not grow with the number of steps', () => {
    const w = createWorld({ seed: 4, users: 20_000, cycles: 200, stepsPerCycle: 24, content: { freshness: { kind: 'exponential', halfLife: '2h' } } });
    const bytes = () => worldBytes(w).total;
    step(w, 240); // warm-up: pools and stores reach their working size
    const after240 = bytes();
    step(w, 2160); // 90 more days
    const after2400 = bytes();
    // Typed-array memory may double at most once more (a ring growing), never keep growing.
    expect(after2400).toBeLessThanOrEqual(after240 * 2);
    expect(w.finishedPosts.length).toBeGreaterThan(0); // focal summaries are kept (stream them with onPost)
  }, 600_000);
});
