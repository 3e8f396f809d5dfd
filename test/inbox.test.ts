import { describe, expect, it } from 'vitest';
import { inboxViaAt, pushInbox, viaWidthFor, type Inboxes } from '../src/feed/inbox.js';

const inboxes = (users: number, size: number): Inboxes => ({
  inboxSerial: new Int32Array(users * size).fill(-1),
  inboxVia: new Uint8Array(users * size * viaWidthFor(users)),
  viaWidth: viaWidthFor(users),
  inboxState: new Uint8Array(2 * users),
  inboxSize: size,
  sink: new Float64Array(1),
});

describe('inbox', () => {
  it('stores each origin in the fewest bytes that hold every user index', () => {
    expect([viaWidthFor(65_536), viaWidthFor(65_537), viaWidthFor(16_777_216), viaWidthFor(16_777_217)]).toEqual([2, 3, 3, 4]);
    // The largest index of each width survives the round trip (a 4-byte inbox is tested on 3
    // users: only the width matters, not the world).
    for (const [width, via] of [[2, 65_535], [3, 16_777_215], [4, 49_999_999]] as const) {
      const w = { ...inboxes(3, 4), inboxVia: new Uint8Array(3 * 4 * width), viaWidth: width };
      pushInbox(w, 2, 7, via, false);
      pushInbox(w, 2, 8, 1, false);
      expect([inboxViaAt(w, 8), inboxViaAt(w, 9)]).toEqual([via, 1]);
      expect(w.inboxSerial.slice(8, 12)).toEqual(Int32Array.from([7, 8, -1, -1]));
    }
  });

  it('keeps the newest entries, counts occupied slots and skips a waiting duplicate', () => {
    const w = inboxes(2, 3);
    for (const serial of [10, 11, 12, 13]) pushInbox(w, 1, serial, serial + 100, false);
    // The ring overwrote the oldest (10); 3 slots occupied; the next write goes to slot 1.
    expect(Array.from(w.inboxSerial.slice(3, 6))).toEqual([13, 11, 12]);
    expect([w.inboxState[2], w.inboxState[3]]).toEqual([1, 3]);
    pushInbox(w, 1, 12, 5, true);
    expect(Array.from(w.inboxSerial.slice(3, 6))).toEqual([13, 11, 12]);
    expect(inboxViaAt(w, 3 + 2)).toBe(112);
  });
});
