import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  addFollow, blockSize, createFollowStore, findFollow, followedAccount, followSlot, notifies, removeFollow, setNotifies, type FollowStore,
} from '../src/accounts/follows.js';
import { createWorld, step, worldBytes } from '../src/index.js';

/** One follow as the model keeps it. */
interface Modelled {
  account: number;
  accustomed: number;
  mark: number;
  notify: boolean;
}

function read(f: FollowStore, u: number): Modelled[] {
  return Array.from({ length: f.count[u] }, (_, k) => {
    const s = followSlot(f, u, k);
    return { account: followedAccount(f, s), accustomed: f.accustomed[s], mark: f.mark[s], notify: notifies(f, s) };
  });
}

/**
 * Random adds, removes and notification switches against a model of per-user arrays with the
 * engine's removal rule (the last follow moves into the removed one's place): the order of each
 * user's follows decides the order of random draws, so it must match exactly, state included.
 */
function churn(users: number, accounts: number, ops: number, seed: string): { f: FollowStore; repacks: number } {
  const rand = seedrandom(seed);
  const f = createFollowStore(users);
  const model: Modelled[][] = Array.from({ length: users }, () => []);
  let repacks = 0;
  for (let i = 0; i < ops; i++) {
    // Skewed users, so blocks of many size classes are made, outgrown and shrunk.
    const u = Math.floor(rand() ** 2 * users);
    const a = Math.floor(rand() * accounts);
    const slot = findFollow(f, u, a);
    const k = model[u].findIndex((m) => m.account === a);
    expect(slot >= 0).toBe(k >= 0);
    if (k >= 0 && rand() < 0.5) {
      expect(slot).toBe(followSlot(f, u, k));
      removeFollow(f, u, slot);
      model[u][k] = model[u][model[u].length - 1];
      model[u].pop();
    } else if (k >= 0) {
      const on = rand() < 0.5;
      setNotifies(f, slot, on);
      model[u][k].notify = on;
    } else {
      const free = f.freeSlots;
      const s = addFollow(f, u, a);
      if (free > 0 && f.freeSlots === 0) repacks++;
      const m = { account: a, accustomed: Math.fround(rand()), mark: Math.fround(i), notify: false };
      f.accustomed[s] = m.accustomed;
      f.mark[s] = m.mark;
      model[u].push(m);
    }
  }
  for (let u = 0; u < users; u++) expect(read(f, u)).toEqual(model[u]);
  return { f, repacks };
}

describe('follow store', () => {
  it('keeps each user\'s follows, in order and with their state, under random churn', () => {
    const { f, repacks } = churn(400, 40, 40_000, 'follows');
    expect(f.count.reduce((a, b) => a + b, 0)).toBeGreaterThan(1000); // the arena has grown past its first size
    expect(repacks).toBeGreaterThan(0); // free blocks were compacted away at least once
  });

  it('size classes: the smallest of 1, 2, 3, 4, 6, 8, 12, … that holds n', () => {
    const classes = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64];
    for (let n = 1; n <= 64; n++) expect(blockSize(n)).toBe(classes.find((c) => c >= n));
    expect(blockSize(65_535)).toBe(65_536);
  });

  it('reuses or compacts freed blocks, so churn does not grow the arena', () => {
    const f = createFollowStore(10);
    for (let round = 0; round < 100; round++) {
      for (let a = 0; a < 9; a++) addFollow(f, 3, a);
      while (f.count[3] > 0) removeFollow(f, 3, followSlot(f, 3, 0));
    }
    // Each round moves 9 follows through blocks of 1, 2, 3, 4, 6 and 12 slots (2,800 in all).
    expect(f.code.length).toBe(1024);
  });

  it('refuses a 65,536th follow of one user', () => {
    const f = createFollowStore(1);
    for (let a = 0; a < 65_535; a++) addFollow(f, 0, a);
    expect(() => addFollow(f, 0, 65_535)).toThrow(/65,535/);
  });

  it('a world\'s follows cost at most 16 bytes each, state and slack included (issue 5)', () => {
    const w = createWorld({ seed: 2, users: 20_000, cycles: 1, startingFollowers: 3000, strategy: { kind: 'follow-building' } });
    step(w, 12);
    const follows = w.accounts.followers.reduce((a, b) => a + b, 0);
    expect(follows).toBeGreaterThan(10_000);
    expect(worldBytes(w).follows / follows).toBeLessThanOrEqual(16);
  });
});
