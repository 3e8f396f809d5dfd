import { describe, expect, it } from 'vitest';
import { benchScenario } from '../bench/cases.js';
import { createWorld, step, worldBytes } from '../src/index.js';

describe('memory of the bench world (issue 5: ≤ 300 B/user + ≤ 8 B/edge + ≤ 16 B/follow)', () => {
  it('holds at most 300 bytes per user besides the graph and the follows, 8 per edge and 16 per follow', () => {
    const w = createWorld(benchScenario(10_000), { replicate: 2 });
    // Past the first wrap of the post ring (sized up front for the promoted focal post's hold).
    step(w, 30);
    const b = worldBytes(w);
    const follows = w.accounts.followers.reduce((a, x) => a + x, 0);
    expect(w.posts.mask + 1).toBe(8192);
    expect((b.total - b.graph - b.follows) / w.users.size).toBeLessThanOrEqual(300);
    expect(b.graph / w.graph.followers.length).toBeLessThanOrEqual(8);
    expect(b.follows / follows).toBeLessThanOrEqual(16);
  });
});
