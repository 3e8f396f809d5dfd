import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { addFollow, createFollowStore, findFollow, followSlot, removeFollow } from '../src/accounts/follows.js';

describe('follow store', () => {
  it('matches a Map-of-Sets model under random adds and removes', () => {
    const rand = seedrandom('follows');
    const users = 50;
    const f = createFollowStore(users);
    const model = Array.from({ length: users }, () => new Set<number>());
    for (let i = 0; i < 20_000; i++) {
      const u = Math.floor(rand() * users);
      const a = Math.floor(rand() * 30);
      const slot = findFollow(f, u, a);
      expect(slot >= 0).toBe(model[u].has(a));
      if (slot >= 0 && rand() < 0.6) {
        removeFollow(f, u, slot);
        model[u].delete(a);
      } else if (slot < 0) {
        const s = addFollow(f, u, a);
        f.accustomed[s] = a / 100;
        model[u].add(a);
      }
    }
    for (let u = 0; u < users; u++) {
      expect(f.count[u]).toBe(model[u].size);
      const accounts = Array.from({ length: f.count[u] }, (_, k) => f.account[followSlot(f, u, k)]).sort((x, y) => x - y);
      expect(accounts).toEqual([...model[u]].sort((x, y) => x - y));
      // State moves with its follow when another is removed.
      for (let k = 0; k < f.count[u]; k++) {
        const s = followSlot(f, u, k);
        expect(f.accustomed[s]).toBeCloseTo(f.account[s] / 100, 6);
      }
    }
  });

  it('reuses freed pages, so churn does not grow the pool', () => {
    const f = createFollowStore(10);
    for (let round = 0; round < 100; round++) {
      for (let a = 0; a < 9; a++) addFollow(f, 3, a);
      while (f.count[3] > 0) removeFollow(f, 3, followSlot(f, 3, 0));
    }
    expect(f.pages).toBeLessThanOrEqual(3);
  });
});
